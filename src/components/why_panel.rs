//! "Why?": for the selected node, each DaemonSet's explanation from the engine
//! (`Cluster::explain`): whether it should run a pod there, the rule that decided, and what holds
//! an existing pod up.

use super::{use_state, use_views};
use leptos::prelude::*;

#[component]
pub fn WhyPanel() -> impl IntoView {
    let state = use_state();
    let views = use_views();
    let explanations = Memo::new(move |_| {
        let node = views.selected.get()?;
        let why = state.with(|p| p.explanations(&node));
        Some((node, why))
    });

    view! {
        <section class="panel why" aria-labelledby="why-heading">
            <div class="panel-head">
                <h2 id="why-heading">"Why?"</h2>
                <span class="hint">"Why is there (no) pod here?"</span>
            </div>
            <div aria-live="polite">
                {move || match explanations.get() {
                    None => {
                        view! {
                            <p class="empty">
                                "Select a node (click its card) to see, for each DaemonSet, why it has a pod there or not."
                            </p>
                        }
                            .into_any()
                    }
                    Some((node, why)) if why.is_empty() => {
                        view! {
                            <p class="empty">{format!("No DaemonSet to explain on {node} yet: apply one.")}</p>
                        }
                            .into_any()
                    }
                    Some((node, why)) => {
                        view! {
                            <p class="why-node">"Node " <strong>{node}</strong></p>
                            <ul class="why-list">
                                {why
                                    .into_iter()
                                    .map(|e| {
                                        view! {
                                            <li>
                                                <strong class="ds-name">{e.daemonset}</strong>
                                                <span>{e.summary}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }}
            </div>
        </section>
    }
}

//! "Why?": for the selected node, each DaemonSet's explanation from the engine
//! (`Cluster::explain`): whether it should run a pod there, the rule that decided, and what holds
//! an existing pod up, said in the page's language (`crate::i18n::explain`).

use super::use_state;
use crate::i18n::{Msg, use_i18n};
use leptos::prelude::*;

#[component]
pub fn WhyPanel() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let t = move |msg| i18n.t(msg);
    let why = state.parts().why;
    let explanations =
        Memo::new(move |_| why.with(|w| w.node.clone().map(|node| (node, w.explanations.clone()))));

    view! {
        <section class="panel why" aria-labelledby="why-heading">
            <div class="panel-head">
                <h2 id="why-heading">{i18n.tr(Msg::Why)}</h2>
                <span class="hint">{i18n.tr(Msg::WhyHint)}</span>
            </div>
            <div aria-live="polite">
                {move || match explanations.get() {
                    None => {
                        view! {
                            <p class="empty">{t(Msg::WhySelect)}</p>
                        }
                            .into_any()
                    }
                    Some((node, why)) if why.is_empty() => {
                        view! {
                            <p class="empty">{i18n.f(Msg::WhyNothing, &[("node", &node)])}</p>
                        }
                            .into_any()
                    }
                    Some((node, why)) => {
                        view! {
                            <p class="why-node">{t(Msg::WhyNode)} " " <strong>{node}</strong></p>
                            <ul class="why-list">
                                {why
                                    .into_iter()
                                    .map(|e| {
                                        let sentence = e.sentence(i18n.lang()).to_string();
                                        view! {
                                            <li>
                                                <strong class="ds-name">{e.daemonset}</strong>
                                                <span>{sentence}</span>
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

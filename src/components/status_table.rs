//! Status: the live `kubectl get ds -A` and a progress bar per DaemonSet.

use super::{use_state, use_views};
use crate::playground::{DaemonSetView, Playground, RevisionView};
use leptos::prelude::*;

#[component]
pub fn StatusTable() -> impl IntoView {
    let state = use_state();
    let views = use_views();
    let table = Memo::new(move |_| state.with(|p| p.ds_table().to_string()));
    let revisions = Memo::new(move |_| state.with(Playground::revision_views));

    view! {
        <section class="panel status" aria-labelledby="status-heading">
            <div class="panel-head">
                <h2 id="status-heading">"DaemonSets"</h2>
                <span class="hint">"kubectl get ds -A"</span>
            </div>
            <ul class="progress-list" aria-label="Rollout progress">
                <For
                    each=move || views.daemonsets.get()
                    key=|ds| ds.clone()
                    let(ds)
                >
                    <Progress ds=ds />
                </For>
            </ul>
            <pre class="ds-table" tabindex="0" aria-label="kubectl get ds -A">
                {move || table.get()}
            </pre>
            <details class="history">
                <summary>"Revision history"</summary>
                <ul class="history-list" aria-label="Revision history">
                    <For each=move || revisions.get() key=|r| r.clone() let(r)>
                        <Revision r=r />
                    </For>
                </ul>
            </details>
        </section>
    }
}

/// How far a DaemonSet got: pods up to date and available, of those desired.
#[component]
fn Progress(ds: DaemonSetView) -> impl IntoView {
    let name = format!("{}/{}", ds.namespace, ds.name);
    let max = ds.desired.max(1).to_string();
    let done = ds.desired > 0 && ds.updated == ds.desired && ds.available == ds.desired;
    view! {
        <li class="progress" class:done=done>
            <span class="ds-name">{name.clone()}</span>
            <span class="bar-row">
                <progress max=max.clone() value=ds.updated.to_string() aria-label=format!("{name} up to date")></progress>
                <span class="count">{format!("{}/{} up to date", ds.updated, ds.desired)}</span>
            </span>
            <span class="bar-row">
                <progress max=max value=ds.available.to_string() aria-label=format!("{name} available")></progress>
                <span class="count">{format!("{}/{} available", ds.available, ds.desired)}</span>
            </span>
        </li>
    }
}

/// One revision: its number and images, and "Roll back" to it unless it is the current one.
#[component]
fn Revision(r: RevisionView) -> impl IntoView {
    let state = use_state();
    let RevisionView {
        namespace,
        daemonset,
        revision,
        images,
        current,
    } = r;
    let label = format!("Roll back {namespace}/{daemonset} to revision {revision}");
    view! {
        <li class="revision" class:current=current>
            <span class="ds-name">{format!("{namespace}/{daemonset}")}</span>
            <span class="rev">{format!("revision {revision}")}</span>
            <code class="images">{images}</code>
            {if current {
                view! { <span class="hint">"current"</span> }.into_any()
            } else {
                view! {
                    <button
                        type="button"
                        aria-label=label
                        title="kubectl rollout undo ds/NAME --to-revision=N"
                        on:click=move |_| {
                            state.act(|p| {
                                p.roll_back(&namespace, &daemonset, revision);
                            });
                        }
                    >
                        "Roll back"
                    </button>
                }
                    .into_any()
            }}
        </li>
    }
}

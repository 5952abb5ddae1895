//! Status: the live `kubectl get ds -A` and a progress bar per DaemonSet.

use super::folded::Folded;
use super::{use_state, use_views};
use crate::host::protocol::Request;
use crate::i18n::{Msg, Text, use_i18n};
use crate::playground::{DaemonSetView, RevisionView};
use dsplay_engine::query::rollout::NodeProgress;
use leptos::prelude::*;

#[component]
pub fn StatusTable() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let views = use_views();
    let table = state.parts().ds_table;
    let revisions = state.parts().revisions;

    view! {
        <section class="panel status" aria-labelledby="status-heading">
            <div class="panel-head">
                <h2 id="status-heading">{i18n.tr(Msg::DaemonSets)}</h2>
                <span class="hint">"kubectl get ds -A"</span>
            </div>
            <ul class="progress-list" aria-label=i18n.tr(Msg::RolloutProgress)>
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
            <Folded class="history" summary=Msg::RevisionHistory>
                <ul class="history-list" aria-label=i18n.tr(Msg::RevisionHistory)>
                    <For each=move || revisions.get() key=|r| r.clone() let(r)>
                        <Revision r=r />
                    </For>
                </ul>
            </Folded>
        </section>
    }
}

/// How far a DaemonSet got: pods up to date and available, of those desired; its revisions; and
/// during a rollout, each node's progress and what the rollout waits for.
#[component]
fn Progress(ds: DaemonSetView) -> impl IntoView {
    let i18n = use_i18n();
    let name = format!("{}/{}", ds.namespace, ds.name);
    let max = ds.desired.max(1).to_string();
    let done = ds.desired > 0 && ds.updated == ds.desired && ds.available == ds.desired;
    let legend = (!ds.old_revisions.is_empty()).then(|| {
        let current = ds.revision.map(|r| {
            view! {
                <li class="rev-current">
                    <span class="pod-rev">
                        {i18n.tr_text(Text::new(Msg::RevisionLegendCurrent).arg("revision", r))}
                    </span>
                </li>
            }
        });
        let old = ds
            .old_revisions
            .iter()
            .map(|r| {
                view! {
                    <li class="rev-old">
                        <span class="pod-rev">
                            {i18n.tr_text(Text::new(Msg::RevisionOld).arg("revision", *r))}
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="rev-legend" aria-label=i18n.tr(Msg::Revisions)>
                {current}
                {old}
            </ul>
        }
    });
    let rollout = ds.rollout.clone();
    let strip = (rollout.total() > 0).then(|| {
        let counts = i18n.tr_text(
            Text::new(Msg::ProgressCounts)
                .arg("done", rollout.done)
                .arg("rolling", rollout.rolling + rollout.missing)
                .arg("waiting", rollout.waiting),
        );
        // The model lists the nodes only when there are few enough to draw (STRIP_LIMIT).
        let cells = (!rollout.nodes.is_empty()).then(|| {
            let cells = rollout
                .nodes
                .iter()
                .map(|(node, p)| {
                    let (class, msg) = match p {
                        NodeProgress::Done => ("node-done", Msg::NodeDone),
                        NodeProgress::Rolling => ("node-rolling", Msg::NodeRolling),
                        NodeProgress::Waiting => ("node-waiting", Msg::NodeWaiting),
                        NodeProgress::Missing => ("node-missing", Msg::NodeMissing),
                    };
                    let label = i18n.tr_text(Text::new(msg).arg("node", node));
                    view! { <li class=class title=label.clone() aria-label=label></li> }
                })
                .collect_view();
            view! {
                <ol
                    class="node-strip"
                    aria-label=i18n.tr_text(Text::new(Msg::NodesByProgress).arg("daemonset", &name))
                >
                    {cells}
                </ol>
            }
        });
        view! {
            {cells}
            <span class="strip-counts">{counts}</span>
        }
    });
    let next = rollout.next.clone();
    let waiting = rollout.held;
    view! {
        <li class="progress" class:done=done>
            <span class="ds-name">{name.clone()}</span>
            {legend}
            <span class="bar-row">
                <progress
                    max=max.clone()
                    value=ds.updated.to_string()
                    aria-label=i18n.tr_text(Text::new(Msg::UpToDateOf).arg("daemonset", &name))
                ></progress>
                <span class="count">
                    {i18n.tr_text(Text::new(Msg::UpToDateCount).arg("n", ds.updated).arg("desired", ds.desired))}
                </span>
            </span>
            <span class="bar-row">
                <progress
                    max=max
                    value=ds.available.to_string()
                    aria-label=i18n.tr_text(Text::new(Msg::AvailableOf).arg("daemonset", &name))
                ></progress>
                <span class="count">
                    {i18n.tr_text(Text::new(Msg::AvailableCount).arg("n", ds.available).arg("desired", ds.desired))}
                </span>
            </span>
            {strip}
            <span class="rollout-next" class:waiting=waiting>{i18n.tr_text(next)}</span>
        </li>
    }
}

/// One revision: its number and images, and "Roll back" to it unless it is the current one.
#[component]
fn Revision(r: RevisionView) -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let RevisionView {
        namespace,
        daemonset,
        revision,
        images,
        current,
    } = r;
    let qualified = format!("{namespace}/{daemonset}");
    let label = move || {
        i18n.f(
            Msg::RollBackTo,
            &[("daemonset", &qualified), ("revision", &revision)],
        )
    };
    view! {
        <li class="revision" class:current=current>
            <span class="ds-name">{format!("{namespace}/{daemonset}")}</span>
            <span class="rev">{i18n.tr_text(Text::new(Msg::RevisionN).arg("revision", revision))}</span>
            <code class="images">{images}</code>
            {if current {
                view! { <span class="hint">{i18n.tr(Msg::Current)}</span> }.into_any()
            } else {
                view! {
                    <button
                        type="button"
                        aria-label=label
                        title="kubectl rollout undo ds/NAME --to-revision=N"
                        on:click=move |_| {
                            state.send(Request::RollBack {
                                namespace: namespace.clone(),
                                daemonset: daemonset.clone(),
                                revision,
                            });
                        }
                    >
                        {i18n.tr(Msg::RollBack)}
                    </button>
                }
                    .into_any()
            }}
        </li>
    }
}

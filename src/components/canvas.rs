//! The cluster canvas: one card per node in a responsive grid, and "Add node".

use super::dense::{DENSE_THRESHOLD, DenseGrid};
use super::folded::Folded;
use super::node_card::EFFECTS;
use super::node_card::NodeCard;
use super::{use_state, use_views};
use crate::host::protocol::Request;
use crate::i18n::{I18n, Msg, use_i18n};
use crate::playground::NewNodes;
use leptos::prelude::*;

/// The most nodes one "Add node" adds.
const MAX_ADD: usize = 100;

#[component]
pub fn Canvas() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let t = move |msg| i18n.t(msg);
    let views = use_views();
    let count = RwSignal::new(1usize);
    // More than MAX_ADD was asked for: say so rather than add fewer in silence.
    let capped = RwSignal::new(false);
    // By the model's count, not the nodes shown so far (a big Apply's come in batches).
    let node_count = state.parts().node_count;
    let dense = Memo::new(move |_| node_count.get() > DENSE_THRESHOLD);
    let spec = RwSignal::new(NewNodes {
        effect: EFFECTS[0].to_string(),
        ..NewNodes::default()
    });
    let add = move |_| {
        let n = count.get_untracked().clamp(1, MAX_ADD);
        let mut form = spec.get_untracked();
        // An effect alone (no taints typed) is no option: the plain "Add node".
        if form.taints.trim().is_empty() {
            form.effect.clear();
        }
        let request = Request::AddNodes {
            spec: form,
            count: n,
        };
        state.ask(request, move |reply| {
            if !reply.is_error() {
                spec.update(|s| s.name.clear());
            }
        });
    };

    view! {
        <section class="panel canvas" aria-labelledby="canvas-heading">
            <div class="panel-head">
                <h2 id="canvas-heading">{i18n.tr(Msg::Nodes)}</h2>
                <span class="hint">
                    {move || {
                        let n = views.node_names.with(Vec::len);
                        if n == 1 { t(Msg::NodeCountOne).to_string() } else { i18n.f(Msg::NodeCountMany, &[("n", &n)]) }
                    }}
                </span>
                <div class="add-node">
                    <input
                        type="number"
                        min="1"
                        max=MAX_ADD.to_string()
                        aria-label=i18n.tr(Msg::HowManyNodes)
                        prop:value=move || count.get().to_string()
                        on:change=move |ev| {
                            let n = event_target_value(&ev).trim().parse::<usize>().unwrap_or(1);
                            capped.set(n > MAX_ADD);
                            count.set(n.clamp(1, MAX_ADD));
                        }
                    />
                    <button type="button" class="primary" on:click=add>
                        {i18n.tr(Msg::AddNode)}
                    </button>
                    {move || {
                        capped
                            .get()
                            .then(|| {
                                view! {
                                    <span class="add-node-capped" role="status">
                                        {i18n.f(Msg::AddNodeCapped, &[("max", &MAX_ADD)])}
                                    </span>
                                }
                            })
                    }}
                </div>
            </div>
            <Folded class="add-node-options" summary=Msg::NewNodeOptions>
                <div class="option-grid">
                    {field(i18n, Msg::FieldName, Some(Msg::FieldNameHint), "", spec, |s| &mut s.name)}
                    {field(i18n, Msg::FieldLabels, None, "key=value, ...", spec, |s| &mut s.labels)}
                    {field(i18n, Msg::FieldTaints, Some(Msg::FieldTaintsHint), "", spec, |s| &mut s.taints)}
                    <label>
                        {i18n.tr(Msg::TaintEffect)}
                        <select on:change=move |ev| {
                            let effect = event_target_value(&ev);
                            spec.update(|s| s.effect = effect);
                        }>
                            {EFFECTS.iter().map(|e| view! { <option value=*e>{*e}</option> }).collect_view()}
                        </select>
                    </label>
                    {field(i18n, Msg::FieldCpu, None, "4", spec, |s| &mut s.cpu)}
                    {field(i18n, Msg::FieldMemory, None, "16Gi", spec, |s| &mut s.memory)}
                    {field(i18n, Msg::FieldPods, None, "110", spec, |s| &mut s.pods)}
                </div>
            </Folded>
            <Show
                when=move || dense.get()
                fallback=move || {
                    view! {
                        <ul role="list" aria-label=i18n.tr(Msg::Nodes) class="node-grid">
                            // None while dense: a change of the names reaches this list
                            // before the Show that drops it, and above the threshold it built
                            // a card for every node of the batch only to drop them (about
                            // 500 ms a batch of 1,000 nodes, issue 22's settle bench).
                            <For
                                each=move || {
                                    if dense.get() { Vec::new() } else { views.node_names.get() }
                                }
                                key=|name| name.clone()
                                let(name)
                            >
                                <NodeCard name=name />
                            </For>
                        </ul>
                    }
                }
            >
                <DenseGrid />
            </Show>
            <Show when=move || views.node_names.with(Vec::is_empty)>
                <p class="empty">{i18n.tr(Msg::NoNodes)}</p>
            </Show>
        </section>
    }
}

/// A text field of the new node options, bound to one field of the form. Its placeholder is
/// `hint` in the page's language, else `example` (a value, the same in every language).
fn field(
    i18n: I18n,
    label: Msg,
    hint: Option<Msg>,
    example: &'static str,
    spec: RwSignal<NewNodes>,
    part: fn(&mut NewNodes) -> &mut String,
) -> impl IntoView {
    view! {
        <label>
            {i18n.tr(label)}
            <input
                type="text"
                placeholder=move || hint.map_or(example, |h| i18n.t(h))
                spellcheck="false"
                autocapitalize="off"
                prop:value=move || spec.with(|s| part(&mut s.clone()).clone())
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    spec.update(|s| *part(s) = value);
                }
            />
        </label>
    }
}

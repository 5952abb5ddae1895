//! The cluster canvas: one card per node in a responsive grid, and "Add node".

use super::dense::{DENSE_THRESHOLD, DenseGrid};
use super::node_card::NodeCard;
use super::{use_state, use_views};
use leptos::prelude::*;

/// The most nodes one "Add node" adds.
const MAX_ADD: usize = 100;

#[component]
pub fn Canvas() -> impl IntoView {
    let state = use_state();
    let views = use_views();
    let count = RwSignal::new(1usize);
    let dense = Memo::new(move |_| views.node_names.with(Vec::len) > DENSE_THRESHOLD);
    let add = move |_| {
        let n = count.get_untracked().clamp(1, MAX_ADD);
        state.act(|p| {
            p.add_nodes(n);
        });
    };

    view! {
        <section class="panel canvas" aria-labelledby="canvas-heading">
            <div class="panel-head">
                <h2 id="canvas-heading">"Nodes"</h2>
                <span class="hint">
                    {move || {
                        let n = views.node_names.with(Vec::len);
                        if n == 1 { "1 node".to_string() } else { format!("{n} nodes") }
                    }}
                </span>
                <div class="add-node">
                    <input
                        type="number"
                        min="1"
                        max=MAX_ADD.to_string()
                        aria-label="How many nodes to add"
                        prop:value=move || count.get().to_string()
                        on:change=move |ev| {
                            let n = event_target_value(&ev).trim().parse::<usize>().unwrap_or(1);
                            count.set(n.clamp(1, MAX_ADD));
                        }
                    />
                    <button type="button" class="primary" on:click=add>
                        "Add node"
                    </button>
                </div>
            </div>
            <Show
                when=move || dense.get()
                fallback=move || {
                    view! {
                        <ul role="list" aria-label="Nodes" class="node-grid">
                            <For
                                each=move || views.node_names.get()
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
                <p class="empty">
                    "No nodes. Add some with \u{201c}Add node\u{201d}, or apply Node manifests."
                </p>
            </Show>
        </section>
    }
}

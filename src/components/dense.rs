//! The dense view of a large cluster: one small cell per node, coloured by the most urgent
//! state of its pods, instead of a full card. Hundreds of cards with every chip and button
//! make each tick slow; a cell is one element whose class and text change in place. The
//! selected node's full card (with its operations) shows below the grid.

use super::node_card::NodeCard;
use super::node_signals::NodeSignals;
use super::{use_state, use_views};
use crate::host::protocol::Request;
use crate::i18n::{Msg, text, use_i18n};
use crate::playground::NodeView;
use leptos::prelude::*;

/// Above this many nodes the canvas shows cells instead of cards.
pub const DENSE_THRESHOLD: usize = 200;

/// What a cell shows, compared so that a tick re-renders only the cells that changed. The pods
/// are in the cell's `title`, which is also its accessible description: attributes, not text,
/// so that a cell changing makes the browser repaint it without laying out the grid of
/// thousands again.
#[derive(Clone, PartialEq, Eq)]
struct Cell {
    class: String,
    /// The pods' names and states, for the tooltip and screen readers (None: no pods).
    pods: Option<String>,
}

fn cell(node: &NodeView) -> Cell {
    let state = node.summary().map_or("empty", |s| s.class());
    let mut class = format!("dense-cell state-{state}");
    if !node.ready {
        class.push_str(" not-ready");
    }
    if node.cordoned {
        class.push_str(" cordoned");
    }
    let pods = (!node.pods.is_empty()).then(|| {
        node.pods
            .iter()
            .map(|p| format!("{} {}", p.name, p.label))
            .collect::<Vec<_>>()
            .join(", ")
    });
    Cell { class, pods }
}

#[component]
pub fn DenseGrid() -> impl IntoView {
    let views = use_views();
    let i18n = use_i18n();
    view! {
        <ul role="list" aria-label=i18n.tr(Msg::Nodes) class="dense-grid">
            <For each=move || views.node_names.get() key=|name| name.clone() let(name)>
                <DenseCell name=name />
            </For>
        </ul>
        <DenseLegend />
        <Show when=move || views.selected.with(Option::is_some)>
            <ul role="list" aria-label=i18n.tr(Msg::SelectedNode) class="node-grid dense-detail">
                {move || views.selected.get().map(|name| view! { <NodeCard name=name /> })}
            </ul>
        </Show>
    }
}

#[component]
fn DenseCell(name: String) -> impl IntoView {
    let state = use_state();
    let signals = expect_context::<NodeSignals>();
    let i18n = use_i18n();
    let stored = StoredValue::new(name.clone());
    let node = signals.node(&name);
    // The language is read only where a cell says "No pods": each reader of a signal is one of
    // its subscribers, and leaving a set of 5,000 costs O(5,000) each time a cell changes.
    let cell = Memo::new(move |_| {
        node.with(|n| {
            n.as_deref().map_or_else(
                // A node gone: its cell is about to go too.
                || Cell {
                    class: String::new(),
                    pods: Some(String::new()),
                },
                cell,
            )
        })
    });
    let selected = Memo::new(move |_| stored.with_value(|n| signals.is_selected(n)));
    let select = move || {
        let name = stored.get_value();
        state.send(Request::Select { node: Some(name) });
    };
    let title = {
        let name = name.clone();
        move || {
            cell.with(|c| match &c.pods {
                Some(pods) => format!("{name}: {pods}"),
                None => format!("{name}: {}", text(i18n.lang(), Msg::NoPods)),
            })
        }
    };
    view! {
        <li
            class=move || cell.with(|c| c.class.clone())
            class:selected=move || selected.get()
            aria-label=name
            aria-current=move || selected.get().then_some("true")
            tabindex="0"
            title=title
            on:click=move |_| select()
            on:keydown=move |ev| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    select();
                }
            }
        ></li>
    }
}

/// What the colours mean.
#[component]
fn DenseLegend() -> impl IntoView {
    let i18n = use_i18n();
    // kubectl's pod statuses, as kubectl prints them; "No pods" is the playground's.
    const STATES: [(&str, &str); 6] = [
        ("ready", "Ready"),
        ("running", "Running"),
        ("creating", "ContainerCreating"),
        ("pending", "Pending"),
        ("terminating", "Terminating"),
        ("failed", "Failed / ImagePullBackOff"),
    ];
    view! {
        <p class="dense-legend hint">
            {i18n.tr(Msg::DenseLegend)}
            " "
            {STATES
                .iter()
                .map(|(class, text)| {
                    view! {
                        <span class="legend-item">
                            <span class=format!("legend-swatch state-{class}") aria-hidden="true"></span>
                            {*text}
                        </span>
                    }
                })
                .collect_view()}
            <span class="legend-item">
                <span class="legend-swatch state-empty" aria-hidden="true"></span>
                {i18n.tr(Msg::NoPods)}
            </span>
        </p>
    }
}

//! One signal per node, for the dense view's thousands of cells. A cell that read the memo of
//! every node would be downstream of the model: each tick the reactive graph marks every such
//! cell to be checked (at 5,000 nodes that walk was most of a tick's time in the browser). Here
//! one effect reads the nodes and sets only the signals of nodes whose card changed, so a tick
//! touches the cells that changed and no others.

use super::Views;
use crate::playground::NodeView;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

type NodeSignal = ArcRwSignal<Option<Arc<NodeView>>>;

#[derive(Clone, Copy)]
pub struct NodeSignals {
    views: Views,
    by_name: StoredValue<HashMap<String, NodeSignal>, LocalStorage>,
    /// The selected node's name, set only when the selection changes.
    selected: RwSignal<Option<String>>,
}

impl NodeSignals {
    pub fn new(views: Views) -> NodeSignals {
        let by_name = StoredValue::new_local(HashMap::<String, NodeSignal>::new());
        let selected = RwSignal::new(views.selected.get_untracked());
        Effect::new(move |_| {
            views
                .nodes
                .with(|nodes| by_name.update_value(|map| update(map, nodes)));
        });
        Effect::new(move |_| {
            let now = views.selected.get();
            if selected.with_untracked(|s| *s != now) {
                selected.set(now);
            }
        });
        NodeSignals {
            views,
            by_name,
            selected,
        }
    }

    /// The signal of the node named `name`: its card, None once it is gone.
    pub fn node(&self, name: &str) -> NodeSignal {
        let existing = self.by_name.with_value(|map| map.get(name).cloned());
        existing.unwrap_or_else(|| {
            let signal = ArcRwSignal::new(self.views.node_untracked(name));
            self.by_name.update_value(|map| {
                map.insert(name.to_string(), signal.clone());
            });
            signal
        })
    }

    /// Whether `name` is the selected node (subscribing to selection changes only).
    pub fn is_selected(&self, name: &str) -> bool {
        self.selected.with(|s| s.as_deref() == Some(name))
    }
}

/// Sets the signals of nodes whose card is a different one, and clears those of nodes gone.
fn update(map: &mut HashMap<String, NodeSignal>, nodes: &[Arc<NodeView>]) {
    for node in nodes {
        if let Some(signal) = map.get(&node.name) {
            let same =
                signal.with_untracked(|old| old.as_ref().is_some_and(|o| Arc::ptr_eq(o, node)));
            if !same {
                signal.set(Some(Arc::clone(node)));
            }
        }
    }
    // Cells are made as they mount; more signals than nodes means some nodes are gone.
    if map.len() > nodes.len() {
        let present: std::collections::HashSet<&str> =
            nodes.iter().map(|n| n.name.as_str()).collect();
        map.retain(|name, signal| {
            let keep = present.contains(name.as_str());
            if !keep {
                signal.set(None);
            }
            keep
        });
    }
}

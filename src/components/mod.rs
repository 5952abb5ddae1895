//! The page's components: thin Leptos views over [`Playground`]. They read the model through
//! [`State`] and the memos of [`Views`], and change it only by calling its methods, each of
//! which runs one scenario-language command line (data flows one way).

pub mod canvas;
pub mod clock;
pub mod console;
pub mod dense;
pub mod editor;
pub mod events;
pub mod intro;
pub mod lesson_panel;
pub mod markdown;
pub mod node_card;
pub mod node_signals;
pub mod notice;
pub mod replaying;
pub mod share_dialog;
pub mod shortcuts;
pub mod status_table;
pub mod why_panel;

use crate::playground::{DaemonSetView, NodeView, Playground};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// The model in a reactive container: every change notifies the views that read it.
#[derive(Clone, Copy)]
pub struct State(RwSignal<Playground, LocalStorage>);

impl State {
    pub fn new(playground: Playground) -> State {
        State(RwSignal::new_local(playground))
    }

    /// Reads the model, subscribing the running view to changes.
    pub fn with<R>(&self, f: impl FnOnce(&Playground) -> R) -> R {
        self.0.with(f)
    }

    /// Reads the model without subscribing.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Playground) -> R) -> R {
        self.0.with_untracked(f)
    }

    /// Changes the model (a user action), then re-renders what depends on it.
    pub fn act<R>(&self, f: impl FnOnce(&mut Playground) -> R) -> R {
        self.0
            .try_update(f)
            .expect("the playground state lives as long as the page")
    }
}

/// What several views show, computed once per change and compared, so that a view re-renders
/// only when its part changed (not at every clock tick).
#[derive(Clone, Copy)]
pub struct Views {
    pub nodes: Memo<Vec<Arc<NodeView>>>,
    pub node_names: Memo<Vec<String>>,
    /// Where each node is in `nodes`: a card finds its node in O(1), so that a tick costs
    /// O(nodes), not O(nodes²), with thousands of nodes.
    pub node_index: Memo<HashMap<String, usize>>,
    pub daemonsets: Memo<Vec<DaemonSetView>>,
    pub selected: Memo<Option<String>>,
}

impl Views {
    /// The node named `name` as of now (subscribing to `nodes`).
    pub fn node(&self, name: &str) -> Option<NodeView> {
        self.node_with(name, NodeView::clone)
    }

    /// The card of the node named `name` as of now, without subscribing.
    pub fn node_untracked(&self, name: &str) -> Option<Arc<NodeView>> {
        let i = self.node_index.with_untracked(|ix| ix.get(name).copied())?;
        self.nodes
            .with_untracked(|ns| ns.get(i).filter(|n| n.name == name).cloned())
    }

    /// `f` of the node named `name` as of now (subscribing to `nodes`), without a copy.
    pub fn node_with<R>(&self, name: &str, f: impl FnOnce(&NodeView) -> R) -> Option<R> {
        let i = self.node_index.with(|ix| ix.get(name).copied())?;
        self.nodes
            .with(|ns| ns.get(i).filter(|n| n.name == name).map(|n| f(n)))
    }

    pub fn new(state: State) -> Views {
        let nodes = Memo::new(move |_| state.with(Playground::node_views));
        let node_names = Memo::new(move |_| {
            nodes.with(|ns| ns.iter().map(|n| n.name.clone()).collect::<Vec<String>>())
        });
        let node_index = Memo::new(move |_| {
            node_names.with(|ns| ns.iter().enumerate().map(|(i, n)| (n.clone(), i)).collect())
        });
        let daemonsets = Memo::new(move |_| state.with(Playground::daemonset_views));
        let selected = Memo::new(move |_| state.with(|p| p.selected_node.clone()));
        Views {
            nodes,
            node_names,
            node_index,
            daemonsets,
            selected,
        }
    }
}

/// Puts the state and the views in the context of the components below.
pub fn provide(playground: Playground) -> State {
    let state = State::new(playground);
    provide_context(state);
    let views = Views::new(state);
    provide_context(views);
    provide_context(node_signals::NodeSignals::new(views));
    state
}

pub fn use_state() -> State {
    expect_context::<State>()
}

pub fn use_views() -> Views {
    expect_context::<Views>()
}

/// Scrolls `el` to its end at the next frame. Read right after a change, `scrollHeight` makes
/// the browser lay out the page at once, and again when it draws: with 5,000 nodes on the
/// canvas that doubled layout was most of a tick. In a frame callback the layout is the frame's
/// own.
pub fn scroll_to_end_next_frame(el: NodeRef<leptos::html::Div>) {
    request_animation_frame(move || {
        if let Some(el) = el.get_untracked() {
            el.set_scroll_top(el.scroll_height());
        }
    });
}

//! The page's components: thin Leptos views over the model behind its boundary
//! ([`crate::host`]). They read the parts of what it shows ([`Parts`], [`Views`]) and change it
//! only by sending requests, each of which runs scenario-language command lines (data flows one
//! way: requests in, updates out).

pub mod canvas;
pub mod clock;
pub mod console;
pub mod dense;
pub mod editor;
pub mod events;
pub mod folded;
pub mod intro;
pub mod later;
pub mod lesson_panel;
pub mod markdown;
mod model;
pub(crate) use model::{after_frame, hidden};
pub mod node_card;
pub mod notice;
pub mod replaying;
pub mod share_dialog;
pub mod shortcuts;
pub mod status_table;
pub mod why_panel;
mod work_loop;

use crate::host::protocol::{
    ClockView, EditorView, LessonEntry, LessonView, PlayerView, Reply, Request, WhyView, WorkView,
};
use crate::i18n::Lang;
use crate::playground::{DaemonSetView, Entry, EventView, History, NodeView, RevisionView};
use crate::share::{LinkError, Scenario};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use work_loop::WorkLoop;

/// The model behind its boundary ([`Host`]) and what the views show of it ([`Parts`]): a view
/// reads a part, and changes the model by sending a [`Request`]; each request's update sets
/// the parts that changed, so a view re-renders only when its part did.
#[derive(Clone, Copy)]
pub struct State {
    /// The model in its worker, and what waits for its answers.
    model: StoredValue<model::Model, LocalStorage>,
    parts: Parts,
    history: StoredValue<History, LocalStorage>,
    /// How many edits of the manifest the page has sent.
    edits: StoredValue<u64, LocalStorage>,
    /// Whether [`State::drive_work`]'s loop runs.
    driving: StoredValue<WorkLoop, LocalStorage>,
}

/// The model's sliced work, one [`Request::Work`] (a frame's budget of it) after another
/// until none is left; what the page sends meanwhile gets in between two.
fn work_frame(state: State) {
    state.ask(Request::Work, move |reply| {
        let done = reply != Reply::Done(false);
        let again = state
            .driving
            .try_update_value(|w| w.answered(done))
            .unwrap_or(false);
        if again {
            work_frame(state);
        }
    });
}

/// What the views show, one signal per part of an [`Update`].
#[derive(Clone, Copy)]
pub struct Parts {
    pub clock: RwSignal<ClockView>,
    pub editor: RwSignal<EditorView>,
    pub nodes: RwSignal<Vec<Arc<NodeView>>>,
    /// How many nodes the model has: `nodes` catches up a batch at a time, this at once. The
    /// canvas is dense by it, as the model sends cells' parts by it ([`DENSE_THRESHOLD`]):
    /// by the batches, the first ones of a big Apply (100 nodes of 20 pods) were drawn as
    /// cards.
    ///
    /// [`DENSE_THRESHOLD`]: crate::playground::DENSE_THRESHOLD
    pub node_count: RwSignal<usize>,
    pub selected: RwSignal<Option<String>>,
    pub daemonsets: RwSignal<Vec<DaemonSetView>>,
    pub revisions: RwSignal<Vec<RevisionView>>,
    pub ds_table: RwSignal<String>,
    pub events: RwSignal<Vec<EventView>>,
    pub why: RwSignal<WhyView>,
    pub transcript: RwSignal<Vec<Entry>>,
    pub player: RwSignal<Option<PlayerView>>,
    pub lesson: RwSignal<LessonView>,
    pub work: RwSignal<WorkView>,
    pub lessons: RwSignal<Vec<LessonEntry>>,
    /// A saved scenario replaying between frames: steps done and steps in all.
    pub replay: RwSignal<Option<(usize, usize)>>,
}

impl Parts {
    fn new() -> Parts {
        Parts {
            clock: RwSignal::new(ClockView::default()),
            editor: RwSignal::new(EditorView::default()),
            nodes: RwSignal::new(Vec::new()),
            node_count: RwSignal::new(0),
            selected: RwSignal::new(None),
            daemonsets: RwSignal::new(Vec::new()),
            revisions: RwSignal::new(Vec::new()),
            ds_table: RwSignal::new(String::new()),
            events: RwSignal::new(Vec::new()),
            why: RwSignal::new(WhyView::default()),
            transcript: RwSignal::new(Vec::new()),
            player: RwSignal::new(None),
            lesson: RwSignal::new(LessonView::default()),
            work: RwSignal::new(WorkView::default()),
            lessons: RwSignal::new(Vec::new()),
            replay: RwSignal::new(None),
        }
    }

    /// Sets the parts that changed; `edits` is the number of the page's last edit of the
    /// manifest (an older editor part is left: [`EditorView::edit`]).
    fn apply(&self, u: crate::host::protocol::Update, edits: u64) {
        fn set<T: Send + Sync + 'static>(
            signal: RwSignal<T>,
            part: Option<crate::host::protocol::Versioned<T>>,
        ) {
            if let Some(p) = part {
                signal.set(p.value);
            }
        }
        set(self.clock, u.clock);
        if let Some(e) = u.editor.filter(|e| e.value.edit >= edits) {
            // The model leaves out a text the page has (`text_kept`).
            self.editor.update(|view| {
                let text = std::mem::take(&mut view.manifest);
                *view = e.value;
                if view.text_kept {
                    view.manifest = text;
                }
            });
        }
        if let Some(cards) = u.nodes {
            if self.node_count.get_untracked() != cards.value.len {
                self.node_count.set(cards.value.len);
            }
            self.nodes.update(|v| cards.value.apply(v));
        }
        set(self.selected, u.selected);
        set(self.daemonsets, u.daemonsets);
        set(self.revisions, u.revisions);
        set(self.ds_table, u.ds_table);
        if let Some(change) = u.events {
            self.events.update(|rows| change.value.apply(rows));
        }
        set(self.why, u.why);
        if let Some(change) = u.transcript {
            self.transcript.update(|t| change.value.apply(t));
        }
        set(self.player, u.player);
        set(self.lesson, u.lesson);
        set(self.work, u.work);
        set(self.lessons, u.lessons);
        set(self.replay, u.replay);
    }
}

impl State {
    /// The page's state, on an empty cluster until a request opens the work
    /// (`crate::persist::load`).
    pub fn new() -> State {
        let state = State {
            model: StoredValue::new_local(model::Model::default()),
            parts: Parts::new(),
            history: StoredValue::new_local(History::default()),
            edits: StoredValue::new_local(0),
            driving: StoredValue::new_local(WorkLoop::Idle),
        };
        model::start(state);
        state
    }

    /// What the views show.
    pub fn parts(&self) -> Parts {
        self.parts
    }

    /// Carries out a user action whose reply nobody waits for.
    pub fn send(&self, request: Request) {
        self.ask(request, |_| ());
    }

    /// Carries out a user action; its reply goes to `then` once the model has given it.
    /// Requests are carried out in the order sent, and the parts they changed are set before
    /// `then` runs, which is never before `ask` returns: the model is in a worker.
    pub fn ask(&self, request: Request, then: impl FnOnce(Reply) + 'static) {
        self.model.update_value(|m| m.send(request, Box::new(then)));
    }

    /// Asks for a request's text ([`Request::Link`], [`Request::Script`], ...); `then` gets it.
    pub fn text(&self, request: Request, then: impl FnOnce(String) + 'static) {
        self.ask(request, |reply| {
            then(match reply {
                Reply::Text(text) => text,
                _ => String::new(),
            })
        });
    }

    /// Opens `scenario` (None: an empty cluster) in place of the work; `then` learns whether it
    /// opened.
    pub fn open(
        &self,
        scenario: Option<Scenario>,
        then: impl FnOnce(Result<(), LinkError>) + 'static,
    ) {
        self.ask_opened(Request::Open { scenario }, |opened| {
            then(opened.map(|_| ()))
        });
    }

    /// Opens the scenario of `link` (unpacked by the model) in place of the work; `then` learns
    /// whether it opened, and the language the link carries.
    pub fn open_link(
        &self,
        link: String,
        then: impl FnOnce(Result<Option<Lang>, LinkError>) + 'static,
    ) {
        self.ask_opened(Request::OpenLink { link }, then);
    }

    /// Sends a request that opens or checks a scenario (Open, OpenLink, Restore, Check); `then`
    /// learns whether it opens, and the language its link carries (a tag this version does
    /// not know is none).
    pub fn ask_opened(
        &self,
        request: Request,
        then: impl FnOnce(Result<Option<Lang>, LinkError>) + 'static,
    ) {
        self.ask(request, |reply| {
            then(match reply {
                Reply::Opened(result) => result.map(|tag| tag.as_deref().and_then(Lang::from_tag)),
                _ => Ok(None),
            })
        });
    }

    /// Runs the model's sliced work (a Settle, a "Run all") a frame's budget at a time until
    /// none is left; one loop at a time, however many actions started work.
    pub fn drive_work(&self) {
        if self
            .driving
            .try_update_value(WorkLoop::start)
            .unwrap_or(false)
        {
            work_frame(*self);
        }
    }

    /// The learner typed `text` in the editor (numbered: [`EditorView::edit`]).
    pub fn edit_manifest(&self, text: String) {
        let edit = self.edits.get_value() + 1;
        self.edits.set_value(edit);
        // Kept for the model's answer, which leaves this text out (`text_kept`); the views
        // hear of it with that answer, as they did when the model echoed it.
        self.parts
            .editor
            .update_untracked(|e| text.clone_into(&mut e.manifest));
        self.send(Request::EditManifest { text, edit });
    }

    /// Shows `text` in the editor at once, numbered as the page's next edit, without sending
    /// it: the model's editor parts older than it are left until
    /// `Request::EditManifest { text, edit }` with the number returned is sent.
    pub fn edit_ahead(&self, text: String) -> u64 {
        let edit = self.edits.get_value() + 1;
        self.edits.set_value(edit);
        self.parts.editor.update(|e| {
            e.manifest = text;
            e.edit = edit;
        });
        edit
    }

    /// The console's command history (page state: it stays across opens of other work).
    pub fn history(&self) -> StoredValue<History, LocalStorage> {
        self.history
    }
}

/// What several views show of the nodes and DaemonSets, so that a view re-renders only when
/// its part changed (not at every clock tick).
#[derive(Clone, Copy)]
pub struct Views {
    pub nodes: RwSignal<Vec<Arc<NodeView>>>,
    pub node_names: Memo<Vec<String>>,
    /// Where each node is in `nodes`: a card finds its node in O(1), so that a tick costs
    /// O(nodes), not O(nodes²), with thousands of nodes.
    pub node_index: Memo<HashMap<String, usize>>,
    pub daemonsets: RwSignal<Vec<DaemonSetView>>,
    pub selected: RwSignal<Option<String>>,
}

impl Views {
    /// The node named `name` as of now (subscribing to `nodes`).
    pub fn node(&self, name: &str) -> Option<NodeView> {
        self.node_with(name, NodeView::clone)
    }

    /// `f` of the node named `name` as of now (subscribing to `nodes`), without a copy.
    pub fn node_with<R>(&self, name: &str, f: impl FnOnce(&NodeView) -> R) -> Option<R> {
        let i = self.node_index.with(|ix| ix.get(name).copied())?;
        self.nodes
            .with(|ns| ns.get(i).filter(|n| n.name == name).map(|n| f(n)))
    }

    pub fn new(state: State) -> Views {
        let parts = state.parts();
        let nodes = parts.nodes;
        // Compared in place: an update that changes pods only (most of a Settle's) copies no
        // name, where collecting them anew copied 10,000 names an update.
        let node_names = Memo::new_owning(move |kept: Option<Vec<String>>| {
            nodes.with(|ns| match kept {
                Some(names)
                    if names.len() == ns.len()
                        && names.iter().zip(ns).all(|(a, n)| *a == n.name) =>
                {
                    (names, false)
                }
                _ => (ns.iter().map(|n| n.name.clone()).collect(), true),
            })
        });
        let node_index = Memo::new(move |_| {
            node_names.with(|ns| ns.iter().enumerate().map(|(i, n)| (n.clone(), i)).collect())
        });
        Views {
            nodes,
            node_names,
            node_index,
            daemonsets: parts.daemonsets,
            selected: parts.selected,
        }
    }
}

/// Puts the state and the views in the context of the components below.
pub fn provide() -> State {
    let state = State::new();
    provide_context(state);
    let views = Views::new(state);
    provide_context(views);
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

/// A CSS length's number as JavaScript writes it: the shortest digits that read back as the
/// same float, as Rust's `{}` wrote them (the two differ only in exponents below 1e-6 px or from
/// 1e21 px, which CSS reads as the same number). Rust's float printer would add its 9 KB to the
/// page's module for these few styles (issue 22).
pub fn css_number(x: f64) -> String {
    js_sys::Number::from(x)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

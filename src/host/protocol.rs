//! What crosses the boundary between the page and the model: a [`Request`] for every user
//! action, a [`Reply`] to it, and an [`Update`] of what the views show. Owned data only (no
//! reference into the model, no closure, no engine value the page would have to interpret),
//! and each serialises (serde) to its wire form ([`to_wire`], [`from_wire`]), which goes to and
//! from the model's Web Worker by `postMessage`.

use std::sync::Arc;

use crate::i18n::Lang;
use crate::playground::{
    ApplyError, DaemonSetView, Entry, EventView, GoalView, NewNodes, NodeAction, NodeView,
    RevisionView,
};
use crate::share::{LinkError, Scenario};
use dsplay_engine::lesson::Texts;
use dsplay_engine::lesson::markdown::{Block, Inline};
use serde::{Deserialize, Serialize};

/// A message's wire form: postcard, serde's fields in declaration order without their names
/// (both ends are one build). Smaller to send than JSON, and far smaller to read: serde_json's
/// reader was most of the serde code in the page's module.
pub fn to_wire<T: Serialize>(value: &T) -> Option<Vec<u8>> {
    postcard::to_allocvec(value).ok()
}

/// A message from its wire form.
pub fn from_wire<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, postcard::Error> {
    postcard::from_bytes(bytes)
}

/// A scenario crosses with every field in order, postcard as the rest: not as its link's JSON,
/// which leaves out empty fields (a format without field names could not read that back), and
/// whose reader (serde_json's, for this type) the model's module then carried for this alone.
/// A link or an autosave crosses as its text ([`Request::Check`], [`Request::OpenLink`],
/// [`Request::Restore`]): the model unpacks it, so that the page's module has no inflate and
/// no reader of a link's JSON.
mod scenario_wire {
    use crate::share::{Scenario, View};
    use serde::{Deserialize, Serialize};

    /// The page's side: the scenario's fields borrowed (a script or manifest can be large).
    #[derive(Serialize)]
    struct Out<'a> {
        preset: &'a Option<String>,
        nodes: Option<u32>,
        script: &'a str,
        manifest: &'a Option<String>,
        apply: bool,
        playing: bool,
        speed: u32,
        node: &'a Option<String>,
        time: i64,
        lesson: &'a Option<String>,
        step: Option<u32>,
        lang: &'a Option<String>,
    }

    /// The model's side, the same fields in the same order.
    #[derive(Deserialize)]
    struct In {
        preset: Option<String>,
        nodes: Option<u32>,
        script: String,
        manifest: Option<String>,
        apply: bool,
        playing: bool,
        speed: u32,
        node: Option<String>,
        time: i64,
        lesson: Option<String>,
        step: Option<u32>,
        lang: Option<String>,
    }

    fn out(s: &Scenario) -> Out<'_> {
        Out {
            preset: &s.preset,
            nodes: s.nodes,
            script: &s.script,
            manifest: &s.manifest,
            apply: s.apply,
            playing: s.view.playing,
            speed: s.view.speed,
            node: &s.view.node,
            time: s.view.time,
            lesson: &s.lesson,
            step: s.step,
            lang: &s.lang,
        }
    }

    impl From<In> for Scenario {
        fn from(w: In) -> Scenario {
            Scenario {
                preset: w.preset,
                nodes: w.nodes,
                script: w.script,
                manifest: w.manifest,
                apply: w.apply,
                view: View {
                    playing: w.playing,
                    speed: w.speed,
                    node: w.node,
                    time: w.time,
                },
                lesson: w.lesson,
                step: w.step,
                lang: w.lang,
            }
        }
    }

    /// `Option<Scenario>` ([`Request::Open`](super::Request)).
    pub mod option {
        use super::{In, Scenario, out};
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub fn serialize<S: Serializer>(
            scenario: &Option<Scenario>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            scenario.as_ref().map(out).serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Scenario>, D::Error> {
            Ok(Option::<In>::deserialize(d)?.map(Scenario::from))
        }
    }
}

/// A user action, or the clock's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// A command line as typed, with its standard input, echoed into the transcript.
    Run {
        command: String,
        stdin: Option<String>,
    },
    /// The console's Enter on one line (`-f -` reads the editor). The page keeps the history.
    Console {
        line: String,
    },
    ClearTranscript,
    /// The playing clock's tick after `wall_millis` of wall-clock time.
    Tick {
        wall_millis: u32,
    },
    Play,
    Pause,
    /// Space: Play when paused, Pause when playing.
    TogglePlay,
    SetSpeed {
        speed: u32,
    },
    /// Step: `sim advance 1s`.
    Step,
    /// Settle: starts a sliced `sim settle` (run by [`Request::Work`]).
    StartSettle,
    /// Runs slices of the work under way (a Settle, then a "Run all") while the frame has
    /// time; replies [`Reply::Done`].
    Work,
    Select {
        node: Option<String>,
    },
    /// The learner typed in the editor. `edit` numbers the page's edits (1, 2, ...): see
    /// [`EditorView::edit`].
    EditManifest {
        text: String,
        edit: u64,
    },
    /// The editor's welcome in the page's language, unless the learner typed.
    SetEditorHeader {
        header: String,
    },
    /// The language changed: `header` replaces the welcome if the editor still starts with one
    /// of `welcomes`.
    FollowEditorHeader {
        welcomes: Vec<String>,
        header: String,
    },
    ApplyManifest,
    AddNodes {
        spec: NewNodes,
        count: usize,
    },
    NodeAction {
        node: String,
        action: NodeAction,
    },
    RollBack {
        namespace: String,
        daemonset: String,
        revision: i64,
    },
    LoadScript {
        script: String,
    },
    /// Step by step: the script of the preset `preset` loaded into the player (the page's
    /// module holds the gallery's menu, not its scripts). Replies [`Reply::Loaded`].
    LoadPreset {
        preset: String,
    },
    RunScript {
        script: String,
    },
    NextStep,
    /// "Run all": the loaded script's commands run by [`Request::Work`].
    RunAll,
    StopScript,
    LeaveLesson,
    ShowHint,
    ShowSolution,
    NextLessonStep,
    /// The event timeline's filter.
    FilterEvents {
        filter: String,
    },
    /// "Download YAML"; replies [`Reply::Text`].
    ExportYaml,
    /// The scenario's script (every command run); replies [`Reply::Text`].
    Script,
    /// The link of the work as it is, in the page's language `lang`; replies [`Reply::Text`].
    Link {
        lang: String,
    },
    /// Whether a saved scenario (an autosave's link) would open: replies [`Reply::Opened`],
    /// changing nothing. Unpacking and checking are the model's: the link's inflate and JSON
    /// reader stay out of the page's module, and the check reads every script line with
    /// kubectl's parser.
    Check {
        link: String,
    },
    /// Opens a scenario (a link's, a preset, a lesson, a file) in place of the work, or an
    /// empty cluster (None); replies [`Reply::Opened`].
    Open {
        #[serde(with = "scenario_wire::option")]
        scenario: Option<Scenario>,
    },
    /// Opens the default preset in place of the work, under the English editor welcome
    /// ([`EDITOR_WELCOME_EN`](crate::i18n::EDITOR_WELCOME_EN), the shell's text) in place of
    /// the preset's own comments: the editor goes from the shell's text to the app's without
    /// showing the preset's header between. Replies [`Reply::Opened`].
    OpenDefault,
    /// Opens a link's scenario in place of the work, as [`Request::Open`]: the page's links
    /// when the address's fragment changes, an embed's reset. Replies [`Reply::Opened`].
    OpenLink {
        link: String,
    },
    /// Opens a saved scenario (a link, an autosave: its text, unpacked here) in place of the
    /// work, replaying what fits while the frame has time; the rest replays in
    /// [`Request::Work`] ahead of other work, with its progress in [`Update::replay`]. Replies
    /// [`Reply::Opened`].
    Restore {
        link: String,
        /// All of it before replying (an embed, which has no place for the progress).
        at_once: bool,
    },
    /// Stops the replay under way: the work is the scenario as far as it got.
    StopRestore,
}

impl Request {
    /// Opens the default preset: what the page opens when there is no link, no lesson and no
    /// autosave, and what the worker opens before the page asks when index.html's script has
    /// found none of them ([`PREOPENED`]).
    pub fn open_default() -> Request {
        Request::OpenDefault
    }

    /// Whether it only reads the model: no part of what the views show can change.
    pub fn reads_only(&self) -> bool {
        matches!(
            self,
            Request::ExportYaml | Request::Script | Request::Link { .. } | Request::Check { .. }
        )
    }
}

/// The answer to a [`Request`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reply {
    None,
    /// What a command printed. Its text stays with the model ([`Host::serve`] answers with
    /// an empty one): the page shows it from the command's transcript entry.
    ///
    /// [`Host::serve`]: crate::host::Host::serve
    Output {
        output: String,
        is_error: bool,
    },
    /// A script loaded, or why not.
    Loaded(Result<(), String>),
    /// Whether the sliced work (a Settle, a "Run all") is over.
    Done(bool),
    Text(String),
    /// A scenario opened, with the language its link carries (its tag, if any), or why not
    /// (the work stays as it was).
    Opened(Result<Option<String>, LinkError>),
}

impl Reply {
    /// Whether a command ran and failed.
    pub fn is_error(&self) -> bool {
        matches!(self, Reply::Output { is_error: true, .. })
    }
}

/// A part of what the views show, numbered: a part is sent again only when it changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Versioned<T> {
    pub version: u64,
    pub value: T,
}

/// The clock's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ClockView {
    pub elapsed_millis: i64,
    pub playing: bool,
    pub speed: u32,
    pub settling: bool,
}

/// The editor's text and the last apply's error.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EditorView {
    /// Empty when [`EditorView::text_kept`].
    pub manifest: String,
    /// The text is the one the page has (its own edit, or the text sent last): `manifest` is
    /// left empty and the page keeps its own, so that a pasted NodeList of tens of megabytes is
    /// not sent back at every change of the editor's other fields.
    pub text_kept: bool,
    pub edited: bool,
    pub apply_error: Option<ApplyError>,
    /// The number of the last [`Request::EditManifest`] carried out. An editor part older than
    /// the page's last edit is the echo of a keystroke the learner has typed past: the page
    /// leaves it (the next echo brings the newest text).
    pub edit: u64,
}

/// The "Why?" panel: the selected node and each DaemonSet's explanation there.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WhyView {
    pub node: Option<String>,
    pub explanations: Vec<WhyLine>,
}

/// One DaemonSet's explanation on the selected node, said in every language (the page picks
/// its own; the engine's explanation stays with the model).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhyLine {
    pub daemonset: String,
    /// In the order of [`Lang::ALL`].
    pub sentences: Vec<String>,
}

impl WhyLine {
    /// The explanation in `lang`.
    pub fn sentence(&self, lang: Lang) -> &str {
        Lang::ALL
            .iter()
            .position(|l| *l == lang)
            .and_then(|i| self.sentences.get(i))
            .map_or("", String::as_str)
    }
}

/// The lesson being followed and its goal's expectations.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LessonView {
    pub state: Option<LessonShown>,
    pub goals: Vec<GoalView>,
}

/// Where the learner is in the lesson, and the current step's texts in every language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonShown {
    /// Its id (`crate::lessons`).
    pub id: String,
    /// The current step, from 0.
    pub step: usize,
    /// How many steps it has.
    pub steps: usize,
    /// The current step's goal has been met.
    pub done: bool,
    pub hints_shown: usize,
    pub solution_shown: bool,
    /// None for a lesson without steps.
    pub text: Option<StepTexts>,
}

impl LessonShown {
    /// Whether the current step is the last.
    pub fn is_last_step(&self) -> bool {
        self.step + 1 >= self.steps
    }
}

/// What the lesson panel shows of a step, in every language the lesson has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepTexts {
    pub lesson_title: Texts<String>,
    pub title: Texts<String>,
    pub text: Texts<Vec<Block>>,
    pub hints: Vec<Texts<Vec<Inline>>>,
    /// The solution's lines as a learner would type them, here-documents included.
    pub solution: String,
}

/// The script player: where it is and the commands it lists.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlayerView {
    /// Changes whenever a script is loaded.
    pub serial: u64,
    pub position: usize,
    pub len: usize,
    pub running: bool,
    /// The listed steps: at most `STEP_LIST_LIMIT` around the next one.
    pub rows: Vec<StepRow>,
}

/// One listed command of the script player.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepRow {
    /// Its index in the script.
    pub index: usize,
    /// Its line in the script (1-based).
    pub line: usize,
    pub text: String,
    pub stdin_lines: usize,
    pub comment: Option<String>,
}

/// What links, autosaves and an embed's host page follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WorkView {
    /// How many commands ran and the virtual time the ticks added (`record::Log::revision`).
    pub log_revision: (usize, u64),
    /// Pods in the cluster, scheduled or not.
    pub pods: usize,
}

/// A lesson of the menu: its id and its title in every language it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonEntry {
    pub id: String,
    pub title: Texts<String>,
}

/// What changed in the console's transcript: entries are never changed once there, only
/// added at its end and dropped at its start, so the change is the first entry kept (None: the
/// transcript is empty) and the entries added since the last update.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TranscriptChange {
    pub first: Option<u64>,
    pub added: Vec<Entry>,
}

impl TranscriptChange {
    /// Brings `entries`, the transcript as of the last update, up to date.
    pub fn apply(self, entries: &mut Vec<Entry>) {
        match self.first {
            Some(first) => entries.retain(|e| e.id >= first),
            None => entries.clear(),
        }
        entries.extend(self.added);
    }
}

/// The node cards that changed: the list is now `len` long, and `changed` holds the cards at
/// the indexes whose card changed or is new (ascending). Ten thousand nodes of which a tick
/// changed three send three cards.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NodeCards {
    pub len: usize,
    pub changed: Vec<(usize, NodeView)>,
}

impl NodeCards {
    /// Brings `cards`, the list as of the last update, up to date.
    pub fn apply(self, cards: &mut Vec<Arc<NodeView>>) {
        let changed = self.changed.into_iter().map(|(i, c)| (i, Arc::new(c)));
        set_rows(cards, self.len, changed);
    }
}

/// Cuts `rows` to `len`, then sets each changed row at its index (ascending: rows past the
/// end are new and come in order, so each goes at the end).
pub(crate) fn set_rows<T>(
    rows: &mut Vec<T>,
    len: usize,
    changed: impl IntoIterator<Item = (usize, T)>,
) {
    rows.truncate(len);
    for (i, row) in changed {
        match rows.get_mut(i) {
            Some(slot) => *slot = row,
            None => rows.push(row),
        }
    }
}

/// What changed in the event timeline: rows are added at its end and dropped at its start, and
/// a repeated event changes its row in place (its count, when, its message). So the change is
/// how many rows went from the start, the length now, and the rows that differ from the page's
/// (ascending indexes, after the drop). One count going up sends one row, not two hundred.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EventsChange {
    pub dropped: usize,
    pub len: usize,
    pub changed: Vec<(usize, EventView)>,
}

impl EventsChange {
    /// Brings `rows`, the timeline as of the last update, up to date.
    pub fn apply(self, rows: &mut Vec<EventView>) {
        rows.drain(..self.dropped.min(rows.len()));
        set_rows(rows, self.len, self.changed);
    }
}

/// The parts that changed since the last update (None: unchanged).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Update {
    pub clock: Option<Versioned<ClockView>>,
    pub editor: Option<Versioned<EditorView>>,
    pub nodes: Option<Versioned<NodeCards>>,
    pub selected: Option<Versioned<Option<String>>>,
    pub daemonsets: Option<Versioned<Vec<DaemonSetView>>>,
    pub revisions: Option<Versioned<Vec<RevisionView>>>,
    /// `kubectl get ds -A`.
    pub ds_table: Option<Versioned<String>>,
    pub events: Option<Versioned<EventsChange>>,
    pub why: Option<Versioned<WhyView>>,
    pub transcript: Option<Versioned<TranscriptChange>>,
    /// None inside: no script loaded.
    pub player: Option<Versioned<Option<PlayerView>>>,
    pub lesson: Option<Versioned<LessonView>>,
    pub work: Option<Versioned<WorkView>>,
    /// The lessons the page offers (the first update only: reading them is the model's).
    pub lessons: Option<Versioned<Vec<LessonEntry>>>,
    /// A saved scenario still replaying: steps done and steps in all (None inside: none).
    pub replay: Option<Versioned<Option<(usize, usize)>>>,
    /// Node cards are left to send (more than `CARD_BATCH` changed): the page sends
    /// [`Request::Work`] until none are.
    pub more: bool,
}

/// The number of the worker's answer to [`Request::open_default`] when it opened the default
/// preset unasked (index.html's script found no link, no lesson and no autosave): the page's
/// own requests count from 1.
pub const PREOPENED: u64 = 0;

/// A request as it goes to the model: numbered by the page, so that its answer finds the
/// callback waiting for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToModel {
    pub id: u64,
    pub request: Request,
}

/// The model's answer to the request numbered `id`, with the parts it changed (None for a
/// request that only reads).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FromModel {
    pub id: u64,
    pub reply: Reply,
    pub update: Option<Update>,
}

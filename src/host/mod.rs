//! The model behind a message boundary: a [`Host`] owns the [`Playground`], carries out each
//! [`Request`] through the playground's methods (so through the one command path), and reports
//! what the views show as an [`Update`] holding only the parts that changed. Requests in,
//! updates out: the page never reads the model directly, so that the host can run in a Web
//! Worker. Plain Rust, tested natively.

pub mod protocol;
#[cfg(test)]
mod tests;

use crate::i18n::{Lang, explain};
use crate::playground::{DENSE_THRESHOLD, Explanation, LessonState, NodeView, Playground};
use crate::share::{self, Scenario};
use dsplay_engine::runner::CommandOutput;
use dsplay_engine::script::ScriptLine;
use protocol::{
    ClockView, EditorView, EventsChange, FromModel, LessonEntry, LessonShown, LessonView,
    NodeCards, PlayerView, Reply, Request, StepRow, StepTexts, ToModel, TranscriptChange, Update,
    Versioned, WhyLine, WhyView, WorkView,
};
use std::sync::Arc;

/// Wall-clock milliseconds of sliced work (a Settle, "Run all", a replay) per
/// [`Request::Work`]: short enough that a request sent meanwhile waits no longer.
pub const WORK_SLICE_MILLIS: f64 = 12.0;

/// Wall-clock milliseconds a saved scenario may replay before [`Request::Restore`] replies:
/// most open at once; longer ones go on in [`Request::Work`], with their progress and a Stop.
pub const FIRST_REPLAY_MILLIS: f64 = 250.0;

/// The most node cards one update carries: a Settle that changes ten thousand sends them in
/// batches, so that the page parses and draws a batch in a frame's time.
pub const CARD_BATCH: usize = 1_000;

/// The most pods the cards of one update carry (a batch ends at the card that reaches it): a
/// card's cost to the page grows with its pods, and 1,000 cards of 20 pods took the page's
/// main thread 180 ms an update (issue 22's settle bench).
pub const POD_BATCH: usize = 2_000;

/// The most of a command's standard input the page is sent for its transcript: the first lines
/// of a larger one (a pasted NodeList of tens of megabytes), then `…`. The model keeps it whole
/// (links, the editor's error marker); kubectl's output is sent whole.
pub const SHOWN_STDIN_BYTES: usize = 256 * 1024;

/// The most script lines the player lists at once (a long script shows a window of them).
pub const STEP_LIST_LIMIT: usize = 200;

/// The last key of a part sent and its version.
struct Part<K> {
    version: u64,
    key: Option<K>,
}

impl<K> Default for Part<K> {
    fn default() -> Self {
        Part {
            version: 0,
            key: None,
        }
    }
}

impl<K: PartialEq> Part<K> {
    /// `make()` numbered anew if `key` differs from the last one sent; None if it does not.
    fn offer<T>(&mut self, key: K, make: impl FnOnce(&K) -> T) -> Option<Versioned<T>> {
        if self.key.as_ref() == Some(&key) {
            return None;
        }
        self.version += 1;
        let value = make(&key);
        self.key = Some(key);
        Some(Versioned {
            version: self.version,
            value,
        })
    }
}

/// What was sent of each part.
#[derive(Default)]
struct Sent {
    clock: Part<ClockView>,
    editor: Part<EditorView>,
    nodes: Cards,
    selected: Part<Option<String>>,
    daemonsets: Part<Vec<crate::playground::DaemonSetView>>,
    revisions: Part<Vec<crate::playground::RevisionView>>,
    ds_table: Part<String>,
    events: Part<Vec<crate::playground::EventView>>,
    why: Part<(Option<String>, Vec<Explanation>)>,
    /// The transcript only grows at its end and loses entries at its start: its first and last
    /// ids tell when it changed, without comparing it whole at every tick.
    transcript: Part<(Option<u64>, Option<u64>)>,
    player: Part<PlayerKey>,
    lesson: Part<LessonKey>,
    work: Part<WorkView>,
    lessons: Part<()>,
    replay: Part<Option<(usize, usize)>>,
}

/// What tells the player's view changed: the script, where it is, whether it runs, the window.
type PlayerKey = Option<(u64, usize, usize, bool, std::ops::Range<usize>)>;

/// What tells a lesson's view changed (its steps' texts come with a new id).
type LessonKey = Option<(
    String,
    usize,
    bool,
    usize,
    bool,
    Vec<crate::playground::GoalView>,
)>;

impl Default for Host {
    fn default() -> Self {
        Host::new()
    }
}

/// The playground behind the boundary.
pub struct Host {
    playground: Playground,
    /// A saved scenario being rebuilt a slice at a time; it takes the playground's place once
    /// done (the playground stays an empty placeholder until then).
    restoring: Option<share::Restoring>,
    /// The event timeline's filter.
    event_filter: String,
    /// The number of the page's last edit of the manifest ([`EditorView::edit`]).
    last_edit: u64,
    sent: Sent,
}

impl Host {
    /// A host on an empty cluster, until a request opens a scenario.
    pub fn new() -> Host {
        Host::with(Playground::empty())
    }

    /// A host on `playground`.
    pub fn with(playground: Playground) -> Host {
        Host {
            playground,
            restoring: None,
            event_filter: String::new(),
            last_edit: 0,
            sent: Sent::default(),
        }
    }

    /// The model (tests).
    #[cfg(test)]
    pub fn playground(&self) -> &Playground {
        &self.playground
    }

    /// Carries out a numbered request as it came in (`now()`: the wall clock in milliseconds)
    /// and answers with its reply and the parts it changed. The sliced work gets a frame's
    /// budget ([`WORK_SLICE_MILLIS`]), a saved scenario's first replay a longer one
    /// ([`FIRST_REPLAY_MILLIS`]); between two, the requests that came meanwhile get in.
    pub fn serve(&mut self, message: ToModel, now: impl Fn() -> f64) -> FromModel {
        let budget = match message.request {
            Request::Work => WORK_SLICE_MILLIS,
            Request::Restore { .. } => FIRST_REPLAY_MILLIS,
            _ => f64::INFINITY,
        };
        let reads_only = message.request.reads_only();
        let start = now();
        let mut reply = self.handle(message.request, || now() - start < budget);
        let update = (!reads_only).then(|| self.update());
        // Parts left to send keep the page asking for work.
        if reply == Reply::Done(true) && update.as_ref().is_some_and(|u| u.more) {
            reply = Reply::Done(false);
        }
        // The page reads a command's output in its transcript entry, and of the reply only
        // whether it failed: an Apply of 10,000 nodes printed 240 KB, which crossed twice.
        if let Reply::Output { output, .. } = &mut reply {
            *output = String::new();
        }
        FromModel {
            id: message.id,
            reply,
            update,
        }
    }

    /// Carries out `request`. `more()` says whether the current frame has time left, for the
    /// requests that work a slice at a time (a Settle, "Run all").
    pub fn handle(&mut self, request: Request, more: impl FnMut() -> bool) -> Reply {
        // While a replay is under way, the other requests go to the placeholder playground.
        let p = &mut self.playground;
        match request {
            Request::Run { command, stdin } => reply(match stdin {
                Some(stdin) => p.run_with_stdin(&command, &stdin),
                None => p.run(&command),
            }),
            Request::Console { line } => p.console(&line).map_or(Reply::None, reply),
            Request::ClearTranscript => {
                p.clear_transcript();
                Reply::None
            }
            Request::Tick { wall_millis } => {
                p.tick(wall_millis);
                Reply::None
            }
            Request::Play => {
                p.play();
                Reply::None
            }
            Request::Pause => {
                p.pause();
                Reply::None
            }
            Request::TogglePlay => {
                if p.playing {
                    p.pause();
                } else {
                    p.play();
                }
                Reply::None
            }
            Request::SetSpeed { speed } => {
                p.set_speed(speed);
                Reply::None
            }
            Request::Step => reply(p.step()),
            Request::StartSettle => {
                p.start_settle();
                Reply::None
            }
            Request::Work => Reply::Done(self.work(more)),
            Request::Restore { link, at_once } => match share::unpack(&link) {
                Ok(scenario) => self.restore(&scenario, more, at_once),
                Err(e) => Reply::Opened(Err(e)),
            },
            Request::StopRestore => {
                self.finish_restoring();
                Reply::None
            }
            Request::Select { node } => {
                p.select(node.as_deref());
                Reply::None
            }
            Request::EditManifest { text, edit } => {
                self.last_edit = edit;
                // The page has this text: what the model sends back leaves it out.
                if let Some(key) = &mut self.sent.editor.key {
                    text.clone_into(&mut key.manifest);
                }
                p.edit_manifest(text);
                Reply::None
            }
            Request::SetEditorHeader { header } => {
                p.set_editor_header(&header);
                Reply::None
            }
            Request::FollowEditorHeader { welcomes, header } => {
                if welcomes.iter().any(|w| p.manifest.starts_with(w.as_str())) {
                    p.set_editor_header(&header);
                }
                Reply::None
            }
            Request::ApplyManifest => reply(p.apply_manifest()),
            Request::AddNodes { spec, count } => reply(p.add_nodes_with(&spec, count)),
            Request::NodeAction { node, action } => reply(p.node_action(&node, &action)),
            Request::RollBack {
                namespace,
                daemonset,
                revision,
            } => reply(p.roll_back(&namespace, &daemonset, revision)),
            Request::LoadScript { script } => {
                Reply::Loaded(p.load_script(&script).map_err(|e| e.to_string()))
            }
            Request::LoadPreset { preset } => {
                Reply::Loaded(match crate::presets::script(&preset) {
                    Some(script) => p.load_script(script).map_err(|e| e.to_string()),
                    None => Err(format!("no preset {preset:?}")),
                })
            }
            Request::RunScript { script } => {
                Reply::Loaded(p.run_script(&script).map_err(|e| e.to_string()))
            }
            Request::NextStep => p.next_step().map_or(Reply::None, reply),
            Request::RunAll => {
                p.run_all();
                Reply::None
            }
            Request::StopScript => {
                p.stop_script();
                Reply::None
            }
            Request::LeaveLesson => {
                p.leave_lesson();
                Reply::None
            }
            Request::ShowHint => {
                p.show_hint();
                Reply::None
            }
            Request::ShowSolution => {
                p.show_solution();
                Reply::None
            }
            Request::NextLessonStep => {
                p.next_lesson_step();
                Reply::None
            }
            Request::FilterEvents { filter } => {
                self.event_filter = filter;
                Reply::None
            }
            Request::ExportYaml => Reply::Text(p.export_yaml()),
            Request::Script => Reply::Text(p.log().script()),
            Request::Link { lang } => Reply::Text(share::encode(&Scenario {
                lang: Some(lang),
                ..share::snapshot(p)
            })),
            Request::Check { link } => {
                Reply::Opened(share::unpack(&link).and_then(|s| share::check(&s).map(|()| s.lang)))
            }
            Request::Open { scenario } => self.open(scenario),
            Request::OpenDefault => {
                let opened = self.open(Some(Scenario::default_preset()));
                if matches!(opened, Reply::Opened(Ok(_))) {
                    self.playground
                        .set_editor_header(crate::i18n::EDITOR_WELCOME_EN);
                }
                opened
            }
            Request::OpenLink { link } => match share::unpack(&link) {
                Ok(scenario) => self.open(Some(scenario)),
                Err(e) => Reply::Opened(Err(e)),
            },
        }
    }

    /// Opens `scenario` (None: an empty cluster) in place of the work, if it opens.
    fn open(&mut self, scenario: Option<Scenario>) -> Reply {
        let lang = scenario.as_ref().and_then(|s| s.lang.clone());
        let next = match &scenario {
            Some(s) => share::restore(s),
            None => Ok(Playground::empty()),
        };
        Reply::Opened(next.map(|next| {
            // Other work opened: a saved scenario still replaying must not replace it.
            self.restoring = None;
            self.playground.replace(next);
            lang
        }))
    }

    /// Runs slices of the work under way, a sliced Settle and then a "Run all", while `more()`
    /// says there is time (at least one slice); true once nothing is left. The page calls it
    /// a frame at a time; in a worker it runs between the messages that come in, so that
    /// Pause, Stop and Select get in.
    pub fn work(&mut self, mut more: impl FnMut() -> bool) -> bool {
        while self.restoring.is_some() {
            if self.replay_slice() {
                break;
            }
            if !more() {
                return false;
            }
        }
        let p = &mut self.playground;
        let settled = p.is_settling();
        while !p.settle_slice() {
            if !more() {
                return false;
            }
        }
        let running = p.player().is_some_and(|pl| pl.is_running());
        // The frame's slice was the Settle's last: the script goes on at the next one.
        if running && settled && !more() {
            return false;
        }
        p.run_slice(more)
    }

    /// Starts rebuilding `scenario` (checked first: nothing changes if it does not open) and
    /// replays its steps while `more()` says there is time; the rest goes on in
    /// [`Host::work`].
    fn restore(
        &mut self,
        scenario: &Scenario,
        mut more: impl FnMut() -> bool,
        at_once: bool,
    ) -> Reply {
        let mut next = match share::Restoring::new(scenario) {
            Ok(next) => next,
            Err(e) => return Reply::Opened(Err(e)),
        };
        next.run_while(|| at_once || more());
        if next.is_done() {
            self.restoring = None;
            self.playground.replace(next.finish());
        } else {
            self.playground.replace(Playground::empty());
            self.restoring = Some(next);
        }
        Reply::Opened(Ok(scenario.lang.clone()))
    }

    /// One step of the replay under way; true once none is left (it is then the work).
    fn replay_slice(&mut self) -> bool {
        let Some(r) = self.restoring.as_mut() else {
            return true;
        };
        let mut once = true;
        r.run_while(|| std::mem::take(&mut once));
        if r.is_done() {
            self.finish_restoring();
            return true;
        }
        false
    }

    /// The replay under way, as far as it got, becomes the work.
    fn finish_restoring(&mut self) {
        if let Some(r) = self.restoring.take() {
            self.playground.replace(r.finish());
        }
    }

    /// The parts of what the views show that changed since the last update.
    pub fn update(&mut self) -> Update {
        let p = &self.playground;
        let s = &mut self.sent;
        let clock = ClockView {
            elapsed_millis: p.elapsed_millis(),
            playing: p.playing,
            speed: p.speed,
            settling: p.is_settling(),
        };
        // Compared in place: the text (a paste of tens of megabytes) is copied only when it
        // changed, and sent only when the page does not have it.
        let text_kept = s
            .editor
            .key
            .as_ref()
            .is_some_and(|k| k.manifest == p.manifest);
        let editor_changed = s.editor.key.as_ref().is_none_or(|k| {
            !text_kept
                || k.edited != p.manifest_edited()
                || k.apply_error != p.apply_error
                || k.edit != self.last_edit
        });
        let why_key = (
            p.selected_node.clone(),
            p.selected_node
                .as_deref()
                .map(|n| p.explanations(n))
                .unwrap_or_default(),
        );
        let t = p.transcript();
        let transcript_key = (t.first().map(|e| e.id), t.last().map(|e| e.id));
        let player_key = p.player().map(|pl| {
            (
                p.script_serial(),
                pl.position(),
                pl.len(),
                pl.is_running(),
                pl.window(STEP_LIST_LIMIT),
            )
        });
        let lesson_key = p.lesson().map(|l| {
            (
                l.id.clone(),
                l.step,
                l.done,
                l.hints_shown,
                l.solution_shown,
                p.lesson_goals(),
            )
        });
        let (nodes, more) = s.nodes.offer(p.node_views(), p.selected_node.as_deref());
        Update {
            more,
            nodes,
            clock: s.clock.offer(clock, |c| *c),
            editor: editor_changed
                .then(|| {
                    // The text kept moves from the last key to the new one.
                    let manifest = match s.editor.key.as_mut() {
                        Some(k) if text_kept => std::mem::take(&mut k.manifest),
                        _ => p.manifest.clone(),
                    };
                    let key = EditorView {
                        manifest,
                        text_kept: false,
                        edited: p.manifest_edited(),
                        apply_error: p.apply_error.clone(),
                        edit: self.last_edit,
                    };
                    s.editor.offer(key, |k| EditorView {
                        manifest: if text_kept {
                            String::new()
                        } else {
                            k.manifest.clone()
                        },
                        text_kept,
                        apply_error: k.apply_error.clone(),
                        ..*k
                    })
                })
                .flatten(),
            selected: s.selected.offer(p.selected_node.clone(), Clone::clone),
            daemonsets: s.daemonsets.offer(p.daemonset_views(), Clone::clone),
            revisions: s.revisions.offer(p.revision_views(), Clone::clone),
            ds_table: s.ds_table.offer(p.ds_table().to_string(), Clone::clone),
            events: s.events.offer_rows(p.event_views(&self.event_filter)),
            why: s.why.offer(why_key, |(node, explanations)| WhyView {
                node: node.clone(),
                explanations: explanations.iter().map(why_line).collect(),
            }),
            transcript: {
                // Entries are numbered in order: those after the last one sent are new.
                let sent = s.transcript.key.and_then(|(_, last)| last);
                s.transcript
                    .offer(transcript_key, |(first, _)| TranscriptChange {
                        first: *first,
                        added: t
                            .iter()
                            .filter(|e| sent.is_none_or(|last| e.id > last))
                            .map(shown_entry)
                            .collect(),
                    })
            },
            player: s.player.offer(player_key, |_| player_view(p)),
            lesson: s.lesson.offer(lesson_key, |k| LessonView {
                state: p.lesson().map(lesson_shown),
                goals: k.as_ref().map(|k| k.5.clone()).unwrap_or_default(),
            }),
            work: s.work.offer(
                WorkView {
                    log_revision: p.log().revision(),
                    pods: p.session().cluster().store().pods().len(),
                },
                |w| *w,
            ),
            lessons: s.lessons.offer((), |()| lesson_menu()),
            replay: s
                .replay
                .offer(self.restoring.as_ref().map(|r| r.progress()), |r| *r),
        }
    }
}

/// The lessons of the menu: their titles alone, not the whole lessons (part of the first update,
/// so of the first usable render).
fn lesson_menu() -> Vec<LessonEntry> {
    crate::lessons::LESSONS
        .iter()
        .map(|l| LessonEntry {
            id: l.id.to_string(),
            title: dsplay_engine::lesson::titles(l.source),
        })
        .collect()
}

/// What was sent of the node cards: the list as the page has it (keyed by the model's cards),
/// whether they went as cells' parts, and whose card went whole among them.
#[derive(Default)]
struct Cards {
    part: Part<Vec<Arc<NodeView>>>,
    /// The last batch went as cells' parts (more than [`DENSE_THRESHOLD`] nodes).
    cells: bool,
    /// The node whose card went whole while the others went as cells' parts: the selected one,
    /// whose card the dense view shows below its grid.
    whole: Option<String>,
}

impl Cards {
    /// The cards that changed since the last update, if any did: at most [`CARD_BATCH`] cards
    /// and about [`POD_BATCH`] pods, the rest in the next updates (true: some are left). Above
    /// [`DENSE_THRESHOLD`] nodes, a card goes as its cell's part ([`NodeView::cell_part`]) but
    /// the selected node's, which goes whole (again when the selection moves to it).
    fn offer(
        &mut self,
        now: Vec<Arc<NodeView>>,
        selected: Option<&str>,
    ) -> (Option<Versioned<NodeCards>>, bool) {
        let cells = now.len() > DENSE_THRESHOLD;
        // Back under the threshold, the page's cards are cells' parts: every one goes whole.
        let mut before = if self.cells && !cells {
            Vec::new()
        } else {
            self.part.key.take().unwrap_or_default()
        };
        let whole = if cells { selected } else { None };
        let rewhole = whole.filter(|w| {
            self.whole.as_deref() != Some(*w) && now.iter().any(|card| card.name == *w)
        });
        if before == now && rewhole.is_none() {
            self.part.key = Some(before);
            return (None, false);
        }
        let differ = now.iter().enumerate().filter(|(i, card)| {
            rewhole == Some(card.name.as_str())
                || before
                    .get(*i)
                    .is_none_or(|b| !Arc::ptr_eq(b, card) && b != *card)
        });
        let mut pods = 0;
        let mut batch: Vec<usize> = Vec::new();
        // Those that differ and wait for a later batch.
        let mut left: Vec<usize> = Vec::new();
        for (i, card) in differ {
            if batch.len() >= CARD_BATCH || pods >= POD_BATCH {
                left.push(i);
                continue;
            }
            batch.push(i);
            pods += card.pods.len();
        }
        let more = !left.is_empty();
        // The page's list after this batch: cut to the new length, the batch's cards set (new
        // ones come in index order, so they go at its end).
        protocol::set_rows(
            &mut before,
            now.len(),
            batch.iter().map(|&i| (i, Arc::clone(&now[i]))),
        );
        // A card left for a later batch is known to differ: its old card need not be kept to
        // tell so. Kept, a Settle's ten batches held every node's old card beside its new one
        // (issue 20: ~1 KB a node). A card of no name stands for it: no node's card equals it.
        if let Some(&first) = left.first() {
            let stale = Arc::new(NodeView {
                name: String::new(),
                ..now[first].cell_part()
            });
            for i in left {
                if let Some(slot) = before.get_mut(i) {
                    *slot = Arc::clone(&stale);
                }
            }
        }
        let changed = batch
            .into_iter()
            .map(|i| {
                let card = &now[i];
                if cells && whole != Some(card.name.as_str()) {
                    if self.whole.as_deref() == Some(card.name.as_str()) {
                        self.whole = None;
                    }
                    (i, card.cell_part())
                } else {
                    if cells {
                        self.whole = Some(card.name.clone());
                    }
                    (i, NodeView::clone(card))
                }
            })
            .collect();
        self.cells = cells;
        if !cells {
            self.whole = None;
        }
        self.part.version += 1;
        self.part.key = Some(before);
        let cards = Versioned {
            version: self.part.version,
            value: NodeCards {
                len: now.len(),
                changed,
            },
        };
        (Some(cards), more)
    }
}

impl Part<Vec<crate::playground::EventView>> {
    /// The timeline's change since the last update, if it changed: the rows dropped from its
    /// start are those that leave the fewest rows to send.
    fn offer_rows(
        &mut self,
        now: Vec<crate::playground::EventView>,
    ) -> Option<Versioned<EventsChange>> {
        let before = self.key.as_deref();
        if before == Some(now.as_slice()) {
            return None;
        }
        let before = before.unwrap_or_default();
        let differ = |dropped: usize, limit: usize| {
            let kept = before.get(dropped..).unwrap_or_default();
            let mut n = 0;
            for (i, row) in now.iter().enumerate() {
                if kept.get(i) != Some(row) {
                    n += 1;
                    if n >= limit {
                        break;
                    }
                }
            }
            n
        };
        let (mut dropped, mut fewest) = (0, differ(0, usize::MAX));
        for d in 1..=before.len() {
            if fewest == 0 {
                break;
            }
            let n = differ(d, fewest);
            if n < fewest {
                (dropped, fewest) = (d, n);
            }
        }
        let kept = before.get(dropped..).unwrap_or_default();
        let changed = now
            .iter()
            .enumerate()
            .filter(|(i, row)| kept.get(*i) != Some(*row))
            .map(|(i, row)| (i, row.clone()))
            .collect();
        let len = now.len();
        self.offer(now, |_| EventsChange {
            dropped,
            len,
            changed,
        })
    }
}

/// A transcript entry as the page is sent it: a standard input over [`SHOWN_STDIN_BYTES`]
/// cut after its last whole line within them, then a line `…`.
fn shown_entry(e: &crate::playground::Entry) -> crate::playground::Entry {
    let stdin = e.stdin.as_deref().map(|text| {
        if text.len() <= SHOWN_STDIN_BYTES {
            return text.to_string();
        }
        let head = &text.as_bytes()[..SHOWN_STDIN_BYTES];
        let cut = head.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        format!("{}…\n", &text[..cut])
    });
    crate::playground::Entry {
        id: e.id,
        command: e.command.clone(),
        stdin,
        stdin_lines: e.stdin_lines,
        output: e.output.clone(),
        is_error: e.is_error,
    }
}

/// A DaemonSet's explanation on the selected node in every language.
fn why_line(e: &Explanation) -> WhyLine {
    WhyLine {
        daemonset: e.daemonset.clone(),
        sentences: Lang::ALL
            .iter()
            .map(|lang| explain::sentence(*lang, &e.slot))
            .collect(),
    }
}

/// Where the learner is, and the current step's texts.
fn lesson_shown(l: &LessonState) -> LessonShown {
    LessonShown {
        id: l.id.clone(),
        step: l.step,
        steps: l.lesson.steps.len(),
        done: l.done,
        hints_shown: l.hints_shown,
        solution_shown: l.solution_shown,
        text: l.lesson.steps.get(l.step).map(|s| StepTexts {
            lesson_title: l.lesson.title.clone(),
            title: s.title.clone(),
            text: s.text.clone(),
            hints: s.hints.clone(),
            solution: solution_text(&s.solution),
        }),
    }
}

/// A solution's lines as the learner would type them, here-documents included.
fn solution_text(lines: &[ScriptLine]) -> String {
    let mut out = String::new();
    for line in lines {
        out.push_str(&line.text);
        out.push('\n');
        if let Some(body) = &line.stdin {
            out.push_str(body);
            let word = line
                .text
                .rsplit("<<")
                .next()
                .unwrap_or("EOF")
                .trim_start_matches('-')
                .trim_matches(|c: char| c == '\'' || c == '"' || c.is_whitespace());
            out.push_str(word);
            out.push('\n');
        }
    }
    out
}

/// What a command printed, as a reply.
fn reply(out: CommandOutput) -> Reply {
    Reply::Output {
        output: out.output,
        is_error: out.is_error,
    }
}

/// The script player's view, if a script is loaded.
fn player_view(p: &Playground) -> Option<PlayerView> {
    let pl = p.player()?;
    let window = pl.window(STEP_LIST_LIMIT);
    let rows = pl
        .steps()
        .get(window.clone())
        .unwrap_or_default()
        .iter()
        .zip(window)
        .map(|(s, index)| StepRow {
            index,
            line: s.line,
            text: s.text.clone(),
            stdin_lines: s.stdin_lines(),
            comment: s.comment.clone(),
        })
        .collect();
    Some(PlayerView {
        serial: p.script_serial(),
        position: pl.position(),
        len: pl.len(),
        running: pl.is_running(),
        rows,
    })
}

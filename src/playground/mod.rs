//! The playground's model: a scenario-language [`Session`] plus the state of the page around it
//! (console transcript and history, selected node, manifest text, clock). Plain Rust, tested
//! natively; the Leptos components in `crate::components` only render it and call its methods.
//!
//! Every user action is one scenario-language command line run through [`Playground::run`],
//! exactly as the console, the CLI and the tests run it, and echoed into the transcript as
//! `$ command` plus what it printed. Only the clock's automatic ticks are not echoed.

pub mod chips;
mod commands;
pub mod highlight;
mod history;
mod lesson;
pub mod player;
pub mod record;
mod time;
mod view_cache;
mod views;

#[cfg(test)]
mod chips_tests;
#[cfg(test)]
mod lesson_tests;
#[cfg(test)]
mod player_tests;
#[cfg(test)]
mod tests;

use dsplay_engine::runner::{CommandOutput, Session};

pub use commands::{NewNodes, NodeAction, shell_words};
pub use history::History;
pub use lesson::{GoalView, LessonState};
pub use player::{LoadError, Player, ScriptStep};
pub use time::format_elapsed;
pub use views::{
    DENSE_THRESHOLD, DaemonSetView, EVENT_LIMIT, EventView, Explanation, NodeView, PodChip,
    PodState, RevisionView, RolloutView, STRIP_LIMIT, TaintTag,
};

/// The DaemonSet in the editor when the page opens (shared/fixtures/fluentd-elasticsearch.yaml).
pub const DEFAULT_MANIFEST: &str = include_str!("default-daemonset.yaml");

/// The nodes of the default scenario: a control plane (tainted, as kubeadm does) and two workers.
pub const DEFAULT_NODES: &str = include_str!("default-nodes.yaml");

/// How many transcript entries are kept (the oldest go first).
pub const TRANSCRIPT_LIMIT: usize = 500;

/// Wall-clock milliseconds between two ticks of the playing clock.
pub const TICK_MILLIS: u32 = 100;

/// One command in the console transcript.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// Increasing, unique for the page's life: the key of the rendered line.
    pub id: u64,
    /// The command line as run (`kubectl apply -f -`).
    pub command: String,
    /// The standard input given to it (the manifest of an Apply). The page is sent its first
    /// [`crate::host::SHOWN_STDIN_BYTES`] only.
    pub stdin: Option<String>,
    /// The lines of `stdin` (all of them, however much of it the page is sent).
    pub stdin_lines: usize,
    /// What it printed.
    pub output: String,
    pub is_error: bool,
}

/// The clock speeds offered: virtual time per wall-clock time.
pub const SPEEDS: [u32; 5] = [1, 2, 5, 10, 100];

/// An apply that failed, shown under the editor.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ApplyError {
    /// Everything kubectl printed.
    pub message: String,
    /// The manifest line (1-based) of the first problem, as the engine locates it.
    pub line: Option<usize>,
    /// The column (1-based) of the first problem, as the engine locates it.
    pub column: Option<usize>,
}

impl ApplyError {
    /// A failed apply of `manifest` that printed `output`, marked where the engine locates the
    /// first problem of the manifest (`manifest::problems`: YAML, decoding, and the API server's
    /// validation). An error the manifest alone does not show (an update the API server
    /// refuses) has no mark: kubectl's text is the message.
    pub fn of(manifest: &str, output: &str) -> ApplyError {
        let first = dsplay_engine::manifest::problems(manifest)
            .into_iter()
            .next();
        ApplyError {
            line: first.as_ref().map(|p| p.line),
            column: first.as_ref().map(|p| p.column),
            message: output.to_string(),
        }
    }
}

/// The page's state.
pub struct Playground {
    session: Session,
    transcript: Vec<Entry>,
    next_id: u64,
    /// The text in the Manifest editor.
    pub manifest: String,
    /// The learner typed in the editor since the page last put a text there: applies from the
    /// console or a script no longer replace it.
    manifest_edited: bool,
    /// The error of the last Apply, if it failed.
    pub apply_error: Option<ApplyError>,
    /// The node whose explanations the "Why?" panel shows.
    pub selected_node: Option<String>,
    /// Whether the clock runs on its own.
    pub playing: bool,
    /// Virtual milliseconds per wall-clock millisecond.
    pub speed: u32,
    /// The output of `kubectl get ds -A`, refreshed after every command and tick.
    ds_table: String,
    /// Every command run, for links and autosaves (`crate::share`).
    log: record::Log,
    /// A Settle under way in slices (see [`Playground::settle_slice`]).
    settling: Option<Settling>,
    /// A script loaded into the console to be played step by step.
    player: Option<Player>,
    /// How many scripts were loaded: tells the views a new script from the same one played on.
    scripts_loaded: u64,
    /// Node cards kept between reads (`Playground::node_views`, which takes `&self`).
    node_cards: std::cell::RefCell<view_cache::NodeViewCache>,
    /// Each rollout's per-node answers kept between reads (`Playground::daemonset_views`).
    rollouts: std::cell::RefCell<dsplay_engine::query::RolloutCache>,
    /// The lesson being followed, if any.
    lesson: Option<LessonState>,
}

/// A Settle under way: where the virtual clock was when it began.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Settling {
    from_millis: i64,
}

/// The virtual time one slice of a sliced Settle may cover: short, so that a slice of a big
/// cluster's rollout takes milliseconds of wall-clock time.
pub const SETTLE_SLICE_MILLIS: i64 = 1_000;

/// `sim settle`'s default timeout (the engine's), which a sliced Settle keeps too.
pub const SETTLE_TIMEOUT_MILLIS: i64 = 600_000;

impl Default for Playground {
    fn default() -> Self {
        Playground::new()
    }
}

impl Playground {
    /// An empty cluster, the default DaemonSet in the editor (not applied), clock paused.
    pub fn empty() -> Playground {
        let mut p = Playground {
            session: Session::new(),
            transcript: Vec::new(),
            next_id: 0,
            manifest: DEFAULT_MANIFEST.to_string(),
            manifest_edited: false,
            apply_error: None,
            selected_node: None,
            playing: false,
            speed: 1,
            ds_table: String::new(),
            log: record::Log::default(),
            settling: None,
            player: None,
            scripts_loaded: 0,
            node_cards: Default::default(),
            rollouts: Default::default(),
            lesson: None,
        };
        p.refresh();
        p
    }

    /// The default scenario: three nodes and the editor's DaemonSet applied, clock playing.
    pub fn new() -> Playground {
        let mut p = Playground::empty();
        p.run_with_stdin("kubectl apply -f -", DEFAULT_NODES);
        p.apply_manifest();
        p.playing = true;
        p
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn transcript(&self) -> &[Entry] {
        &self.transcript
    }

    /// Every command run so far (the scenario's script).
    pub fn log(&self) -> &record::Log {
        &self.log
    }

    /// The output of `kubectl get ds -A` as of now.
    pub fn ds_table(&self) -> &str {
        &self.ds_table
    }

    /// Virtual milliseconds since the scenario began.
    pub fn elapsed_millis(&self) -> i64 {
        self.session.cluster().elapsed_millis()
    }

    // ---- the one command path

    /// Runs one command line as the user would type it, and echoes it into the transcript.
    pub fn run(&mut self, command: &str) -> CommandOutput {
        self.execute(command, None)
    }

    /// As [`Playground::run`], with `stdin` as the command's standard input (`-f -`).
    pub fn run_with_stdin(&mut self, command: &str, stdin: &str) -> CommandOutput {
        self.execute(command, Some(stdin))
    }

    fn execute(&mut self, command: &str, stdin: Option<&str>) -> CommandOutput {
        let out = self.session.execute(command, stdin);
        self.follow_applied_daemonset(command, stdin, &out);
        // An input the engine refuses unread (too large) did nothing: links need not carry it.
        if command.len() <= dsplay_engine::runner::MAX_SCRIPT_BYTES {
            self.log.command(command, stdin);
        }
        self.echo(command, stdin, &out);
        out
    }

    /// Puts a command that ran into the transcript, then refreshes what derives from the cluster.
    fn echo(&mut self, command: &str, stdin: Option<&str>, out: &CommandOutput) {
        self.next_id += 1;
        self.transcript.push(Entry {
            id: self.next_id,
            command: shown(command),
            stdin: stdin.map(str::to_string),
            stdin_lines: stdin.map_or(0, |s| s.lines().count()),
            output: out.output.clone(),
            is_error: out.is_error,
        });
        if self.transcript.len() > TRANSCRIPT_LIMIT {
            let extra = self.transcript.len() - TRANSCRIPT_LIMIT;
            self.transcript.drain(..extra);
        }
        self.after_change();
    }

    /// Keeps the derived state right after the cluster changed.
    fn after_change(&mut self) {
        if let Some(name) = &self.selected_node
            && self.session.cluster().store().node(name).is_none()
        {
            self.selected_node = None;
        }
        self.refresh();
        self.check_lesson_goal();
    }

    fn refresh(&mut self) {
        self.ds_table = self.read("kubectl get ds -A");
    }

    /// What a kubectl command that only reads (`kubectl get`) prints, run outside the command
    /// path: not a user action, so not in the transcript, and not in the log that links,
    /// autosaves and exported scenarios replay. (`Session::execute` takes `&mut`; a `get`
    /// changes nothing.)
    fn read(&mut self, command: &str) -> String {
        self.session.execute_aside(command).output
    }

    /// "Download YAML": the DaemonSets and the nodes as `kubectl get ... -o yaml` prints them,
    /// one YAML stream. A read: the scenario and the transcript stay as they are.
    pub fn export_yaml(&mut self) -> String {
        let ds = self.read("kubectl get ds -A -o yaml");
        let nodes = self.read("kubectl get nodes -o yaml");
        format!("{ds}---\n{nodes}")
    }

    // ---- editor

    /// The learner's typing in the editor.
    pub fn edit_manifest(&mut self, text: String) {
        self.manifest = text;
        self.manifest_edited = true;
    }

    /// Whether the learner typed in the editor since the page last put a text there.
    pub fn manifest_edited(&self) -> bool {
        self.manifest_edited
    }

    /// Puts `header` (comment lines saying what to try) at the top of the editor in place of
    /// the comments it starts with, unless the learner typed in it: the default scenario's
    /// welcome, in the page's language.
    pub fn set_editor_header(&mut self, header: &str) {
        if self.manifest_edited {
            return;
        }
        let body: String = self
            .manifest
            .lines()
            .skip_while(|l| l.trim_start().starts_with('#'))
            .flat_map(|l| [l, "\n"])
            .collect();
        self.manifest = format!("{}\n{body}", header.trim_end());
    }

    /// Marks the editor's text as the page's own (a link's, a lesson step's).
    pub(crate) fn set_manifest_edited(&mut self, edited: bool) {
        self.manifest_edited = edited;
    }

    /// The editor shows the DaemonSet that runs: a DaemonSet applied from the console or a
    /// script takes the editor's place, unless the learner has typed in it since.
    fn follow_applied_daemonset(
        &mut self,
        command: &str,
        stdin: Option<&str>,
        out: &CommandOutput,
    ) {
        let Some(stdin) = stdin else { return };
        let applies = matches!(
            command
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .as_slice(),
            ["kubectl", "apply" | "create"]
        );
        if applies && !out.is_error && !self.manifest_edited && stdin.contains("kind: DaemonSet") {
            self.manifest = stdin.to_string();
            self.apply_error = None;
        }
    }

    /// The Apply button: `kubectl apply -f -` with the editor's text as standard input. The text
    /// stays as it is; a failure is kept for the editor to show.
    pub fn apply_manifest(&mut self) -> CommandOutput {
        let manifest = self.manifest.clone();
        let out = self.run_with_stdin("kubectl apply -f -", &manifest);
        // What runs is what the editor shows again: later applies may take its place.
        self.manifest_edited = false;
        self.apply_error = out.is_error.then(|| ApplyError::of(&manifest, &out.output));
        out
    }

    // ---- nodes

    /// "Add node": `kubectl apply -f -` with `count` Node manifests named `node-N` after the
    /// highest `node-N` there is.
    pub fn add_nodes(&mut self, count: usize) -> CommandOutput {
        let names =
            commands::next_node_names(self.session.cluster().store().nodes().keys(), count.max(1));
        self.run_with_stdin("kubectl apply -f -", &commands::node_manifests(&names))
    }

    /// "Add node" with the form's fields: `kubectl apply -f -` with `count` Node manifests
    /// carrying its name, labels, taints and capacity.
    pub fn add_nodes_with(&mut self, spec: &NewNodes, count: usize) -> CommandOutput {
        if *spec == NewNodes::default() {
            return self.add_nodes(count);
        }
        let names = spec.names(self.session.cluster().store().nodes().keys(), count.max(1));
        self.run_with_stdin("kubectl apply -f -", &spec.manifests(&names))
    }

    /// A node card's action, run as its command line.
    pub fn node_action(&mut self, node: &str, action: &NodeAction) -> CommandOutput {
        self.selected_node = Some(node.to_string());
        let line = action.command(node);
        self.run(&line)
    }

    /// Selects the node whose explanations the "Why?" panel shows (None: no node).
    pub fn select(&mut self, node: Option<&str>) {
        self.selected_node = node
            .filter(|n| self.session.cluster().store().node(n).is_some())
            .map(str::to_string);
    }

    /// A revision history's "Roll back": `kubectl rollout undo ds/NAME --to-revision=N`.
    pub fn roll_back(&mut self, namespace: &str, daemonset: &str, revision: i64) -> CommandOutput {
        let line = format!(
            "kubectl rollout undo ds/{} -n {} --to-revision={revision}",
            shell_words(daemonset),
            shell_words(namespace)
        );
        self.run(&line)
    }

    // ---- clock

    /// Step: holds a playing clock (the intro says so: "Pause and Step hold it"; a step while the
    /// clock ran on would be lost among its ticks), then `sim advance 1s`.
    pub fn step(&mut self) -> CommandOutput {
        self.pause();
        self.run("sim advance 1s")
    }

    /// Settle: `sim settle`.
    pub fn settle(&mut self) -> CommandOutput {
        self.run("sim settle")
    }

    /// Settle without freezing the page: starts a `sim settle` that
    /// [`Playground::settle_slice`] carries out a slice at a time, the page drawing and taking
    /// input in between. Does nothing if one is under way.
    pub fn start_settle(&mut self) {
        if self.settling.is_none() {
            self.settling = Some(Settling {
                from_millis: self.elapsed_millis(),
            });
        }
    }

    /// Whether a sliced Settle is under way (the page shows "Settling…").
    pub fn is_settling(&self) -> bool {
        self.settling.is_some()
    }

    /// One slice of a sliced Settle: `sim settle --timeout 1s` (not echoed). Returns true
    /// once it is over, then echoes `sim settle` with what one `sim settle` would have printed:
    /// the slices reach the same instants as one settle, since each stops at its deadline only
    /// when nothing is due before it.
    pub fn settle_slice(&mut self) -> bool {
        let Some(job) = self.settling else {
            return true;
        };
        let slice = format!("sim settle --timeout {SETTLE_SLICE_MILLIS}ms");
        let out = self.session.execute(&slice, None);
        // Links replay each slice: the same instants, even if the page is left mid-settle.
        self.log.command(&slice, None);
        let spent = self.elapsed_millis() - job.from_millis;
        let output = if out.is_error || out.output.starts_with("settled at") {
            Some(out)
        } else if spent >= SETTLE_TIMEOUT_MILLIS {
            Some(CommandOutput {
                output: format!(
                    "not settled after 10m0s: still changing at {}\n",
                    format_elapsed(self.elapsed_millis())
                ),
                is_error: false,
            })
        } else {
            None
        };
        match output {
            Some(out) => {
                self.settling = None;
                self.echo("sim settle", None, &out);
                true
            }
            None => {
                self.after_change();
                false
            }
        }
    }

    pub fn play(&mut self) {
        self.playing = true;
    }

    pub fn pause(&mut self) {
        self.playing = false;
    }

    /// Sets the speed, if it is one of [`SPEEDS`].
    pub fn set_speed(&mut self, speed: u32) {
        if SPEEDS.contains(&speed) {
            self.speed = speed;
        }
    }

    /// The command one tick of the playing clock runs after `wall_millis` of wall-clock time.
    pub fn tick_command(&self, wall_millis: u32) -> String {
        format!(
            "sim advance {}ms",
            u64::from(wall_millis) * u64::from(self.speed)
        )
    }

    /// One tick of the playing clock: the same `sim advance` a user could type, but not echoed
    /// (ten a second would drown the transcript). Does nothing while paused.
    pub fn tick(&mut self, wall_millis: u32) {
        if !self.playing || self.settling.is_some() {
            return;
        }
        let command = self.tick_command(wall_millis);
        // Not the learner's command: an `expect output` goal still reads theirs.
        let _ = self.session.execute_aside(&command);
        self.log
            .tick(u64::from(wall_millis) * u64::from(self.speed));
        self.after_change();
    }

    // ---- console

    /// The console's Enter: runs the line (blank lines do nothing). The page remembers it
    /// (`History::remember`).
    pub fn console(&mut self, line: &str) -> Option<CommandOutput> {
        let line = line.trim();
        if line.is_empty() {
            return None;
        }
        // The console has no here-documents of its own: `-f -` reads the editor.
        if reads_stdin(line) && !line.contains("<<") {
            let manifest = self.manifest.clone();
            return Some(self.run_with_stdin(line, &manifest));
        }
        Some(self.run(line))
    }

    // ---- the script player

    /// The script loaded into the console, if any.
    pub fn player(&self) -> Option<&Player> {
        self.player.as_ref()
    }

    /// Loads a script to play step by step, in place of any script loaded before. A script
    /// that does not read changes nothing: the error says which line and why.
    pub fn load_script(&mut self, script: &str) -> Result<(), LoadError> {
        self.player = Some(Player::load(script)?);
        self.scripts_loaded += 1;
        Ok(())
    }

    /// A number that changes whenever a script is loaded.
    pub fn script_serial(&self) -> u64 {
        self.scripts_loaded
    }

    /// The console's Enter on a script of several lines: loads it and runs it all (see
    /// [`Playground::run_slice`]); the player closes once the script is over.
    pub fn run_script(&mut self, script: &str) -> Result<(), LoadError> {
        let mut player = Player::load(script)?;
        player.close_when_done();
        player.set_running(true);
        self.player = Some(player);
        self.scripts_loaded += 1;
        Ok(())
    }

    /// "Next step": runs the loaded script's next command through the one command path.
    pub fn next_step(&mut self) -> Option<CommandOutput> {
        let step = self.player.as_mut()?.advance()?;
        let out = self.execute(&step.command, step.stdin.as_deref());
        if self
            .player
            .as_ref()
            .is_some_and(|p| p.is_done() && p.closes_when_done())
        {
            self.player = None;
        }
        Some(out)
    }

    /// "Run all": the remaining commands are to run, a slice at a time
    /// ([`Playground::run_slice`]).
    pub fn run_all(&mut self) {
        if let Some(p) = &mut self.player {
            p.set_running(true);
        }
    }

    /// Runs commands of a "Run all" while `more()` says there is time. Returns true once
    /// there is nothing left to run (the script is over, stopped, or not running).
    pub fn run_slice(&mut self, mut more: impl FnMut() -> bool) -> bool {
        loop {
            if !self.player.as_ref().is_some_and(Player::is_running) {
                return true;
            }
            self.next_step();
            if !more() {
                return !self.player.as_ref().is_some_and(Player::is_running);
            }
        }
    }

    /// "Stop": closes the script; its remaining commands do not run.
    pub fn stop_script(&mut self) {
        self.player = None;
    }

    /// Becomes `next` (a link, a preset, an imported file), numbering its transcript after this
    /// one's, so that views keyed by entry id redraw.
    pub fn replace(&mut self, mut next: Playground) {
        let offset = self.next_id;
        for e in &mut next.transcript {
            e.id += offset;
        }
        next.next_id += offset;
        next.scripts_loaded += self.scripts_loaded;
        *self = next;
    }

    /// Forgets the transcript (the console's `clear`).
    pub fn clear_transcript(&mut self) {
        self.transcript.clear();
    }
}

/// Longest command shown whole in the transcript: a pasted megabyte would make the page crawl.
const SHOWN_COMMAND_LIMIT: usize = 2_000;

/// The command as the transcript shows it: cut, with its size, when it is very long.
fn shown(command: &str) -> String {
    if command.len() <= SHOWN_COMMAND_LIMIT {
        return command.to_string();
    }
    let mut end = SHOWN_COMMAND_LIMIT;
    while !command.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes in all)", &command[..end], command.len())
}

/// Whether a command line reads standard input (`-f -`, `-f=-`, `--filename -`, `--filename=-`).
fn reads_stdin(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.iter().enumerate().any(|(i, w)| {
        matches!(*w, "-f=-" | "--filename=-" | "-f-")
            || (matches!(*w, "-f" | "--filename") && words.get(i + 1) == Some(&"-"))
    })
}

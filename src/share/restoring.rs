//! Rebuilding a scenario a slice at a time (issue 24 item 3): a link or an autosave of thousands
//! of commands replays between frames, with its progress shown and a Stop, instead of freezing
//! the page. Each command runs under the engine's work budget; the clock's final run to the
//! scenario's time is one more step.

use super::{LinkError, Scenario, check, last_daemonset, open_lesson};
use crate::playground::record::commands;
use crate::playground::{ApplyError, DEFAULT_MANIFEST, Playground, SPEEDS};
use crate::presets;

/// A scenario being rebuilt: checked, its preset and nodes in place, its commands running.
pub struct Restoring {
    p: Playground,
    scenario: Scenario,
    /// The editor text of the preset, if the scenario's script applies none.
    preset_manifest: Option<String>,
    commands: Vec<(String, Option<String>)>,
    next: usize,
    /// Whether the clock's final run to `view.time` is still to come.
    tick_left: bool,
    /// Whether the editor and the lesson are as the scenario had them.
    prepared: bool,
}

impl Restoring {
    /// Checks the scenario (nothing runs if that fails), replays its preset and adds its nodes.
    pub fn new(scenario: &Scenario) -> Result<Restoring, LinkError> {
        check(scenario)?;
        let unreadable = |e| LinkError::new(crate::i18n::Msg::ScriptUnreadable).with("error", e);
        let commands_of = |script: &str| commands(script).map_err(unreadable);
        let mut p = Playground::empty();
        let mut preset_manifest = None;
        if let Some(script) = scenario.preset.as_deref().and_then(presets::script) {
            for (command, stdin) in commands_of(script)? {
                run(&mut p, &command, stdin.as_deref());
            }
            preset_manifest = last_daemonset(script);
        }
        if let Some(n) = scenario.nodes.filter(|n| *n > 0) {
            p.add_nodes(n as usize);
        }
        Ok(Restoring {
            commands: commands_of(&scenario.script)?,
            p,
            scenario: scenario.clone(),
            preset_manifest,
            next: 0,
            tick_left: true,
            prepared: false,
        })
    }

    /// Steps done and steps in all: the commands, then the clock's final run.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.next + usize::from(!self.tick_left),
            self.commands.len() + 1,
        )
    }

    pub fn is_done(&self) -> bool {
        !self.tick_left
    }

    /// Runs steps while `go_on` says so (it is asked before each) or until all are done.
    pub fn run_while(&mut self, mut go_on: impl FnMut() -> bool) {
        while !self.is_done() && go_on() {
            if let Some((command, stdin)) = self.commands.get(self.next) {
                run(&mut self.p, command, stdin.as_deref());
                self.next += 1;
            } else {
                self.prepare();
                self.final_tick();
                self.tick_left = false;
            }
        }
    }

    /// The clock time the script does not account for: one silent tick at 1×.
    fn final_tick(&mut self) {
        let behind = self
            .scenario
            .view
            .time
            .saturating_sub(self.p.elapsed_millis());
        if behind > 0 && behind < i64::from(u32::MAX) {
            self.p.playing = true;
            self.p.speed = 1;
            self.p.tick(behind as u32);
        }
    }

    /// The playground, with the editor, lesson and view the scenario had. Called before every
    /// step ran (a Stop), it is the scenario as far as it got.
    pub fn finish(mut self) -> Playground {
        self.prepare();
        let view = &self.scenario.view;
        let p = &mut self.p;
        p.speed = if SPEEDS.contains(&view.speed) {
            view.speed
        } else {
            1
        };
        p.playing = view.playing;
        p.select(view.node.as_deref());
        self.p
    }

    /// The editor's text (and an applied or failed manifest) and the lesson, once.
    fn prepare(&mut self) {
        if std::mem::replace(&mut self.prepared, true) {
            return;
        }
        let scenario = &self.scenario;
        let p = &mut self.p;
        let applied = last_daemonset(&scenario.script).or(self.preset_manifest.take());
        p.manifest = scenario
            .manifest
            .clone()
            .or_else(|| applied.clone())
            .unwrap_or_else(|| DEFAULT_MANIFEST.to_string());
        // A link's editor text that differs from what last ran is the learner's: keep it.
        p.set_manifest_edited(scenario.manifest.is_some() && scenario.manifest != applied);
        if scenario.apply {
            p.apply_manifest();
        } else {
            // The editor's error marker, if the editor's text was the last thing applied and
            // failed.
            let last = p.transcript().iter().rev().find(|e| e.stdin.is_some());
            if let Some(e) = last.filter(|e| e.is_error && e.stdin.as_deref() == Some(&p.manifest))
            {
                p.apply_error = Some(ApplyError::of(&p.manifest, &e.output));
            }
        }
        open_lesson(p, scenario);
    }
}

fn run(p: &mut Playground, command: &str, stdin: Option<&str>) {
    match stdin {
        Some(stdin) => p.run_with_stdin(command, stdin),
        None => p.run(command),
    };
}

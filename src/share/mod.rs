//! Saving and rebuilding a whole scenario: for links (`#v1:…`), autosaves, exported files,
//! embeds and presets. Plain Rust, tested natively; `crate::persist` and the components do the
//! browser's part.

pub mod base64url;
mod codec;
mod fuzzing;
mod scenario;

#[cfg(test)]
mod tests;

pub use codec::{
    LinkError, MAX_COMMANDS, MAX_JSON_BYTES, MAX_LINK_CHARS, VERSION, check, check_script, decode,
    encode, is_scenario,
};
pub use fuzzing::fragment_for_fuzzing;
pub use scenario::{Scenario, View};

use crate::playground::record::commands;
use crate::playground::{ApplyError, DEFAULT_MANIFEST, Playground, SPEEDS};
use crate::{lessons, presets};

/// The scenario of the playground as it is now.
pub fn snapshot(p: &Playground) -> Scenario {
    Scenario {
        script: p.log().script(),
        lesson: p.lesson().map(|l| l.id.clone()),
        step: p
            .lesson()
            .map(|l| u32::try_from(l.step + 1).unwrap_or(u32::MAX)),
        manifest: Some(p.manifest.clone()),
        view: View {
            playing: p.playing,
            speed: p.speed,
            node: p.selected_node.clone(),
            time: p.elapsed_millis(),
        },
        ..Scenario::default()
    }
}

/// The playground `scenario` describes, rebuilt by running its commands on an empty cluster
/// through the console's path (so the console shows them). Checked first: nothing runs if it
/// fails.
pub fn restore(scenario: &Scenario) -> Result<Playground, LinkError> {
    check(scenario)?;
    let mut p = Playground::empty();
    let mut manifest = None;
    if let Some(preset) = scenario.preset.as_deref().and_then(presets::find) {
        replay(&mut p, preset.script)?;
        manifest = last_daemonset(preset.script);
    }
    if let Some(n) = scenario.nodes.filter(|n| *n > 0) {
        p.add_nodes(n as usize);
    }
    replay(&mut p, &scenario.script)?;
    let applied = last_daemonset(&scenario.script).or(manifest);
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
        // The editor's error marker, if the editor's text was the last thing applied and failed.
        let last = p.transcript().iter().rev().find(|e| e.stdin.is_some());
        if let Some(e) = last.filter(|e| e.is_error && e.stdin.as_deref() == Some(&p.manifest)) {
            p.apply_error = Some(ApplyError::of(&p.manifest, &e.output));
        }
    }
    open_lesson(&mut p, scenario);
    let view = &scenario.view;
    let behind = view.time.saturating_sub(p.elapsed_millis());
    if behind > 0 && behind < i64::from(u32::MAX) {
        // The clock time the script does not account for: one silent tick at 1×.
        p.playing = true;
        p.speed = 1;
        p.tick(behind as u32);
    }
    p.speed = if SPEEDS.contains(&view.speed) {
        view.speed
    } else {
        1
    };
    p.playing = view.playing;
    p.select(view.node.as_deref());
    Ok(p)
}

/// The scenario's lesson, if it names one this page has: started (its setup run) when the
/// scenario has no script of its own, else resumed where the script left it.
fn open_lesson(p: &mut Playground, scenario: &Scenario) {
    let Some((id, lesson)) = scenario
        .lesson
        .as_deref()
        .and_then(|id| Some((id, lessons::load(id)?)))
    else {
        return;
    };
    let step = scenario.step.unwrap_or(1).saturating_sub(1) as usize;
    if scenario.script.is_empty() && scenario.preset.is_none() {
        p.start_lesson(id, lesson, step);
    } else {
        // The editor as the link left it, not as the step opened.
        let manifest = scenario.manifest.is_some().then(|| p.manifest.clone());
        p.resume_lesson(id, lesson, step);
        if let Some(m) = manifest {
            p.manifest = m;
        }
    }
}

/// Runs every command of `script`.
pub fn replay(p: &mut Playground, script: &str) -> Result<(), LinkError> {
    let commands = commands(script)
        .map_err(|e| LinkError::new(crate::i18n::Msg::ScriptUnreadable).with("error", e))?;
    for (command, stdin) in commands {
        match stdin {
            Some(stdin) => p.run_with_stdin(&command, &stdin),
            None => p.run(&command),
        };
    }
    Ok(())
}

/// The last DaemonSet manifest the script applies: what the editor shows.
pub fn last_daemonset(script: &str) -> Option<String> {
    commands(script)
        .ok()?
        .into_iter()
        .rev()
        .filter_map(|(_, stdin)| stdin)
        .find(|s| s.contains("kind: DaemonSet") || s.contains("kind: Deployment"))
}

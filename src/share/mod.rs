//! Saving and rebuilding a whole scenario: for links (`#v1:…`), autosaves, exported files,
//! embeds and presets. Plain Rust, tested natively; `crate::persist` and the components do the
//! browser's part.

pub mod base64url;
mod codec;
mod deflating;
mod fuzzing;
mod restoring;
mod scenario;

#[cfg(test)]
mod tests;

pub use codec::{
    LinkError, MAX_COMMANDS, MAX_JSON_BYTES, MAX_LINK_CHARS, VERSION, check, check_script, decode,
    encode, is_scenario, unpack,
};
pub use fuzzing::fragment_for_fuzzing;
pub use restoring::Restoring;
pub use scenario::{Scenario, View};

use crate::lessons;
use crate::playground::Playground;
use crate::playground::record::commands;

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
/// fails. [`Restoring`] does the same a slice at a time.
pub fn restore(scenario: &Scenario) -> Result<Playground, LinkError> {
    let mut r = Restoring::new(scenario)?;
    r.run_while(|| true);
    Ok(r.finish())
}

/// The scenario's lesson, if it names one this page has: started (its setup run) when the
/// scenario has no script of its own, else resumed where the script left it.
pub(super) fn open_lesson(p: &mut Playground, scenario: &Scenario) {
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

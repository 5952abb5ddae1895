//! The link format: `#v1:` then base64url of the raw-deflated JSON of a [`Scenario`]. Also read:
//! `#j1:` then base64url of the JSON itself, what `embed.js` writes (it has no deflate).
//!
//! A link is hostile input: its size is capped before anything is decoded, inflating stops at
//! [`MAX_JSON_BYTES`] (a zip bomb stops there), and the scenario is checked (script readable,
//! command count, virtual time, node count) before anything runs. Every failure is a sentence
//! for the page, never a panic.

use super::Scenario;
use super::base64url;
use crate::i18n::{Msg, Text};
use dsplay_engine::command::{Command, parse_command};
use dsplay_engine::script::read_script;
use dsplay_engine::sim::Sim;
use std::fmt;

/// The version written today. Old versions stay readable: add, never change.
pub const VERSION: &str = "v1";
/// The longest fragment read (characters after `#`).
pub const MAX_LINK_CHARS: usize = 256 * 1024;
/// The most bytes a link may unpack to: as much as the playground reads in one manifest (the
/// engine's 16 MiB). The work of a pasted 10,000-node NodeList is 2.4 MB of JSON (the editor's
/// text and the script's Apply), well within a link's [`MAX_LINK_CHARS`] once deflated, and
/// must reopen from its link and its autosave.
pub const MAX_JSON_BYTES: usize = 16 * 1024 * 1024;
/// The most commands a script may hold (each is replayed when the link opens).
pub const MAX_COMMANDS: usize = 5000;
/// The most virtual time the script's `sim advance` and `sim settle` may ask for, in total.
pub const MAX_VIRTUAL_MILLIS: u128 = 30 * 24 * 3600 * 1000;
/// The most nodes a link may ask to add.
pub const MAX_NODES: u32 = 500;

/// Why a link cannot be opened, as the page says it (in its language; English when printed).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LinkError(pub Text);

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl LinkError {
    pub fn new(msg: Msg) -> LinkError {
        LinkError(Text::new(msg))
    }

    /// Adds a parameter (a number, a name, an error of the engine), kept as it is.
    pub fn with(self, name: &'static str, value: impl fmt::Display) -> LinkError {
        LinkError(self.0.arg(name, value))
    }
}

fn fail<T>(why: LinkError) -> Result<T, LinkError> {
    Err(why)
}

/// The fragment (without `#`) for `scenario`.
pub fn encode(scenario: &Scenario) -> String {
    // Deflated as it is written, in pieces of 64 KB (serde's writes are a token each); writing
    // plain strings and numbers into memory cannot fail.
    let mut json = std::io::BufWriter::with_capacity(1 << 16, super::deflating::Deflating::new());
    let _ = serde_json::to_writer(&mut json, scenario);
    let packed = json
        .into_inner()
        .map_or_else(|_| Vec::new(), |d| d.finish());
    format!("{VERSION}:{}", base64url::encode(&packed))
}

/// Whether `fragment` (without `#`) is meant as a scenario (`v1:…`, `j1:…`, a later `v7:…`),
/// rather than an ordinary anchor such as `#main`.
pub fn is_scenario(fragment: &str) -> bool {
    let Some((tag, _)) = fragment.split_once(':') else {
        return false;
    };
    let mut chars = tag.chars();
    matches!(chars.next(), Some('v' | 'j')) && tag.len() > 1 && chars.all(|c| c.is_ascii_digit())
}

/// The scenario of a fragment (without `#`), unpacked and checked.
pub fn decode(fragment: &str) -> Result<Scenario, LinkError> {
    let scenario = unpack(fragment)?;
    check(&scenario)?;
    Ok(scenario)
}

/// The scenario of a fragment (without `#`), unpacked but not [`check`]ed: what the page reads
/// of a link (its language) and sends to the model, which checks it before anything runs. The
/// check reads every script line with kubectl's parser: it stays out of the page's module.
pub fn unpack(fragment: &str) -> Result<Scenario, LinkError> {
    if fragment.len() > MAX_LINK_CHARS {
        return fail(
            LinkError::new(Msg::LinkTooLong)
                .with("length", fragment.len())
                .with("max", MAX_LINK_CHARS),
        );
    }
    let Some((tag, body)) = fragment.split_once(':') else {
        return fail(LinkError::new(Msg::NotALink));
    };
    let json = match tag {
        "v1" => {
            let packed = base64url::decode(body).ok_or_else(damaged)?;
            miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON_BYTES).map_err(
                |e| match e.status {
                    miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                        LinkError::new(Msg::LinkUnpacksTooMuch).with("mb", MAX_JSON_BYTES >> 20)
                    }
                    _ => damaged(),
                },
            )?
        }
        "j1" => base64url::decode(body).ok_or_else(damaged)?,
        _ if is_scenario(fragment) => {
            return fail(
                LinkError::new(Msg::LinkNewer)
                    .with("format", tag)
                    .with("version", VERSION),
            );
        }
        _ => return fail(LinkError::new(Msg::NotALink)),
    };
    if json.len() > MAX_JSON_BYTES {
        return fail(LinkError::new(Msg::LinkHoldsTooMuch).with("mb", MAX_JSON_BYTES >> 20));
    }
    serde_json::from_slice(&json).map_err(|e| LinkError::new(Msg::LinkUnreadable).with("error", e))
}

fn damaged() -> LinkError {
    LinkError::new(Msg::LinkDamaged)
}

/// What any scenario must satisfy before it runs (links, autosaves and imported files alike).
pub fn check(scenario: &Scenario) -> Result<(), LinkError> {
    if let Some(preset) = &scenario.preset
        && crate::presets::script(preset).is_none()
    {
        return fail(LinkError::new(Msg::UnknownPreset).with("preset", format!("{preset:?}")));
    }
    if scenario.nodes.is_some_and(|n| n > MAX_NODES) {
        return fail(LinkError::new(Msg::TooManyNodes).with("max", MAX_NODES));
    }
    // The clock runs on to `view.time` after the script: the same limit holds for it.
    if u128::try_from(scenario.view.time).unwrap_or(0) > MAX_VIRTUAL_MILLIS {
        return fail(too_much_time());
    }
    check_script(&scenario.script)
}

fn too_much_time() -> LinkError {
    LinkError::new(Msg::TooMuchTime).with("days", MAX_VIRTUAL_MILLIS / (24 * 3600 * 1000))
}

/// A script is readable, not too long, and asks for a bounded amount of virtual time (replaying
/// it must not freeze the page).
pub fn check_script(script: &str) -> Result<(), LinkError> {
    let lines = read_script(script)
        .map_err(|e| LinkError::new(Msg::ScenarioScriptUnreadable).with("error", e))?;
    if lines.len() > MAX_COMMANDS {
        return fail(
            LinkError::new(Msg::TooManyCommands)
                .with("n", lines.len())
                .with("max", MAX_COMMANDS),
        );
    }
    let mut millis: u128 = 0;
    for line in &lines {
        millis += match parse_command(&line.args) {
            Ok(Command::Sim(Sim::Advance(d))) => d.as_millis(),
            Ok(Command::Sim(Sim::Settle { timeout })) => {
                timeout.map_or(10 * 60 * 1000, |d| d.as_millis())
            }
            _ => 0,
        };
    }
    if millis > MAX_VIRTUAL_MILLIS {
        return fail(too_much_time());
    }
    Ok(())
}

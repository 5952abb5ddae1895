//! The messages between an embed and the page around it (embed.js, or a tutorial's own script
//! talking to a plain `<iframe>`): plain objects whose `dsplay` field names the message.
//!
//! The frame says `ready` to its parent (nothing else, to any origin); the first message the
//! parent sends back fixes the host's origin, and from then on the frame reports its height,
//! its state and a lesson's finished steps to that origin only.

use crate::host::protocol::{ClockView, LessonView, WorkView};
use serde::Serialize;
use serde_json::Value;

/// What the host page may ask of an embed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, serde(tag = "dsplay", rename_all = "lowercase"))]
pub(crate) enum Command {
    /// Start reporting to me (embed.js sends it in answer to `ready`).
    Connect,
    /// Run these scenario-language commands, as the console runs a pasted script.
    Run { script: String },
    /// Back to the scenario the embed opened on.
    Reset,
    /// Follow the host's colours.
    Theme { theme: Theme },
}

impl Command {
    /// The command a message's data (as JSON) holds, if it is one of ours: an object whose
    /// `dsplay` field names it, with the fields that command needs (others are ignored).
    /// Read by hand from a JSON value: serde's derive for a tagged enum buffered the message
    /// through its own generic content type, a few KB of the site for four commands.
    pub(crate) fn parse(json: &str) -> Option<Command> {
        let message: Value = serde_json::from_slice(json.as_bytes()).ok()?;
        let field = |key: &str| message.as_object()?.get(key)?.as_str();
        Some(match field("dsplay")? {
            "connect" => Command::Connect,
            "run" => Command::Run {
                script: field("script")?.to_string(),
            },
            "reset" => Command::Reset,
            "theme" => Command::Theme {
                theme: match field("theme")? {
                    "auto" => Theme::Auto,
                    "light" => Theme::Light,
                    "dark" => Theme::Dark,
                    _ => return None,
                },
            },
            _ => return None,
        })
    }
}

/// The embed's colours: the reader's system setting, or one the host page chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "lowercase"))]
pub(crate) enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// `?theme=` of the embed's address; anything else is `auto`.
    pub(crate) fn from_param(value: Option<&str>) -> Theme {
        match value {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        }
    }
}

/// What an embed tells its host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "dsplay", rename_all = "lowercase")]
pub(crate) enum Event {
    /// The playground is running and listens.
    Ready { version: &'static str },
    /// The height of the embed's content, in CSS pixels.
    Height { height: u32 },
    /// The cluster or the lesson changed (not sent for the clock alone).
    State {
        /// Virtual milliseconds since the scenario began.
        time: i64,
        #[serde(flatten)]
        summary: Summary,
    },
    /// A lesson's step had its goal met.
    Step {
        lesson: String,
        /// From 1, as the panel counts.
        step: usize,
        steps: usize,
        last: bool,
    },
    /// A `run` command's script did not read; nothing ran.
    Error { message: String },
}

impl Event {
    pub(crate) fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What a host may want to react to, without the clock: a new `State` event is sent when it
/// changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Summary {
    pub playing: bool,
    /// Commands run so far (buttons, console, scripts).
    pub commands: usize,
    pub nodes: usize,
    pub pods: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lesson: Option<LessonSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct LessonSummary {
    pub id: String,
    /// From 1.
    pub step: usize,
    pub steps: usize,
    pub done: bool,
}

impl Summary {
    /// The summary of what the views show: the clock, the work, how many nodes, the lesson.
    pub(crate) fn of(
        clock: &ClockView,
        work: &WorkView,
        nodes: usize,
        lesson: &LessonView,
    ) -> Summary {
        Summary {
            playing: clock.playing,
            commands: work.log_revision.0,
            nodes,
            pods: work.pods,
            lesson: lesson.state.as_ref().map(|l| LessonSummary {
                id: l.id.clone(),
                step: l.step + 1,
                steps: l.steps,
                done: l.done,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playground::Playground;

    #[test]
    fn commands_are_read_by_their_dsplay_field() {
        assert_eq!(
            Command::parse(r#"{"dsplay":"run","script":"kubectl get ds\n"}"#),
            Some(Command::Run {
                script: "kubectl get ds\n".into()
            })
        );
        assert_eq!(
            Command::parse(r#"{"dsplay":"reset","extra":1}"#),
            Some(Command::Reset)
        );
        assert_eq!(
            Command::parse(r#"{"dsplay":"theme","theme":"dark"}"#),
            Some(Command::Theme { theme: Theme::Dark })
        );
        // Other pages' messages (and ours, malformed) are not commands.
        for other in [
            r#"{"type":"webpackOk"}"#,
            r#"{"dsplay":"run"}"#,
            r#"{"dsplay":"theme","theme":"sepia"}"#,
            "\"hello\"",
            "null",
            "",
        ] {
            assert_eq!(Command::parse(other), None, "{other}");
        }
    }

    /// The hand-written reading against serde's derive it replaced, on every message shape a
    /// host's `JSON.stringify` can give (objects never repeat a key). One deliberate
    /// difference: serde also read a command from an array (`["run", "script"]`, the tag then
    /// the fields in order); the embed's messages are objects, and an array is no command.
    #[test]
    fn commands_are_read_as_serdes_derive_read_them() {
        let values = [
            "\"connect\"",
            "\"run\"",
            "\"reset\"",
            "\"theme\"",
            "\"Run\"",
            "\"\"",
            "\"dark\"",
            "\"light\"",
            "\"auto\"",
            "\"sepia\"",
            "1",
            "true",
            "null",
            "{}",
            "[]",
            "[\"x\"]",
            "{\"a\":1}",
        ];
        let keys = ["dsplay", "script", "theme", "other"];
        let mut messages = vec![String::new(), "x".into(), "\"run\"".into(), "[]".into()];
        for a in values {
            for b in values {
                for (k1, k2) in [(0, 1), (0, 2), (0, 3), (1, 0), (2, 0), (1, 2)] {
                    messages.push(format!("{{\"{}\":{a},\"{}\":{b}}}", keys[k1], keys[k2]));
                }
                messages.push(format!("{{\"dsplay\":{a}}}"));
            }
        }
        messages.push(r#"{"dsplay":"run","script":"a","theme":"dark","x":[1,{"y":2}]}"#.into());
        for message in &messages {
            let want: Option<Command> = serde_json::from_str(message).ok();
            assert_eq!(Command::parse(message), want, "{message}");
        }
        assert!(messages.len() > 1000);
        assert_eq!(Command::parse(r#"["run","kubectl get ds"]"#), None);
    }

    #[test]
    fn events_are_flat_objects_named_by_dsplay() {
        assert_eq!(
            Event::Height { height: 612 }.to_json(),
            r#"{"dsplay":"height","height":612}"#
        );
        let state = Event::State {
            time: 1500,
            summary: Summary {
                playing: false,
                commands: 2,
                nodes: 3,
                pods: 3,
                lesson: None,
            },
        };
        assert_eq!(
            state.to_json(),
            r#"{"dsplay":"state","time":1500,"playing":false,"commands":2,"nodes":3,"pods":3}"#
        );
    }

    #[test]
    fn the_summary_counts_nodes_pods_and_commands() {
        let mut p = Playground::empty();
        p.add_nodes(2);
        p.apply_manifest();
        // What the views of a page showing `p` hold.
        let u = crate::host::Host::with(p).update();
        let (Some(clock), Some(work), Some(nodes), Some(lesson)) =
            (u.clock, u.work, u.nodes, u.lesson)
        else {
            panic!("the first update carries every part");
        };
        let s = Summary::of(&clock.value, &work.value, nodes.value.len, &lesson.value);
        assert_eq!((s.nodes, s.pods, s.commands), (2, 2, 2));
        assert_eq!(s.lesson, None);
    }

    #[test]
    fn an_unknown_theme_parameter_follows_the_system() {
        assert_eq!(Theme::from_param(Some("dark")), Theme::Dark);
        assert_eq!(Theme::from_param(Some("light")), Theme::Light);
        assert_eq!(Theme::from_param(Some("coal")), Theme::Auto);
        assert_eq!(Theme::from_param(None), Theme::Auto);
    }
}

//! A saved scenario: what a link, an autosave, an embed and a preset hold. The cluster itself
//! is not stored: `script` (the scenario language) rebuilds it, because the engine gives the
//! same cluster for the same commands.

use serde::{Deserialize, Serialize};

/// Everything needed to rebuild a playground. Every field has a default, so that a link may
/// give only some (embed.js gives `manifest`, `nodes`, `preset`, `apply`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    /// A preset to start from (its id), before everything else.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// How many plain nodes to add after the preset (embeds: "a cluster of N nodes").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nodes: Option<u32>,
    /// Commands, run one by one through the console's path, after the preset and nodes.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub script: String,
    /// The editor's text (`None`: the preset's, or the default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifest: Option<String>,
    /// Apply the editor's text once the script has run (embeds).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub apply: bool,
    /// What the page shows.
    pub view: View,
    /// A lesson being followed (its id, `crate::lessons`). With no `script`, the lesson opens
    /// from its start (or at `step`): its setup runs. With a script, the script is the work so
    /// far and the lesson resumes at `step`. An unknown id opens nothing and is no error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lesson: Option<String>,
    /// The lesson's step, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<u32>,
    /// The page's language (`en`, `zh-Hans`, `zh-Hant`), if the link carries one. A tag this
    /// version does not know is ignored, not an error: links of later versions still open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl Scenario {
    /// The default preset alone: what the page opens with no link, lesson or autosave, and
    /// what the worker opens before the page asks (the page takes that answer for its own
    /// request only when the two are equal).
    pub fn default_preset() -> Scenario {
        Scenario {
            preset: Some(crate::presets::DEFAULT.into()),
            ..Scenario::default()
        }
    }
}

/// View settings: not part of the cluster, but of what the user was looking at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct View {
    pub playing: bool,
    pub speed: u32,
    /// The node the "Why?" panel explains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// Virtual milliseconds the scenario had reached: the clock runs on to it after the
    /// script if the script falls short (it never goes back).
    pub time: i64,
}

impl Default for View {
    fn default() -> Self {
        View {
            playing: true,
            speed: 1,
            node: None,
            time: 0,
        }
    }
}

//! `apps/v1` ControllerRevision: a snapshot of a DaemonSet template (spec §9).

use super::ObjectMeta;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct ControllerRevision {
    #[serde(default)]
    pub api_version: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub metadata: ObjectMeta,
    /// `{"spec":{"template":{..., "$patch":"replace"}}}`.
    #[serde(default)]
    pub data: serde_json::Value,
    pub revision: i64,
}

//! `apps/v1` ControllerRevision: a snapshot of a DaemonSet template (spec §9).

use super::ObjectMeta;

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ControllerRevision {
    #[cfg_attr(test, serde(default))]
    pub api_version: String,
    #[cfg_attr(test, serde(default))]
    pub kind: String,
    #[cfg_attr(test, serde(default))]
    pub metadata: ObjectMeta,
    /// `{"spec":{"template":{..., "$patch":"replace"}}}`.
    #[cfg_attr(test, serde(default))]
    pub data: serde_json::Value,
    pub revision: i64,
}

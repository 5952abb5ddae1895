//! `core/v1` Affinity, node part modelled; pod (anti-)affinity carried as data (the DaemonSet
//! controller ignores it, spec §5).

use super::Shared;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct Affinity {
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub node_affinity: Option<NodeAffinity>,
    /// Boxed: every DaemonSet pod has an Affinity (its node's term), almost none these.
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub pod_affinity: Option<Box<Value>>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub pod_anti_affinity: Option<Box<Value>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct NodeAffinity {
    #[cfg_attr(
        test,
        serde(
            rename = "requiredDuringSchedulingIgnoredDuringExecution",
            default,
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub required: Option<Shared<NodeSelector>>,
    /// Soft preferences: ignored by the DaemonSet controller (spec §3.2), kept for output.
    #[cfg_attr(
        test,
        serde(
            rename = "preferredDuringSchedulingIgnoredDuringExecution",
            default,
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub preferred: Option<Vec<Value>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct NodeSelector {
    /// nil and `[]` both match no node (spec §3.2).
    #[cfg_attr(test, serde(default))]
    pub node_selector_terms: Vec<NodeSelectorTerm>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct NodeSelectorTerm {
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub match_expressions: Option<Vec<NodeSelectorRequirement>>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub match_fields: Option<Vec<NodeSelectorRequirement>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct NodeSelectorRequirement {
    #[cfg_attr(test, serde(default))]
    pub key: String,
    #[cfg_attr(test, serde(default))]
    pub operator: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub values: Vec<String>,
}

impl NodeSelectorTerm {
    pub fn expressions(&self) -> &[NodeSelectorRequirement] {
        self.match_expressions.as_deref().unwrap_or_default()
    }
    pub fn fields(&self) -> &[NodeSelectorRequirement] {
        self.match_fields.as_deref().unwrap_or_default()
    }
}

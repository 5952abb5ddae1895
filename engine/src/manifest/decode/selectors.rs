//! Label selectors and node affinity.

use super::{Decode, Fields};
use crate::api::{
    Affinity, LabelSelector, LabelSelectorRequirement, NodeAffinity, NodeSelector,
    NodeSelectorRequirement, NodeSelectorTerm,
};
use serde_json::Value;

impl Decode for LabelSelector {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "LabelSelector")?;
        let value = LabelSelector {
            match_labels: f.get("matchLabels"),
            match_expressions: f.get("matchExpressions"),
        };
        f.done(value)
    }
}

impl Decode for LabelSelectorRequirement {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "LabelSelectorRequirement")?;
        let value = LabelSelectorRequirement {
            key: f.get("key"),
            operator: f.get("operator"),
            values: f.get("values"),
        };
        f.done(value)
    }
}

impl Decode for Affinity {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "Affinity")?;
        let value = Affinity {
            node_affinity: f.get("nodeAffinity"),
            pod_affinity: f.get("podAffinity"),
            pod_anti_affinity: f.get("podAntiAffinity"),
        };
        f.done(value)
    }
}

impl Decode for NodeAffinity {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeAffinity")?;
        let value = NodeAffinity {
            required: f.get("requiredDuringSchedulingIgnoredDuringExecution"),
            preferred: f.get("preferredDuringSchedulingIgnoredDuringExecution"),
        };
        f.done(value)
    }
}

impl Decode for NodeSelector {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeSelector")?;
        let value = NodeSelector {
            node_selector_terms: f.get("nodeSelectorTerms"),
        };
        f.done(value)
    }
}

impl Decode for NodeSelectorTerm {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeSelectorTerm")?;
        let value = NodeSelectorTerm {
            match_expressions: f.get("matchExpressions"),
            match_fields: f.get("matchFields"),
        };
        f.done(value)
    }
}

impl Decode for NodeSelectorRequirement {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeSelectorRequirement")?;
        let value = NodeSelectorRequirement {
            key: f.get("key"),
            operator: f.get("operator"),
            values: f.get("values"),
        };
        f.done(value)
    }
}

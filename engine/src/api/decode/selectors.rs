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
        Ok(LabelSelector {
            match_labels: f.get("matchLabels")?,
            match_expressions: f.get("matchExpressions")?,
        })
    }
}

impl Decode for LabelSelectorRequirement {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "LabelSelectorRequirement")?;
        Ok(LabelSelectorRequirement {
            key: f.get("key")?,
            operator: f.get("operator")?,
            values: f.get("values")?,
        })
    }
}

impl Decode for Affinity {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "Affinity")?;
        Ok(Affinity {
            node_affinity: f.get("nodeAffinity")?,
            pod_affinity: f.get::<Option<Value>>("podAffinity")?.map(Box::new),
            pod_anti_affinity: f.get::<Option<Value>>("podAntiAffinity")?.map(Box::new),
        })
    }
}

impl Decode for NodeAffinity {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeAffinity")?;
        Ok(NodeAffinity {
            required: f.get("requiredDuringSchedulingIgnoredDuringExecution")?,
            preferred: f.get("preferredDuringSchedulingIgnoredDuringExecution")?,
        })
    }
}

impl Decode for NodeSelector {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeSelector")?;
        Ok(NodeSelector {
            node_selector_terms: f.get("nodeSelectorTerms")?,
        })
    }
}

impl Decode for NodeSelectorTerm {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeSelectorTerm")?;
        Ok(NodeSelectorTerm {
            match_expressions: f.get("matchExpressions")?,
            match_fields: f.get("matchFields")?,
        })
    }
}

impl Decode for NodeSelectorRequirement {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeSelectorRequirement")?;
        Ok(NodeSelectorRequirement {
            key: f.get("key")?,
            operator: f.get("operator")?,
            values: f.get("values")?,
        })
    }
}

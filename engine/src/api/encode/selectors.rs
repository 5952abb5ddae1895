//! Label selectors and node affinity.

use super::{Encode, Object, Out};
use crate::api::{
    Affinity, LabelSelector, LabelSelectorRequirement, NodeAffinity, NodeSelector,
    NodeSelectorRequirement, NodeSelectorTerm,
};

impl Encode for LabelSelector {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("matchLabels", &self.match_labels);
        o.unless_empty("matchExpressions", &self.match_expressions);
        o.end();
    }
}

impl Encode for LabelSelectorRequirement {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("key", &self.key);
        o.field("operator", &self.operator);
        o.unless_empty("values", &self.values);
        o.end();
    }
}

impl Encode for Affinity {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("nodeAffinity", &self.node_affinity);
        o.unless_empty("podAffinity", &self.pod_affinity);
        o.unless_empty("podAntiAffinity", &self.pod_anti_affinity);
        o.end();
    }
}

impl Encode for NodeAffinity {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty(
            "requiredDuringSchedulingIgnoredDuringExecution",
            &self.required,
        );
        o.unless_empty(
            "preferredDuringSchedulingIgnoredDuringExecution",
            &self.preferred,
        );
        o.end();
    }
}

impl Encode for NodeSelector {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("nodeSelectorTerms", &self.node_selector_terms);
        o.end();
    }
}

impl Encode for NodeSelectorTerm {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("matchExpressions", &self.match_expressions);
        o.unless_empty("matchFields", &self.match_fields);
        o.end();
    }
}

impl Encode for NodeSelectorRequirement {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("key", &self.key);
        o.field("operator", &self.operator);
        o.unless_empty("values", &self.values);
        o.end();
    }
}

//! The node pin of controller-created pods (spec §7.2): `ReplaceDaemonSetPodNodeNameNodeAffinity`
//! and its reverse, `GetTargetNodeName` (C58, C59).

use super::node_affinity::NODE_NAME_FIELD;
use crate::api::{
    Affinity, NodeAffinity, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, Pod, Shared,
};

/// `ReplaceDaemonSetPodNodeNameNodeAffinity` (spec §7.2, C58): the required node affinity becomes
/// exactly one term `matchFields: [metadata.name In [node_name]]`. Every other required term is
/// dropped; preferred terms and pod (anti-)affinity are kept.
pub fn replace_daemon_set_pod_node_name_node_affinity(
    affinity: Option<Affinity>,
    node_name: &str,
) -> Affinity {
    pin_to_node(affinity, node_name_selector(node_name).into())
}

/// [`replace_daemon_set_pod_node_name_node_affinity`] with the term given: one a pod already
/// pinned to the node holds (see [`pins_to`]), shared instead of built again.
pub fn pin_to_node(affinity: Option<Affinity>, term: Shared<NodeSelector>) -> Affinity {
    let mut affinity = affinity.unwrap_or_default();
    let node_affinity = affinity
        .node_affinity
        .get_or_insert_with(NodeAffinity::default);
    node_affinity.required = Some(term);
    affinity
}

/// Whether `selector` is exactly the term that pins a pod to `node_name` (what
/// [`replace_daemon_set_pod_node_name_node_affinity`] writes).
pub fn pins_to(selector: &NodeSelector, node_name: &str) -> bool {
    let [term] = selector.node_selector_terms.as_slice() else {
        return false;
    };
    let [r] = term.fields() else {
        return false;
    };
    term.match_expressions.is_none()
        && r.key == NODE_NAME_FIELD
        && r.operator == "In"
        && matches!(r.values.as_slice(), [v] if v == node_name)
}

/// `{nodeSelectorTerms: [{matchFields: [{key: metadata.name, operator: In, values: [name]}]}]}`.
fn node_name_selector(node_name: &str) -> NodeSelector {
    NodeSelector {
        node_selector_terms: vec![NodeSelectorTerm {
            match_expressions: None,
            match_fields: Some(vec![NodeSelectorRequirement {
                key: NODE_NAME_FIELD.into(),
                operator: "In".into(),
                values: vec![node_name.into()],
            }]),
        }],
    }
}

/// `GetTargetNodeName` (C59): `spec.nodeName` if set, else the value of the first
/// `matchFields` `metadata.name In [...]` requirement, which must have exactly one value.
pub fn get_target_node_name(pod: &Pod) -> Result<&str, String> {
    if !pod.spec.node_name.is_empty() {
        return Ok(pod.spec.node_name.as_str());
    }
    let (ns, name) = (&pod.metadata.namespace, &pod.metadata.name);
    let Some(required) = pod
        .spec
        .affinity
        .as_ref()
        .and_then(|a| a.node_affinity.as_ref())
        .and_then(|na| na.required.as_ref())
    else {
        return Err(format!(
            "no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod {ns}/{name}"
        ));
    };
    if required.node_selector_terms.is_empty() {
        return Err(format!(
            "no nodeSelectorTerms in requiredDuringSchedulingIgnoredDuringExecution of pod {ns}/{name}"
        ));
    }
    let pin = required
        .node_selector_terms
        .iter()
        .flat_map(NodeSelectorTerm::fields)
        .find(|r| r.key == NODE_NAME_FIELD && r.operator == "In");
    match pin.map(|r| r.values.as_slice()) {
        Some([value]) => Ok(value),
        Some(_) => Err(format!(
            "the matchFields value of '{NODE_NAME_FIELD}' is not unique for pod {ns}/{name}"
        )),
        None => Err(format!("no node name found for pod {ns}/{name}")),
    }
}

#[cfg(test)]
mod pin_tests {
    use super::*;

    /// C58: `pins_to` recognises exactly the term `ReplaceDaemonSetPodNodeNameNodeAffinity`
    /// writes, so a pod shares only an equal term.
    #[test]
    fn pins_to_recognises_exactly_the_written_term() {
        let term = node_name_selector("node-1");
        assert!(pins_to(&term, "node-1"));
        assert!(!pins_to(&term, "node-2"));
        let mut with_expressions = term.clone();
        with_expressions.node_selector_terms[0].match_expressions = Some(Vec::new());
        assert!(!pins_to(&with_expressions, "node-1"));
        let mut two_values = term.clone();
        if let Some(fields) = &mut two_values.node_selector_terms[0].match_fields {
            fields[0].values.push("node-2".into());
        }
        assert!(!pins_to(&two_values, "node-1"));
        let pinned = pin_to_node(None, term.clone().into());
        assert_eq!(
            pinned,
            replace_daemon_set_pod_node_name_node_affinity(None, "node-1")
        );
    }
}

//! The node pin of controller-created pods (spec §7.2): `ReplaceDaemonSetPodNodeNameNodeAffinity`
//! and its reverse, `GetTargetNodeName` (C58, C59).

use super::node_affinity::NODE_NAME_FIELD;
use crate::api::{
    Affinity, NodeAffinity, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, Pod,
};

/// `ReplaceDaemonSetPodNodeNameNodeAffinity` (spec §7.2, C58): the required node affinity becomes
/// exactly one term `matchFields: [metadata.name In [node_name]]`. Every other required term is
/// dropped; preferred terms and pod (anti-)affinity are kept.
pub fn replace_daemon_set_pod_node_name_node_affinity(
    affinity: Option<Affinity>,
    node_name: &str,
) -> Affinity {
    let mut affinity = affinity.unwrap_or_default();
    let node_affinity = affinity
        .node_affinity
        .get_or_insert_with(NodeAffinity::default);
    node_affinity.required = Some(node_name_selector(node_name));
    affinity
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
pub fn get_target_node_name(pod: &Pod) -> Result<String, String> {
    if !pod.spec.node_name.is_empty() {
        return Ok(pod.spec.node_name.clone());
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
        Some([value]) => Ok(value.clone()),
        Some(_) => Err(format!(
            "the matchFields value of '{NODE_NAME_FIELD}' is not unique for pod {ns}/{name}"
        )),
        None => Err(format!("no node name found for pod {ns}/{name}")),
    }
}

//! The pod the DaemonSet controller creates for a node (`CreatePodTemplate`,
//! `ReplaceDaemonSetPodNodeNameNodeAffinity`, `GetPodFromTemplate`; spec §7.2).

use crate::api::{DaemonSet, ObjectMeta, Pod, keys, phase};
use crate::placement;

pub fn new_daemon_pod(ds: &DaemonSet, node_name: &str, hash: &str) -> Pod {
    let template = &ds.spec.template;
    let mut labels = template.metadata.labels.clone();
    if let Some(generation) = ds.template_generation() {
        labels.insert(keys::POD_TEMPLATE_GENERATION.into(), generation.to_string());
    }
    if !hash.is_empty() {
        labels.insert(keys::CONTROLLER_REVISION_HASH.into(), hash.into());
    }
    let mut spec = template.spec.clone();
    placement::add_or_update_daemon_pod_tolerations(&mut spec);
    spec.affinity = Some(placement::replace_daemon_set_pod_node_name_node_affinity(
        spec.affinity.take(),
        node_name,
    ));
    Pod {
        api_version: "v1".into(),
        kind: "Pod".into(),
        metadata: ObjectMeta {
            generate_name: generate_name_prefix(ds.name()),
            namespace: ds.metadata.namespace.clone(),
            labels,
            annotations: template.metadata.annotations.clone(),
            finalizers: template.metadata.finalizers.clone(),
            owner_references: vec![super::claim::owner_reference(ds)],
            ..Default::default()
        },
        spec,
        status: crate::api::PodStatus {
            phase: phase::PENDING.into(),
            ..Default::default()
        },
    }
}

/// `ds.name + "-"`, unless that is no valid name prefix (253 characters), then without the dash.
fn generate_name_prefix(name: &str) -> String {
    if name.len() + 1 > 253 {
        name.to_string()
    } else {
        format!("{name}-")
    }
}

//! The pod the DaemonSet controller creates for a node (`CreatePodTemplate`,
//! `ReplaceDaemonSetPodNodeNameNodeAffinity`, `GetPodFromTemplate`; spec §7.2).

use crate::api::{
    Affinity, DaemonSet, NodeSelector, ObjectMeta, ObjectMetaMore, Pod, PodTemplateSpec, Shared,
    Uid, keys, phase,
};
use crate::placement;
use crate::state::store::Store;

#[cfg(test)]
pub fn new_daemon_pod(ds: &DaemonSet, node_name: &str, hash: &str) -> Pod {
    for_node(&daemon_pod_template(ds, hash), node_name, &Store::default())
}

/// The pod for `node_name` from [`daemon_pod_template`]: it shares the template's containers,
/// tolerations, labels and the rest. Its affinity is shared too, with a pod already pinned to
/// the node the same way (another DaemonSet's pod there): the whole affinity when it is the
/// same, else the node's term; or else its own.
pub fn for_node(template: &Pod, node_name: &str, store: &Store) -> Pod {
    let pinned = store
        .pods_on_node(node_name)
        .filter_map(|p| p.spec.affinity.as_ref())
        .find(|a| required(a).is_some_and(|term| placement::pins_to(term, node_name)));
    let mut pod = template.clone();
    let affinity = pod.spec.affinity.take().map(Shared::into_inner);
    let affinity = match pinned.and_then(|a| required(a)) {
        Some(term) => placement::pin_to_node(affinity, term.clone()),
        None => placement::replace_daemon_set_pod_node_name_node_affinity(affinity, node_name),
    };
    pod.spec.affinity = Some(match pinned {
        Some(same) if **same == affinity => same.clone(),
        _ => affinity.into(),
    });
    pod
}

/// The required node affinity term of `affinity`, if any.
fn required(affinity: &Affinity) -> Option<&Shared<NodeSelector>> {
    affinity.node_affinity.as_ref()?.required.as_ref()
}

/// What every pod of `ds` at revision `hash` has in common: all of the pod but the node affinity
/// term. Its lists are built once and compacted here, as the pods share them.
pub fn daemon_pod_template(ds: &DaemonSet, hash: &str) -> Pod {
    let template = &ds.spec.template;
    let mut labels = template.metadata.labels.clone();
    if let Some(generation) = ds.template_generation() {
        labels.insert(keys::POD_TEMPLATE_GENERATION.into(), generation.to_string());
    }
    if !hash.is_empty() {
        labels.insert(keys::CONTROLLER_REVISION_HASH.into(), hash.into());
    }
    labels.shrink_to_fit();
    let mut spec = template.spec.clone();
    placement::add_or_update_daemon_pod_tolerations(&mut spec);
    spec.tolerations.shrink_to_fit();
    Pod {
        metadata: ObjectMeta {
            namespace: ds.metadata.namespace.clone(),
            labels,
            annotations: template.metadata.annotations.clone(),
            more: ObjectMetaMore {
                generate_name: generate_name_prefix(ds.name()),
                owner_references: vec![super::claim::owner_reference(ds)],
                finalizers: template.metadata.more.finalizers.clone(),
                ..Default::default()
            }
            .into(),
            ..Default::default()
        },
        spec,
        status: crate::api::PodStatus {
            phase: phase::PENDING.into(),
            ..Default::default()
        },
    }
}

/// The last [`daemon_pod_template`] of one DaemonSet, kept between syncs: a pasted NodeList
/// registers its nodes one by one, each followed by a sync creating one pod, and a template built
/// per burst gave each of those pods its own copy of the tolerations, labels, owner reference and
/// the rest (~1.9 KB a pod of the default preset). Rebuilt when anything it is made of changed.
#[derive(Default)]
pub(super) struct TemplateMemo(Option<Memo>);

struct Memo {
    hash: String,
    uid: Uid,
    template_generation: Option<i64>,
    /// The DaemonSet's template it was built from (a clone: its parts are shared, not copied).
    source: PodTemplateSpec,
    pod: Pod,
}

impl TemplateMemo {
    /// The template of `ds`'s pods at revision `hash`.
    pub(super) fn get(&mut self, ds: &DaemonSet, hash: &str) -> &Pod {
        let fresh = self.0.as_ref().is_some_and(|m| {
            m.hash == hash
                && m.uid == ds.metadata.uid
                && m.template_generation == ds.template_generation()
                && m.pod.metadata.namespace == ds.metadata.namespace
                && (m.pod.metadata.more.owner_references.first())
                    .is_some_and(|o| o.name == *ds.metadata.name)
                && m.source == ds.spec.template
        });
        if !fresh {
            self.0 = None;
        }
        let memo = self.0.get_or_insert_with(|| Memo {
            hash: hash.to_string(),
            uid: ds.metadata.uid.clone(),
            template_generation: ds.template_generation(),
            source: ds.spec.template.clone(),
            pod: daemon_pod_template(ds, hash),
        });
        &memo.pod
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

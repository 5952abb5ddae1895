//! The pods `expect pods` looks at, grouped by the node they are bound to.

use super::PodSet;
use crate::api::{ObjectKey, Pod, Selector};
use crate::cluster::Cluster;
use crate::kubectl::resource::ResourceKind;

/// Pods by node name, sorted by it; each node's pods by name. A sorted `Vec`: a `BTreeMap`'s
/// tree code was compiled for this key and value alone.
pub(super) type ByNode<'a> = Vec<(String, Vec<&'a Pod>)>;

/// The live pods of `set` in `namespace` (not being deleted, not finished), by node name (an
/// empty name for pods not yet bound), each node's pods by name. `Err` when the owner does not
/// exist or the selector does not parse.
pub(super) fn pods_by_node<'a>(
    cluster: &'a Cluster,
    set: &PodSet,
    namespace: &str,
    ready_only: bool,
) -> Result<ByNode<'a>, String> {
    let store = cluster.store();
    let wanted: Box<dyn Fn(&Pod) -> bool> = match set {
        PodSet::Of { kind, name } => {
            let uid = match kind {
                ResourceKind::DaemonSet => store
                    .daemonset(&ObjectKey::new(namespace, name))
                    .map(|ds| ds.metadata.uid.clone()),
                ResourceKind::ReplicaSet => store
                    .replicaset(&ObjectKey::new(namespace, name))
                    .map(|rs| rs.metadata.uid.clone()),
                _ => None,
            }
            .ok_or_else(|| crate::kubectl::get::not_found(*kind, name).alone())?;
            Box::new(move |p: &Pod| p.metadata.controller_ref().is_some_and(|r| r.uid == uid))
        }
        PodSet::Selector(text) => {
            let selector = Selector::parse(text).map_err(|e| format!("error: {e}"))?;
            Box::new(move |p: &Pod| selector.matches(&p.metadata.labels))
        }
    };
    let mut live: Vec<&Pod> = Vec::new();
    for (key, pod) in store.pods().iter() {
        if key.namespace.as_str() != namespace
            || pod.metadata.is_being_deleted()
            || pod.is_terminal()
            || (ready_only && !pod.is_ready())
            || !wanted(pod)
        {
            continue;
        }
        live.push(pod);
    }
    // Stable: each node's pods stay in the store's order, by name.
    crate::sort::sort_by(&mut live, |a, b| {
        a.spec.node_name.as_str().cmp(b.spec.node_name.as_str())
    });
    let mut out: ByNode<'a> = Vec::new();
    for pod in live {
        match out.last_mut() {
            Some((node, pods)) if node.as_str() == pod.spec.node_name.as_str() => pods.push(pod),
            _ => out.push((pod.spec.node_name.to_string(), vec![pod])),
        }
    }
    Ok(out)
}

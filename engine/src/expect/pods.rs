//! The pods `expect pods` looks at, grouped by the node they are bound to.

use super::PodSet;
use crate::api::{ObjectKey, Pod, Selector};
use crate::cluster::Cluster;
use crate::kubectl::resource::ResourceKind;
use std::collections::BTreeMap;

/// The live pods of `set` in `namespace` (not being deleted, not finished), by node name (an
/// empty name for pods not yet bound), each node's pods by name. `Err` when the owner does not
/// exist or the selector does not parse.
pub(super) fn pods_by_node<'a>(
    cluster: &'a Cluster,
    set: &PodSet,
    namespace: &str,
    ready_only: bool,
) -> Result<BTreeMap<String, Vec<&'a Pod>>, String> {
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
    let mut out: BTreeMap<String, Vec<&Pod>> = BTreeMap::new();
    for (key, pod) in store.pods().iter() {
        if key.namespace.as_str() != namespace
            || pod.metadata.is_being_deleted()
            || pod.is_terminal()
            || (ready_only && !pod.is_ready())
            || !wanted(pod)
        {
            continue;
        }
        out.entry(pod.spec.node_name.to_string())
            .or_default()
            .push(pod);
    }
    Ok(out)
}

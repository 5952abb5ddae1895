//! Which pods belong to a DaemonSet (`getNodesToDaemonPods` with the ControllerRefManager's
//! adoption and release; spec §6.2).

use crate::api::{DaemonSet, ObjectKey, OwnerReference, Pod, Selector};
use crate::controller::claim::{Claim, decide};
use crate::state::World;
use crate::state::node_ids::NodeId;
use std::rc::Rc;

/// Pods of the DaemonSet on each of the sync's nodes, by the node's place in its list (a vector
/// per node, empty when it has none: no lookup by name).
pub type NodePods = Vec<Vec<Rc<Pod>>>;

/// Claims the pods on `nodes` for `ds` (adopting matching orphans, releasing owned pods that no
/// longer match) and groups them by node, in the order of `nodes` (the store's numbers for
/// the nodes' names, [`crate::state::store::Store::node_number`]). Terminal pods with a
/// deletionTimestamp are left out unless `include_deleted_terminal` (only history cleanup wants
/// them).
pub fn nodes_to_daemon_pods(
    w: &mut World,
    ds: &DaemonSet,
    selector: &Selector,
    nodes: &[Option<NodeId>],
    include_deleted_terminal: bool,
) -> NodePods {
    let mut out = vec![Vec::new(); nodes.len()];
    let nodes = nodes.iter().copied().enumerate();
    claim_into(w, ds, selector, nodes, include_deleted_terminal, &mut out);
    out
}

/// As `nodes_to_daemon_pods`, into `out` at each node's place (empty there).
pub fn claim_into(
    w: &mut World,
    ds: &DaemonSet,
    selector: &Selector,
    nodes: impl Iterator<Item = (usize, Option<NodeId>)>,
    include_deleted_terminal: bool,
    out: &mut NodePods,
) {
    // Only our pods and orphans can be claimed. All listed first: claiming one pod (adopting
    // or releasing it) changes no other pod, so what the other nodes hold stays as listed.
    let mut pods = Vec::new();
    let uid = ds.metadata.uid.as_str();
    w.store.claimable_on_nodes(&uid, nodes, &mut pods);
    for (at, pod) in pods
        .into_iter()
        .filter(|(_, p)| *p.metadata.namespace == *ds.metadata.namespace)
    {
        let Some(pod) = claim(w, ds, selector, pod) else {
            continue;
        };
        if !include_deleted_terminal && pod.is_terminal() && pod.metadata.is_being_deleted() {
            continue;
        }
        out[at].push(pod);
    }
}

/// The ControllerRefManager's decision for one pod (as stored): Some(pod) if it is (now) ours.
fn claim(w: &mut World, ds: &DaemonSet, selector: &Selector, pod: Rc<Pod>) -> Option<Rc<Pod>> {
    let selected = selector.matches(&pod.metadata.labels);
    match decide(&ds.metadata, &pod.metadata, selected) {
        Claim::Ours => Some(pod),
        Claim::Release => {
            let uid = ds.metadata.uid.clone();
            w.store.update_pod(&ObjectKey::of(&pod.metadata), |p| {
                p.metadata.more.owner_references.retain(|r| r.uid != uid);
            });
            None
        }
        Claim::Adopt => {
            let owner = owner_reference(ds);
            let key = ObjectKey::of(&pod.metadata);
            w.store
                .update_pod(&key, |p| p.metadata.more.owner_references.push(owner));
            w.store.pod_rc(&key)
        }
        Claim::NotOurs => None,
    }
}

pub fn owner_reference(ds: &DaemonSet) -> OwnerReference {
    OwnerReference::controller_of("DaemonSet", &ds.metadata)
}

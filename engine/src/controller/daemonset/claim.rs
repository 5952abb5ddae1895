//! Which pods belong to a DaemonSet (`getNodesToDaemonPods` with the ControllerRefManager's
//! adoption and release; spec §6.2).

use crate::api::{DaemonSet, ObjectKey, OwnerReference, Pod, Selector, Shared, StringMap};
use crate::controller::claim::{Claim, decide_as};
use crate::state::World;
use crate::state::node_ids::NodeId;
use std::rc::Rc;

/// Pods of the DaemonSet on each of the sync's nodes, by the node's place in its list (no
/// lookup by name): the pods of all the nodes in one vector, each node's a run of it. A vector
/// a node was an allocation a visited node (two syncs visit each node of a settling DaemonSet).
#[derive(Debug, Default)]
pub struct NodePods {
    pods: Vec<Rc<Pod>>,
    /// Each node's run in `pods`: where it starts and ends.
    runs: Vec<(u32, u32)>,
    /// The pods as the store lists them, before the claim (kept for its room, always empty
    /// between claims).
    listed: Vec<(usize, Rc<Pod>)>,
}

impl NodePods {
    /// Empty, for `nodes` nodes, in the room of `spare` (a previous sync's, emptied).
    fn new(nodes: usize, mut spare: NodePods) -> NodePods {
        spare.pods.clear();
        spare.runs.clear();
        spare.runs.resize(nodes, (0, 0));
        spare
    }

    /// Emptied, its room kept for the next sync unless it is a large one's (the first sync
    /// visits every node; most visit one or two).
    pub fn recycled(mut self) -> NodePods {
        let room = [
            self.runs.capacity(),
            self.pods.capacity(),
            self.listed.capacity(),
        ];
        if room.into_iter().any(|n| n > crate::controller::room::KEPT) {
            return NodePods::default();
        }
        self.pods.clear();
        self.runs.clear();
        self
    }

    /// The pods of the node at `at`.
    pub fn at(&self, at: usize) -> &[Rc<Pod>] {
        let (start, end) = self.runs[at];
        &self.pods[start as usize..end as usize]
    }

    /// Each node's pods, in the order of the nodes.
    pub fn iter(&self) -> impl Iterator<Item = &[Rc<Pod>]> {
        self.runs
            .iter()
            .map(|&(start, end)| &self.pods[start as usize..end as usize])
    }

    /// Forgets the pods of the node at `at` (to be claimed again).
    pub fn clear(&mut self, at: usize) {
        self.runs[at] = (0, 0);
    }

    /// Adds `pod` after the pods of the node at `at`. A node's pods come one after another, so
    /// its run is the last one; were it not, the run is copied to the end first.
    fn push(&mut self, at: usize, pod: Rc<Pod>) {
        let (start, end) = self.runs[at];
        let last = self.pods.len() as u32;
        let start = if start == end {
            last
        } else if end == last {
            start
        } else {
            self.pods.extend_from_within(start as usize..end as usize);
            last
        };
        self.pods.push(pod);
        self.runs[at] = (start, self.pods.len() as u32);
    }
}

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
    spare: NodePods,
) -> NodePods {
    let mut out = NodePods::new(nodes.len(), spare);
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
    let mut pods = std::mem::take(&mut out.listed);
    let uid = ds.metadata.uid.as_str();
    w.store.claimable_on_nodes(&uid, nodes, &mut pods);
    out.pods.reserve(pods.len());
    // The selector's answer for the last labels read (held, so their address names those
    // very labels): the pods of a DaemonSet share their template's labels.
    let mut last: Option<(Shared<StringMap>, bool)> = None;
    for (at, pod) in pods.drain(..).filter(|(_, p)| {
        // A namespace's objects share its name: most often the very same string.
        let (ns, ours) = (&p.metadata.namespace, &ds.metadata.namespace);
        ns.same(ours) || **ns == **ours
    }) {
        let labels = &pod.metadata.labels;
        let selected = match &last {
            Some((held, answer)) if held.same(labels) => *answer,
            _ => {
                let answer = selector.matches(labels);
                last = Some((labels.clone(), answer));
                answer
            }
        };
        let Some(pod) = claim(w, ds, &uid, selected, pod) else {
            continue;
        };
        // The deletion mark first: a field, where the phase is two string comparisons.
        if !include_deleted_terminal && pod.metadata.is_being_deleted() && pod.is_terminal() {
            continue;
        }
        out.push(at, pod);
    }
    out.listed = pods;
}

/// The ControllerRefManager's decision for one pod (as stored): Some(pod) if it is (now) ours.
/// `selected`: whether the DaemonSet's selector matches the pod's labels; `uid`: the
/// DaemonSet's UID as text.
fn claim(
    w: &mut World,
    ds: &DaemonSet,
    uid: &str,
    selected: bool,
    pod: Rc<Pod>,
) -> Option<Rc<Pod>> {
    match decide_as(&ds.metadata, uid, &pod.metadata, selected) {
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

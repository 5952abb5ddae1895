//! The object store: what the API server holds. Every write goes through here so that indices stay
//! right and every change is recorded for the controllers (as informers would deliver it).

pub use super::changes::{Change, NodePair, Pair};
use super::changes::{Changes, Kind, Numbers, Record, Tables};
use super::hash::FastHashMap;
use super::held::Held;
use super::id_set::IdSet;
use super::last_requests::LastRequests;
use super::node_ids::{NodeId, NodeIds};
use super::node_pods::NodePods;
use super::node_table::NodeTable;
use super::node_usage::{NodeUsage, counted_on};
use super::ordered_ids::OrderedIds;
pub use super::pod_table::{PodId, PodStamp};
use super::pod_table::{PodTable, key_ref};
use super::recent::Recent;
use crate::api::{
    ContainerStatus, ControllerRevision, DaemonSet, DaemonSetStatus, Deployment, Node, ObjectKey,
    Pod, PodCondition, PodStatus, ReplicaSet, ResourceVersion, SharedStr,
};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

type HashMap<K, V> = FastHashMap<K, V>;

#[derive(Debug, Clone, Default)]
pub struct Store {
    /// Node names in order, with their numbers (`node_ids`): for listing.
    nodes: BTreeMap<String, NodeId>,
    /// The nodes by number: a lookup by name is one hash (`node_ids`), not a walk down a tree
    /// of names compared string by string (at 10,000 nodes about 14 comparisons, each reading
    /// another allocation). `None` for numbers of names that are not nodes. Boxed: a slot is
    /// 8 bytes, not a `Node`'s ~340, so the room a growing vector keeps (up to as many slots
    /// again) and the numbers of pods' node names that are no node cost little.
    node_slots: Vec<Option<Box<Node>>>,
    /// Each pod's key and object, once, by number: the indices below hold the number.
    /// Shared, so that controllers can hold a pod while they write to the store without copying
    /// it (a write replaces the `Rc`; readers keep the version they read).
    pods: PodTable,
    /// The pods in key order, for listing (changes only when a pod is created or removed).
    pod_keys: OrderedIds,
    /// Shared, as pods are: a sync takes the DaemonSet it works on without a deep copy.
    daemonsets: BTreeMap<ObjectKey, Rc<DaemonSet>>,
    revisions: BTreeMap<ObjectKey, ControllerRevision>,
    deployments: BTreeMap<ObjectKey, Rc<Deployment>>,
    replicasets: BTreeMap<ObjectKey, Rc<ReplicaSet>>,
    /// Nodes by number (`node_ids`) in every index by node: an entry holds no copy of a name.
    node_ids: NodeIds,
    /// Pods by the node they are bound or pinned to, in key order.
    pods_by_node: HashMap<NodeId, IdSet>,
    /// Pods with no derivable node (not pinned, not bound).
    unplaced_pods: BTreeSet<ObjectKey>,
    /// Pods by the UID of their controller, in no particular order (its readers count or
    /// collect).
    pods_by_owner: HashMap<SharedStr, Vec<PodId>>,
    /// Pods by the UID of their controller, then by node number: a DaemonSet reads its own pods
    /// on a node without looking at the other DaemonSets' (the cost of a sync stays independent
    /// of how many DaemonSets there are). Mostly one pod a node, held in the entry itself.
    owned_on_node: HashMap<SharedStr, NodePods>,
    /// Controller UIDs, each once, for the indices and the changes.
    uids: Held,
    /// Pods without a controller, by node, in key order.
    orphans_on_node: HashMap<NodeId, IdSet>,
    /// For each node, a number that changes whenever the node or a pod bound or pinned to it
    /// is written or removed: a view of the node (the page's card) knows without looking at
    /// its pods whether it is still right. By node number, in a vector: a pod write touches
    /// its node twice (before and after), which hashed the number each time.
    node_versions: NodeTable<u64>,
    node_writes: u64,
    /// For each node number, how many times the node object itself was put (0: never; it
    /// wraps past 0 after 2³² puts of one node), in a vector: a controller that decided
    /// something from a node can tell that the node is unchanged without reading it (at 10,000
    /// nodes each read was a few cache misses).
    node_puts: Vec<u32>,
    /// What the unfinished pods bound to each node request (the scheduler's filters).
    node_usage: HashMap<NodeId, NodeUsage>,
    /// The requests those sums last parsed (a DaemonSet's pods share their containers).
    last_requests: LastRequests,
    resource_version: u64,
    /// Bumped on every ControllerRevision write, so controllers can tell when to look again.
    revisions_version: u64,
    changes: Changes,
    /// Status parts recently written, for pods that hold the same to share (kubelet writes).
    recent_conditions: Recent<Vec<PodCondition>>,
    recent_container_statuses: Recent<Vec<ContainerStatus>>,
    /// Every host IP written to a pod's status, once: the pods of a node share their node's
    /// (an entry a node address ever used).
    host_ips: Held,
}

/// The node a pod belongs to: `spec.nodeName`, else its pinned `metadata.name` (spec §6.2).
pub fn pod_target_node(pod: &Pod) -> Option<&str> {
    crate::placement::get_target_node_name(pod).ok()
}

/// A pod's target node as the store knows it: its number and the string held for its name,
/// found once per write.
type Target = Option<(NodeId, SharedStr)>;

/// [`pod_target_node`] as the store holds it.
fn target_node(node_ids: &mut NodeIds, pod: &Pod) -> Target {
    pod_target_node(pod).map(|n| node_ids.held(n))
}

/// Where the store's indices file a pod: its target node's number and its controller's UID
/// number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Place {
    node: Option<NodeId>,
    owner: Option<u32>,
}

fn controller_uid(pod: &Pod) -> Option<&str> {
    pod.metadata.controller_ref().map(|r| r.uid.as_str())
}

impl Store {
    fn next_rv(&mut self) -> ResourceVersion {
        self.resource_version += 1;
        ResourceVersion::plain(self.resource_version)
    }

    fn touch_node(&mut self, id: NodeId) {
        self.node_writes += 1;
        self.node_versions.insert(id, self.node_writes);
    }

    /// Changes whenever the node `name` or a pod bound or pinned to it is written or removed.
    pub fn node_version(&self, name: &str) -> u64 {
        let id = self.node_ids.get(name);
        id.and_then(|id| self.node_versions.get(&id).copied())
            .unwrap_or(0)
    }

    pub fn take_changes(&mut self) -> Changes {
        std::mem::take(&mut self.changes)
    }

    pub fn has_changes(&self) -> bool {
        !self.changes.is_empty()
    }

    // ---- nodes

    pub fn nodes(&self) -> Nodes<'_> {
        Nodes(self)
    }
    pub fn node(&self, name: &str) -> Option<&Node> {
        self.node_by_number(self.node_ids.get(name)?)
    }
    /// The store's number for the node name `name`, if it was ever given one (every stored
    /// node has one, and keeps it): a caller that reads a node and its pods finds it once.
    pub fn node_number(&self, name: &str) -> Option<NodeId> {
        self.node_ids.get(name)
    }
    /// A number that changes whenever the node numbered `id` is put (created or written; 0 if
    /// it never was). Pod writes leave it, unlike [`Self::node_version`].
    pub fn node_put(&self, id: NodeId) -> u32 {
        self.node_puts
            .get(id.number() as usize)
            .copied()
            .unwrap_or(0)
    }
    /// The node numbered `id` by [`Self::node_number`], if it exists.
    pub fn node_by_number(&self, id: NodeId) -> Option<&Node> {
        self.node_slots.get(id.number() as usize)?.as_deref()
    }
    pub fn put_node(&mut self, mut node: Node) {
        node.metadata.resource_version = self.next_rv();
        // The node holds the store's copy of its name (one allocation a node, not two).
        let (id, held) = self.node_ids.held(&node.metadata.name);
        node.metadata.name = held;
        let name = node.metadata.name.to_string();
        self.touch_node(id);
        let at = id.number() as usize;
        let puts = crate::state::node_table::slot(&mut self.node_puts, at, 0);
        *puts = puts.checked_add(1).unwrap_or(1);
        if self.node_slots.len() <= at {
            self.node_slots.resize_with(at + 1, || None);
        }
        match &mut self.node_slots[at] {
            Some(slot) => **slot = node,
            empty => {
                *empty = Some(Box::new(node));
                self.nodes.insert(name.clone(), id);
            }
        }
        self.changes.push(Record::Node(id.number()));
    }
    /// Applies `f` to a node; records a change only if it changed something.
    pub fn update_node(&mut self, name: &str, f: impl FnOnce(&mut Node)) -> bool {
        let Some(node) = self.node(name) else {
            return false;
        };
        let mut new = node.clone();
        f(&mut new);
        if &new == node {
            return false;
        }
        self.put_node(new);
        true
    }
    pub fn remove_node(&mut self, name: &str) -> Option<Node> {
        let id = self.node_ids.get(name)?;
        let n = self.node_slots.get_mut(id.number() as usize)?.take()?;
        self.nodes.remove(name);
        self.node_versions.remove(&id);
        self.changes.push(Record::NodeDeleted(id.number()));
        Some(*n)
    }

    // ---- pods

    /// Every pod, listed in key order.
    pub fn pods(&self) -> Pods<'_> {
        Pods(self)
    }
    pub fn pod(&self, key: &ObjectKey) -> Option<&Pod> {
        self.pods.get(key).map(|p| &**p)
    }
    /// The pod as stored, shared (cheap to keep across writes).
    pub fn pod_rc(&self, key: &ObjectKey) -> Option<Rc<Pod>> {
        self.pods.get(key).cloned()
    }
    /// [`Self::pod`], trying the pod number `hint` first (a change's, which a controller
    /// queued with the key): checked against the key, so a stale hint only costs the lookup.
    pub fn pod_hinted(&self, hint: Option<PodId>, key: &ObjectKey) -> Option<&Pod> {
        self.pod_id(hint, key).map(|id| &**self.pods.pod(id))
    }
    /// [`Self::pod_rc`] with a hint, as [`Self::pod_hinted`].
    pub fn pod_rc_hinted(&self, hint: Option<PodId>, key: &ObjectKey) -> Option<Rc<Pod>> {
        self.pod_id(hint, key).map(|id| self.pods.pod(id).clone())
    }
    /// [`Self::pod_rc_hinted`] and [`Self::pod_stamp`] from one search for the pod (the
    /// kubelet reads both at each of a pod's syncs, five a pod as it starts).
    pub fn pod_rc_stamped(
        &self,
        hint: Option<PodId>,
        key: &ObjectKey,
    ) -> Option<(Rc<Pod>, PodStamp)> {
        self.pod_id(hint, key)
            .map(|id| (self.pods.pod(id).clone(), self.pods.stamp(id)))
    }
    /// [`Self::pod_rc_stamped`], the pod borrowed.
    pub fn pod_stamped(&self, hint: Option<PodId>, key: &ObjectKey) -> Option<(&Pod, PodStamp)> {
        self.pod_id(hint, key)
            .map(|id| (&**self.pods.pod(id), self.pods.stamp(id)))
    }
    /// The stamp of the pod stored under `key` (trying `hint` first, as [`Self::pod_hinted`]):
    /// for a table kept by pod number that must not take a later pod for this one.
    pub fn pod_stamp(&self, hint: Option<PodId>, key: &ObjectKey) -> Option<PodStamp> {
        self.pod_id(hint, key).map(|id| self.pods.stamp(id))
    }
    /// The stamp of the pod stored under the number `id`, whatever its key, if one is: tells
    /// what a table kept by pod number holds for a pod since removed.
    pub fn stamp_of(&self, id: PodId) -> Option<PodStamp> {
        self.pods.stamp_of(id)
    }
    fn pod_id(&self, hint: Option<PodId>, key: &ObjectKey) -> Option<PodId> {
        match hint {
            Some(hint) => self.pods.id_hinted(hint, key),
            None => self.pods.id(key),
        }
    }
    /// The pods `ids`, as stored.
    fn pods_of(&self, ids: impl IntoIterator<Item = PodId>) -> impl Iterator<Item = &Pod> {
        ids.into_iter().map(|id| &**self.pods.pod(id))
    }
    pub fn pods_on_node(&self, node: &str) -> impl Iterator<Item = &Pod> {
        let set = self
            .node_ids
            .get(node)
            .and_then(|id| self.pods_by_node.get(&id));
        self.pods_of(set.into_iter().flat_map(IdSet::iter))
    }
    /// The number of the node the pod stored under `key` (trying `hint` first, as
    /// [`Self::pod_hinted`]) is bound or pinned to ([`pod_target_node`]), as its last write
    /// filed it: not derived from the pod and looked up by name again.
    pub fn pod_target_number(&self, hint: Option<PodId>, key: &ObjectKey) -> Option<NodeId> {
        let id = self.pod_id(hint, key)?;
        // Kept right only while every pod write goes through `stored`: checked in debug builds.
        debug_assert_eq!(
            self.pods.node(id),
            pod_target_node(self.pods.pod(id)).and_then(|n| self.node_ids.get(n)),
            "the pod table's node of {key:?} is stale"
        );
        self.pods.node(id)
    }
    /// The pod stored under `key` (trying `hint` first, as [`Self::pod_hinted`]) and
    /// [`Self::pod_target_number`] of it, from one search for the pod.
    pub fn pod_and_node(
        &self,
        hint: Option<PodId>,
        key: &ObjectKey,
    ) -> Option<(&Pod, Option<NodeId>)> {
        let id = self.pod_id(hint, key)?;
        Some((&**self.pods.pod(id), self.pod_node(id)))
    }
    /// The number of the node the pod numbered `id` (a stored pod's) is bound or pinned to, as
    /// [`Self::pod_target_number`] gives it, for a caller that holds the pod's number: a bound
    /// pod's `spec.nodeName` is not looked up by name.
    pub fn pod_node(&self, id: PodId) -> Option<NodeId> {
        debug_assert_eq!(
            self.pods.node(id),
            pod_target_node(self.pods.pod(id)).and_then(|n| self.node_ids.get(n)),
            "the pod table's node of pod {id:?} is stale"
        );
        self.pods.node(id)
    }
    /// The name of the node the pod stored under `key` is bound or pinned to, as the store
    /// holds it ([`Self::pod_target_number`]).
    pub fn pod_target_name(&self, key: &ObjectKey) -> Option<&SharedStr> {
        let id = self.pod_target_number(None, key)?;
        Some(self.node_ids.held_name(id))
    }
    /// The string the store holds for the node name numbered `id`.
    pub fn node_name_of(&self, id: NodeId) -> &SharedStr {
        self.node_ids.held_name(id)
    }
    /// `name` as the string the store holds for it, for a pod's `spec.nodeName` (a node's pods
    /// hold one copy of its name).
    pub fn held_node_name(&mut self, name: &str) -> SharedStr {
        self.node_ids.shared(name)
    }
    /// Numbers of nodes that have pods bound or pinned to them but no longer exist.
    pub fn gone_nodes_with_pods(&self) -> impl Iterator<Item = NodeId> {
        (self.pods_by_node.iter())
            .filter(|(id, s)| !s.is_empty() && self.node_by_number(**id).is_none())
            .map(|(&id, _)| id)
    }
    /// Names of nodes that have pods bound or pinned to them (some may no longer exist).
    pub fn nodes_with_pods(&self) -> impl Iterator<Item = &str> {
        self.pods_by_node
            .iter()
            .filter(|(_, s)| !s.is_empty())
            .map(|(&id, _)| self.node_ids.name(id))
    }
    pub fn put_pod(&mut self, pod: Pod) {
        let key = ObjectKey::of(&pod.metadata);
        match self.pods.id(&key) {
            Some(id) => {
                let before = self.before(id);
                *self.pods.pod_mut(id) = Rc::new(pod);
                self.stored(id, Some(before));
            }
            None => self.insert_pod(pod),
        }
    }
    /// [`Self::put_pod`] of a pod whose key no stored pod has: the name `apiserver::create_pod`
    /// generated and just found free (nothing is written between), so not looked up again.
    pub fn put_new_pod(&mut self, pod: Pod) {
        debug_assert!(self.pods.id(&ObjectKey::of(&pod.metadata)).is_none());
        self.insert_pod(pod);
    }
    fn insert_pod(&mut self, pod: Pod) {
        let id = self.pods.insert(Rc::new(pod));
        self.pod_keys.insert(id, &self.pods);
        self.stored(id, None);
    }
    /// A write that always changes the pod and keeps its name (the binding subresource): the
    /// pod is edited in place when nothing else holds it, instead of copied and compared.
    pub fn write_pod(&mut self, key: &ObjectKey, f: impl FnOnce(&mut Pod)) -> bool {
        let Some(id) = self.pods.id(key) else {
            return false;
        };
        let before = self.before(id);
        f(Rc::make_mut(self.pods.pod_mut(id)));
        self.stored(id, Some(before));
        true
    }
    /// Where the stored pod `id` is filed (what the indices and the informers need of it
    /// before a write); takes it out of its node's sums.
    fn before(&mut self, id: PodId) -> Place {
        let old = self.pods.pod(id);
        let place = Place {
            node: self.pods.node(id),
            owner: controller_uid(old).map(|u| self.uids.number(u)),
        };
        // A counted pod is bound: its target is its node.
        if counted_on(old).is_some() {
            uncount(
                &mut self.node_usage,
                &mut self.last_requests,
                place.node,
                old,
            );
        }
        place
    }
    /// Finishes the write of the pod `id` (just stored, held by nothing else), whose stored
    /// version, if any, was `before`: its resourceVersion, sums, indices and change.
    fn stored(&mut self, id: PodId, before: Option<Place>) {
        let rv = self.next_rv();
        let new_node = target_node(&mut self.node_ids, self.pods.pod(id));
        let pod = Rc::make_mut(self.pods.pod_mut(id));
        pod.metadata.resource_version = rv;
        // A bound pod's target is its nodeName: it holds the table's copy of the name.
        if let Some((node, name)) = &new_node
            && !pod.spec.node_name.is_empty()
        {
            if !pod.spec.node_name.same(name) {
                pod.spec.node_name = name.clone();
            }
            if counted_on(pod).is_some() {
                let amounts = self.last_requests.amounts(pod);
                self.node_usage.entry(*node).or_default().add(pod, amounts);
            }
        }
        let pod = self.pods.pod(id);
        let is_new = before.is_none();
        let old = before.unwrap_or_default();
        let new = Place {
            node: new_node.map(|n| n.0),
            owner: controller_uid(pod).map(|u| self.uids.number(u)),
        };
        // An orphan (now) is news for every DaemonSet that may adopt it: no owners listed.
        let owners = match new.owner {
            None => Numbers::EMPTY,
            Some(uid) => Numbers::of(old.owner, Some(uid)),
        };
        // Most writes are status updates: same node, same owner, indices already right.
        if is_new || old != new {
            let uid = |n: Option<u32>| n.map(|n| self.uids.text(n).clone());
            let (old_uid, new_uid) = (uid(old.owner), uid(new.owner));
            if !is_new {
                self.unindex(id, old.node, old_uid.as_deref());
            }
            self.index(id, new.node, new_uid.as_ref());
            self.pods.set_node(id, new.node);
        }
        self.pod_changed(id, old.node, new.node, owners);
    }
    /// Records a pod write or removal for the informers (its target nodes before and after)
    /// and moves the version of those nodes.
    fn pod_changed(
        &mut self,
        id: PodId,
        old: Option<NodeId>,
        new: Option<NodeId>,
        owners: Numbers,
    ) {
        for node in old.iter().chain(&new) {
            self.touch_node(*node);
        }
        let nodes = Numbers::of(old.map(NodeId::number), new.map(NodeId::number));
        self.changes.pod(self.pods.stamp(id), nodes, owners);
    }
    pub fn update_pod(&mut self, key: &ObjectKey, f: impl FnOnce(&mut Pod)) -> bool {
        let Some(pod) = self.pod(key) else {
            return false;
        };
        let mut new = pod.clone();
        f(&mut new);
        if &new == pod {
            return false;
        }
        self.put_pod(new);
        true
    }
    /// A write of the status subresource (the kubelet's `UpdateStatus`): `f` reads the pod and
    /// edits a copy of its status. The pod is changed in place when nothing else holds it,
    /// instead of copied whole (a pod is about 4.5 KB of small allocations; the kubelet writes
    /// three statuses per pod). The same write as `update_pod` otherwise: a new
    /// resourceVersion and a change for the informers, only if the status changed.
    pub fn update_pod_status(
        &mut self,
        key: &ObjectKey,
        f: impl FnOnce(&Pod, &mut PodStatus),
    ) -> bool {
        self.write_pod_status(key, |pod, status| {
            f(pod, status);
            false
        })
    }
    /// [`Self::update_pod_status`] for a writer that may know that its edit changes the status:
    /// when `f` says so (true), the new status is not compared with the stored one (a remembered
    /// write knows its value differs from the one it replaces, which it compared once).
    pub fn write_pod_status(
        &mut self,
        key: &ObjectKey,
        f: impl FnOnce(&Pod, &mut PodStatus) -> bool,
    ) -> bool {
        let Some(id) = self.pods.id(key) else {
            return false;
        };
        let pod = self.pods.pod(id);
        let mut status = pod.status.clone();
        let changed = f(pod, &mut status);
        if !changed && status == pod.status {
            return false;
        }
        self.recent_conditions.share(&mut status.conditions);
        self.recent_container_statuses
            .share(&mut status.container_statuses);
        // The address the pod already held is the shared one.
        if !status.host_ip.is_empty() && !status.host_ip.same(&pod.status.host_ip) {
            self.host_ips.share(&mut status.host_ip);
        }
        let rv = self.next_rv();
        // Node and owner are unchanged: the node the pod was filed under is still right.
        let node = self.pods.node(id);
        let pod = Rc::make_mut(self.pods.pod_mut(id));
        let was_counted = counted_on(pod).is_some();
        pod.status = status;
        // Finished (or back): the spec, and so the node and the requests, are unchanged; a
        // counted pod is bound, so its target is its node.
        match (was_counted, counted_on(pod).is_some()) {
            (true, false) => uncount(&mut self.node_usage, &mut self.last_requests, node, pod),
            (false, true) => {
                if let Some(node) = node {
                    let amounts = self.last_requests.amounts(pod);
                    self.node_usage.entry(node).or_default().add(pod, amounts)
                }
            }
            _ => {}
        }
        pod.metadata.resource_version = rv;
        // The indices stay; the change is put_pod's for the same node and owner.
        let uid = controller_uid(pod).map(|u| self.uids.number(u));
        let owners = Numbers::of(uid, uid);
        self.pod_changed(id, node, node, owners);
        true
    }
    pub fn remove_pod(&mut self, key: &ObjectKey) -> Option<Rc<Pod>> {
        let id = self.pods.id(key)?;
        let pod = self.pods.pod(id);
        let node = self.pods.node(id);
        let owner = controller_uid(pod).map(|u| self.uids.number(u));
        if counted_on(pod).is_some() {
            uncount(&mut self.node_usage, &mut self.last_requests, node, pod);
        }
        let uid = owner.map(|n| self.uids.text(n).clone());
        self.unindex(id, node, uid.as_deref());
        self.pod_keys.remove(id, &self.pods);
        // Its records of this round find its key here once it is gone from the table.
        let stamp = self.pods.stamp(id);
        self.pod_changed(id, node, None, Numbers::of(owner, None));
        let pod = self.pods.remove(id);
        self.changes.gone(stamp, ObjectKey::of(&pod.metadata));
        Some(pod)
    }
    /// What the unfinished pods bound to `node` request, if any are.
    pub fn node_usage(&self, node: &str) -> Option<&NodeUsage> {
        self.node_usage.get(&self.node_ids.get(node)?)
    }
    /// Pods with no node yet, neither bound nor pinned (what the scheduler places), in key
    /// order.
    pub fn unplaced_pods(&self) -> impl Iterator<Item = &Pod> {
        self.unplaced_pods.iter().filter_map(|k| self.pod(k))
    }
    /// Pods whose controller has this UID, in no particular order. Does not borrow `uid` (a
    /// `Uid`'s text is written on the caller's stack).
    pub fn pods_owned_by<'s>(&'s self, uid: &str) -> impl Iterator<Item = &'s Pod> + use<'s> {
        let ids = self.pods_by_owner.get(uid).into_iter().flatten().copied();
        self.pods_of(ids)
    }
    /// The pods of the controller with `uid` on `node`, in key order.
    fn owned_on(&self, uid: &str, node: Option<NodeId>) -> Vec<PodId> {
        let Some((by_node, node)) = (self.owned_on_node.get(uid)).zip(node) else {
            return Vec::new();
        };
        let mut ids: Vec<PodId> = by_node.all(node.number()).map(PodId::from_number).collect();
        if ids.len() > 1 {
            crate::sort::sort_by_key(&mut ids, |&id| self.pods.key_ref(id));
        }
        ids
    }
    /// Pods on each of `nodes` (the store's numbers, [`Self::node_number`]; `None` for a name
    /// never used, which has none) that a controller with `uid` may claim: its own and the
    /// orphans, each node's in key order (as [`Store::pods_on_node`] lists them), as stored,
    /// pushed onto `out` with the place the node came with. The controller's pods are found
    /// by its UID once for all the nodes, not once a node.
    pub fn claimable_on_nodes(
        &self,
        uid: &str,
        nodes: impl Iterator<Item = (usize, Option<NodeId>)>,
        out: &mut Vec<(usize, Rc<Pod>)>,
    ) {
        let owned = self.owned_on_node.get(uid);
        for (at, node) in nodes {
            let Some(node) = node else {
                continue;
            };
            let start = out.len();
            if let Some(by_node) = owned {
                let ids = by_node.all(node.number()).map(PodId::from_number);
                out.extend(ids.map(|id| (at, self.pods.pod(id).clone())));
            }
            if let Some(orphans) = self.orphans_on_node.get(&node) {
                out.extend(orphans.iter().map(|id| (at, self.pods.pod(id).clone())));
            }
            if out.len() - start > 1 {
                crate::sort::sort_by(&mut out[start..], |a, b| key_ref(&a.1).cmp(&key_ref(&b.1)));
            }
        }
    }
    /// Nodes holding pods of the controller with `uid` (some may no longer exist).
    pub fn nodes_with_pods_of(&self, uid: &str) -> impl Iterator<Item = &str> {
        self.owned_on_node
            .get(uid)
            .into_iter()
            .flat_map(NodePods::nodes)
            .map(|n| self.node_ids.name(NodeId::from_number(n)))
    }
    /// The pods of the controller with `uid` on `node`, in key order.
    pub fn owned_pods_on_node(&self, uid: &str, node: &str) -> impl Iterator<Item = &Pod> {
        self.pods_of(self.owned_on(uid, self.node_ids.get(node)))
    }
    fn index(&mut self, id: PodId, node: Option<NodeId>, uid: Option<&SharedStr>) {
        let pods = &self.pods;
        match node {
            Some(node) => {
                self.pods_by_node.entry(node).or_default().insert(id, pods);
                match uid {
                    Some(u) => {
                        let by_node = self.owned_on_node.entry(u.clone()).or_default();
                        by_node.insert(node.number(), id.number());
                    }
                    None => {
                        let orphans = self.orphans_on_node.entry(node).or_default();
                        orphans.insert(id, pods);
                    }
                }
            }
            None => {
                self.unplaced_pods.insert(pods.key(id));
            }
        }
        if let Some(u) = uid {
            self.pods_by_owner.entry(u.clone()).or_default().push(id);
        }
    }
    fn unindex(&mut self, id: PodId, node: Option<NodeId>, uid: Option<&str>) {
        match node {
            Some(node) => {
                remove_from(&mut self.pods_by_node, node, id);
                match uid {
                    Some(u) => {
                        if let Some(by_node) = self.owned_on_node.get_mut(u) {
                            by_node.remove(node.number(), id.number());
                            if by_node.is_empty() {
                                self.owned_on_node.remove(u);
                            }
                        }
                    }
                    None => remove_from(&mut self.orphans_on_node, node, id),
                }
            }
            None => {
                self.unplaced_pods.remove(&self.pods.key(id));
            }
        }
        if let Some(u) = uid
            && let Some(ids) = self.pods_by_owner.get_mut(u)
        {
            if let Some(at) = ids.iter().position(|&i| i == id) {
                ids.swap_remove(at);
            }
            if ids.is_empty() {
                self.pods_by_owner.remove(u);
            }
        }
    }

    // ---- daemonsets

    pub fn daemonsets(&self) -> &BTreeMap<ObjectKey, Rc<DaemonSet>> {
        &self.daemonsets
    }
    pub fn daemonset(&self, key: &ObjectKey) -> Option<&DaemonSet> {
        self.daemonsets.get(key).map(|d| &**d)
    }
    /// The DaemonSet as stored, shared (cheap to keep across writes).
    pub fn daemonset_rc(&self, key: &ObjectKey) -> Option<Rc<DaemonSet>> {
        self.daemonsets.get(key).cloned()
    }
    pub fn put_daemonset(&mut self, mut ds: DaemonSet) {
        ds.metadata.resource_version = self.next_rv();
        let key = ObjectKey::of(&ds.metadata);
        self.daemonsets.insert(key.clone(), Rc::new(ds));
        self.changes.object(Kind::DaemonSet, key);
    }
    pub fn update_daemonset(&mut self, key: &ObjectKey, f: impl FnOnce(&mut DaemonSet)) -> bool {
        let Some(ds) = self.daemonset(key) else {
            return false;
        };
        let mut new = ds.clone();
        f(&mut new);
        if &new == ds {
            return false;
        }
        self.put_daemonset(new);
        true
    }
    /// A write of the status subresource (the controller's `UpdateStatus`): the object is
    /// copied only if the status changed, which most syncs' writes do not.
    pub fn update_daemonset_status(
        &mut self,
        key: &ObjectKey,
        f: impl FnOnce(&mut DaemonSetStatus),
    ) -> bool {
        let Some(ds) = self.daemonsets.get_mut(key) else {
            return false;
        };
        let mut status = ds.status.clone();
        f(&mut status);
        if status == ds.status {
            return false;
        }
        // Written in place when the store alone holds the object (the controller lets its
        // copy go before it writes the status), as `put_daemonset` would store it: copied
        // only for a reader still holding the old one.
        self.resource_version += 1;
        let new = Rc::make_mut(ds);
        new.status = status;
        new.metadata.resource_version = ResourceVersion::plain(self.resource_version);
        self.changes.object(Kind::DaemonSet, key.clone());
        true
    }
    pub fn remove_daemonset(&mut self, key: &ObjectKey) -> Option<DaemonSet> {
        let ds = self.daemonsets.remove(key)?;
        self.changes.object(Kind::DaemonSet, key.clone());
        Some(Rc::unwrap_or_clone(ds))
    }

    // ---- controller revisions

    pub fn revisions(&self) -> &BTreeMap<ObjectKey, ControllerRevision> {
        &self.revisions
    }
    pub fn revisions_version(&self) -> u64 {
        self.revisions_version
    }
    pub fn put_revision(&mut self, mut rev: ControllerRevision) {
        self.revisions_version += 1;
        rev.metadata.resource_version = self.next_rv();
        let key = ObjectKey::of(&rev.metadata);
        self.revisions.insert(key.clone(), rev);
        self.changes.object(Kind::Revision, key);
    }
    pub fn remove_revision(&mut self, key: &ObjectKey) -> Option<ControllerRevision> {
        let r = self.revisions.remove(key)?;
        self.revisions_version += 1;
        self.changes.object(Kind::Revision, key.clone());
        Some(r)
    }
}

/// The writes of a kind kept as shared objects by key: list, get, put (a new resourceVersion
/// and a change for the informers), update through a closure (a write only if something
/// changed), remove.
macro_rules! shared_objects {
    ($field:ident, $ty:ty, $change:ident, $list:ident, $get:ident, $put:ident, $update:ident, $remove:ident) => {
        impl Store {
            pub fn $list(&self) -> &BTreeMap<ObjectKey, Rc<$ty>> {
                &self.$field
            }
            pub fn $get(&self, key: &ObjectKey) -> Option<&$ty> {
                self.$field.get(key).map(|o| &**o)
            }
            pub fn $put(&mut self, mut o: $ty) {
                o.metadata.resource_version = self.next_rv();
                let key = ObjectKey::of(&o.metadata);
                self.$field.insert(key.clone(), Rc::new(o));
                self.changes.object(Kind::$change, key);
            }
            pub fn $update(&mut self, key: &ObjectKey, f: impl FnOnce(&mut $ty)) -> bool {
                let Some(old) = self.$get(key) else {
                    return false;
                };
                let mut new = old.clone();
                f(&mut new);
                if &new == old {
                    return false;
                }
                self.$put(new);
                true
            }
            pub fn $remove(&mut self, key: &ObjectKey) -> Option<$ty> {
                let o = self.$field.remove(key)?;
                self.changes.object(Kind::$change, key.clone());
                Some(Rc::unwrap_or_clone(o))
            }
        }
    };
}

shared_objects!(
    deployments,
    Deployment,
    Deployment,
    deployments,
    deployment,
    put_deployment,
    update_deployment,
    remove_deployment
);
shared_objects!(
    replicasets,
    ReplicaSet,
    ReplicaSet,
    replicasets,
    replicaset,
    put_replicaset,
    update_replicaset,
    remove_replicaset
);

impl Tables for Store {
    fn node_name(&self, n: u32) -> &SharedStr {
        self.node_ids.held_name(NodeId::from_number(n))
    }
    fn uid(&self, n: u32) -> &SharedStr {
        self.uids.text(n)
    }
    fn stored_key(&self, pod: PodStamp) -> Option<ObjectKey> {
        self.pods.stamped_key(pod)
    }
}

/// Takes `pod` out of the sums of `node`, dropping them when no pod is left.
fn uncount(
    usage: &mut HashMap<NodeId, NodeUsage>,
    last: &mut LastRequests,
    node: Option<NodeId>,
    pod: &Pod,
) {
    let Some(node) = node else {
        return;
    };
    if let Some(u) = usage.get_mut(&node) {
        u.remove(pod, last.amounts(pod));
        if u.pods == 0 {
            usage.remove(&node);
        }
    }
}

/// Removes `id` from the set of `node`, dropping the set when it empties.
fn remove_from(map: &mut HashMap<NodeId, IdSet>, node: NodeId, id: PodId) {
    if let Some(set) = map.get_mut(&node) {
        set.remove(id);
        if set.is_empty() {
            map.remove(&node);
        }
    }
}

/// The store's nodes, listed in name order.
#[derive(Clone, Copy)]
pub struct Nodes<'a>(&'a Store);

impl<'a> Nodes<'a> {
    pub fn len(&self) -> usize {
        self.0.nodes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.nodes.is_empty()
    }
    pub fn get(&self, name: &str) -> Option<&'a Node> {
        self.0.node(name)
    }
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &'a String> + 'a {
        self.0.nodes.keys()
    }
    /// The names in order, as the strings the store holds (the nodes' own, shared).
    pub fn held_names(&self) -> impl DoubleEndedIterator<Item = &'a SharedStr> + 'a {
        self.held_names_numbered().map(|(name, _)| name)
    }
    /// [`Self::held_names`] with the store's number of each.
    pub fn held_names_numbered(
        &self,
    ) -> impl DoubleEndedIterator<Item = (&'a SharedStr, NodeId)> + 'a {
        let ids = &self.0.node_ids;
        self.0.nodes.values().map(|&id| (ids.held_name(id), id))
    }
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&'a String, &'a Node)> + 'a {
        let slots = &self.0.node_slots;
        (self.0.nodes.iter()).filter_map(move |(name, id)| {
            Some((name, slots.get(id.number() as usize)?.as_deref()?))
        })
    }
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &'a Node> + 'a {
        self.iter().map(|(_, node)| node)
    }
}

/// The store's pods, listed in key order (namespace, then name), as `kubectl get` lists them.
#[derive(Clone, Copy)]
pub struct Pods<'a>(&'a Store);

impl<'a> Pods<'a> {
    pub fn len(&self) -> usize {
        self.0.pods.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.pods.is_empty()
    }
    pub fn get(&self, key: &ObjectKey) -> Option<&'a Rc<Pod>> {
        self.0.pods.get(key)
    }
    /// The keys, made from the pods' strings (no allocation).
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = ObjectKey> + 'a {
        let pods = &self.0.pods;
        self.0.pod_keys.iter().map(move |id| pods.key(id))
    }
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (ObjectKey, &'a Rc<Pod>)> + 'a {
        let pods = &self.0.pods;
        self.0
            .pod_keys
            .iter()
            .map(move |id| (pods.key(id), pods.pod(id)))
    }
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &'a Rc<Pod>> + 'a {
        let pods = &self.0.pods;
        self.0.pod_keys.iter().map(move |id| pods.pod(id))
    }
}

#[cfg(test)]
mod tests {
    use super::Store;
    use crate::api::{DaemonSet, ObjectKey};

    fn stored(store: &mut Store) -> ObjectKey {
        let mut ds = DaemonSet::default();
        ds.metadata.namespace = "default".into();
        ds.metadata.name = "ds".into();
        store.put_daemonset(ds);
        store.take_changes();
        ObjectKey::new("default", "ds")
    }

    /// A node slot is a pointer (issue 20): the slots vector grows to up to twice the nodes and
    /// also numbers pods' node names that are no node; a `Node` inline is ~340 bytes. A write
    /// and a removal keep the node readable as it was written.
    #[test]
    fn a_node_slot_is_a_pointer() {
        let mut store = Store::default();
        let mut node = crate::api::Node::default();
        node.metadata.name = "a".into();
        store.put_node(node.clone());
        assert_eq!(std::mem::size_of_val(&store.node_slots[0]), 8);
        node.spec.unschedulable = true;
        store.put_node(node);
        assert!(store.node("a").unwrap().spec.unschedulable);
        assert_eq!(store.nodes().len(), 1);
        assert!(store.remove_node("a").unwrap().spec.unschedulable);
        assert!(store.node("a").is_none());
    }

    /// The controller's status write (spec §11) is a write only when the status changed: no
    /// new resourceVersion, no change for the informers, otherwise.
    #[test]
    fn a_status_write_that_changes_nothing_is_no_write() {
        let mut store = Store::default();
        let key = stored(&mut store);
        let version = store
            .daemonset(&key)
            .unwrap()
            .metadata
            .resource_version
            .clone();
        assert!(!store.update_daemonset_status(&key, |s| s.number_ready = 0));
        assert!(!store.has_changes());
        assert_eq!(
            store.daemonset(&key).unwrap().metadata.resource_version,
            version
        );

        assert!(store.update_daemonset_status(&key, |s| s.number_ready = 3));
        assert!(store.has_changes());
        let ds = store.daemonset(&key).unwrap();
        assert_eq!(ds.status.number_ready, 3);
        assert_ne!(ds.metadata.resource_version, version);
        assert!(!store.update_daemonset_status(&ObjectKey::new("default", "nope"), |_| {}));
    }

    /// A node's version moves with every write to the node or to a pod bound to it, and only
    /// then: what the page's node cards rely on to skip unchanged nodes.
    #[test]
    fn a_node_version_moves_with_its_node_and_its_pods_only() {
        let mut store = Store::default();
        for name in ["a", "b"] {
            store.put_node(crate::testutil::node(name, Default::default()));
        }
        let (a, b) = (store.node_version("a"), store.node_version("b"));
        let mut pod = crate::api::Pod::default();
        pod.metadata.namespace = "default".into();
        pod.metadata.name = "p".into();
        pod.spec.node_name = "a".into();
        store.put_pod(pod);
        let a2 = store.node_version("a");
        assert_ne!(a2, a);
        assert_eq!(store.node_version("b"), b);
        store.remove_pod(&ObjectKey::new("default", "p"));
        assert_ne!(store.node_version("a"), a2);
        assert_eq!(store.node_version("b"), b);
        store.update_node("b", |n| n.spec.unschedulable = true);
        assert_ne!(store.node_version("b"), b);
    }

    /// A status write changes the stored pod in place when nothing else holds it, leaves a
    /// version someone holds untouched (as a copy would), and is no write when the status is
    /// the same.
    #[test]
    fn a_pod_status_write_edits_in_place_and_spares_held_versions() {
        let mut store = Store::default();
        let mut pod = crate::api::Pod::default();
        pod.metadata.namespace = "default".into();
        pod.metadata.name = "p".into();
        pod.spec.node_name = "a".into();
        store.put_pod(pod);
        store.take_changes();
        let key = ObjectKey::new("default", "p");
        let before = store.pod(&key).unwrap() as *const crate::api::Pod;
        assert!(!store.update_pod_status(&key, |_, st| st.phase = "".into()));
        assert!(!store.has_changes());

        assert!(store.update_pod_status(&key, |_, st| st.phase = "Pending".into()));
        assert_eq!(
            store.pod(&key).unwrap() as *const _,
            before,
            "edited in place"
        );
        assert_eq!(store.pod(&key).unwrap().metadata.resource_version, "2");
        assert_eq!(
            store
                .take_changes()
                .into_changes(&store)
                .collect::<Vec<_>>(),
            [super::Change::Pod {
                key: key.clone(),
                id: super::PodId::from_number(0),
                nodes: super::NodePair::of(store.node_number("a"), store.node_number("a")),
                owners: super::Pair::default(),
            }]
        );

        let held = store.pod_rc(&key).unwrap();
        assert!(store.update_pod_status(&key, |_, st| st.phase = "Running".into()));
        assert_eq!(
            held.status.phase, "Pending",
            "a held version does not change"
        );
        assert_eq!(store.pod(&key).unwrap().status.phase, "Running");
    }

    /// The pods of a node hold one copy of its address.
    #[test]
    fn pods_share_the_host_ip_they_were_given() {
        let mut store = Store::default();
        for name in ["p", "q"] {
            let mut pod = crate::api::Pod::default();
            pod.metadata.namespace = "default".into();
            pod.metadata.name = name.into();
            store.put_pod(pod);
            let key = ObjectKey::new("default", name);
            store.update_pod_status(&key, |_, st| st.host_ip = "10.0.0.1".to_string().into());
        }
        let ip = |name: &str| {
            let pod = store.pod(&ObjectKey::new("default", name)).unwrap();
            pod.status.host_ip.clone()
        };
        assert!(ip("p").same(&ip("q")));
        assert_eq!(
            store
                .pod(&ObjectKey::new("default", "q"))
                .unwrap()
                .status
                .host_ip,
            "10.0.0.1"
        );
    }

    /// The binding write changes the stored pod in place when nothing else holds it, keeps a
    /// held version as it was, and is indexed and announced as `put_pod`'s (the pod moves from
    /// the unplaced pods to its node).
    #[test]
    fn a_binding_write_edits_in_place_and_moves_the_pod_to_its_node() {
        let mut store = Store::default();
        let mut pod = crate::api::Pod::default();
        pod.metadata.namespace = "default".into();
        pod.metadata.name = "p".into();
        store.put_pod(pod);
        store.take_changes();
        let key = ObjectKey::new("default", "p");
        let held = store.pod_rc(&key).unwrap();
        assert!(store.write_pod(&key, |p| p.spec.node_name = "a".into()));
        assert_eq!(held.spec.node_name, "", "a held version does not change");
        drop(held);
        let before = store.pod(&key).unwrap() as *const crate::api::Pod;
        assert!(store.write_pod(&key, |p| p.spec.node_name = "b".into()));
        assert_eq!(
            store.pod(&key).unwrap() as *const _,
            before,
            "edited in place"
        );
        assert_eq!(store.pod(&key).unwrap().metadata.resource_version, "3");
        assert_eq!(store.unplaced_pods().count(), 0);
        assert_eq!(store.pods_on_node("a").count(), 0);
        assert_eq!(store.pods_on_node("b").count(), 1);
        let changes = store.take_changes();
        let nodes = |c: &super::Change| match c {
            super::Change::Pod { nodes, .. } => (nodes.iter())
                .map(|n| store.node_name_of(n).to_string())
                .collect(),
            _ => Vec::new(),
        };
        assert_eq!(
            changes
                .into_changes(&store)
                .map(|c| nodes(&c))
                .collect::<Vec<_>>(),
            [
                vec!["a".to_string()],
                vec!["a".to_string(), "b".to_string()]
            ]
        );
        assert!(!store.write_pod(&ObjectKey::new("default", "q"), |_| {}));
    }
}

#[cfg(test)]
mod change_tests {
    use super::{Change, NodePair, Pair, PodId, Store};
    use crate::api::{ObjectKey, OwnerReference, Pod};

    fn pod(name: &str, node: &str, owner: Option<&str>) -> Pod {
        let mut pod = Pod::default();
        pod.metadata.namespace = "default".into();
        pod.metadata.name = name.into();
        pod.spec.node_name = node.into();
        if let Some(uid) = owner {
            pod.metadata.more.owner_references.push(OwnerReference {
                uid: uid.into(),
                controller: Some(true),
                ..Default::default()
            });
        }
        pod
    }

    fn change(
        store: &Store,
        name: &str,
        [a, b]: [Option<&str>; 2],
        [o, p]: [Option<&str>; 2],
    ) -> Change {
        let node = |n: Option<&str>| n.and_then(|n| store.node_number(n));
        Change::Pod {
            key: ObjectKey::new("default", name),
            id: PodId::from_number(0),
            nodes: NodePair::of(node(a), node(b)),
            owners: Pair::of(o.map(Into::into), p.map(Into::into)),
        }
    }

    /// The changes of a pod removed in the same round, its number since given to another pod,
    /// still name it, its node and its owner (a deleted pod's change reaches its owner); a node
    /// deleted is named as it was.
    #[test]
    fn a_removed_pods_changes_name_it_after_its_number_is_reused() {
        let mut store = Store::default();
        let mut node = crate::api::Node::default();
        node.metadata.name = "n1".into();
        store.put_node(node);
        store.put_pod(pod("a", "n1", Some("u1")));
        store.remove_pod(&ObjectKey::new("default", "a"));
        store.put_pod(pod("b", "n2", None));
        store.remove_node("n1");
        let changes = store.take_changes();
        assert_eq!(
            changes.into_changes(&store).collect::<Vec<_>>(),
            [
                Change::Node("n1".into()),
                change(&store, "a", [Some("n1"), None], [Some("u1"), None]),
                change(&store, "a", [Some("n1"), None], [Some("u1"), None]),
                change(&store, "b", [Some("n2"), None], [None, None]),
                Change::NodeDeleted("n1".into()),
            ]
        );
    }
}

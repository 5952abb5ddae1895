//! The object store: what the API server holds. Every write goes through here so that indices stay
//! right and every change is recorded for the controllers (as informers would deliver it).

use super::hash::FastHashMap;
use super::held::Held;
use super::key_set::KeySet;
use super::node_ids::{NodeId, NodeIds};
use super::node_usage::{NodeUsage, counted_on};
use super::recent::Recent;
use crate::api::{
    ContainerStatus, ControllerRevision, DaemonSet, DaemonSetStatus, Deployment, Node, ObjectKey,
    Pod, PodCondition, PodStatus, ReplicaSet, ResourceVersion, Shared,
};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

type HashMap<K, V> = FastHashMap<K, V>;

/// A change the controllers react to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Node(String),
    NodeDeleted(String),
    /// A pod changed; `nodes` are the target nodes before and after (spec §6.2 step 4);
    /// `owners` the controller UIDs before and after (empty when it is, or became, an orphan).
    Pod {
        key: ObjectKey,
        nodes: Pair,
        owners: Pair,
    },
    DaemonSet(ObjectKey),
    Revision(ObjectKey),
    Deployment(ObjectKey),
    ReplicaSet(ObjectKey),
}

/// At most two strings, inline and shared with the store's tables: a pod's nodes or controller
/// UIDs before and after a write (no allocation for the change of every pod write).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pair([Option<Rc<str>>; 2]);

impl Pair {
    fn of(first: Option<Rc<str>>, second: Option<Rc<str>>) -> Pair {
        match first {
            Some(_) => Pair([first, second]),
            None => Pair([second, None]),
        }
    }

    pub fn iter(&self) -> PairIter<'_> {
        self.0.iter().flatten().map(|s| &**s)
    }

    pub fn is_empty(&self) -> bool {
        self.0[0].is_none()
    }
}

type PairIter<'a> = std::iter::Map<
    std::iter::Flatten<std::slice::Iter<'a, Option<Rc<str>>>>,
    fn(&'a Rc<str>) -> &'a str,
>;

impl<'a> IntoIterator for &'a Pair {
    type Item = &'a str;
    type IntoIter = PairIter<'a>;
    fn into_iter(self) -> PairIter<'a> {
        self.iter()
    }
}

#[derive(Debug, Clone, Default)]
pub struct Store {
    nodes: BTreeMap<String, Node>,
    /// Shared, so that controllers can hold a pod while they write to the store without copying
    /// it (a write replaces the `Rc`; readers keep the version they read).
    /// Hashed: a pod is looked up by key far more often than the pods are listed, and a tree
    /// of 200,000 keys that share their namespace and most of their name costs many string
    /// comparisons per lookup.
    pods: HashMap<ObjectKey, Rc<Pod>>,
    /// The keys in order, for listing (changes only when a pod is created or removed).
    pod_keys: BTreeSet<ObjectKey>,
    /// Shared, as pods are: a sync takes the DaemonSet it works on without a deep copy.
    daemonsets: BTreeMap<ObjectKey, Rc<DaemonSet>>,
    revisions: BTreeMap<ObjectKey, ControllerRevision>,
    deployments: BTreeMap<ObjectKey, Rc<Deployment>>,
    replicasets: BTreeMap<ObjectKey, Rc<ReplicaSet>>,
    /// Pods by the node they are bound or pinned to (tens a node, where a tree would hold
    /// nodes of eleven keys half full).
    pods_by_node: HashMap<String, KeySet>,
    /// Pods with no derivable node (not pinned, not bound).
    unplaced_pods: BTreeSet<ObjectKey>,
    /// Pods by the UID of their controller.
    pods_by_owner: HashMap<String, BTreeSet<ObjectKey>>,
    /// Pods by the UID of their controller, then by node: a DaemonSet reads its own pods on a
    /// node without looking at the other DaemonSets' (the cost of a sync stays independent of
    /// how many DaemonSets there are).
    /// Nodes by number (`node_ids`): a pod's entry holds no copy of its node's name.
    owned_on_node: HashMap<String, HashMap<NodeId, KeySet>>,
    node_ids: NodeIds,
    /// Controller UIDs, each once, for the changes.
    uids: Held,
    /// Pods without a controller, by node.
    orphans_on_node: HashMap<String, KeySet>,
    /// For each node, a number that changes whenever the node or a pod bound or pinned to it
    /// is written or removed: a view of the node (the page's card) knows without looking at
    /// its pods whether it is still right.
    node_versions: HashMap<String, u64>,
    node_writes: u64,
    /// What the unfinished pods bound to each node request (the scheduler's filters).
    node_usage: HashMap<String, NodeUsage>,
    resource_version: u64,
    /// Bumped on every ControllerRevision write, so controllers can tell when to look again.
    revisions_version: u64,
    changes: Vec<Change>,
    /// Status parts recently written, for pods that hold the same to share (kubelet writes).
    recent_conditions: Recent<Vec<PodCondition>>,
    recent_container_statuses: Recent<Vec<ContainerStatus>>,
    /// Every host IP written to a pod's status, once: the pods of a node share their node's
    /// (an entry a node address ever used).
    host_ips: HashMap<String, Shared<String>>,
}

/// The node a pod belongs to: `spec.nodeName`, else its pinned `metadata.name` (spec §6.2).
pub fn pod_target_node(pod: &Pod) -> Option<&str> {
    crate::placement::get_target_node_name(pod).ok()
}

fn controller_uid(pod: &Pod) -> Option<&str> {
    pod.metadata.controller_ref().map(|r| r.uid.as_str())
}

impl Store {
    fn next_rv(&mut self) -> ResourceVersion {
        self.resource_version += 1;
        ResourceVersion::Number(self.resource_version)
    }

    fn touch_node(&mut self, name: &str) {
        self.node_writes += 1;
        match self.node_versions.get_mut(name) {
            Some(v) => *v = self.node_writes,
            None => {
                self.node_versions
                    .insert(name.to_string(), self.node_writes);
            }
        }
    }

    /// Changes whenever the node `name` or a pod bound or pinned to it is written or removed.
    pub fn node_version(&self, name: &str) -> u64 {
        self.node_versions.get(name).copied().unwrap_or(0)
    }

    pub fn take_changes(&mut self) -> Vec<Change> {
        std::mem::take(&mut self.changes)
    }

    pub fn has_changes(&self) -> bool {
        !self.changes.is_empty()
    }

    // ---- nodes

    pub fn nodes(&self) -> &BTreeMap<String, Node> {
        &self.nodes
    }
    pub fn node(&self, name: &str) -> Option<&Node> {
        self.nodes.get(name)
    }
    pub fn put_node(&mut self, mut node: Node) {
        node.metadata.resource_version = self.next_rv();
        let name = node.metadata.name.clone();
        self.touch_node(&name);
        self.nodes.insert(name.clone(), node);
        self.changes.push(Change::Node(name));
    }
    /// Applies `f` to a node; records a change only if it changed something.
    pub fn update_node(&mut self, name: &str, f: impl FnOnce(&mut Node)) -> bool {
        let Some(node) = self.nodes.get(name) else {
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
        let n = self.nodes.remove(name)?;
        self.node_versions.remove(name);
        self.changes.push(Change::NodeDeleted(name.to_string()));
        Some(n)
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
    pub fn pods_on_node(&self, node: &str) -> impl Iterator<Item = &Pod> {
        self.pods_by_node
            .get(node)
            .into_iter()
            .flatten()
            .filter_map(|k| self.pod(k))
    }
    /// Names of nodes that have pods bound or pinned to them (some may no longer exist).
    pub fn nodes_with_pods(&self) -> impl Iterator<Item = &String> {
        self.pods_by_node
            .iter()
            .filter(|(_, s)| !s.is_empty())
            .map(|(n, _)| n)
    }
    pub fn put_pod(&mut self, pod: Pod) {
        let key = ObjectKey::of(&pod.metadata);
        let before = (self.pods.get(&key)).map(|old| {
            let (usage, ids, uids) = (&mut self.node_usage, &mut self.node_ids, &mut self.uids);
            Before::uncount(usage, ids, uids, old)
        });
        self.store_pod(key, pod, before);
    }
    /// A write that always changes the pod and keeps its name (the binding subresource): the
    /// pod is edited in place when nothing else holds it, instead of copied and compared.
    pub fn write_pod(&mut self, key: &ObjectKey, f: impl FnOnce(&mut Pod)) -> bool {
        let Some(old) = self.pods.remove(key) else {
            return false;
        };
        let (usage, ids, uids) = (&mut self.node_usage, &mut self.node_ids, &mut self.uids);
        let before = Before::uncount(usage, ids, uids, &old);
        let mut pod = Rc::unwrap_or_clone(old);
        f(&mut pod);
        self.store_pod(key.clone(), pod, Some(before));
        true
    }
    /// Stores `pod` under `key`, whose stored version, if any, was `before`.
    fn store_pod(&mut self, key: ObjectKey, mut pod: Pod, before: Option<Before>) {
        pod.metadata.resource_version = self.next_rv();
        recount(&mut self.node_usage, None, Some(&pod));
        let is_new = before.is_none();
        let Before {
            node: old_node,
            uid: old_uid,
        } = before.unwrap_or_default();
        let new_node = pod_target_node(&pod).map(|n| self.node_ids.shared(n));
        let new_uid = controller_uid(&pod).map(|u| self.uids.get(u));
        // An orphan (now) is news for every DaemonSet that may adopt it: no owners listed.
        let owners = match &new_uid {
            None => Pair::default(),
            Some(uid) => Pair::of(old_uid.clone(), Some(uid.clone())),
        };
        // Most writes are status updates: same node, same owner, indices already right.
        if is_new || old_node != new_node || old_uid != new_uid {
            self.unindex(&key, old_node.as_deref(), old_uid.as_deref());
            self.index(&key, new_node.as_deref(), new_uid.as_deref());
        }
        if is_new {
            self.pod_keys.insert(key.clone());
        }
        self.pods.insert(key.clone(), Rc::new(pod));
        self.pod_changed(key, Pair::of(old_node, new_node), owners);
    }
    /// Records a pod write or removal for the informers and moves the version of its nodes.
    fn pod_changed(&mut self, key: ObjectKey, nodes: Pair, owners: Pair) {
        for node in nodes.iter() {
            self.touch_node(node);
        }
        self.changes.push(Change::Pod { key, nodes, owners });
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
        let Some(pod) = self.pods.get(key) else {
            return false;
        };
        let mut status = pod.status.clone();
        f(pod, &mut status);
        if status == pod.status {
            return false;
        }
        self.recent_conditions.share(&mut status.conditions);
        self.recent_container_statuses
            .share(&mut status.container_statuses);
        self.share_host_ip(&mut status.host_ip);
        let rv = self.next_rv();
        let Some(stored) = self.pods.get_mut(key) else {
            return false;
        };
        let pod = Rc::make_mut(stored);
        let was_counted = counted_on(pod).is_some();
        pod.status = status;
        // Finished (or back): the spec, and so the node and the requests, are unchanged.
        match (was_counted, counted_on(pod)) {
            (true, None) => uncount(&mut self.node_usage, &pod.spec.node_name, pod),
            (false, Some(node)) => self.node_usage.entry(node.into()).or_default().add(pod),
            _ => {}
        }
        pod.metadata.resource_version = rv;
        // Node and owner are unchanged: the indices stay; the change is put_pod's for the same.
        let node = pod_target_node(pod).map(|n| self.node_ids.shared(n));
        let uid = controller_uid(pod).map(|u| self.uids.get(u));
        let (nodes, owners) = (Pair::of(node.clone(), node), Pair::of(uid.clone(), uid));
        self.pod_changed(key.clone(), nodes, owners);
        true
    }
    /// Makes `ip` the host IP held for its text, or holds it.
    fn share_host_ip(&mut self, ip: &mut Shared<String>) {
        if ip.is_empty() {
            return;
        }
        match self.host_ips.get(ip.as_str()) {
            Some(held) => *ip = held.clone(),
            None => {
                self.host_ips.insert(ip.to_string(), ip.clone());
            }
        }
    }
    pub fn remove_pod(&mut self, key: &ObjectKey) -> Option<Rc<Pod>> {
        let pod = self.pods.remove(key)?;
        self.pod_keys.remove(key);
        recount(&mut self.node_usage, Some(&pod), None);
        let node = pod_target_node(&pod);
        self.unindex(key, node, controller_uid(&pod));
        let uid = controller_uid(&pod).map(|u| self.uids.get(u));
        let node = node.map(|n| self.node_ids.shared(n));
        self.pod_changed(key.clone(), Pair::of(node, None), Pair::of(uid, None));
        Some(pod)
    }
    /// What the unfinished pods bound to `node` request, if any are.
    pub fn node_usage(&self, node: &str) -> Option<&NodeUsage> {
        self.node_usage.get(node)
    }
    /// Pods with no node yet, neither bound nor pinned (what the scheduler places), in key
    /// order.
    pub fn unplaced_pods(&self) -> impl Iterator<Item = &Pod> {
        self.unplaced_pods.iter().filter_map(|k| self.pod(k))
    }
    /// Pods whose controller has this UID.
    pub fn pods_owned_by(&self, uid: &str) -> impl Iterator<Item = &Pod> {
        self.pods_by_owner
            .get(uid)
            .into_iter()
            .flatten()
            .filter_map(|k| self.pod(k))
    }
    /// Pods on `node` that a controller with `uid` may claim: its own and the orphans, in key
    /// order (as [`Store::pods_on_node`] lists them).
    pub fn claimable_on_node(&self, node: &str, uid: &str) -> Vec<ObjectKey> {
        let owned = (self.owned_on_node.get(uid))
            .zip(self.node_ids.get(node))
            .and_then(|(m, id)| m.get(&id));
        let orphans = self.orphans_on_node.get(node);
        let mut keys: Vec<ObjectKey> = owned
            .into_iter()
            .flatten()
            .chain(orphans.into_iter().flatten())
            .cloned()
            .collect();
        if owned.is_some() && orphans.is_some() {
            crate::sort::sort(&mut keys);
        }
        keys
    }
    /// Nodes holding pods of the controller with `uid` (some may no longer exist).
    pub fn nodes_with_pods_of(&self, uid: &str) -> impl Iterator<Item = &str> {
        self.owned_on_node
            .get(uid)
            .into_iter()
            .flat_map(|m| m.keys())
            .map(|&id| self.node_ids.name(id))
    }
    /// The pods of the controller with `uid` on `node`.
    pub fn owned_pods_on_node(&self, uid: &str, node: &str) -> impl Iterator<Item = &Pod> {
        let id = self.node_ids.get(node);
        self.owned_on_node
            .get(uid)
            .zip(id)
            .and_then(|(m, id)| m.get(&id))
            .into_iter()
            .flatten()
            .filter_map(|k| self.pod(k))
    }
    fn index(&mut self, key: &ObjectKey, node: Option<&str>, uid: Option<&str>) {
        match node {
            Some(n) => {
                self.pods_by_node
                    .entry(n.to_string())
                    .or_default()
                    .insert(key.clone());
                match uid {
                    Some(u) => {
                        let id = self.node_ids.id(n);
                        let by_node = self.owned_on_node.entry(u.to_string()).or_default();
                        by_node.entry(id).or_default().insert(key.clone());
                    }
                    None => {
                        (self.orphans_on_node.entry(n.to_string()))
                            .or_default()
                            .insert(key.clone());
                    }
                }
            }
            None => {
                self.unplaced_pods.insert(key.clone());
            }
        }
        if let Some(u) = uid {
            self.pods_by_owner
                .entry(u.to_string())
                .or_default()
                .insert(key.clone());
        }
    }
    fn unindex(&mut self, key: &ObjectKey, node: Option<&str>, uid: Option<&str>) {
        match node {
            Some(n) => {
                remove_from(&mut self.pods_by_node, n, key);
                match uid {
                    Some(u) => {
                        let found = self.owned_on_node.get_mut(u).zip(self.node_ids.get(n));
                        if let Some((by_node, id)) = found {
                            remove_from(by_node, &id, key);
                            if by_node.is_empty() {
                                self.owned_on_node.remove(u);
                            }
                        }
                    }
                    None => remove_from(&mut self.orphans_on_node, n, key),
                }
            }
            None => {
                self.unplaced_pods.remove(key);
            }
        }
        if let Some(u) = uid {
            remove_from(&mut self.pods_by_owner, u, key);
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
        self.changes.push(Change::DaemonSet(key));
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
        let Some(ds) = self.daemonset(key) else {
            return false;
        };
        let mut status = ds.status.clone();
        f(&mut status);
        if status == ds.status {
            return false;
        }
        let mut new = ds.clone();
        new.status = status;
        self.put_daemonset(new);
        true
    }
    pub fn remove_daemonset(&mut self, key: &ObjectKey) -> Option<DaemonSet> {
        let ds = self.daemonsets.remove(key)?;
        self.changes.push(Change::DaemonSet(key.clone()));
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
        self.changes.push(Change::Revision(key));
    }
    pub fn remove_revision(&mut self, key: &ObjectKey) -> Option<ControllerRevision> {
        let r = self.revisions.remove(key)?;
        self.revisions_version += 1;
        self.changes.push(Change::Revision(key.clone()));
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
                self.changes.push(Change::$change(key));
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
                self.changes.push(Change::$change(key.clone()));
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

/// What the indices and the informers need of a pod's stored version, taken before it is
/// replaced.
#[derive(Default)]
struct Before {
    node: Option<Rc<str>>,
    uid: Option<Rc<str>>,
}

impl Before {
    /// Also takes the pod out of its node's sums.
    fn uncount(
        usage: &mut HashMap<String, NodeUsage>,
        node_ids: &mut NodeIds,
        uids: &mut Held,
        old: &Pod,
    ) -> Before {
        recount(usage, Some(old), None);
        Before {
            node: pod_target_node(old).map(|n| node_ids.shared(n)),
            uid: controller_uid(old).map(|u| uids.get(u)),
        }
    }
}

/// Moves the node sums from what `old` counted to what `new` counts (either may be none).
fn recount(usage: &mut HashMap<String, NodeUsage>, old: Option<&Pod>, new: Option<&Pod>) {
    if let Some((pod, node)) = old.and_then(|p| Some((p, counted_on(p)?))) {
        uncount(usage, node, pod);
    }
    if let Some((pod, node)) = new.and_then(|p| Some((p, counted_on(p)?))) {
        usage.entry(node.to_string()).or_default().add(pod);
    }
}

/// Takes `pod` out of the sums of `node`, dropping them when no pod is left.
fn uncount(usage: &mut HashMap<String, NodeUsage>, node: &str, pod: &Pod) {
    if let Some(u) = usage.get_mut(node) {
        u.remove(pod);
        if u.pods == 0 {
            usage.remove(node);
        }
    }
}

/// The sets of keys the store's indices hold.
trait Keys {
    fn remove_key(&mut self, key: &ObjectKey);
    fn is_empty(&self) -> bool;
}

impl Keys for BTreeSet<ObjectKey> {
    fn remove_key(&mut self, key: &ObjectKey) {
        self.remove(key);
    }
    fn is_empty(&self) -> bool {
        BTreeSet::is_empty(self)
    }
}

impl Keys for KeySet {
    fn remove_key(&mut self, key: &ObjectKey) {
        self.remove(key);
    }
    fn is_empty(&self) -> bool {
        KeySet::is_empty(self)
    }
}

/// Removes `key` from the set at `at`, dropping the set when it empties.
fn remove_from<A, Q, S>(map: &mut HashMap<A, S>, at: &Q, key: &ObjectKey)
where
    A: std::borrow::Borrow<Q> + Eq + std::hash::Hash,
    Q: Eq + std::hash::Hash + ?Sized,
    S: Keys,
{
    if let Some(set) = map.get_mut(at) {
        set.remove_key(key);
        if set.is_empty() {
            map.remove(at);
        }
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
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &'a ObjectKey> + 'a {
        self.0.pod_keys.iter()
    }
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&'a ObjectKey, &'a Rc<Pod>)> + 'a {
        let pods = &self.0.pods;
        self.0
            .pod_keys
            .iter()
            .filter_map(move |k| Some((k, pods.get(k)?)))
    }
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &'a Rc<Pod>> + 'a {
        self.iter().map(|(_, p)| p)
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
            store.take_changes(),
            [super::Change::Pod {
                key: key.clone(),
                nodes: super::Pair::of(Some("a".into()), Some("a".into())),
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
            &*pod.status.host_ip as *const String
        };
        assert_eq!(ip("p"), ip("q"));
        assert_eq!(
            *store
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
        let nodes = |c: &super::Change| match c {
            super::Change::Pod { nodes, .. } => nodes.iter().map(String::from).collect(),
            _ => Vec::new(),
        };
        let changes = store.take_changes();
        assert_eq!(
            changes.iter().map(nodes).collect::<Vec<_>>(),
            [
                vec!["a".to_string()],
                vec!["a".to_string(), "b".to_string()]
            ]
        );
        assert!(!store.write_pod(&ObjectKey::new("default", "q"), |_| {}));
    }
}

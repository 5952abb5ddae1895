//! The object store: what the API server holds. Every write goes through here so that indices stay
//! right and every change is recorded for the controllers (as informers would deliver it).

use crate::api::{ControllerRevision, DaemonSet, Node, ObjectKey, Pod};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A change the controllers react to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Node(String),
    NodeDeleted(String),
    /// A pod changed; `nodes` are the target nodes before and after (spec §6.2 step 4);
    /// `owners` the controller UIDs before and after (empty when it is, or became, an orphan).
    Pod {
        key: ObjectKey,
        nodes: Vec<String>,
        owners: Vec<String>,
    },
    DaemonSet(ObjectKey),
    Revision(ObjectKey),
}

#[derive(Debug, Clone, Default)]
pub struct Store {
    nodes: BTreeMap<String, Node>,
    pods: BTreeMap<ObjectKey, Pod>,
    daemonsets: BTreeMap<ObjectKey, DaemonSet>,
    revisions: BTreeMap<ObjectKey, ControllerRevision>,
    /// Pods by the node they are bound or pinned to.
    pods_by_node: HashMap<String, BTreeSet<ObjectKey>>,
    /// Pods with no derivable node (not pinned, not bound).
    unplaced_pods: BTreeSet<ObjectKey>,
    /// Pods by the UID of their controller.
    pods_by_owner: HashMap<String, BTreeSet<ObjectKey>>,
    resource_version: u64,
    /// Bumped on every ControllerRevision write, so controllers can tell when to look again.
    revisions_version: u64,
    changes: Vec<Change>,
}

/// The node a pod belongs to: `spec.nodeName`, else its pinned `metadata.name` (spec §6.2).
pub fn pod_target_node(pod: &Pod) -> Option<String> {
    crate::placement::get_target_node_name(pod).ok()
}

fn controller_uid(pod: &Pod) -> Option<String> {
    pod.metadata.controller_ref().map(|r| r.uid.clone())
}

impl Store {
    fn next_rv(&mut self) -> String {
        self.resource_version += 1;
        self.resource_version.to_string()
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
        self.changes.push(Change::NodeDeleted(name.to_string()));
        Some(n)
    }

    // ---- pods

    pub fn pods(&self) -> &BTreeMap<ObjectKey, Pod> {
        &self.pods
    }
    pub fn pod(&self, key: &ObjectKey) -> Option<&Pod> {
        self.pods.get(key)
    }
    pub fn pods_on_node(&self, node: &str) -> impl Iterator<Item = &Pod> {
        self.pods_by_node
            .get(node)
            .into_iter()
            .flatten()
            .filter_map(|k| self.pods.get(k))
    }
    /// Names of nodes that have pods bound or pinned to them (some may no longer exist).
    pub fn nodes_with_pods(&self) -> impl Iterator<Item = &String> {
        self.pods_by_node
            .iter()
            .filter(|(_, s)| !s.is_empty())
            .map(|(n, _)| n)
    }
    pub fn put_pod(&mut self, mut pod: Pod) {
        pod.metadata.resource_version = self.next_rv();
        let key = ObjectKey::of(&pod.metadata);
        let old = self.pods.get(&key);
        let old_node = old.and_then(pod_target_node);
        // An orphan (now) is news for every DaemonSet that may adopt it: no owners listed.
        let owners = match controller_uid(&pod) {
            None => Vec::new(),
            Some(uid) => old
                .and_then(controller_uid)
                .into_iter()
                .chain([uid])
                .collect(),
        };
        let new_node = pod_target_node(&pod);
        self.unindex(&key, old_node.as_deref());
        if let Some(uid) = self.pods.get(&key).and_then(controller_uid) {
            self.unindex_owner(&key, &uid);
        }
        if let Some(uid) = controller_uid(&pod) {
            self.pods_by_owner
                .entry(uid)
                .or_default()
                .insert(key.clone());
        }
        match &new_node {
            Some(n) => {
                self.pods_by_node
                    .entry(n.clone())
                    .or_default()
                    .insert(key.clone());
            }
            None => {
                self.unplaced_pods.insert(key.clone());
            }
        }
        self.pods.insert(key.clone(), pod);
        let nodes = old_node.into_iter().chain(new_node).collect();
        self.changes.push(Change::Pod { key, nodes, owners });
    }
    pub fn update_pod(&mut self, key: &ObjectKey, f: impl FnOnce(&mut Pod)) -> bool {
        let Some(pod) = self.pods.get(key) else {
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
    pub fn remove_pod(&mut self, key: &ObjectKey) -> Option<Pod> {
        let pod = self.pods.remove(key)?;
        let node = pod_target_node(&pod);
        self.unindex(key, node.as_deref());
        if let Some(uid) = controller_uid(&pod) {
            self.unindex_owner(key, &uid);
        }
        self.changes.push(Change::Pod {
            key: key.clone(),
            nodes: node.into_iter().collect(),
            owners: controller_uid(&pod).into_iter().collect(),
        });
        Some(pod)
    }
    /// Pods whose controller has this UID.
    pub fn pods_owned_by(&self, uid: &str) -> impl Iterator<Item = &Pod> {
        self.pods_by_owner
            .get(uid)
            .into_iter()
            .flatten()
            .filter_map(|k| self.pods.get(k))
    }
    fn unindex_owner(&mut self, key: &ObjectKey, uid: &str) {
        if let Some(set) = self.pods_by_owner.get_mut(uid) {
            set.remove(key);
            if set.is_empty() {
                self.pods_by_owner.remove(uid);
            }
        }
    }
    fn unindex(&mut self, key: &ObjectKey, node: Option<&str>) {
        match node {
            Some(n) => {
                if let Some(set) = self.pods_by_node.get_mut(n) {
                    set.remove(key);
                    if set.is_empty() {
                        self.pods_by_node.remove(n);
                    }
                }
            }
            None => {
                self.unplaced_pods.remove(key);
            }
        }
    }

    // ---- daemonsets

    pub fn daemonsets(&self) -> &BTreeMap<ObjectKey, DaemonSet> {
        &self.daemonsets
    }
    pub fn daemonset(&self, key: &ObjectKey) -> Option<&DaemonSet> {
        self.daemonsets.get(key)
    }
    pub fn put_daemonset(&mut self, mut ds: DaemonSet) {
        ds.metadata.resource_version = self.next_rv();
        let key = ObjectKey::of(&ds.metadata);
        self.daemonsets.insert(key.clone(), ds);
        self.changes.push(Change::DaemonSet(key));
    }
    pub fn update_daemonset(&mut self, key: &ObjectKey, f: impl FnOnce(&mut DaemonSet)) -> bool {
        let Some(ds) = self.daemonsets.get(key) else {
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
    pub fn remove_daemonset(&mut self, key: &ObjectKey) -> Option<DaemonSet> {
        let ds = self.daemonsets.remove(key)?;
        self.changes.push(Change::DaemonSet(key.clone()));
        Some(ds)
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

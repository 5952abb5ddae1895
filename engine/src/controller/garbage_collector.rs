//! The garbage collector, for the dependents of DaemonSets, Deployments and ReplicaSets (spec
//! §13): after a background delete the dependents of the vanished owner (pods,
//! ControllerRevisions, ReplicaSets) are deleted, and a deleted ReplicaSet's pods in turn; a
//! foreground delete deletes them first (owners among them in the foreground too, as the real
//! collector does for a dependent that has dependents) and removes the owner when none is left.

use crate::api::{ObjectKey, ObjectMeta};
use crate::state::audit::{Request, users};
use crate::state::hash::FastHashMap as HashMap;
use crate::state::store::{Change, Store};
use crate::state::{World, apiserver};
use std::collections::BTreeSet;

/// The kinds that own dependents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum OwnerKind {
    DaemonSet,
    Deployment,
    ReplicaSet,
}

type Owner = (OwnerKind, ObjectKey);

fn meta<'a>(store: &'a Store, (kind, key): &Owner) -> Option<&'a ObjectMeta> {
    match kind {
        OwnerKind::DaemonSet => store.daemonset(key).map(|o| &o.metadata),
        OwnerKind::Deployment => store.deployment(key).map(|o| &o.metadata),
        OwnerKind::ReplicaSet => store.replicaset(key).map(|o| &o.metadata),
    }
}

fn remove(store: &mut Store, (kind, key): &Owner) {
    match kind {
        OwnerKind::DaemonSet => {
            store.remove_daemonset(key);
        }
        OwnerKind::Deployment => {
            store.remove_deployment(key);
        }
        OwnerKind::ReplicaSet => {
            store.remove_replicaset(key);
        }
    }
}

fn in_foreground(meta: &ObjectMeta) -> bool {
    meta.more
        .finalizers
        .iter()
        .any(|f| f == "foregroundDeletion")
}

#[derive(Default)]
pub struct GarbageCollector {
    /// Owner UIDs by kind and key, to know whose dependents to collect once it is gone.
    owners: HashMap<Owner, String>,
    queue: BTreeSet<Owner>,
    /// Owners in foreground deletion, waiting for their dependents to go.
    foreground: BTreeSet<Owner>,
}

impl GarbageCollector {
    pub fn observe(&mut self, change: &Change, w: &World) {
        let owner = match change {
            Change::Pod { .. } | Change::ReplicaSet(_) | Change::Revision(_) => {
                self.queue.extend(self.foreground.iter().cloned());
                match change {
                    Change::ReplicaSet(key) => (OwnerKind::ReplicaSet, key.clone()),
                    _ => return,
                }
            }
            Change::DaemonSet(key) => (OwnerKind::DaemonSet, key.clone()),
            Change::Deployment(key) => (OwnerKind::Deployment, key.clone()),
            Change::Node(_) | Change::NodeDeleted(_) => return,
        };
        match meta(&w.store, &owner) {
            Some(m) => {
                // Written again only when it changed: a DaemonSet's status writes (a few a
                // node in a rollout) each wrote its UID's text anew.
                match self.owners.get_mut(&owner) {
                    Some(uid) if m.uid == *uid => {}
                    Some(uid) => *uid = m.uid.to_string(),
                    None => {
                        self.owners.insert(owner.clone(), m.uid.to_string());
                    }
                }
                if in_foreground(m) {
                    self.queue.insert(owner);
                }
            }
            None => {
                self.queue.insert(owner);
            }
        }
    }

    pub fn process(&mut self, w: &mut World) -> bool {
        let queue = std::mem::take(&mut self.queue);
        for owner in &queue {
            let Some(uid) = self.owners.get(owner).cloned() else {
                continue;
            };
            let foreground = meta(&w.store, owner).is_some_and(|m| m.uid == uid);
            delete_dependents(w, &uid, foreground);
            if foreground {
                if has_dependents(&w.store, &uid) {
                    self.foreground.insert(owner.clone()); // look again when they change
                } else {
                    remove(&mut w.store, owner);
                    self.owners.remove(owner);
                    self.foreground.remove(owner);
                }
            } else {
                self.owners.remove(owner);
            }
        }
        !queue.is_empty()
    }
}

fn owned_by(meta: &ObjectMeta, uid: &str) -> bool {
    meta.more.owner_references.iter().any(|r| r.uid == uid)
}

/// Deletes what `uid` owns: pods gracefully, ControllerRevisions at once, ReplicaSets at once
/// (their pods follow) or, for an owner in foreground deletion, in the foreground.
fn delete_dependents(w: &mut World, uid: &str, foreground: bool) {
    let pods: Vec<ObjectKey> = w
        .store
        .pods()
        .iter()
        .filter(|(_, p)| owned_by(&p.metadata, uid))
        .map(|(k, _)| k.clone())
        .collect();
    for k in &pods {
        apiserver::delete_pod(w, k, None, Request::delete(users::GARBAGE_COLLECTOR));
    }
    let revisions: Vec<ObjectKey> = w
        .store
        .revisions()
        .iter()
        .filter(|(_, r)| owned_by(&r.metadata, uid))
        .map(|(k, _)| k.clone())
        .collect();
    for k in revisions {
        w.store.remove_revision(&k);
    }
    let replicasets: Vec<ObjectKey> = w
        .store
        .replicasets()
        .iter()
        .filter(|(_, r)| owned_by(&r.metadata, uid))
        .map(|(k, _)| k.clone())
        .collect();
    let now = w.clock.now();
    for k in replicasets {
        if foreground {
            w.store
                .update_replicaset(&k, |r| r.metadata.mark_foreground_deletion(now));
        } else {
            w.store.remove_replicaset(&k);
        }
    }
}

fn has_dependents(store: &Store, uid: &str) -> bool {
    store.pods().values().any(|p| owned_by(&p.metadata, uid))
        || store
            .replicasets()
            .values()
            .any(|r| owned_by(&r.metadata, uid))
}

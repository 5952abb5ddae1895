//! The garbage collector, for DaemonSets' dependents (spec §13): after a background delete the
//! pods and ControllerRevisions of the vanished owner are deleted; a foreground delete deletes
//! them first and removes the owner when none is left.

use crate::api::ObjectKey;
use crate::state::store::Change;
use crate::state::{World, apiserver};
use std::collections::{BTreeSet, HashMap};

#[derive(Default)]
pub struct GarbageCollector {
    /// DaemonSet UIDs by key, to know whose dependents to collect once it is gone.
    owners: HashMap<ObjectKey, String>,
    queue: BTreeSet<ObjectKey>,
    /// Owners in foreground deletion, waiting for their pods to go.
    foreground: BTreeSet<ObjectKey>,
}

impl GarbageCollector {
    pub fn observe(&mut self, change: &Change, w: &World) {
        if let Change::Pod { .. } = change {
            self.queue.extend(self.foreground.iter().cloned());
        }
        if let Change::DaemonSet(key) = change {
            match w.store.daemonset(key) {
                Some(ds) => {
                    self.owners.insert(key.clone(), ds.metadata.uid.clone());
                    if ds
                        .metadata
                        .finalizers
                        .iter()
                        .any(|f| f == "foregroundDeletion")
                    {
                        self.queue.insert(key.clone());
                    }
                }
                None => {
                    self.queue.insert(key.clone());
                }
            }
        }
    }

    pub fn process(&mut self, w: &mut World) -> bool {
        let queue = std::mem::take(&mut self.queue);
        for key in &queue {
            let Some(uid) = self.owners.get(key).cloned() else {
                continue;
            };
            let foreground = w
                .store
                .daemonset(key)
                .is_some_and(|d| d.metadata.uid == uid);
            let pods: Vec<ObjectKey> = w
                .store
                .pods()
                .iter()
                .filter(|(_, p)| p.metadata.owner_references.iter().any(|r| r.uid == uid))
                .map(|(k, _)| k.clone())
                .collect();
            for k in &pods {
                apiserver::delete_pod(w, k, None);
            }
            let revisions: Vec<ObjectKey> = w
                .store
                .revisions()
                .iter()
                .filter(|(_, r)| r.metadata.owner_references.iter().any(|o| o.uid == uid))
                .map(|(k, _)| k.clone())
                .collect();
            for k in revisions {
                w.store.remove_revision(&k);
            }
            if foreground {
                let remaining = w
                    .store
                    .pods()
                    .values()
                    .any(|p| p.metadata.owner_references.iter().any(|r| r.uid == uid));
                if remaining {
                    self.foreground.insert(key.clone()); // look again when pods change
                } else {
                    w.store.remove_daemonset(key);
                    self.owners.remove(key);
                    self.foreground.remove(key);
                }
            } else {
                self.owners.remove(key);
            }
        }
        !queue.is_empty()
    }
}

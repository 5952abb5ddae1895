//! The Deployment controller (`pkg/controller/deployment`): a Deployment owns ReplicaSets, one
//! per pod template (named after the template's `pod-template-hash`); the ReplicaSet of the
//! current template is the new one, the others are old. A sync claims ReplicaSets, makes the
//! new one if missing, scales them as the strategy says (`rolling.rs`), removes old ones beyond
//! `revisionHistoryLimit`, and writes the status with its conditions (`status.rs`).
//!
//! Simplifications, named in the README: a scale of a Deployment in the middle of a rollout
//! goes to the new ReplicaSet alone (no proportional scaling); `progressDeadlineSeconds` never
//! expires; the template hash is the DaemonSet controller's (FNV over JSON, not Go's printer).

mod new_replicaset;
mod rolling;
mod status;

use crate::api::{Deployment, ObjectKey, OwnerReference, ReplicaSet, Selector};
use crate::controller::claim::{Claim, decide};
use crate::state::World;
use crate::state::store::Change;
use std::collections::BTreeSet;

#[derive(Default)]
pub struct DeploymentController {
    queue: BTreeSet<ObjectKey>,
}

impl DeploymentController {
    pub fn observe(&mut self, change: &Change, w: &World) {
        match change {
            Change::Deployment(key) => {
                self.queue.insert(key.clone());
            }
            Change::ReplicaSet(key) => {
                let owner = w
                    .store
                    .replicaset(key)
                    .and_then(|rs| rs.metadata.controller_ref())
                    .filter(|r| r.kind == "Deployment")
                    .map(|r| ObjectKey::new(&key.namespace, &r.name));
                match owner {
                    Some(k) => {
                        self.queue.insert(k);
                    }
                    // Deleted or orphaned: any Deployment of the namespace may care.
                    None => self.queue.extend(
                        w.store
                            .deployments()
                            .keys()
                            .filter(|k| k.namespace == key.namespace)
                            .cloned(),
                    ),
                }
            }
            // Recreate waits for the old pods to be gone.
            Change::Pod { key, .. } => self.queue.extend(
                w.store
                    .deployments()
                    .iter()
                    .filter(|(k, d)| k.namespace == key.namespace && !d.is_rolling_update())
                    .map(|(k, _)| k.clone()),
            ),
            _ => {}
        }
    }

    pub fn process(&mut self, w: &mut World) -> bool {
        let queue = std::mem::take(&mut self.queue);
        for key in &queue {
            if let Some(d) = w.store.deployment(key).cloned() {
                sync(w, &d);
            }
        }
        !queue.is_empty()
    }
}

fn selector_of(d: &Deployment) -> Option<Selector> {
    d.spec
        .selector
        .as_ref()
        .and_then(|s| s.to_selector().ok())
        .filter(|s| !s.is_everything())
}

/// `getReplicaSetsForDeployment` (`ClaimReplicaSets`): adopt matching orphans, release owned
/// ones that no longer match; the result sorted by creation (oldest first), then name.
fn claim_replicasets(w: &mut World, d: &Deployment) -> Vec<ReplicaSet> {
    let selector = selector_of(d);
    let selects = |rs: &ReplicaSet| {
        selector
            .as_ref()
            .is_some_and(|s| s.matches(&rs.metadata.labels))
    };
    let decisions: Vec<(ObjectKey, Claim)> = w
        .store
        .replicasets()
        .iter()
        .filter(|(k, _)| *k.namespace == *d.metadata.namespace)
        .map(|(k, rs)| (k.clone(), decide(&d.metadata, &rs.metadata, selects(rs))))
        .collect();
    let uid = &d.metadata.uid;
    let mut claimed = Vec::new();
    for (key, claim) in decisions {
        match claim {
            Claim::Ours => claimed.push(key),
            Claim::Release => {
                w.store.update_replicaset(&key, |rs| {
                    rs.metadata.more.owner_references.retain(|r| &r.uid != uid)
                });
            }
            Claim::Adopt => {
                let owner = OwnerReference::controller_of("Deployment", &d.metadata);
                w.store
                    .update_replicaset(&key, |rs| rs.metadata.more.owner_references.push(owner));
                claimed.push(key);
            }
            Claim::NotOurs => {}
        }
    }
    let mut sets: Vec<ReplicaSet> = claimed
        .iter()
        .filter_map(|k| w.store.replicaset(k).cloned())
        .collect();
    crate::sort::sort_by(&mut sets, |a, b| {
        (a.metadata.creation_timestamp, &a.metadata.name)
            .cmp(&(b.metadata.creation_timestamp, &b.metadata.name))
    });
    sets
}

fn sync(w: &mut World, d: &Deployment) {
    if d.metadata.is_being_deleted() {
        return;
    }
    let sets = claim_replicasets(w, d);
    if d.spec.paused {
        status::update(w, d, &sets);
        return;
    }
    if !d.is_rolling_update() {
        let existing = new_replicaset::find(d, &sets).map(|rs| rs.metadata.uid.clone());
        let old: Vec<&ReplicaSet> = sets
            .iter()
            .filter(|rs| Some(&rs.metadata.uid) != existing.as_ref())
            .collect();
        if rolling::recreate_scale_down(w, d, &old) {
            let sets = claim_replicasets(w, d);
            status::update(w, d, &sets);
            return;
        }
    }
    let new = new_replicaset::find_or_create(w, d, &sets);
    let sets = claim_replicasets(w, d);
    let Some(new) = new.and_then(|k| w.store.replicaset(&k).cloned()) else {
        status::update(w, d, &sets);
        return;
    };
    let old: Vec<&ReplicaSet> = sets
        .iter()
        .filter(|rs| rs.metadata.uid != new.metadata.uid)
        .collect();
    if d.is_rolling_update() {
        rolling::rollout_rolling(w, d, &new, &old);
    } else {
        rolling::recreate_scale_up(w, d, &new);
    }
    let sets = claim_replicasets(w, d);
    cleanup(w, d, &sets, &new);
    let sets = claim_replicasets(w, d);
    status::update(w, d, &sets);
}

/// `cleanupDeployment`: old ReplicaSets with no replicas beyond `revisionHistoryLimit` are
/// deleted, oldest first.
fn cleanup(w: &mut World, d: &Deployment, sets: &[ReplicaSet], new: &ReplicaSet) {
    let limit = d.spec.revision_history_limit.unwrap_or(10).max(0) as usize;
    let idle: Vec<&ReplicaSet> = sets
        .iter()
        .filter(|rs| rs.metadata.uid != new.metadata.uid)
        .filter(|rs| rs.replicas() == 0 && rs.status.replicas == 0)
        .collect();
    if idle.len() <= limit {
        return;
    }
    for rs in &idle[..idle.len() - limit] {
        w.store.remove_replicaset(&ObjectKey::of(&rs.metadata));
    }
}

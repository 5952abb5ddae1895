//! The ReplicaSet controller (`pkg/controller/replicaset/replica_set.go`): each ReplicaSet keeps
//! `spec.replicas` active pods matching its selector. It adopts orphans that match and releases
//! pods that stop matching (`ClaimPods`), creates the missing pods from its template, deletes the
//! surplus in `getPodsToDelete` order, and writes its status (`calculateStatus`).
//!
//! Simplifications, named in the README: creates and deletes happen in one sync (no slow-start
//! batches, no expectations: the simulated API server answers at once).

use crate::api::{
    NORMAL, ObjectKey, ObjectMeta, ObjectMetaMore, OwnerReference, Pod, PodStatus, ReplicaSet,
    ReplicaSetStatus, Selector, Time, phase,
};
use crate::controller::claim::{Claim, decide};
use crate::state::World;
use crate::state::apiserver;
use crate::state::audit::{Request, users};
use crate::state::clock::Wake;
use crate::state::events::{Message, reference, source};
use crate::state::hash::FastHashMap as HashMap;
use crate::state::store::Change;
use std::cmp::Reverse;
use std::collections::BTreeSet;

const COMPONENT: &str = "replicaset-controller";

#[derive(Default)]
pub struct ReplicaSetController {
    queue: BTreeSet<ObjectKey>,
    /// ReplicaSet keys by UID, to find the owner of a changed pod.
    by_uid: HashMap<String, ObjectKey>,
}

impl ReplicaSetController {
    pub fn observe(&mut self, change: &Change, w: &World) {
        match change {
            Change::ReplicaSet(key) => {
                if let Some(rs) = w.store.replicaset(key) {
                    self.by_uid.insert(rs.metadata.uid.to_string(), key.clone());
                }
                self.queue.insert(key.clone());
            }
            Change::Pod { key, owners, .. } => {
                for uid in owners {
                    if let Some(k) = self.by_uid.get(uid) {
                        self.queue.insert(k.clone());
                    }
                }
                // An orphan (or a pod whose labels changed) may be adopted. A change that names
                // owners is of a pod that has a controller now, or that is gone.
                if !owners.is_empty() {
                    return;
                }
                let Some(pod) = w.store.pod(key) else { return };
                if pod.metadata.controller_ref().is_some() {
                    return;
                }
                for (k, rs) in w.store.replicasets() {
                    if k.namespace == key.namespace && selects(rs, &pod.metadata) {
                        self.queue.insert(k.clone());
                    }
                }
            }
            _ => {}
        }
    }

    /// `minReadySeconds` passed for a pod of this ReplicaSet.
    pub fn wake(&mut self, key: ObjectKey) {
        self.queue.insert(key);
    }

    pub fn process(&mut self, w: &mut World) -> bool {
        let queue = std::mem::take(&mut self.queue);
        for key in &queue {
            match w.store.replicaset(key).cloned() {
                Some(rs) => sync(w, &rs),
                None => {
                    self.by_uid.retain(|_, k| k != key);
                }
            }
        }
        !queue.is_empty()
    }
}

fn selector_of(rs: &ReplicaSet) -> Option<Selector> {
    rs.spec.selector.as_ref().and_then(|s| s.to_selector().ok())
}

fn selects(rs: &ReplicaSet, meta: &ObjectMeta) -> bool {
    // An empty selector selects nothing for a ReplicaSet's claim (validation forbids it anyway).
    selector_of(rs).is_some_and(|s| !s.is_everything() && s.matches(&meta.labels))
}

/// `IsPodActive`: not terminal and not being deleted.
fn is_active(p: &Pod) -> bool {
    !p.is_terminal() && !p.metadata.is_being_deleted()
}

/// `ClaimPods`: the pods this ReplicaSet controls after adopting matching orphans and
/// releasing owned pods that no longer match.
fn claim_pods(w: &mut World, rs: &ReplicaSet) -> Vec<ObjectKey> {
    let decisions: Vec<(ObjectKey, Claim)> = w
        .store
        .pods()
        .iter()
        .filter(|(k, _)| *k.namespace == *rs.metadata.namespace)
        .map(|(k, p)| {
            (
                k.clone(),
                decide(&rs.metadata, &p.metadata, selects(rs, &p.metadata)),
            )
        })
        .collect();
    let uid = &rs.metadata.uid;
    let mut claimed = Vec::new();
    for (key, claim) in decisions {
        match claim {
            Claim::Ours => claimed.push(key),
            Claim::Release => {
                w.store.update_pod(&key, |p| {
                    p.metadata.more.owner_references.retain(|r| &r.uid != uid)
                });
            }
            Claim::Adopt => {
                let owner = OwnerReference::controller_of("ReplicaSet", &rs.metadata);
                w.store
                    .update_pod(&key, |p| p.metadata.more.owner_references.push(owner));
                claimed.push(key);
            }
            Claim::NotOurs => {}
        }
    }
    claimed
}

fn sync(w: &mut World, rs: &ReplicaSet) {
    let claimed = claim_pods(w, rs);
    let active: Vec<ObjectKey> = claimed
        .iter()
        .filter(|k| w.store.pod(k).is_some_and(is_active))
        .cloned()
        .collect();
    if !rs.metadata.is_being_deleted() {
        manage_replicas(w, rs, &active);
    }
    update_status(w, rs);
}

/// `manageReplicas`: create the missing pods, delete the surplus.
fn manage_replicas(w: &mut World, rs: &ReplicaSet, active: &[ObjectKey]) {
    let diff = active.len() as i64 - rs.replicas();
    let now = w.clock.now();
    let rs_ref = || reference("ReplicaSet", "apps/v1", &rs.metadata);
    if diff < 0 {
        for _ in 0..(-diff) {
            let key = apiserver::create_pod(w, new_pod(rs), users::REPLICASET_CONTROLLER);
            let msg = Message::template("Created pod: {}", &[&key.name]);
            w.recorder.record(
                now,
                rs_ref(),
                NORMAL,
                "SuccessfulCreate",
                msg,
                source(COMPONENT, ""),
            );
        }
    } else if diff > 0 {
        for key in pods_to_delete(w, active, diff as usize) {
            if apiserver::delete_pod(w, &key, None, Request::delete(users::REPLICASET_CONTROLLER)) {
                let msg = Message::template("Deleted pod: {}", &[&key.name]);
                w.recorder.record(
                    now,
                    rs_ref(),
                    NORMAL,
                    "SuccessfulDelete",
                    msg,
                    source(COMPONENT, ""),
                );
            }
        }
    }
}

/// A pod's place in the deletion order (smaller goes first).
type Rank = (
    bool,
    u8,
    bool,
    Reverse<Option<Time>>,
    Reverse<i64>,
    Reverse<Option<Time>>,
);

/// `getPodsToDelete` with `ActivePods` ranking: unscheduled before scheduled, pending before
/// running, not ready before ready, recently ready before long ready, more restarts first,
/// newer before older.
fn pods_to_delete(w: &World, active: &[ObjectKey], n: usize) -> Vec<ObjectKey> {
    let mut ranked: Vec<(ObjectKey, Rank)> = active
        .iter()
        .filter_map(|k| {
            let p = w.store.pod(k)?;
            let phase_rank = match &*p.status.phase {
                phase::PENDING => 0,
                phase::RUNNING => 2,
                _ => 1,
            };
            let ready_since = p.condition("Ready").and_then(|c| c.last_transition_time);
            let restarts: i64 = p
                .status
                .container_statuses
                .iter()
                .map(|c| i64::from(c.restart_count))
                .sum();
            let rank = (
                !p.spec.node_name.is_empty(),
                phase_rank,
                p.is_ready(),
                Reverse(ready_since),
                Reverse(restarts),
                Reverse(p.metadata.creation_timestamp.get()),
            );
            Some((k.clone(), rank))
        })
        .collect();
    crate::sort::sort_by(&mut ranked, |a, b| {
        a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0))
    });
    ranked.into_iter().take(n).map(|(k, _)| k).collect()
}

/// The pod a ReplicaSet creates (`GetPodFromTemplate`).
fn new_pod(rs: &ReplicaSet) -> Pod {
    let template = &rs.spec.template;
    Pod {
        metadata: ObjectMeta {
            namespace: rs.metadata.namespace.clone(),
            labels: template.metadata.labels.clone(),
            annotations: template.metadata.annotations.clone(),
            more: ObjectMetaMore {
                generate_name: format!("{}-", rs.metadata.name),
                owner_references: vec![OwnerReference::controller_of("ReplicaSet", &rs.metadata)],
                finalizers: template.metadata.more.finalizers.clone(),
                ..Default::default()
            }
            .into(),
            ..Default::default()
        },
        spec: template.spec.clone(),
        status: PodStatus {
            phase: phase::PENDING.into(),
            ..Default::default()
        },
    }
}

/// `calculateStatus` and `updateReplicaSetStatus`; a wake when a ready pod becomes available
/// after `minReadySeconds`.
fn update_status(w: &mut World, rs: &ReplicaSet) {
    let now = w.clock.now();
    let template_labels = &rs.spec.template.metadata.labels;
    let mut status = ReplicaSetStatus {
        observed_generation: rs.metadata.more.generation,
        conditions: rs.status.conditions.clone(),
        ..Default::default()
    };
    let mut next_wake: Option<Time> = None;
    for p in w
        .store
        .pods_owned_by(&rs.metadata.uid.as_str())
        .filter(|p| is_active(p))
    {
        status.replicas += 1;
        if template_labels
            .iter()
            .all(|(k, v)| p.metadata.labels.get(k) == Some(v))
        {
            status.fully_labeled_replicas += 1;
        }
        if p.is_ready() {
            status.ready_replicas += 1;
            if p.is_available(rs.spec.min_ready_seconds, now) {
                status.available_replicas += 1;
            } else if let Some(at) = p.available_at(rs.spec.min_ready_seconds) {
                next_wake = Some(next_wake.map_or(at, |t| t.min(at)));
            }
        }
    }
    if let Some(at) = next_wake {
        w.clock
            .schedule(at, Wake::ReplicaSet(ObjectKey::of(&rs.metadata)));
    }
    let key = ObjectKey::of(&rs.metadata);
    w.store.update_replicaset(&key, |r| r.status = status);
}

//! How a Deployment moves pods from its old ReplicaSets to the new one
//! (`pkg/controller/deployment/rolling.go`, `recreate.go`): RollingUpdate scales the new one up
//! within `maxSurge` and the old ones down within `maxUnavailable`, unhealthy old pods first;
//! Recreate scales every old ReplicaSet to zero and waits for their pods to be gone.

use super::new_replicaset::COMPONENT;
use crate::api::{
    DESIRED_REPLICAS_ANNOTATION, Deployment, MAX_REPLICAS_ANNOTATION, NORMAL, ObjectKey, ReplicaSet,
};
use crate::state::World;
use crate::state::events::{reference, source};

/// `GetReplicaCountForReplicaSets`: the sum of `spec.replicas`.
fn replica_count(sets: &[&ReplicaSet]) -> i64 {
    sets.iter().map(|rs| rs.replicas()).sum()
}

/// `NewRSNewReplicas`: the new ReplicaSet's size within `maxSurge` (`others` are the other
/// ReplicaSets; `new` is `None` before it exists).
pub(super) fn new_rs_new_replicas(
    d: &Deployment,
    others: &[&ReplicaSet],
    new: Option<&ReplicaSet>,
) -> i64 {
    let new_replicas = new.map_or(0, ReplicaSet::replicas);
    if !d.is_rolling_update() {
        return d.replicas();
    }
    let current = replica_count(others) + new_replicas;
    let max_total = d.replicas() + d.max_surge();
    if current >= max_total {
        return new_replicas;
    }
    let scale_up = (max_total - current).min(d.replicas() - new_replicas);
    new_replicas + scale_up.max(0)
}

/// `scaleReplicaSetAndRecordEvent`: a new `spec.replicas` (and the replica annotations), with the
/// Deployment's `ScalingReplicaSet` event.
fn scale(w: &mut World, d: &Deployment, rs: &ReplicaSet, to: i64) {
    let from = rs.replicas();
    if from == to {
        return;
    }
    let key = ObjectKey::of(&rs.metadata);
    let max_replicas = (d.replicas() + d.max_surge()).to_string();
    w.store.update_replicaset(&key, |rs| {
        rs.spec.replicas = Some(to);
        rs.metadata.more.generation += 1;
        let a = &mut rs.metadata.annotations;
        a.insert(DESIRED_REPLICAS_ANNOTATION.into(), d.replicas().to_string());
        a.insert(MAX_REPLICAS_ANNOTATION.into(), max_replicas);
    });
    let direction = if to > from { "up" } else { "down" };
    w.recorder.record(
        w.clock.now(),
        reference("Deployment", "apps/v1", &d.metadata),
        NORMAL,
        "ScalingReplicaSet",
        format!(
            "Scaled {direction} replica set {} from {from} to {to}",
            rs.metadata.name
        ),
        source(COMPONENT, ""),
    );
}

fn reread(w: &World, rs: &ReplicaSet) -> Option<ReplicaSet> {
    w.store.replicaset(&ObjectKey::of(&rs.metadata)).cloned()
}

/// `rolloutRolling`: `reconcileNewReplicaSet`, then `reconcileOldReplicaSets`.
pub(super) fn rollout_rolling(
    w: &mut World,
    d: &Deployment,
    new: &ReplicaSet,
    old: &[&ReplicaSet],
) {
    let target = if new.replicas() >= d.replicas() {
        d.replicas()
    } else {
        new_rs_new_replicas(d, old, Some(new))
    };
    scale(w, d, new, target);
    let Some(new) = reread(w, new) else { return };
    let old: Vec<ReplicaSet> = old.iter().filter_map(|rs| reread(w, rs)).collect();
    reconcile_old(w, d, &new, &old);
}

/// `reconcileOldReplicaSets`.
fn reconcile_old(w: &mut World, d: &Deployment, new: &ReplicaSet, old: &[ReplicaSet]) {
    let old_refs: Vec<&ReplicaSet> = old.iter().collect();
    if replica_count(&old_refs) == 0 {
        return;
    }
    let all_pods = replica_count(&old_refs) + new.replicas();
    let min_available = d.replicas() - d.max_unavailable();
    let new_unavailable = new.replicas() - new.status.available_replicas;
    let max_scaled_down = all_pods - min_available - new_unavailable;
    if max_scaled_down <= 0 {
        return;
    }
    // cleanupUnhealthyReplicas: old pods that are not available go first.
    let mut cleaned = 0;
    for rs in old {
        if cleaned >= max_scaled_down {
            break;
        }
        let unhealthy = rs.replicas() - rs.status.available_replicas;
        if rs.replicas() == 0 || unhealthy <= 0 {
            continue;
        }
        let down = (max_scaled_down - cleaned).min(unhealthy);
        scale(w, d, rs, rs.replicas() - down);
        cleaned += down;
    }
    // scaleDownOldReplicaSetsForRollingUpdate: then available ones, down to minAvailable.
    let old: Vec<ReplicaSet> = old.iter().filter_map(|rs| reread(w, rs)).collect();
    let available: i64 = old
        .iter()
        .chain(std::iter::once(new))
        .map(|rs| rs.status.available_replicas)
        .sum();
    let total_down = available - min_available;
    let mut scaled = 0;
    for rs in &old {
        if scaled >= total_down {
            break;
        }
        if rs.replicas() == 0 {
            continue;
        }
        let down = rs.replicas().min(total_down - scaled);
        scale(w, d, rs, rs.replicas() - down);
        scaled += down;
    }
}

/// `rolloutRecreate`, before the new ReplicaSet: every old one scaled to zero. Returns whether
/// old pods are still there (`oldPodsRunning`), which holds the new ReplicaSet back.
pub(super) fn recreate_scale_down(w: &mut World, d: &Deployment, old: &[&ReplicaSet]) -> bool {
    for rs in old {
        scale(w, d, rs, 0);
    }
    old.iter().any(|rs| {
        w.store
            .pods_owned_by(&rs.metadata.uid.as_str())
            .any(|p| !p.is_terminal())
    })
}

/// `rolloutRecreate`, once the old pods are gone: the new ReplicaSet at full size.
pub(super) fn recreate_scale_up(w: &mut World, d: &Deployment, new: &ReplicaSet) {
    scale(w, d, new, d.replicas());
}

//! A Deployment's status (`syncRolloutStatus`, `calculateStatus`): counts summed over its
//! ReplicaSets, and the `Available` and `Progressing` conditions with their reasons and
//! messages.

use crate::api::{Deployment, DeploymentStatus, ObjectKey, ReplicaSet, Time, WorkloadCondition};
use crate::state::World;

/// `SetDeploymentCondition`: a condition keeps its transition time while its status holds.
fn set_condition(
    conditions: &mut Vec<WorkloadCondition>,
    type_: &str,
    status: &str,
    reason: &str,
    message: String,
    now: Time,
) {
    if let Some(c) = conditions.iter_mut().find(|c| c.type_ == type_) {
        if c.status == status && c.reason == reason {
            return;
        }
        let transition = if c.status == status {
            c.last_transition_time
        } else {
            Some(now)
        };
        *c = WorkloadCondition {
            type_: type_.into(),
            status: status.into(),
            last_update_time: Some(now),
            last_transition_time: transition,
            reason: reason.into(),
            message,
        };
        return;
    }
    conditions.push(WorkloadCondition {
        type_: type_.into(),
        status: status.into(),
        last_update_time: Some(now),
        last_transition_time: Some(now),
        reason: reason.into(),
        message,
    });
}

pub(super) fn update(w: &mut World, d: &Deployment, sets: &[ReplicaSet]) {
    let now = w.clock.now();
    let new = sets.iter().find(|rs| crate::api::is_new_replicaset(d, rs));
    let sum = |f: fn(&ReplicaSet) -> i64| sets.iter().map(f).sum::<i64>();
    let replicas = sum(|rs| rs.status.replicas);
    let available = sum(|rs| rs.status.available_replicas);
    let mut status = DeploymentStatus {
        observed_generation: d.metadata.more.generation,
        replicas,
        updated_replicas: new.map_or(0, |rs| rs.status.replicas),
        ready_replicas: sum(|rs| rs.status.ready_replicas),
        available_replicas: available,
        unavailable_replicas: (d.replicas() - available).max(0),
        conditions: d.status.conditions.clone(),
        collision_count: d.status.collision_count,
    };
    // The order kubectl shows: Available first, then Progressing.
    if available >= d.replicas() - d.max_unavailable() {
        set_condition(
            &mut status.conditions,
            "Available",
            "True",
            "MinimumReplicasAvailable",
            "Deployment has minimum availability.".into(),
            now,
        );
    } else {
        set_condition(
            &mut status.conditions,
            "Available",
            "False",
            "MinimumReplicasUnavailable",
            "Deployment does not have minimum availability.".into(),
            now,
        );
    }
    if let Some(new) = new {
        let complete = status.updated_replicas == d.replicas()
            && replicas == d.replicas()
            && available == d.replicas();
        let (reason, message) = if complete {
            (
                "NewReplicaSetAvailable",
                format!(
                    "ReplicaSet \"{}\" has successfully progressed.",
                    new.metadata.name
                ),
            )
        } else {
            (
                "ReplicaSetUpdated",
                format!("ReplicaSet \"{}\" is progressing.", new.metadata.name),
            )
        };
        set_condition(
            &mut status.conditions,
            "Progressing",
            "True",
            reason,
            message,
            now,
        );
    }
    let key = ObjectKey::of(&d.metadata);
    w.store.update_deployment(&key, |d| d.status = status);
}

//! `apps/v1` DaemonSet, Deployment, ReplicaSet and ControllerRevision.

use super::{Encode, Object, Out};
use crate::api::{
    ControllerRevision, DaemonSet, DaemonSetSpec, DaemonSetStatus, DaemonSetUpdateStrategy,
    Deployment, DeploymentSpec, DeploymentStatus, DeploymentStrategy, ReplicaSet, ReplicaSetSpec,
    ReplicaSetStatus, RollingUpdateDaemonSet, RollingUpdateDeployment, WorkloadCondition,
};

impl Encode for DaemonSet {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("apiVersion", &self.api_version);
        o.field("kind", &self.kind);
        o.field("metadata", &self.metadata);
        o.field("spec", &self.spec);
        o.field("status", &self.status);
        o.end();
    }
}

impl Encode for DaemonSetSpec {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("selector", &self.selector);
        o.field("template", &self.template);
        o.field("updateStrategy", &self.update_strategy);
        o.unless_empty("minReadySeconds", &self.min_ready_seconds);
        o.unless_empty("revisionHistoryLimit", &self.revision_history_limit);
        o.extra(&self.extra);
        o.end();
    }
}

impl Encode for DaemonSetUpdateStrategy {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("type", &self.type_);
        o.unless_empty("rollingUpdate", &self.rolling_update);
        o.end();
    }
}

impl Encode for RollingUpdateDaemonSet {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("maxUnavailable", &self.max_unavailable);
        o.unless_empty("maxSurge", &self.max_surge);
        o.end();
    }
}

impl Encode for DaemonSetStatus {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("currentNumberScheduled", &self.current_number_scheduled);
        o.field("numberMisscheduled", &self.number_misscheduled);
        o.field("desiredNumberScheduled", &self.desired_number_scheduled);
        o.field("numberReady", &self.number_ready);
        o.unless_empty("observedGeneration", &self.observed_generation);
        o.unless_empty("updatedNumberScheduled", &self.updated_number_scheduled);
        o.unless_empty("numberAvailable", &self.number_available);
        o.unless_empty("numberUnavailable", &self.number_unavailable);
        o.unless_empty("collisionCount", &self.collision_count);
        o.unless_empty("conditions", &self.conditions);
        o.end();
    }
}

impl Encode for Deployment {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("apiVersion", &self.api_version);
        o.field("kind", &self.kind);
        o.field("metadata", &self.metadata);
        o.field("spec", &self.spec);
        o.field("status", &self.status);
        o.end();
    }
}

impl Encode for DeploymentSpec {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("replicas", &self.replicas);
        o.unless_empty("selector", &self.selector);
        o.field("template", &self.template);
        o.field("strategy", &self.strategy);
        o.unless_empty("minReadySeconds", &self.min_ready_seconds);
        o.unless_empty("revisionHistoryLimit", &self.revision_history_limit);
        o.unless_empty("paused", &self.paused);
        o.unless_empty("progressDeadlineSeconds", &self.progress_deadline_seconds);
        o.extra(&self.extra);
        o.end();
    }
}

impl Encode for DeploymentStrategy {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("type", &self.type_);
        o.unless_empty("rollingUpdate", &self.rolling_update);
        o.end();
    }
}

impl Encode for RollingUpdateDeployment {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("maxUnavailable", &self.max_unavailable);
        o.unless_empty("maxSurge", &self.max_surge);
        o.end();
    }
}

impl Encode for DeploymentStatus {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("observedGeneration", &self.observed_generation);
        o.unless_empty("replicas", &self.replicas);
        o.unless_empty("updatedReplicas", &self.updated_replicas);
        o.unless_empty("readyReplicas", &self.ready_replicas);
        o.unless_empty("availableReplicas", &self.available_replicas);
        o.unless_empty("unavailableReplicas", &self.unavailable_replicas);
        o.unless_empty("conditions", &self.conditions);
        o.unless_empty("collisionCount", &self.collision_count);
        o.end();
    }
}

impl Encode for WorkloadCondition {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("type", &self.type_);
        o.field("status", &self.status);
        o.unless_empty("lastUpdateTime", &self.last_update_time);
        o.unless_empty("lastTransitionTime", &self.last_transition_time);
        o.unless_empty("reason", &self.reason);
        o.unless_empty("message", &self.message);
        o.end();
    }
}

impl Encode for ReplicaSet {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("apiVersion", &self.api_version);
        o.field("kind", &self.kind);
        o.field("metadata", &self.metadata);
        o.field("spec", &self.spec);
        o.field("status", &self.status);
        o.end();
    }
}

impl Encode for ReplicaSetSpec {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("replicas", &self.replicas);
        o.unless_empty("minReadySeconds", &self.min_ready_seconds);
        o.unless_empty("selector", &self.selector);
        o.field("template", &self.template);
        o.extra(&self.extra);
        o.end();
    }
}

impl Encode for ReplicaSetStatus {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("replicas", &self.replicas);
        o.unless_empty("fullyLabeledReplicas", &self.fully_labeled_replicas);
        o.unless_empty("readyReplicas", &self.ready_replicas);
        o.unless_empty("availableReplicas", &self.available_replicas);
        o.unless_empty("observedGeneration", &self.observed_generation);
        o.unless_empty("conditions", &self.conditions);
        o.end();
    }
}

impl Encode for ControllerRevision {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("apiVersion", &self.api_version);
        o.field("kind", &self.kind);
        o.field("metadata", &self.metadata);
        o.field("data", &self.data);
        o.field("revision", &self.revision);
        o.end();
    }
}

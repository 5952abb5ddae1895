//! `apps/v1` DaemonSet, Deployment and ReplicaSet.

use super::{Decode, Fields};
use crate::api::{
    DaemonSet, DaemonSetSpec, DaemonSetStatus, DaemonSetUpdateStrategy, Deployment, DeploymentSpec,
    DeploymentStatus, DeploymentStrategy, ReplicaSet, ReplicaSetSpec, ReplicaSetStatus,
    RollingUpdateDaemonSet, RollingUpdateDeployment, WorkloadCondition,
};
use serde_json::Value;

impl Decode for DaemonSet {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "DaemonSet")?;
        Ok(DaemonSet {
            api_version: f.get("apiVersion")?,
            kind: f.get("kind")?,
            metadata: f.get("metadata")?,
            spec: f.get("spec")?,
            status: f.get("status")?,
        })
    }
}

impl Decode for DaemonSetSpec {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "DaemonSetSpec")?;
        Ok(DaemonSetSpec {
            selector: f.get("selector")?,
            template: f.get("template")?,
            update_strategy: f.get("updateStrategy")?,
            min_ready_seconds: f.get("minReadySeconds")?,
            revision_history_limit: f.get("revisionHistoryLimit")?,
            extra: f.rest(),
        })
    }
}

impl Decode for DaemonSetUpdateStrategy {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "DaemonSetUpdateStrategy")?;
        Ok(DaemonSetUpdateStrategy {
            type_: f.get("type")?,
            rolling_update: f.get("rollingUpdate")?,
        })
    }
}

impl Decode for RollingUpdateDaemonSet {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "RollingUpdateDaemonSet")?;
        Ok(RollingUpdateDaemonSet {
            max_unavailable: f.get("maxUnavailable")?,
            max_surge: f.get("maxSurge")?,
        })
    }
}

impl Decode for DaemonSetStatus {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "DaemonSetStatus")?;
        Ok(DaemonSetStatus {
            current_number_scheduled: f.get("currentNumberScheduled")?,
            number_misscheduled: f.get("numberMisscheduled")?,
            desired_number_scheduled: f.get("desiredNumberScheduled")?,
            number_ready: f.get("numberReady")?,
            observed_generation: f.get("observedGeneration")?,
            updated_number_scheduled: f.get("updatedNumberScheduled")?,
            number_available: f.get("numberAvailable")?,
            number_unavailable: f.get("numberUnavailable")?,
            collision_count: f.get("collisionCount")?,
            conditions: f.get("conditions")?,
        })
    }
}

impl Decode for Deployment {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "Deployment")?;
        Ok(Deployment {
            api_version: f.get("apiVersion")?,
            kind: f.get("kind")?,
            metadata: f.get("metadata")?,
            spec: f.get("spec")?,
            status: f.get("status")?,
        })
    }
}

impl Decode for DeploymentSpec {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "DeploymentSpec")?;
        Ok(DeploymentSpec {
            replicas: f.get("replicas")?,
            selector: f.get("selector")?,
            template: f.get("template")?,
            strategy: f.get("strategy")?,
            min_ready_seconds: f.get("minReadySeconds")?,
            revision_history_limit: f.get("revisionHistoryLimit")?,
            paused: f.get("paused")?,
            progress_deadline_seconds: f.get("progressDeadlineSeconds")?,
            extra: f.rest(),
        })
    }
}

impl Decode for DeploymentStrategy {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "DeploymentStrategy")?;
        Ok(DeploymentStrategy {
            type_: f.get("type")?,
            rolling_update: f.get("rollingUpdate")?,
        })
    }
}

impl Decode for RollingUpdateDeployment {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "RollingUpdateDeployment")?;
        Ok(RollingUpdateDeployment {
            max_unavailable: f.get("maxUnavailable")?,
            max_surge: f.get("maxSurge")?,
        })
    }
}

impl Decode for DeploymentStatus {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "DeploymentStatus")?;
        Ok(DeploymentStatus {
            observed_generation: f.get("observedGeneration")?,
            replicas: f.get("replicas")?,
            updated_replicas: f.get("updatedReplicas")?,
            ready_replicas: f.get("readyReplicas")?,
            available_replicas: f.get("availableReplicas")?,
            unavailable_replicas: f.get("unavailableReplicas")?,
            conditions: f.get("conditions")?,
            collision_count: f.get("collisionCount")?,
        })
    }
}

impl Decode for WorkloadCondition {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "WorkloadCondition")?;
        Ok(WorkloadCondition {
            type_: f.required("type")?,
            status: f.required("status")?,
            last_update_time: f.get("lastUpdateTime")?,
            last_transition_time: f.get("lastTransitionTime")?,
            reason: f.get("reason")?,
            message: f.get("message")?,
        })
    }
}

impl Decode for ReplicaSet {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "ReplicaSet")?;
        Ok(ReplicaSet {
            api_version: f.get("apiVersion")?,
            kind: f.get("kind")?,
            metadata: f.get("metadata")?,
            spec: f.get("spec")?,
            status: f.get("status")?,
        })
    }
}

impl Decode for ReplicaSetSpec {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "ReplicaSetSpec")?;
        Ok(ReplicaSetSpec {
            replicas: f.get("replicas")?,
            min_ready_seconds: f.get("minReadySeconds")?,
            selector: f.get("selector")?,
            template: f.get("template")?,
            extra: f.rest(),
        })
    }
}

impl Decode for ReplicaSetStatus {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "ReplicaSetStatus")?;
        Ok(ReplicaSetStatus {
            replicas: f.get("replicas")?,
            fully_labeled_replicas: f.get("fullyLabeledReplicas")?,
            ready_replicas: f.get("readyReplicas")?,
            available_replicas: f.get("availableReplicas")?,
            observed_generation: f.get("observedGeneration")?,
            conditions: f.get("conditions")?,
        })
    }
}

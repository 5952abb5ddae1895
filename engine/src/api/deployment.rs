//! `apps/v1` Deployment and ReplicaSet, as far as the playground runs them: replicas, selector,
//! template, the Deployment's strategy and the status the controllers write.

use super::{Extra, IntOrString, LabelSelector, ObjectMeta, PodTemplateSpec, Time};

/// `deployment.kubernetes.io/revision`, on a Deployment and its ReplicaSets.
pub const REVISION_ANNOTATION: &str = "deployment.kubernetes.io/revision";
/// `deployment.kubernetes.io/desired-replicas`, on a Deployment's ReplicaSets.
pub const DESIRED_REPLICAS_ANNOTATION: &str = "deployment.kubernetes.io/desired-replicas";
/// `deployment.kubernetes.io/max-replicas` (desired plus maxSurge).
pub const MAX_REPLICAS_ANNOTATION: &str = "deployment.kubernetes.io/max-replicas";
/// The label that tells a Deployment's ReplicaSets (and their pods) apart.
pub const POD_TEMPLATE_HASH: &str = "pod-template-hash";
pub const RECREATE: &str = "Recreate";

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct Deployment {
    #[cfg_attr(test, serde(default))]
    pub api_version: String,
    #[cfg_attr(test, serde(default))]
    pub kind: String,
    #[cfg_attr(test, serde(default))]
    pub metadata: ObjectMeta,
    #[cfg_attr(test, serde(default))]
    pub spec: DeploymentSpec,
    #[cfg_attr(test, serde(default))]
    pub status: DeploymentStatus,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct DeploymentSpec {
    /// Defaulted to 1 by the API server.
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub replicas: Option<i64>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub selector: Option<LabelSelector>,
    #[cfg_attr(test, serde(default))]
    pub template: PodTemplateSpec,
    #[cfg_attr(test, serde(default))]
    pub strategy: DeploymentStrategy,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub min_ready_seconds: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub revision_history_limit: Option<i64>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "super::is_false"))]
    pub paused: bool,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub progress_deadline_seconds: Option<i64>,
    #[cfg_attr(test, serde(flatten))]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct DeploymentStrategy {
    #[cfg_attr(
        test,
        serde(default, rename = "type", skip_serializing_if = "String::is_empty")
    )]
    pub type_: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub rolling_update: Option<RollingUpdateDeployment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct RollingUpdateDeployment {
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub max_unavailable: Option<IntOrString>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub max_surge: Option<IntOrString>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct DeploymentStatus {
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub observed_generation: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub replicas: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub updated_replicas: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub ready_replicas: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub available_replicas: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub unavailable_replicas: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub conditions: Vec<WorkloadCondition>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub collision_count: Option<i32>,
}

/// `DeploymentCondition` (with `lastUpdateTime`) and `ReplicaSetCondition` (without).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct WorkloadCondition {
    #[cfg_attr(test, serde(rename = "type"))]
    pub type_: String,
    pub status: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub last_update_time: Option<Time>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub last_transition_time: Option<Time>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub reason: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ReplicaSet {
    #[cfg_attr(test, serde(default))]
    pub api_version: String,
    #[cfg_attr(test, serde(default))]
    pub kind: String,
    #[cfg_attr(test, serde(default))]
    pub metadata: ObjectMeta,
    #[cfg_attr(test, serde(default))]
    pub spec: ReplicaSetSpec,
    #[cfg_attr(test, serde(default))]
    pub status: ReplicaSetStatus,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ReplicaSetSpec {
    /// Defaulted to 1 by the API server.
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub replicas: Option<i64>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub min_ready_seconds: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub selector: Option<LabelSelector>,
    #[cfg_attr(test, serde(default))]
    pub template: PodTemplateSpec,
    #[cfg_attr(test, serde(flatten))]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ReplicaSetStatus {
    /// Always written, also when 0 (`replicas` has no omitempty).
    #[cfg_attr(test, serde(default))]
    pub replicas: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub fully_labeled_replicas: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub ready_replicas: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub available_replicas: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_zero"))]
    pub observed_generation: i64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub conditions: Vec<WorkloadCondition>,
}

#[cfg(test)]
fn is_zero(n: &i64) -> bool {
    *n == 0
}

impl Deployment {
    pub fn name(&self) -> &str {
        &self.metadata.name
    }

    /// `spec.replicas` (the API server defaults it to 1).
    pub fn replicas(&self) -> i64 {
        self.spec.replicas.unwrap_or(1)
    }

    pub fn is_rolling_update(&self) -> bool {
        self.spec.strategy.type_ == super::ROLLING_UPDATE
    }

    /// `ResolveFenceposts`: maxSurge scaled against the replicas rounding up, maxUnavailable
    /// rounding down; both zero makes maxUnavailable 1. (0, 0) unless RollingUpdate.
    pub fn fenceposts(&self) -> (i64, i64) {
        let ru = match &self.spec.strategy.rolling_update {
            Some(ru) if self.is_rolling_update() => ru,
            _ => return (0, 0),
        };
        let desired = self.replicas();
        let scale = |v: &Option<IntOrString>, up: bool| {
            v.as_ref()
                .and_then(|v| v.scaled_value(desired, up).ok())
                .unwrap_or(0)
        };
        let surge = scale(&ru.max_surge, true);
        let unavailable = scale(&ru.max_unavailable, false);
        if surge == 0 && unavailable == 0 {
            return (0, 1);
        }
        (surge, unavailable)
    }

    /// `MaxSurge`.
    pub fn max_surge(&self) -> i64 {
        self.fenceposts().0
    }

    /// `MaxUnavailable`: at most the replicas.
    pub fn max_unavailable(&self) -> i64 {
        let (_, unavailable) = self.fenceposts();
        if self.is_rolling_update() {
            unavailable.min(self.replicas())
        } else {
            0
        }
    }

    /// The revision annotation as a number (0 when absent).
    pub fn revision(&self) -> i64 {
        revision_of(&self.metadata)
    }
}

impl ReplicaSet {
    pub fn name(&self) -> &str {
        &self.metadata.name
    }

    /// `spec.replicas` (the API server defaults it to 1).
    pub fn replicas(&self) -> i64 {
        self.spec.replicas.unwrap_or(1)
    }

    /// The revision annotation as a number (0 when absent).
    pub fn revision(&self) -> i64 {
        revision_of(&self.metadata)
    }
}

fn revision_of(meta: &ObjectMeta) -> i64 {
    meta.annotations
        .get(REVISION_ANNOTATION)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// `EqualIgnoreHash`: two pod templates are the same but for the `pod-template-hash` label
/// (how the Deployment controller finds the ReplicaSet of its current template).
pub fn equal_ignore_hash(a: &super::PodTemplateSpec, b: &super::PodTemplateSpec) -> bool {
    let strip = |t: &super::PodTemplateSpec| {
        let mut t = t.clone();
        t.metadata.labels.remove(POD_TEMPLATE_HASH);
        t
    };
    strip(a) == strip(b)
}

/// Whether `rs` holds the Deployment's current template (the "new" ReplicaSet).
pub fn is_new_replicaset(d: &Deployment, rs: &ReplicaSet) -> bool {
    equal_ignore_hash(&d.spec.template, &rs.spec.template)
}

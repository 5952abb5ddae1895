//! What the API server does to a DaemonSet, Deployment, ReplicaSet or Node before storing it (spec §2): defaulting
//! (§2.1, C71) and validation (§2.3, V1–V21, C67–C69), with Kubernetes' exact messages.
//!
//! Every problem is collected, as the API server does, and returned as one
//! [`ApiError::Invalid`] whose causes are `(field, message)` pairs in the order Kubernetes finds
//! them, duplicates removed (as kubectl removes them). Nothing here panics, whatever the input.
//!
//! Sources: `pkg/apis/apps/validation/validation.go`, `pkg/apis/core/validation/validation.go`,
//! `pkg/registry/apps/daemonset/strategy.go` (kubernetes/kubernetes), and `k8s.io/apimachinery`
//! at kubernetes-1.36.3 (`util/validation`, `api/validate/content`, `util/validation/field`).

mod daemonset;
mod defaults;
mod deployment;
mod field_error;
mod meta;
mod node;
mod pod_template;
mod seen;
mod tolerations;

#[cfg(test)]
mod tests;

use crate::api::ApiError;
use crate::api::{DaemonSet, Deployment, Node, ReplicaSet};
use field_error::Errors;

/// `SetDefaults_DaemonSet` (type `RollingUpdate`, `maxUnavailable: 1`, `maxSurge: 0`,
/// `revisionHistoryLimit: 10`; `OnDelete` gets no `rollingUpdate`) and the pod-template
/// defaults (restart policy, DNS policy, grace period, scheduler, security context; per
/// container pull policy, termination message path and policy, port protocol).
pub fn set_defaults_daemonset(ds: &mut DaemonSet) {
    defaults::set_defaults_daemonset(ds);
}

/// `ValidateDaemonSet`: metadata and spec (V1–V19, toleration and pod-template rules).
pub fn validate_daemonset(ds: &DaemonSet) -> Result<(), ApiError> {
    into_result(
        "DaemonSet",
        &ds.metadata.name,
        daemonset::daemonset_errors(ds),
    )
}

/// The registry strategy's `ValidateUpdate` for apps/v1: [`validate_daemonset`]'s rules on the
/// new object, then `spec.selector` immutable (V21), all in one error as the API server
/// reports them together.
pub fn validate_daemonset_update(new: &DaemonSet, old: &DaemonSet) -> Result<(), ApiError> {
    let mut errs = daemonset::daemonset_errors(new);
    errs.extend(daemonset::daemonset_update_errors(new, old));
    into_result("DaemonSet", &new.metadata.name, errs)
}

/// `ValidateDaemonSetStatusUpdate` (V22, C70): status counters non-negative, `collisionCount`
/// not decremented. (The metadata-update checks are not repeated here.)
pub fn validate_daemonset_status_update(new: &DaemonSet, old: &DaemonSet) -> Result<(), ApiError> {
    into_result(
        "DaemonSet",
        &new.metadata.name,
        daemonset::daemonset_status_update_errors(new, old),
    )
}

/// `SetDefaults_Deployment` (`replicas: 1`, type `RollingUpdate` with 25% `maxUnavailable`
/// and `maxSurge`, `revisionHistoryLimit: 10`, `progressDeadlineSeconds: 600`) and the
/// pod-template defaults.
pub fn set_defaults_deployment(d: &mut Deployment) {
    defaults::set_defaults_deployment(d);
}

/// `SetDefaults_ReplicaSet` (`replicas: 1`) and the pod-template defaults.
pub fn set_defaults_replicaset(rs: &mut ReplicaSet) {
    defaults::set_defaults_replicaset(rs);
}

/// `ValidateDeployment`; with `old`, the update's rules too (`spec.selector` immutable).
pub fn validate_deployment(d: &Deployment, old: Option<&Deployment>) -> Result<(), ApiError> {
    let mut errs = deployment::deployment_errors(d);
    if let Some(old) = old {
        errs.extend(deployment::selector_update_errors(
            d.spec.selector.as_ref(),
            old.spec.selector.as_ref(),
        ));
    }
    into_result("Deployment", &d.metadata.name, errs)
}

/// `ValidateReplicaSet`; with `old`, the update's rules too (`spec.selector` immutable).
pub fn validate_replicaset(rs: &ReplicaSet, old: Option<&ReplicaSet>) -> Result<(), ApiError> {
    let mut errs = deployment::replicaset_errors(rs);
    if let Some(old) = old {
        errs.extend(deployment::selector_update_errors(
            rs.spec.selector.as_ref(),
            old.spec.selector.as_ref(),
        ));
    }
    into_result("ReplicaSet", &rs.metadata.name, errs)
}

/// `ValidateNode`: name, labels, annotations, taints (keys, values, effects, no two with the
/// same key and effect).
pub fn validate_node(node: &Node) -> Result<(), ApiError> {
    into_result("Node", &node.metadata.name, node::node_errors(node))
}

fn into_result(kind: &str, name: &str, errs: Errors) -> Result<(), ApiError> {
    if errs.is_empty() {
        return Ok(());
    }
    let mut seen = seen::Seen::default();
    let causes = errs
        .into_iter()
        .filter(|e| seen.insert(&seen::pair(&e.field, &e.message)))
        .map(|e| (e.field, e.message))
        .collect();
    Err(ApiError::Invalid {
        kind: kind.into(),
        name: name.into(),
        causes,
    })
}

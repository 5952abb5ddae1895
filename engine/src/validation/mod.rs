//! What the API server does to a DaemonSet or Node before storing it (spec §2): defaulting
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
mod field_error;
mod meta;
mod node;
mod pod_template;
mod tolerations;

#[cfg(test)]
mod tests;

use crate::api::ApiError;
use crate::api::{DaemonSet, Node};
use field_error::Errors;
use std::collections::BTreeSet;

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

/// `ValidateNode`: name, labels, annotations, taints (keys, values, effects, no two with the
/// same key and effect).
pub fn validate_node(node: &Node) -> Result<(), ApiError> {
    into_result("Node", &node.metadata.name, node::node_errors(node))
}

fn into_result(kind: &str, name: &str, errs: Errors) -> Result<(), ApiError> {
    if errs.is_empty() {
        return Ok(());
    }
    let mut seen = BTreeSet::new();
    let causes = errs
        .into_iter()
        .filter(|e| seen.insert((e.field.clone(), e.message.clone())))
        .map(|e| (e.field, e.message))
        .collect();
    Err(ApiError::Invalid {
        kind: kind.into(),
        name: name.into(),
        causes,
    })
}

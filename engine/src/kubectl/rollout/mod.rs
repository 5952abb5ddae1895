//! `kubectl rollout status|history|undo|restart ds/NAME` (kubectl `pkg/cmd/rollout/*.go` and
//! `pkg/polymorphichelpers`, tag kubernetes-1.36.3). One file per subcommand; here what they
//! share: fetching the DaemonSet as the resource builder does (a missing one is the API server's
//! NotFound), its ControllerRevisions as kubectl lists them, and the name printer's line.

pub(super) mod history;
pub(super) mod restart;
pub(super) mod status;
pub(super) mod undo;

#[cfg(test)]
mod tests;

use super::{KError, kind_string, resource_string};
use crate::api::{ControllerRevision, DaemonSet, ObjectKey};
use crate::cluster::{ApiError, Cluster};
use crate::script::ResourceKind;

/// The builder's GET (`Latest()`): the DaemonSet, or `daemonsets.apps "x" not found`.
pub(super) fn get_daemonset(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
) -> Result<DaemonSet, KError> {
    cluster
        .store()
        .daemonset(&ObjectKey::new(namespace, name))
        .cloned()
        .ok_or_else(|| {
            KError::api(ApiError::not_found(
                &resource_string(ResourceKind::DaemonSet),
                name,
            ))
        })
}

/// `daemonSetHistory`: the revisions in the DaemonSet's namespace that its selector selects and
/// that it controls, in no particular order.
pub(super) fn daemonset_history(cluster: &Cluster, ds: &DaemonSet) -> Vec<ControllerRevision> {
    let selector = ds.spec.selector.as_ref().and_then(|s| s.to_selector().ok());
    let Some(selector) = selector else {
        return Vec::new();
    };
    cluster
        .store()
        .revisions()
        .values()
        .filter(|r| r.metadata.namespace == ds.metadata.namespace)
        .filter(|r| selector.matches(&r.metadata.labels))
        .filter(|r| {
            r.metadata
                .controller_ref()
                .is_some_and(|o| o.uid == ds.metadata.uid)
        })
        .cloned()
        .collect()
}

/// The name printer with an operation: `daemonset.apps/NAME <operation>`.
pub(super) fn name_line(name: &str, operation: &str) -> String {
    format!(
        "{}/{name} {operation}",
        kind_string(ResourceKind::DaemonSet)
    )
}

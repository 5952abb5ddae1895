//! `kubectl rollout status|history|undo|restart ds/NAME` (kubectl `pkg/cmd/rollout/*.go` and
//! `pkg/polymorphichelpers`, tag kubernetes-1.36.3). One file per subcommand (its options and run), their reading in
//! `parse.rs`; here what they share: fetching the DaemonSet as the resource builder does (a missing one is the API server's
//! NotFound), its ControllerRevisions as kubectl lists them, and the name printer's line.

pub mod history;
mod parse;
pub mod restart;
pub mod status;
pub mod undo;
pub(super) use parse::parse;

#[cfg(test)]
mod tests;

use super::resource::{ResourceKind, kind_string, resource_string};
use super::{Context, KError, Out};
use crate::api::ApiError;
use crate::api::{ControllerRevision, DaemonSet, ObjectKey};
use crate::cluster::Cluster;

/// A `kubectl rollout` subcommand, with its options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rollout {
    /// `kubectl rollout status ds/NAME`.
    Status(status::StatusOptions),
    /// `kubectl rollout history ds/NAME [--revision=N]`.
    History(history::HistoryOptions),
    /// `kubectl rollout undo ds/NAME [--to-revision=N]`.
    Undo(undo::UndoOptions),
    /// `kubectl rollout restart ds/NAME`.
    Restart(restart::RestartOptions),
}

pub(super) fn run(ctx: &mut Context<'_>, r: &Rollout, out: &mut Out) {
    match r {
        Rollout::Status(o) => status::run(ctx, o, out),
        Rollout::History(o) => history::run(ctx, o, out),
        Rollout::Undo(o) => undo::run(ctx, o, out),
        Rollout::Restart(o) => restart::run(ctx, o, out),
    }
}

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

//! `kubectl rollout restart ds/NAME` (`defaultObjectRestarter`, `rollout_restart.go`): sets the
//! pod template annotation `kubectl.kubernetes.io/restartedAt` to the current time, RFC 3339 at
//! whole seconds (here the virtual clock, in UTC), a template change that rolls every pod.
//! Twice within the same second the patch is empty and kubectl refuses.

use super::{get_daemonset, name_line};
use crate::kubectl::cmdutil::namespace_of;
use crate::kubectl::{Context, KError, NamespaceScope, Out};

/// The options of `kubectl rollout restart` (kubectl's `RestartOptions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestartOptions {
    /// The DaemonSet.
    pub name: String,
    /// `-n`.
    pub namespace: NamespaceScope,
}

pub(crate) const RESTARTED_AT: &str = "kubectl.kubernetes.io/restartedAt";

pub(super) fn run(ctx: &mut Context<'_>, o: &RestartOptions, out: &mut Out) {
    let (namespace, name) = (namespace_of(&o.namespace), o.name.as_str());
    let namespace = namespace.as_str();
    let ds = match get_daemonset(ctx.cluster, namespace, name) {
        Ok(ds) => ds,
        Err(e) => return out.error(e),
    };
    let stamp = ctx.cluster.now().to_string();
    if ds.spec.template.metadata.annotations.get(RESTARTED_AT) == Some(&stamp) {
        return out.error(KError::plain(format!(
            "failed to create patch for {name}: if restart has already been triggered within the past second, please wait before attempting to trigger another"
        )));
    }
    let result = ctx.cluster.update_daemonset(namespace, name, |d| {
        d.spec
            .template
            .metadata
            .annotations
            .insert(RESTARTED_AT.into(), stamp);
    });
    match result {
        Ok(_) => out.line(name_line(name, "restarted")),
        Err(e) => out.error(KError::plain(format!(
            "failed to patch: {}",
            super::super::status_of(&e).1
        ))),
    }
}

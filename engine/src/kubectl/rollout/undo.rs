//! `kubectl rollout undo ds/NAME [--to-revision=N]` (`DaemonSetRollbacker.Rollback`,
//! `rollout_undo.go`): the revision's template is patched back into the DaemonSet through the
//! API server (a template change like any other: generation and templateGeneration go up). The
//! controller then finds the revision already holding that template and only bumps its number
//! (spec §9), so pods still running that template are not restarted.

use super::{daemonset_history, get_daemonset, name_line};
use crate::api::ControllerRevision;
use crate::controller::daemonset::history::{patch_of, template_of};
use crate::kubectl::apply::last_applied;
use crate::kubectl::cmdutil::namespace_of;
use crate::kubectl::{Context, KError, NamespaceScope, Out};

/// The options of `kubectl rollout undo` (kubectl's `UndoOptions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndoOptions {
    /// The DaemonSet.
    pub name: String,
    /// `--to-revision`; `None` when absent or 0 (the previous revision).
    pub to_revision: Option<i64>,
    /// `-n`.
    pub namespace: NamespaceScope,
}

/// kubectl 1.36's warning for an object that `kubectl apply` manages (to standard error).
fn apply_managed_warning(name: &str) -> String {
    format!(
        "Warning: resource daemonsets/{name} was previously managed with 'kubectl apply'. Rolling back will not update the {} annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.",
        last_applied::KEY
    )
}

fn not_found(r: i64) -> String {
    format!("unable to find specified revision {r} in history")
}

/// `findHistory`: the given revision, or for 0 the one before the newest.
fn find_history(to_revision: i64, mut all: Vec<ControllerRevision>) -> Option<ControllerRevision> {
    if to_revision == 0 {
        if all.len() <= 1 {
            return None;
        }
        crate::sort::sort_by_key(&mut all, |h| h.revision);
        let i = all.len() - 2;
        return Some(all.swap_remove(i));
    }
    all.into_iter().find(|h| h.revision == to_revision)
}

pub(super) fn run(ctx: &mut Context<'_>, o: &UndoOptions, out: &mut Out) {
    let (namespace, name, to_revision) =
        (namespace_of(&o.namespace), o.name.as_str(), o.to_revision);
    let namespace = namespace.as_str();
    let ds = match get_daemonset(ctx.cluster, namespace, name) {
        Ok(ds) => ds,
        Err(e) => return out.error(e),
    };
    if ds.metadata.annotations.contains_key(last_applied::KEY) {
        out.line(apply_managed_warning(name));
    }
    let to_revision = to_revision.unwrap_or(0);
    if to_revision < 0 {
        return out.error(KError::plain(not_found(to_revision)));
    }
    let history = daemonset_history(ctx.cluster, &ds);
    if to_revision == 0 && history.len() <= 1 {
        return out.error(KError::plain("no last revision to roll back to"));
    }
    let Some(to) = find_history(to_revision, history) else {
        return out.error(KError::plain(not_found(to_revision)));
    };
    if patch_of(&ds) == to.data {
        out.line(name_line(
            name,
            &format!("skipped rollback (current template already matches revision {to_revision})"),
        ));
        return;
    }
    let Some(template) = template_of(&to) else {
        return out.error(KError::plain(format!(
            "failed restoring revision {to_revision}: unable to parse history {}",
            to.metadata.name
        )));
    };
    match ctx
        .cluster
        .update_daemonset(namespace, name, |d| d.spec.template = template)
    {
        Ok(_) => out.line(name_line(name, "rolled back")),
        Err(e) => out.error(KError::plain(format!(
            "failed restoring revision {to_revision}: {}",
            super::super::status_of(&e).1
        ))),
    }
}

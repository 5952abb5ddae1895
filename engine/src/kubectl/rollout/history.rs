//! `kubectl rollout history ds/NAME [--revision=N]` (`DaemonSetHistoryViewer.ViewHistory`,
//! `printHistory`, `rollout_history.go`).
//!
//! kubectl prints through the name printer with the operation `"<with revision #N>\n<view>"`,
//! so the first line is `daemonset.apps/NAME ` (a trailing blank) or
//! `daemonset.apps/NAME with revision #N`, and the view ends with an empty line after the
//! table's own newline.

use super::{daemonset_history, get_daemonset, name_line};
use crate::api::ControllerRevision;
use crate::controller::daemonset::history::template_of;
use crate::kubectl::cmdutil::namespace_of;
use crate::kubectl::print::describe::Writer;
use crate::kubectl::print::pod_template::{Source, describe_template};
use crate::kubectl::{Context, KError, NamespaceScope, Out};

/// The options of `kubectl rollout history` (kubectl's `RolloutHistoryOptions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryOptions {
    /// The DaemonSet.
    pub name: String,
    /// `--revision`; `None` when absent or 0 (list all revisions).
    pub revision: Option<i64>,
    /// `-n`.
    pub namespace: NamespaceScope,
}

/// The `kubernetes.io/change-cause` annotation (set by the removed `--record` flag or by hand).
const CHANGE_CAUSE: &str = "kubernetes.io/change-cause";

pub(super) fn run(ctx: &mut Context<'_>, o: &HistoryOptions, out: &mut Out) {
    let (namespace, name, revision) = (namespace_of(&o.namespace), o.name.as_str(), o.revision);
    let namespace = namespace.as_str();
    let ds = match get_daemonset(ctx.cluster, namespace, name) {
        Ok(ds) => ds,
        Err(e) => return out.error(e),
    };
    // In order of revision (a sorted Vec: a map's tree code was compiled for this alone).
    // Revisions overlapping in number: the last listed wins, as in kubectl's map.
    let mut by_revision = daemonset_history(ctx.cluster, &ds);
    crate::sort::sort_by_key(&mut by_revision, |r| r.revision);
    by_revision.dedup_by(|later, kept| {
        let same = later.revision == kept.revision;
        if same {
            std::mem::swap(later, kept);
        }
        same
    });
    let view = match view(&by_revision, revision) {
        Ok(v) => v,
        Err(e) => return out.error(KError::plain(e)),
    };
    let with_revision = revision
        .map(|r| format!("with revision #{r}"))
        .unwrap_or_default();
    out.line(name_line(
        &ds.metadata.name,
        &format!("{with_revision}\n{view}"),
    ));
}

/// `printHistory`: the table of revisions, or the pod template of one.
fn view(by_revision: &[ControllerRevision], revision: Option<i64>) -> Result<String, String> {
    if by_revision.is_empty() {
        return Ok("No rollout history found.".into());
    }
    if let Some(r) = revision {
        let rev = by_revision
            .binary_search_by_key(&r, |rev| rev.revision)
            .map(|at| &by_revision[at])
            .map_err(|_| "unable to find the specified revision")?;
        let template = template_of(rev)
            .ok_or_else(|| format!("unable to parse history {}", rev.metadata.name))?;
        let mut w = Writer::plain();
        describe_template(&mut w, &template, Source::Revision);
        return Ok(w.finish());
    }
    let rows: Vec<(String, String)> = by_revision
        .iter()
        .map(|rev| {
            let cause = rev
                .metadata
                .annotations
                .get(CHANGE_CAUSE)
                .filter(|c| !c.is_empty())
                .cloned()
                .unwrap_or_else(|| "<none>".into());
            (rev.revision.to_string(), cause)
        })
        .collect();
    // tabwriter with padding 2: the REVISION column is as wide as its widest cell plus two.
    let width = rows
        .iter()
        .map(|(r, _)| r.len())
        .chain(["REVISION".len()])
        .max()
        .unwrap_or(0)
        + 2;
    let mut table = format!("{:<width$}CHANGE-CAUSE\n", "REVISION");
    for (r, cause) in rows {
        table.push_str(&format!("{r:<width$}{cause}\n"));
    }
    Ok(table)
}

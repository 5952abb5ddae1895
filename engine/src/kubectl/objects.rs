//! The objects a command that edits objects one by one (`label`, `taint`) addresses: names, or a
//! label selector (`-l`; `--all` is the empty selector), and how kubectl's resource builder
//! visits them with `ContinueOnError`: every object found is visited in the API server's list
//! order, names not found become NotFound errors printed after the successes.

use super::get::{list, not_found};
use super::resource::ResourceKind;
use super::{KError, NamespaceScope};
use crate::api::Selector;
use crate::cluster::Cluster;

/// What the arguments name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Objects {
    /// `KIND NAME…` or `KIND/NAME…`, at least one name.
    Named(Vec<String>),
    /// `-l SELECTOR` (the raw text, parsed by the engine), or `--all` (empty).
    Selector(String),
}

/// The (namespace, name) pairs to visit and the errors of the names not found.
pub(crate) type Visit = (Vec<(String, String)>, Vec<KError>);

/// The objects to visit, as (namespace, name) in visiting order, and the errors for those not
/// found; an unparseable selector is the command's only error.
pub(crate) fn visit_list(
    cluster: &Cluster,
    kind: ResourceKind,
    objects: &Objects,
    scope: &NamespaceScope,
) -> Result<Visit, KError> {
    let namespace = scope.namespace().unwrap_or("default");
    match objects {
        Objects::Named(names) => {
            let mut found = Vec::new();
            let mut missing = Vec::new();
            for name in names {
                match super::get::find(cluster, kind, namespace, name) {
                    Some(o) => found.push((o.meta().namespace.to_string(), name.clone())),
                    None => missing.push(not_found(kind, name)),
                }
            }
            Ok((found, missing))
        }
        Objects::Selector(text) => {
            let selector = Selector::parse(text).map_err(KError::plain)?;
            let in_scope = if kind.is_namespaced() {
                scope.namespace()
            } else {
                None
            };
            let found = list(cluster, kind, in_scope)
                .into_iter()
                .filter(|o| selector.matches(&o.meta().labels))
                .map(|o| (o.meta().namespace.to_string(), o.meta().name.to_string()))
                .collect();
            Ok((found, Vec::new()))
        }
    }
}

/// Prints the errors of the visited objects as kubectl's `CheckErr` prints the aggregate of
/// `ContinueOnError`: one failed object prints its own errors (one per line); several print
/// one line each, an object's several errors as Go prints their aggregate (`[a, b]`).
pub(crate) fn report(out: &mut super::Out, mut failed: Vec<Vec<KError>>) {
    failed.retain(|errs| !errs.is_empty());
    if failed.len() == 1 {
        out.errors(failed.remove(0));
        return;
    }
    let lines = failed
        .into_iter()
        .map(|mut errs| {
            if errs.len() == 1 {
                errs.remove(0)
            } else {
                let texts: Vec<String> = errs.iter().map(KError::in_list).collect();
                KError::plain(format!("[{}]", texts.join(", ")))
            }
        })
        .collect();
    out.errors(lines);
}

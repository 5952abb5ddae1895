//! `kubectl describe ds|deploy|rs|pod|node` (kubectl `pkg/cmd/describe/describe.go` `Run` and
//! `DescribeMatchingResources`; the describers of `pkg/describe/describe.go`).
//!
//! Each describer writes lines with tabs, as kubectl's `PrefixWriter` does, and the text is laid
//! out by a port of Go's tabwriter (`print::tabwriter`) as `tabbedString` does. The
//! command itself: several objects are separated by two blank lines; events are shown only when exactly
//! one object is described; a single name that is not found describes every object whose name
//! starts with it (each followed by a blank line, without events).

mod daemonset;
mod deployment;
mod events;
mod node;
mod parse;
mod pod;
pub(super) use parse::parse;

use super::get::{Obj, list, not_found, resolve};
use super::resource::ResourceKind;
use super::{Context, KError, NamespaceScope, Out};
use crate::api::Selector;
use crate::cluster::Cluster;

/// The options of `kubectl describe` (kubectl's `DescribeOptions`). With names, kubectl
/// describes each object, or, when a name is not found, every object whose name starts with it;
/// without names, every object of the kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescribeOptions {
    /// The kind.
    pub kind: ResourceKind,
    /// The names or name prefixes (empty: all).
    pub names: Vec<String>,
    /// The raw `-l` text (parsed by the engine), without names.
    pub selector: Option<String>,
    /// `-n` / `-A`.
    pub namespace: NamespaceScope,
}

/// One object's description, with or without its events.
fn describe_one(cluster: &Cluster, obj: Obj<'_>, show_events: bool) -> String {
    match obj {
        Obj::DaemonSet(ds) => daemonset::describe(cluster, ds, show_events),
        Obj::Pod(p) => pod::describe(cluster, p, show_events),
        Obj::Node(n) => node::describe(cluster, n, show_events),
        Obj::Deployment(d) => deployment::describe_deployment(cluster, d, show_events),
        Obj::ReplicaSet(rs) => deployment::describe_replicaset(cluster, rs, show_events),
        // kubectl's generic describer is not modelled; the scenario language names only these.
        Obj::Revision(_) | Obj::Event(_) => String::new(),
    }
}

pub(super) fn run(ctx: &mut Context<'_>, a: &DescribeOptions, out: &mut Out) {
    if matches!(
        a.kind,
        ResourceKind::ControllerRevision | ResourceKind::Event
    ) {
        out.error(KError::plain(format!(
            "describing {} is not simulated: the scenario language describes ds, deploy, rs, pods and nodes",
            a.kind.resource()
        )));
        return;
    }
    let cluster: &Cluster = ctx.cluster;
    let all_namespaces = matches!(a.namespace, NamespaceScope::All);
    let namespace = a.namespace.namespace().unwrap_or("default").to_string();

    let selector = match a.selector.as_deref().map(Selector::parse) {
        None => Selector::everything(),
        Some(Ok(s)) => s,
        Some(Err(e)) => {
            out.error(KError::plain(e));
            return;
        }
    };
    let (mut found, missing) = resolve(cluster, a.kind, &a.names, &a.namespace);
    found.retain(|o| selector.matches(&o.meta().labels));
    let errors: Vec<KError> = missing.into_iter().map(|n| not_found(a.kind, n)).collect();

    if let ([prefix], [_]) = (a.names.as_slice(), errors.as_slice()) {
        describe_matching(cluster, a, &namespace, prefix, errors, out);
        return;
    }

    let show_events = errors.is_empty() && found.len() == 1;
    for (i, obj) in found.iter().enumerate() {
        if i > 0 {
            out.push("\n\n");
        }
        out.push(&describe_one(cluster, *obj, show_events));
    }
    if found.is_empty() && errors.is_empty() {
        if all_namespaces {
            out.line("No resources found");
        } else {
            out.line(format!("No resources found in {namespace} namespace."));
        }
    }
    out.errors(errors);
}

/// `DescribeMatchingResources`: every object whose name starts with `prefix`, or the original
/// NotFound error.
fn describe_matching(
    cluster: &Cluster,
    a: &DescribeOptions,
    namespace: &str,
    prefix: &str,
    original: Vec<KError>,
    out: &mut Out,
) {
    let ns = a.kind.is_namespaced().then_some(namespace);
    let matching: Vec<Obj<'_>> = list(cluster, a.kind, ns)
        .into_iter()
        .filter(|o| o.meta().name.starts_with(prefix))
        .collect();
    if matching.is_empty() {
        out.errors(original);
        return;
    }
    for obj in matching {
        out.push(&describe_one(cluster, obj, false));
        out.push("\n");
    }
}

#[cfg(test)]
mod tests;

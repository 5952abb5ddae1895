//! `kubectl delete` (kubectl `pkg/cmd/delete/delete.go`): by name, by selector (`-l`, `--all`)
//! or by manifest (`-f`). Success lines are kubectl 1.34+'s: `daemonset.apps "x" deleted from
//! default namespace`, `node "x" deleted`, `pod "x" force deleted from default namespace` with
//! `--force --grace-period=0`. NotFound errors print after the successes.

mod parse;
pub(super) use parse::parse;

use super::apply::{Sourced, read_manifests};
use super::cmdutil::namespace_of;
use super::get::{Obj, list};
use super::resource::{ResourceKind, kind_string};
use super::{Context, KError, NamespaceScope, Out};
use crate::api::ApiError;
use crate::api::Selector;
use crate::cluster::Cascade;
use crate::manifest::Object;

/// The options of `kubectl delete` (kubectl's `DeleteOptions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteOptions {
    /// What to delete.
    pub what: DeleteWhat,
    /// `--cascade`.
    pub cascade: Cascade,
    /// The grace period kubectl sends, after kubectl's own adjustments (`--grace-period=0`
    /// without `--force` becomes 1, `--force` alone becomes 0, `--now` is 1); `None` when
    /// the object's own `terminationGracePeriodSeconds` applies.
    pub grace_period: Option<i64>,
    /// `--force`.
    pub force: bool,
    /// `--ignore-not-found` (true by default with `--all` or `-l`, as in kubectl).
    pub ignore_not_found: bool,
    /// `-n` / `-A`.
    pub namespace: NamespaceScope,
}

/// What `kubectl delete` deletes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteWhat {
    /// Named objects of one kind (`delete ds a b`, `delete ds/a ds/b`).
    Objects {
        /// The kind.
        kind: ResourceKind,
        /// The names, in order, at least one.
        names: Vec<String>,
    },
    /// Every object of a kind matching a label selector (`delete pods -l app=x`), or every
    /// object of the kind (`delete pods --all`, `selector: None`).
    Selector {
        /// The kind.
        kind: ResourceKind,
        /// The raw `-l` text (parsed by the engine); `None` for `--all`.
        selector: Option<String>,
    },
    /// The objects of manifest files (`delete -f FILE`, `-` for standard input).
    Files(Vec<String>),
}

/// The success line (`PrintObj` of the delete command).
fn deleted_line(kind: ResourceKind, name: &str, namespace: &str, force: bool) -> String {
    let mut op = if force {
        "force deleted".to_string()
    } else {
        "deleted".to_string()
    };
    if kind.is_namespaced() {
        op = format!("{op} from {namespace} namespace");
    }
    format!("{} \"{name}\" {op}", kind_string(kind))
}

/// Deletes one object (controller revisions and events are left to the controllers).
fn delete_one(
    ctx: &mut Context<'_>,
    a: &DeleteOptions,
    kind: ResourceKind,
    namespace: &str,
    name: &str,
) -> Result<(), KError> {
    let cluster = &mut *ctx.cluster;
    let result = match kind {
        ResourceKind::DaemonSet => cluster.delete_daemonset(namespace, name, a.cascade),
        ResourceKind::Deployment => cluster.delete_deployment(namespace, name, a.cascade),
        ResourceKind::ReplicaSet => cluster.delete_replicaset(namespace, name, a.cascade),
        ResourceKind::Node => cluster.delete_node(name),
        ResourceKind::Pod => cluster.delete_pod(namespace, name, a.grace_period, a.force, false),
        ResourceKind::ControllerRevision | ResourceKind::Event => {
            return Err(KError::plain(format!(
                "deleting {} is not simulated: the controllers manage them",
                kind.resource()
            )));
        }
    };
    result.map_err(KError::api)
}

fn is_not_found(e: &KError) -> bool {
    matches!(
        e,
        KError::Api {
            err: ApiError::NotFound { .. },
            ..
        }
    )
}

pub(super) fn run(ctx: &mut Context<'_>, a: &DeleteOptions, out: &mut Out) {
    let force = a.grace_period == Some(0);
    let mut errors = Vec::new();
    match &a.what {
        DeleteWhat::Objects { kind, names } => {
            let namespace = namespace_of(&a.namespace);
            for name in names {
                match delete_one(ctx, a, *kind, &namespace, name) {
                    Ok(()) => out.line(deleted_line(*kind, name, &namespace, force)),
                    Err(e) if a.ignore_not_found && is_not_found(&e) => {}
                    Err(e) => errors.push(e),
                }
            }
        }
        DeleteWhat::Selector { kind, selector } => {
            let selector = match selector.as_deref().map(Selector::parse) {
                None => Selector::everything(),
                Some(Ok(s)) => s,
                Some(Err(e)) => {
                    out.error(KError::plain(e));
                    return;
                }
            };
            let ns = match &a.namespace {
                NamespaceScope::All => None,
                scope => Some(namespace_of(scope)),
            };
            let scope_ns = if kind.is_namespaced() {
                ns.as_deref()
            } else {
                None
            };
            let targets: Vec<(String, String)> = list(ctx.cluster, *kind, scope_ns)
                .into_iter()
                .filter(|o: &Obj<'_>| selector.matches(&o.meta().labels))
                .map(|o| (o.meta().namespace.to_string(), o.meta().name.to_string()))
                .collect();
            if targets.is_empty() {
                out.line("No resources found");
                return;
            }
            for (namespace, name) in targets {
                match delete_one(ctx, a, *kind, &namespace, &name) {
                    Ok(()) => out.line(deleted_line(*kind, &name, &namespace, force)),
                    Err(e) if a.ignore_not_found && is_not_found(&e) => {}
                    Err(e) => errors.push(e),
                }
            }
        }
        DeleteWhat::Files(files) => {
            let validation = crate::manifest::FieldValidation::Ignore;
            let Some(objects) = read_manifests(ctx, files, &a.namespace, validation, &mut errors)
            else {
                out.errors(errors);
                return;
            };
            if objects.is_empty() && errors.is_empty() {
                out.line("No resources found");
                return;
            }
            for Sourced { source, object, .. } in objects {
                let Ok(object) = object else { continue };
                let kind = match &object {
                    Object::DaemonSet(_) => ResourceKind::DaemonSet,
                    Object::Deployment(_) => ResourceKind::Deployment,
                    Object::ReplicaSet(_) => ResourceKind::ReplicaSet,
                    Object::Node(_) => ResourceKind::Node,
                };
                let namespace = object.namespace().to_string();
                let name = object.name().to_string();
                match delete_one(ctx, a, kind, &namespace, &name) {
                    Ok(()) => out.line(deleted_line(kind, &name, &namespace, force)),
                    Err(e) if a.ignore_not_found && is_not_found(&e) => {}
                    Err(KError::Api { err, .. }) => {
                        errors.push(KError::api_from(err, "deleting", &source))
                    }
                    Err(e) => errors.push(e),
                }
            }
        }
    }
    out.errors(errors);
}

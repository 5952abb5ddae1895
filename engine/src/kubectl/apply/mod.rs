//! `kubectl apply -f` and `kubectl create -f` (kubectl `pkg/cmd/apply/apply.go`,
//! `pkg/cmd/create/create.go`), and reading `-f` manifests as cli-runtime's resource builder
//! does (also used by `delete -f`):
//!
//! - a path that cannot be read fails the whole command before anything is applied;
//! - every file is decoded ([`crate::manifest::decode_stream`]); kind-mapping errors and the error
//!   that ends a stream are collected, the objects read so far still count;
//! - each object gets its namespace (`-n`, else the manifest's, else `default`; a manifest
//!   namespace that contradicts `-n` is kubectl's error);
//! - objects are applied in order, printing `daemonset.apps/NAME created|configured|unchanged`;
//!   the errors print after them, as kubectl aggregates them.

pub(crate) mod last_applied;
mod parse;
pub(crate) mod patcher;
pub(super) use parse::parse;

use super::{Context, FileError, KError, NamespaceScope, Out, quote};
use crate::api::ApiError;
use crate::manifest::{self, ManifestError, Object};
use patcher::{Applied, apply_daemonset, apply_node};

/// The options of `kubectl apply -f` and of `kubectl create -f` (kubectl's `ApplyOptions` and
/// `CreateOptions`, of which the simulator reads the same two flags).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyOptions {
    /// The `-f` values in order (`-` means standard input; paths are relative to the
    /// scenario's folder).
    pub files: Vec<String>,
    /// `-n`.
    pub namespace: NamespaceScope,
}

/// Which of the two commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verb {
    Apply,
    Create,
}

/// An object read from a manifest, with its source (`ds.yaml`, `STDIN`), or the API server's
/// decoding error for it (reported when the object is sent).
pub(in crate::kubectl) struct Sourced {
    pub source: String,
    pub object: Result<Object, ManifestError>,
}

/// Reads the manifests of `-f`: the objects in order, and the errors kubectl's builder reports.
/// `None` when a path cannot be read (the whole command fails with that error).
pub(in crate::kubectl) fn read_manifests(
    ctx: &Context<'_>,
    files: &[String],
    namespace: &NamespaceScope,
    errors: &mut Vec<KError>,
) -> Option<Vec<Sourced>> {
    let mut texts: Vec<(String, String)> = Vec::new();
    for path in files {
        if path == "-" {
            texts.push(("STDIN".into(), ctx.stdin.unwrap_or("").to_string()));
            continue;
        }
        let Some(fs) = ctx.files else {
            errors.push(KError::plain(format!(
                "cannot read {}: there are no files here; give the manifest on standard input with \"-f -\" and a here-document",
                quote(path)
            )));
            return None;
        };
        match fs.read(path) {
            Ok(text) => texts.push((path.clone(), text)),
            Err(FileError::NotFound) => {
                errors.push(KError::plain(format!(
                    "the path {} does not exist",
                    quote(path)
                )));
                return None;
            }
            Err(FileError::Other(reason)) => {
                errors.push(KError::plain(format!(
                    "error reading {}: {reason}",
                    quote(path)
                )));
                return None;
            }
        }
    }
    let mut objects = Vec::new();
    for (source, text) in texts {
        let decoded = manifest::decode_stream(&text);
        for item in decoded.items {
            match item {
                Ok(mut object) => match set_namespace(&mut object, namespace) {
                    Ok(()) => objects.push(Sourced {
                        source: source.clone(),
                        object: Ok(object),
                    }),
                    Err(e) => errors.push(e),
                },
                Err(e) if e.is_server_error() => objects.push(Sourced {
                    source: source.clone(),
                    object: Err(e),
                }),
                Err(e) => errors.push(KError::plain(e.message(&source))),
            }
        }
        if let Some(e) = decoded.stop {
            errors.push(KError::plain(e.message(&source)));
        }
    }
    Some(objects)
}

/// The builder's namespace handling: `-n` wins but must agree with the manifest; cluster-scoped
/// objects have none.
fn set_namespace(object: &mut Object, scope: &NamespaceScope) -> Result<(), KError> {
    match object {
        Object::Node(n) => {
            n.metadata.namespace.clear();
            Ok(())
        }
        Object::DaemonSet(ds) => {
            let written = ds.metadata.namespace.clone();
            match scope {
                NamespaceScope::Named(ns) => {
                    if !written.is_empty() && &written != ns {
                        return Err(KError::plain(format!(
                            "the namespace from the provided object {} does not match the namespace {}. You must pass '--namespace={written}' to perform this operation.",
                            quote(&written),
                            quote(ns)
                        )));
                    }
                    ds.metadata.namespace = ns.clone();
                }
                NamespaceScope::Default | NamespaceScope::All => {
                    if written.is_empty() {
                        ds.metadata.namespace = "default".into();
                    }
                }
            }
            Ok(())
        }
    }
}

/// kubectl's error for `apply` of an object without a name (the GET of the current object).
fn unnamed_error(object: &Object, source: &str) -> KError {
    let (resource, gvk, namespace) = match object {
        Object::DaemonSet(ds) => (
            "apps/v1, Resource=daemonsets",
            "apps/v1, Kind=DaemonSet",
            ds.metadata.namespace.as_str(),
        ),
        Object::Node(_) => ("/v1, Resource=nodes", "/v1, Kind=Node", ""),
    };
    KError::plain(format!(
        "error when retrieving current configuration of:\nResource: {}, GroupVersionKind: {}\nName: \"\", Namespace: {}\nfrom server for: {}: resource name may not be empty",
        quote(resource),
        quote(gvk),
        quote(namespace),
        quote(source)
    ))
}

pub(super) fn run(ctx: &mut Context<'_>, o: &ApplyOptions, verb: Verb, out: &mut Out) {
    let mut errors = Vec::new();
    let Some(objects) = read_manifests(ctx, &o.files, &o.namespace, &mut errors) else {
        out.errors(errors);
        return;
    };
    if objects.is_empty() && errors.is_empty() {
        let v = if verb == Verb::Apply {
            "apply"
        } else {
            "create"
        };
        out.error(KError::plain(format!("no objects passed to {v}")));
        return;
    }
    for Sourced { source, object } in objects {
        let object = match object {
            Ok(o) => o,
            Err(e) => {
                errors.push(KError::api_from(
                    ApiError::BadRequest(e.message(&source)),
                    "creating",
                    &source,
                ));
                continue;
            }
        };
        if verb == Verb::Apply && object.name().is_empty() {
            errors.push(unnamed_error(&object, &source));
            continue;
        }
        let (prefix, name) = match &object {
            Object::DaemonSet(ds) => ("daemonset.apps", ds.metadata.name.clone()),
            Object::Node(n) => ("node", n.metadata.name.clone()),
        };
        let result: Result<Applied, ApiError> = match (verb, object) {
            (Verb::Apply, Object::DaemonSet(ds)) => apply_daemonset(ctx.cluster, ds),
            (Verb::Apply, Object::Node(n)) => apply_node(ctx.cluster, n),
            (Verb::Create, Object::DaemonSet(ds)) => {
                ctx.cluster.create_daemonset(ds).map(|()| Applied::Created)
            }
            (Verb::Create, Object::Node(n)) => {
                ctx.cluster.create_node(n).map(|()| Applied::Created)
            }
        };
        match result {
            Ok(applied) => out.line(format!("{prefix}/{name} {}", applied.as_str())),
            Err(e) => errors.push(KError::api_from(e, "creating", &source)),
        }
    }
    out.errors(errors);
}

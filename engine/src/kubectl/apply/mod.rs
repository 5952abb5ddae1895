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
use crate::manifest::{self, FieldValidation, ManifestError, Object};
use patcher::{Applied, apply_daemonset, apply_deployment, apply_node, apply_replicaset};
use std::borrow::Cow;

/// The options of `kubectl apply -f` and of `kubectl create -f` (kubectl's `ApplyOptions` and
/// `CreateOptions`, of which the simulator reads the same two flags).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyOptions {
    /// The `-f` values in order (`-` means standard input; paths are relative to the
    /// scenario's folder).
    pub files: Vec<String>,
    /// `-n`.
    pub namespace: NamespaceScope,
    /// `--validate`: what the API server does with unknown fields.
    pub validation: FieldValidation,
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
    /// The API server's warnings for this object (unknown fields under `--validate=warn`).
    pub warnings: Vec<String>,
}

/// Reads the manifests of `-f`: the objects in order, and the errors kubectl's builder reports.
/// `None` when a path cannot be read (the whole command fails with that error).
pub(in crate::kubectl) fn read_manifests(
    ctx: &Context<'_>,
    files: &[String],
    namespace: &NamespaceScope,
    validation: FieldValidation,
    errors: &mut Vec<KError>,
) -> Option<Vec<Sourced>> {
    let texts = read_texts(ctx, files, errors)?;
    let mut objects = Vec::new();
    decode_texts(&texts, namespace, validation, errors, &mut |o| {
        objects.push(o)
    });
    Some(objects)
}

/// The texts of `-f`, each with its source name: standard input borrowed, files read. `None` when
/// a path cannot be read (the error is in `errors`).
fn read_texts<'a>(
    ctx: &Context<'a>,
    files: &[String],
    errors: &mut Vec<KError>,
) -> Option<Vec<(String, Cow<'a, str>)>> {
    let stdin: Option<&'a str> = ctx.stdin;
    let mut texts = Vec::new();
    for path in files {
        if path == "-" {
            texts.push(("STDIN".into(), Cow::Borrowed(stdin.unwrap_or(""))));
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
            Ok(text) => texts.push((path.clone(), Cow::Owned(text))),
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
    Some(texts)
}

/// Decodes `texts` in order, giving each object to `each` as soon as it is read (so that apply
/// holds one decoded object at a time, not all of them); the builder's errors go to `errors`.
fn decode_texts(
    texts: &[(String, Cow<'_, str>)],
    namespace: &NamespaceScope,
    validation: FieldValidation,
    errors: &mut Vec<KError>,
    each: &mut dyn FnMut(Sourced),
) {
    for (source, text) in texts {
        let stop = manifest::decode_each(text, validation, &mut |item, warnings| match item {
            Ok(mut object) => match set_namespace(&mut object, namespace) {
                Ok(()) => each(Sourced {
                    source: source.clone(),
                    object: Ok(object),
                    warnings,
                }),
                Err(e) => errors.push(e),
            },
            Err(e) if e.is_server_error() => each(Sourced {
                source: source.clone(),
                object: Err(e),
                warnings,
            }),
            Err(e) => errors.push(KError::plain(e.message(source))),
        });
        if let Some(e) = stop {
            errors.push(KError::plain(e.message(source)));
        }
    }
}

/// The builder's namespace handling: `-n` wins but must agree with the manifest; cluster-scoped
/// objects have none.
fn set_namespace(object: &mut Object, scope: &NamespaceScope) -> Result<(), KError> {
    if let Object::Node(n) = object {
        n.metadata.namespace = Default::default();
        return Ok(());
    }
    let meta = object.meta_mut();
    let written = meta.namespace.clone();
    match scope {
        NamespaceScope::Named(ns) => {
            if !written.is_empty() && &written != ns {
                return Err(KError::plain(format!(
                    "the namespace from the provided object {} does not match the namespace {}. You must pass '--namespace={written}' to perform this operation.",
                    quote(&written),
                    quote(ns)
                )));
            }
            meta.namespace = ns.as_str().into();
        }
        NamespaceScope::Default | NamespaceScope::All => {
            if written.is_empty() {
                meta.namespace = "default".into();
            }
        }
    }
    Ok(())
}

/// kubectl's error for `apply` of an object without a name (the GET of the current object).
fn unnamed_error(object: &Object, source: &str) -> KError {
    let (resource, gvk) = match object {
        Object::DaemonSet(_) => ("apps/v1, Resource=daemonsets", "apps/v1, Kind=DaemonSet"),
        Object::Deployment(_) => ("apps/v1, Resource=deployments", "apps/v1, Kind=Deployment"),
        Object::ReplicaSet(_) => ("apps/v1, Resource=replicasets", "apps/v1, Kind=ReplicaSet"),
        Object::Node(_) => ("/v1, Resource=nodes", "/v1, Kind=Node"),
    };
    let namespace = object.namespace();
    KError::plain(format!(
        "error when retrieving current configuration of:\nResource: {}, GroupVersionKind: {}\nName: \"\", Namespace: {}\nfrom server for: {}: resource name may not be empty",
        quote(resource),
        quote(gvk),
        quote(namespace),
        quote(source)
    ))
}

/// Reads every object, then applies them in order, as kubectl does (its builder's errors print
/// first, then those of the API server). Each object is applied as soon as it is decoded: what
/// kubectl prints is the same, and a manifest of 10,000 objects is never held decoded at once.
pub(super) fn run(ctx: &mut Context<'_>, o: &ApplyOptions, verb: Verb, out: &mut Out) {
    let mut errors = Vec::new();
    let Some(texts) = read_texts(ctx, &o.files, &mut errors) else {
        out.errors(errors);
        return;
    };
    let mut sent = 0usize;
    let mut server_errors = Vec::new();
    decode_texts(
        &texts,
        &o.namespace,
        o.validation,
        &mut errors,
        &mut |object| {
            sent += 1;
            send(ctx, verb, object, out, &mut server_errors);
        },
    );
    if sent == 0 && errors.is_empty() {
        let v = if verb == Verb::Apply {
            "apply"
        } else {
            "create"
        };
        out.error(KError::plain(format!("no objects passed to {v}")));
        return;
    }
    errors.extend(server_errors);
    out.errors(errors);
}

/// Applies (or creates) one object read from a manifest: its line, or its error in `errors`.
fn send(
    ctx: &mut Context<'_>,
    verb: Verb,
    sourced: Sourced,
    out: &mut Out,
    errors: &mut Vec<KError>,
) {
    let Sourced {
        source,
        object,
        warnings,
    } = sourced;
    for w in warnings {
        out.line(format!("Warning: {w}"));
    }
    let object = match object {
        Ok(o) => o,
        Err(e) => {
            errors.push(KError::api_from(
                ApiError::BadRequest(e.message(&source)),
                "creating",
                &source,
            ));
            return;
        }
    };
    if verb == Verb::Apply && object.name().is_empty() {
        errors.push(unnamed_error(&object, &source));
        return;
    }
    let prefix = match &object {
        Object::DaemonSet(_) => "daemonset.apps",
        Object::Deployment(_) => "deployment.apps",
        Object::ReplicaSet(_) => "replicaset.apps",
        Object::Node(_) => "node",
    };
    let name = object.name().to_string();
    let cluster = &mut *ctx.cluster;
    let result: Result<Applied, ApiError> = match (verb, object) {
        (Verb::Apply, Object::DaemonSet(ds)) => apply_daemonset(cluster, ds),
        (Verb::Apply, Object::Deployment(d)) => apply_deployment(cluster, d),
        (Verb::Apply, Object::ReplicaSet(rs)) => apply_replicaset(cluster, rs),
        (Verb::Apply, Object::Node(n)) => apply_node(cluster, n),
        // No annotation to record: the manifest's forms of quantities go at once.
        (Verb::Create, Object::DaemonSet(mut ds)) => {
            last_applied::forget_written_template(&mut ds.spec.template);
            cluster.create_daemonset(ds).map(created)
        }
        (Verb::Create, Object::Deployment(mut d)) => {
            last_applied::forget_written_template(&mut d.spec.template);
            cluster.create_deployment(d).map(created)
        }
        (Verb::Create, Object::ReplicaSet(mut rs)) => {
            last_applied::forget_written_template(&mut rs.spec.template);
            cluster.create_replicaset(rs).map(created)
        }
        (Verb::Create, Object::Node(mut n)) => {
            last_applied::forget_written_node(&mut n);
            cluster.create_node(n).map(created)
        }
    };
    match result {
        Ok(applied) => out.line(format!("{prefix}/{name} {}", applied.as_str())),
        Err(e) => errors.push(KError::api_from(e, "creating", &source)),
    }
}

fn created(_: ()) -> Applied {
    Applied::Created
}

#[cfg(test)]
mod tests {
    use crate::runner::Session;

    /// kubectl reads every object before it sends any, so the builder's errors (a YAML error
    /// that ends the stream) print before the API server's, though objects are now sent as they
    /// are read.
    #[test]
    fn builder_errors_print_before_the_api_servers() {
        let mut s = Session::new();
        let stdin = "apiVersion: v1\nkind: Node\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: a}\n---\na: b: c\n";
        let out = s.execute("kubectl create -f -", Some(stdin));
        assert!(out.is_error);
        let lines: Vec<&str> = out.output.lines().collect();
        assert_eq!(lines[0], "node/a created", "{}", out.output);
        assert!(
            lines[1].starts_with("error parsing STDIN"),
            "{}",
            out.output
        );
        assert!(
            lines[2].starts_with("Error from server (AlreadyExists)"),
            "{}",
            out.output
        );
        assert_eq!(lines.len(), 3, "{}", out.output);
    }
}

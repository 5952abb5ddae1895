//! `kubectl label` (kubectl `pkg/cmd/label/label.go`): `node/NAME labeled|unlabeled|modified|not
//! labeled` for each object named or selected (`-l`, `--all`), `label "k" not found.` for
//! removing a missing key, and `'k' already has a value (v), and --overwrite is false` without
//! `--overwrite`.

mod parse;
pub(super) use parse::parse;

use super::get::find;
use super::objects::{Objects, report, visit_list};
use super::resource::{ResourceKind, kind_string};
use super::{Context, KError, NamespaceScope, Out, quote};
use crate::api::ApiError;
use crate::api::{ObjectKey, Shared, StringMap, validate_qualified_name};

/// The options of `kubectl label` (kubectl's `LabelOptions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelOptions {
    /// The kind.
    pub kind: ResourceKind,
    /// The objects: names, or a selector (`-l`, `--all`).
    pub objects: Objects,
    /// The changes, in order, one per key.
    pub changes: Vec<LabelChange>,
    /// `--overwrite`.
    pub overwrite: bool,
    /// `-n` / `-A`.
    pub namespace: NamespaceScope,
}

/// One change of `kubectl label`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelChange {
    /// `key=value`.
    Set {
        /// The label key (validated by the engine, as the API server does).
        key: String,
        /// The value (already checked as kubectl checks it).
        value: String,
    },
    /// `key-`.
    Remove {
        /// The label key.
        key: String,
    },
}

pub(super) fn run(ctx: &mut Context<'_>, o: &LabelOptions, out: &mut Out) {
    let (targets, missing) = match visit_list(ctx.cluster, o.kind, &o.objects, &o.namespace) {
        Ok(found) => found,
        Err(e) => {
            out.error(e);
            return;
        }
    };
    let mut failed: Vec<Vec<KError>> = Vec::new();
    for (namespace, name) in &targets {
        if let Err(errs) = label_one(ctx, o, namespace, name, out) {
            failed.push(errs);
        }
    }
    failed.extend(missing.into_iter().map(|e| vec![e]));
    report(out, failed);
}

/// Labels one object, printing its line; its errors otherwise.
fn label_one(
    ctx: &mut Context<'_>,
    o: &LabelOptions,
    namespace: &str,
    name: &str,
    out: &mut Out,
) -> Result<(), Vec<KError>> {
    let (kind, changes) = (o.kind, &o.changes);
    let Some(current) = find(ctx.cluster, kind, namespace, name).map(|o| o.meta().labels.clone())
    else {
        return Err(vec![super::get::not_found(kind, name)]);
    };
    for change in changes {
        if let LabelChange::Remove { key } = change
            && !current.contains_key(key)
        {
            out.line(format!("label {} not found.", quote(key)));
        }
    }
    if !o.overwrite {
        let conflicts: Vec<KError> = changes
            .iter()
            .filter_map(|c| match c {
                LabelChange::Set { key, value } => match current.get(key) {
                    Some(v) if v != value => Some(KError::plain(format!(
                        "'{key}' already has a value ({v}), and --overwrite is false"
                    ))),
                    _ => None,
                },
                LabelChange::Remove { .. } => None,
            })
            .collect();
        if !conflicts.is_empty() {
            return Err(conflicts);
        }
    }
    let mut labels = current.clone();
    let (mut added, mut removed) = (0, 0);
    for change in changes {
        match change {
            LabelChange::Set { key, value } => {
                if labels.get(key) != Some(value) {
                    labels.insert(key.clone(), value.clone());
                    added += 1;
                }
            }
            LabelChange::Remove { key } => {
                if labels.remove(key).is_some() {
                    removed += 1;
                }
            }
        }
    }
    let message = match (added > 0, removed > 0) {
        (true, true) => "modified",
        (true, false) => "labeled",
        (false, true) => "unlabeled",
        (false, false) => "not labeled",
    };
    if added > 0 || removed > 0 {
        validate_keys(kind, name, &labels).map_err(|e| vec![KError::api(e)])?;
        write_labels(ctx, kind, namespace, name, labels).map_err(|e| vec![e])?;
    }
    out.line(format!("{}/{name} {message}", kind_string(kind)));
    Ok(())
}

/// The API server's validation of label keys (`metadata.labels`).
fn validate_keys(kind: ResourceKind, name: &str, labels: &StringMap) -> Result<(), ApiError> {
    let causes: Vec<(String, String)> = labels
        .keys()
        .filter_map(|k| {
            validate_qualified_name(k).map(|msg| {
                (
                    "metadata.labels".to_string(),
                    format!("Invalid value: {}: {msg}", quote(k)),
                )
            })
        })
        .collect();
    if causes.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Invalid {
            kind: kind.kind().to_string(),
            name: name.to_string(),
            causes,
        })
    }
}

fn write_labels(
    ctx: &mut Context<'_>,
    kind: ResourceKind,
    namespace: &str,
    name: &str,
    labels: Shared<StringMap>,
) -> Result<(), KError> {
    let cluster = &mut *ctx.cluster;
    match kind {
        ResourceKind::Node => cluster
            .update_node(name, |n| n.metadata.labels = labels)
            .map(|_| ())
            .map_err(KError::api),
        ResourceKind::DaemonSet => cluster
            .update_daemonset(namespace, name, |d| d.metadata.labels = labels)
            .map(|_| ())
            .map_err(KError::api),
        ResourceKind::Deployment => cluster
            .update_deployment(namespace, name, |d| d.metadata.labels = labels)
            .map(|_| ())
            .map_err(KError::api),
        ResourceKind::ReplicaSet => cluster
            .update_replicaset(namespace, name, |r| r.metadata.labels = labels)
            .map(|_| ())
            .map_err(KError::api),
        ResourceKind::Pod => {
            let key = ObjectKey::new(namespace, name);
            cluster
                .w
                .store
                .update_pod(&key, |p| p.metadata.labels = labels);
            cluster.reconcile();
            Ok(())
        }
        ResourceKind::ControllerRevision | ResourceKind::Event => Err(KError::plain(format!(
            "labelling {} is not simulated: the controllers manage them",
            kind.resource()
        ))),
    }
}

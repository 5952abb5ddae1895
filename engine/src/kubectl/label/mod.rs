//! `kubectl label` (kubectl `pkg/cmd/label/label.go`): `node/NAME labeled|unlabeled|modified|not
//! labeled`, `label "k" not found.` for removing a missing key, and
//! `'k' already has a value (v), and --overwrite is false` without `--overwrite`.

mod parse;
pub(super) use parse::parse;

use super::cmdutil::namespace_of;
use super::get::find;
use super::resource::{ResourceKind, kind_string, resource_string};
use super::{Context, KError, NamespaceScope, Out, quote};
use crate::api::ApiError;
use crate::api::{ObjectKey, StringMap, validate_qualified_name};

/// The options of `kubectl label` (kubectl's `LabelOptions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelOptions {
    /// The kind.
    pub kind: ResourceKind,
    /// The object's name.
    pub name: String,
    /// The changes, in order, one per key.
    pub changes: Vec<LabelChange>,
    /// `--overwrite`.
    pub overwrite: bool,
    /// `-n`.
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
    let (kind, name, changes, overwrite) = (o.kind, &o.name, &o.changes, o.overwrite);
    let namespace = namespace_of(&o.namespace);
    let Some(current) = find(ctx.cluster, kind, &namespace, name).map(|o| o.meta().labels.clone())
    else {
        out.error(KError::api(ApiError::not_found(
            &resource_string(kind),
            name,
        )));
        return;
    };
    for change in changes {
        if let LabelChange::Remove { key } = change
            && !current.contains_key(key)
        {
            out.line(format!("label {} not found.", quote(key)));
        }
    }
    if !overwrite {
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
            out.errors(conflicts);
            return;
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
        if let Err(e) = validate_keys(kind, name, &labels) {
            out.error(KError::api(e));
            return;
        }
        if let Err(e) = write_labels(ctx, kind, &namespace, name, labels) {
            out.error(e);
            return;
        }
    }
    out.line(format!("{}/{name} {message}", kind_string(kind)));
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
    labels: StringMap,
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

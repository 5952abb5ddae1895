//! `kubectl label` (kubectl `pkg/cmd/label/label.go`): `node/NAME labeled|unlabeled|modified|not
//! labeled`, `label "k" not found.` for removing a missing key, and
//! `'k' already has a value (v), and --overwrite is false` without `--overwrite`.

use super::get::find;
use super::{Context, KError, Out, kind_string, namespace_of, quote, resource_string};
use crate::api::{ObjectKey, StringMap, validate_qualified_name};
use crate::cluster::ApiError;
use crate::script::{LabelChange, NamespaceScope, ResourceKind};

pub(super) fn label(
    ctx: &mut Context<'_>,
    kind: ResourceKind,
    name: &str,
    changes: &[LabelChange],
    overwrite: bool,
    namespace: &NamespaceScope,
    out: &mut Out,
) {
    let namespace = namespace_of(namespace);
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

//! `kubectl apply`'s client side (kubectl `pkg/cmd/apply/apply.go`, `patcher.go`): an object
//! that does not exist yet is created with the `last-applied-configuration` annotation; one that
//! exists is merged with the manifest, as kubectl's three-way merge does, and written back
//! through the API server (which defaults, validates and counts generations).

use super::last_applied;
use crate::api::ApiError;
use crate::api::{DaemonSet, Deployment, Node, ObjectKey, ObjectMeta, ReplicaSet};
use crate::cluster::Cluster;

/// What `kubectl apply` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    Created,
    Configured,
    Unchanged,
}

impl Applied {
    pub fn as_str(self) -> &'static str {
        match self {
            Applied::Created => "created",
            Applied::Configured => "configured",
            Applied::Unchanged => "unchanged",
        }
    }
}

/// `kubectl apply` of a Node. Status from a real cluster's `-o yaml` is kept. Labels,
/// annotations and taints merge as kubectl's three-way merge does: what the manifest says wins,
/// what an earlier apply said and this one drops goes, what was added by other means
/// (`kubectl label`, `kubectl taint`, the node lifecycle controller) stays.
pub(crate) fn apply_node(cluster: &mut Cluster, mut node: Node) -> Result<Applied, ApiError> {
    // The API server refuses an invalid manifest before anything is merged.
    crate::validation::validate_node(&node)?;
    let applied = last_applied::record(&node);
    last_applied::forget_written_node(&mut node);
    let name = node.metadata.name.clone();
    if cluster.store().node(&name).is_none() {
        node.metadata
            .annotations
            .insert(last_applied::KEY.into(), applied);
        cluster.create_node(node)?;
        return Ok(Applied::Created);
    }
    let changed = cluster.update_node(&name, |current| merge_node(current, &node, applied))?;
    Ok(if changed {
        Applied::Configured
    } else {
        Applied::Unchanged
    })
}

/// The live node `current` with the manifest `node` applied over it.
fn merge_node(current: &mut Node, node: &Node, applied: String) {
    let last: Option<Node> = last_applied::read(&current.metadata);
    last_applied::merge_meta(
        &mut current.metadata,
        last.as_ref().map(|l| &l.metadata),
        &node.metadata,
    );
    current
        .metadata
        .annotations
        .insert(last_applied::KEY.into(), applied);
    let last_taints = last
        .as_ref()
        .map(|l| l.spec.taints.as_slice())
        .unwrap_or_default();
    current.spec.taints.retain(|t| {
        let in_new = node
            .spec
            .taints
            .iter()
            .any(|n| n.key == t.key && n.effect == t.effect);
        let was_applied = last_taints
            .iter()
            .any(|l| l.key == t.key && l.effect == t.effect);
        !in_new && !was_applied
    });
    current.spec.taints.extend(node.spec.taints.iter().cloned());
    let last_unschedulable = last.as_ref().is_some_and(|l| l.spec.unschedulable);
    if node.spec.unschedulable || last_unschedulable {
        current.spec.unschedulable = node.spec.unschedulable;
    }
}

/// `kubectl apply` of a DaemonSet: created (with the `last-applied-configuration` annotation),
/// or its spec replaced by the manifest's and its labels and annotations merged as kubectl's
/// three-way merge does (see [`apply_node`]). Replacing the whole spec, rather than merging field
/// by field, is a simplification named in the README.
pub(crate) fn apply_daemonset(
    cluster: &mut Cluster,
    mut ds: DaemonSet,
) -> Result<Applied, ApiError> {
    let namespace = match ds.metadata.namespace.as_str() {
        "" => "default".to_string(),
        ns => ns.to_string(),
    };
    let key = ObjectKey::new(namespace, ds.metadata.name.clone());
    let applied = last_applied::record(&ds);
    last_applied::forget_written_template(&mut ds.spec.template);
    if cluster.store().daemonset(&key).is_none() {
        ds.metadata
            .annotations
            .insert(last_applied::KEY.into(), applied);
        cluster.create_daemonset(ds)?;
        return Ok(Applied::Created);
    }
    let changed = cluster.update_daemonset(&key.namespace, &key.name, |d| {
        let last: Option<DaemonSet> = last_applied::read(&d.metadata);
        d.spec = ds.spec.clone();
        last_applied::merge_meta(
            &mut d.metadata,
            last.as_ref().map(|l| &l.metadata),
            &ds.metadata,
        );
        d.metadata
            .annotations
            .insert(last_applied::KEY.into(), applied);
    })?;
    Ok(if changed {
        Applied::Configured
    } else {
        Applied::Unchanged
    })
}

/// The key an applied object is stored under (`default` when the manifest names no namespace).
fn key_of(meta: &ObjectMeta) -> ObjectKey {
    let namespace = match meta.namespace.as_str() {
        "" => "default",
        ns => ns,
    };
    ObjectKey::new(namespace, &meta.name)
}

/// Records what `kubectl apply` did from whether the update changed anything.
fn configured(changed: bool) -> Applied {
    if changed {
        Applied::Configured
    } else {
        Applied::Unchanged
    }
}

/// `kubectl apply` of a Deployment, as [`apply_daemonset`] does it.
pub(crate) fn apply_deployment(
    cluster: &mut Cluster,
    mut d: Deployment,
) -> Result<Applied, ApiError> {
    let key = key_of(&d.metadata);
    let applied = last_applied::record(&d);
    last_applied::forget_written_template(&mut d.spec.template);
    if cluster.store().deployment(&key).is_none() {
        d.metadata
            .annotations
            .insert(last_applied::KEY.into(), applied);
        cluster.create_deployment(d)?;
        return Ok(Applied::Created);
    }
    cluster
        .update_deployment(&key.namespace, &key.name, |cur| {
            let last: Option<Deployment> = last_applied::read(&cur.metadata);
            cur.spec = d.spec.clone();
            let last_meta = last.as_ref().map(|l| &l.metadata);
            last_applied::merge_meta(&mut cur.metadata, last_meta, &d.metadata);
            cur.metadata
                .annotations
                .insert(last_applied::KEY.into(), applied);
        })
        .map(configured)
}

/// `kubectl apply` of a ReplicaSet, as [`apply_daemonset`] does it.
pub(crate) fn apply_replicaset(
    cluster: &mut Cluster,
    mut rs: ReplicaSet,
) -> Result<Applied, ApiError> {
    let key = key_of(&rs.metadata);
    let applied = last_applied::record(&rs);
    last_applied::forget_written_template(&mut rs.spec.template);
    if cluster.store().replicaset(&key).is_none() {
        rs.metadata
            .annotations
            .insert(last_applied::KEY.into(), applied);
        cluster.create_replicaset(rs)?;
        return Ok(Applied::Created);
    }
    cluster
        .update_replicaset(&key.namespace, &key.name, |cur| {
            let last: Option<ReplicaSet> = last_applied::read(&cur.metadata);
            cur.spec = rs.spec.clone();
            let last_meta = last.as_ref().map(|l| &l.metadata);
            last_applied::merge_meta(&mut cur.metadata, last_meta, &rs.metadata);
            cur.metadata
                .annotations
                .insert(last_applied::KEY.into(), applied);
        })
        .map(configured)
}

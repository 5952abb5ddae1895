//! The Deployment's new ReplicaSet (`getNewReplicaSet`, `FindNewReplicaSet`): the one holding
//! the current template, created when missing with the template's `pod-template-hash`, and the
//! revision annotations on both (`SetNewReplicaSetAnnotations`, `SetDeploymentRevision`).

use super::rolling::new_rs_new_replicas;
use crate::api::{
    DESIRED_REPLICAS_ANNOTATION, Deployment, LabelSelector, MAX_REPLICAS_ANNOTATION, NORMAL,
    ObjectKey, ObjectMeta, ObjectMetaMore, OwnerReference, POD_TEMPLATE_HASH, REVISION_ANNOTATION,
    ReplicaSet, ReplicaSetSpec, is_new_replicaset,
};
use crate::controller::template_hash::compute_hash;
use crate::state::World;
use crate::state::events::{reference, source};

pub(super) const COMPONENT: &str = "deployment-controller";
const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

/// The new ReplicaSet among `sets` (oldest first), if any.
pub(super) fn find<'a>(d: &Deployment, sets: &'a [ReplicaSet]) -> Option<&'a ReplicaSet> {
    sets.iter().find(|rs| is_new_replicaset(d, rs))
}

/// The revision the new ReplicaSet gets: one past the old ones'.
fn next_revision(d: &Deployment, sets: &[ReplicaSet]) -> i64 {
    sets.iter()
        .filter(|rs| !is_new_replicaset(d, rs))
        .map(ReplicaSet::revision)
        .max()
        .unwrap_or(0)
        + 1
}

/// The new ReplicaSet's key: found (its annotations brought up to date) or created.
pub(super) fn find_or_create(
    w: &mut World,
    d: &Deployment,
    sets: &[ReplicaSet],
) -> Option<ObjectKey> {
    let revision = next_revision(d, sets);
    let max_replicas = (d.replicas() + d.max_surge()).to_string();
    let key = match find(d, sets) {
        Some(rs) => {
            let key = ObjectKey::of(&rs.metadata);
            w.store.update_replicaset(&key, |rs| {
                let a = &mut rs.metadata.annotations;
                let current = a
                    .get(REVISION_ANNOTATION)
                    .and_then(|v| v.parse::<i64>().ok())
                    .unwrap_or(0);
                if current < revision {
                    a.insert(REVISION_ANNOTATION.into(), revision.to_string());
                }
                a.insert(DESIRED_REPLICAS_ANNOTATION.into(), d.replicas().to_string());
                a.insert(MAX_REPLICAS_ANNOTATION.into(), max_replicas.clone());
            });
            key
        }
        None => create(w, d, sets, revision, &max_replicas)?,
    };
    let rs_revision = w.store.replicaset(&key).map(ReplicaSet::revision)?;
    let dkey = ObjectKey::of(&d.metadata);
    w.store.update_deployment(&dkey, |d| {
        d.metadata
            .annotations
            .insert(REVISION_ANNOTATION.into(), rs_revision.to_string());
    });
    Some(key)
}

fn create(
    w: &mut World,
    d: &Deployment,
    sets: &[ReplicaSet],
    revision: i64,
    max_replicas: &str,
) -> Option<ObjectKey> {
    let hash = compute_hash(&d.spec.template, d.status.collision_count);
    let mut template = d.spec.template.clone();
    template
        .metadata
        .labels
        .insert(POD_TEMPLATE_HASH.into(), hash.clone());
    let mut selector: LabelSelector = d.spec.selector.clone()?;
    selector
        .match_labels
        .get_or_insert_with(Default::default)
        .insert(POD_TEMPLATE_HASH.into(), hash.clone());
    let old: Vec<&ReplicaSet> = sets.iter().collect();
    let replicas = new_rs_new_replicas(d, &old, None);
    let mut annotations = d.metadata.annotations.clone();
    // `skipCopyAnnotation`: kubectl's own record stays on the Deployment.
    annotations.remove(LAST_APPLIED);
    annotations.insert(REVISION_ANNOTATION.into(), revision.to_string());
    annotations.insert(DESIRED_REPLICAS_ANNOTATION.into(), d.replicas().to_string());
    annotations.insert(MAX_REPLICAS_ANNOTATION.into(), max_replicas.to_string());
    let now = w.clock.now();
    let rs = ReplicaSet {
        api_version: "apps/v1".into(),
        kind: "ReplicaSet".into(),
        metadata: ObjectMeta {
            name: format!("{}-{hash}", d.metadata.name).into(),
            namespace: d.metadata.namespace.clone(),
            uid: w.rng.uid(),
            creation_timestamp: Some(now).into(),
            labels: template.metadata.labels.clone(),
            annotations,
            more: ObjectMetaMore {
                generation: 1,
                owner_references: vec![OwnerReference::controller_of("Deployment", &d.metadata)],
                ..Default::default()
            }
            .into(),
            ..Default::default()
        },
        spec: ReplicaSetSpec {
            replicas: Some(replicas),
            min_ready_seconds: d.spec.min_ready_seconds,
            selector: Some(selector),
            template,
            extra: Default::default(),
        },
        status: Default::default(),
    };
    let key = ObjectKey::of(&rs.metadata);
    if w.store.replicaset(&key).is_some() {
        return None; // a hash collision with a ReplicaSet of another template
    }
    let name = rs.metadata.name.clone();
    w.store.put_replicaset(rs);
    if replicas > 0 {
        w.recorder.record(
            now,
            reference("Deployment", "apps/v1", &d.metadata),
            NORMAL,
            "ScalingReplicaSet",
            format!("Scaled up replica set {name} from 0 to {replicas}"),
            source(COMPONENT, ""),
        );
    }
    Some(key)
}

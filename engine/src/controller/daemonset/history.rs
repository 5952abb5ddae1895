//! ControllerRevisions of a DaemonSet (`constructHistory`, `dedupCurHistories`, `cleanupHistory`,
//! spec §9).
//! The hash is [`crate::controller::template_hash`].

use super::claim::owner_reference;
use crate::api::encode;
use crate::api::{
    ControllerRevision, DaemonSet, ObjectKey, ObjectMeta, ObjectMetaMore, Selector, keys,
};
use crate::state::World;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// `controller.ComputeHash` of the DaemonSet's template.
pub fn compute_hash(ds: &DaemonSet, collision_count: Option<i32>) -> String {
    crate::controller::template_hash::compute_hash(&ds.spec.template, collision_count)
}

/// The revision `data` for the DaemonSet's current template (`getPatch`).
pub fn patch_of(ds: &DaemonSet) -> Value {
    let mut template = encode::to_value(&ds.spec.template);
    if let Value::Object(m) = &mut template {
        m.insert("$patch".into(), Value::String("replace".into()));
    }
    json!({ "spec": { "template": template } })
}

/// The template a revision holds, for rollback and `rollout history --revision`.
pub fn template_of(rev: &ControllerRevision) -> Option<crate::api::PodTemplateSpec> {
    let mut t = rev.data.get("spec")?.get("template")?.clone();
    if let Value::Object(m) = &mut t {
        m.remove("$patch");
    }
    crate::api::decode::from_value(t).ok()
}

/// The DaemonSet's revisions, claimed (adopting orphans that match, in its namespace).
pub fn controlled_histories(
    w: &mut World,
    ds: &DaemonSet,
    selector: &Selector,
) -> Vec<ControllerRevision> {
    let mut out = Vec::new();
    let keys: Vec<ObjectKey> = w
        .store
        .revisions()
        .iter()
        .filter(|(k, _)| *k.namespace == *ds.metadata.namespace)
        .map(|(k, _)| k.clone())
        .collect();
    for key in keys {
        let Some(rev) = w.store.revisions().get(&key) else {
            continue;
        };
        // Copied only when kept: the namespace's other DaemonSets' revisions are only read.
        match rev.metadata.controller_ref() {
            Some(r) if r.uid == ds.metadata.uid => out.push(rev.clone()),
            Some(_) => {}
            None if selector.matches(&rev.metadata.labels) && !ds.metadata.is_being_deleted() => {
                let mut adopted = rev.clone();
                adopted
                    .metadata
                    .more
                    .owner_references
                    .push(owner_reference(ds));
                w.store.put_revision(adopted.clone());
                out.push(adopted);
            }
            None => {}
        }
    }
    out
}

/// `constructHistory`: returns (current revision's hash, old revisions). May create the current
/// revision, bump its number after a rollback, relabel pods of duplicate revisions, or (on a name
/// clash) bump `status.collisionCount` and return None to retry next sync.
pub fn construct_history(
    w: &mut World,
    ds: &DaemonSet,
    selector: &Selector,
) -> Option<(String, Vec<ControllerRevision>)> {
    let mut histories = controlled_histories(w, ds, selector);
    // Revisions without a hash label get their own name as hash.
    for h in &mut histories {
        if !h
            .metadata
            .labels
            .contains_key(keys::CONTROLLER_REVISION_HASH)
        {
            h.metadata.labels.insert(
                keys::CONTROLLER_REVISION_HASH.into(),
                h.metadata.name.to_string(),
            );
            w.store.put_revision(h.clone());
        }
    }
    let patch = patch_of(ds);
    let (mut current, old): (Vec<_>, Vec<_>) = histories.into_iter().partition(|h| h.data == patch);
    let curr_revision = old.iter().map(|h| h.revision).max().unwrap_or(0) + 1;

    let cur = match current.len() {
        0 => create_revision(w, ds, patch, curr_revision)?,
        1 => current.remove(0),
        _ => dedup_current(w, ds, selector, current),
    };
    let cur = if cur.revision < curr_revision {
        let mut bumped = cur;
        bumped.revision = curr_revision;
        w.store.put_revision(bumped.clone());
        bumped
    } else {
        cur
    };
    let hash = cur
        .metadata
        .labels
        .get(keys::CONTROLLER_REVISION_HASH)
        .cloned()
        .unwrap_or_default();
    Some((hash, old))
}

fn create_revision(
    w: &mut World,
    ds: &DaemonSet,
    data: Value,
    revision: i64,
) -> Option<ControllerRevision> {
    let hash = compute_hash(ds, ds.status.collision_count);
    let name = format!("{}-{}", ds.name(), hash);
    let key = ObjectKey::new(&ds.metadata.namespace, &name);
    if let Some(existing) = w.store.revisions().get(&key) {
        if existing.data == data
            && existing
                .metadata
                .controller_ref()
                .is_some_and(|r| ds.metadata.uid.is(&r.uid))
        {
            return Some(existing.clone());
        }
        // A clash with a different revision: bump collisionCount and retry on the next sync.
        let ds_key = ObjectKey::of(&ds.metadata);
        w.store.update_daemonset(&ds_key, |d| {
            d.status.collision_count = Some(d.status.collision_count.unwrap_or(0) + 1);
        });
        return None;
    }
    let mut labels = ds.spec.template.metadata.labels.clone();
    labels.insert(keys::CONTROLLER_REVISION_HASH.into(), hash);
    let rev = ControllerRevision {
        api_version: "apps/v1".into(),
        kind: "ControllerRevision".into(),
        metadata: ObjectMeta {
            name: name.into(),
            namespace: ds.metadata.namespace.clone(),
            uid: w.rng.uid(),
            creation_timestamp: Some(w.clock.now()).into(),
            labels,
            annotations: ds.metadata.annotations.clone(),
            more: ObjectMetaMore {
                owner_references: vec![owner_reference(ds)],
                ..Default::default()
            }
            .into(),
            ..Default::default()
        },
        data,
        revision,
    };
    w.store.put_revision(rev.clone());
    Some(rev)
}

/// `dedupCurHistories`: keep the highest revision, move pods of the others to its hash.
fn dedup_current(
    w: &mut World,
    ds: &DaemonSet,
    selector: &Selector,
    mut current: Vec<ControllerRevision>,
) -> ControllerRevision {
    crate::sort::sort_by_key(&mut current, |h| h.revision);
    let keep = current.pop().unwrap_or_default();
    let keep_hash = keep
        .metadata
        .labels
        .get(keys::CONTROLLER_REVISION_HASH)
        .cloned()
        .unwrap_or_default();
    let pod_keys: Vec<ObjectKey> = w
        .store
        .pods()
        .iter()
        .filter(|(k, p)| {
            *k.namespace == *ds.metadata.namespace
                && p.metadata
                    .controller_ref()
                    .is_some_and(|r| ds.metadata.uid.is(&r.uid))
                && selector.matches(&p.metadata.labels)
                && p.metadata.labels.get(keys::CONTROLLER_REVISION_HASH) != Some(&keep_hash)
        })
        .map(|(k, _)| k.clone())
        .collect();
    for k in pod_keys {
        let h = keep_hash.clone();
        w.store.update_pod(&k, |p| {
            p.metadata
                .labels
                .insert(keys::CONTROLLER_REVISION_HASH.into(), h);
        });
    }
    for dup in current {
        w.store.remove_revision(&ObjectKey::of(&dup.metadata));
    }
    keep
}

/// `cleanupHistory` (spec §9): delete the oldest old revisions beyond `revisionHistoryLimit`,
/// sparing any whose hash a live pod of the DaemonSet still carries.
pub fn cleanup_history(w: &mut World, ds: &DaemonSet, old: &[ControllerRevision]) {
    let limit = ds.spec.revision_history_limit.unwrap_or(10).max(0) as usize;
    if old.len() <= limit {
        return;
    }
    let mut old: Vec<&ControllerRevision> = old.iter().collect();
    // Inserted one by one: `collect` into a set would compile a copy of the standard sort.
    let mut live_hashes: BTreeSet<String> = BTreeSet::new();
    live_hashes.extend(
        w.store
            .pods()
            .values()
            .filter(|p| p.metadata.namespace == ds.metadata.namespace)
            .filter(|p| {
                p.metadata
                    .controller_ref()
                    .is_some_and(|r| ds.metadata.uid.is(&r.uid))
            })
            .filter_map(|p| {
                p.metadata
                    .labels
                    .get(keys::CONTROLLER_REVISION_HASH)
                    .cloned()
            }),
    );
    let mut to_delete = old.len() - limit;
    crate::sort::sort_by_key(&mut old, |h| h.revision);
    for h in old {
        if to_delete == 0 {
            break;
        }
        let hash = h.metadata.labels.get(keys::CONTROLLER_REVISION_HASH);
        if hash.is_some_and(|x| live_hashes.contains(x)) {
            continue;
        }
        w.store.remove_revision(&ObjectKey::of(&h.metadata));
        to_delete -= 1;
    }
}

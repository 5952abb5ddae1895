//! What the API server does on writes the controllers make: names from `generateName`, UIDs,
//! timestamps, and graceful deletion (`CheckGracefulDelete`).

use super::World;
use super::audit::Request;
use crate::api::{ObjectKey, Pod, Shared};

/// Creates a pod: a name from `generateName` (retrying on a clash), the admission plugins'
/// default tolerations, a UID, creationTimestamp. `user` writes it (the audit log's user).
pub fn create_pod(w: &mut World, mut pod: Pod, user: &str) -> ObjectKey {
    let generated = pod.metadata.name.is_empty();
    if generated {
        loop {
            let name = w.rng.generate_name(&pod.metadata.more.generate_name);
            let namespace = pod.metadata.namespace.clone();
            let key = ObjectKey { namespace, name };
            if w.store.pod(&key).is_none() {
                pod.metadata.name = key.name;
                break;
            }
        }
    }
    crate::placement::add_default_toleration_seconds(&mut pod.spec);
    pod.metadata.uid = w.rng.uid();
    pod.metadata.creation_timestamp = Some(w.clock.now()).into();
    // Stored for as long as the pod lives, and written in place from here on: no spare room
    // from building the lists (the default tolerations and the controller's labels are added
    // one at a time). Lists shared with other pods were compacted where they were built.
    if let Some(tolerations) = Shared::get_mut(&mut pod.spec.tolerations) {
        tolerations.shrink_to_fit();
    }
    if let Some(labels) = Shared::get_mut(&mut pod.metadata.labels) {
        labels.shrink_to_fit();
    }
    let key = ObjectKey::of(&pod.metadata);
    if generated {
        w.store.put_new_pod(pod);
    } else {
        w.store.put_pod(pod);
    }
    // Its node as the store filed it, under the name the store holds.
    let node = w.store.pod_target_name(&key);
    w.audit
        .record(w.clock.now(), Request::create(user), &key, node);
    key
}

/// Deletes a pod as the API server does: at once if it is not bound to a node or already
/// terminal, otherwise it gets a deletionTimestamp (now + grace) and the kubelet finishes it.
/// `grace` overrides `terminationGracePeriodSeconds` (kubectl `--grace-period`).
/// Returns false if there was no such pod or it was already terminating.
pub fn delete_pod(w: &mut World, key: &ObjectKey, grace: Option<i64>, by: Request) -> bool {
    let Some(pod) = w.store.pod(key) else {
        return false;
    };
    let grace = grace
        .or(pod.spec.settings.termination_grace_period_seconds)
        .unwrap_or(30)
        .max(0);
    let at_once = pod.spec.node_name.is_empty() || pod.is_terminal() || grace == 0;
    if !at_once
        && let Some(current) = pod.metadata.more.deletion_grace_period_seconds
        && current <= grace
    {
        return false; // already terminating with a grace period no longer than asked
    }
    w.audit
        .record(w.clock.now(), by, key, w.store.pod_target_name(key));
    if at_once {
        w.store.remove_pod(key);
        return true;
    }
    let now = w.clock.now();
    w.store.update_pod(key, |p| {
        p.metadata.more.deletion_timestamp = Some(now.plus_secs(grace));
        p.metadata.more.deletion_grace_period_seconds = Some(grace);
    });
    true
}

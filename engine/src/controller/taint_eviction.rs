//! The taint-eviction controller (spec §13): pods that do not tolerate a node's NoExecute taint are
//! deleted, at once or after their `tolerationSeconds`.

use crate::api::{NORMAL, ObjectKey, Pod, Time};
use crate::placement::tolerates;
use crate::state::clock::Wake;
use crate::state::events::reference;
use crate::state::store::Change;
use crate::state::{World, apiserver};
use std::collections::BTreeSet;

#[derive(Default)]
pub struct TaintEviction {
    queue: BTreeSet<ObjectKey>,
}

impl TaintEviction {
    pub fn observe(&mut self, change: &Change, w: &World) {
        match change {
            Change::Node(n) => {
                for p in w.store.pods_on_node(n) {
                    self.queue.insert(ObjectKey::of(&p.metadata));
                }
            }
            Change::Pod { key, .. } => {
                self.queue.insert(key.clone());
            }
            _ => {}
        }
    }

    pub fn wake(&mut self, key: ObjectKey) {
        self.queue.insert(key);
    }

    pub fn process(&mut self, w: &mut World) -> bool {
        let queue = std::mem::take(&mut self.queue);
        for key in &queue {
            check_pod(w, key);
        }
        !queue.is_empty()
    }
}

/// When the pod must go: now for an untolerated NoExecute taint, or when the shortest
/// `tolerationSeconds` of the tolerations it relies on runs out.
pub fn eviction_time(pod: &Pod, taints: &[crate::api::Taint], now: Time) -> Option<Time> {
    let mut at: Option<Time> = None;
    for taint in taints.iter().filter(|t| t.effect == "NoExecute") {
        let matching: Vec<_> = pod
            .spec
            .tolerations
            .iter()
            .filter(|t| tolerates(t, taint))
            .collect();
        if matching.is_empty() {
            return Some(now);
        }
        if matching.iter().any(|t| t.toleration_seconds.is_none()) {
            continue; // tolerated forever
        }
        let secs = matching
            .iter()
            .filter_map(|t| t.toleration_seconds)
            .min()
            .unwrap_or(0)
            .max(0);
        let since = taint.time_added.unwrap_or(now);
        let t = since.plus_secs(secs);
        at = Some(at.map_or(t, |a| a.min(t)));
    }
    at
}

fn check_pod(w: &mut World, key: &ObjectKey) {
    let Some(pod) = w.store.pod_rc(key) else {
        return;
    };
    if pod.spec.node_name.is_empty() || pod.metadata.is_being_deleted() {
        return;
    }
    let Some(node) = w.store.node(&pod.spec.node_name) else {
        return;
    };
    let now = w.clock.now();
    match eviction_time(&pod, &node.spec.taints, now) {
        Some(at) if at <= now => {
            let r = reference("Pod", "v1", &pod.metadata);
            let msg = format!("Marking for deletion Pod {}/{}", key.namespace, key.name);
            w.recorder.record(
                now,
                r,
                NORMAL,
                "TaintManagerEviction",
                msg,
                crate::state::events::source("taint-eviction-controller", ""),
            );
            apiserver::delete_pod(w, key, None);
        }
        Some(at) => w.clock.schedule(at, Wake::TaintEviction(key.clone())),
        None => {}
    }
}

//! PodGC: pods bound to a node that no longer exists are deleted after a quarantine
//! (spec §7: orphan quarantine 40 s). The DaemonSet controller never deletes bound pods of
//! vanished nodes itself.

use crate::api::{ObjectKey, Time};
use crate::state::World;
use crate::state::apiserver;
use crate::state::audit::{Request, users};
use crate::state::clock::Wake;
use crate::state::store::Change;
use std::collections::BTreeSet;

#[derive(Default)]
pub struct PodGc {
    /// (when to look, node) pairs.
    queue: BTreeSet<(Time, String)>,
}

impl PodGc {
    pub fn observe(&mut self, change: &Change, w: &World) {
        // gcOrphaned quarantines the missing nodes that pods are bound to; a node deleted with
        // no pod on it leaves PodGC nothing to do (and `sim settle` nothing to wait for).
        if let Change::NodeDeleted(n) = change
            && w.store.pods_on_node(n).any(|p| &p.spec.node_name == n)
        {
            let at = w.clock.now().plus_millis(w.timings.pod_gc_orphan_ms);
            self.queue.insert((at, n.clone()));
        }
    }

    pub fn wake(&mut self, node: String) {
        self.queue.insert((Time(i64::MIN), node));
    }

    pub fn process(&mut self, w: &mut World) -> bool {
        let queue = std::mem::take(&mut self.queue);
        for (at, node) in &queue {
            if *at > w.clock.now() {
                w.clock.schedule(*at, Wake::PodGc(node.clone()));
                continue;
            }
            if w.store.node(node).is_some() {
                continue; // the node came back
            }
            let orphans: Vec<ObjectKey> = w
                .store
                .pods_on_node(node)
                .filter(|p| &p.spec.node_name == node)
                .map(|p| ObjectKey::of(&p.metadata))
                .collect();
            for k in orphans {
                // force deletion (grace 0): no kubelet will ever confirm it
                let by = Request::delete(users::POD_GARBAGE_COLLECTOR);
                apiserver::delete_pod(w, &k, Some(0), by);
            }
        }
        !queue.is_empty()
    }
}

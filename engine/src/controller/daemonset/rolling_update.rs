//! The sync's `rollingUpdate` phase (spec §8): each visited node's part of the walk is brought up
//! to date in the [`RollIndex`](super::roll_index::RollIndex), then the plan it gives is
//! carried out through `syncNodes`. OnDelete never replaces old pods for being old.

use super::cache::DsCache;
use super::claim::NodePods;
use super::roll_index::NodeRoll;
use super::sync_nodes::sync_nodes;
use super::{BURST_REPLICAS, Sync, event};
use crate::api::{Pod, WARNING};
use crate::state::World;
use std::rc::Rc;

/// Records, for each visited node, whether it still holds a pod of an older template and its
/// part of the rolling update, from the pods as they are after `manage`'s writes (spec §6.1).
pub(super) fn index_nodes(w: &World, cache: &mut DsCache, sync: &Sync<'_>, pods: &NodePods) {
    let now = w.clock.now();
    for ((node_name, id), pods) in sync.visit.iter().zip(pods.iter()) {
        let has_old = pods
            .iter()
            .any(|p| !p.metadata.is_being_deleted() && !sync.updated.is_updated(p));
        if has_old {
            cache.old_nodes.insert(node_name.clone());
        } else {
            cache.old_nodes.remove(node_name.as_str());
        }
        // `manage` left no decision for a node that no longer exists.
        let should = cache.per_node.get(id).map(|(s, _)| *s);
        let (roll, old) = NodeRoll::of(
            pods,
            should,
            &sync.updated,
            sync.ds.spec.min_ready_seconds,
            now,
        );
        cache.roll.set(*id, node_name, roll, old);
    }
}

/// `rollingUpdate`: when some node still runs an old template, the plan's deletes (at most a
/// burst) and creates.
pub(super) fn rolling_update(w: &mut World, cache: &mut DsCache, sync: &Sync<'_>) {
    if !sync.ds.is_rolling_update() || cache.old_nodes.is_empty() {
        return;
    }
    match cache.roll.plan(sync.ds) {
        Ok(plan) => {
            let deletes: Vec<Rc<Pod>> = plan
                .delete
                .iter()
                .filter_map(|k| w.store.pod_rc(k))
                .take(BURST_REPLICAS)
                .collect();
            let template = &mut cache.template;
            sync_nodes(
                w,
                sync.ds,
                sync.hash,
                template,
                &plan.create_on,
                &deletes,
                None,
            );
        }
        Err(e) => event(w, sync.ds, WARNING, "FailedRollingUpdate", e),
    }
}

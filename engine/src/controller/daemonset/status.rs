//! `updateDaemonSetStatus` (spec §11), kept per node so that a change on one node costs one node.

use super::Sync;
use super::cache::DsCache;
use super::claim::NodePods;
use super::pod_order;
use super::roll_index::UpdatedTest;
use crate::api::{DaemonSetStatus, ObjectKey, Pod, Time};
use crate::state::World;
use std::ops::{AddAssign, SubAssign};
use std::rc::Rc;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub desired: i64,
    pub current: i64,
    pub ready: i64,
    pub available: i64,
    pub updated: i64,
    pub misscheduled: i64,
}

impl Counts {
    /// One node's counts (each 0 or 1) in a byte, as the cache keeps them.
    pub fn pack(self) -> u8 {
        [
            self.desired,
            self.current,
            self.ready,
            self.available,
            self.updated,
            self.misscheduled,
        ]
        .iter()
        .enumerate()
        .fold(0, |bits, (i, &n)| bits | (u8::from(n != 0) << i))
    }

    /// The counts `pack` made.
    pub fn unpack(bits: u8) -> Counts {
        let n = |i: u8| i64::from((bits >> i) & 1);
        Counts {
            desired: n(0),
            current: n(1),
            ready: n(2),
            available: n(3),
            updated: n(4),
            misscheduled: n(5),
        }
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.desired += o.desired;
        self.current += o.current;
        self.ready += o.ready;
        self.available += o.available;
        self.updated += o.updated;
        self.misscheduled += o.misscheduled;
    }
}

impl SubAssign for Counts {
    fn sub_assign(&mut self, o: Counts) {
        self.desired -= o.desired;
        self.current -= o.current;
        self.ready -= o.ready;
        self.available -= o.available;
        self.updated -= o.updated;
        self.misscheduled -= o.misscheduled;
    }
}

/// One node's part of the status, and when it will change by itself (a ready pod becoming
/// available after minReadySeconds). Only the oldest pod on the node counts for the status (spec
/// §11), but the wake looks at every pod: a surge pod next to an old one must be revisited when
/// it becomes available, or the old pod would never be retired (upstream `updatePod` re-queues
/// the DaemonSet when any of its pods turns ready).
pub fn node_contribution(
    should_run: bool,
    pods: &[Rc<Pod>],
    updated: &UpdatedTest<'_>,
    min_ready_seconds: i64,
    now: Time,
) -> (Counts, Option<Time>) {
    let mut c = Counts::default();
    // Every pod counts for the wake, on every node: the rolling update's decisions (a surge
    // pod retiring an old one, a sunset pod on a node that no longer wants it) turn on when a
    // pod becomes available, and they are read from these revisits too.
    let wake = pods
        .iter()
        .filter_map(|p| p.becomes_available_at(min_ready_seconds, now))
        .min();
    if should_run {
        c.desired = 1;
        if let Some(p) = pod_order::first(pods) {
            c.current = 1;
            if let Some(available) = p.ready_available(min_ready_seconds, now) {
                c.ready = 1;
                c.available = i64::from(available);
            }
            if updated.is_updated(p) {
                c.updated = 1;
            }
        }
    } else if !pods.is_empty() {
        c.misscheduled = 1;
    }
    (c, wake)
}

/// The status fields from the totals.
pub fn apply(status: &mut DaemonSetStatus, c: Counts) {
    status.desired_number_scheduled = c.desired;
    status.current_number_scheduled = c.current;
    status.number_ready = c.ready;
    status.number_available = c.available;
    status.updated_number_scheduled = c.updated;
    status.number_misscheduled = c.misscheduled;
    status.number_unavailable = c.desired - c.available;
}

/// `updateDaemonSetStatus`, its first half: each visited node's part recomputed from its pods
/// (as they are after the sync's writes), and a wake for the node when a pod will become
/// available by itself. Returns the totals, for [`write_status`].
pub(super) fn update_counts(
    w: &mut World,
    cache: &mut DsCache,
    sync: &Sync<'_>,
    pods: &NodePods,
) -> Counts {
    let now = w.clock.now();
    for ((_, id), pods) in sync.visit.iter().zip(pods.iter()) {
        let Some(entry) = cache.per_node.get_mut(id) else {
            // The node is gone (`manage` took its part out of the totals) but its pods are there
            // until PodGC: a surge pod still becoming available must wake the rolling update,
            // which then retires the old pod beside it.
            let (_, wake) = node_contribution(
                false,
                pods,
                &sync.updated,
                sync.ds.spec.min_ready_seconds,
                now,
            );
            if let Some(at) = wake {
                cache.wake_at(w, sync.key, at, *id);
            }
            continue;
        };
        cache.totals -= Counts::unpack(entry.1);
        let (counts, wake) = node_contribution(
            entry.0.should_run,
            pods,
            &sync.updated,
            sync.ds.spec.min_ready_seconds,
            now,
        );
        entry.1 = counts.pack();
        cache.totals += counts;
        if let Some(at) = wake {
            cache.wake_at(w, sync.key, at, *id);
        }
    }
    cache.totals
}

/// `updateDaemonSetStatus`, its second half: the totals written to the status of the DaemonSet
/// `key`, observed at `generation_now`. Called once the sync let go of its copy of the object,
/// so that the store writes it in place.
pub(super) fn write_status(w: &mut World, key: &ObjectKey, totals: Counts, generation_now: i64) {
    w.store.update_daemonset_status(key, |status| {
        apply(status, totals);
        if status.observed_generation < generation_now {
            status.observed_generation = generation_now;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::Counts;

    #[test]
    fn a_nodes_counts_pack_into_a_byte_and_back() {
        let c = Counts {
            desired: 1,
            current: 1,
            ready: 0,
            available: 0,
            updated: 1,
            misscheduled: 0,
        };
        assert_eq!(Counts::unpack(c.pack()), c);
        assert_eq!(Counts::unpack(Counts::default().pack()), Counts::default());
        let all = Counts {
            desired: 1,
            current: 1,
            ready: 1,
            available: 1,
            updated: 1,
            misscheduled: 1,
        };
        assert_eq!(Counts::unpack(all.pack()), all);
    }
}

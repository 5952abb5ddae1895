//! `updateDaemonSetStatus` (spec §11), kept per node so that a change on one node costs one node.

use super::pod_order;
use super::rolling_update::is_pod_updated;
use crate::api::{DaemonSetStatus, Pod, Time};
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
    hash: &str,
    generation: Option<i64>,
    min_ready_seconds: i64,
    now: Time,
) -> (Counts, Option<Time>) {
    let mut c = Counts::default();
    // Every pod counts for the wake, on every node: the rolling update's decisions (a surge
    // pod retiring an old one, a sunset pod on a node that no longer wants it) turn on when a
    // pod becomes available, and they are read from these revisits too.
    let wake = pods
        .iter()
        .filter(|p| p.is_ready() && !p.is_available(min_ready_seconds, now))
        .filter_map(|p| p.available_at(min_ready_seconds))
        .min();
    if should_run {
        c.desired = 1;
        let mut sorted: Vec<&Pod> = pods.iter().map(|p| &**p).collect();
        pod_order::sort(&mut sorted);
        if let Some(p) = sorted.first() {
            c.current = 1;
            if p.is_ready() {
                c.ready = 1;
                if p.is_available(min_ready_seconds, now) {
                    c.available = 1;
                }
            }
            if is_pod_updated(p, hash, generation) {
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

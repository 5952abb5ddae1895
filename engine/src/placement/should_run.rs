//! `NodeShouldRunDaemonPod` (spec §5): the fast path, no allocation per node.

use super::policy::PlacementPolicy;
use super::tolerations::find_matching_untolerated_taint_gated;
use crate::api::{DaemonSet, Node, Taint};

/// Result of `NodeShouldRunDaemonPod` (spec §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShouldRun {
    /// A daemon pod should be created on the node if none is there.
    pub should_run: bool,
    /// A daemon pod already on the node may stay.
    pub should_continue_running: bool,
}

impl ShouldRun {
    const fn new(should_run: bool, should_continue_running: bool) -> ShouldRun {
        ShouldRun {
            should_run,
            should_continue_running,
        }
    }
}

pub(super) const NO_SCHEDULE: &str = "NoSchedule";
pub(super) const NO_EXECUTE: &str = "NoExecute";
pub(super) const PREFER_NO_SCHEDULE: &str = "PreferNoSchedule";

/// The taints `NodeShouldRunDaemonPod` checks for `shouldRun` (PreferNoSchedule is ignored).
pub(super) fn is_schedule_or_execute(taint: &Taint) -> bool {
    taint.effect == NO_SCHEDULE || taint.effect == NO_EXECUTE
}

/// The taints that also decide `shouldContinueRunning`.
pub(super) fn is_execute(taint: &Taint) -> bool {
    taint.effect == NO_EXECUTE
}

/// `NodeShouldRunDaemonPod(node, ds)` (spec §5); convenience for
/// `PlacementPolicy::for_daemonset(ds).should_run(node)`.
pub fn node_should_run_daemon_pod(node: &Node, ds: &DaemonSet) -> ShouldRun {
    PlacementPolicy::for_daemonset(ds).should_run(node)
}

impl PlacementPolicy {
    /// `NodeShouldRunDaemonPod` (spec §5): a template `nodeName` naming another node or a failed
    /// `nodeSelector` / required node affinity → (false, false); an untolerated NoSchedule or
    /// NoExecute taint → shouldRun false, and shouldContinueRunning false only for NoExecute.
    /// Resources, host ports, `spec.unschedulable` and conditions are not looked at.
    pub fn should_run(&self, node: &Node) -> ShouldRun {
        if !self.node_name.is_empty() && self.node_name != node.name() {
            return ShouldRun::new(false, false);
        }
        if !self.affinity.matches(node) {
            return ShouldRun::new(false, false);
        }
        if self.untolerated(node, is_schedule_or_execute).is_none() {
            return ShouldRun::new(true, true);
        }
        ShouldRun::new(false, self.untolerated(node, is_execute).is_none())
    }

    /// `FindMatchingUntoleratedTaint` over the node's taints with the merged tolerations.
    fn untolerated<'a>(&self, node: &'a Node, filter: fn(&Taint) -> bool) -> Option<&'a Taint> {
        find_matching_untolerated_taint_gated(
            &node.spec.taints,
            &self.tolerations,
            filter,
            self.comparison_operators,
        )
    }
}

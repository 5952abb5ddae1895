//! The slow path of `NodeShouldRunDaemonPod` (spec §5) for the UI's "Why?": the same decision,
//! with every check that made it ([`Explanation::verdict`] reads which of them decided).

use super::policy::{PlacementPolicy, TolerationOrigin};
use super::should_run::{PREFER_NO_SCHEDULE, ShouldRun, is_execute, is_schedule_or_execute};
use super::tolerations::first_tolerating;
use crate::api::{Node, Taint, Toleration};

/// Why a DaemonSet does (or does not) get a pod on a node: the decision and the checks that
/// made it, in the order Kubernetes makes them (nodeName, nodeSelector, required node affinity,
/// taints). Evaluation stops at the first check that fails, as upstream does.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct Explanation {
    pub node: String,
    pub should_run: bool,
    pub should_continue_running: bool,
    pub reasons: Vec<Reason>,
}

/// One check of `NodeShouldRunDaemonPod` and its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    test,
    derive(serde::Serialize),
    serde(tag = "type", rename_all_fields = "camelCase")
)]
pub enum Reason {
    /// The template's `spec.nodeName` is this node.
    NodeNameMatched { wanted: String },
    /// The template's `spec.nodeName` names another node: (false, false).
    NodeNameMismatch { wanted: String },
    /// A `nodeSelector` entry the node carries.
    NodeSelectorMatched { key: String, value: String },
    /// A `nodeSelector` entry the node lacks (`actual`: its value for `key`, if any).
    NodeSelectorMismatch {
        key: String,
        wanted: String,
        actual: Option<String>,
    },
    /// Required node affinity is set but has no non-empty `nodeSelectorTerms`: matches no node.
    NodeAffinityNoTerms,
    /// `nodeSelectorTerms[term]` fails on its first unmet requirement `failed` (e.g.
    /// `color In [blue]`), on a label or (`is_field`) on a field; `node_value` is the node's.
    NodeAffinityTermFailed {
        term: usize,
        failed: String,
        key: String,
        is_field: bool,
        node_value: Option<String>,
    },
    /// `nodeSelectorTerms[term]` does not parse; it never matches.
    NodeAffinityTermInvalid { term: usize, error: String },
    /// `nodeSelectorTerms[term]` is the first term the node matches.
    NodeAffinityMatched { term: usize },
    /// A NoSchedule taint (blocks new pods) or NoExecute taint (also evicts) that no toleration
    /// tolerates.
    TaintNotTolerated { taint: Taint },
    /// A taint tolerated by one of the §4 default tolerations.
    TaintToleratedByDefault {
        taint: Taint,
        toleration: Toleration,
    },
    /// A taint tolerated by the template's `tolerations[index]`.
    TaintToleratedByUser {
        taint: Taint,
        toleration: Toleration,
        index: usize,
    },
    /// A PreferNoSchedule taint: the DaemonSet controller ignores it.
    PreferNoScheduleIgnored { taint: Taint },
    /// A taint with another effect (none, or unknown): ignored too.
    TaintEffectIgnored { taint: Taint },
}

impl Reason {
    /// Whether this outcome keeps a pod off the node (or evicts it).
    pub fn is_blocking(&self) -> bool {
        matches!(
            self,
            Reason::NodeNameMismatch { .. }
                | Reason::NodeSelectorMismatch { .. }
                | Reason::NodeAffinityNoTerms
                | Reason::NodeAffinityTermFailed { .. }
                | Reason::NodeAffinityTermInvalid { .. }
                | Reason::TaintNotTolerated { .. }
        )
    }
}

impl PlacementPolicy {
    /// [`Self::should_run`] with its reasons (spec §5), for the UI.
    pub fn explain(&self, node: &Node) -> Explanation {
        let mut reasons = Vec::new();
        let fits =
            self.explain_node_name(node, &mut reasons) && self.affinity.explain(node, &mut reasons);
        let (should_run, should_continue_running) = if fits {
            self.explain_taints(node, &mut reasons)
        } else {
            (false, false)
        };
        Explanation {
            node: node.name().to_string(),
            should_run,
            should_continue_running,
            reasons,
        }
    }

    /// The template `nodeName` check: true if it is unset or names this node.
    fn explain_node_name(&self, node: &Node, reasons: &mut Vec<Reason>) -> bool {
        if self.node_name.is_empty() {
            return true;
        }
        let wanted = self.node_name.clone();
        if self.node_name == node.name() {
            reasons.push(Reason::NodeNameMatched { wanted });
            true
        } else {
            reasons.push(Reason::NodeNameMismatch { wanted });
            false
        }
    }

    /// Every taint of the node with its outcome; returns (shouldRun, shouldContinueRunning).
    fn explain_taints(&self, node: &Node, reasons: &mut Vec<Reason>) -> (bool, bool) {
        let (mut should_run, mut should_continue) = (true, true);
        for taint in &node.spec.taints {
            let taint_owned = taint.clone();
            if !is_schedule_or_execute(taint) {
                reasons.push(if taint.effect == PREFER_NO_SCHEDULE {
                    Reason::PreferNoScheduleIgnored { taint: taint_owned }
                } else {
                    Reason::TaintEffectIgnored { taint: taint_owned }
                });
                continue;
            }
            let Some(i) = first_tolerating(&self.tolerations, taint, self.comparison_operators)
            else {
                should_run = false;
                should_continue &= !is_execute(taint);
                reasons.push(Reason::TaintNotTolerated { taint: taint_owned });
                continue;
            };
            let toleration = self.tolerations[i].clone();
            reasons.push(match self.origins.get(i) {
                Some(TolerationOrigin::User(index)) => Reason::TaintToleratedByUser {
                    taint: taint_owned,
                    toleration,
                    index: *index,
                },
                _ => Reason::TaintToleratedByDefault {
                    taint: taint_owned,
                    toleration,
                },
            });
        }
        (should_run, should_continue)
    }
}

impl Explanation {
    /// The decision alone.
    pub fn decision(&self) -> ShouldRun {
        ShouldRun {
            should_run: self.should_run,
            should_continue_running: self.should_continue_running,
        }
    }

    /// The reasons that keep a pod off the node (empty when it should run).
    pub fn blocking(&self) -> impl Iterator<Item = &Reason> {
        self.reasons.iter().filter(|r| r.is_blocking())
    }
}

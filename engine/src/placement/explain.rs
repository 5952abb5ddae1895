//! The slow path of `NodeShouldRunDaemonPod` (spec §5) for the UI and `kubectl describe`: the
//! same decision, with what decided it.

use super::node_affinity::NODE_NAME_FIELD;
use super::policy::{PlacementPolicy, TolerationOrigin};
use super::should_run::{PREFER_NO_SCHEDULE, ShouldRun, is_execute, is_schedule_or_execute};
use super::tolerations::first_tolerating;
use crate::api::{Node, Taint, Toleration};
use serde::Serialize;

/// Why a DaemonSet does (or does not) get a pod on a node: the decision and the checks that
/// made it, in the order Kubernetes makes them (nodeName, nodeSelector, required node affinity,
/// taints). Evaluation stops at the first check that fails, as upstream does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    pub node: String,
    pub should_run: bool,
    pub should_continue_running: bool,
    pub reasons: Vec<Reason>,
}

/// One check of `NodeShouldRunDaemonPod` and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all_fields = "camelCase")]
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
    /// [`Self::should_run`] with its reasons (spec §5), for the UI and `kubectl describe`.
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

    /// One plain-English sentence, e.g. "No pod: node-2 has taint dedicated=user1:NoSchedule,
    /// which the DaemonSet does not tolerate; a running pod may stay (NoSchedule does not
    /// evict)."
    pub fn summary(&self) -> String {
        let node = &self.node;
        let deleted = "a running pod is deleted";
        if let Some(wanted) = self.reasons.iter().find_map(|r| match r {
            Reason::NodeNameMismatch { wanted } => Some(wanted),
            _ => None,
        }) {
            return format!(
                "No pod: the pod template's nodeName is {wanted}, so {node} gets none; {deleted}."
            );
        }
        let selector = self.selector_mismatches();
        if !selector.is_empty() {
            return format!(
                "No pod: {node} does not match nodeSelector {}; {deleted}.",
                selector.join(", ")
            );
        }
        if self.reasons.contains(&Reason::NodeAffinityNoTerms) {
            return format!(
                "No pod: the required node affinity has no non-empty nodeSelectorTerms, so it \
                 matches no node; {deleted}."
            );
        }
        let terms = self.term_failures();
        if !terms.is_empty() {
            return format!(
                "No pod: {node} matches no required node-affinity term: {}; {deleted}.",
                terms.join("; ")
            );
        }
        let untolerated: Vec<&Taint> = self
            .reasons
            .iter()
            .filter_map(|r| match r {
                Reason::TaintNotTolerated { taint } => Some(taint),
                _ => None,
            })
            .collect();
        if !untolerated.is_empty() {
            return self.taint_summary(&untolerated);
        }
        if !self.should_run {
            return format!("No pod on {node}.");
        }
        let fits = self.fit_details();
        if fits.is_empty() {
            format!(
                "Pod: nothing keeps the DaemonSet off {node} (no nodeName, nodeSelector, required \
                 node affinity or blocking taint)."
            )
        } else {
            format!("Pod: {node} runs the DaemonSet's pod: {}.", fits.join("; "))
        }
    }

    /// `key=wanted (it has key=actual)` for each failed `nodeSelector` entry.
    fn selector_mismatches(&self) -> Vec<String> {
        self.reasons
            .iter()
            .filter_map(|r| match r {
                Reason::NodeSelectorMismatch {
                    key,
                    wanted,
                    actual,
                } => Some(match actual {
                    Some(a) => format!("{key}={wanted} (it has {key}={a})"),
                    None => format!("{key}={wanted} (it has no {key} label)"),
                }),
                _ => None,
            })
            .collect()
    }

    /// One phrase per failed or invalid node-affinity term.
    fn term_failures(&self) -> Vec<String> {
        self.reasons
            .iter()
            .filter_map(|r| match r {
                Reason::NodeAffinityTermFailed {
                    term,
                    failed,
                    key,
                    is_field,
                    node_value,
                } => {
                    let has = match (is_field, node_value) {
                        (true, Some(v)) => format!("its {key} is {v}"),
                        (true, None) if key == NODE_NAME_FIELD => "it has no name".to_string(),
                        (true, None) => format!("nodes have no field {key}"),
                        (false, Some(v)) => format!("it has {key}={v}"),
                        (false, None) => format!("it has no {key} label"),
                    };
                    Some(format!("term {term} needs `{failed}` ({has})"))
                }
                Reason::NodeAffinityTermInvalid { term, error } => Some(format!(
                    "term {term} is invalid and never matches ({error})"
                )),
                _ => None,
            })
            .collect()
    }

    /// The sentence for untolerated NoSchedule / NoExecute taints.
    fn taint_summary(&self, untolerated: &[&Taint]) -> String {
        let noun = if untolerated.len() == 1 {
            "taint"
        } else {
            "taints"
        };
        let list: Vec<String> = untolerated.iter().map(|t| t.to_string()).collect();
        let tail = match untolerated.iter().find(|t| is_execute(t)) {
            Some(t) => format!("a running pod is evicted ({t} is NoExecute)"),
            None => "a running pod may stay (NoSchedule does not evict)".to_string(),
        };
        format!(
            "No pod: {} has {noun} {}, which the DaemonSet does not tolerate; {tail}.",
            self.node,
            list.join(", ")
        )
    }

    /// The phrases saying why the pod fits.
    fn fit_details(&self) -> Vec<String> {
        let mut details = Vec::new();
        let mut selector_done = false;
        let matched: Vec<String> = self
            .reasons
            .iter()
            .filter_map(|r| match r {
                Reason::NodeSelectorMatched { key, value } => Some(format!("{key}={value}")),
                _ => None,
            })
            .collect();
        for r in &self.reasons {
            match r {
                Reason::NodeNameMatched { .. } => {
                    details.push("the pod template's nodeName names it".to_string());
                }
                Reason::NodeSelectorMatched { .. } if !selector_done => {
                    selector_done = true;
                    details.push(format!("it matches nodeSelector {}", matched.join(", ")));
                }
                Reason::NodeAffinityMatched { term } => {
                    details.push(format!("it matches required node-affinity term {term}"));
                }
                Reason::TaintToleratedByDefault { taint, toleration } => details.push(format!(
                    "taint {taint} is tolerated by the default toleration {}",
                    describe_toleration(toleration)
                )),
                Reason::TaintToleratedByUser {
                    taint,
                    toleration,
                    index,
                } => details.push(format!(
                    "taint {taint} is tolerated by tolerations[{index}] ({})",
                    describe_toleration(toleration)
                )),
                Reason::PreferNoScheduleIgnored { taint } => details.push(format!(
                    "taint {taint} is PreferNoSchedule, which the DaemonSet controller ignores"
                )),
                Reason::TaintEffectIgnored { taint } => details.push(format!(
                    "taint {taint} has an effect the DaemonSet controller ignores"
                )),
                _ => {}
            }
        }
        details
    }
}

/// A toleration as `kubectl describe` lists it: `key=value:Effect op=Exists for 300s`.
pub fn describe_toleration(t: &Toleration) -> String {
    let mut s = t.key.to_string();
    if !t.value.is_empty() {
        s.push('=');
        s.push_str(&t.value);
    }
    if !t.effect.is_empty() {
        s.push(':');
        s.push_str(&t.effect);
    }
    let op = match &*t.operator {
        "Exists" if t.value.is_empty() => Some("Exists"),
        "Lt" => Some("Lt"),
        "Gt" => Some("Gt"),
        _ => None,
    };
    if let Some(op) = op {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str("op=");
        s.push_str(op);
    }
    if let Some(secs) = t.toleration_seconds {
        s.push_str(&format!(" for {secs}s"));
    }
    s
}

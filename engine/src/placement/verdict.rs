//! The one reading of an [`Explanation`]: which of its reasons the answer to "why is there (no)
//! pod here?" is about, with the data the answer needs. The engine's English summary
//! ([`Explanation::summary`]) and each language of the web app only put words around it.

use super::explain::{Explanation, Reason};
use super::node_affinity::NODE_NAME_FIELD;
use super::should_run::is_execute;
use crate::api::{Taint, Toleration};

/// The deciding case, the first that applies in the order Kubernetes checks (nodeName,
/// nodeSelector, required node affinity, taints). The node is the explanation's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict<'a> {
    /// The pod template's `nodeName` names another node: no pod, a running one is deleted.
    NodeNameMismatch { wanted: &'a str },
    /// `nodeSelector` entries the node lacks: no pod, a running one is deleted.
    SelectorMismatch { entries: Vec<SelectorMismatch<'a>> },
    /// Required node affinity without a non-empty `nodeSelectorTerms`: it matches no node.
    AffinityNoTerms,
    /// No required node-affinity term matches: each term's failure, in order.
    AffinityFailed { terms: Vec<TermFailure<'a>> },
    /// NoSchedule or NoExecute taints the DaemonSet does not tolerate; `evicting` is the first
    /// NoExecute one (a running pod is evicted), None when a running pod may stay.
    Untolerated {
        taints: Vec<&'a Taint>,
        evicting: Option<&'a Taint>,
    },
    /// No pod, with no reason above.
    NoPod,
    /// A pod belongs here: what let it, in the order of the checks (empty: nothing keeps the
    /// DaemonSet off the node).
    Runs { fits: Vec<Fit<'a>> },
}

/// A `nodeSelector` entry the node does not carry; `actual` is the node's value for `key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SelectorMismatch<'a> {
    pub key: &'a str,
    pub wanted: &'a str,
    pub actual: Option<&'a str>,
}

/// A required node-affinity term that does not match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermFailure<'a> {
    /// `nodeSelectorTerms[term]` needs `requirement` (e.g. `disk In [ssd]`); `has` is what the
    /// node has instead.
    Needs {
        term: usize,
        requirement: &'a str,
        has: NodeHas<'a>,
    },
    /// `nodeSelectorTerms[term]` does not parse, so it never matches.
    Invalid { term: usize, error: &'a str },
}

/// What the node has for the key of a failed requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeHas<'a> {
    /// The field `key` (`metadata.name`) with this value.
    Field { key: &'a str, value: &'a str },
    /// `metadata.name` asked for, and the node has no name.
    NoName,
    /// A field nodes do not have.
    NoField { key: &'a str },
    /// The label `key` with this value.
    Label { key: &'a str, value: &'a str },
    /// No label `key`.
    NoLabel { key: &'a str },
}

/// One rule that let the pod onto the node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fit<'a> {
    /// The pod template's `nodeName` names the node.
    NodeName,
    /// The node carries every `nodeSelector` entry (`key`, `value`), in the selector's order.
    Selector { entries: Vec<(&'a str, &'a str)> },
    /// Required node-affinity term `term` matches.
    AffinityTerm { term: usize },
    /// A taint tolerated by one of the default tolerations of DaemonSet pods.
    DefaultToleration {
        taint: &'a Taint,
        toleration: &'a Toleration,
    },
    /// A taint tolerated by the template's `tolerations[index]`.
    UserToleration {
        taint: &'a Taint,
        toleration: &'a Toleration,
        index: usize,
    },
    /// A PreferNoSchedule taint, which the DaemonSet controller ignores.
    PreferNoSchedule { taint: &'a Taint },
    /// A taint with another effect, ignored too.
    EffectIgnored { taint: &'a Taint },
}

impl Explanation {
    /// The deciding case and its data.
    pub fn verdict(&self) -> Verdict<'_> {
        if let Some(wanted) = self.reasons.iter().find_map(|r| match r {
            Reason::NodeNameMismatch { wanted } => Some(wanted.as_str()),
            _ => None,
        }) {
            return Verdict::NodeNameMismatch { wanted };
        }
        let entries: Vec<SelectorMismatch<'_>> = self
            .reasons
            .iter()
            .filter_map(|r| match r {
                Reason::NodeSelectorMismatch {
                    key,
                    wanted,
                    actual,
                } => Some(SelectorMismatch {
                    key,
                    wanted,
                    actual: actual.as_deref(),
                }),
                _ => None,
            })
            .collect();
        if !entries.is_empty() {
            return Verdict::SelectorMismatch { entries };
        }
        if self.reasons.contains(&Reason::NodeAffinityNoTerms) {
            return Verdict::AffinityNoTerms;
        }
        let terms: Vec<TermFailure<'_>> = self.reasons.iter().filter_map(term_failure).collect();
        if !terms.is_empty() {
            return Verdict::AffinityFailed { terms };
        }
        let taints: Vec<&Taint> = self
            .reasons
            .iter()
            .filter_map(|r| match r {
                Reason::TaintNotTolerated { taint } => Some(taint),
                _ => None,
            })
            .collect();
        if !taints.is_empty() {
            let evicting = taints.iter().copied().find(|t| is_execute(t));
            return Verdict::Untolerated { taints, evicting };
        }
        if !self.should_run {
            return Verdict::NoPod;
        }
        Verdict::Runs { fits: self.fits() }
    }

    /// The rules that let the pod in, the `nodeSelector` entries together where the first is.
    fn fits(&self) -> Vec<Fit<'_>> {
        let mut selector: Option<Vec<(&str, &str)>> = Some(
            self.reasons
                .iter()
                .filter_map(|r| match r {
                    Reason::NodeSelectorMatched { key, value } => Some((key.as_str(), &**value)),
                    _ => None,
                })
                .collect(),
        );
        self.reasons
            .iter()
            .filter_map(|r| match r {
                Reason::NodeNameMatched { .. } => Some(Fit::NodeName),
                Reason::NodeSelectorMatched { .. } => {
                    selector.take().map(|entries| Fit::Selector { entries })
                }
                Reason::NodeAffinityMatched { term } => Some(Fit::AffinityTerm { term: *term }),
                Reason::TaintToleratedByDefault { taint, toleration } => {
                    Some(Fit::DefaultToleration { taint, toleration })
                }
                Reason::TaintToleratedByUser {
                    taint,
                    toleration,
                    index,
                } => Some(Fit::UserToleration {
                    taint,
                    toleration,
                    index: *index,
                }),
                Reason::PreferNoScheduleIgnored { taint } => Some(Fit::PreferNoSchedule { taint }),
                Reason::TaintEffectIgnored { taint } => Some(Fit::EffectIgnored { taint }),
                _ => None,
            })
            .collect()
    }
}

/// A failed or invalid required node-affinity term.
fn term_failure(r: &Reason) -> Option<TermFailure<'_>> {
    match r {
        Reason::NodeAffinityTermFailed {
            term,
            failed,
            key,
            is_field,
            node_value,
        } => {
            let has = match (is_field, node_value.as_deref()) {
                (true, Some(value)) => NodeHas::Field { key, value },
                (true, None) if key == NODE_NAME_FIELD => NodeHas::NoName,
                (true, None) => NodeHas::NoField { key },
                (false, Some(value)) => NodeHas::Label { key, value },
                (false, None) => NodeHas::NoLabel { key },
            };
            Some(TermFailure::Needs {
                term: *term,
                requirement: failed,
                has,
            })
        }
        Reason::NodeAffinityTermInvalid { term, error } => {
            Some(TermFailure::Invalid { term: *term, error })
        }
        _ => None,
    }
}

//! "Why is there (no) pod here?" in the page's language, from the engine's structured answer
//! (`Cluster::explain`: the placement [`Reason`]s and the pods' states). The sentences follow
//! the engine's English summary (`Explanation::summary`, kept for `kubectl describe` and the
//! CLI) word for word in English; the taints, labels, tolerations, requirements and the
//! scheduler's and kubelet's messages inside them stay as Kubernetes writes them.

use super::{Lang, Msg, format, text};
use dsplay_engine::api::Taint;
use dsplay_engine::cluster::explain::SlotExplanation;
use dsplay_engine::placement::{Explanation, NODE_NAME_FIELD, Reason, describe_toleration};

/// The explanation of one (DaemonSet, node) pair as one paragraph.
pub fn sentence(lang: Lang, slot: &SlotExplanation) -> String {
    let mut s = placement(lang, &slot.placement);
    if let Some(p) = slot.pods.iter().find(|p| !p.terminating && !p.ready)
        && let Some(waiting) = &p.waiting
    {
        s.push_str(&format(
            lang,
            Msg::WhyPodWaiting,
            &[("pod", &p.name), ("phase", &p.phase), ("waiting", waiting)],
        ));
    }
    s
}

/// The placement decision and the rule that made it.
pub fn placement(lang: Lang, e: &Explanation) -> String {
    let node = &e.node;
    let list = |items: Vec<String>| items.join(text(lang, Msg::ListSeparator));
    let clauses = |items: Vec<String>| items.join(text(lang, Msg::ClauseSeparator));

    if let Some(wanted) = e.reasons.iter().find_map(|r| match r {
        Reason::NodeNameMismatch { wanted } => Some(wanted),
        _ => None,
    }) {
        return format(
            lang,
            Msg::WhyNodeNameMismatch,
            &[("wanted", wanted), ("node", node)],
        );
    }
    let selector: Vec<String> = e
        .reasons
        .iter()
        .filter_map(|r| match r {
            Reason::NodeSelectorMismatch {
                key,
                wanted,
                actual,
            } => Some(match actual {
                Some(actual) => format(
                    lang,
                    Msg::WhySelectorHas,
                    &[("key", key), ("wanted", wanted), ("actual", actual)],
                ),
                None => format(
                    lang,
                    Msg::WhySelectorLacks,
                    &[("key", key), ("wanted", wanted)],
                ),
            }),
            _ => None,
        })
        .collect();
    if !selector.is_empty() {
        return format(
            lang,
            Msg::WhySelectorMismatch,
            &[("node", node), ("selector", &list(selector))],
        );
    }
    if e.reasons.contains(&Reason::NodeAffinityNoTerms) {
        return text(lang, Msg::WhyAffinityNoTerms).to_string();
    }
    let terms: Vec<String> = e
        .reasons
        .iter()
        .filter_map(|r| term_failure(lang, r))
        .collect();
    if !terms.is_empty() {
        return format(
            lang,
            Msg::WhyAffinityFailed,
            &[("node", node), ("terms", &clauses(terms))],
        );
    }
    let untolerated: Vec<&Taint> = e
        .reasons
        .iter()
        .filter_map(|r| match r {
            Reason::TaintNotTolerated { taint } => Some(taint),
            _ => None,
        })
        .collect();
    if !untolerated.is_empty() {
        let consequence = match untolerated.iter().find(|t| t.effect == "NoExecute") {
            Some(t) => format(lang, Msg::WhyEvicted, &[("taint", t)]),
            None => text(lang, Msg::WhyMayStay).to_string(),
        };
        let msg = if untolerated.len() == 1 {
            Msg::WhyTaintOne
        } else {
            Msg::WhyTaintMany
        };
        let taints = list(untolerated.iter().map(ToString::to_string).collect());
        return format(
            lang,
            msg,
            &[
                ("node", node),
                ("taints", &taints),
                ("consequence", &consequence),
            ],
        );
    }
    if !e.should_run {
        return format(lang, Msg::WhyNoPodOn, &[("node", node)]);
    }
    let details = fit_details(lang, e);
    if details.is_empty() {
        format(lang, Msg::WhyNothingKeepsOff, &[("node", node)])
    } else {
        format(
            lang,
            Msg::WhyRuns,
            &[("node", node), ("details", &clauses(details))],
        )
    }
}

/// A failed or invalid required node-affinity term.
fn term_failure(lang: Lang, r: &Reason) -> Option<String> {
    match r {
        Reason::NodeAffinityTermFailed {
            term,
            failed,
            key,
            is_field,
            node_value,
        } => {
            let has = match (is_field, node_value) {
                (true, Some(v)) => format(lang, Msg::WhyFieldIs, &[("key", key), ("value", v)]),
                (true, None) if key == NODE_NAME_FIELD => text(lang, Msg::WhyNoName).to_string(),
                (true, None) => format(lang, Msg::WhyNoField, &[("key", key)]),
                (false, Some(v)) => format(lang, Msg::WhyLabelIs, &[("key", key), ("value", v)]),
                (false, None) => format(lang, Msg::WhyNoLabel, &[("key", key)]),
            };
            Some(format(
                lang,
                Msg::WhyTermNeeds,
                &[("term", term), ("requirement", failed), ("has", &has)],
            ))
        }
        Reason::NodeAffinityTermInvalid { term, error } => Some(format(
            lang,
            Msg::WhyTermInvalid,
            &[("term", term), ("error", error)],
        )),
        _ => None,
    }
}

/// Why the pod fits, one phrase per rule that let it.
fn fit_details(lang: Lang, e: &Explanation) -> Vec<String> {
    let matched: Vec<String> = e
        .reasons
        .iter()
        .filter_map(|r| match r {
            Reason::NodeSelectorMatched { key, value } => Some(format!("{key}={value}")),
            _ => None,
        })
        .collect();
    let mut selector_done = false;
    let mut details = Vec::new();
    for r in &e.reasons {
        let phrase = match r {
            Reason::NodeNameMatched { .. } => text(lang, Msg::WhyNodeNameNames).to_string(),
            Reason::NodeSelectorMatched { .. } if !selector_done => {
                selector_done = true;
                let selector = matched.join(text(lang, Msg::ListSeparator));
                format(lang, Msg::WhySelectorMatches, &[("selector", &selector)])
            }
            Reason::NodeAffinityMatched { term } => {
                format(lang, Msg::WhyTermMatches, &[("term", term)])
            }
            Reason::TaintToleratedByDefault { taint, toleration } => format(
                lang,
                Msg::WhyDefaultToleration,
                &[
                    ("taint", taint),
                    ("toleration", &describe_toleration(toleration)),
                ],
            ),
            Reason::TaintToleratedByUser {
                taint,
                toleration,
                index,
            } => format(
                lang,
                Msg::WhyUserToleration,
                &[
                    ("taint", taint),
                    ("index", index),
                    ("toleration", &describe_toleration(toleration)),
                ],
            ),
            Reason::PreferNoScheduleIgnored { taint } => {
                format(lang, Msg::WhyPreferNoSchedule, &[("taint", taint)])
            }
            Reason::TaintEffectIgnored { taint } => {
                format(lang, Msg::WhyEffectIgnored, &[("taint", taint)])
            }
            _ => continue,
        };
        details.push(phrase);
    }
    details
}

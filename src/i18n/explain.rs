//! "Why is there (no) pod here?" in the page's language: the engine's [`Verdict`] (which rule
//! decided, with its data) and the held-up pod of `dsplay_engine::query::explain`, put into
//! words. The English is the engine's summary (`Explanation::summary`) word for word; the
//! taints, labels, tolerations, requirements and the scheduler's and kubelet's messages inside
//! the sentences stay as Kubernetes writes them.

use super::{Lang, Msg, format, text};
use dsplay_engine::placement::{
    Explanation, Fit, NodeHas, SelectorMismatch, TermFailure, Verdict, describe_toleration,
};
use dsplay_engine::query::SlotExplanation;

/// The explanation of one (DaemonSet, node) pair as one paragraph.
pub fn sentence(lang: Lang, slot: &SlotExplanation) -> String {
    let mut s = placement(lang, &slot.placement);
    if let Some((pod, waiting)) = slot.held_up() {
        s.push_str(&format(
            lang,
            Msg::WhyPodWaiting,
            &[
                ("pod", &pod.name),
                ("phase", &pod.phase),
                ("waiting", &waiting),
            ],
        ));
    }
    s
}

/// The placement decision and the rule that made it.
pub fn placement(lang: Lang, e: &Explanation) -> String {
    let node = &e.node;
    let list = |items: Vec<String>| items.join(text(lang, Msg::ListSeparator));
    let clauses = |items: Vec<String>| items.join(text(lang, Msg::ClauseSeparator));
    match e.verdict() {
        Verdict::NodeNameMismatch { wanted } => format(
            lang,
            Msg::WhyNodeNameMismatch,
            &[("wanted", &wanted), ("node", node)],
        ),
        Verdict::SelectorMismatch { entries } => {
            let selector = list(entries.iter().map(|m| selector_mismatch(lang, m)).collect());
            format(
                lang,
                Msg::WhySelectorMismatch,
                &[("node", node), ("selector", &selector)],
            )
        }
        Verdict::AffinityNoTerms => text(lang, Msg::WhyAffinityNoTerms).to_string(),
        Verdict::AffinityFailed { terms } => {
            let terms = clauses(terms.iter().map(|t| term_failure(lang, t)).collect());
            format(
                lang,
                Msg::WhyAffinityFailed,
                &[("node", node), ("terms", &terms)],
            )
        }
        Verdict::Untolerated { taints, evicting } => {
            let consequence = match evicting {
                Some(t) => format(lang, Msg::WhyEvicted, &[("taint", t)]),
                None => text(lang, Msg::WhyMayStay).to_string(),
            };
            let msg = if taints.len() == 1 {
                Msg::WhyTaintOne
            } else {
                Msg::WhyTaintMany
            };
            let taints = list(taints.iter().map(ToString::to_string).collect());
            format(
                lang,
                msg,
                &[
                    ("node", node),
                    ("taints", &taints),
                    ("consequence", &consequence),
                ],
            )
        }
        Verdict::NoPod => format(lang, Msg::WhyNoPodOn, &[("node", node)]),
        Verdict::Runs { fits } if fits.is_empty() => {
            format(lang, Msg::WhyNothingKeepsOff, &[("node", node)])
        }
        Verdict::Runs { fits } => {
            let details = clauses(fits.iter().map(|f| fit(lang, f)).collect());
            format(lang, Msg::WhyRuns, &[("node", node), ("details", &details)])
        }
    }
}

fn selector_mismatch(lang: Lang, m: &SelectorMismatch<'_>) -> String {
    let SelectorMismatch {
        key,
        wanted,
        actual,
    } = m;
    match actual {
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
    }
}

fn term_failure(lang: Lang, t: &TermFailure<'_>) -> String {
    match t {
        TermFailure::Needs {
            term,
            requirement,
            has,
        } => {
            let has = match has {
                NodeHas::Field { key, value } => {
                    format(lang, Msg::WhyFieldIs, &[("key", key), ("value", value)])
                }
                NodeHas::NoName => text(lang, Msg::WhyNoName).to_string(),
                NodeHas::NoField { key } => format(lang, Msg::WhyNoField, &[("key", key)]),
                NodeHas::Label { key, value } => {
                    format(lang, Msg::WhyLabelIs, &[("key", key), ("value", value)])
                }
                NodeHas::NoLabel { key } => format(lang, Msg::WhyNoLabel, &[("key", key)]),
            };
            format(
                lang,
                Msg::WhyTermNeeds,
                &[("term", term), ("requirement", requirement), ("has", &has)],
            )
        }
        TermFailure::Invalid { term, error } => format(
            lang,
            Msg::WhyTermInvalid,
            &[("term", term), ("error", error)],
        ),
    }
}

fn fit(lang: Lang, f: &Fit<'_>) -> String {
    match f {
        Fit::NodeName => text(lang, Msg::WhyNodeNameNames).to_string(),
        Fit::Selector { entries } => {
            let entries: Vec<String> = entries.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let selector = entries.join(text(lang, Msg::ListSeparator));
            format(lang, Msg::WhySelectorMatches, &[("selector", &selector)])
        }
        Fit::AffinityTerm { term } => format(lang, Msg::WhyTermMatches, &[("term", term)]),
        Fit::DefaultToleration { taint, toleration } => format(
            lang,
            Msg::WhyDefaultToleration,
            &[
                ("taint", taint),
                ("toleration", &describe_toleration(toleration)),
            ],
        ),
        Fit::UserToleration {
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
        Fit::PreferNoSchedule { taint } => {
            format(lang, Msg::WhyPreferNoSchedule, &[("taint", taint)])
        }
        Fit::EffectIgnored { taint } => format(lang, Msg::WhyEffectIgnored, &[("taint", taint)]),
    }
}

//! The [`Verdict`] in plain English: the engine's own wording of "why is there (no) pod here?".
//! The web app says the same in each of its languages from its catalogues; its English is
//! tested to be this text word for word, which is what keeps the two from drifting.

use super::explain::Explanation;
use super::verdict::{Fit, NodeHas, SelectorMismatch, TermFailure, Verdict};
use crate::api::Toleration;

impl Explanation {
    /// One plain-English sentence, e.g. "No pod: node-2 has taint dedicated=user1:NoSchedule,
    /// which the DaemonSet does not tolerate; a running pod may stay (NoSchedule does not
    /// evict)."
    pub fn summary(&self) -> String {
        let node = &self.node;
        let deleted = "a running pod is deleted";
        match self.verdict() {
            Verdict::NodeNameMismatch { wanted } => format!(
                "No pod: the pod template's nodeName is {wanted}, so {node} gets none; {deleted}."
            ),
            Verdict::SelectorMismatch { entries } => {
                let entries: Vec<String> = entries.iter().map(selector_mismatch).collect();
                format!(
                    "No pod: {node} does not match nodeSelector {}; {deleted}.",
                    entries.join(", ")
                )
            }
            Verdict::AffinityNoTerms => format!(
                "No pod: the required node affinity has no non-empty nodeSelectorTerms, so it \
                 matches no node; {deleted}."
            ),
            Verdict::AffinityFailed { terms } => {
                let terms: Vec<String> = terms.iter().map(term_failure).collect();
                format!(
                    "No pod: {node} matches no required node-affinity term: {}; {deleted}.",
                    terms.join("; ")
                )
            }
            Verdict::Untolerated { taints, evicting } => {
                let noun = if taints.len() == 1 { "taint" } else { "taints" };
                let list: Vec<String> = taints.iter().map(ToString::to_string).collect();
                let tail = match evicting {
                    Some(t) => format!("a running pod is evicted ({t} is NoExecute)"),
                    None => "a running pod may stay (NoSchedule does not evict)".to_string(),
                };
                format!(
                    "No pod: {node} has {noun} {}, which the DaemonSet does not tolerate; {tail}.",
                    list.join(", ")
                )
            }
            Verdict::NoPod => format!("No pod on {node}."),
            Verdict::Runs { fits } if fits.is_empty() => format!(
                "Pod: nothing keeps the DaemonSet off {node} (no nodeName, nodeSelector, required \
                 node affinity or blocking taint)."
            ),
            Verdict::Runs { fits } => {
                let fits: Vec<String> = fits.iter().map(fit).collect();
                format!("Pod: {node} runs the DaemonSet's pod: {}.", fits.join("; "))
            }
        }
    }
}

/// `key=wanted (it has key=actual)`.
fn selector_mismatch(m: &SelectorMismatch<'_>) -> String {
    let SelectorMismatch {
        key,
        wanted,
        actual,
    } = m;
    match actual {
        Some(a) => format!("{key}={wanted} (it has {key}={a})"),
        None => format!("{key}={wanted} (it has no {key} label)"),
    }
}

fn term_failure(t: &TermFailure<'_>) -> String {
    match t {
        TermFailure::Needs {
            term,
            requirement,
            has,
        } => {
            let has = match has {
                NodeHas::Field { key, value } => format!("its {key} is {value}"),
                NodeHas::NoName => "it has no name".to_string(),
                NodeHas::NoField { key } => format!("nodes have no field {key}"),
                NodeHas::Label { key, value } => format!("it has {key}={value}"),
                NodeHas::NoLabel { key } => format!("it has no {key} label"),
            };
            format!("term {term} needs `{requirement}` ({has})")
        }
        TermFailure::Invalid { term, error } => {
            format!("term {term} is invalid and never matches ({error})")
        }
    }
}

fn fit(f: &Fit<'_>) -> String {
    match f {
        Fit::NodeName => "the pod template's nodeName names it".to_string(),
        Fit::Selector { entries } => {
            let entries: Vec<String> = entries.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("it matches nodeSelector {}", entries.join(", "))
        }
        Fit::AffinityTerm { term } => format!("it matches required node-affinity term {term}"),
        Fit::DefaultToleration { taint, toleration } => format!(
            "taint {taint} is tolerated by the default toleration {}",
            describe_toleration(toleration)
        ),
        Fit::UserToleration {
            taint,
            toleration,
            index,
        } => format!(
            "taint {taint} is tolerated by tolerations[{index}] ({})",
            describe_toleration(toleration)
        ),
        Fit::PreferNoSchedule { taint } => {
            format!("taint {taint} is PreferNoSchedule, which the DaemonSet controller ignores")
        }
        Fit::EffectIgnored { taint } => {
            format!("taint {taint} has an effect the DaemonSet controller ignores")
        }
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

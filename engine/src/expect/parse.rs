//! Reading the words after `expect`. A malformed expectation is not a command of the language:
//! the runner stops there and names the line, so a tutorial's test cannot pass by accident.

use super::field::{FieldPath, looks_like_path};
use super::{Expect, NodeRule, ObjectTest, Op, PodSet};
use crate::kubectl::resource::ResourceKind;

const FORMS: &str = "expect pods …, expect KIND/NAME …, expect output …, expect failed|succeeded";

/// Parses `expect`'s arguments; the error is a sentence naming what is wrong.
pub(crate) fn parse(args: &[String]) -> Result<Expect, String> {
    let mut namespace: Option<String> = None;
    let mut selector: Option<String> = None;
    let mut words: Vec<&str> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let a = a.as_str();
        // After `output contains|lacks` and `failed` comes a text, which may start with `-`.
        if matches!(
            words.as_slice(),
            ["output", "contains" | "lacks"] | ["failed"]
        ) {
            words.push(a);
            continue;
        }
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with('-') => (f, Some(v)),
            _ => (a, None),
        };
        let slot = match flag {
            "-n" | "--namespace" => &mut namespace,
            "-l" | "--selector" => &mut selector,
            _ if a.starts_with('-')
                && a.len() > 1
                && !is_number(a)
                && Op::from_word(a).is_none() =>
            {
                return Err(format!(
                    "expect: unknown flag {a} (it has -n NS and -l SELECTOR)"
                ));
            }
            _ => {
                words.push(a);
                continue;
            }
        };
        let value = match inline {
            Some(v) => v.to_string(),
            None => it
                .next()
                .cloned()
                .ok_or_else(|| format!("expect: {flag} needs a value"))?,
        };
        if slot.replace(value).is_some() {
            return Err(format!("expect: {flag} given twice"));
        }
    }
    let namespace = namespace.unwrap_or_else(|| "default".to_string());
    let Some((&first, rest)) = words.split_first() else {
        return Err(format!("expect needs something to check ({FORMS})"));
    };
    let no_selector = |what: &str| match &selector {
        Some(_) => Err(format!("expect {what}: -l is only for expect pods")),
        None => Ok(()),
    };
    match first {
        "pods" => parse_pods(rest, namespace, selector),
        "output" => {
            no_selector("output")?;
            let (contains, text) = match rest.split_first() {
                Some((&"contains", text)) => (true, text),
                Some((&"lacks", text)) => (false, text),
                _ => return Err("expect output needs contains TEXT or lacks TEXT".into()),
            };
            if text.is_empty() {
                return Err("expect output: which text?".into());
            }
            Ok(Expect::Output {
                contains,
                text: text.join(" "),
            })
        }
        "failed" => {
            no_selector("failed")?;
            Ok(Expect::Outcome {
                failed: true,
                text: (!rest.is_empty()).then(|| rest.join(" ")),
            })
        }
        "succeeded" => {
            no_selector("succeeded")?;
            if !rest.is_empty() {
                return Err("expect succeeded takes nothing after it".into());
            }
            Ok(Expect::Outcome {
                failed: false,
                text: None,
            })
        }
        target => {
            no_selector("KIND/NAME")?;
            parse_object(target, rest, namespace)
        }
    }
}

fn is_number(s: &str) -> bool {
    crate::float_parse::parse(s).is_some()
}

/// `KIND/NAME`, with the kind resolved as kubectl resolves it.
fn kind_and_name(target: &str) -> Result<(ResourceKind, String), String> {
    let Some((kind, name)) = target.split_once('/') else {
        return Err(format!(
            "expect: {target:?} is not something to check ({FORMS})"
        ));
    };
    let kind = ResourceKind::from_arg(kind)
        .ok_or_else(|| format!("expect: the server doesn't have a resource type {kind:?}"))?;
    if name.is_empty() || name.contains('/') {
        return Err(format!("expect: {target:?} is not KIND/NAME"));
    }
    Ok((kind, name.to_string()))
}

fn parse_pods(
    words: &[&str],
    namespace: String,
    selector: Option<String>,
) -> Result<Expect, String> {
    let (pods, rest) = match (words.split_first(), selector) {
        (Some((&"of", rest)), None) => {
            let Some((target, rest)) = rest.split_first() else {
                return Err("expect pods of needs KIND/NAME (e.g. ds/fluentd)".into());
            };
            let (kind, name) = kind_and_name(target)?;
            if !matches!(kind, ResourceKind::DaemonSet | ResourceKind::ReplicaSet) {
                return Err(format!(
                    "expect pods of: a {} does not own pods; name their DaemonSet (ds/NAME), ReplicaSet (rs/NAME) or use -l",
                    kind.singular()
                ));
            }
            (PodSet::Of { kind, name }, rest)
        }
        (Some((&"of", _)), Some(_)) => {
            return Err("expect pods: either of KIND/NAME or -l SELECTOR, not both".into());
        }
        (_, Some(sel)) => (PodSet::Selector(sel), words),
        (_, None) => return Err("expect pods needs of KIND/NAME or -l SELECTOR".into()),
    };
    let (ready, rest) = match rest.split_first() {
        Some((&"ready", rest)) => (true, rest),
        _ => (false, rest),
    };
    let rule = match rest {
        ["on", "exactly", nodes @ ..] => NodeRule::Exactly(node_list(nodes)?),
        ["on", "at", "least", nodes @ ..] => NodeRule::AtLeast(node_list(nodes)?),
        ["not", "on", nodes @ ..] => NodeRule::NotOn(node_list(nodes)?),
        ["count", n] => NodeRule::Count(
            n.parse()
                .map_err(|_| format!("expect pods count: {n:?} is not a number"))?,
        ),
        _ => {
            return Err(
                "expect pods needs on exactly NODE…, on at least NODE…, not on NODE… or count N"
                    .into(),
            );
        }
    };
    Ok(Expect::Pods {
        pods,
        namespace,
        ready,
        rule,
    })
}

/// Node names, as separate words or separated by commas.
fn node_list(words: &[&str]) -> Result<Vec<String>, String> {
    let mut nodes: Vec<String> = Vec::new();
    for name in words.iter().flat_map(|w| w.split(',')) {
        if !name.is_empty() && !nodes.iter().any(|n| n == name) {
            nodes.push(name.to_string());
        }
    }
    if nodes.is_empty() {
        return Err("expect pods: which nodes?".into());
    }
    Ok(nodes)
}

fn parse_object(target: &str, words: &[&str], namespace: String) -> Result<Expect, String> {
    let (kind, name) = kind_and_name(target)?;
    let test = match words {
        ["exists"] => ObjectTest::Exists,
        ["absent"] => ObjectTest::Absent,
        ["ready"] | ["not", "ready"] => {
            if !matches!(kind, ResourceKind::Pod | ResourceKind::Node) {
                return Err(format!(
                    "expect {target} ready: only pods and nodes are ready or not"
                ));
            }
            ObjectTest::Ready(words.len() == 1)
        }
        ["rolled", "out"] => {
            if !matches!(kind, ResourceKind::DaemonSet | ResourceKind::Deployment) {
                return Err(format!(
                    "expect {target} rolled out: only a DaemonSet or a Deployment rolls out"
                ));
            }
            ObjectTest::RolledOut
        }
        [field, op, value] if looks_like_path(field) => {
            let path = FieldPath::parse(field).map_err(|e| format!("expect: {e}"))?;
            let op = Op::from_word(op).ok_or_else(|| {
                format!(
                    "expect: {op:?} is not a comparison (=, !=, -lt, -le, -gt, -ge, or '<' quoted)"
                )
            })?;
            ObjectTest::Field {
                path,
                op,
                value: value.to_string(),
            }
        }
        [field, _, _, ..] if looks_like_path(field) => {
            return Err(
                "expect: one value after the comparison (quote it if it has spaces)".into(),
            );
        }
        _ => {
            return Err(format!(
                "expect {target} needs exists, absent, ready, not ready, rolled out, or FIELD = VALUE"
            ));
        }
    };
    Ok(Expect::Object {
        kind,
        name,
        namespace,
        test,
    })
}

//! Evaluating an expectation: met or not, and when not, what was expected and what is there,
//! in kubectl's ways of printing (a table of the pods found, the `NotFound` error, the value).

use super::field::print_value;
use super::pods::{ByNode, pods_by_node};
use super::{Expect, NodeRule, ObjectTest, Op, PodSet, Previous};
use crate::cluster::Cluster;
use crate::kubectl::get::{Obj, find, not_found};
use crate::kubectl::print::printers::pod_summary;
use crate::kubectl::print::table::Table;
use crate::kubectl::resource::{ResourceKind, kind_string};
use crate::kubectl::rollout::status::status_line;
use serde_json::Value;
use std::fmt::Write;

/// Whether an expectation holds, and the report when it does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub met: bool,
    /// Empty when met; else lines saying what was expected and what is there.
    pub report: String,
}

impl Outcome {
    fn met() -> Outcome {
        Outcome {
            met: true,
            report: String::new(),
        }
    }

    fn unmet(report: String) -> Outcome {
        Outcome { met: false, report }
    }
}

/// Checks `e` against the cluster and the previous command (`None`: none ran yet).
pub fn evaluate(e: &Expect, cluster: &Cluster, previous: Option<Previous<'_>>) -> Outcome {
    let headline = format!("expectation failed: {}\n", describe(e));
    let outcome = match e {
        Expect::Pods {
            pods,
            namespace,
            ready,
            rule,
        } => check_pods(cluster, pods, namespace, *ready, rule),
        Expect::Object {
            kind,
            name,
            namespace,
            test,
        } => check_object(cluster, *kind, name, namespace, test),
        Expect::Output { contains, text } => check_output(previous, *contains, text),
        Expect::Outcome { failed, text } => check_outcome(previous, *failed, text.as_deref()),
    };
    match outcome {
        Ok(()) => Outcome::met(),
        Err(details) => Outcome::unmet(headline + &details),
    }
}

/// The expectation in words, for reports and for the page's goal list.
pub fn describe(e: &Expect) -> String {
    match e {
        Expect::Pods {
            pods,
            namespace,
            ready,
            rule,
        } => {
            let which = match pods {
                PodSet::Of { kind, name } => format!("pods of {}/{name}", kind_string(*kind)),
                PodSet::Selector(s) => format!("pods -l {s}"),
            };
            let ns = if namespace == "default" {
                String::new()
            } else {
                format!(" in {namespace}")
            };
            let ready = if *ready { " ready" } else { "" };
            let rule = match rule {
                NodeRule::Exactly(n) => format!("on exactly {}", n.join(", ")),
                NodeRule::AtLeast(n) => format!("on at least {}", n.join(", ")),
                NodeRule::NotOn(n) => format!("not on {}", n.join(", ")),
                NodeRule::Count(n) => format!("count {n}"),
            };
            format!("{which}{ns}{ready} {rule}")
        }
        Expect::Object {
            kind, name, test, ..
        } => {
            let what = format!("{}/{name}", kind_string(*kind));
            match test {
                ObjectTest::Exists => format!("{what} exists"),
                ObjectTest::Absent => format!("{what} absent"),
                ObjectTest::Ready(true) => format!("{what} ready"),
                ObjectTest::Ready(false) => format!("{what} not ready"),
                ObjectTest::RolledOut => format!("{what} rolled out"),
                ObjectTest::Field { path, op, value } => {
                    format!("{what} {path} {} {value}", op.symbol())
                }
            }
        }
        Expect::Output {
            contains: true,
            text,
        } => {
            format!("the previous command's output contains {text:?}")
        }
        Expect::Output {
            contains: false,
            text,
        } => format!("the previous command's output lacks {text:?}"),
        Expect::Outcome {
            failed: true,
            text: Some(t),
        } => format!("the previous command failed with {t:?}"),
        Expect::Outcome {
            failed: true,
            text: None,
        } => "the previous command failed".to_string(),
        Expect::Outcome { failed: false, .. } => "the previous command succeeded".to_string(),
    }
}

fn check_pods(
    cluster: &Cluster,
    set: &PodSet,
    namespace: &str,
    ready: bool,
    rule: &NodeRule,
) -> Result<(), String> {
    let found = pods_by_node(cluster, set, namespace, ready)?;
    let on = |node: &String| found.binary_search_by(|(n, _)| n.cmp(node)).is_ok();
    let mut problems = Vec::new();
    match rule {
        NodeRule::Exactly(nodes) | NodeRule::AtLeast(nodes) => {
            let missing: Vec<&str> = nodes
                .iter()
                .filter(|n| !on(n))
                .map(String::as_str)
                .collect();
            if !missing.is_empty() {
                problems.push(format!("no pod on: {}", missing.join(", ")));
            }
            if matches!(rule, NodeRule::Exactly(_)) {
                let extra: Vec<&str> = found
                    .iter()
                    .map(|(n, _)| n)
                    .filter(|n| !nodes.contains(n))
                    .map(|n| if n.is_empty() { "<none>" } else { n.as_str() })
                    .collect();
                if !extra.is_empty() {
                    problems.push(format!("pods also on: {}", extra.join(", ")));
                }
            }
        }
        NodeRule::NotOn(nodes) => {
            let present: Vec<&str> = nodes.iter().filter(|n| on(n)).map(String::as_str).collect();
            if !present.is_empty() {
                problems.push(format!("pods on: {}", present.join(", ")));
            }
        }
        NodeRule::Count(n) => {
            let count: usize = found.iter().map(|(_, pods)| pods.len()).sum();
            if count != *n {
                problems.push(format!("{count} pods, not {n}"));
            }
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    let mut report = String::new();
    for p in problems {
        let _ = writeln!(report, "  {p}");
    }
    report.push_str(&pods_table(&found));
    Err(report)
}

/// The pods found, one line each: `NODE  NAME  READY  STATUS`.
fn pods_table(found: &ByNode<'_>) -> String {
    if found.is_empty() {
        return "  (no pods)\n".to_string();
    }
    let mut t = Table::new(&["NODE", "NAME", "READY", "STATUS"]);
    for (node, pods) in found {
        for pod in pods {
            let s = pod_summary(pod);
            t.rows.push(vec![
                if node.is_empty() {
                    "<none>".into()
                } else {
                    node.clone()
                },
                pod.metadata.name.to_string(),
                format!("{}/{}", s.ready, s.total),
                s.status,
            ]);
        }
    }
    t.render()
}

fn check_object(
    cluster: &Cluster,
    kind: ResourceKind,
    name: &str,
    namespace: &str,
    test: &ObjectTest,
) -> Result<(), String> {
    let obj = find(cluster, kind, namespace, name);
    let missing = || format!("{}\n", not_found(kind, name).alone());
    match (test, obj) {
        (ObjectTest::Absent, None) => Ok(()),
        (ObjectTest::Absent, Some(_)) => Err(format!("  {}/{name} exists\n", kind_string(kind))),
        (_, None) => Err(missing()),
        (ObjectTest::Exists, Some(_)) => Ok(()),
        (ObjectTest::Ready(want), Some(o)) => {
            let ready = match o {
                Obj::Pod(p) => p.is_ready(),
                Obj::Node(n) => n.condition_status("Ready") == Some("True"),
                _ => false,
            };
            if ready == *want {
                Ok(())
            } else {
                Err(format!(
                    "  it is {}\n",
                    if ready { "ready" } else { "not ready" }
                ))
            }
        }
        (ObjectTest::RolledOut, Some(Obj::DaemonSet(ds))) => match status_line(ds) {
            Ok((_, true)) => Ok(()),
            Ok((line, false)) => Err(format!("  {line}")),
            Err(e) => Err(format!("  error: {e}\n")),
        },
        (ObjectTest::RolledOut, Some(Obj::Deployment(d))) => {
            match crate::kubectl::rollout::status::deployment_status_line(d) {
                (_, true) => Ok(()),
                (line, false) => Err(format!("  {line}")),
            }
        }
        (ObjectTest::RolledOut, Some(_)) => {
            Err("  only a DaemonSet or a Deployment rolls out\n".into())
        }
        (ObjectTest::Field { path, op, value }, Some(o)) => {
            let object = o.to_value();
            match path.lookup(&object) {
                Some(found) => compare(found, *op, value),
                // The API server leaves zero and empty values out (`omitempty`): an unset field
                // reads as the zero value the typed object holds, when the expected value is one.
                None => match zero_like(value) {
                    Some(zero) => compare(&zero, *op, value)
                        .map_err(|e| format!("  {path} is not set; {}", e.trim_start())),
                    None => Err(format!("  {path} is not set\n")),
                },
            }
        }
    }
}

/// The zero value an unset field stands for, of the expected value's type: 0 for a number,
/// false for a boolean, the empty string for `''`; None for other texts.
fn zero_like(expected: &str) -> Option<Value> {
    if crate::float_parse::parse(expected).is_some() {
        Some(Value::from(0))
    } else if expected == "true" || expected == "false" {
        Some(Value::Bool(false))
    } else if expected.is_empty() {
        Some(Value::String(String::new()))
    } else {
        None
    }
}

/// `found OP expected`: numbers as numbers, everything else as the text JSONPath prints.
fn compare(found: &Value, op: Op, expected: &str) -> Result<(), String> {
    let text = print_value(found);
    let numbers = match (found.as_f64(), crate::float_parse::parse(expected)) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => None,
    };
    let holds = match (op, numbers) {
        (Op::Eq, Some((a, b))) => a == b,
        (Op::Ne, Some((a, b))) => a != b,
        (Op::Eq, None) => text == expected,
        (Op::Ne, None) => text != expected,
        (Op::Lt, Some((a, b))) => a < b,
        (Op::Le, Some((a, b))) => a <= b,
        (Op::Gt, Some((a, b))) => a > b,
        (Op::Ge, Some((a, b))) => a >= b,
        (_, None) => {
            return Err(format!(
                "  {} compares numbers; found {text:?}, expected {expected:?}\n",
                op.symbol()
            ));
        }
    };
    if holds {
        Ok(())
    } else {
        Err(format!("  found: {text}\n"))
    }
}

fn check_output(previous: Option<Previous<'_>>, contains: bool, text: &str) -> Result<(), String> {
    let Some(p) = previous else {
        return Err("  no command has run yet\n".into());
    };
    if p.output.contains(text) == contains {
        return Ok(());
    }
    Err(format!("  the output was:\n{}", indented(p.output)))
}

fn check_outcome(
    previous: Option<Previous<'_>>,
    failed: bool,
    text: Option<&str>,
) -> Result<(), String> {
    let Some(p) = previous else {
        return Err("  no command has run yet\n".into());
    };
    let outcome_ok = p.failed == failed;
    let text_ok = text.is_none_or(|t| p.output.contains(t));
    if outcome_ok && text_ok {
        return Ok(());
    }
    let said = if p.failed {
        "it failed"
    } else {
        "it succeeded"
    };
    Err(format!("  {said}; the output was:\n{}", indented(p.output)))
}

fn indented(text: &str) -> String {
    if text.is_empty() {
        return "    (nothing)\n".to_string();
    }
    let mut out = String::new();
    for line in text.lines() {
        let _ = writeln!(out, "    {line}");
    }
    out
}

//! Reading the `sim` verbs. They are the project's own, so a mistake in one is "not a command of
//! this language", with a message saying what was expected.

use super::Sim;
use crate::cluster::{NodeReadiness, Pressure};
use crate::kubectl::NamespaceScope;
use crate::script::parse_duration;

const USAGE: &str = "sim advance DURATION | sim settle [--timeout DURATION] | sim node NAME ready|not-ready|unreachable | sim node NAME pressure memory|disk|pid on|off | sim image IMAGE unpullable|pullable | sim pod NAME fail [-n NAMESPACE] | sim seed N | sim timing [NAME DURATION] | sim audit | sim simplifications";

fn duration_arg(verb: &str, text: &str) -> Result<std::time::Duration, String> {
    parse_duration(text).map_err(|e| {
        format!("{verb}: expected a duration such as 500ms, 30s, 2m or 1h30m, got {text:?} ({e})")
    })
}

/// Parses the words after `sim`; an error is the sentence saying what is wrong.
pub(crate) fn parse(args: &[String]) -> Result<Sim, String> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let sim = match words.as_slice() {
        [] => return Err(format!("sim needs a verb: {USAGE}")),
        ["advance", d] => Sim::Advance(duration_arg("sim advance", d)?),
        ["advance", ..] => {
            return Err("usage: sim advance DURATION (e.g. sim advance 30s)".into());
        }
        ["settle", rest @ ..] => Sim::Settle {
            timeout: settle_timeout(rest)?,
        },
        ["node", node, "ready"] => Sim::NodeReady {
            node: node.to_string(),
            state: NodeReadiness::Ready,
        },
        ["node", node, "not-ready"] => Sim::NodeReady {
            node: node.to_string(),
            state: NodeReadiness::NotReady,
        },
        ["node", node, "unreachable"] => Sim::NodeReady {
            node: node.to_string(),
            state: NodeReadiness::Unreachable,
        },
        ["node", node, "pressure", kind, state] => {
            let pressure = match *kind {
                "memory" => Pressure::Memory,
                "disk" => Pressure::Disk,
                "pid" => Pressure::Pid,
                other => {
                    return Err(format!(
                        "sim node {node} pressure: expected memory, disk or pid, got {other:?}"
                    ));
                }
            };
            let on = match *state {
                "on" => true,
                "off" => false,
                other => {
                    return Err(format!(
                        "sim node {node} pressure {kind}: expected on or off, got {other:?}"
                    ));
                }
            };
            Sim::NodePressure {
                node: node.to_string(),
                pressure,
                on,
            }
        }
        ["node", ..] => {
            return Err(
                "usage: sim node NAME ready|not-ready|unreachable, or sim node NAME pressure memory|disk|pid on|off".into(),
            );
        }
        ["image", image, "unpullable"] => Sim::Image {
            image: image.to_string(),
            pullable: false,
        },
        ["image", image, "pullable"] => Sim::Image {
            image: image.to_string(),
            pullable: true,
        },
        ["image", ..] => return Err("usage: sim image IMAGE unpullable|pullable".into()),
        ["pod", rest @ ..] => pod_fail(rest)?,
        ["seed", n] => Sim::Seed(n.parse::<u64>().map_err(|_| {
            format!(
                "sim seed: expected a whole number from 0 to {}, got {n:?}",
                u64::MAX
            )
        })?),
        ["seed", ..] => return Err("usage: sim seed N".into()),
        ["timing"] => Sim::Timing { set: None },
        ["timing", name, d] => {
            if !crate::state::timings::NAMES.contains(name) {
                return Err(format!(
                    "sim timing: unknown timing {name:?}; one of {}",
                    crate::state::timings::NAMES.join(", ")
                ));
            }
            Sim::Timing {
                set: Some((name.to_string(), duration_arg("sim timing", d)?)),
            }
        }
        ["timing", ..] => return Err("usage: sim timing [NAME DURATION]".into()),
        ["audit"] => Sim::Audit,
        ["audit", ..] => return Err("usage: sim audit".into()),
        ["simplifications"] => Sim::Simplifications,
        ["simplifications", ..] => {
            return Err("usage: sim simplifications (it takes no arguments)".into());
        }
        [verb, ..] => return Err(format!("unknown sim verb {verb:?}: {USAGE}")),
    };
    Ok(sim)
}

/// `[--timeout DURATION]` / `[--timeout=DURATION]`.
fn settle_timeout(rest: &[&str]) -> Result<Option<std::time::Duration>, String> {
    match rest {
        [] => Ok(None),
        ["--timeout", d] => Ok(Some(duration_arg("sim settle --timeout", d)?)),
        [one] if one.starts_with("--timeout=") => {
            let d = one.strip_prefix("--timeout=").unwrap_or_default();
            Ok(Some(duration_arg("sim settle --timeout", d)?))
        }
        _ => Err("usage: sim settle [--timeout DURATION]".into()),
    }
}

/// `sim pod NAME fail` with an optional `-n NS` / `-nNS` / `--namespace NS` / `--namespace=NS`
/// anywhere after `pod`.
fn pod_fail(rest: &[&str]) -> Result<Sim, String> {
    let mut namespace = NamespaceScope::Default;
    let mut words: Vec<&str> = Vec::new();
    let mut i = 0usize;
    while let Some(&w) = rest.get(i) {
        i += 1;
        let value = if w == "-n" || w == "--namespace" {
            let Some(&v) = rest.get(i) else {
                return Err(format!("sim pod: {w} needs a namespace"));
            };
            i += 1;
            Some(v)
        } else if let Some(v) = w.strip_prefix("--namespace=") {
            Some(v)
        } else if let Some(v) = w.strip_prefix("-n").filter(|v| !v.is_empty()) {
            Some(v.strip_prefix('=').unwrap_or(v))
        } else {
            None
        };
        match value {
            Some("") => namespace = NamespaceScope::Default,
            Some(v) => namespace = NamespaceScope::Named(v.to_string()),
            None => words.push(w),
        }
    }
    match words.as_slice() {
        [pod, "fail"] => Ok(Sim::PodFail {
            pod: pod.to_string(),
            namespace,
        }),
        _ => Err("usage: sim pod NAME fail [-n NAMESPACE]".into()),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::command::{Command, ParseError};

    fn sim(line: &str) -> Sim {
        let args = crate::script::split_words(line).unwrap();
        match crate::command::parse_command(&args) {
            Ok(Command::Sim(s)) => s,
            other => panic!("{line}: {other:?}"),
        }
    }

    fn err(line: &str) -> String {
        let args = crate::script::split_words(line).unwrap();
        match crate::command::parse_command(&args) {
            Err(ParseError::NotACommand { message }) => message,
            other => panic!("{line}: {other:?}"),
        }
    }

    #[test]
    fn sim_advance_and_settle() {
        assert_eq!(
            sim("sim advance 500ms"),
            Sim::Advance(Duration::from_millis(500))
        );
        assert_eq!(
            sim("sim advance 1h30m"),
            Sim::Advance(Duration::from_secs(5400))
        );
        assert_eq!(sim("sim advance 0"), Sim::Advance(Duration::ZERO));
        assert_eq!(sim("sim settle"), Sim::Settle { timeout: None });
        assert_eq!(
            sim("sim settle --timeout 5m"),
            Sim::Settle {
                timeout: Some(Duration::from_secs(300))
            }
        );
        assert_eq!(
            sim("sim settle --timeout=90s"),
            Sim::Settle {
                timeout: Some(Duration::from_secs(90))
            }
        );
        assert!(err("sim advance 5").contains("time: missing unit in duration \"5\""));
        assert!(err("sim advance").starts_with("usage: sim advance"));
        assert!(err("sim advance 1s 2s").starts_with("usage: sim advance"));
        assert!(err("sim advance -1s").contains("negative"));
        assert!(err("sim settle --timeout").starts_with("usage: sim settle"));
        assert!(err("sim settle --timeout=x").contains("time: invalid duration \"x\""));
        assert!(err("sim settle 5m").starts_with("usage: sim settle"));
    }

    #[test]
    fn sim_node_states_and_pressure() {
        let ready = |s| Sim::NodeReady {
            node: "n1".into(),
            state: s,
        };
        assert_eq!(sim("sim node n1 ready"), ready(NodeReadiness::Ready));
        assert_eq!(sim("sim node n1 not-ready"), ready(NodeReadiness::NotReady));
        assert_eq!(
            sim("sim node n1 unreachable"),
            ready(NodeReadiness::Unreachable)
        );
        let p = |pressure, on| Sim::NodePressure {
            node: "n1".into(),
            pressure,
            on,
        };
        assert_eq!(
            sim("sim node n1 pressure memory on"),
            p(Pressure::Memory, true)
        );
        assert_eq!(
            sim("sim node n1 pressure disk off"),
            p(Pressure::Disk, false)
        );
        assert_eq!(sim("sim node n1 pressure pid on"), p(Pressure::Pid, true));
        assert!(err("sim node n1 pressure cpu on").contains("memory, disk or pid"));
        assert!(err("sim node n1 pressure memory yes").contains("on or off"));
        assert!(err("sim node n1 sleepy").starts_with("usage: sim node"));
        assert!(err("sim node").starts_with("usage: sim node"));
    }

    #[test]
    fn sim_image_pod_seed() {
        assert_eq!(
            sim("sim image nginx:1.25 unpullable"),
            Sim::Image {
                image: "nginx:1.25".into(),
                pullable: false
            }
        );
        assert_eq!(
            sim("sim image nginx:1.25 pullable"),
            Sim::Image {
                image: "nginx:1.25".into(),
                pullable: true
            }
        );
        assert!(err("sim image nginx broken").starts_with("usage: sim image"));
        let fail = |ns| Sim::PodFail {
            pod: "p-1".into(),
            namespace: ns,
        };
        assert_eq!(sim("sim pod p-1 fail"), fail(NamespaceScope::Default));
        for line in [
            "sim pod p-1 fail -n kube-system",
            "sim pod -n kube-system p-1 fail",
            "sim pod p-1 fail -nkube-system",
            "sim pod p-1 fail --namespace kube-system",
            "sim pod p-1 fail --namespace=kube-system",
        ] {
            assert_eq!(
                sim(line),
                fail(NamespaceScope::Named("kube-system".into())),
                "{line}"
            );
        }
        assert!(err("sim pod p-1").starts_with("usage: sim pod"));
        assert!(err("sim pod p-1 fail -n").contains("needs a namespace"));
        assert_eq!(sim("sim seed 42"), Sim::Seed(42));
        assert_eq!(sim("sim timing"), Sim::Timing { set: None });
        assert_eq!(
            sim("sim timing image-pull 5s"),
            Sim::Timing {
                set: Some(("image-pull".into(), std::time::Duration::from_secs(5)))
            }
        );
        assert_eq!(sim("sim seed 18446744073709551615"), Sim::Seed(u64::MAX));
        assert!(err("sim seed -1").contains("whole number"));
        assert!(err("sim seed x").contains("whole number"));
        assert!(err("sim seed").starts_with("usage: sim seed"));
    }

    #[test]
    fn sim_unknown_verbs() {
        assert!(err("sim").starts_with("sim needs a verb"));
        assert!(err("sim explode").starts_with("unknown sim verb \"explode\""));
    }
}

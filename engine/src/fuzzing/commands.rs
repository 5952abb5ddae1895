//! Arbitrary bytes → commands of the scenario language over a small world (six nodes, two
//! DaemonSets, two images), so that the fuzzer spends its time on sequences of operations
//! rather than on spelling: every byte picks an operation and its operands.

const NODES: usize = 6;
const KEYS: [&str; 3] = ["zone", "disk", "gpu"];
const EFFECTS: [&str; 3] = ["NoSchedule", "NoExecute", "PreferNoSchedule"];
const IMAGES: [&str; 3] = ["img:v1", "img:v2", "img:broken"];

/// One command line, and the here-document it reads (for `kubectl apply -f -`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub line: String,
    pub stdin: Option<String>,
}

fn step(line: String) -> Step {
    Step { line, stdin: None }
}

/// A DaemonSet manifest from one byte: strategy, surge or not, a node selector, a toleration,
/// minReadySeconds and the image.
fn daemonset(name: &str, b: u8, image: &str) -> String {
    let strategy = match b % 4 {
        0 => "type: OnDelete".to_string(),
        1 => "type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1".to_string(),
        2 => "type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 0\n      maxSurge: 1"
            .to_string(),
        _ => {
            "type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 50%\n      maxSurge: 0"
                .to_string()
        }
    };
    let selector = if b & 4 != 0 {
        format!(
            "      nodeSelector:\n        {}: a\n",
            KEYS[(b as usize >> 3) % 3]
        )
    } else {
        String::new()
    };
    let toleration = if b & 32 != 0 {
        format!(
            "      tolerations:\n      - key: {}\n        operator: Exists\n        effect: {}\n",
            KEYS[(b as usize >> 6) % 3],
            EFFECTS[(b as usize >> 6) % 3]
        )
    } else {
        String::new()
    };
    let min_ready = if b & 128 != 0 { 5 } else { 0 };
    format!(
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: {name}\nspec:\n  minReadySeconds: {min_ready}\n  selector:\n    matchLabels:\n      app: {name}\n  updateStrategy:\n    {strategy}\n  template:\n    metadata:\n      labels:\n        app: {name}\n    spec:\n{selector}{toleration}      containers:\n      - name: c\n        image: {image}\n"
    )
}

/// Deployment `web`, its pods labelled `app: LABEL` (a DaemonSet's label).
fn deployment(label: &str, b: u8, image: &str) -> String {
    let strategy = if b & 1 != 0 {
        "Recreate"
    } else {
        "RollingUpdate"
    };
    format!(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: {}\n  strategy:\n    type: {strategy}\n  selector:\n    matchLabels:\n      app: {label}\n      tier: web\n  template:\n    metadata:\n      labels:\n        app: {label}\n        tier: web\n    spec:\n      containers:\n      - name: c\n        image: {image}\n",
        (b >> 1) % 4
    )
}

/// The scenario the bytes spell: a few nodes first, then one operation per two bytes.
pub fn commands_from_bytes(data: &[u8]) -> Vec<Step> {
    let mut out = Vec::new();
    let nodes: String = (0..NODES)
        .map(|i| format!("apiVersion: v1\nkind: Node\nmetadata:\n  name: n{i}\n---\n"))
        .collect();
    out.push(Step {
        line: "kubectl apply -f -".into(),
        stdin: Some(nodes),
    });
    out.push(step("sim image img:broken unpullable".into()));
    for pair in data.chunks(2) {
        let (op, arg) = (pair[0], pair.get(1).copied().unwrap_or(0));
        let a = arg as usize;
        let node = format!("n{}", a % NODES);
        let ds = ["a", "b"][a % 2];
        let line = match op % 24 {
            0 | 1 => {
                out.push(Step {
                    line: "kubectl apply -f -".into(),
                    stdin: Some(daemonset(ds, arg, IMAGES[(op as usize / 20) % 3])),
                });
                continue;
            }
            2 => format!("kubectl label node {node} {}=a --overwrite", KEYS[a % 3]),
            3 => format!("kubectl label node {node} {}-", KEYS[a % 3]),
            4 => format!(
                "kubectl taint node {node} {}=x:{}",
                KEYS[a % 3],
                EFFECTS[(a / 3) % 3]
            ),
            5 => format!("kubectl taint node {node} {}-", KEYS[a % 3]),
            6 => format!("kubectl cordon {node}"),
            7 => format!("kubectl uncordon {node}"),
            8 => format!("kubectl drain {node} --ignore-daemonsets --timeout=30s"),
            9 => format!(
                "sim node {node} {}",
                ["ready", "not-ready", "unreachable"][a % 3]
            ),
            10 => format!("kubectl delete node {node}"),
            11 => {
                format!("kubectl apply -f -\napiVersion: v1\nkind: Node\nmetadata:\n  name: {node}")
            }
            12 => format!("sim advance {}s", a % 90),
            13 => "sim settle".into(),
            14 => format!("kubectl set image ds/{ds} c={}", IMAGES[a % 3]),
            15 => format!("kubectl rollout undo ds/{ds}"),
            16 => format!(
                "kubectl delete ds {ds} --cascade={}",
                ["background", "foreground", "orphan"][a % 3]
            ),
            17 => format!("kubectl rollout restart ds/{ds}"),
            18 => format!(
                "sim node {node} pressure {} {}",
                ["memory", "disk", "pid"][a % 3],
                if a & 8 != 0 { "on" } else { "off" }
            ),
            19 => format!(
                "sim image img:broken {}",
                if a & 1 != 0 { "pullable" } else { "unpullable" }
            ),
            // A Deployment beside the DaemonSets, its pods labelled as theirs (app=a or b): the
            // controllers must not take each other's pods.
            20 => {
                out.push(Step {
                    line: "kubectl apply -f -".into(),
                    stdin: Some(deployment(ds, arg, IMAGES[(op as usize / 24) % 3])),
                });
                continue;
            }
            21 => format!("kubectl scale deploy/web --replicas={}", a % 5),
            22 => format!(
                "kubectl delete deploy web --cascade={}",
                ["background", "foreground", "orphan"][a % 3]
            ),
            _ => format!("kubectl delete rs -l app={ds}"),
        };
        // `kubectl apply -f -` of a node: the rest of the line is its document.
        if let Some(doc) = line.strip_prefix("kubectl apply -f -\n") {
            out.push(Step {
                line: "kubectl apply -f -".into(),
                stdin: Some(doc.to_string()),
            });
        } else {
            out.push(step(line));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runner::Session;

    /// Every operation the bytes can pick is a command of the language that runs (a scenario
    /// of mistyped commands would fuzz nothing but the parser).
    #[test]
    fn every_operation_is_a_command_that_runs() {
        let bytes: Vec<u8> = (0..20u8).flat_map(|op| [op, op.wrapping_mul(37)]).collect();
        let mut s = Session::new();
        for st in commands_from_bytes(&bytes) {
            let out = s.execute(&st.line, st.stdin.as_deref());
            assert!(
                !out.output.starts_with("dsplay:"),
                "{} -> {}",
                st.line,
                out.output
            );
        }
        assert!(
            !s.cluster().store().pods().is_empty() || !s.cluster().store().daemonsets().is_empty()
        );
    }
}

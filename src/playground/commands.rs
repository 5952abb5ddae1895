//! Turning the page's buttons and forms into scenario-language command lines.

use std::fmt::Write as _;

/// An action of a node card.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum NodeAction {
    Cordon,
    Uncordon,
    /// `kubectl drain NAME --ignore-daemonsets`.
    Drain,
    /// `sim node NAME ready`.
    Ready,
    /// `sim node NAME not-ready`.
    NotReady,
    /// `sim node NAME unreachable`.
    Unreachable,
    Delete,
    /// `kubectl label node NAME ARGS`: `key=value` words, or `key-` to remove one.
    Label(String),
    /// `kubectl taint node NAME key[=value]:Effect`.
    Taint {
        key_value: String,
        effect: String,
    },
    /// `kubectl taint node NAME ARG` with the taint's removal argument from the engine
    /// (`key:Effect-`, see `TaintTag::removal`).
    Untaint(String),
    /// `sim node NAME pressure memory|disk|pid on|off`.
    Pressure {
        kind: String,
        on: bool,
    },
}

impl NodeAction {
    /// The command line that does it.
    pub fn command(&self, node: &str) -> String {
        let node = shell_words(node);
        match self {
            NodeAction::Cordon => format!("kubectl cordon {node}"),
            NodeAction::Uncordon => format!("kubectl uncordon {node}"),
            NodeAction::Drain => format!("kubectl drain {node} --ignore-daemonsets"),
            NodeAction::Ready => format!("sim node {node} ready"),
            NodeAction::NotReady => format!("sim node {node} not-ready"),
            NodeAction::Unreachable => format!("sim node {node} unreachable"),
            NodeAction::Delete => format!("kubectl delete node {node}"),
            NodeAction::Pressure { kind, on } => {
                let on = if *on { "on" } else { "off" };
                format!("sim node {node} pressure {} {on}", shell_words(kind))
            }
            NodeAction::Label(args) => format!("kubectl label node {node} {}", shell_words(args)),
            NodeAction::Taint { key_value, effect } => {
                format!(
                    "kubectl taint node {node} {}",
                    shell_words(&format!("{}:{effect}", key_value.trim()))
                )
            }
            NodeAction::Untaint(removal) => {
                format!("kubectl taint node {node} {}", shell_words(removal))
            }
        }
    }
}

/// The words of `text` (split at blanks) as a shell would need them written to get them back:
/// plain words as they are, others in single quotes. Text from forms goes through this, so that
/// it can only ever be arguments of the one command, never more commands or comments.
pub fn shell_words(text: &str) -> String {
    text.split_whitespace()
        .map(quote_word)
        .collect::<Vec<_>>()
        .join(" ")
}

fn quote_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_./:=,@%+-".contains(c);
    if !word.is_empty() && word.chars().all(plain) && !word.starts_with('#') {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// `count` names from `name`: a name ending in a number goes on counting from it, keeping its
/// width (`k8s-01` gives `k8s-01`, `k8s-02`, …); any other name gets `-1`, `-2`, ….
fn numbered(name: &str, count: usize) -> Vec<String> {
    let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (prefix, number) = name.split_at(name.len() - digits);
    match number.parse::<u64>() {
        Ok(start) if digits <= 9 => (0..count as u64)
            .map(|i| format!("{prefix}{:0digits$}", start + i))
            .collect(),
        _ => (1..=count).map(|i| format!("{name}-{i}")).collect(),
    }
}

/// `count` names `node-N` after the highest `node-N` among `existing`.
pub fn next_node_names<'a>(
    existing: impl Iterator<Item = &'a String>,
    count: usize,
) -> Vec<String> {
    let highest = existing
        .filter_map(|name| name.strip_prefix("node-")?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    (1..=count as u64)
        .map(|i| format!("node-{}", highest + i))
        .collect()
}

/// Node manifests for `names`, one YAML document each.
pub fn node_manifests(names: &[String]) -> String {
    let mut text = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            text.push_str("---\n");
        }
        let _ = write!(
            text,
            "apiVersion: v1\nkind: Node\nmetadata:\n  name: {name}\n"
        );
    }
    text
}

/// The "Add node" form: what the new nodes get. Empty fields are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewNodes {
    /// The name of one node, or the prefix of several (`NAME-1`, `NAME-2`); empty: `node-N`
    /// after the highest there is.
    pub name: String,
    /// `key=value` pairs, separated by blanks or commas.
    pub labels: String,
    /// `key[=value][:Effect]` taints, separated by blanks or commas; `effect` for those without.
    pub taints: String,
    pub effect: String,
    pub cpu: String,
    pub memory: String,
    pub pods: String,
}

impl NewNodes {
    /// The names of `count` new nodes, given the nodes there are.
    pub fn names<'a>(
        &self,
        existing: impl Iterator<Item = &'a String>,
        count: usize,
    ) -> Vec<String> {
        let name = self.name.trim();
        // Several names, separated by commas or blanks: exactly those.
        let listed: Vec<&str> = name
            .split([',', ' ', '\t'])
            .filter(|n| !n.is_empty())
            .collect();
        if listed.len() > 1 {
            return listed.into_iter().map(str::to_string).collect();
        }
        match (name, count) {
            ("", _) => next_node_names(existing, count),
            (_, 1) => vec![name.to_string()],
            _ => numbered(name, count),
        }
    }

    /// The Node manifests, one YAML document each. Every value is a quoted YAML string, so the
    /// API server's validation, not the YAML parser, judges what the user typed.
    pub fn manifests(&self, names: &[String]) -> String {
        let labels: Vec<(&str, &str)> = items(&self.labels)
            .map(|kv| kv.split_once('=').unwrap_or((kv, "")))
            .collect();
        let taints: Vec<(&str, &str, &str)> = items(&self.taints)
            .map(|t| {
                let (kv, effect) = t.rsplit_once(':').unwrap_or((t, self.effect.trim()));
                let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                (k, v, effect)
            })
            .collect();
        let resources: Vec<(&str, &str)> = [
            ("cpu", &self.cpu),
            ("memory", &self.memory),
            ("pods", &self.pods),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.trim()))
        .filter(|(_, v)| !v.is_empty())
        .collect();
        let mut text = String::new();
        for (i, name) in names.iter().enumerate() {
            if i > 0 {
                text.push_str("---\n");
            }
            let _ = write!(
                text,
                "apiVersion: v1\nkind: Node\nmetadata:\n  name: {}\n",
                quoted(name)
            );
            if !labels.is_empty() {
                text.push_str("  labels:\n");
                for (k, v) in &labels {
                    let _ = writeln!(text, "    {}: {}", quoted(k), quoted(v));
                }
            }
            if !taints.is_empty() {
                text.push_str("spec:\n  taints:\n");
                for (k, v, effect) in &taints {
                    let _ = writeln!(text, "  - key: {}", quoted(k));
                    if !v.is_empty() {
                        let _ = writeln!(text, "    value: {}", quoted(v));
                    }
                    let _ = writeln!(text, "    effect: {}", quoted(effect));
                }
            }
            if !resources.is_empty() {
                text.push_str("status:\n");
                for list in ["capacity", "allocatable"] {
                    let _ = writeln!(text, "  {list}:");
                    for (k, v) in &resources {
                        let _ = writeln!(text, "    {k}: {}", quoted(v));
                    }
                }
            }
        }
        text
    }
}

/// The items of a form field: separated by blanks or commas.
fn items(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
}

/// `text` as a double-quoted YAML string.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

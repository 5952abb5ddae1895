//! The typed commands of the scenario language, and the two ways a command line can be wrong.
//!
//! Parsing is purely syntactic: names are not looked up, manifests are not read, selectors are
//! kept as raw text. What kubectl itself refuses before talking to the server is refused here,
//! with kubectl's own words; what the server would refuse is left to the engine.

/// `--cascade` of `kubectl delete`.
pub use crate::cluster::Cascade;
use std::time::Duration;

/// The resource types the simulated API server serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResourceKind {
    /// `apps/v1` DaemonSet (`ds`, `daemonset`, `daemonsets`, `daemonset.apps`, …).
    DaemonSet,
    /// `v1` Pod (`po`, `pod`, `pods`).
    Pod,
    /// `v1` Node (`no`, `node`, `nodes`).
    Node,
    /// `apps/v1` ControllerRevision (`controllerrevision`, `controllerrevisions`, …).
    ControllerRevision,
    /// `v1` Event (`ev`, `event`, `events`).
    Event,
}

impl ResourceKind {
    /// Every kind, in a stable order.
    pub const ALL: [ResourceKind; 5] = [
        ResourceKind::DaemonSet,
        ResourceKind::Pod,
        ResourceKind::Node,
        ResourceKind::ControllerRevision,
        ResourceKind::Event,
    ];

    /// Resolves a kubectl resource argument (`ds`, `DaemonSet`, `daemonsets.apps`,
    /// `daemonsets.v1.apps`, `po`, …), case-insensitively as kubectl's REST mapper does.
    pub fn from_arg(arg: &str) -> Option<ResourceKind> {
        let lower = arg.to_ascii_lowercase();
        let (base, group) = match lower.split_once('.') {
            Some((base, rest)) => (base.to_string(), Some(rest.to_string())),
            None => (lower, None),
        };
        ResourceKind::ALL.into_iter().find(|kind| {
            let names_ok = kind.names().contains(&base.as_str());
            let group_ok = match &group {
                None => true,
                // kubectl's shortcut expander also accepts a short name with its group
                // (`ds.apps`); core-group kinds take no suffix.
                Some(g) => kind.group_suffixes().contains(&g.as_str()),
            };
            names_ok && group_ok
        })
    }

    fn names(self) -> &'static [&'static str] {
        match self {
            ResourceKind::DaemonSet => &["ds", "daemonset", "daemonsets"],
            ResourceKind::Pod => &["po", "pod", "pods"],
            ResourceKind::Node => &["no", "node", "nodes"],
            ResourceKind::ControllerRevision => &["controllerrevision", "controllerrevisions"],
            ResourceKind::Event => &["ev", "event", "events"],
        }
    }

    fn group_suffixes(self) -> &'static [&'static str] {
        match self {
            ResourceKind::DaemonSet | ResourceKind::ControllerRevision => &["apps", "v1.apps"],
            ResourceKind::Pod | ResourceKind::Node => &[],
            ResourceKind::Event => &["events.k8s.io", "v1.events.k8s.io"],
        }
    }

    /// The plural resource name (`daemonsets`), as in URLs and `-o name` output.
    pub fn resource(self) -> &'static str {
        match self {
            ResourceKind::DaemonSet => "daemonsets",
            ResourceKind::Pod => "pods",
            ResourceKind::Node => "nodes",
            ResourceKind::ControllerRevision => "controllerrevisions",
            ResourceKind::Event => "events",
        }
    }

    /// The singular lower-case name (`daemonset`).
    pub fn singular(self) -> &'static str {
        match self {
            ResourceKind::DaemonSet => "daemonset",
            ResourceKind::Pod => "pod",
            ResourceKind::Node => "node",
            ResourceKind::ControllerRevision => "controllerrevision",
            ResourceKind::Event => "event",
        }
    }

    /// The API group (`""` for the core group).
    pub fn group(self) -> &'static str {
        match self {
            ResourceKind::DaemonSet | ResourceKind::ControllerRevision => "apps",
            ResourceKind::Pod | ResourceKind::Node | ResourceKind::Event => "",
        }
    }

    /// The object kind (`DaemonSet`).
    pub fn kind(self) -> &'static str {
        match self {
            ResourceKind::DaemonSet => "DaemonSet",
            ResourceKind::Pod => "Pod",
            ResourceKind::Node => "Node",
            ResourceKind::ControllerRevision => "ControllerRevision",
            ResourceKind::Event => "Event",
        }
    }

    /// Whether objects of this kind live in a namespace.
    pub fn is_namespaced(self) -> bool {
        !matches!(self, ResourceKind::Node)
    }

    /// Go's `GroupVersionResource.String()` (`apps/v1, Resource=daemonsets`), which some
    /// kubectl messages print.
    pub(crate) fn gvr_string(self) -> String {
        let group = self.group();
        format!("{}/v1, Resource={}", group, self.resource())
    }
}

/// `-o` of `kubectl get`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    /// No `-o`: the server-side table.
    #[default]
    Table,
    /// `-o wide`.
    Wide,
    /// `-o yaml`.
    Yaml,
    /// `-o json`.
    Json,
    /// `-o name`: `daemonset.apps/x`.
    Name,
}

/// Which namespaces a command addresses.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum NamespaceScope {
    /// No `-n`: the `default` namespace.
    #[default]
    Default,
    /// `-n NS` / `--namespace NS`.
    Named(String),
    /// `-A` / `--all-namespaces`.
    All,
}

impl NamespaceScope {
    /// The single namespace addressed, if the scope is not `All`.
    pub fn namespace(&self) -> Option<&str> {
        match self {
            NamespaceScope::Default => Some("default"),
            NamespaceScope::Named(ns) => Some(ns),
            NamespaceScope::All => None,
        }
    }
}

/// What `kubectl delete` deletes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteWhat {
    /// Named objects of one kind (`delete ds a b`, `delete ds/a ds/b`).
    Objects {
        /// The kind.
        kind: ResourceKind,
        /// The names, in order, at least one.
        names: Vec<String>,
    },
    /// Every object of a kind matching a label selector (`delete pods -l app=x`), or every
    /// object of the kind (`delete pods --all`, `selector: None`).
    Selector {
        /// The kind.
        kind: ResourceKind,
        /// The raw `-l` text (parsed by the engine); `None` for `--all`.
        selector: Option<String>,
    },
    /// The objects of manifest files (`delete -f FILE`, `-` for standard input).
    Files(Vec<String>),
}

/// One change of `kubectl label`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelChange {
    /// `key=value`.
    Set {
        /// The label key (validated by the engine, as the API server does).
        key: String,
        /// The value (already checked as kubectl checks it).
        value: String,
    },
    /// `key-`.
    Remove {
        /// The label key.
        key: String,
    },
}

/// One change of `kubectl taint`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaintChange {
    /// `key[=value]:effect`.
    Add {
        /// The taint key (a qualified name).
        key: String,
        /// The value; `None` when absent or empty (Kubernetes does not distinguish them).
        value: Option<String>,
        /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
        effect: String,
    },
    /// `key-` or `key:effect-`.
    Remove {
        /// The taint key.
        key: String,
        /// The effect, when given: only that taint is removed; otherwise every taint with the
        /// key.
        effect: Option<String>,
    },
}

/// A `kubectl` command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kubectl {
    /// `kubectl apply -f FILE|-`.
    Apply {
        /// The `-f` values in order (`-` means standard input; paths are relative to the
        /// scenario's folder).
        files: Vec<String>,
        /// `-n`.
        namespace: NamespaceScope,
    },
    /// `kubectl create -f FILE|-`.
    Create {
        /// As for `Apply`.
        files: Vec<String>,
        /// `-n`.
        namespace: NamespaceScope,
    },
    /// `kubectl delete`.
    Delete {
        /// What to delete.
        what: DeleteWhat,
        /// `--cascade`.
        cascade: Cascade,
        /// The grace period kubectl sends, after kubectl's own adjustments (`--grace-period=0`
        /// without `--force` becomes 1, `--force` alone becomes 0, `--now` is 1); `None` when
        /// the object's own `terminationGracePeriodSeconds` applies.
        grace_period: Option<i64>,
        /// `--force`.
        force: bool,
        /// `--ignore-not-found` (true by default with `--all` or `-l`, as in kubectl).
        ignore_not_found: bool,
        /// `-n` / `-A`.
        namespace: NamespaceScope,
    },
    /// `kubectl get`.
    Get {
        /// The kind.
        kind: ResourceKind,
        /// The names asked for (empty: all objects of the kind).
        names: Vec<String>,
        /// The raw `-l` / `--selector` text, parsed by the engine.
        selector: Option<String>,
        /// `-o`.
        output: OutputFormat,
        /// `--show-labels`.
        show_labels: bool,
        /// `-n` / `-A`.
        namespace: NamespaceScope,
        /// `-w` / `--watch`.
        watch: bool,
        /// `--ignore-not-found`.
        ignore_not_found: bool,
    },
    /// `kubectl describe`. With names, kubectl describes each object, or, when a name is not
    /// found, every object whose name starts with it; without names, every object of the kind.
    Describe {
        /// The kind.
        kind: ResourceKind,
        /// The names or name prefixes (empty: all).
        names: Vec<String>,
        /// `-n` / `-A`.
        namespace: NamespaceScope,
    },
    /// `kubectl label KIND NAME k=v… k-… [--overwrite]`.
    Label {
        /// The kind.
        kind: ResourceKind,
        /// The object's name.
        name: String,
        /// The changes, in order, one per key.
        changes: Vec<LabelChange>,
        /// `--overwrite`.
        overwrite: bool,
        /// `-n`.
        namespace: NamespaceScope,
    },
    /// `kubectl taint node NAME k[=v]:EFFECT… k[:EFFECT]-…`.
    Taint {
        /// The node.
        node: String,
        /// The changes: additions first, then removals, each in command-line order.
        changes: Vec<TaintChange>,
        /// `--overwrite`.
        overwrite: bool,
    },
    /// `kubectl cordon NODE`.
    Cordon {
        /// The node.
        node: String,
    },
    /// `kubectl uncordon NODE`.
    Uncordon {
        /// The node.
        node: String,
    },
    /// `kubectl drain NODE`.
    Drain {
        /// The node.
        node: String,
        /// `--ignore-daemonsets`.
        ignore_daemonsets: bool,
        /// `--force`.
        force: bool,
        /// `--delete-emptydir-data` (or the legacy `--delete-local-data`).
        delete_emptydir_data: bool,
        /// `--grace-period`; `None` when absent or negative (each pod's own period applies).
        grace_period: Option<i64>,
        /// `--timeout`; `None` when absent or zero (wait forever).
        timeout: Option<Duration>,
    },
    /// `kubectl rollout status ds/NAME`.
    RolloutStatus {
        /// The DaemonSet.
        name: String,
        /// `--timeout`; `None` when absent or zero (no limit).
        timeout: Option<Duration>,
        /// `--watch` (default true).
        watch: bool,
        /// `-n`.
        namespace: NamespaceScope,
    },
    /// `kubectl rollout history ds/NAME [--revision=N]`.
    RolloutHistory {
        /// The DaemonSet.
        name: String,
        /// `--revision`; `None` when absent or 0 (list all revisions).
        revision: Option<i64>,
        /// `-n`.
        namespace: NamespaceScope,
    },
    /// `kubectl rollout undo ds/NAME [--to-revision=N]`.
    RolloutUndo {
        /// The DaemonSet.
        name: String,
        /// `--to-revision`; `None` when absent or 0 (the previous revision).
        to_revision: Option<i64>,
        /// `-n`.
        namespace: NamespaceScope,
    },
    /// `kubectl rollout restart ds/NAME`.
    RolloutRestart {
        /// The DaemonSet.
        name: String,
        /// `-n`.
        namespace: NamespaceScope,
    },
    /// `kubectl set image ds/NAME CONTAINER=IMAGE…`.
    SetImage {
        /// The DaemonSet.
        name: String,
        /// `(container, image)` pairs in order, one per container; container `*` means every
        /// container.
        images: Vec<(String, String)>,
        /// `-n`.
        namespace: NamespaceScope,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kubectl_alias_resolves() {
        let cases: &[(&str, ResourceKind)] = &[
            ("ds", ResourceKind::DaemonSet),
            ("daemonset", ResourceKind::DaemonSet),
            ("daemonsets", ResourceKind::DaemonSet),
            ("daemonset.apps", ResourceKind::DaemonSet),
            ("daemonsets.apps", ResourceKind::DaemonSet),
            ("daemonsets.v1.apps", ResourceKind::DaemonSet),
            ("DaemonSet", ResourceKind::DaemonSet),
            ("DS", ResourceKind::DaemonSet),
            ("DaemonSet.apps", ResourceKind::DaemonSet),
            ("ds.apps", ResourceKind::DaemonSet),
            ("po", ResourceKind::Pod),
            ("pod", ResourceKind::Pod),
            ("pods", ResourceKind::Pod),
            ("Pod", ResourceKind::Pod),
            ("no", ResourceKind::Node),
            ("node", ResourceKind::Node),
            ("nodes", ResourceKind::Node),
            ("controllerrevision", ResourceKind::ControllerRevision),
            ("controllerrevisions", ResourceKind::ControllerRevision),
            ("controllerrevision.apps", ResourceKind::ControllerRevision),
            ("controllerrevisions.apps", ResourceKind::ControllerRevision),
            ("ControllerRevision", ResourceKind::ControllerRevision),
            ("ev", ResourceKind::Event),
            ("event", ResourceKind::Event),
            ("events", ResourceKind::Event),
            ("events.events.k8s.io", ResourceKind::Event),
        ];
        for &(arg, kind) in cases {
            assert_eq!(ResourceKind::from_arg(arg), Some(kind), "{arg}");
        }
        for arg in [
            "deployments",
            "d",
            "ds.core",
            "po.v1",
            "pods.apps",
            "daemonsets.core",
            "",
            "svc",
            "nodes.apps",
        ] {
            assert_eq!(ResourceKind::from_arg(arg), None, "{arg}");
        }
    }

    #[test]
    fn kind_facts() {
        assert_eq!(
            ResourceKind::DaemonSet.gvr_string(),
            "apps/v1, Resource=daemonsets"
        );
        assert_eq!(ResourceKind::Pod.gvr_string(), "/v1, Resource=pods");
        assert!(!ResourceKind::Node.is_namespaced());
        assert!(ResourceKind::Event.is_namespaced());
        assert_eq!(
            ResourceKind::ControllerRevision.kind(),
            "ControllerRevision"
        );
        assert_eq!(ResourceKind::Pod.singular(), "pod");
    }

    #[test]
    fn namespace_scope_namespace() {
        assert_eq!(NamespaceScope::Default.namespace(), Some("default"));
        assert_eq!(NamespaceScope::Named("x".into()).namespace(), Some("x"));
        assert_eq!(NamespaceScope::All.namespace(), None);
    }
}

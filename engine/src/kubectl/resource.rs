//! The resource types the simulated API server serves, as kubectl names them: its REST mapper's
//! spellings (`ds`, `daemonsets.apps`, …) and the names it prints (`daemonset.apps/x`,
//! `daemonsets.apps "x" not found`).

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
    /// `apps/v1` Deployment (`deploy`, `deployment`, `deployments`).
    Deployment,
    /// `apps/v1` ReplicaSet (`rs`, `replicaset`, `replicasets`).
    ReplicaSet,
}

impl ResourceKind {
    /// Every kind, in a stable order.
    pub const ALL: [ResourceKind; 7] = [
        ResourceKind::DaemonSet,
        ResourceKind::Pod,
        ResourceKind::Node,
        ResourceKind::ControllerRevision,
        ResourceKind::Event,
        ResourceKind::Deployment,
        ResourceKind::ReplicaSet,
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
            ResourceKind::Deployment => &["deploy", "deployment", "deployments"],
            ResourceKind::ReplicaSet => &["rs", "replicaset", "replicasets"],
        }
    }

    fn group_suffixes(self) -> &'static [&'static str] {
        match self {
            ResourceKind::DaemonSet
            | ResourceKind::ControllerRevision
            | ResourceKind::Deployment
            | ResourceKind::ReplicaSet => &["apps", "v1.apps"],
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
            ResourceKind::Deployment => "deployments",
            ResourceKind::ReplicaSet => "replicasets",
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
            ResourceKind::Deployment => "deployment",
            ResourceKind::ReplicaSet => "replicaset",
        }
    }

    /// The API group (`""` for the core group).
    pub fn group(self) -> &'static str {
        match self {
            ResourceKind::DaemonSet
            | ResourceKind::ControllerRevision
            | ResourceKind::Deployment
            | ResourceKind::ReplicaSet => "apps",
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
            ResourceKind::Deployment => "Deployment",
            ResourceKind::ReplicaSet => "ReplicaSet",
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

/// `kind.group` as kubectl prints it in `-o name` and success messages (`daemonset.apps`,
/// `pod`, `node`).
pub(crate) fn kind_string(kind: ResourceKind) -> String {
    if kind.group().is_empty() {
        kind.singular().to_string()
    } else {
        format!("{}.{}", kind.singular(), kind.group())
    }
}

/// The API resource name in errors (`daemonsets.apps`, `pods`, `nodes`).
pub(crate) fn resource_string(kind: ResourceKind) -> String {
    if kind.group().is_empty() {
        kind.resource().to_string()
    } else {
        format!("{}.{}", kind.resource(), kind.group())
    }
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
            ("deploy", ResourceKind::Deployment),
            ("deployments.apps", ResourceKind::Deployment),
            ("rs", ResourceKind::ReplicaSet),
            ("replicaset.apps", ResourceKind::ReplicaSet),
        ];
        for &(arg, kind) in cases {
            assert_eq!(ResourceKind::from_arg(arg), Some(kind), "{arg}");
        }
        for arg in [
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
    fn kind_and_resource_strings() {
        assert_eq!(kind_string(ResourceKind::DaemonSet), "daemonset.apps");
        assert_eq!(kind_string(ResourceKind::Node), "node");
        assert_eq!(resource_string(ResourceKind::DaemonSet), "daemonsets.apps");
        assert_eq!(resource_string(ResourceKind::Pod), "pods");
    }
}

//! `kubectl get` (kubectl `pkg/cmd/get/get.go`): tables with the server's columns, `-o wide`,
//! `-o yaml|json` (one object, or a `List` when no single name was asked for), `-o name`,
//! `--show-labels`, `-l`, `-n`/`-A`, and kubectl's `No resources found…` line.

mod parse;
pub(super) use parse::parse;

use super::print::table::Table;
use super::print::{json, printers, yaml};
use super::resource::{ResourceKind, kind_string, resource_string};
use super::{Context, KError, NamespaceScope, Out};
use crate::api::ApiError;
use crate::api::encode;
use crate::api::{
    ControllerRevision, DaemonSet, Deployment, Event, Node, ObjectKey, ObjectMeta, Pod, ReplicaSet,
    Selector, StringMap, Time, format_labels,
};
use serde_json::{Value, json};

/// The options of `kubectl get` (kubectl's `GetOptions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetOptions {
    /// The kinds, in the order printed (one, unless `get all` or `get ds,pods`).
    pub kinds: Vec<ResourceKind>,
    /// The names asked for (empty: all objects of the kind).
    pub names: Vec<String>,
    /// The raw `-l` / `--selector` text, parsed by the engine.
    pub selector: Option<String>,
    /// `-o`.
    pub output: OutputFormat,
    /// `--show-labels`.
    pub show_labels: bool,
    /// `-n` / `-A`.
    pub namespace: NamespaceScope,
    /// `-w` / `--watch`.
    pub watch: bool,
    /// `--ignore-not-found`.
    pub ignore_not_found: bool,
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

/// An object of any kind `get` prints.
#[derive(Clone, Copy)]
pub(crate) enum Obj<'a> {
    DaemonSet(&'a DaemonSet),
    Pod(&'a Pod),
    Node(&'a Node),
    Revision(&'a ControllerRevision),
    Event(&'a Event),
    Deployment(&'a Deployment),
    ReplicaSet(&'a ReplicaSet),
}

impl<'a> Obj<'a> {
    pub(crate) fn meta(&self) -> &'a ObjectMeta {
        match *self {
            Obj::DaemonSet(o) => &o.metadata,
            Obj::Pod(o) => &o.metadata,
            Obj::Node(o) => &o.metadata,
            Obj::Revision(o) => &o.metadata,
            Obj::Event(o) => &o.metadata,
            Obj::Deployment(o) => &o.metadata,
            Obj::ReplicaSet(o) => &o.metadata,
        }
    }

    fn labels(&self) -> &'a StringMap {
        &self.meta().labels
    }

    fn row(&self, now: Time, wide: bool) -> Vec<String> {
        match *self {
            Obj::DaemonSet(o) => printers::daemonset_row(o, now, wide),
            Obj::Pod(o) => printers::pod_row(o, now, wide),
            Obj::Node(o) => printers::node_row(o, now, wide),
            Obj::Revision(o) => printers::revision_row(o, now),
            Obj::Event(o) => printers::event_row(o, now, wide),
            Obj::Deployment(o) => printers::deployment_row(o, now, wide),
            Obj::ReplicaSet(o) => printers::replicaset_row(o, now, wide),
        }
    }

    /// The object as the API server returns it (`apiVersion` and `kind` filled in).
    pub(crate) fn to_value(self) -> Value {
        let (mut v, api_version, kind) = match self {
            Obj::DaemonSet(o) => (encode::to_value(o), "apps/v1", "DaemonSet"),
            Obj::Pod(o) => (encode::to_value(o), "v1", "Pod"),
            Obj::Node(o) => (encode::to_value(o), "v1", "Node"),
            Obj::Revision(o) => (encode::to_value(o), "apps/v1", "ControllerRevision"),
            Obj::Event(o) => (encode::to_value(o), "v1", "Event"),
            Obj::Deployment(o) => (encode::to_value(o), "apps/v1", "Deployment"),
            Obj::ReplicaSet(o) => (encode::to_value(o), "apps/v1", "ReplicaSet"),
        };
        if let Value::Object(m) = &mut v {
            for (key, default) in [("apiVersion", api_version), ("kind", kind)] {
                let empty = m.get(key).and_then(Value::as_str).is_none_or(str::is_empty);
                if empty {
                    m.insert(key.into(), Value::String(default.into()));
                }
            }
        }
        v
    }
}

fn headers(kind: ResourceKind, wide: bool) -> Vec<&'static str> {
    let (base, extra): (&[&str], &[&str]) = match kind {
        ResourceKind::DaemonSet => (printers::DS_HEADERS, printers::DS_WIDE_HEADERS),
        ResourceKind::Pod => (printers::POD_HEADERS, printers::POD_WIDE_HEADERS),
        ResourceKind::Node => (printers::NODE_HEADERS, printers::NODE_WIDE_HEADERS),
        ResourceKind::ControllerRevision => (printers::REVISION_HEADERS, &[]),
        ResourceKind::Event if wide => (printers::EVENT_WIDE_HEADERS, &[]),
        ResourceKind::Event => (printers::EVENT_HEADERS, &[]),
        ResourceKind::Deployment => (printers::DEPLOY_HEADERS, printers::WORKLOAD_WIDE_HEADERS),
        ResourceKind::ReplicaSet => (printers::RS_HEADERS, printers::WORKLOAD_WIDE_HEADERS),
    };
    let mut h = base.to_vec();
    if wide {
        h.extend_from_slice(extra);
    }
    h
}

/// Every object of `kind` in `namespace` (`None`: all namespaces), in the order the API server
/// lists them (namespace, then name; events oldest first by last occurrence).
pub(crate) fn list<'a>(
    cluster: &'a crate::cluster::Cluster,
    kind: ResourceKind,
    namespace: Option<&str>,
) -> Vec<Obj<'a>> {
    let store = cluster.store();
    let in_ns = |ns: &str| namespace.is_none_or(|n| n == ns);
    match kind {
        ResourceKind::DaemonSet => store
            .daemonsets()
            .iter()
            .filter(|(k, _)| in_ns(&k.namespace))
            .map(|(_, o)| Obj::DaemonSet(o))
            .collect(),
        ResourceKind::Pod => store
            .pods()
            .iter()
            .filter(|(k, _)| in_ns(&k.namespace))
            .map(|(_, o)| Obj::Pod(o))
            .collect(),
        ResourceKind::Node => store.nodes().values().map(Obj::Node).collect(),
        ResourceKind::ControllerRevision => store
            .revisions()
            .iter()
            .filter(|(k, _)| in_ns(&k.namespace))
            .map(|(_, o)| Obj::Revision(o))
            .collect(),
        ResourceKind::Event => {
            let mut events: Vec<&Event> = cluster
                .events()
                .filter(|e| in_ns(&e.metadata.namespace))
                .collect();
            crate::sort::sort_by_key(&mut events, |e| e.last_timestamp);
            events.into_iter().map(Obj::Event).collect()
        }
        ResourceKind::Deployment => store
            .deployments()
            .iter()
            .filter(|(k, _)| in_ns(&k.namespace))
            .map(|(_, o)| Obj::Deployment(o))
            .collect(),
        ResourceKind::ReplicaSet => store
            .replicasets()
            .iter()
            .filter(|(k, _)| in_ns(&k.namespace))
            .map(|(_, o)| Obj::ReplicaSet(o))
            .collect(),
    }
}

/// The object `name` of `kind` in `namespace`.
pub(crate) fn find<'a>(
    cluster: &'a crate::cluster::Cluster,
    kind: ResourceKind,
    namespace: &str,
    name: &str,
) -> Option<Obj<'a>> {
    // A lookup by key, not a scan: `kubectl label node X` in a cluster of 10,000 nodes and
    // 200,000 pods must not list them all.
    let store = cluster.store();
    let key = || ObjectKey::new(namespace, name);
    match kind {
        ResourceKind::DaemonSet => store.daemonset(&key()).map(Obj::DaemonSet),
        ResourceKind::Pod => store.pod(&key()).map(Obj::Pod),
        ResourceKind::Node => store.node(name).map(Obj::Node),
        ResourceKind::ControllerRevision => store.revisions().get(&key()).map(Obj::Revision),
        ResourceKind::Deployment => store.deployment(&key()).map(Obj::Deployment),
        ResourceKind::ReplicaSet => store.replicaset(&key()).map(Obj::ReplicaSet),
        ResourceKind::Event => list(cluster, kind, kind.is_namespaced().then_some(namespace))
            .into_iter()
            .find(|o| o.meta().name == name),
    }
}

/// What kubectl's resource builder finds for `KIND [NAME...]`: the named objects and the names
/// not found, or, without names, every object of the kind in the scope.
pub(crate) fn resolve<'a, 'n>(
    cluster: &'a crate::cluster::Cluster,
    kind: ResourceKind,
    names: &'n [String],
    scope: &NamespaceScope,
) -> (Vec<Obj<'a>>, Vec<&'n str>) {
    let namespace = scope.namespace().unwrap_or("default");
    if names.is_empty() {
        let ns = if kind.is_namespaced() {
            scope.namespace()
        } else {
            None
        };
        return (list(cluster, kind, ns), Vec::new());
    }
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for name in names {
        match find(cluster, kind, namespace, name) {
            Some(o) => found.push(o),
            None => missing.push(name.as_str()),
        }
    }
    (found, missing)
}

/// `Error from server (NotFound): pods "x" not found`.
pub(crate) fn not_found(kind: ResourceKind, name: &str) -> KError {
    KError::api(ApiError::not_found(&resource_string(kind), name))
}

pub(super) fn run(ctx: &mut Context<'_>, a: &GetOptions, out: &mut Out) {
    if a.watch {
        out.error(KError::plain(
            "--watch is not simulated: the virtual clock only moves with \"sim advance\" or \"sim settle\"; run \"kubectl get\" again after it",
        ));
        return;
    }
    let selector = match a.selector.as_deref().map(Selector::parse) {
        None => None,
        Some(Ok(s)) => Some(s),
        Some(Err(e)) => {
            out.error(KError::plain(e));
            return;
        }
    };
    let cluster: &crate::cluster::Cluster = ctx.cluster;
    let now = cluster.now();
    let all_namespaces = matches!(a.namespace, NamespaceScope::All);
    let namespace = a.namespace.namespace().unwrap_or("default").to_string();

    let several = a.kinds.len() > 1;
    let mut errors: Vec<KError> = Vec::new();
    let mut groups: Vec<(ResourceKind, Vec<Obj<'_>>)> = Vec::new();
    for &kind in &a.kinds {
        let (mut found, missing) = resolve(cluster, kind, &a.names, &a.namespace);
        if a.names.is_empty() {
            found.retain(|o| selector.as_ref().is_none_or(|s| s.matches(o.labels())));
        }
        if !a.ignore_not_found {
            errors.extend(missing.into_iter().map(|n| not_found(kind, n)));
        }
        groups.push((kind, found));
    }
    let nothing = groups.iter().all(|(_, found)| found.is_empty());

    match a.output {
        OutputFormat::Table | OutputFormat::Wide => {
            let wide = a.output == OutputFormat::Wide;
            let mut first = true;
            for (kind, found) in groups.iter().filter(|(_, f)| !f.is_empty()) {
                let mut t = Table::new(&headers(*kind, wide));
                t.rows = found.iter().map(|o| o.row(now, wide)).collect();
                if several {
                    // kubectl shows the kind when several types were asked for.
                    let prefix = kind_string(*kind);
                    for row in &mut t.rows {
                        row[0] = format!("{prefix}/{}", row[0]);
                    }
                }
                if all_namespaces && kind.is_namespaced() {
                    t.prepend_column(
                        "NAMESPACE",
                        found
                            .iter()
                            .map(|o| o.meta().namespace.to_string())
                            .collect(),
                    );
                }
                if a.show_labels {
                    t.append_column(
                        "LABELS",
                        found.iter().map(|o| format_labels(o.labels())).collect(),
                    );
                }
                if !first {
                    out.line("");
                }
                first = false;
                out.push(&t.render());
            }
            if nothing && errors.is_empty() && !a.ignore_not_found {
                if all_namespaces {
                    out.line("No resources found");
                } else {
                    out.line(format!("No resources found in {namespace} namespace."));
                }
            }
        }
        OutputFormat::Name => {
            for (kind, found) in &groups {
                let kind = kind_string(*kind);
                for o in found {
                    out.line(format!("{kind}/{}", o.meta().name));
                }
            }
        }
        OutputFormat::Yaml | OutputFormat::Json => {
            let found: Vec<&Obj<'_>> = groups.iter().flat_map(|(_, f)| f).collect();
            let single = a.names.len() == 1 && !several;
            let value = if single {
                found.first().map(|o| o.to_value())
            } else if found.is_empty() && a.ignore_not_found {
                None
            } else {
                let items: Vec<Value> = found.iter().map(|o| o.to_value()).collect();
                Some(
                    json!({"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}}),
                )
            };
            if let Some(v) = value {
                let text = if a.output == OutputFormat::Yaml {
                    yaml::to_yaml(&v)
                } else {
                    json::to_json(&v)
                };
                out.push(&text);
            }
        }
    }
    out.errors(errors);
}

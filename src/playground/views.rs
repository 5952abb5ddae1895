//! What the views show, read from the cluster: plain values, compared so that a view re-renders
//! only when what it shows changed.

use super::Playground;
use super::view_cache::SharedInputs;
use crate::i18n::{Msg, Text};
use dsplay_engine::api::{DaemonSet, Node, Pod, keys};
use dsplay_engine::cluster::Cluster;
use dsplay_engine::kubectl::{
    self,
    print::printers::{node_roles, node_status, pod_status},
};
use dsplay_engine::query::rollout::Next;
use dsplay_engine::query::{
    self, NodeProgress, RevisionNumbers, Rollout, RolloutCache, SlotExplanation, Usage,
};
use std::cell::OnceCell;
use std::sync::Arc;

/// Labels every simulated node has, left out of the card's compact list.
const STANDARD_LABELS: [&str; 5] = [
    keys::ARCH,
    keys::OS,
    keys::HOSTNAME,
    keys::BETA_ARCH,
    keys::BETA_OS,
];

/// Node conditions that are bad news when True.
const PRESSURES: [&str; 4] = [
    "MemoryPressure",
    "DiskPressure",
    "PIDPressure",
    "NetworkUnavailable",
];

/// A node card.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct NodeView {
    pub name: String,
    /// kubectl's ROLES (`control-plane`); None for a node without a role label (the card
    /// says "worker" in the page's language).
    pub role: Option<String>,
    /// kubectl's STATUS column: `Ready`, `NotReady`, `Unknown`, with `,SchedulingDisabled`.
    pub status: String,
    pub ready: bool,
    /// The Ready condition is Unknown (the node stopped reporting).
    pub unreachable: bool,
    pub cordoned: bool,
    /// `key=value` (just `key` for an empty value), standard labels left out.
    pub labels: Vec<(String, String)>,
    /// How many standard labels were left out.
    pub standard_labels: usize,
    pub taints: Vec<TaintTag>,
    /// Pressure conditions that are True (`MemoryPressure`).
    pub conditions: Vec<String>,
    pub pods: Vec<PodChip>,
    /// Requests of the node's pods against what it can allocate: `cpu 100m/4`, `pods 1/110`.
    pub usage: Vec<String>,
    /// DaemonSets (`namespace/name`) with no pod on this node: its empty slots, each with a
    /// "Why?".
    pub missing: Vec<String>,
}

impl NodeView {
    /// The dense view's one-word summary of the node's pods (its cell's colour): the most
    /// urgent state any pod is in; None for no pods.
    pub fn summary(&self) -> Option<PodState> {
        const URGENCY: [PodState; 8] = [
            PodState::Failed,
            PodState::ImageError,
            PodState::Terminating,
            PodState::Pending,
            PodState::ContainerCreating,
            PodState::Running,
            PodState::Other,
            PodState::Ready,
        ];
        URGENCY
            .into_iter()
            .find(|s| self.pods.iter().any(|p| p.state == *s))
    }
}

/// A taint on a node card.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct TaintTag {
    /// As kubectl prints it: `key=value:Effect`.
    pub text: String,
    /// What removes it: the argument of `kubectl taint node NAME ARG` (`key:Effect-`).
    pub removal: String,
}

/// What a pod chip shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PodState {
    Pending,
    ContainerCreating,
    /// Running but not (yet) ready.
    Running,
    Ready,
    Terminating,
    Failed,
    /// `ErrImagePull` / `ImagePullBackOff`.
    ImageError,
    /// Anything else kubectl may print (`Succeeded`, `Unknown`, `CrashLoopBackOff`).
    Other,
}

impl PodState {
    /// The CSS class of the chip.
    pub fn class(self) -> &'static str {
        match self {
            PodState::Pending => "pending",
            PodState::ContainerCreating => "creating",
            PodState::Running => "running",
            PodState::Ready => "ready",
            PodState::Terminating => "terminating",
            PodState::Failed => "failed",
            PodState::ImageError => "image-error",
            PodState::Other => "other",
        }
    }
}

/// Above this many nodes the canvas shows one cell per node instead of cards
/// (`components::dense`), and the model sends the page a cell's part of each card but the
/// selected node's ([`NodeView::cell_part`]).
pub const DENSE_THRESHOLD: usize = 200;

impl NodeView {
    /// What a dense cell shows of a node (its name, readiness, cordon, and each pod's name, state
    /// and word), the rest left empty: at 10,000 nodes of 20 pods, the whole cards made each
    /// of a Settle's updates some 1.7 MB for the page to decode, of which a cell reads a third.
    pub fn cell_part(&self) -> NodeView {
        NodeView {
            name: self.name.clone(),
            role: None,
            status: String::new(),
            ready: self.ready,
            unreachable: self.unreachable,
            cordoned: self.cordoned,
            labels: Vec::new(),
            standard_labels: 0,
            taints: Vec::new(),
            conditions: Vec::new(),
            pods: self
                .pods
                .iter()
                .map(|p| PodChip {
                    uid: String::new(),
                    namespace: String::new(),
                    name: p.name.clone(),
                    state: p.state,
                    label: p.label.clone(),
                    revision: None,
                    current: None,
                    surge: false,
                    other_owner: None,
                })
                .collect(),
            usage: Vec::new(),
            missing: Vec::new(),
        }
    }
}

/// A pod on a node card.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct PodChip {
    /// The pod's UID: the chip's key, the same for the pod's life.
    pub uid: String,
    pub namespace: String,
    pub name: String,
    pub state: PodState,
    /// The chip's word for the state: kubectl's STATUS, except `Ready` for a ready pod.
    pub label: String,
    /// The DaemonSet revision the pod runs (ControllerRevision `revision`), if known.
    pub revision: Option<i64>,
    /// Whether that revision is the DaemonSet's current one (None: not known).
    pub current: Option<bool>,
    /// A new pod started beside an old one of the same DaemonSet (a rolling update's surge).
    pub surge: bool,
    /// Its controller when it is not a DaemonSet (`ReplicaSet/rng-5f…`): such pods look
    /// different on the canvas.
    pub other_owner: Option<String>,
}

/// A DaemonSet's progress.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct DaemonSetView {
    pub namespace: String,
    pub name: String,
    pub desired: i64,
    pub current: i64,
    pub ready: i64,
    pub updated: i64,
    pub available: i64,
    /// The revision of its template now, if it has one yet.
    pub revision: Option<i64>,
    /// Older revisions some of its pods still run, oldest first.
    pub old_revisions: Vec<i64>,
    /// Where its rollout is and what it waits for.
    pub rollout: RolloutView,
}

/// The most nodes a rollout lists one by one (the status table's strip): beyond, only counts.
pub const STRIP_LIMIT: usize = 400;

/// What the page shows of a rollout: how many nodes are at each stage, each node's stage when
/// there are few enough to draw ([`STRIP_LIMIT`]), and what it does next. Counts, not ten
/// thousand node names, cross to the page each time a rollout moves.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct RolloutView {
    pub done: usize,
    pub rolling: usize,
    pub waiting: usize,
    pub missing: usize,
    /// The nodes that should run the pod, in name order, with their stage; empty when more
    /// than [`STRIP_LIMIT`].
    pub nodes: Vec<(String, NodeProgress)>,
    /// What it does next, worded here: the engine's `Next` (and its derived decoder) stays out
    /// of the page's module.
    pub next: Text,
    /// Something holds it back: a budget, OnDelete, a budget that does not read.
    pub held: bool,
}

impl RolloutView {
    fn of(r: Rollout) -> RolloutView {
        RolloutView {
            done: r.count(NodeProgress::Done),
            rolling: r.count(NodeProgress::Rolling),
            waiting: r.count(NodeProgress::Waiting),
            missing: r.count(NodeProgress::Missing),
            nodes: if r.nodes.len() <= STRIP_LIMIT {
                r.nodes
            } else {
                Vec::new()
            },
            held: matches!(
                r.next,
                Next::MaxUnavailable { .. }
                    | Next::MaxSurge { .. }
                    | Next::OnDelete { .. }
                    | Next::Invalid(_)
            ),
            next: next_text(r.next),
        }
    }

    /// How many nodes should run the pod.
    pub fn total(&self) -> usize {
        self.done + self.rolling + self.waiting + self.missing
    }
}

/// What a rollout does next, in the playground's words.
fn next_text(next: Next) -> Text {
    match next {
        Next::Done => Text::new(Msg::RolloutDone),
        Next::Rolling => Text::new(Msg::RolloutRolling),
        Next::MaxUnavailable { max, unavailable } => Text::new(Msg::RolloutMaxUnavailable)
            .arg("max", max)
            .arg("unavailable", unavailable),
        Next::MaxSurge { max, surging } => Text::new(Msg::RolloutMaxSurge)
            .arg("max", max)
            .arg("surging", surging),
        Next::OnDelete { old } => Text::new(Msg::RolloutOnDelete).arg("old", old),
        Next::Invalid(e) => Text::new(Msg::RolloutInvalid).arg("error", e),
    }
}

/// One revision of a DaemonSet's history (`kubectl rollout history`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct RevisionView {
    pub namespace: String,
    pub daemonset: String,
    pub revision: i64,
    /// The template's container images, comma-separated.
    pub images: String,
    /// The newest revision: the template the DaemonSet has now.
    pub current: bool,
}

/// One line of the "Why?" panel: a DaemonSet and the engine's explanation for the node, as
/// data (`crate::i18n::explain` says it in the page's language).
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub daemonset: String,
    pub slot: SlotExplanation,
}

/// One event of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct EventView {
    /// When it last happened, in virtual time (`3s`, `1m12s`): stable, unlike kubectl's ages.
    pub at: String,
    /// `Normal` or `Warning`.
    pub type_: String,
    pub reason: String,
    /// `kind/name` in lower case, as kubectl prints OBJECT.
    pub object: String,
    pub message: String,
    pub count: i32,
}

/// How many events the timeline shows (the newest).
pub const EVENT_LIMIT: usize = 200;

impl Playground {
    /// The newest events (oldest first) whose OBJECT contains `filter` (case-insensitive; all
    /// for an empty filter), at most [`EVENT_LIMIT`].
    pub fn event_views(&self, filter: &str) -> Vec<EventView> {
        let cluster = self.session().cluster();
        let start = cluster.now().millis() - cluster.elapsed_millis();
        let filter = filter.trim().to_lowercase();
        let mut rows: Vec<EventView> = cluster
            .event_log()
            .rev()
            .map(|ev| EventView {
                at: super::format_elapsed(ev.last_timestamp().millis() - start),
                type_: ev.type_().to_string(),
                reason: ev.reason().to_string(),
                object: format!("{}/{}", ev.kind().to_lowercase(), ev.name()),
                message: ev.message().trim().to_string(),
                count: ev.count(),
            })
            .filter(|ev| filter.is_empty() || ev.object.to_lowercase().contains(&filter))
            .take(EVENT_LIMIT)
            .collect();
        rows.reverse();
        rows
    }

    /// Every node, by name, with its pods. Cards of nodes whose objects were not written since
    /// the last read are the same `Arc`s (see `view_cache`).
    pub fn node_views(&self) -> Vec<Arc<NodeView>> {
        let store = self.session().cluster().store();
        let mut cache = self.node_cards.borrow_mut();
        cache.check_shared(SharedInputs {
            daemonsets: store
                .daemonsets()
                .values()
                .map(|ds| (ds.metadata.uid.to_string(), daemonset_name(ds)))
                .collect(),
            revisions_version: store.revisions_version(),
        });
        if cache.len() > store.nodes().len() {
            cache.retain(|name| store.node(name).is_some());
        }
        // Only cards being rebuilt read the revision numbers: a tick that rebuilds none skips them.
        let revisions = OnceCell::new();
        let cluster = self.session().cluster();
        store
            .nodes()
            .values()
            .map(|node| {
                cache.card(node.name(), store.node_version(node.name()), || {
                    let revisions = revisions.get_or_init(|| RevisionNumbers::new(cluster));
                    self.build_node_view(node, revisions)
                })
            })
            .collect()
    }

    /// A node card, built afresh.
    fn build_node_view(&self, node: &Node, revisions: &RevisionNumbers) -> NodeView {
        let cluster = self.session().cluster();
        let on_node: Vec<&Pod> = cluster.store().pods_on_node(node.name()).collect();
        let mut pods: Vec<PodChip> = on_node
            .iter()
            .map(|pod| PodChip {
                surge: is_surge(pod, &on_node, revisions),
                ..pod_chip(pod, revisions)
            })
            .collect();
        dsplay_engine::sort::sort_by(&mut pods, |a, b| {
            (&a.namespace, &a.name).cmp(&(&b.namespace, &b.name))
        });
        NodeView {
            missing: query::daemonsets_without_pod(cluster, node.name())
                .map(daemonset_name)
                .collect(),
            usage: query::node_usage(cluster, node.name())
                .iter()
                .map(usage)
                .collect(),
            ..node_view(node, pods)
        }
    }

    /// Every DaemonSet, by namespace and name.
    pub fn daemonset_views(&self) -> Vec<DaemonSetView> {
        let cluster = self.session().cluster();
        let revisions = RevisionNumbers::new(cluster);
        let mut rollouts = self.rollouts.borrow_mut();
        cluster
            .store()
            .daemonsets()
            .values()
            .map(|ds| daemonset_view(cluster, ds, &revisions, &mut rollouts))
            .collect()
    }

    /// Every DaemonSet's revisions, oldest first, by DaemonSet.
    pub fn revision_views(&self) -> Vec<RevisionView> {
        let cluster = self.session().cluster();
        let mut rows = Vec::new();
        for ds in cluster.store().daemonsets().values() {
            rows.extend(
                query::daemonset_revisions(cluster, ds)
                    .into_iter()
                    .map(|r| RevisionView {
                        namespace: ds.metadata.namespace.to_string(),
                        daemonset: ds.name().to_string(),
                        revision: r.revision,
                        images: r.images.join(", "),
                        current: r.current,
                    }),
            );
        }
        rows
    }

    /// For each DaemonSet, the engine's explanation of what it does on `node` and why.
    pub fn explanations(&self, node: &str) -> Vec<Explanation> {
        let cluster = self.session().cluster();
        cluster
            .store()
            .daemonsets()
            .values()
            .filter_map(|ds| {
                let ns = ds.metadata.namespace.as_str();
                let explained = query::explain(cluster, ns, ds.name(), node)?;
                Some(Explanation {
                    daemonset: format!("{ns}/{}", ds.name()),
                    slot: explained,
                })
            })
            .collect()
    }
}

fn node_view(node: &Node, pods: Vec<PodChip>) -> NodeView {
    let roles = node_roles(node);
    let ready_condition = node.condition_status("Ready");
    let (labels, standard): (Vec<_>, Vec<_>) = node
        .metadata
        .labels
        .iter()
        .partition(|(k, _)| !STANDARD_LABELS.contains(&k.as_str()));
    NodeView {
        name: node.name().to_string(),
        role: (roles != "<none>").then_some(roles),
        status: node_status(node),
        ready: ready_condition == Some("True"),
        unreachable: ready_condition == Some("Unknown"),
        cordoned: node.spec.unschedulable,
        labels: labels
            .into_iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        standard_labels: standard.len(),
        taints: node
            .spec
            .taints
            .iter()
            .map(|t| TaintTag {
                text: t.to_string(),
                removal: kubectl::taint::removal_argument(t),
            })
            .collect(),
        conditions: node
            .status
            .conditions
            .iter()
            .filter(|c| PRESSURES.contains(&&*c.type_) && c.status == "True")
            .map(|c| c.type_.to_string())
            .collect(),
        pods,
        usage: Vec::new(),
        missing: Vec::new(),
    }
}

/// `cpu 100m/4`: what the node's pods request, of what it can allocate.
fn usage(u: &Usage) -> String {
    format!(
        "{} {}/{}",
        u.resource,
        quantity(u.resource, u.requested),
        quantity(u.resource, u.allocatable)
    )
}

/// A milli-value as kubectl would write it: `100m` or `2` CPUs, `512Mi` or `16Gi`, a count.
fn quantity(resource: &str, milli: i128) -> String {
    const MI: i128 = 1 << 20;
    match resource {
        "cpu" if milli % 1000 != 0 => format!("{milli}m"),
        "memory" => {
            let bytes = milli / 1000;
            if bytes == 0 {
                "0".to_string()
            } else if bytes % (1024 * MI) == 0 {
                format!("{}Gi", bytes / (1024 * MI))
            } else if bytes >= MI {
                format!("{}Mi", bytes / MI)
            } else {
                bytes.to_string()
            }
        }
        _ => (milli / 1000).to_string(),
    }
}

fn pod_chip(pod: &Pod, revisions: &RevisionNumbers) -> PodChip {
    let status = pod_status(pod);
    let state = match status.as_str() {
        _ if pod.metadata.is_being_deleted() => PodState::Terminating,
        "Pending" => PodState::Pending,
        "ContainerCreating" => PodState::ContainerCreating,
        "Running" if pod.is_ready() => PodState::Ready,
        "Running" => PodState::Running,
        "Failed" | "Error" => PodState::Failed,
        "ErrImagePull" | "ImagePullBackOff" => PodState::ImageError,
        _ => PodState::Other,
    };
    let label = match state {
        PodState::Ready => "Ready".to_string(),
        PodState::Terminating => "Terminating".to_string(),
        _ => status,
    };
    PodChip {
        uid: pod.metadata.uid.to_string(),
        namespace: pod.metadata.namespace.to_string(),
        name: pod.name().to_string(),
        state,
        label,
        revision: revisions.of_pod(pod),
        current: revisions.is_current(pod),
        surge: false,
        other_owner: pod
            .metadata
            .controller_ref()
            .filter(|r| r.kind != "DaemonSet")
            .map(|r| format!("{}/{}", r.kind, r.name)),
    }
}

/// Whether `pod`, of its owner's current revision, runs beside a live pod of an older one on
/// the same node: the new pod of a surge.
fn is_surge(pod: &Pod, on_node: &[&Pod], revisions: &RevisionNumbers) -> bool {
    let live = |p: &Pod| !p.metadata.is_being_deleted() && !p.is_terminal();
    let Some(owner) = pod.metadata.controller_ref() else {
        return false;
    };
    live(pod)
        && revisions.is_current(pod) == Some(true)
        && on_node.iter().any(|other| {
            live(other)
                && other
                    .metadata
                    .controller_ref()
                    .is_some_and(|o| o.uid == owner.uid)
                && revisions.is_current(other) == Some(false)
        })
}

/// `namespace/name`, as the card lists a DaemonSet with no pod on the node.
fn daemonset_name(ds: &DaemonSet) -> String {
    format!("{}/{}", ds.metadata.namespace, ds.name())
}

fn daemonset_view(
    cluster: &Cluster,
    ds: &DaemonSet,
    revisions: &RevisionNumbers,
    rollouts: &mut RolloutCache,
) -> DaemonSetView {
    let st = &ds.status;
    let revs = query::daemonset_revisions(cluster, ds);
    let current = revs.iter().find(|r| r.current).map(|r| r.revision);
    // Revisions pods run, read only while some pod is not of the current one. A revision is
    // the same for every pod with its hash: one pod of each hash is looked up.
    let mut old_revisions: Vec<i64> = Vec::new();
    if st.updated_number_scheduled < st.current_number_scheduled || st.number_misscheduled > 0 {
        let mut hashes: Vec<Option<&String>> = Vec::new();
        for pod in cluster.store().pods_owned_by(&ds.metadata.uid.as_str()) {
            let hash = pod.metadata.labels.get(keys::CONTROLLER_REVISION_HASH);
            if hashes.contains(&hash) {
                continue;
            }
            hashes.push(hash);
            if revisions.is_current(pod) == Some(false)
                && let Some(r) = revisions.of_pod(pod)
                && !old_revisions.contains(&r)
            {
                old_revisions.push(r);
            }
        }
        dsplay_engine::sort::sort(&mut old_revisions);
    }
    DaemonSetView {
        namespace: ds.metadata.namespace.to_string(),
        name: ds.name().to_string(),
        desired: st.desired_number_scheduled,
        current: st.current_number_scheduled,
        ready: st.number_ready,
        updated: st.updated_number_scheduled,
        available: st.number_available,
        revision: current,
        old_revisions,
        rollout: RolloutView::of(rollouts.rollout(cluster, ds)),
    }
}

//! The kubelets of all nodes: Pending → ContainerCreating (image pull on first use per node) →
//! Running → Ready (after `readinessProbe.initialDelaySeconds`) ; ErrImagePull / ImagePullBackOff
//! for unpullable images; graceful termination bounded by the grace period. Timings come from
//! `Timings`. An unreachable node's kubelet is silent: nothing on it changes, and pods deleted
//! there stay Terminating, as on a real cluster.

mod image_ref;
mod images;
mod node_state;
mod progress;
mod ready;
pub(crate) mod registration;
mod remembered;
mod started;
mod status_text;

use super::queue::{PodQueue, Seen};
use super::scheduler::{set_condition, set_status_condition};
use crate::api::{
    Container, ContainerState, ContainerStateTerminated, ContainerStateWaiting, ContainerStatus,
    IpText, NORMAL, ObjectKey, Pod, PodCondition, Shared, Time, WARNING, phase,
};
use crate::state::World;
use crate::state::apiserver;
use crate::state::audit::Request;
use crate::state::clock::Wake;
use crate::state::events::{Message, reference};
use crate::state::hash::FastHashMap as HashMap;
use crate::state::node_ids::NodeId;
use crate::state::store::{Change, PodId, PodStamp};
use node_state::Readiness;
use progress::{Pods, Progress, Stage};
use std::rc::Rc;

/// How long the kubelet takes to confirm that a pod none of whose containers ran has stopped:
/// one pass of its pod lifecycle (the PLEG relists every second). Kubernetes fixes no such
/// figure; without one, a pod deleted the instant it is bound (a NoExecute taint tolerated for
/// 0 seconds) would be replaced, and deleted again, without end within one virtual instant. It is
/// not a `sim timing`, so that no setting brings that loop back.
pub(crate) const POD_TEARDOWN_MS: i64 = 1_000;

/// The message of a `Pulling` event (held as a template with the image, formatted on read).
const PULLING: &str = "Pulling image \"{}\"";
/// The message of a `Pulled` event for an image the node has.
const PRESENT: &str = "Container image \"{}\" already present on machine";

#[derive(Default)]
pub struct Kubelet {
    queue: PodQueue,
    /// The pods changed (or on a changed node) since the last pass: at the pass, only those
    /// whose sync could do something go into `queue` ([`may_sync`]). Most changes are the
    /// kubelet's own writes, after which nothing is due.
    seen: Seen,
    pods: Pods,
    /// Images each node has pulled.
    images: images::Pulled,
    /// Last host number given in each node's pod CIDR, by the store's node number (a name
    /// keeps its number for good; 0: none given yet): four bytes a node, where a table by name
    /// held a copy of every node's name.
    next_ip: Vec<u32>,
    paths: FieldPaths,
    pull_secs: PullSeconds,
    started: started::Started,
    ready: ready::Ready,
    nodes: node_state::NodeStates,
    admitted: Option<Admitted>,
}

/// The conditions and container statuses `admit` last wrote, with what it made them from (the
/// instant, the conditions before, the pod's containers): the pods of one DaemonSet admitted at
/// one instant get the very same values, shared, instead of each pod's built anew (a message
/// formatted, four conditions set, a status a container) and compared with the store's recent
/// values, field by field.
struct Admitted {
    now: Time,
    before: Shared<Vec<PodCondition>>,
    containers: Shared<Vec<Container>>,
    conditions: Shared<Vec<PodCondition>>,
    statuses: Shared<Vec<ContainerStatus>>,
}

impl Kubelet {
    pub fn observe(&mut self, change: &Change, w: &World) {
        match change {
            Change::Pod { key, id, .. } => {
                self.seen.push(key.clone(), Some(*id));
            }
            Change::Node(n) => {
                for p in w.store.pods_on_node(n) {
                    self.seen.push(ObjectKey::of(&p.metadata), None);
                }
            }
            _ => {}
        }
    }

    pub fn wake(&mut self, key: ObjectKey, hint: Option<PodId>) {
        self.queue.insert(key, hint);
    }

    /// A retry that cannot change anything: pulling an image that is still unpullable.
    pub fn is_idle(&self, key: &ObjectKey, hint: Option<PodId>, w: &World) -> bool {
        let Some(progress) = self.pods.get(w.store.pod_stamp(hint, key)) else {
            return true;
        };
        let Some(pod) = w.store.pod_hinted(hint, key) else {
            return true;
        };
        // The first failure is news (ErrImagePull, then ImagePullBackOff); later retries are not.
        let retrying = progress.stage == Stage::PullBackOff
            || (matches!(progress.stage, Stage::Pulling | Stage::PullFailed)
                && progress.backoff_ms > w.timings.image_pull_backoff_ms);
        retrying
            && pod.metadata.more.deletion_timestamp.is_none()
            && pod
                .spec
                .containers
                .iter()
                .any(|c| w.unpullable.contains(&c.image))
    }

    pub fn process(&mut self, w: &mut World) -> bool {
        // Whether anything was seen, as when every key went into the queue: the reconcile
        // loop's passes are the same.
        let (pods, read) = (&self.pods, &*w);
        let seen = (self.seen).sift(&mut self.queue, |key, hint| may_sync(pods, read, key, hint));
        let mut queue = self.queue.take();
        let worked = seen || !queue.is_empty();
        for (key, hint) in queue.drain() {
            self.sync_pod(w, &key, hint);
        }
        self.queue.recycle(queue);
        worked
    }

    /// Whether the pod's progress says nothing is to be done now (`sync_pod`'s first return).
    fn nothing_due(pod: &Pod, progress: Option<&Progress>, now: Time) -> bool {
        pod.metadata.more.deletion_timestamp.is_none()
            && progress
                .is_some_and(|p| now < p.due || (p.stage == Stage::Running && pod.is_ready()))
    }

    fn sync_pod(&mut self, w: &mut World, key: &ObjectKey, hint: Option<PodId>) {
        let Some((pod, at)) = w.store.pod_rc_stamped(hint, key) else {
            self.pods.forget(hint, &w.store);
            return;
        };
        let at = Some(at);
        let progress = self.pods.get(at);
        let now = w.clock.now();
        // Most syncs follow the kubelet's own writes: nothing is due yet, or the pod runs and is
        // ready. Unless the pod is being deleted, every way below then ends without a write,
        // whatever its node's state, so the node is not looked up.
        if Self::nothing_due(&pod, progress.as_ref(), now) {
            return;
        }
        if pod.spec.node_name.is_empty() {
            return;
        }
        // The node by the number the store filed the bound pod under: not its name hashed
        // and compared again.
        let Some(node) = at.and_then(|at| w.store.pod_node(at.id)) else {
            return;
        };
        let Some(readiness) = self.nodes.of_number(&w.store, node) else {
            return; // PodGC's business
        };
        if readiness == Readiness::Unknown {
            return; // the kubelet is not talking to the API server
        }
        let node_ready = readiness == Readiness::Ready;
        if pod.metadata.more.deletion_timestamp.is_some() {
            self.terminate(w, key, at, &pod, now);
            return;
        }
        if !node_ready || pod.is_terminal() {
            return; // a NotReady node starts nothing new
        }
        let Some(progress) = progress else {
            self.admit(w, key, at, node, pod, now);
            return;
        };
        if now < progress.due {
            return;
        }
        match progress.stage {
            Stage::Pulling => self.pull_done(w, key, at, node, &pod, now),
            Stage::PullFailed => {
                set_waiting(w, key, "ImagePullBackOff", &back_off_message(&pod, w));
                for c in unpullable(&pod, w) {
                    event(
                        w,
                        &mut self.paths,
                        &pod,
                        &c.name,
                        NORMAL,
                        "BackOff",
                        format!("Back-off pulling image \"{}\"", c.image),
                    );
                }
                let retry = progress.backoff_ms;
                self.set(
                    w,
                    key,
                    at,
                    Stage::PullBackOff,
                    now.plus_millis(retry - 1000),
                    retry,
                );
            }
            Stage::PullBackOff => {
                for c in pullers(&pod, |i| self.images.has(node, i)) {
                    event(
                        w,
                        &mut self.paths,
                        &pod,
                        &c.name,
                        NORMAL,
                        "Pulling",
                        Message::template(PULLING, &[&c.image]),
                    );
                }
                let ms = w.timings.image_pull_ms;
                let backoff = (progress.backoff_ms * 2).min(w.timings.image_pull_backoff_max_ms);
                self.set(w, key, at, Stage::Pulling, now.plus_millis(ms), backoff);
            }
            Stage::Starting => self.start_containers(w, key, at, pod, now),
            Stage::WaitingReady => {
                drop(pod); // see `admit`
                self.ready.mark(w, key, now);
                self.set(w, key, at, Stage::Running, now, 0);
            }
            Stage::Running => {
                if !pod.is_ready() {
                    drop(pod); // see `admit`
                    self.ready.mark(w, key, now); // the node is back: readiness probes pass again
                }
            }
            Stage::Stopping => {}
        }
    }

    /// Sets the progress of the pod `key`, stored with the stamp `at`, and when it is due.
    fn set(
        &mut self,
        w: &mut World,
        key: &ObjectKey,
        at: Option<PodStamp>,
        stage: Stage,
        due: Time,
        backoff_ms: i64,
    ) {
        let progress = Progress {
            stage,
            due,
            backoff_ms,
        };
        self.pods.set(at, progress, w.clock.now());
        let hint = at.map(|at| at.id);
        if due > w.clock.now() {
            w.clock.schedule(due, Wake::Kubelet(key.clone(), hint));
        } else {
            self.queue.insert(key.clone(), hint);
        }
    }

    /// A newly bound pod: IPs, start time, ContainerCreating; pull what the node lacks.
    /// Takes the pod by value to let go of it before the status write: the store edits a pod
    /// in place only when nothing else holds it, and copies the whole pod otherwise.
    fn admit(
        &mut self,
        w: &mut World,
        key: &ObjectKey,
        at: Option<PodStamp>,
        node: NodeId,
        pod: Rc<Pod>,
        now: Time,
    ) {
        let host_ip = w
            .store
            .node_by_number(node)
            .and_then(|n| n.internal_ip())
            .unwrap_or_default()
            .to_string();
        let pod_ip = if pod.spec.settings.host_network {
            host_ip.as_str().into()
        } else {
            self.allocate_ip(w, node)
        };
        drop(pod);
        let admitted = &self.admitted;
        let mut built = None;
        w.store.update_pod_status(key, |p, st| {
            st.host_ip = host_ip.into();
            st.pod_ip = pod_ip;
            st.start_time = Some(now).into();
            st.phase = phase::PENDING.into();
            st.qos_class = qos_class(p).into();
            // The containers by address: a DaemonSet's pods share their template's.
            if let Some(a) = admitted.as_ref().filter(|a| {
                a.now == now && a.containers.same(&p.spec.containers) && a.before == st.conditions
            }) {
                st.conditions = a.conditions.clone();
                st.container_statuses = a.statuses.clone();
                return;
            }
            let before = st.conditions.clone();
            // A copy with room for the four conditions below: copied by the first, then grown
            // twice, it was three allocations and two copies a pod.
            let mut conditions = Vec::with_capacity(st.conditions.len() + 4);
            conditions.extend_from_slice(&st.conditions);
            st.conditions = Shared::new(conditions);
            set_status_condition(st, "PodReadyToStartContainers", "True", "", "", now);
            set_status_condition(st, "Initialized", "True", "", "", now);
            let names: Vec<&str> = p.spec.containers.iter().map(|c| c.name.as_str()).collect();
            let msg = format!("containers with unready status: [{}]", names.join(" "));
            set_status_condition(st, "Ready", "False", "ContainersNotReady", &msg, now);
            set_status_condition(
                st,
                "ContainersReady",
                "False",
                "ContainersNotReady",
                &msg,
                now,
            );
            st.container_statuses = p
                .spec
                .containers
                .iter()
                .map(|c| ContainerStatus {
                    name: c.name.clone(),
                    image: c.image.clone(),
                    state: waiting("ContainerCreating", ""),
                    ..Default::default()
                })
                .collect();
            built = Some((before, p.spec.containers.clone()));
        });
        let Some(pod) = w.store.pod_rc(key) else {
            return;
        };
        let pod = &*pod;
        if let Some((before, containers)) = built {
            // As the store keeps them (shared with its recent values): found by address next.
            self.admitted = Some(Admitted {
                now,
                before,
                containers,
                conditions: pod.status.conditions.clone(),
                statuses: pod.status.container_statuses.clone(),
            });
        }
        // The containers whose images the node lacks: read from the pod as written (the
        // status write changes neither its containers nor the node's images).
        let images = &self.images;
        let missing: Vec<&Container> = pullers(pod, |i| images.has(node, i)).collect();
        if missing.is_empty() {
            for c in &pod.spec.containers {
                event(
                    w,
                    &mut self.paths,
                    pod,
                    &c.name,
                    NORMAL,
                    "Pulled",
                    Message::template(PRESENT, &[&c.image]),
                );
            }
            let ms = w.timings.container_start_ms;
            self.set(w, key, at, Stage::Starting, now.plus_millis(ms), 0);
        } else {
            for c in missing {
                event(
                    w,
                    &mut self.paths,
                    pod,
                    &c.name,
                    NORMAL,
                    "Pulling",
                    Message::template(PULLING, &[&c.image]),
                );
            }
            let ms = w.timings.image_pull_ms;
            let first_backoff = w.timings.image_pull_backoff_ms;
            self.set(
                w,
                key,
                at,
                Stage::Pulling,
                now.plus_millis(ms),
                first_backoff,
            );
        }
    }

    fn pull_done(
        &mut self,
        w: &mut World,
        key: &ObjectKey,
        at: Option<PodStamp>,
        node: NodeId,
        pod: &Pod,
        now: Time,
    ) {
        let bad = unpullable(pod, w);
        let backoff = self.pods.get(at).map_or(0, |p| p.backoff_ms);
        if !bad.is_empty() {
            for c in &bad {
                let image = &c.image;
                let msg = format!(
                    "Failed to pull image \"{image}\": rpc error: code = NotFound desc = failed to pull and unpack image \"{image}\": not found"
                );
                let container = c.name.as_str();
                event(w, &mut self.paths, pod, container, WARNING, "Failed", msg);
                event(
                    w,
                    &mut self.paths,
                    pod,
                    container,
                    WARNING,
                    "Failed",
                    "Error: ErrImagePull",
                );
            }
            let msg = format!(
                "rpc error: code = NotFound desc = failed to pull and unpack image \"{}\": not found",
                bad[0].image
            );
            set_waiting(w, key, "ErrImagePull", &msg);
            let backoff = backoff.max(w.timings.image_pull_backoff_ms);
            self.set(
                w,
                key,
                at,
                Stage::PullFailed,
                now.plus_millis(1000),
                backoff,
            );
            return;
        }
        let secs = self.pull_secs.of(w.timings.image_pull_ms);
        for (i, c) in pod.spec.containers.iter().enumerate() {
            self.images.insert(node, &c.image);
            // Pulled: the first container with each image and those that pull always (as on a
            // node with none of them: one whose image the node had says pulled too, README);
            // a later one with the same image finds it present.
            let msg = if pulls(&pod.spec.containers, i, |_| false) {
                let msg = "Successfully pulled image \"{}\" in {}s ({}s including waiting)";
                Message::template(msg, &[&c.image, secs, secs])
            } else {
                Message::template(PRESENT, &[&c.image])
            };
            event(w, &mut self.paths, pod, &c.name, NORMAL, "Pulled", msg);
        }
        let ms = w.timings.container_start_ms;
        self.set(w, key, at, Stage::Starting, now.plus_millis(ms), 0);
    }

    /// Takes the pod by value to let go of it before the status write (see `admit`).
    fn start_containers(
        &mut self,
        w: &mut World,
        key: &ObjectKey,
        at: Option<PodStamp>,
        pod: Rc<Pod>,
        now: Time,
    ) {
        for c in &pod.spec.containers {
            event(
                w,
                &mut self.paths,
                &pod,
                &c.name,
                NORMAL,
                "Created",
                Message::template("Created container: {}", &[&c.name]),
            );
            event(
                w,
                &mut self.paths,
                &pod,
                &c.name,
                NORMAL,
                "Started",
                Message::template("Started container {}", &[&c.name]),
            );
        }
        let delay = pod
            .spec
            .containers
            .iter()
            .filter_map(|c| c.readiness_probe.as_ref())
            .map(|p| p.initial_delay_seconds.unwrap_or(0).max(0))
            .max();
        drop(pod);
        self.started.mark(w, key, now);
        match delay {
            Some(d) if d > 0 => self.set(w, key, at, Stage::WaitingReady, now.plus_secs(d), 0),
            _ => {
                self.ready.mark(w, key, now);
                self.set(w, key, at, Stage::Running, now, 0);
            }
        }
    }

    /// Request: stop the containers (Killing), then remove the pod once they exited or the
    /// grace period ran out.
    fn terminate(
        &mut self,
        w: &mut World,
        key: &ObjectKey,
        at: Option<PodStamp>,
        pod: &Pod,
        now: Time,
    ) {
        let stopping = self.pods.get(at).filter(|p| p.stage == Stage::Stopping);
        match stopping {
            None => {
                let running = pod
                    .status
                    .container_statuses
                    .iter()
                    .any(|c| c.state.running.is_some());
                let grace_ms = pod
                    .metadata
                    .more
                    .deletion_grace_period_seconds
                    .unwrap_or(30)
                    .max(0)
                    * 1000;
                let stop_ms = if running {
                    for c in &pod.spec.containers {
                        event(
                            w,
                            &mut self.paths,
                            pod,
                            &c.name,
                            NORMAL,
                            "Killing",
                            format!("Stopping container {}", c.name),
                        );
                    }
                    w.timings.container_stop_ms.min(grace_ms)
                } else {
                    POD_TEARDOWN_MS.min(grace_ms)
                };
                self.set(w, key, at, Stage::Stopping, now.plus_millis(stop_ms), 0);
            }
            Some(p) if now >= p.due => {
                // The kubelet's status manager ends the graceful deletion with grace 0.
                let node = w.store.pod(key).map(|p| p.spec.node_name.clone());
                let user = format!("system:node:{}", node.unwrap_or_default());
                apiserver::delete_pod(w, key, Some(0), Request::delete(&user));
                self.pods.remove(at);
            }
            Some(_) => {}
        }
    }

    /// The next pod IP on the node numbered `node`.
    fn allocate_ip(&mut self, w: &World, node: NodeId) -> IpText {
        let cidr = (w.store.node_by_number(node)).map_or("", |n| n.spec.pod_cidr.as_str());
        let prefix = cidr.rsplit_once('.').map_or("10.244.0", |(p, _)| p);
        let n = crate::state::node_table::slot(&mut self.next_ip, node.number() as usize, 0);
        *n = match *n {
            0 => 2,
            254.. => 2,
            n => n + 1,
        };
        status_text::pod_ip(prefix, *n as u8)
    }
}

/// `sim pod NAME fail`: the container exits 1; with nothing to restart it here, phase Failed.
pub fn fail_pod(w: &mut World, key: &ObjectKey, now: Time) {
    let Some(pod) = w.store.pod_rc(key) else {
        return;
    };
    w.store.update_pod(key, |p| {
        p.status.phase = phase::FAILED.into();
        for cs in &mut p.status.container_statuses {
            let started = cs.state.running.as_ref().and_then(|r| r.started_at);
            cs.state = ContainerState {
                terminated: Some(ContainerStateTerminated {
                    exit_code: 1,
                    reason: "Error".into(),
                    started_at: started,
                    finished_at: Some(now),
                    ..Default::default()
                }),
                ..Default::default()
            };
            cs.ready = false;
            cs.started = Some(false);
        }
        set_condition(p, "Ready", "False", "PodFailed", "", now);
        set_condition(p, "ContainersReady", "False", "PodFailed", "", now);
    });
    let first = pod.spec.containers.first().map_or("", |c| c.name.as_str());
    event(
        w,
        &mut FieldPaths::default(),
        &pod,
        first,
        WARNING,
        "BackOff",
        "Container exited with an error (exit code 1)",
    );
}

fn set_waiting(w: &mut World, key: &ObjectKey, reason: &str, message: &str) {
    let unpullable = w.unpullable.clone();
    w.store.update_pod(key, |p| {
        for (cs, c) in p
            .status
            .container_statuses
            .iter_mut()
            .zip(&p.spec.containers)
        {
            if unpullable.contains(&c.image) {
                cs.state = waiting(reason, message);
            }
        }
    });
}

fn waiting(reason: &str, message: &str) -> ContainerState {
    ContainerState {
        waiting: Some(ContainerStateWaiting {
            reason: reason.into(),
            message: message.into(),
        }),
        ..Default::default()
    }
}

fn back_off_message(pod: &Pod, w: &World) -> String {
    let image = unpullable(pod, w).first().map_or("", |c| c.image.as_str());
    format!("Back-off pulling image \"{image}\"")
}

/// The containers whose image cannot be pulled (`sim image IMAGE unpullable`).
fn unpullable<'p>(pod: &'p Pod, w: &World) -> Vec<&'p Container> {
    (pod.spec.containers.iter())
        .filter(|c| w.unpullable.contains(&c.image))
        .collect()
}

/// `imagePullPolicy: Always` pulls every time, even when the node has the image.
fn pulls_always(c: &Container) -> bool {
    c.image_pull_policy == "Always"
}

/// The containers that pull their image, in order: those that pull always, and the first of
/// those with an image the node lacks (`has`): the containers start in order, so a later one
/// with the same image finds it present.
fn pullers(pod: &Pod, has: impl Fn(&str) -> bool) -> impl Iterator<Item = &Container> {
    let all = &pod.spec.containers;
    (0..all.len())
        .filter(move |&i| pulls(all, i, &has))
        .map(|i| &all[i])
}

/// Whether container `i` of `all` pulls its image (see [`pullers`]).
fn pulls(all: &[Container], i: usize, has: impl Fn(&str) -> bool) -> bool {
    let c = &all[i];
    pulls_always(c) || (!has(&c.image) && !all[..i].iter().any(|e| e.image == c.image))
}

fn qos_class(p: &Pod) -> &'static str {
    let has = |f: fn(&crate::api::ResourceRequirements) -> bool| {
        p.spec
            .containers
            .iter()
            .any(|c| c.resources.as_ref().is_some_and(f))
    };
    if !has(|r| !r.requests.is_empty() || !r.limits.is_empty()) {
        "BestEffort"
    } else {
        "Burstable"
    }
}

/// The `fieldPath` of the kubelet's events about a container (`spec.containers{NAME}`), written
/// once per container name instead of once per event. The one last asked for is tried first:
/// a pod's events come in runs about one container, and the pods of a burst have the same names.
#[derive(Default)]
struct FieldPaths {
    paths: Vec<(String, String)>,
    by_name: HashMap<String, usize>,
    last: usize,
}

impl FieldPaths {
    fn of(&mut self, container: &str) -> &str {
        if self
            .paths
            .get(self.last)
            .is_none_or(|(name, _)| name != container)
        {
            self.last = match self.by_name.get(container) {
                Some(&i) => i,
                None => {
                    let path = format!("spec.containers{{{container}}}");
                    self.paths.push((container.to_string(), path));
                    self.by_name
                        .insert(container.to_string(), self.paths.len() - 1);
                    self.paths.len() - 1
                }
            };
        }
        self.paths
            .get(self.last)
            .map_or("", |(_, path)| path.as_str())
    }
}

/// The seconds a pull took as the `Pulled` message writes them (`2.5`), written once per
/// `sim timing` value instead of once per pod (a float's formatting).
#[derive(Default)]
struct PullSeconds(Option<(i64, String)>);

impl PullSeconds {
    fn of(&mut self, ms: i64) -> &str {
        if self.0.as_ref().is_none_or(|(at, _)| *at != ms) {
            self.0 = Some((ms, crate::float_text::display(ms as f64 / 1000.0)));
        }
        self.0.as_ref().map_or("", |(_, text)| text.as_str())
    }
}

/// An event of the kubelet about `container` of `pod` (its `fieldPath`; none for "").
/// Whether `Kubelet::sync_pod` of `key` could do anything now: not for a stored pod that is
/// unbound, or whose progress says nothing is due (its first two returns; a pod no longer
/// stored is synced, to forget it). A sync reads and writes only its own pod and progress, so
/// a pod left out at the start of a pass would have found the same at its turn.
fn may_sync(pods: &Pods, w: &World, key: &ObjectKey, hint: Option<PodId>) -> bool {
    let Some((pod, at)) = w.store.pod_stamped(hint, key) else {
        return true;
    };
    let progress = pods.get(Some(at));
    !(Kubelet::nothing_due(pod, progress.as_ref(), w.clock.now()) || pod.spec.node_name.is_empty())
}

fn event<'m>(
    w: &mut World,
    paths: &mut FieldPaths,
    pod: &Pod,
    container: &str,
    type_: &'static str,
    reason: &'static str,
    message: impl Into<Message<'m>>,
) {
    let now = w.clock.now();
    let mut r = reference("Pod", "v1", &pod.metadata);
    if !container.is_empty() {
        r.field_path = paths.of(container);
    }
    w.recorder.record(
        now,
        r,
        type_,
        reason,
        message,
        crate::state::events::source("kubelet", &pod.spec.node_name),
    );
}

#[cfg(test)]
mod tests {
    use super::{FieldPaths, PullSeconds};
    use super::{Kubelet, Progress, Stage, may_sync};
    use crate::api::{ObjectKey, Pod, Time};
    use crate::state::World;

    /// Spec §9, admission: pods of two DaemonSets admitted at one instant each get the
    /// conditions and container statuses of their own containers; those of one DaemonSet are
    /// the same values, shared.
    #[test]
    fn spec9_pods_admitted_together_get_their_own_containers_statuses() {
        let mut s = crate::runner::Session::new();
        let mut script =
            String::from("kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: NodeList\nitems:\n");
        for n in ["n1", "n2", "n3"] {
            script.push_str(&format!("- metadata: {{name: {n}}}\n"));
        }
        script.push_str("EOF\nsim settle\n");
        for (ds, containers) in [
            ("a", "[{name: web, image: nginx}]"),
            (
                "b",
                "[{name: side, image: busybox}, {name: main, image: redis}]",
            ),
        ] {
            script.push_str(&format!(
                "kubectl apply -f - <<'EOF'\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {{name: {ds}}}\nspec:\n  selector: {{matchLabels: {{app: {ds}}}}}\n  template:\n    metadata: {{labels: {{app: {ds}}}}}\n    spec: {{containers: {containers}}}\nEOF\n"
            ));
        }
        let out = s.execute(&script, None);
        assert!(!out.is_error, "{}", out.output);
        let store = s.cluster().store();
        let pods: Vec<&Pod> = store.pods().iter().map(|(_, p)| &**p).collect();
        assert_eq!(pods.len(), 6);
        for ds in ["a", "b"] {
            let own: Vec<&&Pod> = pods
                .iter()
                .filter(|p| p.metadata.name.starts_with(ds))
                .collect();
            let names: Vec<&str> = own[0]
                .spec
                .containers
                .iter()
                .map(|c| c.name.as_str())
                .collect();
            let want = format!("containers with unready status: [{}]", names.join(" "));
            for p in &own {
                let ready = p.status.conditions.iter().find(|c| c.type_ == "Ready");
                assert_eq!(ready.map(|c| c.message.to_string()), Some(want.clone()));
                let images: Vec<&str> = p
                    .status
                    .container_statuses
                    .iter()
                    .map(|c| c.image.as_str())
                    .collect();
                let spec: Vec<&str> = p.spec.containers.iter().map(|c| c.image.as_str()).collect();
                assert_eq!(images, spec);
                assert!(p.status.conditions.same(&own[0].status.conditions));
                assert!(
                    p.status
                        .container_statuses
                        .same(&own[0].status.container_statuses)
                );
            }
        }
    }

    /// A pass syncs every pod whose sync could act (spec §9, the kubelet's pod workers): a
    /// stored pod that is unbound, or whose progress has nothing due, is left out, and its sync
    /// would have changed nothing; a bound pod not admitted yet, one due now, one being deleted
    /// and one no longer stored are synced.
    #[test]
    fn spec9_a_pass_syncs_every_pod_a_sync_would_act_on() {
        let mut w = World::empty();
        let now = w.clock.now();
        let mut k = Kubelet::default();
        let cases = [
            ("unbound", "", None, false, false),
            ("pulling", "n1", Some(now.plus_millis(1)), false, false),
            ("new", "n1", None, false, true),
            ("due", "n1", Some(now), false, true),
            ("deleting", "n1", Some(now.plus_millis(1)), true, true),
        ];
        let mut keys = Vec::new();
        for (name, node, due, deleting, syncs) in cases {
            let mut p = Pod::default();
            p.metadata.name = name.to_string().into();
            p.metadata.namespace = "default".to_string().into();
            p.spec.node_name = node.into();
            if deleting {
                p.metadata.more.deletion_timestamp = Some(Time(0));
            }
            let key = ObjectKey::of(&p.metadata);
            w.store.put_pod(p);
            if let Some(due) = due {
                let progress = Progress {
                    stage: Stage::Pulling,
                    due,
                    backoff_ms: 0,
                };
                k.pods.set(w.store.pod_stamp(None, &key), progress, now);
            }
            keys.push((key, syncs));
        }
        let gone = ObjectKey {
            namespace: "default".to_string().into(),
            name: "gone".to_string().into(),
        };
        keys.push((gone, true));
        for (key, syncs) in &keys {
            assert_eq!(may_sync(&k.pods, &w, key, None), *syncs, "{key:?}");
        }
        for (key, _) in keys.iter().filter(|(_, syncs)| !syncs) {
            let before = w.store.pod(key).cloned();
            let progress = k.pods.get(w.store.pod_stamp(None, key));
            let timers = w.clock.pending().count();
            k.sync_pod(&mut w, key, None);
            assert_eq!(w.store.pod(key).cloned(), before);
            assert_eq!(k.pods.get(w.store.pod_stamp(None, key)), progress);
            assert_eq!((w.recorder.count(), w.clock.pending().count()), (0, timers));
        }
    }

    /// The path last asked for is tried first, and a name asked for again after another gets
    /// its own path, not the last one.
    #[test]
    fn field_paths_follow_the_name_asked_for() {
        let mut paths = FieldPaths::default();
        for name in ["app", "app", "sidecar", "app", "sidecar", "sidecar", "x"] {
            assert_eq!(paths.of(name), format!("spec.containers{{{name}}}"));
        }
        assert_eq!(paths.paths.len(), 3);
    }

    /// A changed `sim timing image-pull` is written anew.
    #[test]
    fn pull_seconds_follow_the_timing() {
        let mut secs = PullSeconds::default();
        assert_eq!(secs.of(2_500), "2.5");
        assert_eq!(secs.of(2_500), "2.5");
        assert_eq!(secs.of(3_000), "3");
        assert_eq!(secs.of(2_500), "2.5");
    }
}

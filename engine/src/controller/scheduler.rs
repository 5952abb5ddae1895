//! The default scheduler, as far as DaemonSet pods meet it (spec §7.3): a pod pinned to one node by
//! its `metadata.name` matchFields term is bound there if the node's filters pass; otherwise it
//! stays Pending with the scheduler's `FailedScheduling` message, and is retried when that node or
//! the pods on it change.

mod allocatable;

use super::queue::PodQueue;
use crate::api::{
    NORMAL, Node, ObjectKey, Pod, PodCondition, PodStatus, Shared, SharedStr, Time, WARNING,
};
use crate::placement::{RequiredNodeAffinity, find_matching_untolerated_taint};
use crate::state::World;
use crate::state::events::{Message, reference};
use crate::state::last_requests::LastRequests;
use crate::state::node_usage::{counted_on, host_ports};
use crate::state::store::{Change, PodId};
use allocatable::Allocatables;

#[derive(Default)]
pub struct Scheduler {
    queue: PodQueue,
    parsed: Parsed,
    bound: Bound,
}

/// The conditions the last binding wrote, with the instant and the conditions before: the pods
/// bound at one instant with the same conditions before (none, as created) get the very same
/// value, shared, instead of each a copy with its own PodScheduled.
type Bound = Option<(Time, Shared<Vec<PodCondition>>, Shared<Vec<PodCondition>>)>;

/// What the filters parse from nodes and pods, kept from one pod to the next.
#[derive(Default)]
struct Parsed {
    allocatables: Allocatables,
    requests: LastRequests,
}

/// Why the target node rejected the pod, in the scheduler plugins' words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unfit {
    /// Resolvable by preemption in principle (resources, ports).
    Resolvable(String),
    /// Not resolvable by preemption (taints, unschedulable, affinity).
    Unresolvable(String),
}

impl Scheduler {
    pub fn observe(&mut self, change: &Change, w: &World) {
        let nodes: Vec<&str> = match change {
            Change::Pod { key, id, nodes, .. } => match w.store.pod_hinted(Some(*id), key) {
                Some(p) => {
                    if needs_binding(p) {
                        self.queue.insert(key.clone(), Some(*id));
                    }
                    return;
                }
                // A pod left: room on its node.
                None => (nodes.iter())
                    .map(|n| w.store.node_name_of(n).as_str())
                    .collect(),
            },
            Change::Node(n) => vec![n.as_str()],
            Change::NodeDeleted(n) => {
                self.parsed.allocatables.forget(n);
                return;
            }
            _ => return,
        };
        // Something changed on these nodes: pending pods pinned there get another try, and so
        // do the pods pinned nowhere.
        for p in w.store.unplaced_pods().filter(|p| needs_binding(p)) {
            self.queue.insert(ObjectKey::of(&p.metadata), None);
        }
        for n in nodes {
            for p in w.store.pods_on_node(n).filter(|p| needs_binding(p)) {
                self.queue.insert(ObjectKey::of(&p.metadata), None);
            }
        }
    }

    pub fn process(&mut self, w: &mut World) -> bool {
        let mut queue = self.queue.take();
        let worked = !queue.is_empty();
        for (key, hint) in queue.drain() {
            schedule_one(w, &mut self.parsed, &mut self.bound, &key, hint);
        }
        self.queue.recycle(queue);
        worked
    }
}

fn needs_binding(p: &Pod) -> bool {
    p.spec.node_name.is_empty() && !p.metadata.is_being_deleted() && !p.is_terminal()
}

fn schedule_one(
    w: &mut World,
    parsed: &mut Parsed,
    bound: &mut Bound,
    key: &ObjectKey,
    hint: Option<PodId>,
) {
    let Some(pod) = w
        .store
        .pod_rc_hinted(hint, key)
        .filter(|p| needs_binding(p))
    else {
        return;
    };
    let now = w.clock.now();
    // Its target node's number, as the store filed the pod: not derived and looked up again.
    let Some(target) = w.store.pod_target_number(hint, key) else {
        match choose_node(w, parsed, &pod) {
            Ok(node) => {
                drop(pod); // see `bind`
                let node = w.store.held_node_name(&node);
                bind(w, bound, key, node, now);
            }
            Err(msg) => unschedulable(w, key, &pod, msg, now),
        }
        return;
    };
    let total = w.store.nodes().len();
    let verdict = match w.store.node_by_number(target) {
        Some(node) => check_node(w, parsed, &pod, node),
        None => Err(Unfit::Unresolvable(
            "node(s) didn't match Pod's node affinity/selector".into(),
        )),
    };
    match verdict {
        Ok(()) => {
            drop(pod); // see `bind`
            let node = w.store.node_name_of(target).clone();
            bind(w, bound, key, node, now);
        }
        Err(unfit) => {
            let target_exists = w.store.node_by_number(target).is_some();
            let msg = failed_scheduling_message(total, target_exists, &unfit);
            unschedulable(w, key, &pod, msg, now);
        }
    }
}

/// The binding: `nodeName` set (`node` names an existing node, so this always changes the pod),
/// PodScheduled. The caller lets go of the pod first, so that the store edits it in place.
/// `node` is the string the store holds for the name.
fn bind(w: &mut World, bound: &mut Bound, key: &ObjectKey, node: SharedStr, now: Time) {
    w.store.write_pod(key, |p| {
        p.spec.node_name = node;
        let conditions = &mut p.status.conditions;
        match bound.as_ref().filter(|b| b.0 == now && b.1 == *conditions) {
            Some(b) => *conditions = b.2.clone(),
            None => {
                let before = conditions.clone();
                set_condition(p, "PodScheduled", "True", "", "", now);
                *bound = Some((now, before, p.status.conditions.clone()));
            }
        }
    });
    let Some(pod) = w.store.pod(key) else {
        return;
    };
    let msg = Message::template(
        "Successfully assigned {}/{} to {}",
        &[&key.namespace, &key.name, &pod.spec.node_name],
    );
    w.recorder.record(
        now,
        reference("Pod", "v1", &pod.metadata),
        NORMAL,
        "Scheduled",
        msg,
        crate::state::events::source("default-scheduler", ""),
    );
}

fn unschedulable(w: &mut World, key: &ObjectKey, pod: &Pod, msg: String, now: Time) {
    w.store.update_pod(key, |p| {
        set_condition(p, "PodScheduled", "False", "Unschedulable", &msg, now);
    });
    w.recorder.record(
        now,
        reference("Pod", "v1", &pod.metadata),
        WARNING,
        "FailedScheduling",
        msg,
        crate::state::events::source("default-scheduler", ""),
    );
}

/// The scheduler's `FitError` text: `0/N nodes are available: <reasons>. preemption: ...`.
/// Every other node fails the pinned node-affinity term.
pub fn failed_scheduling_message(total: usize, target_exists: bool, unfit: &Unfit) -> String {
    let others = if target_exists {
        total.saturating_sub(1)
    } else {
        total
    };
    let affinity = Unfit::Unresolvable(AFFINITY_MISMATCH.into());
    let mut per_node: Vec<&Unfit> = vec![&affinity; others];
    if target_exists {
        per_node.push(unfit);
    }
    fit_error(total, &per_node)
}

const AFFINITY_MISMATCH: &str = "node(s) didn't match Pod's node affinity/selector";

/// `FitError.Error()` with the preemption postfilter's message: each node's reason counted.
fn fit_error(total: usize, per_node: &[&Unfit]) -> String {
    // A few distinct reasons, counted in lists (the parts are sorted as text below anyway).
    let mut reasons: Vec<(&str, usize)> = Vec::new();
    let mut preemption: Vec<(&str, usize)> = Vec::new();
    for unfit in per_node {
        let (reason, pre) = match unfit {
            Unfit::Resolvable(r) => (r, "No preemption victims found for incoming pod"),
            Unfit::Unresolvable(r) => (r, "Preemption is not helpful for scheduling"),
        };
        count(&mut reasons, reason.as_str());
        count(&mut preemption, pre);
    }
    let histogram = |m: &[(&str, usize)]| {
        let mut parts: Vec<String> = m.iter().map(|(r, n)| format!("{n} {r}")).collect();
        crate::sort::sort(&mut parts);
        parts.join(", ")
    };
    format!(
        "0/{total} nodes are available: {}. preemption: 0/{total} nodes are available: {}.",
        histogram(&reasons),
        histogram(&preemption)
    )
}

/// Counts one more `reason`.
fn count<'a>(counts: &mut Vec<(&'a str, usize)>, reason: &'a str) {
    match counts.iter_mut().find(|(r, _)| *r == reason) {
        Some((_, n)) => *n += 1,
        None => counts.push((reason, 1)),
    }
}

/// A pod pinned to no node (a ReplicaSet's): every node is filtered (node affinity and
/// nodeSelector, then [`check_node`]) and the feasible ones scored. The score stands in for the
/// default plugins: fewer untolerated PreferNoSchedule taints (TaintToleration), fewer pods of
/// the same controller (the default PodTopologySpread constraint on hostname), fewer pods
/// (NodeResourcesFit's LeastAllocated); ties are broken at random as `selectHost` does.
/// Simplification, named in the README: no resource-based scoring, no inter-pod affinity.
fn choose_node(w: &mut World, parsed: &mut Parsed, pod: &Pod) -> Result<String, String> {
    let affinity = RequiredNodeAffinity::for_pod_spec(&pod.spec);
    let owner = pod.metadata.controller_ref().map(|r| r.uid.clone());
    let mut unfit: Vec<Unfit> = Vec::new();
    let mut best: Vec<((usize, usize, usize), String)> = Vec::new();
    for node in w.store.nodes().values() {
        if !affinity.matches(node) {
            unfit.push(Unfit::Unresolvable(AFFINITY_MISMATCH.into()));
            continue;
        }
        if let Err(u) = check_node(w, parsed, pod, node) {
            unfit.push(u);
            continue;
        }
        let prefer_no_schedule = node
            .spec
            .taints
            .iter()
            .filter(|t| t.effect == "PreferNoSchedule")
            .filter(|t| {
                !pod.spec
                    .tolerations
                    .iter()
                    .any(|tol| crate::placement::tolerates(tol, t))
            })
            .count();
        let mut siblings = 0;
        let mut pods = 0;
        for p in w.store.pods_on_node(node.name()) {
            if p.spec.node_name.is_empty() || p.is_terminal() {
                continue;
            }
            pods += 1;
            if owner.is_some() && p.metadata.controller_ref().map(|r| &r.uid) == owner.as_ref() {
                siblings += 1;
            }
        }
        let score = (prefer_no_schedule, siblings, pods);
        match best.first() {
            Some((b, _)) if score > *b => {}
            Some((b, _)) if score == *b => best.push((score, node.name().to_string())),
            _ => best = vec![(score, node.name().to_string())],
        }
    }
    if best.is_empty() {
        let total = w.store.nodes().len();
        let refs: Vec<&Unfit> = unfit.iter().collect();
        return Err(fit_error(total, &refs));
    }
    let pick = (w.rng.next_u64() % best.len() as u64) as usize;
    Ok(best.swap_remove(pick).1)
}

/// The filters of the target node: NodeUnschedulable, TaintToleration, NodePorts,
/// NodeResourcesFit.
fn check_node(w: &World, parsed: &mut Parsed, pod: &Pod, node: &Node) -> Result<(), Unfit> {
    if node.spec.unschedulable
        && !pod.spec.tolerations.iter().any(|t| {
            crate::placement::tolerates(
                t,
                &crate::api::Taint::new(crate::api::taints::UNSCHEDULABLE, "", "NoSchedule"),
            )
        })
    {
        return Err(Unfit::Unresolvable("node(s) were unschedulable".into()));
    }
    if let Some(t) =
        find_matching_untolerated_taint(&node.spec.taints, &pod.spec.tolerations, |t| {
            t.effect == "NoSchedule" || t.effect == "NoExecute"
        })
    {
        let value = if t.value.is_empty() {
            String::new()
        } else {
            format!(": {}", t.value)
        };
        return Err(Unfit::Unresolvable(format!(
            "node(s) had untolerated taint {{{}{}}}",
            t.key, value
        )));
    }
    // The other pods bound to the node that have not finished, as running sums.
    let mut others = w.store.node_usage(node.name()).cloned().unwrap_or_default();
    if counted_on(pod) == Some(node.name()) {
        others.remove(pod, parsed.requests.amounts(pod));
    }
    let wanted_ports = host_ports(pod);
    if others.host_ports.iter().any(|hp| wanted_ports.contains(hp)) {
        return Err(Unfit::Resolvable(
            "node(s) didn't have free ports for the requested pod ports".into(),
        ));
    }
    let mut insufficient = Vec::new();
    let allocatable = parsed.allocatables.of(node);
    if others.pods as i128 + 1 > allocatable.pods.unwrap_or(i128::MAX) / 1000 {
        insufficient.push("Too many pods".to_string());
    }
    for resource in ["cpu", "memory"] {
        let want = parsed.requests.of(pod, resource);
        if want == 0 {
            continue;
        }
        let Some(cap) = allocatable.get(resource) else {
            continue;
        };
        if others.requested(resource) + want > cap {
            insufficient.push(format!("Insufficient {resource}"));
        }
    }
    match insufficient.len() {
        0 => Ok(()),
        _ => Err(Unfit::Resolvable(insufficient.join(", "))),
    }
}

pub fn set_condition(
    p: &mut Pod,
    type_: &'static str,
    status: &'static str,
    reason: &'static str,
    message: &str,
    now: crate::api::Time,
) {
    set_status_condition(&mut p.status, type_, status, reason, message, now);
}

/// [`set_condition`] on a pod's status alone (for status writes, `Store::update_pod_status`).
pub fn set_status_condition(
    st: &mut PodStatus,
    type_: &'static str,
    status: &'static str,
    reason: &'static str,
    message: &str,
    now: crate::api::Time,
) {
    match st.conditions.iter_mut().find(|c| c.type_ == type_) {
        Some(c) => {
            if c.status != status {
                c.last_transition_time = Some(now);
            }
            c.status = status.into();
            c.reason = reason.into();
            c.message = message.into();
        }
        None => st.conditions.push(PodCondition {
            type_: type_.into(),
            status: status.into(),
            last_probe_time: None,
            last_transition_time: Some(now),
            reason: reason.into(),
            message: message.into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spec §8, binding: each pod bound gets PodScheduled True as `set_condition` writes it on
    /// its own conditions; pods bound at one instant from the same conditions share the value,
    /// and a pod with other conditions before (an earlier Unschedulable) gets its own.
    #[test]
    fn spec8_pods_bound_together_share_their_podscheduled_condition() {
        let mut w = crate::state::World::empty();
        let now = w.clock.now();
        let mut pods = Vec::new();
        for name in ["a", "b", "c", "unschedulable"] {
            let mut p = Pod::default();
            p.metadata.name = name.to_string().into();
            p.metadata.namespace = "default".to_string().into();
            if name == "unschedulable" {
                set_condition(
                    &mut p,
                    "PodScheduled",
                    "False",
                    "Unschedulable",
                    "no",
                    Time(0),
                );
            }
            let mut expected = p.clone();
            expected.spec.node_name = "n1".into();
            set_condition(&mut expected, "PodScheduled", "True", "", "", now);
            let key = ObjectKey::of(&p.metadata);
            w.store.put_pod(p);
            pods.push((key, expected.status.conditions));
        }
        let mut bound = None;
        for (key, _) in &pods {
            bind(&mut w, &mut bound, key, "n1".into(), now);
        }
        let conditions = |i: usize| w.store.pod(&pods[i].0).map(|p| p.status.conditions.clone());
        for (i, (_, expected)) in pods.iter().enumerate() {
            assert_eq!(conditions(i).as_ref(), Some(expected), "{i}");
        }
        let same = |i: usize, j: usize| {
            conditions(i)
                .zip(conditions(j))
                .is_some_and(|(a, b)| a.same(&b))
        };
        assert!(same(0, 1) && same(0, 2) && !same(0, 3));
    }

    /// The example, for a one-node cluster.
    #[test]
    fn failed_scheduling_message_one_node_insufficient_cpu() {
        let m = failed_scheduling_message(1, true, &Unfit::Resolvable("Insufficient cpu".into()));
        assert_eq!(
            m,
            "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."
        );
        let m = failed_scheduling_message(
            3,
            true,
            &Unfit::Unresolvable("node(s) had untolerated taint {dedicated: user1}".into()),
        );
        assert!(m.starts_with("0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: user1}, 2 node(s) didn't match Pod's node affinity/selector."));
    }
}

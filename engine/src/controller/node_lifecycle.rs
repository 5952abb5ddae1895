//! The node lifecycle controller (spec §10.2): taints that follow node conditions and
//! `spec.unschedulable`. NoSchedule taints at once; the NoExecute taint for not-ready or
//! unreachable nodes after the node-monitor grace period. Pods on a node whose Ready condition is
//! not True are marked not ready (`MarkPodsNotReady`).

use super::scheduler::set_condition;
use crate::api::{Node, ObjectKey, Taint, Time, WARNING, has_taint, taints};
use crate::state::World;
use crate::state::clock::Wake;
use crate::state::events::reference;
use crate::state::store::Change;
use std::collections::BTreeSet;

#[derive(Default)]
pub struct NodeLifecycle {
    queue: BTreeSet<String>,
}

/// The NoSchedule taints a node's state calls for, in the controller's order.
fn wanted_no_schedule(node: &Node) -> Vec<&'static str> {
    let mut out = Vec::new();
    match node.condition_status("Ready") {
        Some("False") => out.push(taints::NOT_READY),
        Some("Unknown") => out.push(taints::UNREACHABLE),
        _ => {}
    }
    for (cond, key) in [
        ("MemoryPressure", taints::MEMORY_PRESSURE),
        ("DiskPressure", taints::DISK_PRESSURE),
        ("PIDPressure", taints::PID_PRESSURE),
        ("NetworkUnavailable", taints::NETWORK_UNAVAILABLE),
    ] {
        if node.condition_status(cond) == Some("True") {
            out.push(key);
        }
    }
    if node.spec.unschedulable {
        out.push(taints::UNSCHEDULABLE);
    }
    out
}

const MANAGED_NO_SCHEDULE: [&str; 7] = [
    taints::NOT_READY,
    taints::UNREACHABLE,
    taints::MEMORY_PRESSURE,
    taints::DISK_PRESSURE,
    taints::PID_PRESSURE,
    taints::NETWORK_UNAVAILABLE,
    taints::UNSCHEDULABLE,
];

impl NodeLifecycle {
    pub fn observe(&mut self, change: &Change, _w: &World) {
        if let Change::Node(n) = change {
            self.queue.insert(n.clone());
        }
    }

    pub fn wake(&mut self, node: String) {
        self.queue.insert(node);
    }

    pub fn process(&mut self, w: &mut World) -> bool {
        let queue = std::mem::take(&mut self.queue);
        for name in &queue {
            sync_node(w, name);
        }
        !queue.is_empty()
    }
}

fn sync_node(w: &mut World, name: &str) {
    let Some(node) = w.store.node(name) else {
        return;
    };
    let now = w.clock.now();
    // Only the taints change: the node is copied only when they do.
    let mut taints = node.spec.taints.clone();
    // NoSchedule taints follow conditions exactly.
    let wanted = wanted_no_schedule(node);
    taints.retain(|t| {
        !(t.effect == "NoSchedule"
            && MANAGED_NO_SCHEDULE.contains(&t.key.as_str())
            && !wanted.contains(&t.key.as_str()))
    });
    for key in wanted {
        if !has_taint(&taints, key, "NoSchedule") {
            taints.push(Taint {
                time_added: Some(now),
                ..Taint::new(key, "", "NoSchedule")
            });
        }
    }
    // NoExecute: not-ready / unreachable after the grace period since the condition changed.
    let ready = node.condition("Ready");
    let execute_key = match ready.map(|c| &*c.status) {
        Some("False") => Some(taints::NOT_READY),
        Some("Unknown") => Some(taints::UNREACHABLE),
        _ => None,
    };
    taints.retain(|t| {
        !(t.effect == "NoExecute"
            && (t.key == taints::NOT_READY || t.key == taints::UNREACHABLE)
            && Some(t.key.as_str()) != execute_key)
    });
    let mut recheck_at = None;
    if let Some(key) = execute_key
        && !has_taint(&taints, key, "NoExecute")
    {
        let since = ready.and_then(|c| c.last_transition_time).unwrap_or(now);
        let due: Time = since.plus_millis(w.timings.node_monitor_grace_ms);
        if due <= now {
            taints.push(Taint {
                time_added: Some(now),
                ..Taint::new(key, "", "NoExecute")
            });
        } else {
            recheck_at = Some(due);
        }
    }
    let not_ready = ready.is_some_and(|c| c.status != "True");
    let changed = (taints != node.spec.taints).then(|| {
        let mut new = node.clone();
        new.spec.taints = taints;
        new
    });
    if let Some(due) = recheck_at {
        w.clock.schedule(due, Wake::NodeLifecycle(name.to_string()));
    }
    if let Some(new) = changed {
        w.store.put_node(new);
    }
    if not_ready {
        mark_pods_not_ready(w, name, now);
    }
}

/// `MarkPodsNotReady`: the Ready condition of every pod on the node becomes False.
fn mark_pods_not_ready(w: &mut World, node: &str, now: Time) {
    let keys: Vec<ObjectKey> = w
        .store
        .pods_on_node(node)
        .filter(|p| p.spec.node_name == node && p.is_ready())
        .map(|p| ObjectKey::of(&p.metadata))
        .collect();
    for key in keys {
        // Only the pod's Ready condition: container statuses are the (silent) kubelet's.
        w.store
            .update_pod(&key, |p| set_condition(p, "Ready", "False", "", "", now));
        if let Some(p) = w.store.pod(&key) {
            let r = reference("Pod", "v1", &p.metadata);
            w.recorder.record(
                now,
                r,
                WARNING,
                "NodeNotReady",
                "Node is not ready",
                crate::state::events::source("node-controller", ""),
            );
        }
    }
}

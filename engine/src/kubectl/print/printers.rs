//! The rows of kubectl's tables: ports of the API server's table printers
//! (`pkg/printers/internalversion/printers.go`: `printPod`, `printNode`, `printDaemonSet`,
//! `printControllerRevision`, `printEvent`, `printDeployment`, `printReplicaSet`) and of `translateTimestampSince`.

use crate::api::{
    ContainerStatus, ControllerRevision, DaemonSet, Deployment, Event, LabelSelector, Node, Pod,
    PodSpec, ReplicaSet, Time, format_labels, phase,
};
use crate::script::human_duration;
use std::time::Duration;

/// The kubelet version shown for nodes that report none (the simulated nodes' version).
pub const DEFAULT_KUBELET_VERSION: &str = "v1.31.0";

/// `translateTimestampSince`: `<unknown>` for no timestamp, else the kubectl AGE of `now - t`
/// (`HumanDuration`: `<invalid>` more than a second in the future, `0s` just in the future).
pub fn age(now: Time, t: Option<Time>) -> String {
    let Some(t) = t else {
        return "<unknown>".into();
    };
    let millis = now.millis().saturating_sub(t.millis());
    let seconds = millis / 1000; // Go's int(d.Seconds()) truncates toward zero
    if seconds < -1 {
        return "<invalid>".into();
    }
    if millis < 0 {
        return "0s".into();
    }
    human_duration(Duration::from_millis(millis as u64))
}

// ---- pods

pub const POD_HEADERS: &[&str] = &["NAME", "READY", "STATUS", "RESTARTS", "AGE"];
pub const POD_WIDE_HEADERS: &[&str] = &["IP", "NODE", "NOMINATED NODE", "READINESS GATES"];

/// What `printPod` computes besides the wide columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodSummary {
    pub ready: usize,
    pub total: usize,
    /// The STATUS column.
    pub status: String,
    pub restarts: i64,
    /// When a container last terminated, for `N (5m ago)`.
    pub last_restart: Option<Time>,
}

fn is_restartable_init(pod: &Pod, name: &str) -> bool {
    pod.spec
        .settings
        .init_containers
        .iter()
        .find(|c| c.name == name)
        .and_then(|c| c.extra.get("restartPolicy"))
        .and_then(|v| v.as_str())
        == Some("Always")
}

fn init_statuses(pod: &Pod) -> Vec<ContainerStatus> {
    pod.status
        .more
        .extra
        .get("initContainerStatuses")
        .and_then(|v| crate::api::decode::from_value(v.clone()).ok())
        .unwrap_or_default()
}

fn condition_true(pod: &Pod, type_: &str) -> bool {
    pod.condition(type_).is_some_and(|c| c.status == "True")
}

fn later(a: Option<Time>, b: Option<Time>) -> Option<Time> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

fn terminated_reason(reason: &str, exit_code: i32, prefix: &str) -> String {
    if reason.is_empty() {
        format!("{prefix}ExitCode:{exit_code}")
    } else {
        format!("{prefix}{reason}")
    }
}

/// `printPod`'s READY, STATUS and RESTARTS.
pub fn pod_summary(pod: &Pod) -> PodSummary {
    let mut total = pod.spec.containers.len();
    for c in &pod.spec.settings.init_containers {
        if is_restartable_init(pod, &c.name) {
            total += 1;
        }
    }
    let mut ready = 0usize;
    let mut restarts: i64 = 0;
    let mut last_restart: Option<Time> = None;
    let mut sidecar_restarts: i64 = 0;
    let mut sidecar_last_restart: Option<Time> = None;

    let pod_phase = &*pod.status.phase;
    let mut reason = if pod.status.more.reason.is_empty() {
        pod_phase.to_string()
    } else {
        pod.status.more.reason.clone()
    };
    if pod
        .status
        .conditions
        .iter()
        .any(|c| c.type_ == "PodScheduled" && c.reason == "SchedulingGated")
    {
        reason = "SchedulingGated".into();
    }

    let init = init_statuses(pod);
    let mut initializing = false;
    for (i, c) in init.iter().enumerate() {
        restarts += i64::from(c.restart_count);
        let finished = c.last_state.terminated.as_ref().and_then(|t| t.finished_at);
        last_restart = later(last_restart, finished);
        let restartable = is_restartable_init(pod, &c.name);
        if restartable {
            sidecar_restarts += i64::from(c.restart_count);
            sidecar_last_restart = later(sidecar_last_restart, finished);
        }
        if let Some(t) = c.state.terminated.as_ref().filter(|t| t.exit_code == 0) {
            let _ = t;
            continue;
        }
        if restartable && c.started == Some(true) {
            if c.ready {
                ready += 1;
            }
            continue;
        }
        if let Some(t) = &c.state.terminated {
            reason = terminated_reason(&t.reason, t.exit_code, "Init:");
        } else if let Some(w) = c
            .state
            .waiting
            .as_ref()
            .filter(|w| !w.reason.is_empty() && w.reason != "PodInitializing")
        {
            reason = format!("Init:{}", w.reason);
        } else {
            reason = format!("Init:{}/{}", i, pod.spec.settings.init_containers.len());
        }
        initializing = true;
        break;
    }

    if !initializing || condition_true(pod, "Initialized") {
        restarts = sidecar_restarts;
        last_restart = sidecar_last_restart;
        let mut has_running = false;
        for c in pod.status.container_statuses.iter().rev() {
            restarts += i64::from(c.restart_count);
            last_restart = later(
                last_restart,
                c.last_state.terminated.as_ref().and_then(|t| t.finished_at),
            );
            if let Some(w) = c.state.waiting.as_ref().filter(|w| !w.reason.is_empty()) {
                reason = w.reason.clone();
            } else if let Some(t) = &c.state.terminated {
                reason = terminated_reason(&t.reason, t.exit_code, "");
            } else if c.ready && c.state.running.is_some() {
                has_running = true;
                ready += 1;
            }
        }
        if reason == "Completed" && has_running {
            reason = if condition_true(pod, "Ready") {
                "Running".into()
            } else {
                "NotReady".into()
            };
        }
    }

    if pod.metadata.more.deletion_timestamp.is_some() && pod.status.more.reason == "NodeLost" {
        reason = "Unknown".into();
    } else if pod.metadata.more.deletion_timestamp.is_some()
        && pod_phase != phase::SUCCEEDED
        && pod_phase != phase::FAILED
    {
        reason = "Terminating".into();
    }

    PodSummary {
        ready,
        total,
        status: reason,
        restarts,
        last_restart,
    }
}

/// The STATUS column of `kubectl get pods`.
pub fn pod_status(pod: &Pod) -> String {
    pod_summary(pod).status
}

pub fn pod_row(pod: &Pod, now: Time, wide: bool) -> Vec<String> {
    let s = pod_summary(pod);
    let restarts = match s.last_restart {
        Some(t) if s.restarts != 0 => format!("{} ({} ago)", s.restarts, age(now, Some(t))),
        _ => s.restarts.to_string(),
    };
    let mut row = vec![
        pod.metadata.name.to_string(),
        format!("{}/{}", s.ready, s.total),
        s.status,
        restarts,
        age(now, pod.metadata.creation_timestamp.get()),
    ];
    if wide {
        let or_none = |s: &str| {
            if s.is_empty() {
                "<none>".to_string()
            } else {
                s.to_string()
            }
        };
        let nominated = pod
            .status
            .more
            .extra
            .get("nominatedNodeName")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        row.push(or_none(&pod.status.pod_ip.to_string()));
        row.push(or_none(&pod.spec.node_name));
        row.push(or_none(nominated));
        row.push(readiness_gates(pod));
    }
    row
}

fn readiness_gates(pod: &Pod) -> String {
    let Some(gates) = pod
        .spec
        .settings
        .extra
        .get("readinessGates")
        .and_then(|v| v.as_array())
    else {
        return "<none>".into();
    };
    if gates.is_empty() {
        return "<none>".into();
    }
    let true_count = gates
        .iter()
        .filter_map(|g| g.get("conditionType").and_then(|v| v.as_str()))
        .filter(|t| {
            pod.status
                .conditions
                .iter()
                .find(|c| c.type_ == *t)
                .is_some_and(|c| c.status == "True")
        })
        .count();
    format!("{}/{}", true_count, gates.len())
}

// ---- nodes

pub const NODE_HEADERS: &[&str] = &["NAME", "STATUS", "ROLES", "AGE", "VERSION"];
pub const NODE_WIDE_HEADERS: &[&str] = &[
    "INTERNAL-IP",
    "EXTERNAL-IP",
    "OS-IMAGE",
    "KERNEL-VERSION",
    "CONTAINER-RUNTIME",
];

/// `printNode`'s STATUS: `Ready` / `NotReady` from the Ready condition (`Unknown` without
/// one), then `SchedulingDisabled` for a cordoned node.
pub fn node_status(node: &Node) -> String {
    let mut status = Vec::new();
    match node.condition_status("Ready") {
        Some("True") => status.push("Ready"),
        Some(_) => status.push("NotReady"),
        None => status.push("Unknown"),
    }
    if node.spec.unschedulable {
        status.push("SchedulingDisabled");
    }
    status.join(",")
}

/// `findNodeRoles`: the `node-role.kubernetes.io/<role>` label suffixes and the value of
/// `kubernetes.io/role`, sorted, or `<none>`.
pub fn node_roles(node: &Node) -> String {
    let mut roles: Vec<&str> = Vec::new();
    for (k, v) in &node.metadata.labels {
        if let Some(role) = k.strip_prefix("node-role.kubernetes.io/") {
            if !role.is_empty() {
                roles.push(role);
            }
        } else if k == "kubernetes.io/role" && !v.is_empty() {
            roles.push(v);
        }
    }
    crate::sort::sort(&mut roles);
    roles.dedup();
    if roles.is_empty() {
        "<none>".into()
    } else {
        roles.join(",")
    }
}

fn node_info<'a>(node: &'a Node, key: &str) -> Option<&'a str> {
    node.status.node_info.as_ref()?.get(key)?.as_str()
}

pub fn node_row(node: &Node, now: Time, wide: bool) -> Vec<String> {
    let version = match &node.status.node_info {
        Some(_) => node_info(node, "kubeletVersion").unwrap_or("").to_string(),
        None => DEFAULT_KUBELET_VERSION.to_string(),
    };
    let mut row = vec![
        node.metadata.name.to_string(),
        node_status(node),
        node_roles(node),
        age(now, node.metadata.creation_timestamp.get()),
        version,
    ];
    if wide {
        let address = |type_: &str| {
            node.status
                .addresses
                .iter()
                .find(|a| a.type_ == type_)
                .map_or_else(|| "<none>".to_string(), |a| a.address.to_string())
        };
        let info = |key: &str| match node_info(node, key) {
            Some(v) if !v.is_empty() => v.to_string(),
            _ => "<unknown>".to_string(),
        };
        row.push(address("InternalIP"));
        row.push(address("ExternalIP"));
        row.push(info("osImage"));
        row.push(info("kernelVersion"));
        row.push(info("containerRuntimeVersion"));
    }
    row
}

// ---- daemonsets

pub const DS_HEADERS: &[&str] = &[
    "NAME",
    "DESIRED",
    "CURRENT",
    "READY",
    "UP-TO-DATE",
    "AVAILABLE",
    "NODE SELECTOR",
    "AGE",
];
pub const DS_WIDE_HEADERS: &[&str] = &["CONTAINERS", "IMAGES", "SELECTOR"];

pub fn daemonset_row(ds: &DaemonSet, now: Time, wide: bool) -> Vec<String> {
    let st = &ds.status;
    let mut row = vec![
        ds.metadata.name.to_string(),
        st.desired_number_scheduled.to_string(),
        st.current_number_scheduled.to_string(),
        st.number_ready.to_string(),
        st.updated_number_scheduled.to_string(),
        st.number_available.to_string(),
        format_labels(&ds.spec.template.spec.settings.node_selector),
        age(now, ds.metadata.creation_timestamp.get()),
    ];
    if wide {
        let containers = &ds.spec.template.spec.containers;
        row.push(
            containers
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
                .join(","),
        );
        row.push(
            containers
                .iter()
                .map(|c| c.image.as_str())
                .collect::<Vec<_>>()
                .join(","),
        );
        row.push(
            ds.spec
                .selector
                .as_ref()
                .map_or_else(|| "<none>".to_string(), LabelSelector::format),
        );
    }
    row
}

// ---- deployments and replicasets

pub const DEPLOY_HEADERS: &[&str] = &["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"];
pub const RS_HEADERS: &[&str] = &["NAME", "DESIRED", "CURRENT", "READY", "AGE"];
pub const WORKLOAD_WIDE_HEADERS: &[&str] = &["CONTAINERS", "IMAGES", "SELECTOR"];

/// `printDeployment`: READY is ready/desired.
pub fn deployment_row(d: &Deployment, now: Time, wide: bool) -> Vec<String> {
    let st = &d.status;
    let mut row = vec![
        d.metadata.name.to_string(),
        format!("{}/{}", st.ready_replicas, d.replicas()),
        st.updated_replicas.to_string(),
        st.available_replicas.to_string(),
        age(now, d.metadata.creation_timestamp.get()),
    ];
    if wide {
        row.extend(workload_wide(
            &d.spec.template.spec,
            d.spec.selector.as_ref(),
        ));
    }
    row
}

/// `printReplicaSet`.
pub fn replicaset_row(rs: &ReplicaSet, now: Time, wide: bool) -> Vec<String> {
    let st = &rs.status;
    let mut row = vec![
        rs.metadata.name.to_string(),
        rs.replicas().to_string(),
        st.replicas.to_string(),
        st.ready_replicas.to_string(),
        age(now, rs.metadata.creation_timestamp.get()),
    ];
    if wide {
        row.extend(workload_wide(
            &rs.spec.template.spec,
            rs.spec.selector.as_ref(),
        ));
    }
    row
}

/// The wide columns of workloads: container names, images, the selector.
fn workload_wide(spec: &PodSpec, selector: Option<&LabelSelector>) -> [String; 3] {
    let names: Vec<&str> = spec.containers.iter().map(|c| c.name.as_str()).collect();
    let images: Vec<&str> = spec.containers.iter().map(|c| c.image.as_str()).collect();
    [
        names.join(","),
        images.join(","),
        selector.map_or_else(|| "<none>".to_string(), LabelSelector::format),
    ]
}

// ---- controller revisions

pub const REVISION_HEADERS: &[&str] = &["NAME", "CONTROLLER", "REVISION", "AGE"];

pub fn revision_row(rev: &ControllerRevision, now: Time) -> Vec<String> {
    let controller = match rev.metadata.controller_ref() {
        Some(r) => {
            let group = r.api_version.rsplit_once('/').map_or("", |(g, _)| g);
            let kind = if group.is_empty() {
                r.kind.to_string()
            } else {
                format!("{}.{}", r.kind, group)
            };
            if kind.is_empty() {
                r.name.clone()
            } else {
                format!("{}/{}", kind.to_lowercase(), r.name)
            }
        }
        None => "<none>".into(),
    };
    vec![
        rev.metadata.name.to_string(),
        controller,
        rev.revision.to_string(),
        age(now, rev.metadata.creation_timestamp.get()),
    ]
}

// ---- events

pub const EVENT_HEADERS: &[&str] = &["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"];
pub const EVENT_WIDE_HEADERS: &[&str] = &[
    "LAST SEEN",
    "TYPE",
    "REASON",
    "OBJECT",
    "SUBOBJECT",
    "SOURCE",
    "MESSAGE",
    "FIRST SEEN",
    "COUNT",
    "NAME",
];

/// `printEvent`. Zero timestamps (the simulator's events always have both) print `<unknown>`.
pub fn event_row(ev: &Event, now: Time, wide: bool) -> Vec<String> {
    let stamp = |t: Time| if t.millis() == 0 { None } else { Some(t) };
    let first = age(now, stamp(ev.first_timestamp));
    let mut last = match stamp(ev.last_timestamp) {
        Some(t) => age(now, Some(t)),
        None => first.clone(),
    };
    if ev.count > 1 {
        last = format!("{last} (x{} over {first})", ev.count);
    }
    let obj = &ev.involved_object;
    let target = if obj.name.is_empty() {
        obj.kind.to_lowercase()
    } else {
        format!("{}/{}", obj.kind.to_lowercase(), obj.name)
    };
    let message = ev.message.trim().to_string();
    if wide {
        let source = match (ev.source.component.as_str(), ev.source.host.as_str()) {
            (c, "") => c.to_string(),
            (c, h) => format!("{c}, {h}"),
        };
        vec![
            last,
            ev.type_.clone(),
            ev.reason.clone(),
            target,
            obj.field_path.clone(),
            source,
            message,
            first,
            ev.count.to_string(),
            ev.metadata.name.to_string(),
        ]
    } else {
        vec![last, ev.type_.clone(), ev.reason.clone(), target, message]
    }
}

#[cfg(test)]
mod tests;

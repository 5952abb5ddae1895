//! `NodeDescriber` (`describeNode`, `describeNodeResource`).

use super::events;
use crate::api::{Node, Pod, Quantity, Taint, phase};
use crate::cluster::Cluster;
use crate::kubectl::print::describe::{
    Writer, annotations_multiline, canonical, format_milli, labels_multiline, rfc1123z,
    rfc1123z_or_zero,
};
use crate::kubectl::print::printers::{DEFAULT_KUBELET_VERSION, age, node_roles};
use serde_json::Value;

/// The kubelet renews its Lease every 10 s (a quarter of the 40 s lease duration).
const LEASE_RENEW_MS: i64 = 10_000;

fn taints_multiline(w: &mut Writer, taints: &[Taint]) {
    w.write(0, "Taints:\t");
    if taints.is_empty() {
        w.line(0, "<none>");
        return;
    }
    let mut sorted: Vec<&Taint> = taints.iter().collect();
    crate::sort::sort_by_key(&mut sorted, |t| format!("{},{}", t.effect, t.key));
    for (i, t) in sorted.into_iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        w.line(0, &t.to_string());
    }
}

/// The kubelet's Lease: held by the node, renewed on the 10 s grid since the node appeared,
/// until the node becomes unreachable (Ready Unknown), when renewals stop.
fn lease(w: &mut Writer, cluster: &Cluster, node: &Node) {
    let created = node.metadata.creation_timestamp.get().unwrap_or_default();
    let now = cluster.now();
    let renewed = match node.condition("Ready") {
        Some(c) if c.status == "Unknown" => c.last_heartbeat_time.unwrap_or(created),
        _ => {
            let elapsed = (now.millis() - created.millis()).max(0);
            created.plus_millis(elapsed - elapsed % LEASE_RENEW_MS)
        }
    };
    w.line(0, "Lease:");
    w.line(1, &format!("HolderIdentity:\t{}", node.metadata.name));
    w.line(1, "AcquireTime:\t<unset>");
    w.line(1, &format!("RenewTime:\t{}", rfc1123z(renewed)));
}

/// A pod's total requests and limits of `resource` in thousandths (requests default to the
/// limits, as the API server defaults them), and whether the first value was binary-suffixed.
fn pod_amount(pod: &Pod, resource: &str, limits: bool) -> (i128, Option<bool>) {
    let mut total = 0i128;
    let mut binary = None;
    for c in &pod.spec.containers {
        let Some(r) = &c.resources else { continue };
        let q: Option<&Quantity> = if limits {
            r.limits.get(resource)
        } else {
            r.requests.get(resource).or_else(|| r.limits.get(resource))
        };
        if let Some(q) = q {
            total += q.milli_value().unwrap_or(0);
            binary.get_or_insert_with(|| q.format() == crate::api::Format::BinarySI);
        }
    }
    (total, binary)
}

fn percent(part: i128, whole: i128) -> i128 {
    if whole == 0 { 0 } else { part * 100 / whole }
}

fn describe_resources(w: &mut Writer, cluster: &Cluster, node: &Node, pods: &[&Pod]) {
    let now = cluster.now();
    let alloc_map = if node.status.allocatable.is_empty() {
        &node.status.capacity
    } else {
        &node.status.allocatable
    };
    let alloc = |r: &str| {
        alloc_map
            .get(r)
            .and_then(Quantity::milli_value)
            .unwrap_or(0)
    };
    w.line(
        0,
        &format!("Non-terminated Pods:\t({} in total)", pods.len()),
    );
    w.line(
        1,
        "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge",
    );
    w.line(
        1,
        "---------\t----\t\t------------\t----------\t---------------\t-------------\t---",
    );
    let cell = |(v, bin): (i128, Option<bool>), r: &str| {
        format!(
            "{} ({}%)",
            format_milli(v, bin.unwrap_or(false)),
            percent(v, alloc(r))
        )
    };
    let mut totals: Vec<(i128, Option<bool>)> = vec![(0, None); 6];
    let keys = [
        ("cpu", false),
        ("cpu", true),
        ("memory", false),
        ("memory", true),
        ("ephemeral-storage", false),
        ("ephemeral-storage", true),
    ];
    for pod in pods {
        let amounts: Vec<(i128, Option<bool>)> = keys
            .iter()
            .map(|(r, lim)| pod_amount(pod, r, *lim))
            .collect();
        for (t, a) in totals.iter_mut().zip(&amounts) {
            t.0 += a.0;
            if t.1.is_none() {
                t.1 = a.1;
            }
        }
        w.line(
            1,
            &format!(
                "{}\t{}\t\t{}\t{}\t{}\t{}\t{}",
                pod.metadata.namespace,
                pod.metadata.name,
                cell(amounts[0], "cpu"),
                cell(amounts[1], "cpu"),
                cell(amounts[2], "memory"),
                cell(amounts[3], "memory"),
                age(now, pod.metadata.creation_timestamp.get())
            ),
        );
    }
    w.line(0, "Allocated resources:");
    w.line(
        0,
        "  (Total limits may be over 100 percent, i.e., overcommitted.)",
    );
    w.line(1, "Resource\tRequests\tLimits");
    w.line(1, "--------\t--------\t------");
    for (i, r) in ["cpu", "memory", "ephemeral-storage"]
        .into_iter()
        .enumerate()
    {
        w.line(
            1,
            &format!(
                "{r}\t{}\t{}",
                cell(totals[2 * i], r),
                cell(totals[2 * i + 1], r)
            ),
        );
    }
    for r in alloc_map.keys().filter(|k| k.starts_with("hugepages-")) {
        w.line(1, &format!("{r}\t0 (0%)\t0 (0%)"));
    }
}

pub(super) fn describe(cluster: &Cluster, node: &Node, show_events: bool) -> String {
    let mut w = Writer::default();
    let m = &node.metadata;
    w.line(0, &format!("Name:\t{}", m.name));
    w.line(0, &format!("Roles:\t{}", node_roles(node)));
    labels_multiline(&mut w, "", "Labels", &m.labels);
    annotations_multiline(&mut w, "Annotations", &m.annotations);
    w.line(
        0,
        &format!(
            "CreationTimestamp:\t{}",
            rfc1123z_or_zero(m.creation_timestamp.get())
        ),
    );
    taints_multiline(&mut w, &node.spec.taints);
    w.line(0, &format!("Unschedulable:\t{}", node.spec.unschedulable));
    lease(&mut w, cluster, node);
    if !node.status.conditions.is_empty() {
        w.line(0, "Conditions:");
        w.line(
            1,
            "Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage",
        );
        w.line(
            1,
            "----\t------\t-----------------\t------------------\t------\t-------",
        );
        for c in &node.status.conditions {
            w.line(
                1,
                &format!(
                    "{} \t{} \t{} \t{} \t{} \t{}",
                    c.type_,
                    c.status,
                    rfc1123z_or_zero(c.last_heartbeat_time),
                    rfc1123z_or_zero(c.last_transition_time),
                    c.reason,
                    c.message
                ),
            );
        }
    }
    w.line(0, "Addresses:");
    for a in &node.status.addresses {
        w.line(1, &format!("{}:\t{}", a.type_, a.address));
    }
    for (title, list) in [
        ("Capacity", &node.status.capacity),
        ("Allocatable", &node.status.allocatable),
    ] {
        if list.is_empty() {
            continue;
        }
        w.line(0, &format!("{title}:"));
        for (name, q) in list {
            w.line(1, &format!("{name}:\t{}", canonical(q)));
        }
    }
    let info = |key: &str| {
        node.status
            .node_info
            .as_ref()
            .and_then(|i| i.get(key))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let kubelet = match &node.status.node_info {
        Some(_) => info("kubeletVersion"),
        None => DEFAULT_KUBELET_VERSION.to_string(),
    };
    w.line(0, "System Info:");
    for (title, key) in [
        ("Machine ID", "machineID"),
        ("System UUID", "systemUUID"),
        ("Boot ID", "bootID"),
        ("Kernel Version", "kernelVersion"),
        ("OS Image", "osImage"),
        ("Operating System", "operatingSystem"),
        ("Architecture", "architecture"),
        ("Container Runtime Version", "containerRuntimeVersion"),
    ] {
        w.line(1, &format!("{title}:\t{}", info(key)));
    }
    w.line(1, &format!("Kubelet Version:\t{kubelet}"));
    if !node.spec.pod_cidr.is_empty() {
        w.line(0, &format!("PodCIDR:\t{}", node.spec.pod_cidr));
    }
    if !node.spec.pod_cidrs.is_empty() {
        w.line(0, &format!("PodCIDRs:\t{}", node.spec.pod_cidrs.join(",")));
    }
    if let Some(p) = node.spec.extra.get("providerID").and_then(Value::as_str) {
        w.line(0, &format!("ProviderID:\t{p}"));
    }
    let pods: Vec<&Pod> = cluster
        .store()
        .pods_on_node(&m.name)
        .filter(|p| {
            p.spec.node_name == m.name
                && p.status.phase != phase::SUCCEEDED
                && p.status.phase != phase::FAILED
        })
        .collect();
    describe_resources(&mut w, cluster, node, &pods);
    if show_events {
        let evs = events::about(cluster, Some("Node"), m);
        events::write(&mut w, cluster.now(), &evs);
    }
    w.finish()
}

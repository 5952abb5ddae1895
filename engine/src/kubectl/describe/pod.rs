//! `PodDescriber` (`describePod`).

use super::events;
use crate::api::{ContainerStatus, Pod, phase};
use crate::cluster::Cluster;
use crate::kubectl::print::describe::{
    Writer, annotations_multiline, labels_multiline, rfc1123z, tolerations_multiline,
};
use crate::kubectl::print::pod_template::{Source, describe_containers, describe_volumes, volumes};
use crate::kubectl::print::printers::age;
use serde_json::Value;

fn spec_str<'a>(pod: &'a Pod, key: &str) -> &'a str {
    pod.spec
        .settings
        .extra
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or("")
}

/// `status.podIPs`; the API server fills it from `podIP` when only that is set.
fn pod_ips(pod: &Pod) -> Vec<String> {
    match pod
        .status
        .more
        .extra
        .get("podIPs")
        .and_then(Value::as_array)
    {
        Some(ips) => ips
            .iter()
            .filter_map(|ip| ip.get("ip").and_then(Value::as_str))
            .map(str::to_string)
            .collect(),
        None if !pod.status.pod_ip.is_empty() => vec![pod.status.pod_ip.to_string()],
        None => Vec::new(),
    }
}

/// `qos.GetPodQOS`: the status field when set, else BestEffort without any request or limit.
fn qos(pod: &Pod) -> &str {
    if !pod.status.qos_class.is_empty() {
        return &pod.status.qos_class;
    }
    let any = pod.spec.containers.iter().any(|c| {
        c.resources
            .as_ref()
            .is_some_and(|r| !r.limits.is_empty() || !r.requests.is_empty())
    });
    if any { "Burstable" } else { "BestEffort" }
}

pub(super) fn describe(cluster: &Cluster, pod: &Pod, show_events: bool) -> String {
    let now = cluster.now();
    let mut w = Writer::default();
    let m = &pod.metadata;
    w.line(0, &format!("Name:\t{}", m.name));
    w.line(0, &format!("Namespace:\t{}", m.namespace));
    if let Some(p) = pod
        .spec
        .settings
        .extra
        .get("priority")
        .and_then(Value::as_i64)
    {
        w.line(0, &format!("Priority:\t{p}"));
    }
    if !pod.spec.settings.priority_class_name.is_empty() {
        w.line(
            0,
            &format!(
                "Priority Class Name:\t{}",
                pod.spec.settings.priority_class_name
            ),
        );
    }
    let sa = spec_str(pod, "serviceAccountName");
    if !sa.is_empty() {
        w.line(0, &format!("Service Account:\t{sa}"));
    }
    if pod.spec.node_name.is_empty() {
        w.line(0, "Node:\t<none>");
    } else {
        w.line(
            0,
            &format!("Node:\t{}/{}", pod.spec.node_name, pod.status.host_ip),
        );
    }
    if let Some(t) = pod.status.start_time.get() {
        w.line(0, &format!("Start Time:\t{}", rfc1123z(t)));
    }
    labels_multiline(&mut w, "", "Labels", &m.labels);
    annotations_multiline(&mut w, "Annotations", &m.annotations);
    let terminal = pod.status.phase == phase::SUCCEEDED || pod.status.phase == phase::FAILED;
    match m.more.deletion_timestamp {
        Some(t) if !terminal => {
            w.line(
                0,
                &format!("Status:\tTerminating (lasts {})", age(now, Some(t))),
            );
            w.line(
                0,
                &format!(
                    "Termination Grace Period:\t{}s",
                    m.more.deletion_grace_period_seconds.unwrap_or(0)
                ),
            );
        }
        _ => w.line(0, &format!("Status:\t{}", pod.status.phase)),
    }
    if !pod.status.more.reason.is_empty() {
        w.line(0, &format!("Reason:\t{}", pod.status.more.reason));
    }
    if !pod.status.more.message.is_empty() {
        w.line(0, &format!("Message:\t{}", pod.status.more.message));
    }
    w.line(0, &format!("IP:\t{}", pod.status.pod_ip));
    let ips = pod_ips(pod);
    if ips.is_empty() {
        w.line(0, "IPs:\t<none>");
    } else {
        w.line(0, "IPs:");
        for ip in ips {
            w.line(1, &format!("IP:\t{ip}"));
        }
    }
    if let Some(r) = m.controller_ref() {
        w.line(0, &format!("Controlled By:\t{}/{}", r.kind, r.name));
    }
    if let Some(n) = pod
        .status
        .more
        .extra
        .get("nominatedNodeName")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())
    {
        w.line(0, &format!("NominatedNodeName:\t{n}"));
    }
    if !pod.spec.settings.init_containers.is_empty() {
        let init: Vec<ContainerStatus> = pod
            .status
            .more
            .extra
            .get("initContainerStatuses")
            .and_then(|v| crate::api::decode::from_value(v.clone()).ok())
            .unwrap_or_default();
        describe_containers(
            &mut w,
            "Init Containers",
            &pod.spec.settings.init_containers,
            &init,
            "",
            Source::Server,
        );
    }
    describe_containers(
        &mut w,
        "Containers",
        &pod.spec.containers,
        &pod.status.container_statuses,
        "",
        Source::Server,
    );
    let gates = pod
        .spec
        .settings
        .extra
        .get("readinessGates")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    if !gates.is_empty() {
        w.line(0, "Readiness Gates:");
        w.line(1, "Type\tStatus");
        for g in gates {
            let t = g.get("conditionType").and_then(Value::as_str).unwrap_or("");
            let status = pod.condition(t).map_or("<none>", |c| &*c.status);
            w.line(1, &format!("{t} \t{status} "));
        }
    }
    if !pod.status.conditions.is_empty() {
        w.line(0, "Conditions:");
        w.line(1, "Type\tStatus");
        for c in &pod.status.conditions {
            w.line(1, &format!("{} \t{} ", c.type_, c.status));
        }
    }
    describe_volumes(
        &mut w,
        volumes(&pod.spec.settings.extra),
        "",
        Source::Server,
    );
    w.line(0, &format!("QoS Class:\t{}", qos(pod)));
    labels_multiline(
        &mut w,
        "",
        "Node-Selectors",
        &pod.spec.settings.node_selector,
    );
    tolerations_multiline(&mut w, "", "Tolerations", &pod.spec.tolerations);
    if show_events {
        let evs = events::about(cluster, None, m);
        events::write(&mut w, now, &evs);
    }
    w.finish()
}

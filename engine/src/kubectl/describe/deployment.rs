//! `DeploymentDescriber` and `ReplicaSetDescriber` (kubectl `pkg/describe/describe.go`).

use super::daemonset::pod_phases;
use super::events;
use crate::api::{Deployment, LabelSelector, ReplicaSet, WorkloadCondition};
use crate::cluster::Cluster;
use crate::kubectl::print::describe::{
    Writer, annotations_multiline, labels_multiline, rfc1123z_or_zero,
};
use crate::kubectl::print::pod_template::{Source, describe_template};

fn selector_text(selector: Option<&LabelSelector>) -> String {
    selector
        .map(LabelSelector::format)
        .filter(|s| s != "<none>")
        .unwrap_or_default()
}

/// `printReplicaSetsByLabels`: `name (current/desired replicas created)`, or `<none>`.
fn replicasets_line(sets: &[&ReplicaSet]) -> String {
    if sets.is_empty() {
        return "<none>".into();
    }
    let parts: Vec<String> = sets
        .iter()
        .map(|rs| {
            format!(
                "{} ({}/{} replicas created)",
                rs.metadata.name,
                rs.status.replicas,
                rs.replicas()
            )
        })
        .collect();
    parts.join(", ")
}

fn conditions(w: &mut Writer, conditions: &[WorkloadCondition]) {
    if conditions.is_empty() {
        return;
    }
    w.line(0, "Conditions:\n  Type\tStatus\tReason");
    w.line(1, "----\t------\t------");
    for c in conditions {
        w.line(1, &format!("{} \t{}\t{}", c.type_, c.status, c.reason));
    }
}

pub(super) fn describe_deployment(cluster: &Cluster, d: &Deployment, show_events: bool) -> String {
    let mut w = Writer::default();
    let st = &d.status;
    w.line(0, &format!("Name:\t{}", d.metadata.name));
    w.line(0, &format!("Namespace:\t{}", d.metadata.namespace));
    let created = rfc1123z_or_zero(d.metadata.creation_timestamp.get());
    w.line(0, &format!("CreationTimestamp:\t{created}"));
    labels_multiline(&mut w, "", "Labels", &d.metadata.labels);
    annotations_multiline(&mut w, "Annotations", &d.metadata.annotations);
    let selector = selector_text(d.spec.selector.as_ref());
    w.line(0, &format!("Selector:\t{selector}"));
    w.line(
        0,
        &format!(
            "Replicas:\t{} desired | {} updated | {} total | {} available | {} unavailable",
            d.replicas(),
            st.updated_replicas,
            st.replicas,
            st.available_replicas,
            st.unavailable_replicas
        ),
    );
    w.line(0, &format!("StrategyType:\t{}", d.spec.strategy.type_));
    w.line(
        0,
        &format!("MinReadySeconds:\t{}", d.spec.min_ready_seconds),
    );
    if let Some(ru) = &d.spec.strategy.rolling_update {
        let text =
            |v: &Option<crate::api::IntOrString>| v.as_ref().map_or("0".into(), |v| v.to_string());
        w.line(
            0,
            &format!(
                "RollingUpdateStrategy:\t{} max unavailable, {} max surge",
                text(&ru.max_unavailable),
                text(&ru.max_surge)
            ),
        );
    }
    describe_template(&mut w, &d.spec.template, Source::Server);
    conditions(&mut w, &st.conditions);
    let owned: Vec<&ReplicaSet> = cluster
        .store()
        .replicasets()
        .values()
        .map(|rs| &**rs)
        .filter(|rs| {
            rs.metadata.namespace == d.metadata.namespace
                && rs
                    .metadata
                    .controller_ref()
                    .is_some_and(|r| r.uid == d.metadata.uid)
        })
        .collect();
    let (new, old): (Vec<&ReplicaSet>, Vec<&ReplicaSet>) = owned
        .into_iter()
        .partition(|rs| crate::api::is_new_replicaset(d, rs));
    if !new.is_empty() || !old.is_empty() {
        w.line(0, &format!("OldReplicaSets:\t{}", replicasets_line(&old)));
        w.line(0, &format!("NewReplicaSet:\t{}", replicasets_line(&new)));
    }
    if show_events {
        let evs = events::about(cluster, Some("Deployment"), &d.metadata);
        events::write(&mut w, cluster.now(), &evs);
    }
    w.finish()
}

pub(super) fn describe_replicaset(cluster: &Cluster, rs: &ReplicaSet, show_events: bool) -> String {
    let mut w = Writer::default();
    w.line(0, &format!("Name:\t{}", rs.metadata.name));
    w.line(0, &format!("Namespace:\t{}", rs.metadata.namespace));
    let selector = rs
        .spec
        .selector
        .as_ref()
        .map_or_else(|| "<none>".to_string(), LabelSelector::format);
    w.line(0, &format!("Selector:\t{selector}"));
    labels_multiline(&mut w, "", "Labels", &rs.metadata.labels);
    annotations_multiline(&mut w, "Annotations", &rs.metadata.annotations);
    if let Some(owner) = rs.metadata.controller_ref() {
        w.line(0, &format!("Controlled By:\t{}/{}", owner.kind, owner.name));
    }
    w.line(
        0,
        &format!(
            "Replicas:\t{} current / {} desired",
            rs.status.replicas,
            rs.replicas()
        ),
    );
    let [running, waiting, succeeded, failed] =
        pod_phases(cluster, &rs.metadata, rs.spec.selector.as_ref());
    w.line(
        0,
        &format!(
            "Pods Status:\t{running} Running / {waiting} Waiting / {succeeded} Succeeded / {failed} Failed"
        ),
    );
    describe_template(&mut w, &rs.spec.template, Source::Server);
    if !rs.status.conditions.is_empty() {
        w.line(0, "Conditions:\n  Type\tStatus\tReason");
        w.line(1, "----\t------\t------");
        for c in &rs.status.conditions {
            w.line(1, &format!("{} \t{}\t{}", c.type_, c.status, c.reason));
        }
    }
    if show_events {
        let evs = events::about(cluster, Some("ReplicaSet"), &rs.metadata);
        events::write(&mut w, cluster.now(), &evs);
    }
    w.finish()
}

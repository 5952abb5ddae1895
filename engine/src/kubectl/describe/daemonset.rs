//! `DaemonSetDescriber` (`describeDaemonSet`).

use super::events;
use crate::api::{DaemonSet, LabelSelector, ObjectMeta, format_labels, phase};
use crate::cluster::Cluster;
use crate::kubectl::print::describe::{Writer, annotations_multiline, labels_multiline};
use crate::kubectl::print::pod_template::{Source, describe_template};

/// `getPodStatusForController`: phases of the pods a controller (`owner`) selects and controls.
pub(super) fn pod_phases(
    cluster: &Cluster,
    owner: &ObjectMeta,
    selector: Option<&LabelSelector>,
) -> [usize; 4] {
    let mut counts = [0usize; 4];
    let selector = selector.and_then(|s| s.to_selector().ok());
    for pod in cluster.store().pods().values() {
        if pod.metadata.namespace != owner.namespace
            || !selector
                .as_ref()
                .is_some_and(|s| s.matches(&pod.metadata.labels))
            || pod
                .metadata
                .controller_ref()
                .is_none_or(|r| r.uid != owner.uid)
        {
            continue;
        }
        let i = match &*pod.status.phase {
            phase::RUNNING => 0,
            phase::PENDING => 1,
            phase::SUCCEEDED => 2,
            phase::FAILED => 3,
            _ => continue,
        };
        counts[i] += 1;
    }
    counts
}

pub(super) fn describe(cluster: &Cluster, ds: &DaemonSet, show_events: bool) -> String {
    let mut w = Writer::default();
    let st = &ds.status;
    let selector = ds
        .spec
        .selector
        .as_ref()
        .map(|s| s.format())
        .filter(|s| s != "<none>")
        .unwrap_or_default();
    w.line(0, &format!("Name:\t{}", ds.metadata.name));
    w.line(0, &format!("Namespace:\t{}", ds.metadata.namespace));
    w.line(0, &format!("Selector:\t{selector}"));
    w.line(
        0,
        &format!(
            "Node-Selector:\t{}",
            format_labels(&ds.spec.template.spec.settings.node_selector)
        ),
    );
    labels_multiline(&mut w, "", "Labels", &ds.metadata.labels);
    annotations_multiline(&mut w, "Annotations", &ds.metadata.annotations);
    w.line(
        0,
        &format!(
            "Desired Number of Nodes Scheduled: {}",
            st.desired_number_scheduled
        ),
    );
    w.line(
        0,
        &format!(
            "Current Number of Nodes Scheduled: {}",
            st.current_number_scheduled
        ),
    );
    w.line(
        0,
        &format!(
            "Number of Nodes Scheduled with Up-to-date Pods: {}",
            st.updated_number_scheduled
        ),
    );
    w.line(
        0,
        &format!(
            "Number of Nodes Scheduled with Available Pods: {}",
            st.number_available
        ),
    );
    w.line(
        0,
        &format!("Number of Nodes Misscheduled: {}", st.number_misscheduled),
    );
    let [running, waiting, succeeded, failed] =
        pod_phases(cluster, &ds.metadata, ds.spec.selector.as_ref());
    w.line(
        0,
        &format!(
            "Pods Status:\t{running} Running / {waiting} Waiting / {succeeded} Succeeded / {failed} Failed"
        ),
    );
    describe_template(&mut w, &ds.spec.template, Source::Server);
    if show_events {
        let evs = events::about(cluster, Some("DaemonSet"), &ds.metadata);
        events::write(&mut w, cluster.now(), &evs);
    }
    w.finish()
}

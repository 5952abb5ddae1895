use super::*;
use crate::api::{
    Container, ContainerState, ContainerStateRunning, ContainerStateTerminated,
    ContainerStateWaiting, NodeCondition, ObjectMeta, PodCondition,
};

const T0: Time = Time(1_735_689_600_000);

fn pod(containers: &[&str]) -> Pod {
    let mut p = Pod::default();
    p.metadata.name = "p".into();
    p.metadata.creation_timestamp = Some(T0).into();
    p.spec.containers = containers
        .iter()
        .map(|n| Container {
            name: n.to_string(),
            ..Default::default()
        })
        .collect();
    p.status.phase = "Pending".into();
    p
}

fn waiting(name: &str, reason: &str) -> ContainerStatus {
    ContainerStatus {
        name: name.into(),
        state: ContainerState {
            waiting: Some(ContainerStateWaiting {
                reason: reason.into(),
                message: String::new(),
            }),
            ..Default::default()
        },
        ..Default::default()
    }
}

fn running(name: &str, ready: bool) -> ContainerStatus {
    ContainerStatus {
        name: name.into(),
        ready,
        state: ContainerState {
            running: Some(ContainerStateRunning {
                started_at: Some(T0),
            }),
            ..Default::default()
        },
        ..Default::default()
    }
}

fn terminated(name: &str, reason: &str, code: i32) -> ContainerStatus {
    ContainerStatus {
        name: name.into(),
        state: ContainerState {
            terminated: Some(ContainerStateTerminated {
                exit_code: code,
                reason: reason.into(),
                ..Default::default()
            }),
            ..Default::default()
        },
        ..Default::default()
    }
}

fn ready_condition(p: &mut Pod, status: &str) {
    p.status.conditions.push(PodCondition {
        type_: "Ready".into(),
        status: status.to_string().into(),
        ..Default::default()
    });
}

#[test]
fn pending_without_statuses_is_pending() {
    let p = pod(&["c"]);
    let s = pod_summary(&p);
    assert_eq!((s.ready, s.total, s.status.as_str()), (0, 1, "Pending"));
}

#[test]
fn waiting_reasons_show_container_creating_and_image_errors() {
    for reason in [
        "ContainerCreating",
        "ErrImagePull",
        "ImagePullBackOff",
        "CrashLoopBackOff",
    ] {
        let mut p = pod(&["c"]);
        p.status.container_statuses = vec![waiting("c", reason)].into();
        assert_eq!(pod_status(&p), reason);
    }
}

#[test]
fn running_and_ready_counts() {
    let mut p = pod(&["a", "b"]);
    p.status.phase = "Running".into();
    p.status.container_statuses = vec![running("a", true), running("b", false)].into();
    let s = pod_summary(&p);
    assert_eq!((s.ready, s.total, s.status.as_str()), (1, 2, "Running"));
}

#[test]
fn the_first_container_wins_because_kubectl_walks_backwards() {
    let mut p = pod(&["a", "b"]);
    p.status.phase = "Pending".into();
    p.status.container_statuses = vec![
        waiting("a", "ErrImagePull"),
        waiting("b", "ContainerCreating"),
    ]
    .into();
    assert_eq!(pod_status(&p), "ErrImagePull");
}

#[test]
fn terminated_containers_give_completed_error_or_exit_code() {
    let mut p = pod(&["c"]);
    p.status.phase = "Failed".into();
    p.status.container_statuses = vec![terminated("c", "Error", 1)].into();
    assert_eq!(pod_status(&p), "Error");
    p.status.container_statuses = vec![terminated("c", "", 137)].into();
    assert_eq!(pod_status(&p), "ExitCode:137");
    p.status.phase = "Succeeded".into();
    p.status.container_statuses = vec![terminated("c", "Completed", 0)].into();
    assert_eq!(pod_status(&p), "Completed");
}

#[test]
fn completed_with_a_running_container_is_running_or_not_ready() {
    let mut p = pod(&["a", "b"]);
    p.status.phase = "Running".into();
    p.status.container_statuses = vec![terminated("a", "Completed", 0), running("b", true)].into();
    // Walking backwards: b (running, ready) then a (Completed) → Completed with a running one.
    assert_eq!(pod_status(&p), "NotReady");
    ready_condition(&mut p, "True");
    assert_eq!(pod_status(&p), "Running");
}

#[test]
fn deletion_gives_terminating_unless_terminal_or_node_lost() {
    let mut p = pod(&["c"]);
    p.status.phase = "Running".into();
    p.status.container_statuses = vec![running("c", true)].into();
    p.metadata.more.deletion_timestamp = Some(T0);
    assert_eq!(pod_status(&p), "Terminating");
    p.status.more.reason = "NodeLost".into();
    assert_eq!(pod_status(&p), "Unknown");
    p.status.more.reason.clear();
    p.status.phase = "Failed".into();
    p.status.container_statuses = vec![terminated("c", "Error", 1)].into();
    assert_eq!(pod_status(&p), "Error");
}

#[test]
fn pod_reason_overrides_phase() {
    let mut p = pod(&["c"]);
    p.status.phase = "Failed".into();
    p.status.more.reason = "Evicted".into();
    assert_eq!(pod_status(&p), "Evicted");
}

#[test]
fn init_containers() {
    let mut p = pod(&["c"]);
    p.spec.settings.init_containers = vec![Container {
        name: "init".into(),
        ..Default::default()
    }];
    p.status.more.extra.insert(
        "initContainerStatuses".into(),
        serde_json::to_value(vec![waiting("init", "PodInitializing")]).unwrap(),
    );
    p.status.container_statuses = vec![waiting("c", "PodInitializing")].into();
    assert_eq!(pod_status(&p), "Init:0/1");
    p.status.more.extra.insert(
        "initContainerStatuses".into(),
        serde_json::to_value(vec![terminated("init", "", 2)]).unwrap(),
    );
    assert_eq!(pod_status(&p), "Init:ExitCode:2");
}

#[test]
fn restarts_with_last_termination() {
    let mut p = pod(&["c"]);
    p.status.phase = "Running".into();
    let mut c = running("c", true);
    c.restart_count = 3;
    c.last_state.terminated = Some(ContainerStateTerminated {
        exit_code: 1,
        finished_at: Some(T0.plus_secs(10)),
        ..Default::default()
    });
    p.status.container_statuses = vec![c].into();
    let row = pod_row(&p, T0.plus_secs(70), false);
    assert_eq!(row, vec!["p", "1/1", "Running", "3 (60s ago)", "70s"]);
}

#[test]
fn wide_pod_columns() {
    let mut p = pod(&["c"]);
    assert_eq!(
        pod_row(&p, T0, true)[5..],
        ["<none>", "<none>", "<none>", "<none>"]
    );
    p.status.pod_ip = "10.244.1.2".into();
    p.spec.node_name = "n1".into();
    assert_eq!(pod_row(&p, T0, true)[5..7], ["10.244.1.2", "n1"]);
}

#[test]
fn ages() {
    assert_eq!(age(T0, None), "<unknown>");
    assert_eq!(age(T0.plus_secs(18), Some(T0)), "18s");
    assert_eq!(age(T0.plus_secs(307), Some(T0)), "5m7s");
    assert_eq!(age(T0.plus_secs(25 * 86400), Some(T0)), "25d");
    assert_eq!(age(T0, Some(T0.plus_millis(500))), "0s");
    assert_eq!(age(T0, Some(T0.plus_secs(5))), "<invalid>");
}

fn node(labels: &[(&str, &str)], ready: Option<&'static str>, unschedulable: bool) -> Node {
    let mut n = Node {
        metadata: ObjectMeta {
            name: "n".into(),
            creation_timestamp: Some(T0).into(),
            labels: labels
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..Default::default()
        },
        ..Default::default()
    };
    if let Some(s) = ready {
        n.status.conditions.push(NodeCondition {
            type_: "Ready".into(),
            status: s.into(),
            ..Default::default()
        });
    }
    n.spec.unschedulable = unschedulable;
    n
}

#[test]
fn node_status_and_roles() {
    assert_eq!(node_status(&node(&[], Some("True"), false)), "Ready");
    assert_eq!(node_status(&node(&[], Some("False"), false)), "NotReady");
    assert_eq!(node_status(&node(&[], Some("Unknown"), false)), "NotReady");
    assert_eq!(node_status(&node(&[], None, false)), "Unknown");
    assert_eq!(
        node_status(&node(&[], Some("True"), true)),
        "Ready,SchedulingDisabled"
    );
    assert_eq!(node_roles(&node(&[], None, false)), "<none>");
    let n = node(
        &[
            ("node-role.kubernetes.io/control-plane", ""),
            ("node-role.kubernetes.io/", "x"),
            ("kubernetes.io/role", "infra"),
        ],
        None,
        false,
    );
    assert_eq!(node_roles(&n), "control-plane,infra");
}

#[test]
fn node_rows_with_and_without_node_info() {
    let mut n = node(&[], Some("True"), false);
    assert_eq!(
        node_row(&n, T0, false),
        vec!["n", "Ready", "<none>", "0s", DEFAULT_KUBELET_VERSION]
    );
    n.status.node_info =
        Some(serde_json::json!({"kubeletVersion": "v1.30.2", "osImage": "Ubuntu"}).into());
    let row = node_row(&n, T0, true);
    assert_eq!(
        row[4..],
        [
            "v1.30.2",
            "<none>",
            "<none>",
            "Ubuntu",
            "<unknown>",
            "<unknown>"
        ]
    );
}

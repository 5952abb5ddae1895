//! Placement tests, named after the upstream cases of conformance-cases.md (sections A, B, H,
//! I, J) and spec §4; function-level: only the (shouldRun, shouldContinueRunning) decisions.

use super::*;
use crate::api::{
    Affinity, ContainerPort, DaemonSet, Node, NodeAffinity, NodeCondition, NodeSelector,
    NodeSelectorRequirement, NodeSelectorTerm, Pod, PodSettings, PodSpec, Quantity,
    ResourceRequirements, StringMap, Taint, Toleration, taints,
};

use crate::testutil::{l1, labels, n1, new_daemonset, node};

const TT: (bool, bool) = (true, true);
const FT: (bool, bool) = (false, true);
const FF: (bool, bool) = (false, false);

/// `N2` / `L2` of the upstream controller tests (`N1` and `L1` are in [`crate::testutil`]).
fn n2() -> StringMap {
    labels(&[("color", "red"), ("speed", "fast")])
}
fn l2() -> StringMap {
    labels(&[("name", "simple-daemon"), ("type", "test")])
}

fn tainted(name: &str, node_taints: Vec<Taint>) -> Node {
    let mut n = node(name, StringMap::new());
    n.spec.taints = node_taints;
    n
}

/// `addNodes(start, n, labels)`.
fn nodes(start: usize, count: usize, node_labels: &StringMap) -> Vec<Node> {
    (start..start + count)
        .map(|i| node(&format!("node-{i}"), node_labels.clone()))
        .collect()
}

/// `newDaemonSet("foo")`, template spec changed by `f`.
fn ds_with(f: impl FnOnce(&mut PodSpec)) -> DaemonSet {
    let mut ds = new_daemonset("foo");
    f(&mut ds.spec.template.spec);
    ds
}

fn ds() -> DaemonSet {
    ds_with(|_| {})
}

fn run(node: &Node, ds: &DaemonSet) -> (bool, bool) {
    let s = node_should_run_daemon_pod(node, ds);
    (s.should_run, s.should_continue_running)
}

/// How many of `nodes` get a new pod.
fn launched(nodes: &[Node], ds: &DaemonSet) -> usize {
    let policy = PlacementPolicy::for_daemonset(ds);
    nodes
        .iter()
        .filter(|n| policy.should_run(n).should_run)
        .count()
}

fn req(key: &str, op: &str, values: &[&str]) -> NodeSelectorRequirement {
    NodeSelectorRequirement {
        key: key.into(),
        operator: op.into(),
        values: values.iter().map(|v| v.to_string()).collect(),
    }
}

fn exprs(reqs: Vec<NodeSelectorRequirement>) -> NodeSelectorTerm {
    NodeSelectorTerm {
        match_expressions: Some(reqs),
        match_fields: None,
    }
}

fn fields(reqs: Vec<NodeSelectorRequirement>) -> NodeSelectorTerm {
    NodeSelectorTerm {
        match_expressions: None,
        match_fields: Some(reqs),
    }
}

/// As a pod's affinity (shared) or as the placement functions take it.
fn required<T: From<Affinity>>(terms: Vec<NodeSelectorTerm>) -> Option<T> {
    Some(T::from(Affinity {
        node_affinity: Some(NodeAffinity {
            required: Some(
                NodeSelector {
                    node_selector_terms: terms,
                }
                .into(),
            ),
            preferred: None,
        }),
        ..Affinity::default()
    }))
}

fn spec_with_affinity(terms: Vec<NodeSelectorTerm>) -> PodSpec {
    PodSpec {
        affinity: required(terms),
        ..PodSpec::default()
    }
}

fn taint(key: &str, value: &str, effect: &str) -> Taint {
    Taint::new(key, value, effect)
}

fn tol(key: &str, op: &str, value: &str, effect: &str) -> Toleration {
    Toleration {
        key: key.to_string().into(),
        operator: op.to_string().into(),
        value: value.to_string().into(),
        effect: effect.to_string().into(),
        toleration_seconds: None,
    }
}

fn condition(type_: &'static str, status: &'static str) -> NodeCondition {
    NodeCondition {
        type_: type_.into(),
        status: status.into(),
        ..NodeCondition::default()
    }
}

fn requests(mem: &str, cpu: &str) -> Option<ResourceRequirements> {
    let mut r = ResourceRequirements::default();
    for (name, q) in [("memory", mem), ("cpu", cpu)] {
        r.requests.insert(name.into(), Quantity(q.into()));
    }
    Some(r)
}

fn host_port(port: i32) -> Vec<ContainerPort> {
    vec![ContainerPort {
        container_port: port,
        host_port: Some(port),
        ..ContainerPort::default()
    }]
}

fn explain(node: &Node, ds: &DaemonSet) -> Explanation {
    PlacementPolicy::for_daemonset(ds).explain(node)
}

fn dedicated_no_schedule() -> Taint {
    taint("dedicated", "user1", "NoSchedule")
}

// ---------------------------------------------------------------- A. placement

#[test]
fn c04_not_ready_condition_without_taint_launches() {
    let mut n = node("not-ready", StringMap::new());
    *n.status.conditions = vec![condition("Ready", "False")];
    assert_eq!(run(&n, &ds()), TT);
    assert!(explain(&n, &ds()).reasons.is_empty());
}

#[test]
fn c05_network_unavailable_condition_without_taint_launches() {
    let mut n = node("network-unavailable", StringMap::new());
    *n.status.conditions = vec![condition("NetworkUnavailable", "True")];
    assert_eq!(run(&n, &ds()), TT);
}

#[test]
fn c06_insufficient_capacity_is_not_checked() {
    let ds = ds_with(|s| {
        s.node_name = "too-much-mem".into();
        s.containers[0].resources = requests("75M", "75m");
    });
    let mut n = node("too-much-mem", StringMap::new());
    n.status
        .allocatable
        .insert("memory".into(), Quantity("100M".into()));
    assert_eq!(run(&n, &ds), TT);
    assert_eq!(
        explain(&n, &ds).reasons,
        vec![Reason::NodeNameMatched {
            wanted: "too-much-mem".into()
        }]
    );
}

#[test]
fn c08_selector_launches_on_matching_nodes() {
    let ds = ds_with(|s| s.settings.node_selector = n1());
    let mut all = nodes(0, 4, &StringMap::new());
    all.extend(nodes(4, 3, &n1()));
    assert_eq!(launched(&all, &ds), 3);
    assert_eq!(run(&all[0], &ds), FF);
    assert_eq!(run(&all[4], &ds), TT);
    let e = explain(&all[0], &ds);
    assert_eq!(
        e.reasons,
        vec![
            Reason::NodeSelectorMismatch {
                key: "color".into(),
                wanted: "blue".into(),
                actual: None
            },
            Reason::NodeSelectorMismatch {
                key: "speed".into(),
                wanted: "fast".into(),
                actual: None
            },
        ]
    );
    assert_eq!(
        e.summary(),
        "No pod: node-0 does not match nodeSelector color=blue (it has no color label), \
         speed=fast (it has no speed label); a running pod is deleted."
    );
    assert_eq!(
        explain(&all[4], &ds).summary(),
        "Pod: node-4 runs the DaemonSet's pod: it matches nodeSelector color=blue, speed=fast."
    );
}

#[test]
fn c09_bad_selector_does_nothing() {
    let ds = ds_with(|s| s.settings.node_selector = n2());
    let mut all = nodes(0, 4, &StringMap::new());
    all.extend(nodes(4, 3, &n1()));
    assert_eq!(launched(&all, &ds), 0);
    assert_eq!(
        explain(&all[5], &ds).reasons,
        vec![Reason::NodeSelectorMismatch {
            key: "color".into(),
            wanted: "red".into(),
            actual: Some("blue".into())
        }]
    );
}

#[test]
fn c10_node_name() {
    let all = nodes(0, 5, &StringMap::new());
    let good = ds_with(|s| s.node_name = "node-0".into());
    assert_eq!(launched(&all, &good), 1);
    assert_eq!(run(&all[0], &good), TT);
    assert_eq!(run(&all[1], &good), FF);
    let bad = ds_with(|s| s.node_name = "node-10".into());
    assert_eq!(launched(&all, &bad), 0);
    let e = explain(&all[2], &bad);
    assert_eq!(
        e.reasons,
        vec![Reason::NodeNameMismatch {
            wanted: "node-10".into()
        }]
    );
    assert_eq!(
        e.summary(),
        "No pod: the pod template's nodeName is node-10, so node-2 gets none; a running pod is \
         deleted."
    );
}

#[test]
fn c11_node_name_and_selector() {
    let mut all = nodes(0, 4, &StringMap::new());
    all.extend(nodes(4, 3, &n1()));
    let consistent = ds_with(|s| {
        s.settings.node_selector = n1();
        s.node_name = "node-6".into();
    });
    assert_eq!(launched(&all, &consistent), 1);
    assert_eq!(run(&all[6], &consistent), TT);
    let inconsistent = ds_with(|s| {
        s.settings.node_selector = n1();
        s.node_name = "node-0".into();
    });
    assert_eq!(launched(&all, &inconsistent), 0);
    // node-0 passes nodeName but fails the selector; node-6 the other way round.
    assert!(matches!(
        explain(&all[0], &inconsistent).reasons.as_slice(),
        [
            Reason::NodeNameMatched { .. },
            Reason::NodeSelectorMismatch { .. },
            ..
        ]
    ));
    assert_eq!(
        explain(&all[6], &inconsistent).reasons,
        vec![Reason::NodeNameMismatch {
            wanted: "node-0".into()
        }]
    );
}

#[test]
fn c12_node_affinity() {
    let ds = ds_with(|s| s.affinity = required(vec![exprs(vec![req("color", "In", &["blue"])])]));
    let mut all = nodes(0, 4, &StringMap::new());
    all.extend(nodes(4, 3, &n1()));
    assert_eq!(launched(&all, &ds), 3);
    let e = explain(&all[1], &ds);
    assert_eq!(
        e.reasons,
        vec![Reason::NodeAffinityTermFailed {
            term: 0,
            failed: "color In [blue]".into(),
            key: "color".into(),
            is_field: false,
            node_value: None
        }]
    );
    assert_eq!(
        e.summary(),
        "No pod: node-1 matches no required node-affinity term: term 0 needs `color In [blue]` \
         (it has no color label); a running pod is deleted."
    );
    assert_eq!(
        explain(&all[4], &ds).reasons,
        vec![Reason::NodeAffinityMatched { term: 0 }]
    );
}

// ---------------------------------------------------------------- B. taints and tolerations

#[test]
fn c15_tainted_node_intolerant_pod() {
    let n = tainted("tainted", vec![dedicated_no_schedule()]);
    assert_eq!(run(&n, &ds()), FT);
    let e = explain(&n, &ds());
    assert_eq!(
        e.reasons,
        vec![Reason::TaintNotTolerated {
            taint: dedicated_no_schedule()
        }]
    );
    assert_eq!(
        e.summary(),
        "No pod: tainted has taint dedicated=user1:NoSchedule, which the DaemonSet does not \
         tolerate; a running pod may stay (NoSchedule does not evict)."
    );
}

#[test]
fn c16_toleration_lets_pod_in() {
    let user = tol("dedicated", "", "user1", "NoSchedule");
    let ds = ds_with(|s| s.tolerations = vec![user.clone()].into());
    let n = tainted("tainted", vec![dedicated_no_schedule()]);
    assert_eq!(run(&n, &ds), TT);
    assert_eq!(run(&node("plain", StringMap::new()), &ds), TT);
    let e = explain(&n, &ds);
    assert_eq!(
        e.reasons,
        vec![Reason::TaintToleratedByUser {
            taint: dedicated_no_schedule(),
            toleration: user,
            index: 0
        }]
    );
    assert_eq!(
        e.summary(),
        "Pod: tainted runs the DaemonSet's pod: taint dedicated=user1:NoSchedule is tolerated by \
         tolerations[0] (dedicated=user1:NoSchedule)."
    );
}

#[test]
fn c17_no_schedule_does_not_evict_running_pod() {
    let n = tainted("tainted", vec![dedicated_no_schedule()]);
    let s = node_should_run_daemon_pod(&n, &ds());
    assert!(!s.should_run && s.should_continue_running);
}

#[test]
fn c18_no_execute_evicts_running_pod() {
    let t = taint("dedicated", "user1", "NoExecute");
    let n = tainted("tainted", vec![t.clone()]);
    assert_eq!(run(&n, &ds()), FF);
    let e = explain(&n, &ds());
    assert_eq!(e.reasons, vec![Reason::TaintNotTolerated { taint: t }]);
    assert_eq!(
        e.summary(),
        "No pod: tainted has taint dedicated=user1:NoExecute, which the DaemonSet does not \
         tolerate; a running pod is evicted (dedicated=user1:NoExecute is NoExecute)."
    );
}

#[test]
fn c19_not_ready_and_unreachable_no_execute_tolerated_by_default() {
    for key in [taints::NOT_READY, taints::UNREACHABLE] {
        let t = taint(key, "", "NoExecute");
        let n = tainted("sick", vec![t.clone()]);
        assert_eq!(run(&n, &ds()), TT, "{key}");
        assert_eq!(
            explain(&n, &ds()).reasons,
            vec![Reason::TaintToleratedByDefault {
                taint: t,
                toleration: Toleration::exists(key, "NoExecute")
            }]
        );
        // Spec §4 gotcha: the lifecycle controller's NoSchedule twin is not tolerated.
        let both = tainted(
            "sick",
            vec![taint(key, "", "NoSchedule"), taint(key, "", "NoExecute")],
        );
        assert_eq!(run(&both, &ds()), FT, "{key}");
    }
    let e = explain(
        &tainted("sick", vec![taint(taints::NOT_READY, "", "NoExecute")]),
        &ds(),
    );
    assert_eq!(
        e.summary(),
        "Pod: sick runs the DaemonSet's pod: taint node.kubernetes.io/not-ready:NoExecute is \
         tolerated by the default toleration node.kubernetes.io/not-ready:NoExecute op=Exists."
    );
}

#[test]
fn c20_pressure_taints_tolerated_by_default() {
    let keys = [
        taints::DISK_PRESSURE,
        taints::MEMORY_PRESSURE,
        taints::PID_PRESSURE,
    ];
    let mut n = tainted(
        "pressure",
        keys.iter().map(|k| taint(k, "", "NoSchedule")).collect(),
    );
    *n.status.conditions = vec![
        condition("DiskPressure", "True"),
        condition("MemoryPressure", "True"),
        condition("PIDPressure", "True"),
    ];
    let ds = ds_with(|s| s.settings.priority_class_name = "system-node-critical".into());
    assert_eq!(run(&n, &ds), TT);
    let e = explain(&n, &ds);
    assert_eq!(e.reasons.len(), 3);
    for (r, key) in e.reasons.iter().zip(keys) {
        assert!(
            matches!(r, Reason::TaintToleratedByDefault { taint, toleration }
                if taint.key == key && toleration.key == key),
            "{r:?}"
        );
    }
}

#[test]
fn c21_node_should_run_daemon_pod_table() {
    let mut n = node("test-node", l1());
    for (k, v) in [("memory", "100M"), ("cpu", "1"), ("pods", "100")] {
        n.status.allocatable.insert(k.into(), Quantity(v.into()));
    }
    let cases: Vec<(&str, DaemonSet, (bool, bool))> = vec![
        (
            "a fits",
            ds_with(|s| s.containers[0].resources = requests("50M", "500m")),
            TT,
        ),
        (
            "b too big",
            ds_with(|s| s.containers[0].resources = requests("200M", "500m")),
            TT,
        ),
        (
            "c other nodeName",
            ds_with(|s| s.node_name = "other-node".into()),
            FF,
        ),
        (
            "d host port",
            ds_with(|s| s.containers[0].ports = host_port(666)),
            TT,
        ),
        (
            "e port + mem",
            ds_with(|s| {
                s.containers[0].ports = host_port(666);
                s.containers[0].resources = requests("100M", "0");
            }),
            TT,
        ),
        (
            "f mem",
            ds_with(|s| s.containers[0].resources = requests("50M", "0")),
            TT,
        ),
        (
            "g selector L2",
            ds_with(|s| s.settings.node_selector = l2()),
            FF,
        ),
        (
            "h selector L1",
            ds_with(|s| s.settings.node_selector = l1()),
            TT,
        ),
        (
            "i affinity type In [test]",
            ds_with(|s| s.affinity = required(vec![exprs(vec![req("type", "In", &["test"])])])),
            FF,
        ),
        (
            "j affinity type In [production]",
            ds_with(|s| {
                s.affinity = required(vec![exprs(vec![req("type", "In", &["production"])])]);
            }),
            TT,
        ),
    ];
    for (name, ds, want) in &cases {
        assert_eq!(run(&n, ds), *want, "{name}");
        assert_eq!(
            explain(&n, ds).decision(),
            node_should_run_daemon_pod(&n, ds),
            "{name}"
        );
    }
    // k) spec.unschedulable without its taint is not looked at.
    let mut cordoned = n.clone();
    cordoned.spec.unschedulable = true;
    assert_eq!(run(&cordoned, &ds()), TT);
    // ... and its taint is tolerated by default.
    cordoned.spec.taints = vec![taint(taints::UNSCHEDULABLE, "", "NoSchedule")];
    assert_eq!(run(&cordoned, &ds()), TT);
}

#[test]
fn prefer_no_schedule_and_unknown_effects_are_ignored() {
    let soft = taint("dedicated", "user1", "PreferNoSchedule");
    let odd = taint("dedicated", "user1", "");
    let n = tainted("soft", vec![soft.clone(), odd.clone()]);
    assert_eq!(run(&n, &ds()), TT);
    assert_eq!(
        explain(&n, &ds()).reasons,
        vec![
            Reason::PreferNoScheduleIgnored { taint: soft },
            Reason::TaintEffectIgnored { taint: odd }
        ]
    );
}

#[test]
fn network_unavailable_taint_needs_host_network() {
    let n = tainted(
        "no-net",
        vec![taint(taints::NETWORK_UNAVAILABLE, "", "NoSchedule")],
    );
    assert_eq!(run(&n, &ds()), FT);
    assert_eq!(run(&n, &ds_with(|s| s.settings.host_network = true)), TT);
}

#[test]
fn no_execute_wins_over_no_schedule_in_summary() {
    let n = tainted(
        "n",
        vec![
            dedicated_no_schedule(),
            taint("gpu", "", "NoExecute"),
            taint(taints::PID_PRESSURE, "", "NoSchedule"),
        ],
    );
    let e = explain(&n, &ds());
    assert_eq!(
        e.decision(),
        ShouldRun {
            should_run: false,
            should_continue_running: false
        }
    );
    assert_eq!(e.blocking().count(), 2);
    assert_eq!(
        e.summary(),
        "No pod: n has taints dedicated=user1:NoSchedule, gpu:NoExecute, which the DaemonSet does \
         not tolerate; a running pod is evicted (gpu:NoExecute is NoExecute)."
    );
}

#[test]
fn explanation_serializes_as_plain_data() {
    let e = explain(&tainted("n", vec![dedicated_no_schedule()]), &ds());
    let json = serde_json::to_value(&e).expect("serializable");
    assert_eq!(
        json,
        serde_json::json!({
            "node": "n",
            "shouldRun": false,
            "shouldContinueRunning": true,
            "reasons": [{
                "type": "TaintNotTolerated",
                "taint": {"key": "dedicated", "value": "user1", "effect": "NoSchedule"}
            }]
        })
    );
    let none = Explanation {
        node: "x".into(),
        should_run: false,
        should_continue_running: false,
        reasons: vec![Reason::NodeAffinityNoTerms],
    };
    assert_eq!(
        serde_json::to_value(&none).expect("serializable")["reasons"][0]["type"],
        "NodeAffinityNoTerms"
    );
}

// ---------------------------------------------------------------- §4 default tolerations

fn default_keys(spec: &PodSpec) -> Vec<(String, String)> {
    spec.tolerations
        .iter()
        .map(|t| (t.key.to_string(), t.effect.to_string()))
        .collect()
}

#[test]
fn s4_defaults_appended_in_order() {
    let user = tol("dedicated", "", "user1", "NoSchedule");
    let mut spec = PodSpec {
        tolerations: vec![user.clone()].into(),
        ..PodSpec::default()
    };
    add_or_update_daemon_pod_tolerations(&mut spec);
    let want: Vec<(String, String)> = [
        ("dedicated", "NoSchedule"),
        (taints::NOT_READY, "NoExecute"),
        (taints::UNREACHABLE, "NoExecute"),
        (taints::DISK_PRESSURE, "NoSchedule"),
        (taints::MEMORY_PRESSURE, "NoSchedule"),
        (taints::PID_PRESSURE, "NoSchedule"),
        (taints::UNSCHEDULABLE, "NoSchedule"),
    ]
    .iter()
    .map(|(k, e)| (k.to_string(), e.to_string()))
    .collect();
    assert_eq!(default_keys(&spec), want);
    assert_eq!(spec.tolerations[0], user);
    assert!(
        spec.tolerations[1..].iter().all(|t| t.operator == "Exists"
            && t.value.is_empty()
            && t.toleration_seconds.is_none())
    );
    // Idempotent.
    let before = spec.tolerations.clone();
    add_or_update_daemon_pod_tolerations(&mut spec);
    assert_eq!(spec.tolerations, before);
    assert_eq!(
        PlacementPolicy::for_pod_spec(&PodSpec {
            tolerations: vec![user].into(),
            ..PodSpec::default()
        })
        .tolerations(),
        before.as_slice()
    );
}

#[test]
fn s4_host_network_adds_network_unavailable() {
    let mut spec = PodSpec {
        settings: PodSettings {
            host_network: true,
            ..Default::default()
        }
        .into(),
        ..PodSpec::default()
    };
    add_or_update_daemon_pod_tolerations(&mut spec);
    assert_eq!(spec.tolerations.len(), 7);
    assert_eq!(
        spec.tolerations[6],
        Toleration::exists(taints::NETWORK_UNAVAILABLE, "NoSchedule")
    );
    let mut plain = PodSpec::default();
    add_or_update_daemon_pod_tolerations(&mut plain);
    assert_eq!(plain.tolerations.len(), 6);
    assert!(
        plain
            .tolerations
            .iter()
            .all(|t| t.key != taints::NETWORK_UNAVAILABLE)
    );
}

#[test]
fn s4_toleration_seconds_replaced_in_place() {
    let mut limited = Toleration::exists(taints::NOT_READY, "NoExecute");
    limited.toleration_seconds = Some(300);
    let user = tol("dedicated", "", "user1", "NoSchedule");
    let spec = PodSpec {
        tolerations: vec![limited, user.clone()].into(),
        ..PodSpec::default()
    };
    let policy = PlacementPolicy::for_pod_spec(&spec);
    let merged = policy.tolerations();
    assert_eq!(merged.len(), 7);
    assert_eq!(
        merged[0],
        Toleration::exists(taints::NOT_READY, "NoExecute")
    );
    assert_eq!(merged[1], user);
    assert_eq!(merged[2].key, taints::UNREACHABLE);
    // The replaced entry is the default's doing; the untouched one is the user's.
    let n = tainted(
        "n",
        vec![
            taint(taints::NOT_READY, "", "NoExecute"),
            dedicated_no_schedule(),
        ],
    );
    let e = policy.explain(&n);
    assert!(
        matches!(&e.reasons[0], Reason::TaintToleratedByDefault { toleration, .. }
        if toleration.toleration_seconds.is_none())
    );
    assert!(matches!(
        &e.reasons[1],
        Reason::TaintToleratedByUser { index: 1, .. }
    ));
}

#[test]
fn s4_match_toleration_needs_same_key_effect_operator_value() {
    // Operator "" (Equal) is not "Exists": the user's entry stays and the default is appended.
    let equal = tol(taints::NOT_READY, "", "", "NoExecute");
    let mut spec = PodSpec {
        tolerations: vec![equal.clone()].into(),
        ..PodSpec::default()
    };
    assert!(add_or_update_toleration_in_pod_spec(
        &mut spec,
        &Toleration::exists(taints::NOT_READY, "NoExecute")
    ));
    assert_eq!(
        spec.tolerations,
        vec![equal, Toleration::exists(taints::NOT_READY, "NoExecute")].into()
    );
    // Deep-equal: nothing changes.
    assert!(!add_or_update_toleration_in_pod_spec(
        &mut spec,
        &Toleration::exists(taints::NOT_READY, "NoExecute")
    ));
    assert!(match_toleration(
        &Toleration::exists("k", "NoSchedule"),
        &Toleration {
            toleration_seconds: Some(5),
            ..Toleration::exists("k", "NoSchedule")
        }
    ));
}

#[test]
fn s4_every_matching_duplicate_is_replaced() {
    let mut a = Toleration::exists(taints::UNREACHABLE, "NoExecute");
    a.toleration_seconds = Some(10);
    let b = Toleration::exists(taints::UNREACHABLE, "NoExecute");
    let mut spec = PodSpec {
        tolerations: vec![a, b.clone()].into(),
        ..PodSpec::default()
    };
    assert!(add_or_update_toleration_in_pod_spec(&mut spec, &b));
    assert_eq!(spec.tolerations, vec![b.clone(), b].into());
}

// ---------------------------------------------------------------- H. util

fn pinned(affinity: Option<Affinity>) -> Vec<NodeSelectorTerm> {
    replace_daemon_set_pod_node_name_node_affinity(affinity, "host_1")
        .node_affinity
        .and_then(|na| na.required)
        .map(|r| r.node_selector_terms.clone())
        .unwrap_or_default()
}

#[test]
fn c58_replace_node_affinity() {
    let want = vec![fields(vec![req("metadata.name", "In", &["host_1"])])];
    let preferred = vec![serde_json::json!({"weight": 1, "preference": {}})];
    let cases: Vec<Option<Affinity>> = vec![
        None,
        required(vec![exprs(vec![req(
            "kubernetes.io/hostname",
            "In",
            &["host_1"],
        )])]),
        Some(Affinity {
            node_affinity: Some(NodeAffinity {
                required: None,
                preferred: Some(preferred.clone()),
            }),
            ..Affinity::default()
        }),
        required(vec![fields(vec![req(
            "metadata.name",
            "In",
            &["host_1", "host_2"],
        )])]),
        required(vec![
            exprs(vec![req("kubernetes.io/hostname", "In", &["host_1"])]),
            fields(vec![req("metadata.name", "In", &["host_2"])]),
        ]),
        required(vec![fields(vec![req(
            "metadata.name",
            "NotIn",
            &["host_2"],
        )])]),
        required(vec![fields(vec![req("metadata.foo", "In", &["bar"])])]),
        Some(Affinity::default()),
    ];
    for affinity in cases {
        assert_eq!(pinned(affinity.clone()), want, "{affinity:?}");
    }
    // Preferred terms and pod affinity are kept.
    let kept = replace_daemon_set_pod_node_name_node_affinity(
        Some(Affinity {
            node_affinity: Some(NodeAffinity {
                required: None,
                preferred: Some(preferred.clone()),
            }),
            pod_affinity: Some(serde_json::json!({"x": 1}).into()),
            pod_anti_affinity: None,
        }),
        "host_1",
    );
    assert_eq!(
        kept.node_affinity.and_then(|na| na.preferred),
        Some(preferred)
    );
    assert_eq!(kept.pod_affinity, Some(serde_json::json!({"x": 1}).into()));
}

#[test]
fn c59_get_target_node_name() {
    let mut pod = Pod::default();
    pod.metadata.namespace = "default".into();
    pod.metadata.name = "p".into();
    pod.spec.node_name = "node-1".into();
    assert_eq!(get_target_node_name(&pod), Ok("node-1"));

    pod.spec.node_name = Default::default();
    pod.spec.affinity = required(vec![fields(vec![req("metadata.name", "In", &["node-1"])])]);
    assert_eq!(get_target_node_name(&pod), Ok("node-1"));

    pod.spec.affinity = required(vec![fields(vec![req(
        "metadata.name",
        "In",
        &["node-1", "node-2"],
    )])]);
    assert_eq!(
        get_target_node_name(&pod),
        Err("the matchFields value of 'metadata.name' is not unique for pod default/p".into())
    );

    pod.spec.affinity = None;
    assert_eq!(
        get_target_node_name(&pod),
        Err("no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod default/p".into())
    );
    pod.spec.affinity = required(vec![]);
    assert!(get_target_node_name(&pod).is_err());
    pod.spec.affinity = required(vec![exprs(vec![req("a", "Exists", &[])])]);
    assert_eq!(
        get_target_node_name(&pod),
        Err("no node name found for pod default/p".into())
    );
}

#[test]
fn c58_c59_round_trip() {
    let mut pod = Pod::default();
    pod.spec.affinity = Some(
        replace_daemon_set_pod_node_name_node_affinity(
            required(vec![exprs(vec![req("color", "In", &["blue"])])]),
            "node-7",
        )
        .into(),
    );
    assert_eq!(get_target_node_name(&pod), Ok("node-7"));
    assert!(required_node_affinity_matches(
        &pod.spec,
        &node("node-7", StringMap::new())
    ));
    assert!(!required_node_affinity_matches(
        &pod.spec,
        &node("node-8", n1())
    ));
}

// ---------------------------------------------------------------- I. node affinity

#[test]
fn c60_node_selector() {
    let spec = |sel: StringMap| PodSpec {
        settings: PodSettings {
            node_selector: sel,
            ..Default::default()
        }
        .into(),
        ..PodSpec::default()
    };
    let foo_bar = labels(&[("foo", "bar")]);
    let both = labels(&[("foo", "bar"), ("baz", "blah")]);
    assert!(required_node_affinity_matches(
        &spec(StringMap::new()),
        &node("n", StringMap::new())
    ));
    assert!(!required_node_affinity_matches(
        &spec(foo_bar.clone()),
        &node("n", StringMap::new())
    ));
    assert!(required_node_affinity_matches(
        &spec(foo_bar.clone()),
        &node("n", foo_bar.clone())
    ));
    assert!(required_node_affinity_matches(
        &spec(foo_bar.clone()),
        &node("n", both.clone())
    ));
    assert!(!required_node_affinity_matches(
        &spec(both),
        &node("n", foo_bar)
    ));
}

#[test]
fn c61_operators() {
    let cases = [
        (
            req("foo", "In", &["bar", "value2"]),
            labels(&[("foo", "bar")]),
            true,
        ),
        (
            req("foo", "In", &["value1", "value2"]),
            labels(&[("foo", "bar")]),
            false,
        ),
        (
            req("kernel-version", "Gt", &["0204"]),
            labels(&[("kernel-version", "0206")]),
            true,
        ),
        (
            req("kernel-version", "Lt", &["0204"]),
            labels(&[("kernel-version", "0206")]),
            false,
        ),
        (
            req("mem-type", "NotIn", &["DDR", "DDR2"]),
            labels(&[("mem-type", "DDR3")]),
            true,
        ),
        (
            req("mem-type", "NotIn", &["DDR", "DDR2"]),
            StringMap::new(),
            true,
        ),
        (
            req("GPU", "Exists", &[]),
            labels(&[("GPU", "NVIDIA-GRID-K1")]),
            true,
        ),
        (
            req("GPU", "DoesNotExist", &[]),
            labels(&[("GPU", "NVIDIA-GRID-K1")]),
            false,
        ),
        (req("GPU", "DoesNotExist", &[]), StringMap::new(), true),
        (req("n", "Gt", &["5"]), labels(&[("n", "x")]), false),
        (req("n", "Gt", &["5"]), StringMap::new(), false),
    ];
    for (r, node_labels, want) in cases {
        let spec = spec_with_affinity(vec![exprs(vec![r.clone()])]);
        assert_eq!(
            required_node_affinity_matches(&spec, &node("n", node_labels)),
            want,
            "{r:?}"
        );
    }
}

#[test]
fn c62_empty_terms_and_or() {
    let gpu = labels(&[("GPU", "NVIDIA-GRID-K1")]);
    let n = node("n", gpu.clone());
    // nodeSelectorTerms nil / [] and a term with matchExpressions: [] match nothing.
    assert!(!required_node_affinity_matches(
        &spec_with_affinity(vec![]),
        &n
    ));
    assert!(!required_node_affinity_matches(
        &spec_with_affinity(vec![exprs(vec![])]),
        &n
    ));
    assert!(!required_node_affinity_matches(
        &spec_with_affinity(vec![NodeSelectorTerm::default()]),
        &n
    ));
    let e = PlacementPolicy::for_pod_spec(&spec_with_affinity(vec![exprs(vec![])])).explain(&n);
    assert_eq!(e.reasons, vec![Reason::NodeAffinityNoTerms]);
    assert!(e.summary().contains("matches no node"));
    // nodeAffinity {} (required nil) and affinity {} match everything.
    let empty_na = PodSpec {
        affinity: Some(
            Affinity {
                node_affinity: Some(NodeAffinity::default()),
                ..Affinity::default()
            }
            .into(),
        ),
        ..PodSpec::default()
    };
    assert!(required_node_affinity_matches(&empty_na, &n));
    // AND within a term.
    let and_yes = vec![exprs(vec![
        req("GPU", "Exists", &[]),
        req("GPU", "NotIn", &["AMD", "INTER"]),
    ])];
    assert!(required_node_affinity_matches(
        &spec_with_affinity(and_yes),
        &n
    ));
    let and_no = vec![exprs(vec![
        req("GPU", "Exists", &[]),
        req("GPU", "In", &["AMD", "INTER"]),
    ])];
    assert!(!required_node_affinity_matches(
        &spec_with_affinity(and_no.clone()),
        &n
    ));
    assert_eq!(
        PlacementPolicy::for_pod_spec(&spec_with_affinity(and_no))
            .explain(&n)
            .reasons,
        vec![Reason::NodeAffinityTermFailed {
            term: 0,
            failed: "GPU In [AMD, INTER]".into(),
            key: "GPU".into(),
            is_field: false,
            node_value: Some("NVIDIA-GRID-K1".into())
        }]
    );
    // OR across terms; an empty term in between is dropped but keeps its index.
    let or = vec![
        exprs(vec![req("foo", "In", &["bar", "value2"])]),
        NodeSelectorTerm::default(),
        exprs(vec![req("diffkey", "In", &["wrong", "value2"])]),
    ];
    let foo = node("n", labels(&[("foo", "bar")]));
    assert!(required_node_affinity_matches(
        &spec_with_affinity(or.clone()),
        &foo
    ));
    let e = PlacementPolicy::for_pod_spec(&spec_with_affinity(or)).explain(&n);
    assert!(matches!(
        e.reasons.as_slice(),
        [
            Reason::NodeAffinityTermFailed { term: 0, .. },
            Reason::NodeAffinityTermFailed { term: 2, .. }
        ]
    ));
}

#[test]
fn c63_node_selector_plus_affinity_invalid_value() {
    let spec = PodSpec {
        settings: PodSettings {
            node_selector: labels(&[("foo", "bar")]),
            ..Default::default()
        }
        .into(),
        affinity: required(vec![exprs(vec![req("foo", "Exists", &[])])]),
        ..PodSpec::default()
    };
    assert!(required_node_affinity_matches(
        &spec,
        &node("n", labels(&[("foo", "bar")]))
    ));
    assert!(!required_node_affinity_matches(
        &spec,
        &node("n", labels(&[("foo", "barrrrrr")]))
    ));

    let invalid = spec_with_affinity(vec![exprs(vec![req(
        "foo",
        "NotIn",
        &["invalid value: ___@#$%^"],
    )])]);
    let n = node("n", labels(&[("foo", "bar")]));
    assert!(!required_node_affinity_matches(&invalid, &n));
    let e = PlacementPolicy::for_pod_spec(&invalid).explain(&n);
    assert!(
        matches!(&e.reasons[..], [Reason::NodeAffinityTermInvalid { term: 0, error }]
        if error.starts_with("nodeSelectorTerms[0].matchExpressions[0].values[0][foo]: Invalid value: \"invalid value: ___@#$%^\": a valid label must be"))
    );
    assert!(e.summary().contains("term 0 is invalid and never matches"));

    // An invalid term does not disable a valid one.
    let mixed = spec_with_affinity(vec![
        exprs(vec![req("foo", "NotIn", &["invalid value: ___@#$%^"])]),
        exprs(vec![req("foo", "In", &["bar"])]),
    ]);
    assert!(required_node_affinity_matches(&mixed, &n));
    // Upstream validates Gt/Lt values as label values too: "-5" makes the term invalid.
    let negative = spec_with_affinity(vec![exprs(vec![req("n", "Gt", &["-5"])])]);
    assert!(!required_node_affinity_matches(
        &negative,
        &node("n", labels(&[("n", "3")]))
    ));
    // Unknown operators and bad counts are parse errors too.
    for bad in [
        req("foo", "Bogus", &["bar"]),
        req("foo", "In", &[]),
        req("foo", "Exists", &["bar"]),
        req("foo", "Gt", &["1", "2"]),
        req("foo", "Lt", &["x"]),
        req("bad key", "Exists", &[]),
    ] {
        let spec = spec_with_affinity(vec![exprs(vec![bad.clone()])]);
        assert!(!required_node_affinity_matches(&spec, &n), "{bad:?}");
        let matcher = NodeSelectorMatcher::new(&NodeSelector {
            node_selector_terms: vec![exprs(vec![bad.clone()])],
        });
        assert!(matcher.parse_error().is_some(), "{bad:?}");
        assert!(matcher.match_node(&n).is_err(), "{bad:?}");
    }
}

#[test]
fn c64_match_fields() {
    let name_in = |v: &str| fields(vec![req("metadata.name", "In", &[v])]);
    let node1 = node("node_1", StringMap::new());
    let node2 = node("node_2", labels(&[("foo", "bar")]));
    let fits = |terms: Vec<NodeSelectorTerm>, n: &Node| {
        required_node_affinity_matches(&spec_with_affinity(terms), n)
    };
    assert!(fits(vec![name_in("node_1")], &node1));
    assert!(!fits(vec![name_in("node_1")], &node2));
    let foo_bar = || req("foo", "In", &["bar"]);
    // Two terms: OR.
    assert!(fits(
        vec![name_in("node_1"), exprs(vec![foo_bar()])],
        &node2
    ));
    // One term with both: AND.
    let both = NodeSelectorTerm {
        match_expressions: Some(vec![foo_bar()]),
        match_fields: Some(vec![req("metadata.name", "In", &["node_1"])]),
    };
    assert!(!fits(vec![both.clone()], &node2));
    assert!(fits(
        vec![both.clone()],
        &node("node_1", labels(&[("foo", "bar")]))
    ));
    // Expressions fail, fields match → no.
    assert!(!fits(vec![both], &node1));
    // Both terms failing.
    assert!(!fits(
        vec![name_in("node_3"), exprs(vec![req("foo", "In", &["baz"])])],
        &node2
    ));
    // NotIn, and a field other than metadata.name (absent, reads as "").
    assert!(fits(
        vec![fields(vec![req("metadata.name", "NotIn", &["node_1"])])],
        &node2
    ));
    assert!(!fits(
        vec![fields(vec![req("metadata.foo", "In", &["bar"])])],
        &node2
    ));
    assert!(fits(
        vec![fields(vec![req("metadata.foo", "NotIn", &["bar"])])],
        &node2
    ));
    // Explanation names the field and the node's name.
    let e =
        PlacementPolicy::for_pod_spec(&spec_with_affinity(vec![name_in("node_1")])).explain(&node2);
    assert_eq!(
        e.reasons,
        vec![Reason::NodeAffinityTermFailed {
            term: 0,
            failed: "metadata.name In [node_1]".into(),
            key: "metadata.name".into(),
            is_field: true,
            node_value: Some("node_2".into())
        }]
    );
    assert!(
        e.summary()
            .contains("term 0 needs `metadata.name In [node_1]` (its metadata.name is node_2)")
    );

    // Two values: "must have one element".
    let two = NodeSelector {
        node_selector_terms: vec![fields(vec![req(
            "metadata.name",
            "In",
            &["host_1", "host_2"],
        )])],
    };
    let matcher = NodeSelectorMatcher::new(&two);
    let want = r#"nodeSelectorTerms[0].matchFields[0].values: Invalid value: ["host_1","host_2"]: must have one element"#;
    assert_eq!(matcher.parse_error().as_deref(), Some(want));
    assert_eq!(
        matcher.match_node(&node("host_1", StringMap::new())),
        Err(want.to_string())
    );

    // TestNodeSelectorMatch "invalid field selector and label selector": errors of all terms.
    let three = NodeSelector {
        node_selector_terms: vec![
            fields(vec![req("metadata.name", "In", &["host_1", "host_2"])]),
            NodeSelectorTerm {
                match_expressions: Some(vec![req("label_1", "In", &["label_1_val"])]),
                match_fields: Some(vec![req("metadata.name", "In", &["host_1"])]),
            },
            exprs(vec![req("invalid key", "In", &["label_value"])]),
        ],
    };
    assert_eq!(
        NodeSelectorMatcher::new(&three).parse_error().as_deref(),
        Some(
            "[nodeSelectorTerms[0].matchFields[0].values: Invalid value: [\"host_1\",\"host_2\"]: \
             must have one element, nodeSelectorTerms[2].matchExpressions[0].key: Invalid value: \
             \"invalid key\": name part must consist of alphanumeric characters, '-', '_' or '.', \
             and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  \
             or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')]"
        )
    );
    // Lazy: the valid middle term still matches.
    let host1 = node("host_1", labels(&[("label_1", "label_1_val")]));
    assert_eq!(
        NodeSelectorMatcher::new(&three).match_node(&host1),
        Ok(true)
    );
    // Unsupported field operator.
    let exists = NodeSelectorMatcher::new(&NodeSelector {
        node_selector_terms: vec![fields(vec![req("metadata.name", "Exists", &[])])],
    });
    assert_eq!(
        exists.parse_error().as_deref(),
        Some(
            "nodeSelectorTerms[0].matchFields[0].operator: Unsupported value: \"Exists\": \
             supported values: \"In\", \"NotIn\""
        )
    );
}

// ---------------------------------------------------------------- J. tolerations

#[test]
fn c65_toleration_basic_operators() {
    let foo_ns = taint("foo", "", "NoSchedule");
    let foo_bar_ns = taint("foo", "bar", "NoSchedule");
    assert!(tolerates(&tol("foo", "Exists", "", "NoSchedule"), &foo_ns));
    assert!(tolerates(
        &tol("foo", "Exists", "", "NoSchedule"),
        &foo_bar_ns
    ));
    assert!(tolerates(&tol("", "Exists", "", "NoSchedule"), &foo_bar_ns));
    assert!(tolerates(
        &tol("foo", "Equal", "bar", "NoSchedule"),
        &foo_bar_ns
    ));
    assert!(!tolerates(
        &tol("foo", "Equal", "bar", "NoSchedule"),
        &taint("foo", "value2", "NoSchedule")
    ));
    assert!(!tolerates(
        &tol("foo", "Equal", "bar", "NoSchedule"),
        &taint("foo", "bar", "NoExecute")
    ));
    // Empty effect matches every effect, empty operator means Equal, Exists ignores the value.
    assert!(tolerates(
        &tol("foo", "", "bar", ""),
        &taint("foo", "bar", "NoExecute")
    ));
    assert!(!tolerates(&tol("foo", "", "", ""), &foo_bar_ns));
    assert!(tolerates(
        &tol("", "Exists", "", ""),
        &taint("anything", "x", "NoExecute")
    ));
    assert!(!tolerates(&tol("foo", "Bogus", "bar", ""), &foo_bar_ns));
    // tolerationSeconds does not matter.
    let mut timed = tol("foo", "Exists", "", "NoExecute");
    timed.toleration_seconds = Some(0);
    assert!(tolerates(&timed, &taint("foo", "", "NoExecute")));
}

#[test]
fn c66_lt_gt_comparison_gate() {
    let sla = |v: &str| taint("node.kubernetes.io/sla", v, "NoSchedule");
    let op = |o: &str, v: &str| tol("node.kubernetes.io/sla", o, v, "NoSchedule");
    let on = tolerates_with_comparison_ops;
    assert!(!on(&op("Gt", "950"), &sla("800")));
    assert!(on(&op("Lt", "950"), &sla("800")));
    assert!(on(&op("Gt", "750"), &sla("950")));
    assert!(!on(&op("Lt", "800"), &sla("950")));
    assert!(!on(&op("Gt", "950"), &sla("950")));
    assert!(!on(&op("Gt", "950"), &sla("high")));
    assert!(!on(&op("Gt", "-100"), &sla("-200")));
    assert!(on(&op("Lt", "-100"), &sla("-200")));
    assert!(on(&op("Gt", "0"), &sla("1")));
    for bad in [
        "0100",
        "+100",
        "100.5",
        "abc",
        "",
        "-0",
        "-",
        "99999999999999999999",
    ] {
        assert!(!on(&op("Lt", bad), &sla("50")), "toleration {bad:?}");
        assert!(!on(&op("Gt", "1"), &sla(bad)), "taint {bad:?}");
        assert_eq!(parse_decimal_integer(bad), None, "{bad:?}");
    }
    // Gate off: Lt/Gt tolerate nothing.
    assert!(!tolerates(&op("Lt", "950"), &sla("800")));
    // Through the policy.
    let ds = ds_with(|s| s.tolerations = vec![op("Lt", "950")].into());
    let n = tainted("spot", vec![sla("800")]);
    assert_eq!(
        PlacementPolicy::for_daemonset(&ds).should_run(&n),
        ShouldRun {
            should_run: false,
            should_continue_running: true
        }
    );
    let gated = PlacementPolicy::for_daemonset(&ds).with_taint_comparison_operators(true);
    assert!(gated.should_run(&n).should_run);
    assert!(matches!(
        gated.explain(&n).reasons[0],
        Reason::TaintToleratedByUser { index: 0, .. }
    ));
}

#[test]
fn find_matching_untolerated_taint_returns_first() {
    let ts = vec![
        taint("a", "", "PreferNoSchedule"),
        taint("b", "", "NoSchedule"),
        taint("c", "", "NoExecute"),
    ];
    let tols = vec![tol("b", "Exists", "", "")];
    let hard = |t: &Taint| t.effect != "PreferNoSchedule";
    assert_eq!(
        find_matching_untolerated_taint(&ts, &tols, hard),
        Some(&ts[2])
    );
    assert_eq!(
        find_matching_untolerated_taint(&ts, &[], hard),
        Some(&ts[1])
    );
    assert_eq!(
        find_matching_untolerated_taint(&ts, &[tol("", "Exists", "", "")], |_| true),
        None
    );
}

#[test]
fn describe_toleration_like_kubectl() {
    assert_eq!(describe_toleration(&tol("", "Exists", "", "")), "op=Exists");
    assert_eq!(
        describe_toleration(&tol("k", "Exists", "", "NoExecute")),
        "k:NoExecute op=Exists"
    );
    let mut t = tol("k", "Equal", "v", "NoExecute");
    t.toleration_seconds = Some(300);
    assert_eq!(describe_toleration(&t), "k=v:NoExecute for 300s");
}

// ---------------------------------------------------------------- properties

mod props {
    use super::*;
    use proptest::prelude::*;

    fn pick(items: &'static [&'static str]) -> impl Strategy<Value = String> {
        prop::sample::select(items).prop_map(str::to_string)
    }

    fn key() -> impl Strategy<Value = String> {
        prop_oneof![
            9 => pick(&["color", "speed", "GPU", "n", "dedicated", "node.kubernetes.io/not-ready",
                        "node.kubernetes.io/network-unavailable", "", "bad key", "a/b/c"]),
            1 => "\\PC{0,6}",
        ]
    }

    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            9 => pick(&["blue", "red", "fast", "0204", "0206", "5", "-5", "+5", "800", "", "user1",
                        "bad value@"]),
            1 => "\\PC{0,6}",
        ]
    }

    fn effect() -> impl Strategy<Value = String> {
        pick(&["NoSchedule", "NoExecute", "PreferNoSchedule", "", "Weird"])
    }

    fn name() -> impl Strategy<Value = String> {
        pick(&["node-0", "node-1", ""])
    }

    fn requirement(field: bool) -> impl Strategy<Value = NodeSelectorRequirement> {
        let key = if field {
            pick(&["metadata.name", "metadata.foo"]).boxed()
        } else {
            key().boxed()
        };
        let values = prop_oneof![
            prop::collection::vec(value(), 0..3),
            prop::collection::vec(name(), 0..3),
        ];
        let ops = pick(&[
            "In",
            "NotIn",
            "Exists",
            "DoesNotExist",
            "Gt",
            "Lt",
            "Bogus",
            "",
        ]);
        (key, ops, values).prop_map(|(key, operator, values)| NodeSelectorRequirement {
            key,
            operator,
            values,
        })
    }

    fn term() -> impl Strategy<Value = NodeSelectorTerm> {
        (
            prop::option::of(prop::collection::vec(requirement(false), 0..3)),
            prop::option::of(prop::collection::vec(requirement(true), 0..2)),
        )
            .prop_map(|(match_expressions, match_fields)| NodeSelectorTerm {
                match_expressions,
                match_fields,
            })
    }

    fn affinity() -> impl Strategy<Value = Option<Affinity>> {
        prop_oneof![
            Just(None),
            Just(Some(Affinity::default())),
            Just(Some(Affinity {
                node_affinity: Some(NodeAffinity::default()),
                ..Affinity::default()
            })),
            prop::collection::vec(term(), 0..3).prop_map(required),
        ]
    }

    fn toleration() -> impl Strategy<Value = Toleration> {
        (
            key(),
            pick(&["", "Equal", "Exists", "Lt", "Gt", "Bogus"]),
            value(),
            effect(),
            prop::option::of(-5i64..400),
        )
            .prop_map(
                |(key, operator, value, effect, toleration_seconds)| Toleration {
                    key: key.into(),
                    operator: operator.into(),
                    value: value.into(),
                    effect: effect.into(),
                    toleration_seconds,
                },
            )
    }

    fn spec() -> impl Strategy<Value = PodSpec> {
        (
            prop_oneof![3 => Just(String::new()), 1 => name()],
            prop::collection::btree_map(key(), value(), 0..3)
                .prop_map(|m| m.into_iter().collect::<crate::api::StringMap>()),
            affinity(),
            prop::collection::vec(toleration(), 0..4),
            any::<bool>(),
        )
            .prop_map(
                |(node_name, node_selector, affinity, tolerations, host_network)| PodSpec {
                    node_name: node_name.into(),
                    settings: PodSettings {
                        host_network,
                        node_selector,
                        ..Default::default()
                    }
                    .into(),
                    affinity: affinity.map(Into::into),
                    tolerations: tolerations.into(),
                    ..PodSpec::default()
                },
            )
    }

    fn a_node() -> impl Strategy<Value = Node> {
        (
            name(),
            prop::collection::btree_map(key(), value(), 0..4)
                .prop_map(|m| m.into_iter().collect::<crate::api::StringMap>()),
            prop::collection::vec(
                (key(), value(), effect()).prop_map(|(k, v, e)| Taint::new(&k, &v, &e)),
                0..4,
            ),
        )
            .prop_map(|(name, node_labels, node_taints)| {
                let mut n = node(&name, node_labels);
                n.spec.taints = node_taints;
                n
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn should_run_and_explain_agree(spec in spec(), n in a_node(), gate in any::<bool>()) {
            let policy = PlacementPolicy::for_pod_spec(&spec).with_taint_comparison_operators(gate);
            let fast = policy.should_run(&n);
            let slow = policy.explain(&n);
            prop_assert_eq!(slow.decision(), fast);
            prop_assert!(!fast.should_run || fast.should_continue_running);
            prop_assert_eq!(fast.should_run, slow.blocking().next().is_none());
            prop_assert!(!slow.summary().is_empty());
            prop_assert!(serde_json::to_string(&slow).is_ok());

            // Gate off: the convenience function agrees.
            if !gate {
                let mut ds = DaemonSet::default();
                ds.spec.template.spec = spec.clone();
                prop_assert_eq!(node_should_run_daemon_pod(&n, &ds), fast);
            }
            // Affinity failure (nodeName fitting) means (false, false).
            let name_fits = spec.node_name.is_empty() || spec.node_name == n.metadata.name;
            if name_fits && !required_node_affinity_matches(&spec, &n) {
                prop_assert_eq!(fast, ShouldRun { should_run: false, should_continue_running: false });
            }
            if !name_fits {
                prop_assert_eq!(fast, ShouldRun { should_run: false, should_continue_running: false });
            }
            // Every default is in the merged list, and the template's length is kept.
            let merged = policy.tolerations();
            prop_assert!(merged.len() >= spec.tolerations.len());
            for d in default_daemon_pod_tolerations(spec.settings.host_network) {
                prop_assert!(merged.contains(&d));
            }
            // Lazy and non-lazy matching agree.
            let ra = RequiredNodeAffinity::for_pod_spec(&spec);
            prop_assert_eq!(ra.matches(&n), ra.match_node(&n).unwrap_or(false));
        }

        #[test]
        fn pinned_pod_targets_its_node(aff in affinity(), target in "[a-z0-9-]{1,12}", n in a_node()) {
            let mut pod = Pod::default();
            pod.spec.affinity = Some(replace_daemon_set_pod_node_name_node_affinity(aff, &target).into());
            prop_assert_eq!(get_target_node_name(&pod), Ok(target.as_str()));
            let fits = required_node_affinity_matches(&pod.spec, &n);
            prop_assert_eq!(fits, n.metadata.name.is_empty() || n.metadata.name == target);
        }
    }
}

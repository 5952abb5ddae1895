//! The DaemonSet controller against the upstream cases of conformance-cases.md, sections A–F
//! (names start with the case number), run through the whole simulated cluster: API server,
//! controllers, scheduler and kubelets on the virtual clock.

use crate::api::*;
use crate::cluster::{Cascade, Cluster, NodeReadiness, Pressure};
use crate::testutil::{l1, labels, n1, new_daemonset, node};
use std::collections::BTreeMap;

/// `newDaemonSet("foo")`, with the strategy of the "(×2)" variants.
fn new_ds(name: &str, rolling: bool) -> DaemonSet {
    let mut ds = new_daemonset(name);
    ds.spec.revision_history_limit = Some(2);
    ds.spec.update_strategy = if rolling {
        DaemonSetUpdateStrategy {
            type_: ROLLING_UPDATE.into(),
            rolling_update: Some(RollingUpdateDaemonSet {
                max_unavailable: Some(IntOrString::Int(1)),
                max_surge: None,
            }),
        }
    } else {
        DaemonSetUpdateStrategy {
            type_: ON_DELETE.into(),
            rolling_update: None,
        }
    };
    ds
}

fn add_nodes(c: &mut Cluster, start: usize, n: usize, labels: StringMap) {
    for i in start..start + n {
        c.create_node(node(&format!("node-{i}"), labels.clone()))
            .unwrap();
    }
}

/// Live (not terminating) pods of the DaemonSet per node.
fn pods_per_node(c: &Cluster, ds: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for p in c.store().pods().values() {
        let owned = p.metadata.controller_ref().is_some_and(|r| r.name == ds);
        if owned && !p.metadata.is_being_deleted() {
            let node = crate::state::store::pod_target_node(p).unwrap_or_default();
            *out.entry(node.to_string()).or_default() += 1;
        }
    }
    out
}

fn count_events(c: &Cluster, reason: &str) -> i32 {
    c.events()
        .filter(|e| e.reason == reason)
        .map(|e| e.count)
        .sum()
}

fn status(c: &Cluster, name: &str) -> DaemonSetStatus {
    c.store()
        .daemonset(&ObjectKey::new("default", name))
        .unwrap()
        .status
        .clone()
}

fn both(f: impl Fn(bool)) {
    f(false);
    f(true);
}

#[test]
fn c01_simple_daemonset_launches_pods() {
    both(|rolling| {
        let mut c = Cluster::new();
        add_nodes(&mut c, 0, 5, StringMap::new());
        c.create_daemonset(new_ds("foo", rolling)).unwrap();
        let per = pods_per_node(&c, "foo");
        assert_eq!(per.len(), 5);
        assert!(per.values().all(|n| *n == 1));
        assert_eq!(count_events(&c, "SuccessfulCreate"), 5);
        assert_eq!(count_events(&c, "SuccessfulDelete"), 0);
    });
}

#[test]
fn c02_created_pods_are_pinned_by_match_fields_and_bound_by_the_scheduler() {
    let mut c = Cluster::new();
    add_nodes(&mut c, 0, 5, StringMap::new());
    c.create_daemonset(new_ds("foo", false)).unwrap();
    let mut targets = Vec::new();
    for p in c.store().pods().values() {
        let req = p
            .spec
            .affinity
            .as_ref()
            .unwrap()
            .node_affinity
            .as_ref()
            .unwrap()
            .required
            .as_ref()
            .unwrap();
        assert_eq!(req.node_selector_terms.len(), 1);
        let fields = req.node_selector_terms[0].fields();
        assert_eq!(fields.len(), 1);
        assert_eq!(
            (fields[0].key.as_str(), fields[0].operator.as_str()),
            ("metadata.name", "In")
        );
        targets.push(fields[0].values[0].clone());
        assert_eq!(
            p.spec.node_name, fields[0].values[0],
            "the scheduler bound it to its pinned node"
        );
    }
    targets.sort();
    assert_eq!(
        targets,
        (0..5).map(|i| format!("node-{i}")).collect::<Vec<_>>()
    );
    assert_eq!(count_events(&c, "Scheduled"), 5);
}

#[test]
fn c03_no_nodes_does_nothing_and_one_node_gets_a_pod() {
    both(|rolling| {
        let mut c = Cluster::new();
        c.create_daemonset(new_ds("foo", rolling)).unwrap();
        assert!(pods_per_node(&c, "foo").is_empty());
        c.create_node(node("only-node", StringMap::new())).unwrap();
        assert_eq!(pods_per_node(&c, "foo").get("only-node"), Some(&1));
    });
}

/// C04/C19 in a whole cluster: the lifecycle controller adds `not-ready:NoSchedule`, which the
/// default tolerations do not cover (spec §4 gotcha): the pod stays, no new pod is created.
#[test]
fn c04_c19_not_ready_node_keeps_its_pod_but_gets_no_new_one() {
    let mut c = Cluster::new();
    add_nodes(&mut c, 0, 2, StringMap::new());
    c.create_daemonset(new_ds("foo", true)).unwrap();
    c.set_node_readiness("node-0", NodeReadiness::NotReady)
        .unwrap();
    c.advance(60_000); // past the grace period: the NoExecute taint too, tolerated forever
    let n0 = c.store().node("node-0").unwrap();
    assert!(n0.has_taint(taints::NOT_READY, "NoSchedule"));
    assert!(n0.has_taint(taints::NOT_READY, "NoExecute"));
    assert_eq!(pods_per_node(&c, "foo").get("node-0"), Some(&1));
    assert_eq!(status(&c, "foo").number_misscheduled, 1);
    // A second DaemonSet gets no pod on the NotReady node.
    let mut bar = new_ds("bar", true);
    bar.spec.selector.as_mut().unwrap().match_labels = Some(labels(&[("app", "bar")]));
    bar.spec.template.metadata.labels = labels(&[("app", "bar")]).into();
    c.create_daemonset(bar).unwrap();
    assert_eq!(pods_per_node(&c, "bar").get("node-0"), None);
    assert_eq!(pods_per_node(&c, "bar").get("node-1"), Some(&1));
}

/// C05 in a whole cluster: NetworkUnavailable brings its NoSchedule taint (spec §10.2), tolerated
/// by default only with hostNetwork.
#[test]
fn c05_network_unavailable_node_gets_host_network_pods_only() {
    let mut c = Cluster::new();
    add_nodes(&mut c, 0, 1, StringMap::new());
    let now = c.now();
    c.update_node("node-0", |n| {
        crate::controller::kubelet::registration::set_condition(
            n,
            "NetworkUnavailable",
            "True",
            "NoRouteCreated",
            "",
            now,
        )
    })
    .unwrap();
    c.create_daemonset(new_ds("foo", true)).unwrap();
    assert!(pods_per_node(&c, "foo").is_empty());
    let mut host = new_ds("host", true);
    host.spec.selector.as_mut().unwrap().match_labels = Some(labels(&[("app", "host")]));
    host.spec.template.metadata.labels = labels(&[("app", "host")]).into();
    host.spec.template.spec.settings.host_network = true;
    c.create_daemonset(host).unwrap();
    assert_eq!(pods_per_node(&c, "host").get("node-0"), Some(&1));
}

/// C06/C07: the controller does no resource check; the scheduler keeps the pod Pending.
#[test]
fn c06_insufficient_capacity_pod_is_created_and_stays_pending_with_the_scheduler_message() {
    let mut c = Cluster::new();
    let mut small = node("small", StringMap::new());
    small.status.allocatable = [
        ("cpu".to_string(), Quantity("100m".into())),
        ("memory".to_string(), Quantity("1Gi".into())),
        ("pods".to_string(), Quantity("110".into())),
    ]
    .into_iter()
    .collect();
    small.status.capacity = small.status.allocatable.clone();
    c.create_node(small).unwrap();
    let mut ds = new_ds("foo", true);
    ds.spec.template.spec.containers[0].resources = Some(ResourceRequirements {
        requests: [("cpu".to_string(), Quantity("500m".into()))].into(),
        ..Default::default()
    });
    c.create_daemonset(ds).unwrap();
    c.advance(30_000);
    let pod = c
        .store()
        .pods()
        .values()
        .next()
        .expect("the controller created the pod");
    assert_eq!(pod.status.phase, "Pending");
    assert!(pod.spec.node_name.is_empty());
    let cond = pod.condition("PodScheduled").unwrap();
    assert_eq!(cond.reason, "Unschedulable");
    assert!(
        cond.message
            .starts_with("0/1 nodes are available: 1 Insufficient cpu."),
        "{}",
        cond.message
    );
    assert_eq!(status(&c, "foo").desired_number_scheduled, 1);
}

#[test]
fn c08_c09_node_selector_launches_only_on_matching_nodes() {
    both(|rolling| {
        let mut c = Cluster::new();
        add_nodes(&mut c, 0, 4, StringMap::new());
        add_nodes(&mut c, 4, 3, n1());
        let mut ds = new_ds("foo", rolling);
        ds.spec.template.spec.settings.node_selector = n1();
        c.create_daemonset(ds).unwrap();
        assert_eq!(
            pods_per_node(&c, "foo").keys().cloned().collect::<Vec<_>>(),
            vec!["node-4", "node-5", "node-6"]
        );
        let mut bad = new_ds("bad", rolling);
        bad.spec.selector.as_mut().unwrap().match_labels = Some(labels(&[("app", "bad")]));
        bad.spec.template.metadata.labels = labels(&[("app", "bad")]).into();
        bad.spec.template.spec.settings.node_selector =
            labels(&[("color", "red"), ("speed", "fast")]);
        c.create_daemonset(bad).unwrap();
        assert!(pods_per_node(&c, "bad").is_empty());
    });
}

#[test]
fn c10_c11_node_name_and_selector() {
    both(|rolling| {
        let mut c = Cluster::new();
        add_nodes(&mut c, 0, 4, StringMap::new());
        add_nodes(&mut c, 4, 3, n1());
        for (name, node_name, selector, want) in [
            ("a", "node-0", false, vec!["node-0"]),
            ("b", "node-10", false, vec![]),
            ("c", "node-6", true, vec!["node-6"]),
            ("d", "node-0", true, vec![]),
        ] {
            let mut ds = new_ds(name, rolling);
            ds.spec.selector.as_mut().unwrap().match_labels = Some(labels(&[("app", name)]));
            ds.spec.template.metadata.labels = labels(&[("app", name)]).into();
            ds.spec.template.spec.node_name = node_name.into();
            if selector {
                ds.spec.template.spec.settings.node_selector = n1();
            }
            c.create_daemonset(ds).unwrap();
            let got: Vec<String> = pods_per_node(&c, name).keys().cloned().collect();
            assert_eq!(got, want, "DaemonSet {name}");
        }
    });
}

#[test]
fn c12_node_affinity_launches_pods() {
    let mut c = Cluster::new();
    add_nodes(&mut c, 0, 4, StringMap::new());
    add_nodes(&mut c, 4, 3, n1());
    let mut ds = new_ds("foo", true);
    ds.spec.template.spec.affinity = Some(
        Affinity {
            node_affinity: Some(NodeAffinity {
                required: Some(
                    NodeSelector {
                        node_selector_terms: vec![NodeSelectorTerm {
                            match_expressions: Some(vec![NodeSelectorRequirement {
                                key: "color".into(),
                                operator: "In".into(),
                                values: vec!["blue".into()],
                            }]),
                            match_fields: None,
                        }],
                    }
                    .into(),
                ),
                preferred: None,
            }),
            ..Default::default()
        }
        .into(),
    );
    c.create_daemonset(ds).unwrap();
    assert_eq!(pods_per_node(&c, "foo").len(), 3);
}

fn taint_node(c: &mut Cluster, name: &str, effect: &str) {
    let now = c.now();
    c.update_node(name, |n| {
        n.spec.taints.push(Taint {
            time_added: (effect == "NoExecute").then_some(now),
            ..Taint::new("dedicated", "user1", effect)
        })
    })
    .unwrap();
}

#[test]
fn c15_c16_tainted_node_needs_a_toleration() {
    both(|rolling| {
        let mut c = Cluster::new();
        add_nodes(&mut c, 0, 1, StringMap::new());
        taint_node(&mut c, "node-0", "NoSchedule");
        c.create_daemonset(new_ds("foo", rolling)).unwrap();
        assert!(pods_per_node(&c, "foo").is_empty());
        let mut tol = new_ds("tol", rolling);
        tol.spec.selector.as_mut().unwrap().match_labels = Some(labels(&[("app", "tol")]));
        tol.spec.template.metadata.labels = labels(&[("app", "tol")]).into();
        tol.spec.template.spec.tolerations = vec![Toleration {
            key: "dedicated".into(),
            value: "user1".into(),
            effect: "NoSchedule".into(),
            ..Default::default()
        }]
        .into();
        c.create_daemonset(tol).unwrap();
        assert_eq!(pods_per_node(&c, "tol").get("node-0"), Some(&1));
    });
}

#[test]
fn c17_no_schedule_taint_does_not_evict_a_running_intolerant_pod() {
    both(|rolling| {
        let mut c = Cluster::new();
        add_nodes(&mut c, 0, 1, StringMap::new());
        c.create_daemonset(new_ds("foo", rolling)).unwrap();
        c.settle(600_000);
        let deletes = count_events(&c, "SuccessfulDelete");
        taint_node(&mut c, "node-0", "NoSchedule");
        c.settle(600_000);
        assert_eq!(pods_per_node(&c, "foo").get("node-0"), Some(&1));
        assert_eq!(count_events(&c, "SuccessfulDelete"), deletes);
        let s = status(&c, "foo");
        assert_eq!((s.desired_number_scheduled, s.number_misscheduled), (0, 1));
    });
}

#[test]
fn c18_no_execute_taint_evicts_a_running_intolerant_pod() {
    both(|rolling| {
        let mut c = Cluster::new();
        add_nodes(&mut c, 0, 1, StringMap::new());
        c.create_daemonset(new_ds("foo", rolling)).unwrap();
        c.settle(600_000);
        taint_node(&mut c, "node-0", "NoExecute");
        assert!(
            pods_per_node(&c, "foo").is_empty(),
            "the pod is terminating at once"
        );
        c.settle(600_000);
        assert!(
            c.store().pods().is_empty(),
            "and gone once the kubelet stopped it; no replacement"
        );
    });
}

#[test]
fn c20_pressure_taints_are_tolerated_by_default() {
    let mut c = Cluster::new();
    add_nodes(&mut c, 0, 1, StringMap::new());
    for p in [Pressure::Memory, Pressure::Disk, Pressure::Pid] {
        c.set_node_pressure("node-0", p, true).unwrap();
    }
    let n0 = c.store().node("node-0").unwrap();
    assert!(n0.has_taint(taints::MEMORY_PRESSURE, "NoSchedule"));
    assert!(n0.has_taint(taints::PID_PRESSURE, "NoSchedule"));
    c.create_daemonset(new_ds("foo", true)).unwrap();
    assert_eq!(pods_per_node(&c, "foo").get("node-0"), Some(&1));
}

/// The hash the DaemonSet's template will have once its `nodeName` is cleared.
fn final_hash(c: &Cluster, ds_name: &str) -> String {
    let mut ds = c
        .store()
        .daemonset(&ObjectKey::new("default", ds_name))
        .unwrap()
        .clone();
    ds.spec.template.spec.node_name = Default::default();
    super::history::compute_hash(&ds, None)
}

/// `addPods`: a pod owned by `ds`, bound to `node`, carrying the current hash.
fn put_pod(c: &mut Cluster, ds_name: &str, node: &str, mut labels: StringMap, i: usize) {
    let ds = c
        .store()
        .daemonset(&ObjectKey::new("default", ds_name))
        .unwrap()
        .clone();
    let mut p = super::pod_template::new_daemon_pod(&ds, node, "");
    p.metadata.name = format!("{ds_name}-{node}-{i}").into();
    labels.insert(
        keys::CONTROLLER_REVISION_HASH.into(),
        final_hash(c, ds_name),
    );
    p.metadata.labels = labels.into();
    p.metadata.creation_timestamp = Some(Time(c.now().millis() + i as i64)).into();
    p.spec.node_name = node.into();
    c.w.store.put_pod(p);
}

#[test]
fn c22_deals_with_existing_pods_keeping_the_oldest() {
    both(|rolling| {
        let mut c = Cluster::new();
        // Nodes created before the DaemonSet, pods injected before its first sync.
        add_nodes(&mut c, 0, 5, StringMap::new());
        let mut ds = new_ds("foo", rolling);
        ds.spec.template.spec.node_name = "nowhere".into(); // keep the first sync idle
        c.create_daemonset(ds).unwrap();
        for (node, n) in [("node-1", 1), ("node-2", 2), ("node-3", 5)] {
            for i in 0..n {
                put_pod(&mut c, "foo", node, l1(), i);
            }
        }
        for i in 0..2 {
            put_pod(
                &mut c,
                "foo",
                "node-4",
                labels(&[("name", "simple-daemon"), ("type", "test")]),
                i,
            );
        }
        let creates = count_events(&c, "SuccessfulCreate");
        c.update_daemonset("default", "foo", |d| {
            d.spec.template.spec.node_name = Default::default()
        })
        .unwrap();
        let per = pods_per_node(&c, "foo");
        for n in ["node-0", "node-1", "node-2", "node-3", "node-4"] {
            assert_eq!(per.get(n), Some(&1), "{n}: {per:?}");
        }
        assert_eq!(count_events(&c, "SuccessfulCreate") - creates, 2);
        assert_eq!(count_events(&c, "SuccessfulDelete"), 5);
        // The oldest pods were kept, and the released L2 pods are no longer owned.
        let k = |n: &str| ObjectKey::new("default", n);
        assert!(
            !c.store()
                .pod(&k("foo-node-3-0"))
                .unwrap()
                .metadata
                .is_being_deleted()
        );
        let newest = c.store().pod(&k("foo-node-3-4"));
        assert!(
            newest.is_none_or(|p| p.metadata.is_being_deleted()),
            "the newest duplicate goes"
        );
        assert!(
            c.store()
                .pod(&k("foo-node-4-0"))
                .unwrap()
                .metadata
                .controller_ref()
                .is_none()
        );
    });
}

#[test]
fn c25_failed_pod_is_deleted_and_replaced() {
    both(|rolling| {
        let mut c = Cluster::new();
        add_nodes(&mut c, 0, 1, StringMap::new());
        c.create_daemonset(new_ds("foo", rolling)).unwrap();
        c.settle(600_000);
        let name = c.store().pods().keys().next().unwrap().name.clone();
        c.fail_pod("default", &name).unwrap();
        assert_eq!(count_events(&c, "FailedDaemonPod"), 1);
        assert!(
            c.store().pod(&ObjectKey::new("default", &name)).is_none(),
            "terminal pods are deleted at once"
        );
        assert_eq!(
            pods_per_node(&c, "foo").get("node-0"),
            Some(&1),
            "and replaced"
        );
        c.settle(600_000);
        assert_eq!(status(&c, "foo").number_ready, 1);
    });
}

#[test]
fn c26_failed_pods_backoff() {
    let mut c = Cluster::new();
    add_nodes(&mut c, 0, 1, StringMap::new());
    c.create_daemonset(new_ds("foo", true)).unwrap();
    let first = c.store().pods().keys().next().unwrap().name.clone();
    c.fail_pod("default", &first).unwrap();
    let second = c.store().pods().keys().next().unwrap().name.clone();
    assert_ne!(first, second);
    // Fails again within the 1 s window: it waits out the backoff before being deleted.
    c.fail_pod("default", &second).unwrap();
    assert!(c.store().pod(&ObjectKey::new("default", &second)).is_some());
    assert_eq!(count_events(&c, "FailedDaemonPod"), 1);
    c.advance(999);
    assert!(c.store().pod(&ObjectKey::new("default", &second)).is_some());
    c.advance(1);
    assert!(c.store().pod(&ObjectKey::new("default", &second)).is_none());
    assert_eq!(count_events(&c, "FailedDaemonPod"), 2);
}

#[test]
fn c27_terminating_pod_is_not_replaced_without_surge() {
    let mut c = Cluster::new();
    add_nodes(&mut c, 0, 1, n1());
    c.create_daemonset(new_ds("foo", false)).unwrap();
    c.settle(600_000);
    let name = c.store().pods().keys().next().unwrap().name.clone();
    c.delete_pod("default", &name, Some(30), false, false)
        .unwrap();
    assert_eq!(
        c.store().pods().len(),
        1,
        "no replacement while it terminates"
    );
    c.settle(600_000);
    assert_eq!(
        pods_per_node(&c, "foo").get("node-0"),
        Some(&1),
        "replaced once it is gone"
    );
    assert_ne!(c.store().pods().keys().next().unwrap().name, name);
}

#[test]
fn c30_daemonset_being_deleted_does_nothing() {
    let mut c = Cluster::new();
    c.create_daemonset(new_ds("foo", true)).unwrap();
    c.delete_daemonset("default", "foo", Cascade::Foreground)
        .unwrap();
    add_nodes(&mut c, 0, 5, StringMap::new());
    assert!(c.store().pods().is_empty());
    assert!(
        c.store()
            .daemonset(&ObjectKey::new("default", "foo"))
            .is_none(),
        "removed once no pod is left"
    );
}

#[test]
fn c31_empty_selector_selects_all_and_does_nothing() {
    let mut c = Cluster::new();
    add_nodes(&mut c, 0, 1, labels(&[("foo", "bar")]));
    let mut ds = new_ds("foo", true);
    ds.spec.selector = Some(LabelSelector::default());
    ds.spec.template.spec.settings.node_selector = labels(&[("foo", "bar")]);
    ds.metadata.uid = "u".into();
    ds.metadata.more.generation = 1;
    c.w.store.put_daemonset(ds); // validation would refuse it (V6); the controller must cope
    c.reconcile();
    assert!(c.store().pods().is_empty());
    assert_eq!(count_events(&c, "SelectingAll"), 1);
}

#[test]
fn c32_c33_status_after_launching_and_readiness() {
    both(|rolling| {
        let mut c = Cluster::new();
        add_nodes(&mut c, 0, 5, StringMap::new());
        c.create_daemonset(new_ds("foo", rolling)).unwrap();
        let s = status(&c, "foo");
        assert_eq!(
            (
                s.desired_number_scheduled,
                s.current_number_scheduled,
                s.number_ready
            ),
            (5, 5, 0)
        );
        assert_eq!(s.observed_generation, 1);
        let r = c.settle(600_000);
        assert!(r.settled);
        let s = status(&c, "foo");
        assert_eq!(
            (
                s.number_ready,
                s.number_available,
                s.updated_number_scheduled,
                s.number_unavailable
            ),
            (5, 5, 5, 0)
        );
    });
}

#[test]
fn c39_surge_deals_with_existing_pods() {
    let mut c = Cluster::new();
    add_nodes(&mut c, 0, 5, StringMap::new());
    let mut ds = new_ds("foo", true);
    ds.spec.update_strategy.rolling_update = Some(RollingUpdateDaemonSet {
        max_unavailable: Some(IntOrString::Int(0)),
        max_surge: Some(IntOrString::Int(1)),
    });
    ds.spec.template.spec.node_name = "nowhere".into();
    c.create_daemonset(ds).unwrap();
    for (node, n) in [("node-1", 1), ("node-2", 2), ("node-3", 5)] {
        for i in 0..n {
            put_pod(&mut c, "foo", node, l1(), i);
        }
    }
    c.update_daemonset("default", "foo", |d| {
        d.spec.template.spec.node_name = Default::default()
    })
    .unwrap();
    let per = pods_per_node(&c, "foo");
    assert_eq!(per.len(), 5);
    // node-2 and node-3 keep at most an old and a new pod while surging.
    assert!(per.values().all(|n| *n <= 2), "{per:?}");
}

/// Derived D2: a node losing the selected label loses its pod (shouldContinueRunning false).
#[test]
fn d2_node_losing_its_label_loses_its_pod() {
    let mut c = Cluster::new();
    add_nodes(&mut c, 0, 2, labels(&[("disk", "ssd")]));
    let mut ds = new_ds("foo", true);
    ds.spec.template.spec.settings.node_selector = labels(&[("disk", "ssd")]);
    c.create_daemonset(ds).unwrap();
    c.settle(600_000);
    c.update_node("node-1", |n| {
        n.metadata.labels.remove("disk");
    })
    .unwrap();
    c.settle(600_000);
    assert_eq!(
        pods_per_node(&c, "foo").keys().cloned().collect::<Vec<_>>(),
        vec!["node-0"]
    );
    assert_eq!(status(&c, "foo").desired_number_scheduled, 1);
}

/// Spec §13: `--cascade=orphan` leaves the pods; a new DaemonSet with a matching selector adopts
/// them instead of creating new ones.
#[test]
fn orphaned_pods_are_adopted_by_a_new_daemonset_spec_13() {
    let mut c = Cluster::new();
    add_nodes(&mut c, 0, 3, StringMap::new());
    c.create_daemonset(new_ds("foo", true)).unwrap();
    c.settle(600_000);
    c.delete_daemonset("default", "foo", Cascade::Orphan)
        .unwrap();
    c.settle(600_000);
    assert_eq!(c.store().pods().len(), 3);
    assert!(
        c.store()
            .pods()
            .values()
            .all(|p| p.metadata.controller_ref().is_none())
    );
    let creates = count_events(&c, "SuccessfulCreate");
    c.create_daemonset(new_ds("foo", true)).unwrap();
    c.settle(600_000);
    assert_eq!(
        count_events(&c, "SuccessfulCreate"),
        creates,
        "adopted, not recreated"
    );
    assert!(
        c.store()
            .pods()
            .values()
            .all(|p| p.metadata.controller_ref().is_some())
    );
    // Background deletion then takes the pods with it.
    c.delete_daemonset("default", "foo", Cascade::Background)
        .unwrap();
    c.settle(600_000);
    assert!(c.store().pods().is_empty());
    assert!(c.store().revisions().is_empty());
}

/// Spec §7 / issue: deleting a node leaves its bound pod to PodGC, which removes it after the
/// quarantine.
#[test]
fn deleted_node_pods_are_garbage_collected_by_pod_gc() {
    let mut c = Cluster::new();
    add_nodes(&mut c, 0, 2, StringMap::new());
    c.create_daemonset(new_ds("foo", true)).unwrap();
    c.settle(600_000);
    c.delete_node("node-1").unwrap();
    assert_eq!(
        c.store().pods().len(),
        2,
        "the DaemonSet controller leaves bound pods alone"
    );
    c.advance(40_000);
    assert_eq!(c.store().pods().len(), 1);
    assert_eq!(status(&c, "foo").desired_number_scheduled, 1);
}

/// Issue 3 item 9: a label change on one node of many evaluates that node only.
#[test]
fn label_change_on_one_node_evaluates_only_that_node() {
    let mut c = Cluster::new();
    add_nodes(&mut c, 0, 1000, StringMap::new());
    c.create_daemonset(new_ds("foo", true)).unwrap();
    c.settle(600_000);
    let before = c.placement_evaluations();
    c.update_node("node-500", |n| {
        n.metadata.labels.insert("x".into(), "y".into());
    })
    .unwrap();
    let spent = c.placement_evaluations() - before;
    assert!(
        spent <= 4,
        "evaluated {spent} placements for one node's change"
    );
}

/// Spec §7.1: at most `BURST_REPLICAS` creates per sync; the rest follow in later syncs, while
/// the status counts every node from the first sync. The nodes left over are taken a burst at a
/// time, so creating on N nodes evaluates each node a bounded number of times, not once per
/// burst.
#[test]
fn s7_1_creates_come_in_bursts_and_each_node_is_evaluated_a_bounded_number_of_times() {
    let mut c = Cluster::new();
    let n = 10 * super::BURST_REPLICAS;
    add_nodes(&mut c, 0, n, StringMap::new());
    let before = (c.placement_evaluations(), c.daemonset_syncs());
    c.create_daemonset(new_ds("foo", true)).unwrap();
    assert_eq!(pods_per_node(&c, "foo").len(), n);
    // Every create is reported, but client-go's spam filter lets one source record at most
    // 25 events about one object at once (issue 24: the EventCorrelator).
    assert_eq!(count_events(&c, "SuccessfulCreate"), 25);
    assert_eq!(status(&c, "foo").desired_number_scheduled, n as i64);
    let spent = c.placement_evaluations() - before.0;
    let syncs = c.daemonset_syncs() - before.1;
    assert!(syncs >= 10, "{syncs} syncs created {n} pods");
    assert!(
        spent <= 5 * n as u64,
        "evaluated {spent} placements for {n} nodes"
    );
}

/// Spec §6.1: a sync's creates, observed, do not bring their nodes back into the next sync
/// (the node's decision cannot change: see `DsCache::observed_own_create`); the scheduler's
/// binding of each pod, a change that is not the controller's own, does. Two nodes: the first
/// sync evaluates both and creates both pods, the next one (after the creates and the
/// bindings) evaluates each node once more, for its binding only (6 before this).
#[test]
fn s6_1_own_creates_observed_do_not_revisit_the_node_but_a_binding_does() {
    let mut c = Cluster::new();
    add_nodes(&mut c, 0, 2, StringMap::new());
    let before = c.placement_evaluations();
    c.create_daemonset(new_ds("foo", true)).unwrap();
    assert_eq!(c.placement_evaluations() - before, 4);
    assert_eq!(pods_per_node(&c, "foo").len(), 2);
    let pod = c.store().pods().values().next().unwrap().clone();
    assert!(!pod.spec.node_name.is_empty(), "bound");
    // The created pod deleted by someone else: its node is visited and the pod created again.
    let before = c.placement_evaluations();
    c.delete_pod("default", pod.name(), Some(0), true, false)
        .unwrap();
    c.settle(600_000);
    assert!(c.placement_evaluations() - before >= 1);
    assert_eq!(pods_per_node(&c, "foo").len(), 2);
    assert_eq!(status(&c, "foo").current_number_scheduled, 2);
}

/// Image pulls that fail leave the pod in ErrImagePull / ImagePullBackOff, never Ready, and
/// `sim settle` still settles (the retries change nothing).
#[test]
fn unpullable_image_stays_in_image_pull_back_off_and_settles() {
    let mut c = Cluster::new();
    add_nodes(&mut c, 0, 1, StringMap::new());
    c.set_image_pullable("foo/bar", false);
    c.create_daemonset(new_ds("foo", true)).unwrap();
    let r = c.settle(600_000);
    assert!(r.settled);
    let pod = c.store().pods().values().next().unwrap();
    let waiting = pod.status.container_statuses[0]
        .state
        .waiting
        .as_ref()
        .unwrap();
    assert_eq!(waiting.reason, "ImagePullBackOff");
    assert!(!pod.is_ready());
    c.set_image_pullable("foo/bar", true);
    assert!(c.settle(600_000).settled);
    assert!(c.store().pods().values().next().unwrap().is_ready());
}

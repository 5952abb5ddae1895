//! Property tests (issue 3): random clusters, random DaemonSets and random node operations; after
//! settling, exactly one pod per node where shouldRun holds, none where shouldContinueRunning is
//! false, and status numbers consistent with the pods (spec §5, §7, §11).

use crate::api::*;
use crate::cluster::{Cluster, NodeReadiness};
use crate::placement::node_should_run_daemon_pod;
use crate::testutil;
use proptest::prelude::*;

#[derive(Debug, Clone)]
pub(super) enum Op {
    Label(usize, usize, bool),
    Taint(usize, usize, usize, bool),
    Cordon(usize, bool),
    Readiness(usize, u8),
    AddNode(usize),
    DeleteNode(usize),
    Advance(u32),
}

const KEYS: [&str; 3] = ["zone", "disk", "gpu"];
const VALUES: [&str; 2] = ["a", "b"];
const EFFECTS: [&str; 3] = ["NoSchedule", "NoExecute", "PreferNoSchedule"];

pub(super) fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..8usize, 0..6usize, any::<bool>()).prop_map(|(n, l, on)| Op::Label(n, l, on)),
        (0..8usize, 0..3usize, 0..3usize, any::<bool>())
            .prop_map(|(n, k, e, on)| Op::Taint(n, k, e, on)),
        (0..8usize, any::<bool>()).prop_map(|(n, on)| Op::Cordon(n, on)),
        (0..8usize, 0..3u8).prop_map(|(n, r)| Op::Readiness(n, r)),
        (0..8usize).prop_map(Op::AddNode),
        (0..8usize).prop_map(Op::DeleteNode),
        (0..120_000u32).prop_map(Op::Advance),
    ]
}

pub(super) fn daemonset(
    selector: Option<usize>,
    tolerate: Option<(usize, usize)>,
    surge: bool,
) -> DaemonSet {
    let mut ds = testutil::daemonset("p", testutil::labels(&[("app", "p")]), "c", "img");
    if let Some(l) = selector {
        ds.spec.template.spec.settings.node_selector =
            [(KEYS[l % 3].to_string(), VALUES[l / 3 % 2].to_string())].into();
    }
    if let Some((k, e)) = tolerate {
        ds.spec.template.spec.tolerations = vec![Toleration {
            key: KEYS[k].into(),
            operator: "Exists".into(),
            effect: EFFECTS[e].into(),
            ..Default::default()
        }]
        .into();
    }
    ds.spec.update_strategy = DaemonSetUpdateStrategy {
        type_: ROLLING_UPDATE.into(),
        rolling_update: Some(RollingUpdateDaemonSet {
            max_unavailable: Some(IntOrString::Int(if surge { 0 } else { 1 })),
            max_surge: Some(IntOrString::Int(if surge { 1 } else { 0 })),
        }),
    };
    ds
}

pub(super) fn apply(c: &mut Cluster, op: &Op) {
    let name = |n: usize| format!("n{n}");
    let now = c.now();
    let _ = match op {
        Op::Label(n, l, on) => c.update_node(&name(*n), |node| {
            let (k, v) = (KEYS[l % 3], VALUES[l / 3 % 2]);
            if *on {
                node.metadata.labels.insert(k.into(), v.into());
            } else {
                node.metadata.labels.remove(k);
            }
        }),
        Op::Taint(n, k, e, on) => c.update_node(&name(*n), |node| {
            node.spec
                .taints
                .retain(|t| !(t.key == KEYS[*k] && t.effect == EFFECTS[*e]));
            if *on {
                node.spec.taints.push(Taint {
                    time_added: Some(now),
                    ..Taint::new(KEYS[*k], "x", EFFECTS[*e])
                });
            }
        }),
        Op::Cordon(n, on) => c.update_node(&name(*n), |node| node.spec.unschedulable = *on),
        Op::Readiness(n, r) => {
            let r = [
                NodeReadiness::Ready,
                NodeReadiness::NotReady,
                NodeReadiness::Unreachable,
            ][*r as usize];
            c.set_node_readiness(&name(*n), r).map(|_| true)
        }
        Op::AddNode(n) => c
            .create_node(testutil::node(&name(*n), StringMap::new()))
            .map(|_| true),
        Op::DeleteNode(n) => c.delete_node(&name(*n)).map(|_| true),
        Op::Advance(ms) => {
            c.advance(i64::from(*ms));
            Ok(true)
        }
    };
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn settled_cluster_has_one_pod_per_eligible_node_and_consistent_status(
        nodes in 1..6usize,
        selector in proptest::option::of(0..6usize),
        tolerate in proptest::option::of((0..3usize, 0..3usize)),
        surge in any::<bool>(),
        ops in proptest::collection::vec(op(), 0..12),
    ) {
        let mut c = Cluster::new();
        for n in 0..nodes {
            apply(&mut c, &Op::AddNode(n));
        }
        c.create_daemonset(daemonset(selector, tolerate, surge)).unwrap();
        for o in &ops {
            apply(&mut c, o);
        }
        prop_assert!(c.settle(3_600_000).settled);
        let ds = c.store().daemonset(&ObjectKey::new("default", "p")).unwrap().clone();
        let (mut desired, mut misscheduled) = (0, 0);
        for node in c.store().nodes().values() {
            let should = node_should_run_daemon_pod(node, &ds);
            let live = c.store().pods_on_node(node.name()).filter(|p| !p.metadata.is_being_deleted()).count();
            if should.should_run {
                desired += 1;
                prop_assert_eq!(live, 1, "node {} should run exactly one pod", node.name());
            } else if !should.should_continue_running {
                prop_assert_eq!(live, 0, "node {} may not keep a pod", node.name());
            }
            // Status counts terminating pods as scheduled (spec §11): on an unreachable node an
            // evicted pod stays Terminating, and the node stays misscheduled.
            let scheduled = c
                .store()
                .pods_on_node(node.name())
                .any(|p| !(p.is_terminal() && p.metadata.is_being_deleted()));
            if !should.should_run && scheduled {
                misscheduled += 1;
            }
        }
        let s = &ds.status;
        prop_assert_eq!(s.desired_number_scheduled, desired);
        prop_assert_eq!(s.number_misscheduled, misscheduled);
        prop_assert!(s.number_available <= s.number_ready);
        prop_assert!(s.number_ready <= s.current_number_scheduled);
        prop_assert!(s.current_number_scheduled <= s.desired_number_scheduled);
        prop_assert_eq!(s.number_unavailable, s.desired_number_scheduled - s.number_available);
    }
}

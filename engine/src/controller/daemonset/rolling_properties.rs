//! Property tests of rolling updates (issue 5, spec §8), sampled on the virtual clock:
//!
//! - maxSurge = 0: at no sampled instant do more nodes lack an available pod than maxUnavailable
//!   plus the nodes already lacking one when the rollout began (the rollout may start while the
//!   first pods are still starting, and a second template change may come in the middle);
//! - maxSurge > 0: no node ever holds more than two live pods of the DaemonSet, and at most
//!   maxSurge nodes hold a new pod that is not yet available next to an old one.
//!
//! Availability is the controller's: a terminating pod does not count, and minReadySeconds does.

use crate::api::*;
use crate::cluster::Cluster;
use crate::testutil::{daemonset, labels, node};
use proptest::prelude::*;

fn budget() -> impl Strategy<Value = IntOrString> {
    prop_oneof![
        (1..4i64).prop_map(IntOrString::Int),
        (1..=100i64).prop_map(|p| IntOrString::String(format!("{p}%"))),
    ]
}

fn start(nodes: usize, ru: RollingUpdateDaemonSet, min_ready: i64) -> Cluster {
    let mut c = Cluster::new();
    for i in 0..nodes {
        c.create_node(node(&format!("node-{i}"), StringMap::new()))
            .unwrap();
    }
    c.set_image_pullable("img:bad", false);
    let mut ds = daemonset("ds", labels(&[("app", "ds")]), "c", "img:1");
    ds.spec.min_ready_seconds = min_ready;
    ds.spec.update_strategy = DaemonSetUpdateStrategy {
        type_: ROLLING_UPDATE.into(),
        rolling_update: Some(ru),
    };
    c.create_daemonset(ds).unwrap();
    c
}

fn set_image(c: &mut Cluster, image: &str) {
    c.update_daemonset("default", "ds", |d| {
        d.spec.template.spec.containers[0].image = image.into()
    })
    .unwrap();
}

fn live_pods<'a>(c: &'a Cluster, node: &str) -> Vec<&'a Pod> {
    c.store()
        .pods_on_node(node)
        .filter(|p| !p.metadata.is_being_deleted())
        .collect()
}

/// Nodes without an available (live) pod.
fn lacking(c: &Cluster, min_ready: i64) -> i64 {
    let now = c.now();
    c.store()
        .nodes()
        .keys()
        .filter(|n| {
            !live_pods(c, n)
                .iter()
                .any(|p| p.is_available(min_ready, now))
        })
        .count() as i64
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn max_unavailable_bounds_nodes_without_an_available_pod(
        nodes in 1..7usize,
        max_unavailable in budget(),
        min_ready in 0..4i64,
        head_start_ms in 0..6_000i64,
        images in proptest::collection::vec(prop_oneof![Just("img:2"), Just("img:bad"), Just("img:3")], 1..3),
        second_after_ms in 0..20_000i64,
        step_ms in 100..1_500i64,
    ) {
        let ru = RollingUpdateDaemonSet {
            max_unavailable: Some(max_unavailable.clone()),
            max_surge: Some(IntOrString::Int(0)),
        };
        let mut c = start(nodes, ru, min_ready);
        c.advance(head_start_ms);
        let allowed = max_unavailable.scaled_value(nodes as i64, true).unwrap().max(1);
        let before = lacking(&c, min_ready);
        set_image(&mut c, images[0]);
        let mut second = images.get(1).copied();
        let mut elapsed = 0;
        while elapsed < 120_000 {
            let now_lacking = lacking(&c, min_ready);
            prop_assert!(
                now_lacking <= allowed + before,
                "{now_lacking} nodes lack an available pod; budget {allowed}, {before} at the start"
            );
            if elapsed >= second_after_ms && let Some(img) = second.take() {
                set_image(&mut c, img);
            }
            c.advance(step_ms);
            elapsed += step_ms;
        }
    }

    #[test]
    fn max_surge_bounds_pods_per_node_and_unavailable_surge_pods(
        nodes in 1..7usize,
        max_surge in budget(),
        min_ready in 0..4i64,
        image in prop_oneof![Just("img:2"), Just("img:bad")],
        step_ms in 100..1_500i64,
    ) {
        let ru = RollingUpdateDaemonSet {
            max_unavailable: Some(IntOrString::Int(0)),
            max_surge: Some(max_surge.clone()),
        };
        let mut c = start(nodes, ru, min_ready);
        prop_assert!(c.settle(600_000).settled);
        let allowed = max_surge.scaled_value(nodes as i64, true).unwrap();
        set_image(&mut c, image);
        let mut elapsed = 0;
        while elapsed < 120_000 {
            let now = c.now();
            let mut surging = 0;
            for n in c.store().nodes().keys() {
                let pods = live_pods(&c, n);
                prop_assert!(pods.len() <= 2, "{} live pods on {n}", pods.len());
                let new_unavailable = pods.iter().any(|p| {
                    p.spec.containers[0].image == image && !p.is_available(min_ready, now)
                });
                let old = pods.iter().any(|p| p.spec.containers[0].image != image);
                if new_unavailable && old {
                    surging += 1;
                }
            }
            prop_assert!(surging <= allowed, "{surging} nodes surging; maxSurge {allowed}");
            c.advance(step_ms);
            elapsed += step_ms;
        }
        if image == "img:2" {
            prop_assert!(c.store().pods().values().all(|p| p.spec.containers[0].image == "img:2"));
        }
    }
}

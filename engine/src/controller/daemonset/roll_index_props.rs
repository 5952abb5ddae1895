//! The rolling update keeps each node's part of upstream's walk and recomputes only the nodes
//! that changed (`roll_index::RollIndex`). Property: at every instant after the controllers
//! have run, its plan equals the plan of a full walk over every node (spec §8.2, §8.3), through
//! random node operations, template changes (rollouts), unpullable images and minReadySeconds.

use super::properties::{Op, apply, daemonset, op};
use super::roll_index::{self, Plan};
use super::{DaemonSetController, selector_of};
use crate::api::{IntOrString, ObjectKey};
use crate::cluster::Cluster;
use crate::placement::ShouldRun;
use crate::state::World;
use proptest::prelude::*;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
enum RollOp {
    Node(Op),
    /// A new image: a rollout starts; image 3 cannot be pulled.
    Image(u8),
    /// A short step, so that instants inside a rollout are sampled.
    Step(u16),
}

fn roll_op() -> impl Strategy<Value = RollOp> {
    prop_oneof![
        2 => op().prop_map(RollOp::Node),
        1 => (0..4u8).prop_map(RollOp::Image),
        3 => (0..20_000u16).prop_map(RollOp::Step),
    ]
}

type PlanResult = Result<Plan, String>;

/// For each synced DaemonSet with no work pending: the rolling-update plan from the cached
/// per-node parts, and the plan of a full walk over every node, which must be equal.
fn roll_plans_against_full_walk(
    dsc: &DaemonSetController,
    w: &World,
) -> Vec<(ObjectKey, PlanResult, PlanResult)> {
    let mut out = Vec::new();
    for (key, cache) in &dsc.caches {
        let Some(ds) = w.store.daemonset(key) else {
            continue;
        };
        if cache.hash.is_empty() || cache.all_dirty || !cache.dirty.is_empty() {
            continue;
        }
        let selector = selector_of(ds);
        let uid = &ds.metadata.uid.to_string();
        let decisions: BTreeMap<String, ShouldRun> = w
            .store
            .nodes()
            .iter()
            .map(|(name, n)| (name.clone(), cache.policy.should_run(n)))
            .collect();
        let mut m = roll_index::NodePodRefs::new();
        for node in w.store.nodes_with_pods_of(uid) {
            let pods = w
                .store
                .owned_pods_on_node(uid, node)
                .filter(|p| p.metadata.namespace == ds.metadata.namespace)
                .filter(|p| selector.matches(&p.metadata.labels))
                .filter(|p| !(p.is_terminal() && p.metadata.is_being_deleted()));
            m.entry(node.to_string()).or_default().extend(pods);
        }
        let full = roll_index::rolling_update(ds, &decisions, m, &cache.hash, w.clock.now());
        out.push((key.clone(), cache.roll.plan(ds), full));
    }
    out
}

fn check(c: &Cluster) -> Result<(), TestCaseError> {
    for (key, cached, full) in roll_plans_against_full_walk(&c.daemonsets, &c.w) {
        prop_assert_eq!(cached, full, "DaemonSet {:?}", key);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn s8_incremental_rolling_update_plans_as_the_full_walk(
        nodes in 1..7usize,
        selector in proptest::option::of(0..6usize),
        surge in any::<bool>(),
        max in 1..3i64,
        min_ready in 0..20i64,
        ops in proptest::collection::vec(roll_op(), 0..24),
    ) {
        let mut c = Cluster::new();
        c.set_image_pullable("img-3", false);
        for n in 0..nodes {
            apply(&mut c, &Op::AddNode(n));
        }
        let mut ds = daemonset(selector, None, surge);
        ds.spec.min_ready_seconds = min_ready;
        if let Some(ru) = ds.spec.update_strategy.rolling_update.as_mut() {
            if surge {
                ru.max_surge = Some(IntOrString::Int(max));
            } else {
                ru.max_unavailable = Some(IntOrString::Int(max));
            }
        }
        c.create_daemonset(ds).unwrap();
        check(&c)?;
        for o in &ops {
            match o {
                RollOp::Node(op) => apply(&mut c, op),
                RollOp::Image(i) => {
                    let image = format!("img-{i}");
                    let _ = c.update_daemonset("default", "p", |d| {
                        d.spec.template.spec.containers[0].image = image;
                    });
                }
                RollOp::Step(ms) => c.advance(i64::from(*ms)),
            }
            check(&c)?;
        }
    }
}

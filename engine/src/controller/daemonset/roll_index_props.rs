//! The rolling update keeps each node's part of upstream's walk and recomputes only the nodes
//! that changed (`rolling_update::RollIndex`). Property: at every instant after the controllers
//! have run, its plan equals the plan of a full walk over every node (spec §8.2, §8.3), through
//! random node operations, template changes (rollouts), unpullable images and minReadySeconds.

use super::properties::{Op, apply, daemonset, op};
use crate::api::IntOrString;
use crate::cluster::Cluster;
use proptest::prelude::*;

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

fn check(c: &Cluster) -> Result<(), TestCaseError> {
    for (key, cached, full) in c.daemonsets.roll_plans_against_full_walk(&c.w) {
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

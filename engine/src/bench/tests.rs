//! The benchmark scenarios at a small size, so that `cargo test` checks they still run and
//! measure what they claim.

use super::*;

struct FakeHost;
impl Host for FakeHost {
    fn now_ms(&self) -> f64 {
        0.0
    }
    fn heap_bytes(&self) -> Option<usize> {
        None
    }
}

#[test]
fn create_scenario_ends_with_a_pod_per_node_and_daemonset() {
    let m = create_and_label(&FakeHost, 5, 3);
    let settle = m.iter().find(|m| m.scenario == "settle").unwrap();
    assert_eq!(settle.pods, 15);
    let label = m.iter().find(|m| m.scenario == "label-change").unwrap();
    // One node changed: each DaemonSet evaluates that node once.
    assert_eq!(label.evaluations, 3);
}

#[test]
fn rollout_scenario_replaces_every_pod() {
    let m = rollout(&FakeHost, 4, "1");
    assert_eq!(m[0].pods, 4);
    assert!(m[0].virtual_millis > 0);
}

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

#[test]
fn schedstat_gives_the_first_field_in_milliseconds() {
    assert_eq!(schedstat_cpu_ms("1234567890 55 12\n"), Some(1234.56789));
    assert_eq!(schedstat_cpu_ms(""), None);
    assert_eq!(schedstat_cpu_ms("x 1 2"), None);
}

#[test]
fn cpu_time_is_the_difference_the_host_reports() {
    struct Ticking(std::cell::Cell<f64>);
    impl Host for Ticking {
        fn now_ms(&self) -> f64 {
            0.0
        }
        fn heap_bytes(&self) -> Option<usize> {
            None
        }
        fn cpu_ms(&self) -> Option<f64> {
            let t = self.0.get();
            self.0.set(t + 2.5);
            Some(t)
        }
    }
    let m = rollout(&Ticking(std::cell::Cell::new(10.0)), 2, "1");
    assert!(m.iter().all(|m| m.cpu_millis == Some(2.5)));
    assert!(
        create_and_label(&FakeHost, 2, 1)
            .iter()
            .all(|m| m.cpu_millis.is_none())
    );
}

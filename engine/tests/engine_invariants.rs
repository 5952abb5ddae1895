//! The stable twin of the `engine_commands` fuzz target (issue 10): random operation sequences
//! (labels, taints, cordon, drain, node readiness and pressure, node deletion, DaemonSets with
//! every strategy, image changes, rollbacks, restarts, unpullable images, time) through
//! `Session::execute`, with the invariants checked after every command.

use dsplay_engine::fuzzing::{commands_from_bytes, run_and_check};
use proptest::prelude::*;

proptest! {
    // 96 cases unless PROPTEST_CASES asks for another number (a longer run by hand).
    #![proptest_config(ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() { ProptestConfig::default().cases } else { 96 },
        ..ProptestConfig::default()
    })]

    #[test]
    fn invariants_hold_after_every_command(bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
        let steps = commands_from_bytes(&bytes);
        if let Err(report) = run_and_check(&steps) {
            prop_assert!(false, "{}", report);
        }
    }
}

/// Every fuzz corpus input of `engine_commands` (and every crash saved in regressions/) replays
/// with the invariants holding.
#[test]
fn engine_commands_corpus_replays_cleanly() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    for dir in ["corpus/engine_commands", "regressions/engine_commands"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            if let Err(report) = run_and_check(&commands_from_bytes(&bytes)) {
                panic!("{}: {report}", entry.path().display());
            }
        }
    }
}

/// The case proptest once shrank to (the seed in engine_invariants.proptest-regressions): a
/// surging DaemonSet mid-rollout (old and new pod on n0), n0 deleted, then the DaemonSet switched
/// to OnDelete. Spec §7: the controller leaves the two pods bound to the vanished n0 to PodGC, so
/// the non-surge "at most one per node" holds only on nodes that exist.
#[test]
fn spec_7_pods_on_a_deleted_node_after_surge_then_on_delete() {
    let bytes = [
        0, 19, 0, 1, 0, 83, 0, 1, 0, 1, 0, 1, 5, 0, 0, 19, 24, 8, 0, 71, 2, 0, 0, 29, 0, 7, 2, 0,
        0, 7, 0, 29, 59, 0, 0, 32, 2, 146, 204, 13, 27, 206, 219, 192, 159, 145, 180, 24, 193, 248,
        192, 202, 105, 232, 80, 1, 250, 96, 72,
    ];
    let steps = commands_from_bytes(&bytes);
    assert_eq!(
        steps.last().map(|s| s.line.as_str()),
        Some("kubectl apply -f -"),
        "the generator no longer yields the recorded sequence"
    );
    assert!(steps.iter().any(|s| s.line == "kubectl delete node n0"));
    if let Err(report) = run_and_check(&steps) {
        panic!("{report}");
    }
}

//! The stable twin of the `engine_commands` fuzz target (issue 10): random operation sequences
//! (labels, taints, cordon, drain, node readiness and pressure, node deletion, DaemonSets with
//! every strategy, image changes, rollbacks, restarts, unpullable images, time) through
//! `Session::execute`, with the invariants checked after every command.

use dsplay_engine::fuzzing::{commands_from_bytes, run_and_check};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

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

//! Random operation sequences against the whole simulated cluster through `Session::execute`,
//! the invariants checked after every command (`dsplay_engine::fuzzing`). A broken invariant is
//! a crash, so libFuzzer keeps the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let steps = dsplay_engine::fuzzing::commands_from_bytes(&data[..data.len().min(200)]);
    if let Err(report) = dsplay_engine::fuzzing::run_and_check(&steps) {
        panic!("{report}");
    }
});

//! Arbitrary text as a scenario script or a console line: read (quotes, continuations,
//! here-documents) and every line parsed as a command; and as a lesson (directives, Markdown,
//! goals). Must never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dsplay_engine::fuzzing::read_script_and_lesson(&String::from_utf8_lossy(data));
});

//! Arbitrary text as a scenario script or a console line: read (quotes, continuations,
//! here-documents) and every line parsed as a command. Must never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(lines) = dsplay_engine::script::read_script(&text) {
        for line in &lines {
            let _ = dsplay_engine::command::parse_command_full(&line.args);
        }
    }
});

//! Arbitrary bytes as a manifest pasted into the editor: decoded (YAML, strict decoding,
//! limits) and validated as `kubectl apply` would meet it. Must never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = dsplay_engine::manifest::problems(&text);
});

//! A share link is hostile input: anything after `#` reaches the decoder when a page opens.
//! The first byte picks how the rest is wrapped, so that the fuzzer reaches past base64 and
//! deflate into the JSON, the checks and the replay:
//! 0: the bytes are the fragment; 1: `j1:` + base64url(bytes), the JSON as is;
//! 2: `v1:` + base64url(deflate(bytes)), the format links are written in.
//! Whatever decodes is also restored (its script replayed on an empty cluster), and encoding
//! the result must decode to the same scenario. Nothing may panic or hang.
#![no_main]

use daemonset_playground::share;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let fragment = share::fragment_for_fuzzing(mode, rest);
    if let Ok(scenario) = share::decode(&fragment) {
        let again = share::decode(&share::encode(&scenario)).expect("an encoded scenario decodes");
        assert_eq!(again, scenario, "encode then decode gives the scenario back");
        let _ = share::restore(&scenario);
    }
});

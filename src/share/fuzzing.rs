//! How the `share_link` fuzz target (`fuzz/`) and the replay of its corpus (`cargo test`) turn
//! bytes into a fragment: the first byte picks the wrapping, so that inputs reach past base64
//! and deflate into the scenario's JSON.

use super::base64url;

/// The fragment (without `#`) that `bytes` stand for under `mode`: 0 (and any other value) the
/// bytes themselves, 1 `j1:` of the bytes as JSON, 2 `v1:` of the bytes deflated.
pub fn fragment_for_fuzzing(mode: u8, bytes: &[u8]) -> String {
    match mode % 3 {
        1 => format!("j1:{}", base64url::encode(bytes)),
        2 => {
            let packed = miniz_oxide::deflate::compress_to_vec(bytes, 6);
            format!("v1:{}", base64url::encode(&packed))
        }
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    //! Every input the `share_link` fuzzer kept, its seeds, and every crash it ever finds
    //! (`fuzz/regressions/share_link/`) replayed as the target does: decode, round-trip,
    //! restore. None may panic.

    use super::fragment_for_fuzzing;
    use crate::share::{decode, encode, restore};
    use std::path::Path;

    fn replay(dir: &str) -> usize {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz").join(dir);
        let Ok(entries) = std::fs::read_dir(root) else {
            return 0;
        };
        let mut decoded = 0;
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).expect("read a corpus file");
            let Some((&mode, rest)) = bytes.split_first() else {
                continue;
            };
            if let Ok(scenario) = decode(&fragment_for_fuzzing(mode, rest)) {
                assert_eq!(decode(&encode(&scenario)).as_ref(), Ok(&scenario));
                let _ = restore(&scenario);
                decoded += 1;
            }
        }
        decoded
    }

    #[test]
    fn share_link_fuzz_seeds_corpus_and_regressions_replay_without_panicking() {
        assert!(
            replay("seeds/share_link") >= 5,
            "the decodable seeds decode"
        );
        replay("corpus/share_link");
        replay("regressions/share_link");
    }

    #[test]
    fn fuzzing_fragments_wrap_as_links_are_written() {
        let json = br#"{"nodes":2}"#;
        for mode in [1, 2] {
            let scenario = decode(&fragment_for_fuzzing(mode, json)).expect("decodes");
            assert_eq!(scenario.nodes, Some(2));
        }
        assert_eq!(fragment_for_fuzzing(0, b"v1:x"), "v1:x");
    }
}

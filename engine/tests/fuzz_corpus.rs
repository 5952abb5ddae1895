//! Replays the fuzz corpus of `manifest_decode` (`engine/fuzz/`) and its seeds on stable, so
//! that every input the fuzzer kept, and every crash it ever finds (saved in
//! `fuzz/regressions/manifest_decode/`), stays a regression test:
//! decoding and validating them must return, never panic.

use std::path::Path;

fn replay(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut n = 0;
    for entry in entries.flatten() {
        let bytes = std::fs::read(entry.path()).expect("read a corpus file");
        let text = String::from_utf8_lossy(&bytes);
        let _ = dsplay_engine::manifest::problems(&text);
        n += 1;
    }
    n
}

#[test]
fn fuzz_corpus_and_seeds_decode_without_panicking() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let seeds = replay(&root.join("seeds/manifest_decode"));
    assert!(seeds > 0, "the seed corpus is there");
    replay(&root.join("corpus/manifest_decode"));
    replay(&root.join("regressions/manifest_decode"));
}

/// The same for `script_parse`: every kept input reads and parses (as a script and as a
/// lesson) without panicking.
#[test]
fn script_parse_corpus_reads_without_panicking() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in [
        "seeds/script_parse",
        "corpus/script_parse",
        "regressions/script_parse",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).expect("read a corpus file");
            dsplay_engine::fuzzing::read_script_and_lesson(&String::from_utf8_lossy(&bytes));
            n += 1;
        }
    }
    assert!(n > 0, "the seeds are there");
}

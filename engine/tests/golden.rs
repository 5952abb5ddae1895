//! Golden transcripts: every `scenarios/NAME.scenario` is run as `dsplay run` runs it and its
//! transcript compared with `scenarios/NAME.golden` (the transcript, then a last line
//! `[exit status N]`). A scenario whose first line is `# dsplay-run: --strict` runs strict.
//!
//! `UPDATE_GOLDEN=1 cargo test -p dsplay-engine --test golden` rewrites the goldens; review each
//! against the spec before accepting it.

use dsplay_engine::runner::run_script;
use std::path::{Path, PathBuf};

fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("scenarios")
}

fn render(path: &Path) -> String {
    let src = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let strict = src
        .lines()
        .next()
        .is_some_and(|l| l.trim() == "# dsplay-run: --strict");
    let dir = path.parent().unwrap_or(Path::new("."));
    let a = run_script(&src, Some(dir), strict);
    let b = run_script(&src, Some(dir), strict);
    assert_eq!(
        a,
        b,
        "{}: the same input must give the same transcript",
        path.display()
    );
    format!("{}[exit status {}]\n", a.transcript, a.exit_code)
}

#[test]
fn golden_transcripts() {
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    let mut scenarios: Vec<PathBuf> = std::fs::read_dir(scenarios_dir())
        .expect("scenarios folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "scenario"))
        .collect();
    scenarios.sort();
    assert!(!scenarios.is_empty());
    let mut failures = Vec::new();
    for path in &scenarios {
        let got = render(path);
        let golden = path.with_extension("golden");
        if update {
            std::fs::write(&golden, &got).expect("write golden");
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!(
                "{}: transcript differs\n--- want\n{want}\n--- got\n{got}",
                path.display()
            )),
            Err(_) => failures.push(format!(
                "{}: no golden (run with UPDATE_GOLDEN=1)\n{got}",
                path.display()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

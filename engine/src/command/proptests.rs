//! Property tests: nothing in the scenario language may panic, whatever the input (it runs
//! inside WebAssembly, where a panic ends the page). Each entry point gets arbitrary text, and
//! text biased towards the language's own characters and words, where the edge cases are.

use proptest::prelude::*;

use super::parse_command;
use crate::script::{parse_duration, read_script, split_words};

/// Words the parser branches on, to reach deep paths with arbitrary argv.
const VOCABULARY: &[&str] = &[
    "kubectl",
    "sim",
    "get",
    "describe",
    "apply",
    "create",
    "delete",
    "label",
    "taint",
    "cordon",
    "uncordon",
    "drain",
    "rollout",
    "status",
    "history",
    "undo",
    "restart",
    "set",
    "image",
    "ds",
    "pods",
    "nodes",
    "no",
    "ev",
    "controllerrevisions",
    "ds/x",
    "node/n1",
    "pod/p",
    "x",
    "-n",
    "-nfoo",
    "-A",
    "-o",
    "-owide",
    "-o=yaml",
    "--output=json",
    "-l",
    "app=x",
    "--all",
    "-f",
    "-",
    "--filename=a.yaml",
    "--cascade",
    "--cascade=false",
    "--grace-period=0",
    "--force",
    "--now",
    "--timeout=30s",
    "--watch=false",
    "-w",
    "--revision=-1",
    "--to-revision=2",
    "--overwrite",
    "--ignore-not-found",
    "--ignore-daemonsets",
    "--delete-local-data",
    "--",
    "-h",
    "--help",
    "k=v:NoSchedule",
    "k-",
    "k:NoExecute-",
    "a=b",
    "a-",
    "c=img",
    "*=img",
    "advance",
    "settle",
    "node",
    "pod",
    "fail",
    "seed",
    "ready",
    "pressure",
    "memory",
    "on",
    "1h30m",
    "unpullable",
    "-é",
    "=",
    "",
    "/",
    "a/b/c",
];

fn argv() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(VOCABULARY).prop_map(str::to_string),
            1 => ".{0,12}",
            1 => "[-=:/,a-z*]{0,8}",
        ],
        0..8,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn read_script_never_panics(src in ".*") {
        let _ = read_script(&src);
    }

    #[test]
    fn read_script_never_panics_on_script_like_text(
        src in r#"([ \t]*(kubectl|sim|#|<<|<<-|'|"|\\|EOF|-f|-)[ a-z'"\\<>|=:#-]*(\r?\n)?){0,12}"#
    ) {
        let _ = read_script(&src);
    }

    #[test]
    fn split_words_never_panics(line in ".*") {
        let _ = split_words(&line);
    }

    #[test]
    fn split_words_never_panics_on_quotes(line in r#"[ a'"\\#<>|&;()$`-]{0,40}"#) {
        let _ = split_words(&line);
    }

    #[test]
    fn parse_command_never_panics_on_arbitrary_argv(args in prop::collection::vec(".*", 0..8)) {
        let _ = parse_command(&args);
    }

    #[test]
    fn parse_command_never_panics_on_kubectl_like_argv(args in argv()) {
        let _ = parse_command(&args);
        let mut with_kubectl = vec!["kubectl".to_string()];
        with_kubectl.extend(args.iter().cloned());
        let _ = parse_command(&with_kubectl);
        let mut with_sim = vec!["sim".to_string()];
        with_sim.extend(args);
        let _ = parse_command(&with_sim);
    }

    #[test]
    fn parse_duration_never_panics(s in ".*") {
        let _ = parse_duration(&s);
    }

    /// Whatever a script's words are, they round-trip through the parser without panicking.
    #[test]
    fn read_then_parse_never_panics(src in r#"((kubectl|sim) [ a-z0-9'"=:/,.-]{0,30}\n){0,6}"#) {
        if let Ok(lines) = read_script(&src) {
            for line in lines {
                let _ = parse_command(&line.args);
            }
        }
    }
}

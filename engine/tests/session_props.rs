//! `Session::execute` never panics, whatever the line (the web console runs it inside
//! WebAssembly, where a panic ends the page), and the same lines give the same outputs.

use dsplay_engine::runner::Session;
use proptest::prelude::*;

const SETUP: &[(&str, Option<&str>)] = &[
    (
        "kubectl apply -f -",
        Some(
            "apiVersion: v1\nkind: NodeList\nitems:\n- metadata: {name: n1}\n- metadata: {name: n2, labels: {disk: ssd}}\n",
        ),
    ),
    (
        "kubectl apply -f -",
        Some(
            "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: ds}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec: {containers: [{name: c, image: i}]}\n",
        ),
    ),
    ("sim settle", None),
];

fn words() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("kubectl".to_string()),
        Just("sim".to_string()),
        Just("get".to_string()),
        Just("apply".to_string()),
        Just("create".to_string()),
        Just("delete".to_string()),
        Just("label".to_string()),
        Just("taint".to_string()),
        Just("cordon".to_string()),
        Just("uncordon".to_string()),
        Just("describe".to_string()),
        Just("drain".to_string()),
        Just("--ignore-daemonsets".to_string()),
        Just("--delete-emptydir-data".to_string()),
        Just("rollout".to_string()),
        Just("advance".to_string()),
        Just("settle".to_string()),
        Just("node".to_string()),
        Just("image".to_string()),
        Just("pod".to_string()),
        Just("seed".to_string()),
        Just("timing".to_string()),
        Just("ds".to_string()),
        Just("pods".to_string()),
        Just("nodes".to_string()),
        Just("events".to_string()),
        Just("controllerrevisions".to_string()),
        Just("n1".to_string()),
        Just("n2".to_string()),
        Just("-f".to_string()),
        Just("-".to_string()),
        Just("-o".to_string()),
        Just("yaml".to_string()),
        Just("json".to_string()),
        Just("wide".to_string()),
        Just("name".to_string()),
        Just("-A".to_string()),
        Just("-n".to_string()),
        Just("kube-system".to_string()),
        Just("-l".to_string()),
        Just("app=a".to_string()),
        Just("--overwrite".to_string()),
        Just("--show-labels".to_string()),
        Just("--force".to_string()),
        Just("--grace-period=0".to_string()),
        Just("--cascade=orphan".to_string()),
        Just("k=v:NoExecute".to_string()),
        Just("k-".to_string()),
        Just("disk=ssd".to_string()),
        Just("not-ready".to_string()),
        Just("unreachable".to_string()),
        Just("pressure".to_string()),
        Just("memory".to_string()),
        Just("on".to_string()),
        Just("30s".to_string()),
        Just("2m".to_string()),
        Just("--timeout".to_string()),
        Just("status".to_string()),
        Just("history".to_string()),
        Just("undo".to_string()),
        Just("restart".to_string()),
        Just("set".to_string()),
        Just("ds/ds".to_string()),
        Just("c=i:2".to_string()),
        Just("--revision=1".to_string()),
        Just("--to-revision=1".to_string()),
        Just("--watch=false".to_string()),
        Just("<<EOF".to_string()),
        "[a-z0-9=:,.!/-]{0,12}",
        "\\PC{0,6}",
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(words(), 0..8).prop_map(|w| w.join(" ")),
        1 => "\\PC{0,40}",
        1 => "[ -~\\n\\t]{0,60}",
    ]
}

fn stdin() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        2 => Just(None),
        1 => "[ -~\\n]{0,80}".prop_map(Some),
        1 => Just(Some("apiVersion: v1\nkind: Node\nmetadata: {name: n3}\n".to_string())),
        1 => Just(Some("a: &a [*a]\n".to_string())),
    ]
}

proptest! {
    // 300 cases unless PROPTEST_CASES asks for another number (a longer run by hand).
    #![proptest_config(ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() { ProptestConfig::default().cases } else { 300 },
        ..ProptestConfig::default()
    })]

    #[test]
    fn execute_never_panics(lines in prop::collection::vec((line(), stdin()), 1..6)) {
        let mut a = Session::new();
        let mut b = Session::new();
        for (l, input) in SETUP {
            a.execute(l, *input);
            b.execute(l, *input);
        }
        for (l, input) in &lines {
            let x = a.execute(l, input.as_deref());
            let y = b.execute(l, input.as_deref());
            prop_assert_eq!(x, y);
        }
    }
}

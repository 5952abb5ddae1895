//! `expect` through the command path (Session::execute), as the console, the CLI and
//! `dsplay test` run it.

use crate::command::{Command, ParseError, parse_command};
use crate::runner::{CommandOutput, Session};
use crate::script::split_words;

/// Three nodes; `cp` carries the control-plane NoSchedule taint; DaemonSet `agent` (namespace
/// default) does not tolerate it, so it runs on n1 and n2 once settled.
fn cluster() -> Session {
    let mut s = Session::new();
    let setup = "\
kubectl apply -f - <<EOF
apiVersion: v1
kind: NodeList
items:
- metadata: {name: cp, labels: {node-role.kubernetes.io/control-plane: ''}}
  spec: {taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]}
- metadata: {name: n1}
- metadata: {name: n2}
EOF
kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: agent:1}]}
EOF
sim settle
";
    let out = s.execute(setup, None);
    assert!(!out.is_error, "{}", out.output);
    s
}

fn run(s: &mut Session, line: &str) -> CommandOutput {
    s.execute(line, None)
}

fn met(s: &mut Session, line: &str) {
    let out = run(s, line);
    assert!(!out.is_error, "{line}: {}", out.output);
    assert_eq!(out.output, "", "{line}: a met expectation prints nothing");
}

fn unmet(s: &mut Session, line: &str) -> String {
    let out = run(s, line);
    assert!(out.is_error, "{line}: expected it to fail");
    assert!(
        out.output.starts_with("expectation failed: "),
        "{line}: {}",
        out.output
    );
    out.output
}

#[test]
fn pods_of_a_daemonset_on_exactly_at_least_and_not_on() {
    let mut s = cluster();
    met(&mut s, "expect pods of ds/agent on exactly n1 n2");
    met(&mut s, "expect pods of daemonset/agent on exactly n2,n1");
    met(&mut s, "expect pods of ds/agent on at least n1");
    met(&mut s, "expect pods of ds/agent not on cp");
    met(&mut s, "expect pods of ds/agent ready on exactly n1 n2");
    met(&mut s, "expect pods of ds/agent count 2");
    met(&mut s, "expect pods -l app=agent on exactly n1 n2");
    met(&mut s, "expect pods -l app=other count 0");

    let report = unmet(&mut s, "expect pods of ds/agent on exactly n1 cp");
    assert!(
        report.contains("expectation failed: pods of daemonset.apps/agent on exactly n1, cp\n")
    );
    assert!(report.contains("  no pod on: cp\n"), "{report}");
    assert!(report.contains("  pods also on: n2\n"), "{report}");
    assert!(report.contains("NODE   NAME"), "{report}");
    assert!(report.contains("1/1     Running"), "{report}");
    let report = unmet(&mut s, "expect pods of ds/agent on at least cp");
    assert!(!report.contains("also on"), "{report}");
    unmet(&mut s, "expect pods of ds/agent not on n2");
    let report = unmet(&mut s, "expect pods of ds/agent count 3");
    assert!(report.contains("  2 pods, not 3\n"), "{report}");
}

/// Pods that are starting are not yet ready: `ready` narrows the set.
#[test]
fn ready_counts_only_ready_pods() {
    let mut s = cluster();
    run(&mut s, "kubectl set image ds/agent agent=agent:2");
    run(&mut s, "sim advance 1500ms");
    met(&mut s, "expect pods of ds/agent count 2");
    let report = unmet(&mut s, "expect pods of ds/agent ready count 2");
    assert!(report.contains("ready count 2"), "{report}");
    run(&mut s, "sim settle");
    met(&mut s, "expect pods of ds/agent ready count 2");
    met(&mut s, "expect ds/agent rolled out");
}

#[test]
fn a_missing_owner_is_kubectls_not_found() {
    let mut s = cluster();
    let report = unmet(&mut s, "expect pods of ds/nope count 0");
    assert!(
        report.contains("Error from server (NotFound): daemonsets.apps \"nope\" not found"),
        "{report}"
    );
}

#[test]
fn objects_exist_are_absent_ready_and_have_fields() {
    let mut s = cluster();
    met(&mut s, "expect ds/agent exists");
    met(&mut s, "expect node/n1 exists");
    met(&mut s, "expect ds/gone absent");
    met(&mut s, "expect node/n1 ready");
    met(&mut s, "expect ds/agent .status.numberReady = 2");
    met(
        &mut s,
        "expect ds/agent {.status.desiredNumberScheduled} -ge 2",
    );
    met(&mut s, "expect ds/agent status.numberUnavailable != 1");
    met(
        &mut s,
        "expect ds/agent .spec.template.spec.containers[0].image = agent:1",
    );
    met(
        &mut s,
        "expect node/cp .metadata.labels['node-role.kubernetes.io/control-plane'] = ''",
    );
    met(&mut s, "expect node/n1 .spec.unschedulable != true");

    let report = unmet(&mut s, "expect ds/agent .status.numberReady = 3");
    assert!(report.ends_with("  found: 2\n"), "{report}");
    let report = unmet(&mut s, "expect ds/missing exists");
    assert!(
        report.contains("Error from server (NotFound): daemonsets.apps \"missing\" not found"),
        "{report}"
    );
    let report = unmet(&mut s, "expect ds/agent absent");
    assert!(report.contains("daemonset.apps/agent exists"), "{report}");
    // Left out by the API server (omitempty): an unset field reads as its zero value.
    met(&mut s, "expect ds/agent .status.numberUnavailable = 0");
    met(&mut s, "expect node/n1 .spec.unschedulable = false");
    let report = unmet(&mut s, "expect ds/agent .status.numberUnavailable -gt 0");
    assert!(
        report.contains(".status.numberUnavailable is not set; found: 0"),
        "{report}"
    );
    let report = unmet(&mut s, "expect ds/agent .status.nothing = running");
    assert!(report.contains(".status.nothing is not set\n"), "{report}");
    let report = unmet(&mut s, "expect ds/agent .metadata.name -gt 3");
    assert!(report.contains("compares numbers"), "{report}");

    run(&mut s, "kubectl cordon n1");
    met(&mut s, "expect node/n1 .spec.unschedulable = true");
    run(&mut s, "sim node n2 not-ready");
    met(&mut s, "expect node/n2 not ready");
    let report = unmet(&mut s, "expect node/n2 ready");
    assert!(report.contains("it is not ready"), "{report}");
}

#[test]
fn output_and_outcome_of_the_previous_command() {
    let mut s = cluster();
    let report = unmet(&mut Session::new(), "expect output contains x");
    assert!(report.contains("no command has run yet"), "{report}");

    run(&mut s, "kubectl get nodes");
    met(&mut s, "expect output contains n1");
    met(&mut s, "expect output contains 'control-plane'");
    met(&mut s, "expect output lacks NotReady");
    met(&mut s, "expect succeeded");
    // An expectation is not the previous command: the next one still sees `get nodes`.
    met(&mut s, "expect output contains n2");
    let report = unmet(&mut s, "expect failed");
    assert!(
        report.contains("it succeeded; the output was:\n    NAME"),
        "{report}"
    );

    let apply = "kubectl apply -f - <<EOF\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: bad}\nspec:\n  replicas: 2\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec: {containers: [{name: c, image: i}]}\nEOF\n";
    let out = run(&mut s, apply);
    assert!(out.is_error);
    met(&mut s, "expect failed 'unknown field \"spec.replicas\"'");
    met(&mut s, "expect failed");
    unmet(&mut s, "expect succeeded");
    unmet(&mut s, "expect failed 'something else'");
    // A kubectl usage error is a failed command too.
    run(&mut s, "kubectl get pods --frobnicate");
    met(&mut s, "expect failed 'unknown flag: --frobnicate'");
    met(&mut s, "expect failed --frobnicate");
    // A text after `output contains` may start with `-`: it is not a flag.
    run(&mut s, "kubectl get nodes -o yaml");
    met(&mut s, "expect output contains '- apiVersion: v1'");
    met(&mut s, "expect output lacks -n");
}

#[test]
fn in_several_lines_each_expect_sees_the_command_before_it() {
    let mut s = cluster();
    let out = s.execute(
        "kubectl get ds\nexpect output contains agent\nkubectl get nodes\nexpect output lacks agent\n",
        None,
    );
    assert!(!out.is_error, "{}", out.output);
}

fn parse_error(line: &str) -> String {
    match parse_command(&split_words(line).unwrap()) {
        Err(ParseError::NotACommand { message }) => message,
        other => panic!("{line}: expected NotACommand, got {other:?}"),
    }
}

#[test]
fn malformed_expectations_are_not_commands() {
    for (line, why) in [
        ("expect", "expect needs something to check"),
        ("expect pods", "of KIND/NAME or -l SELECTOR"),
        ("expect pods of", "needs KIND/NAME"),
        ("expect pods of ds/x", "on exactly NODE"),
        ("expect pods of ds/x on exactly", "which nodes"),
        ("expect pods of ds/x count many", "not a number"),
        ("expect pods of node/x count 1", "does not own pods"),
        ("expect pods of ds/x -l a=b count 1", "not both"),
        (
            "expect pods of widgets/x count 1",
            "resource type \"widgets\"",
        ),
        ("expect ds/x", "needs exists, absent"),
        ("expect ds/x ready", "only pods and nodes"),
        ("expect pod/x rolled out", "only a DaemonSet"),
        ("expect ds/x .status.a ~ 1", "not a comparison"),
        ("expect ds/x .status.a = 1 2", "one value"),
        ("expect ds/x .status..a = 1", "empty name"),
        ("expect output", "contains TEXT or lacks TEXT"),
        ("expect output contains", "which text"),
        ("expect succeeded now", "nothing after it"),
        ("expect fluentd", "not something to check"),
        ("expect pods -l", "-l needs a value"),
        ("expect -n a -n b ds/x exists", "given twice"),
        ("expect --frob ds/x exists", "unknown flag --frob"),
        ("expect output -l a=b contains x", "only for expect pods"),
    ] {
        let message = parse_error(line);
        assert!(message.contains(why), "{line}: {message}");
    }
}

#[test]
fn namespaces_and_flag_forms() {
    let parsed = parse_command(&split_words("expect -n=kube-system ds/x exists").unwrap());
    assert!(matches!(parsed, Ok(Command::Expect(_))));
    let mut s = cluster();
    met(&mut s, "expect pods of ds/agent -n default count 2");
    let report = unmet(
        &mut s,
        "expect pods of ds/agent --namespace kube-system count 2",
    );
    assert!(report.contains("in kube-system"), "{report}");
    met(&mut s, "expect pods --selector=app=agent count 2");
    met(&mut s, "expect ds/agent .status.numberReady -gt -1");
    met(&mut s, "expect ds/agent .status.numberReady '<=' 2");
    met(&mut s, "expect ds/agent .status.numberReady -lt 3");
}

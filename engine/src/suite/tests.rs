use super::*;

const NODES: &str = "\
kubectl apply -f - <<EOF
apiVersion: v1
kind: NodeList
items:
- metadata: {name: node-1}
- metadata: {name: node-2}
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

fn one(src: &str) -> TestResult {
    let mut results = test_source(src, "t.scenario", None);
    assert_eq!(results.len(), 1);
    results.remove(0)
}

#[test]
fn a_scenario_whose_expectations_hold_passes() {
    let r = one(&format!(
        "{NODES}expect pods of ds/agent ready on exactly node-1 node-2\n"
    ));
    assert!(r.passed, "{}", r.details);
}

#[test]
fn an_unmet_expectation_fails_with_its_line_and_report() {
    let r = one(&format!(
        "{NODES}expect pods of ds/agent on exactly node-1\nsim settle\n"
    ));
    assert!(!r.passed);
    assert!(
        r.details.starts_with(
            "line 19: $ expect pods of ds/agent on exactly node-1\nexpectation failed: "
        ),
        "{}",
        r.details
    );
    assert!(r.details.contains("pods also on: node-2"), "{}", r.details);
}

/// A failed command is the test's failure unless the next line expects it.
#[test]
fn a_failed_command_fails_unless_expected() {
    let r = one(&format!(
        "{NODES}kubectl get ds nope\nexpect failed 'not found'\n"
    ));
    assert!(r.passed, "{}", r.details);
    let r = one(&format!("{NODES}kubectl get ds nope\nkubectl get ds\n"));
    assert!(!r.passed);
    assert!(
        r.details
            .contains("$ kubectl get ds nope\nError from server (NotFound)"),
        "{}",
        r.details
    );
    let r = one(&format!("{NODES}kubectl get ds nope\n"));
    assert!(!r.passed, "a failure on the last line fails too");
    let r = one(&format!(
        "{NODES}kubectl get ds nope\nexpect failed 'something else'\n"
    ));
    assert!(!r.passed);
    assert!(
        r.details
            .contains("expectation failed: the previous command failed with"),
        "{}",
        r.details
    );
}

#[test]
fn lines_that_are_not_commands_and_unreadable_scripts_fail() {
    let r = one("kubectl get nodes\nhelm install x\n");
    assert!(!r.passed);
    assert!(
        r.details
            .starts_with("dsplay: line 2: \"helm\" is not a command"),
        "{}",
        r.details
    );
    let r = one("kubectl apply -f - <<EOF\nnever closed\n");
    assert!(
        r.details.contains("unterminated here-document"),
        "{}",
        r.details
    );
}

fn lesson(solution: &str) -> String {
    format!(
        "#@ title: Taints
{NODES}#@ step: Look at the nodes
#@ text
#| Two nodes run `agent`.
#@ solution
kubectl get pods -o wide
#@ goal
expect output contains node-2
#@ step: Keep agent off node-2
#@ hint: A NoExecute taint evicts running pods.
#@ solution
{solution}
sim settle
#@ goal
expect pods of ds/agent on exactly node-1
"
    )
}

#[test]
fn a_lesson_is_one_test_per_step_and_its_solution_reaches_each_goal() {
    let results = test_source(
        &lesson("kubectl taint node node-2 k=v:NoExecute"),
        "l",
        None,
    );
    let names: Vec<&str> = results.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "l: step 1 Look at the nodes",
            "l: step 2 Keep agent off node-2"
        ]
    );
    assert!(results.iter().all(|r| r.passed), "{results:?}");
}

#[test]
fn a_wrong_solution_fails_its_step_with_what_is_there() {
    let results = test_source(
        &lesson("kubectl taint node node-2 k=v:PreferNoSchedule"),
        "l",
        None,
    );
    assert!(results[0].passed);
    let r = &results[1];
    assert!(!r.passed);
    assert!(
        r.details.contains(
            "expectation failed: pods of daemonset.apps/agent on exactly node-1\n  pods also on: node-2\n"
        ),
        "{}",
        r.details
    );
    let text = report_text(&results);
    assert!(
        text.starts_with(
            "ok   l: step 1 Look at the nodes\nFAIL l: step 2 Keep agent off node-2\n     line "
        ),
        "{text}"
    );
    assert!(text.ends_with("1 passed, 1 failed\n"), "{text}");
}

#[test]
fn an_unreadable_lesson_is_one_failure_with_its_line() {
    let results = test_source(
        "#@ title: x\n#@ step: s\n#@ goal\nkubectl get nodes\n",
        "bad",
        None,
    );
    assert_eq!(results.len(), 1);
    assert_eq!(
        results[0].details,
        "dsplay: line 4: a goal holds expect lines only\n"
    );
}

#[test]
fn tap_output() {
    let results = vec![passed("a"), failed("b # two", "line 3: $ x\nwhy\n".into())];
    assert_eq!(
        report_tap(&results),
        "TAP version 13\n1..2\nok 1 - a\nnot ok 2 - b \\# two\n  ---\n  message: |\n    line 3: $ x\n    why\n  ...\n"
    );
}

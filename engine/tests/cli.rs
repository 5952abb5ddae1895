//! The `dsplay` binary: usage, version, `run` exit statuses, the interactive reader.

use std::io::Write;
use std::process::{Command, Stdio};

fn dsplay(args: &[&str], stdin: impl AsRef<[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dsplay"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scenarios"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dsplay");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_ref())
        .expect("write stdin");
    let out = child.wait_with_output().expect("dsplay output");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn help_and_version() {
    let (code, out, _) = dsplay(&["--help"], "");
    assert_eq!(code, 0);
    assert!(out.contains("dsplay run FILE"), "{out}");
    let (code, out, _) = dsplay(&["--version"], "");
    assert_eq!(code, 0);
    assert_eq!(out, format!("dsplay {}\n", dsplay_engine::VERSION));
    let (code, _, err) = dsplay(&["frobnicate"], "");
    assert_eq!(code, 2);
    assert!(err.contains("unknown command"), "{err}");
    let (code, _, err) = dsplay(&["run"], "");
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = dsplay(&["run", "no-such.scenario"], "");
    assert_eq!(code, 2);
    assert!(
        err.starts_with("dsplay: cannot read no-such.scenario"),
        "{err}"
    );
}

#[test]
fn run_exit_statuses() {
    let (code, out, _) = dsplay(&["run", "fluentd-tutorial.scenario"], "");
    assert_eq!(code, 0);
    assert!(
        out.contains("fluentd-elasticsearch   3         3         3"),
        "{out}"
    );
    assert_eq!(dsplay(&["run", "strict.scenario", "--strict"], "").0, 1);
    assert_eq!(dsplay(&["run", "strict.scenario"], "").0, 0);
    assert_eq!(dsplay(&["run", "bad-line.scenario"], "").0, 2);
    // `-` reads the scenario from standard input; -f paths are relative to the current folder.
    let (code, out, _) = dsplay(
        &["run", "-"],
        "kubectl apply -f manifests/three-workers.yaml\n",
    );
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "$ kubectl apply -f manifests/three-workers.yaml\nnode/k8s-01 created\nnode/k8s-02 created\nnode/k8s-03 created\n"
    );
}

#[test]
fn interactive_reads_commands_and_here_documents() {
    let input = "kubectl apply -f - <<EOF\napiVersion: v1\nkind: Node\nmetadata:\n  name: n1\nEOF\nkubectl get \\\n  nodes -o name\nkubeclt get pods\nkubectl get nodes nope\n";
    let (code, out, _) = dsplay(&[], input);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "node/n1 created\nnode/n1\ndsplay: \"kubeclt\" is not a command of the scenario language: commands start with kubectl, sim or expect\nError from server (NotFound): nodes \"nope\" not found\n"
    );
}

/// The prompt also runs describe and drain, and a failed command does not end the session.
#[test]
fn interactive_describe_and_drain() {
    let input = "kubectl apply -f manifests/three-workers.yaml\nkubectl apply -f manifests/agent.yaml\nsim settle\nkubectl drain k8s-01\nkubectl describe node k8s-01\n";
    let (code, out, _) = dsplay(&[], input);
    assert_eq!(code, 0);
    assert!(
        out.contains("cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent-"),
        "{out}"
    );
    assert!(out.contains("Unschedulable:      true\n"), "{out}");
    assert!(
        out.contains("Taints:             node.kubernetes.io/unschedulable:NoSchedule\n"),
        "{out}"
    );
    let (code, out, _) = dsplay(&["--help"], "");
    assert_eq!(code, 0);
    assert!(out.contains("describe") && out.contains("drain"), "{out}");
}

#[test]
fn strict_stops_at_a_failed_drain() {
    let (code, out, _) = dsplay(
        &["run", "-", "--strict"],
        "kubectl apply -f manifests/three-workers.yaml\nkubectl apply -f manifests/agent.yaml\nsim settle\nkubectl drain k8s-01\nkubectl get nodes\n",
    );
    assert_eq!(code, 1, "{out}");
    assert!(!out.contains("$ kubectl get nodes"), "{out}");
}

/// `dsplay test`: a lesson's solution reaches every goal; a wrong one fails its step with what
/// is there; TAP on request; exit status 0, 1, or 2 for a file that cannot be read.
#[test]
fn test_runs_scenarios_and_lessons() {
    let (code, out, err) = dsplay(&["test", "../suite/taints.lesson", "expect.scenario"], "");
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.starts_with(
            "ok   ../suite/taints.lesson: step 1 Look at the pods\nok   ../suite/taints.lesson: step 2 Evict fluentd from worker-2\nFAIL expect.scenario\n     line 13: $ expect pods of ds/fluentd-elasticsearch"
        ),
        "{out}"
    );
    assert!(out.ends_with("2 passed, 1 failed\n"), "{out}");

    let (code, out, _) = dsplay(&["test", "../suite/taints-wrong.lesson"], "");
    assert_eq!(code, 1);
    assert!(
        out.contains("FAIL ../suite/taints-wrong.lesson: step 2 Evict fluentd from worker-2\n     line 27: $ expect pods of ds/fluentd-elasticsearch -n kube-system on exactly control-plane worker-1\n     expectation failed: "),
        "{out}"
    );
    assert!(out.contains("       pods also on: worker-2\n"), "{out}");

    let (code, out, _) = dsplay(&["test", "--tap", "../suite/taints.lesson"], "");
    assert_eq!(code, 0);
    assert!(out.starts_with("TAP version 13\n1..2\nok 1 - "), "{out}");

    assert_eq!(dsplay(&["test"], "").0, 2);
    assert_eq!(dsplay(&["test", "--frob", "x"], "").0, 2);
    let (code, _, err) = dsplay(&["test", "no-such.lesson"], "");
    assert_eq!(code, 2);
    assert!(
        err.starts_with("dsplay: cannot read no-such.lesson"),
        "{err}"
    );
}

/// Issue 24 item 5: a scenario that is not UTF-8 is refused with the line of its first bad byte.
#[test]
fn invalid_utf8_is_refused_with_a_line_number() {
    let (code, out, _) = dsplay(
        &["run", "-"],
        b"sim seed 1\nsim seed 2\nkubectl get pods \xff\n",
    );
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "dsplay: line 3: not UTF-8 text: byte 0xff at column 18\n"
    );
}

use super::*;

#[test]
fn empty_script_is_empty_transcript() {
    let r = run_script("# nothing\n\n", None, false);
    assert_eq!(
        r,
        RunOutcome {
            transcript: String::new(),
            exit_code: EXIT_OK
        }
    );
}

#[test]
fn bad_line_stops_with_its_number() {
    let r = run_script("sim seed 1\n\nkubeclt get pods\nsim seed 2\n", None, false);
    assert_eq!(r.exit_code, EXIT_BAD_LINE);
    assert!(
        r.transcript.starts_with("$ sim seed 1\ndsplay: line 3: "),
        "{}",
        r.transcript
    );
    assert!(!r.transcript.contains("seed 2"));
}

#[test]
fn unreadable_script_exits_2() {
    let r = run_script("kubectl get pods 'oops\n", None, false);
    assert_eq!(r.exit_code, EXIT_BAD_LINE);
    assert!(
        r.transcript.starts_with("dsplay: line 1: "),
        "{}",
        r.transcript
    );
}

#[test]
fn errors_go_on_unless_strict() {
    let src = "kubectl get ds nope\nsim seed 1\n";
    let r = run_script(src, None, false);
    assert_eq!(r.exit_code, EXIT_OK);
    assert_eq!(
        r.transcript,
        "$ kubectl get ds nope\nError from server (NotFound): daemonsets.apps \"nope\" not found\n$ sim seed 1\n"
    );
    let r = run_script(src, None, true);
    assert_eq!(r.exit_code, EXIT_STRICT_ERROR);
    assert!(!r.transcript.contains("sim seed"));
}

#[test]
fn session_reads_stdin_and_here_documents() {
    let mut s = Session::new();
    let node = "apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n";
    let o = s.execute("kubectl apply -f -", Some(node));
    assert_eq!(
        o,
        CommandOutput {
            output: "node/n1 created\n".into(),
            is_error: false
        }
    );
    let o = s.execute(&format!("kubectl apply -f - <<EOF\n{node}EOF"), None);
    assert_eq!(o.output, "node/n1 unchanged\n");
    let o = s.execute("kubectl apply -f n1.yaml", None);
    assert!(o.is_error);
    assert!(
        o.output.starts_with("error: cannot read \"n1.yaml\""),
        "{}",
        o.output
    );
    let o = s.execute("sim seed 1\nsim seed 2", None);
    assert_eq!(o.output, "$ sim seed 1\n$ sim seed 2\n");
    let o = s.execute("helm install", None);
    assert!(
        o.is_error && o.output.starts_with("dsplay: "),
        "{}",
        o.output
    );
    let o = s.execute("   ", None);
    assert_eq!(o, CommandOutput::default());
}

/// Issue 10: a paste of a million commands is refused as a whole, with a message, before
/// anything runs.
#[test]
fn a_million_commands_at_once_are_refused_before_anything_runs() {
    let mut s = Session::new();
    let million = s.execute(&"sim advance 1s\n".repeat(1_000_000), None);
    assert!(million.is_error);
    assert!(
        million.output.starts_with("dsplay: the input has"),
        "{}",
        million.output
    );
    let many = s.execute(&"sim advance 1s\n".repeat(MAX_COMMANDS_AT_ONCE + 1), None);
    assert!(many.output.contains("at most 10000"), "{}", many.output);
    assert_eq!(s.cluster().elapsed_millis(), 0);
    let ok = s.execute(&"sim advance 1s\n".repeat(10), None);
    assert!(!ok.is_error);
    assert_eq!(s.cluster().elapsed_millis(), 10_000);
}

/// Issue 21: a view's read (`kubectl get ds -A` after each command) or a clock tick does not
/// become the previous command an `expect output` goal looks at.
#[test]
fn a_read_does_not_become_the_previous_command() {
    let mut s = Session::new();
    s.execute("kubectl get nodes", None);
    s.execute_aside("kubectl get ds -A");
    let words = |t: &str| t.split(' ').map(str::to_string).collect::<Vec<_>>();
    let goal = crate::expect::parse(&words("output contains No")).unwrap();
    assert!(
        s.evaluate(&goal).met,
        "the user's get nodes printed No resources found"
    );
    s.execute_aside("sim advance 100ms");
    assert!(s.evaluate(&goal).met, "nor does the clock's tick");
    let other = crate::expect::parse(&words("output contains NAMESPACE")).unwrap();
    assert!(
        !s.evaluate(&other).met,
        "the read's table is not the previous output"
    );
}

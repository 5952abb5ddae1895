//! The script player, natively: Next step, Run all, Stop, the end of a script, and scripts
//! that do not read.

use super::*;

const SCRIPT: &str = "\
# a node and a label
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Node
metadata:
  name: node-a
EOF
kubectl label node node-a \\
  disk=ssd
kubectl get nodes -l disk=ssd -o name
";

fn commands(p: &Playground) -> Vec<&str> {
    p.transcript().iter().map(|e| e.command.as_str()).collect()
}

#[test]
fn a_script_loads_as_its_commands_with_here_documents_and_continuations() {
    let mut p = Playground::empty();
    p.load_script(SCRIPT).expect("the script reads");
    let player = p.player().expect("a script is loaded");
    assert_eq!(player.len(), 3);
    assert_eq!(player.remaining(), 3);
    assert_eq!(player.position(), 0);
    let steps = player.steps();
    assert_eq!(steps[0].line, 2);
    assert_eq!(steps[0].text, "kubectl apply -f - <<'EOF'");
    assert_eq!(steps[0].command, "kubectl apply -f -");
    assert_eq!(steps[0].stdin_lines(), 4);
    assert_eq!(steps[1].text, "kubectl label node node-a disk=ssd");
    assert_eq!(steps[1].line, 8);
    assert_eq!(steps[2].stdin, None);
    // The comment lines above a command are its caption.
    assert_eq!(steps[0].comment.as_deref(), Some("a node and a label"));
    assert_eq!(steps[1].comment, None);
    // Loading runs nothing.
    assert!(p.transcript().is_empty());
}

#[test]
fn next_step_runs_one_command_through_the_console_path() {
    let mut p = Playground::empty();
    p.load_script(SCRIPT).unwrap();

    let out = p.next_step().expect("a command ran");
    assert_eq!(out.output, "node/node-a created\n");
    assert_eq!(commands(&p), ["kubectl apply -f -"]);
    assert_eq!(
        p.transcript()[0].stdin.as_deref(),
        Some("apiVersion: v1\nkind: Node\nmetadata:\n  name: node-a\n")
    );
    let player = p.player().unwrap();
    assert_eq!(player.remaining(), 2);
    assert_eq!(
        player.next_step().unwrap().command,
        "kubectl label node node-a disk=ssd"
    );

    p.next_step();
    assert_eq!(p.transcript()[1].output, "node/node-a labeled\n");
    p.next_step();
    assert_eq!(p.transcript()[2].output, "node/node-a\n");
    // The log keeps every command, so a link replays the stepped script.
    assert_eq!(p.log().revision().0, 3);
}

#[test]
fn the_end_of_a_script_runs_nothing_more_and_keeps_the_player_until_stop() {
    let mut p = Playground::empty();
    p.load_script("sim advance 1s\n").unwrap();
    assert!(p.next_step().is_some());
    let player = p.player().expect("still loaded, finished");
    assert!(player.is_done());
    assert_eq!(player.remaining(), 0);
    assert_eq!(player.next_step(), None);
    assert_eq!(p.next_step(), None);
    assert_eq!(p.transcript().len(), 1);
    p.stop_script();
    assert_eq!(p.player(), None);
    assert_eq!(p.next_step(), None);
}

#[test]
fn run_all_runs_the_remaining_commands_in_slices() {
    let mut p = Playground::empty();
    p.load_script(SCRIPT).unwrap();
    p.next_step();
    p.run_all();
    assert!(p.player().unwrap().is_running());
    // A slice with no time left runs one command, then yields.
    assert!(!p.run_slice(|| false));
    assert_eq!(p.transcript().len(), 2);
    assert!(p.run_slice(|| true));
    assert_eq!(
        commands(&p),
        [
            "kubectl apply -f -",
            "kubectl label node node-a disk=ssd",
            "kubectl get nodes -l disk=ssd -o name"
        ]
    );
    let player = p.player().expect("a finished script stays until Stop");
    assert!(player.is_done());
    assert!(!player.is_running());
    // Nothing is left to run.
    assert!(p.run_slice(|| true));
    assert_eq!(p.transcript().len(), 3);
}

#[test]
fn stop_ends_a_run_all_and_the_remaining_commands_never_run() {
    let mut p = Playground::empty();
    p.load_script("sim advance 1s\nsim advance 1s\nsim advance 1s\n")
        .unwrap();
    p.run_all();
    assert!(!p.run_slice(|| false));
    p.stop_script();
    assert!(p.run_slice(|| true));
    assert_eq!(p.transcript().len(), 1);
    assert_eq!(p.elapsed_millis(), 1_000);
}

#[test]
fn a_script_run_from_the_console_box_runs_all_and_closes() {
    let mut p = Playground::empty();
    p.run_script(SCRIPT).unwrap();
    assert!(p.run_slice(|| true));
    assert_eq!(p.transcript().len(), 3);
    assert_eq!(p.player(), None);
}

#[test]
fn a_script_that_does_not_read_gives_its_line_and_loses_nothing() {
    let mut p = Playground::empty();
    p.load_script("sim advance 1s\nsim advance 2s\n").unwrap();
    p.next_step();

    let err = p
        .load_script("sim advance 1s\nkubectl apply -f - <<EOF\nkind: Node\n")
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 2: unterminated here-document: no line \"EOF\" after the command (the \
         here-document runs to the end of the script)"
    );
    let err = p
        .run_script("kubectl get pods 'unclosed\nsim advance 1s")
        .unwrap_err();
    assert!(err.to_string().starts_with("line 1: "), "{err}");
    assert_eq!(
        p.load_script("# only a comment\n\n")
            .unwrap_err()
            .to_string(),
        "the script has no commands"
    );
    // The loaded script is where it was; nothing ran.
    let player = p.player().expect("the earlier script is still loaded");
    assert_eq!(player.position(), 1);
    assert_eq!(player.remaining(), 1);
    assert_eq!(p.transcript().len(), 1);
}

#[test]
fn comments_just_above_a_command_are_its_caption() {
    let player = Player::load(
        "#!/usr/bin/env dsplay\n\n# Taint a node:\n#   NoExecute evicts.\nkubectl taint node n a=b:NoExecute\n#\nsim settle\n",
    )
    .unwrap();
    let comments: Vec<_> = player
        .steps()
        .iter()
        .map(|s| s.comment.as_deref())
        .collect();
    assert_eq!(comments, [Some("Taint a node:\nNoExecute evicts."), None]);
}

#[test]
fn a_script_with_too_many_commands_is_refused_whole() {
    let mut p = Playground::empty();
    let many = "sim advance 1s\n".repeat(dsplay_engine::runner::MAX_COMMANDS_AT_ONCE + 1);
    let err = p.load_script(&many).unwrap_err();
    assert!(err.to_string().contains("at most 10000"), "{err}");
    assert_eq!(p.player(), None);
}

#[test]
fn a_command_that_fails_is_in_the_transcript_and_the_script_goes_on() {
    let mut p = Playground::empty();
    p.load_script("kubectl get ds nope\nnot-a-command\nsim advance 1s\n")
        .unwrap();
    p.run_all();
    assert!(p.run_slice(|| true));
    assert_eq!(p.transcript().len(), 3);
    assert!(p.transcript()[0].is_error);
    assert_eq!(
        p.transcript()[0].output,
        "Error from server (NotFound): daemonsets.apps \"nope\" not found\n"
    );
    assert!(p.transcript()[1].is_error);
    assert!(!p.transcript()[2].is_error);
}

#[test]
fn a_long_script_shows_a_window_around_the_next_command() {
    let script = "sim advance 1s\n".repeat(50);
    let mut player = Player::load(&script).unwrap();
    assert_eq!(player.window(100), 0..50);
    assert_eq!(player.window(20), 0..20);
    for _ in 0..30 {
        player.advance();
    }
    assert_eq!(player.window(20), 25..45);
    for _ in 0..20 {
        player.advance();
    }
    assert_eq!(player.window(20), 30..50);
}

#[test]
fn an_open_here_document_asks_for_more_lines() {
    assert!(player::needs_more("kubectl apply -f - <<EOF"));
    assert!(player::needs_more(
        "kubectl apply -f - <<'EOF'\nkind: Node\n"
    ));
    assert!(!player::needs_more(
        "kubectl apply -f - <<EOF\nkind: Node\nEOF"
    ));
    assert!(!player::needs_more("kubectl get pods"));
    assert!(!player::needs_more("kubectl get 'pods"));
}

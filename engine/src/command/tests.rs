use super::*;
use crate::kubectl::NamespaceScope;
use crate::kubectl::apply::ApplyOptions;
use crate::kubectl::rollout::Rollout;
use crate::script::{read_script, split_words};

#[test]
fn first_word_decides() {
    assert_eq!(
        parse_command(&[]),
        Err(ParseError::NotACommand {
            message: "empty command".into()
        })
    );
    let args = split_words("helm install x").unwrap();
    match parse_command(&args) {
        Err(ParseError::NotACommand { message }) => {
            assert!(
                message.starts_with("\"helm\" is not a command"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
    let args = split_words("sim seed 3").unwrap();
    assert_eq!(parse_command(&args), Ok(Command::Sim(Sim::Seed(3))));
}

/// A whole scenario, read and parsed as the runner does.
#[test]
fn a_scenario_reads_and_parses() {
    let src = "\
# Create two nodes and a DaemonSet, then roll it.
sim seed 7
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: NodeList
items: []
EOF
kubectl get nodes -o wide
kubectl set image ds/agent \\
agent=agent:2
kubectl rollout status ds/agent --timeout=2m
sim advance 30s
";
    let lines = read_script(src).unwrap();
    let parsed: Vec<Command> = lines
        .iter()
        .map(|l| parse_command(&l.args).unwrap())
        .collect();
    assert_eq!(parsed.len(), 6);
    assert_eq!(parsed[0], Command::Sim(Sim::Seed(7)));
    assert_eq!(
        parsed[1],
        Command::Kubectl(Kubectl::Apply(ApplyOptions {
            files: vec!["-".into()],
            namespace: NamespaceScope::Default,
            validation: crate::manifest::FieldValidation::Strict,
        }))
    );
    assert_eq!(
        lines[1].stdin.as_deref(),
        Some("apiVersion: v1\nkind: NodeList\nitems: []\n")
    );
    assert_eq!(lines[3].text, "kubectl set image ds/agent agent=agent:2");
    assert_eq!(lines[3].line, 9);
    assert!(matches!(
        parsed[4],
        Command::Kubectl(Kubectl::Rollout(Rollout::Status(_)))
    ));
}

#[test]
fn parse_error_message_and_display() {
    let e = ParseError::Kubectl {
        message: "error: x".into(),
    };
    assert_eq!(e.message(), "error: x");
    assert_eq!(e.to_string(), "error: x");
}

/// `help` (an extension, docs/scenario-language.md "Extensions") lists the command forms of the
/// language: kubectl's verbs, the sim verbs and expect; it takes no arguments.
#[test]
fn help_lists_the_commands() {
    let args = split_words("help").unwrap();
    assert_eq!(parse_command(&args), Ok(Command::Help));
    let mut session = crate::runner::Session::new();
    let out = session.execute("help", None).output;
    for form in [
        "kubectl apply|create -f FILE|-",
        "kubectl create deployment NAME --image=IMAGE",
        "kubectl get ds|pods|nodes",
        "kubectl rollout status|history|undo|restart ds/NAME",
        "sim advance DURATION",
        "sim node NAME pressure memory|disk|pid on|off",
        "expect pods of ds/NAME",
        "expect failed [TEXT]",
    ] {
        assert!(out.contains(form), "{form:?} missing from:\n{out}");
    }
    let args = split_words("help me").unwrap();
    assert!(matches!(
        parse_command(&args),
        Err(ParseError::NotACommand { message }) if message.starts_with("usage: help")
    ));
}

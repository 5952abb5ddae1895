//! The scenario language (shared/spec/scenario-language.md): reading a script into command
//! lines, splitting words as a shell does, and parsing each line into a typed [`Command`].
//!
//! - [`read_script`] reads a whole scenario ("Files and lines": comments, blank lines, `\`
//!   continuations, here-documents).
//! - [`split_words`] splits one interactive line (the console).
//! - [`parse_command`] / [`parse_command_full`] turn a line's words into a [`Command`], or a
//!   [`ParseError`] of one of two classes: [`ParseError::NotACommand`] (the runner stops with
//!   exit status 2) or [`ParseError::Kubectl`] (printed exactly as kubectl prints it; the script
//!   goes on).
//! - [`parse_duration`] and [`human_duration`] read and print durations as Go and kubectl do.
//!
//! Nothing here panics on any input: it runs inside WebAssembly, where a panic ends the page.

mod command;
mod duration;
mod flags;
mod kubectl;
mod reader;
mod resources;
mod sim;
mod words;

#[cfg(test)]
mod proptests;

pub use command::{
    Cascade, Command, DeleteWhat, Kubectl, LabelChange, NamespaceScope, NodeReadyState,
    OutputFormat, ParseError, ParsedCommand, Pressure, ResourceKind, Sim, TaintChange,
};
pub use duration::{human_duration, parse_duration, short_human_duration};
pub use reader::{ScriptError, ScriptLine, read_script};
pub use words::{WordsError, split_words};

/// Parses the words of one command line (as [`split_words`] or [`ScriptLine::args`] give them).
pub fn parse_command(args: &[String]) -> Result<Command, ParseError> {
    parse_command_full(args).map(|parsed| parsed.command)
}

/// Like [`parse_command`], also returning the warnings kubectl prints on standard error while
/// reading the command line (deprecated flags and values), which belong in the transcript.
pub fn parse_command_full(args: &[String]) -> Result<ParsedCommand, ParseError> {
    match args.split_first() {
        None => Err(ParseError::NotACommand {
            message: "empty command".to_string(),
        }),
        Some((first, rest)) => match first.as_str() {
            "kubectl" => kubectl::parse(rest),
            "sim" => sim::parse(rest),
            other => Err(ParseError::NotACommand {
                message: format!(
                    "{other:?} is not a command of the scenario language: commands start with kubectl or sim"
                ),
            }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            Command::Kubectl(Kubectl::Apply {
                files: vec!["-".into()],
                namespace: NamespaceScope::Default
            })
        );
        assert_eq!(
            lines[1].stdin.as_deref(),
            Some("apiVersion: v1\nkind: NodeList\nitems: []\n")
        );
        assert_eq!(lines[3].text, "kubectl set image ds/agent agent=agent:2");
        assert_eq!(lines[3].line, 9);
        assert!(matches!(
            parsed[4],
            Command::Kubectl(Kubectl::RolloutStatus { .. })
        ));
    }
}

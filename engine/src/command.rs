//! A command of the scenario language (shared/spec/scenario-language.md): the first word
//! decides between `kubectl …` ([`crate::kubectl`]), `sim …` ([`crate::sim`]), `expect …` and
//! `help`; each reads its own words. Parsing is purely syntactic: names are not looked up, manifests are not read,
//! selectors are kept as raw text. What kubectl itself refuses before talking to the server is
//! refused with kubectl's own words; what the server would refuse is left to the engine.
//!
//! A line can be wrong in two ways ([`ParseError`]): [`ParseError::NotACommand`] (the runner
//! stops with exit status 2) or [`ParseError::Kubectl`] (printed exactly as kubectl prints it;
//! the script goes on). Nothing here panics on any input: it runs inside WebAssembly, where a
//! panic ends the page.

use crate::cluster::Cluster;
use crate::expect::{self, Expect, Previous};
use crate::kubectl::{self, Context, FileSource, Kubectl, Out, Refusal};
use crate::sim::{self, Sim};
use std::fmt;

/// A command of the scenario language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// A `kubectl …` command.
    Kubectl(Kubectl),
    /// A `sim …` command: what a real cluster does on its own.
    Sim(Sim),
    /// An `expect …` line: an assertion over the cluster or the previous command (an extension
    /// of the contract, docs/scenario-language.md).
    Expect(Expect),
    /// `help`: lists the language's commands (an extension of the contract).
    Help,
}

/// A command with the warnings kubectl prints on standard error while reading it (e.g.
/// `warning: --cascade=false is deprecated …`), in order. The transcript prints them before the
/// command's own output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedCommand {
    /// The command.
    pub command: Command,
    /// Lines kubectl prints on standard error before doing anything (no trailing newline).
    pub warnings: Vec<String>,
}

/// Why a command line was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Not a command of this language (first word not `kubectl`/`sim`, unknown verb, a kubectl
    /// feature the simulator does not model, bad `sim` arguments). The runner stops the script
    /// with exit status 2 and names the line.
    NotACommand {
        /// What is wrong, in a sentence (without the line number).
        message: String,
    },
    /// A kubectl usage error. `message` is exactly what kubectl prints on standard error
    /// (possibly several lines, warnings first, no trailing newline); the script goes on.
    Kubectl {
        /// kubectl's text.
        message: String,
    },
}

impl ParseError {
    /// The message, whichever the class.
    pub fn message(&self) -> &str {
        match self {
            ParseError::NotACommand { message } | ParseError::Kubectl { message } => message,
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for ParseError {}

/// Parses the words of one command line (as [`crate::script::split_words`] or
/// [`crate::script::ScriptLine::args`] give them).
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
            "kubectl" => kubectl::parse(rest)
                .map(|parsed| ParsedCommand {
                    command: Command::Kubectl(parsed.command),
                    warnings: parsed.warnings,
                })
                .map_err(|refusal| match refusal {
                    Refusal::NotACommand(message) => ParseError::NotACommand { message },
                    Refusal::Kubectl(message) => ParseError::Kubectl { message },
                }),
            "sim" => sim::parse(rest)
                .map(|sim| ParsedCommand {
                    command: Command::Sim(sim),
                    warnings: Vec::new(),
                })
                .map_err(|message| ParseError::NotACommand { message }),
            "expect" => expect::parse(rest)
                .map(|e| ParsedCommand {
                    command: Command::Expect(e),
                    warnings: Vec::new(),
                })
                .map_err(|message| ParseError::NotACommand { message }),
            "help" => help::parse(rest)
                .map(|()| ParsedCommand {
                    command: Command::Help,
                    warnings: Vec::new(),
                })
                .map_err(|message| ParseError::NotACommand { message }),
            other => Err(ParseError::NotACommand {
                message: format!(
                    "{other:?} is not a command of the scenario language: commands start with kubectl, sim or expect"
                ),
            }),
        },
    }
}

/// Runs a command against `cluster`: `stdin` is the command's standard input (its
/// here-document), `files` where `-f FILE` is read (`None`: no file system), `previous` what the
/// last command before it printed (for `expect`).
pub(crate) fn run(
    command: &Command,
    cluster: &mut Cluster,
    stdin: Option<&str>,
    files: Option<&dyn FileSource>,
    previous: Option<Previous<'_>>,
) -> Out {
    match command {
        Command::Kubectl(k) => {
            let mut ctx = Context {
                cluster,
                stdin,
                files,
            };
            kubectl::run(&mut ctx, k)
        }
        Command::Sim(s) => sim::run(cluster, s),
        Command::Expect(e) => {
            let outcome = expect::evaluate(e, cluster, previous);
            Out {
                text: outcome.report,
                failed: !outcome.met,
            }
        }
        Command::Help => Out {
            text: help::HELP.to_string(),
            failed: false,
        },
    }
}

mod help;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

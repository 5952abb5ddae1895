//! Running the scenario language: a [`Session`] (a simulated cluster plus the way to read
//! `-f FILE`) executes one command line at a time for the web console and the interactive CLI;
//! [`run_script`] runs a whole scenario and writes its transcript (scenario-language.md, "The
//! runner").
//!
//! Transcript: for every command, `$ <the command as written>` (here-document bodies not
//! repeated), then exactly what it prints: kubectl's warnings, output and errors, in the order a
//! terminal shows them. A kubectl error does not stop the script unless `strict` is set (exit
//! status 1). A line that is not a command of the language stops the run with exit status 2 and
//! the message `dsplay: line N: <what is wrong>`; so does a script that cannot be read (an
//! unclosed quote or here-document). The same input always gives the same transcript.

use crate::cluster::Cluster;
use crate::command::{self, Command, ParseError, parse_command_full};
use crate::expect::{self, Expect, Outcome, Previous};
pub use crate::kubectl::{FileError, FileSource};
use crate::script::{ScriptLine, read_script};
use std::path::{Path, PathBuf};

/// Most commands [`Session::execute`] runs from one input (a paste into the console): beyond,
/// the input is refused before anything runs, so a runaway paste cannot freeze the page.
pub const MAX_COMMANDS_AT_ONCE: usize = 10_000;
/// Largest input of commands (a console paste, a script) read at once. Smaller than a manifest's
/// limit ([`crate::manifest::MAX_INPUT_BYTES`]): a script is held line by line, a pasted
/// manifest (standard input) is read one object at a time.
pub const MAX_SCRIPT_BYTES: usize = 10 * 1024 * 1024;

/// Exit status of a run that went through.
pub const EXIT_OK: i32 = 0;
/// Exit status of `--strict` at the first error.
pub const EXIT_STRICT_ERROR: i32 = 1;
/// Exit status for a line that is not a command (and for command-line usage errors).
pub const EXIT_BAD_LINE: i32 = 2;

/// What one command printed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommandOutput {
    /// Everything the command printed, each line ending with a newline.
    pub output: String,
    /// Whether it failed (kubectl would exit non-zero).
    pub is_error: bool,
}

impl CommandOutput {
    fn as_previous(&self) -> Previous<'_> {
        Previous {
            output: &self.output,
            failed: self.is_error,
        }
    }
}

/// The result of [`run_script`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOutcome {
    pub transcript: String,
    pub exit_code: i32,
}

/// Manifest files on disk, relative to a folder (the scenario's).
#[derive(Debug, Clone)]
pub struct DirFiles {
    base: PathBuf,
}

impl DirFiles {
    pub fn new(base: impl Into<PathBuf>) -> DirFiles {
        DirFiles { base: base.into() }
    }
}

impl FileSource for DirFiles {
    fn read(&self, path: &str) -> Result<String, FileError> {
        let full = self.base.join(path);
        let meta = std::fs::metadata(&full).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => FileError::NotFound,
            _ => FileError::Other(e.to_string()),
        })?;
        if meta.is_dir() {
            return Err(FileError::Other(
                "reading a directory of manifests is not supported".into(),
            ));
        }
        if meta.len() > crate::manifest::MAX_INPUT_BYTES as u64 {
            return Err(FileError::Other(format!(
                "the file has {} bytes; the playground reads at most {}",
                meta.len(),
                crate::manifest::MAX_INPUT_BYTES
            )));
        }
        let bytes = std::fs::read(&full).map_err(|e| FileError::Other(e.to_string()))?;
        String::from_utf8(bytes).map_err(|_| FileError::Other("the file is not UTF-8 text".into()))
    }
}

/// What running one line gave.
enum Step {
    Ran(CommandOutput),
    /// Not a command of the language: the message, without line number.
    NotACommand(String),
}

/// A simulated cluster and the commands run against it.
pub struct Session {
    cluster: Cluster,
    files: Option<Box<dyn FileSource>>,
    /// What the last command (not an `expect`) printed, for `expect output|failed|succeeded`.
    previous: Option<CommandOutput>,
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

impl Session {
    /// An empty cluster (no nodes, no objects, clock at 0) and no file system: `-f -` only.
    pub fn new() -> Session {
        Session {
            cluster: Cluster::new(),
            files: None,
            previous: None,
        }
    }

    /// As [`Session::new`], reading `-f FILE` through `files`.
    pub fn with_files(files: Box<dyn FileSource>) -> Session {
        Session {
            cluster: Cluster::new(),
            files: Some(files),
            previous: None,
        }
    }

    pub fn cluster(&self) -> &Cluster {
        &self.cluster
    }

    /// Checks an expectation against the cluster and the last command, without running or
    /// recording anything (a lesson's goal, checked after every command and tick).
    pub fn evaluate(&self, e: &Expect) -> Outcome {
        expect::evaluate(e, &self.cluster, self.previous())
    }

    fn previous(&self) -> Option<Previous<'_>> {
        self.previous.as_ref().map(CommandOutput::as_previous)
    }

    /// Runs a command the user did not type (a view's `kubectl get`, the playing clock's
    /// `sim advance`) without it becoming the previous command that `expect output` and
    /// `expect failed` look at.
    pub fn execute_aside(&mut self, line: &str) -> CommandOutput {
        let previous = self.previous.take();
        let out = self.execute(line, None);
        self.previous = previous;
        out
    }

    /// Runs what the user typed: one command (or several lines, as a script runs them, with
    /// their here-documents). `stdin` is the standard input of a command that has no
    /// here-document of its own (`kubectl apply -f -`). Several commands print as a transcript
    /// does, each after `$ <command>`.
    pub fn execute(&mut self, line: &str, stdin: Option<&str>) -> CommandOutput {
        let refuse = |message: String| CommandOutput {
            output: format!("dsplay: {message}\n"),
            is_error: true,
        };
        if line.len() > MAX_SCRIPT_BYTES {
            return refuse(format!(
                "the input has {} bytes; the playground reads at most {MAX_SCRIPT_BYTES} at a time",
                line.len(),
            ));
        }
        let lines = match read_script(line) {
            Ok(lines) => lines,
            Err(e) => {
                return CommandOutput {
                    output: format!("dsplay: {}\n", e.message),
                    is_error: true,
                };
            }
        };
        if lines.len() > MAX_COMMANDS_AT_ONCE {
            return refuse(format!(
                "the input has {} commands; the console runs at most {MAX_COMMANDS_AT_ONCE} at a time (dsplay run FILE has no such limit)",
                lines.len()
            ));
        }
        let several = lines.len() > 1;
        let mut result = CommandOutput::default();
        for l in &lines {
            let input = l.stdin.as_deref().or(stdin);
            if several {
                result.output.push_str(&format!("$ {}\n", l.text));
            }
            match self.step(&l.args, input) {
                Step::Ran(o) => {
                    result.output.push_str(&o.output);
                    result.is_error |= o.is_error;
                }
                Step::NotACommand(message) => {
                    result.output.push_str(&format!("dsplay: {message}\n"));
                    result.is_error = true;
                    break;
                }
            }
        }
        result
    }

    /// Runs the words of one command line.
    fn step(&mut self, args: &[String], stdin: Option<&str>) -> Step {
        let parsed = match parse_command_full(args) {
            Ok(p) => p,
            Err(ParseError::NotACommand { message }) => return Step::NotACommand(message),
            Err(ParseError::Kubectl { message }) => {
                let mut output = message;
                if !output.ends_with('\n') {
                    output.push('\n');
                }
                let ran = CommandOutput {
                    output,
                    is_error: true,
                };
                self.previous = Some(ran.clone());
                return Step::Ran(ran);
            }
        };
        let mut output = String::new();
        for w in &parsed.warnings {
            output.push_str(w);
            output.push('\n');
        }
        let previous = self.previous.take();
        self.cluster.start_command();
        let mut out = command::run(
            &parsed.command,
            &mut self.cluster,
            stdin,
            self.files.as_deref(),
            previous.as_ref().map(CommandOutput::as_previous),
        );
        if let Some(stop) = self.cluster.stopped() {
            if !out.text.is_empty() && !out.text.ends_with('\n') {
                out.text.push('\n');
            }
            out.text
                .push_str(&stop.message(self.cluster.elapsed_millis()));
            out.failed = true;
        }
        output.push_str(&out.text);
        if !output.is_empty() && !output.ends_with('\n') {
            output.push('\n');
        }
        let ran = CommandOutput {
            output,
            is_error: out.failed,
        };
        // An expectation reads the previous command; it does not become it.
        self.previous = if matches!(parsed.command, Command::Expect(_)) {
            previous
        } else {
            Some(ran.clone())
        };
        Step::Ran(ran)
    }

    /// Runs one line of a script, for the transcript.
    fn run_line(&mut self, line: &ScriptLine) -> Step {
        self.step(&line.args, line.stdin.as_deref())
    }

    /// Runs one line of a script read beforehand: what it printed, or, for a line that is not a
    /// command of the language, why (without the line number).
    pub fn run_script_line(&mut self, line: &ScriptLine) -> Result<CommandOutput, String> {
        match self.run_line(line) {
            Step::Ran(o) => Ok(o),
            Step::NotACommand(message) => Err(message),
        }
    }
}

/// Runs a whole scenario from an empty cluster. `base_dir` is the folder `-f FILE` paths are
/// relative to (`None`: no file system, only `-f -`). With `strict`, the first failing command
/// ends the run with exit status 1.
pub fn run_script(src: &str, base_dir: Option<&Path>, strict: bool) -> RunOutcome {
    let lines = match read_script(src) {
        Ok(lines) => lines,
        Err(e) => {
            return RunOutcome {
                transcript: format!("dsplay: line {}: {}\n", e.line, e.message),
                exit_code: EXIT_BAD_LINE,
            };
        }
    };
    let mut session = match base_dir {
        Some(dir) => Session::with_files(Box::new(DirFiles::new(dir))),
        None => Session::new(),
    };
    let mut transcript = String::new();
    for line in &lines {
        match session.run_line(line) {
            Step::NotACommand(message) => {
                transcript.push_str(&format!("dsplay: line {}: {message}\n", line.line));
                return RunOutcome {
                    transcript,
                    exit_code: EXIT_BAD_LINE,
                };
            }
            Step::Ran(o) => {
                transcript.push_str(&format!("$ {}\n", line.text));
                transcript.push_str(&o.output);
                if strict && o.is_error {
                    return RunOutcome {
                        transcript,
                        exit_code: EXIT_STRICT_ERROR,
                    };
                }
            }
        }
    }
    RunOutcome {
        transcript,
        exit_code: EXIT_OK,
    }
}

#[cfg(test)]
mod audit_tests;
#[cfg(test)]
mod churn_tests;
#[cfg(test)]
mod container_events_tests;
#[cfg(test)]
mod event_ttl_tests;
#[cfg(test)]
mod tests;

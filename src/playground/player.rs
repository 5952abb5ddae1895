//! The script player: a scenario script loaded into the console and played one command at a
//! time ("Next step"), or all at once ("Run all"), each command run through the console's
//! command path. Plain state: which commands the script has and which one is next.

use dsplay_engine::runner::MAX_COMMANDS_AT_ONCE;
use dsplay_engine::script::read_script;

/// One command of a loaded script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptStep {
    /// 1-based line of the script where the command starts.
    pub line: usize,
    /// The command as written (continuations joined, the here-document marker kept): what the
    /// script panel shows.
    pub text: String,
    /// The command line run: the here-document marker taken off, as the transcript shows it.
    pub command: String,
    /// The here-document body, the command's standard input.
    pub stdin: Option<String>,
    /// The `#` comment lines just above the command (the `#` taken off), a tutorial's words
    /// about it.
    pub comment: Option<String>,
}

impl ScriptStep {
    /// How many lines of standard input the command has (0 without a here-document).
    pub fn stdin_lines(&self) -> usize {
        self.stdin.as_deref().map_or(0, |s| s.lines().count())
    }
}

/// A loaded script and how far it has been played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Player {
    steps: Vec<ScriptStep>,
    /// Index of the next command to run (`steps.len()` once the script is over).
    next: usize,
    /// "Run all" is under way: the remaining commands run a slice at a time.
    running: bool,
    /// Close the player once the script is over (a script run from the console's box: its
    /// transcript is the record, there is nothing left to step through).
    close_when_done: bool,
}

/// Why a script was not loaded (nothing ran; the text is still where it was).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError(pub String);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Player {
    /// Reads `script` into its commands, or says why it does not read (which line, what).
    pub fn load(script: &str) -> Result<Player, LoadError> {
        if script.len() > dsplay_engine::runner::MAX_SCRIPT_BYTES {
            return Err(LoadError(format!(
                "the script has {} bytes; the playground reads at most {} at a time",
                script.len(),
                dsplay_engine::runner::MAX_SCRIPT_BYTES
            )));
        }
        let lines = read_script(script).map_err(|e| LoadError(e.to_string()))?;
        if lines.is_empty() {
            return Err(LoadError("the script has no commands".to_string()));
        }
        if lines.len() > MAX_COMMANDS_AT_ONCE {
            return Err(LoadError(format!(
                "the script has {} commands; the console plays at most {MAX_COMMANDS_AT_ONCE} (dsplay run FILE has no such limit)",
                lines.len()
            )));
        }
        let source: Vec<&str> = script.lines().collect();
        let steps = lines
            .into_iter()
            .map(|l| {
                let comment = comment_above(&source, l.line);
                let command = match (&l.stdin, l.text.rfind("<<")) {
                    (Some(_), Some(at)) => l.text[..at].trim_end().to_string(),
                    _ => l.text.clone(),
                };
                ScriptStep {
                    line: l.line,
                    text: l.text,
                    command,
                    stdin: l.stdin,
                    comment,
                }
            })
            .collect();
        Ok(Player {
            steps,
            next: 0,
            running: false,
            close_when_done: false,
        })
    }

    pub fn steps(&self) -> &[ScriptStep] {
        &self.steps
    }

    /// Index of the next command (`len()` once over).
    pub fn position(&self) -> usize {
        self.next
    }

    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The command "Next step" runs, if any is left.
    pub fn next_step(&self) -> Option<&ScriptStep> {
        self.steps.get(self.next)
    }

    /// How many commands have not run yet.
    pub fn remaining(&self) -> usize {
        self.steps.len().saturating_sub(self.next)
    }

    pub fn is_done(&self) -> bool {
        self.remaining() == 0
    }

    /// Whether "Run all" is under way.
    pub fn is_running(&self) -> bool {
        self.running && !self.is_done()
    }

    /// Takes the next command to run and moves past it.
    pub(super) fn advance(&mut self) -> Option<ScriptStep> {
        let step = self.steps.get(self.next)?.clone();
        self.next += 1;
        if self.is_done() {
            self.running = false;
        }
        Some(step)
    }

    pub(super) fn set_running(&mut self, running: bool) {
        self.running = running && !self.is_done();
    }

    pub(super) fn close_when_done(&mut self) {
        self.close_when_done = true;
    }

    pub(super) fn closes_when_done(&self) -> bool {
        self.close_when_done
    }

    /// The steps a list of at most `limit` lines shows: all of a short script; of a long
    /// one, a window that keeps the next command near its top.
    pub fn window(&self, limit: usize) -> std::ops::Range<usize> {
        let len = self.steps.len();
        if len <= limit {
            return 0..len;
        }
        let start = self.next.saturating_sub(limit / 4).min(len - limit);
        start..start + limit
    }
}

/// The comment lines right above line `line` (1-based) of `source`, joined by newlines.
fn comment_above(source: &[&str], line: usize) -> Option<String> {
    let mut at = line.checked_sub(1)?;
    let mut lines = Vec::new();
    while at > 0 {
        at -= 1;
        let Some(text) = source.get(at).map(|l| l.trim()) else {
            break;
        };
        let Some(words) = text.strip_prefix('#') else {
            break;
        };
        lines.push(words.trim());
    }
    lines.reverse();
    let text = lines.join("\n");
    (!text.trim().is_empty()).then_some(text)
}

/// Whether `text` is a command still being typed: it opens a here-document that no line closes
/// yet, so Enter goes on to a new line, as a shell prompts for the rest.
pub fn needs_more(text: &str) -> bool {
    matches!(read_script(text), Err(e) if e.message.starts_with("unterminated here-document"))
}

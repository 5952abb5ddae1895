//! The scenario log: every command line the playground ran, in order. Replayed on an empty
//! cluster it gives the same cluster again (the engine is deterministic), which is how links,
//! autosaves and exported files keep a whole scenario. The clock's ticks are summed into one
//! `sim advance` between two commands.

use dsplay_engine::script::{ScriptLine, read_script};
use std::fmt::Write as _;

/// One logged command.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Logged {
    command: String,
    stdin: Option<String>,
}

/// The commands run so far and the clock time not yet written as a command.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Log {
    entries: Vec<Logged>,
    pending_millis: u64,
}

/// The longest `sim advance` written at once (the engine refuses more than a year).
const CHUNK_MILLIS: u64 = 24 * 3600 * 1000;

impl Log {
    /// Logs a command run through the console's path.
    pub fn command(&mut self, command: &str, stdin: Option<&str>) {
        self.flush_clock();
        self.entries.push(Logged {
            command: command.to_string(),
            stdin: stdin.map(str::to_string),
        });
    }

    /// Logs a tick of the playing clock.
    pub fn tick(&mut self, millis: u64) {
        self.pending_millis = self.pending_millis.saturating_add(millis);
    }

    fn flush_clock(&mut self) {
        while self.pending_millis > 0 {
            let step = self.pending_millis.min(CHUNK_MILLIS);
            self.pending_millis -= step;
            self.entries.push(Logged {
                command: format!("sim advance {step}ms"),
                stdin: None,
            });
        }
    }

    /// How many commands are logged, and the clock time since the last: changes whenever the
    /// script would.
    pub fn revision(&self) -> (usize, u64) {
        (self.entries.len(), self.pending_millis)
    }

    /// The log as a scenario script: one line per command, standard input as a here-document.
    /// Commands that cannot stand as one line of a script (a lone `<<EOF`, a trailing `\`, a
    /// comment) changed nothing when they ran and are left out.
    pub fn script(&self) -> String {
        let mut log = self.clone();
        log.flush_clock();
        let mut out = String::new();
        for e in &log.entries {
            if !is_one_line(&e.command) {
                continue;
            }
            match &e.stdin {
                None => {
                    out.push_str(&e.command);
                    out.push('\n');
                }
                Some(body) => {
                    let word = delimiter(body);
                    let body = body.strip_suffix('\n').unwrap_or(body);
                    let _ = writeln!(out, "{} <<'{word}'\n{body}\n{word}", e.command);
                }
            }
        }
        out
    }
}

/// Whether `command` reads back, alone, as exactly this one command without a here-document.
fn is_one_line(command: &str) -> bool {
    let trimmed = command.trim();
    if trimmed.is_empty() || trimmed.contains('\n') || trimmed.ends_with('\\') {
        return false;
    }
    matches!(read_script(trimmed).as_deref(), Ok([line]) if line.stdin.is_none())
}

/// A here-document word that no line of `body` equals.
fn delimiter(body: &str) -> String {
    let taken = |w: &str| body.lines().any(|l| l.trim_ascii() == w);
    let mut word = "EOF".to_string();
    let mut n = 1;
    while taken(&word) {
        word = format!("EOF{n}");
        n += 1;
    }
    word
}

/// The command lines of a script, with their standard input, as [`Log::script`] wrote them:
/// the here-document marker taken off the command.
pub fn commands(script: &str) -> Result<Vec<(String, Option<String>)>, String> {
    let lines = read_script(script).map_err(|e| e.to_string())?;
    Ok(lines.iter().map(command_of).collect())
}

/// A script's line as the console runs it: the command without its here-document marker, and
/// the here-document as standard input.
pub fn command_of(line: &ScriptLine) -> (String, Option<String>) {
    let command = match (&line.stdin, line.text.rfind("<<")) {
        (Some(_), Some(at)) => line.text[..at].trim_end().to_string(),
        _ => line.text.clone(),
    };
    (command, line.stdin.clone())
}

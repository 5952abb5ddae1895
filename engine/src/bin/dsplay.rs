//! `dsplay`: the DaemonSet Playground on the command line.
//!
//! - `dsplay run FILE|- [--strict]` runs a scenario and prints its transcript; exit status 0,
//!   1 (`--strict` and a command failed) or 2 (a line that is not a command, or bad usage);
//! - `dsplay test [--tap] FILE…` runs scenarios and lessons as tests (`N passed, N failed`, or
//!   TAP); exit status 0 when all pass, 1 when one fails, 2 for a file that cannot be read;
//! - `dsplay` alone reads commands from standard input, one at a time (a `dsplay> ` prompt when
//!   standard input is a terminal), with here-documents and `\` continuations as in scenarios;
//! - `dsplay --help`, `dsplay --version`.

use dsplay_engine::VERSION;
use dsplay_engine::runner::{
    DirFiles, EXIT_BAD_LINE, EXIT_OK, EXIT_STRICT_ERROR, Session, run_script,
};
use dsplay_engine::script::script_text;
use dsplay_engine::suite::{TestResult, report_tap, report_text, test_source};
use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
dsplay - the DaemonSet Playground: a Kubernetes DaemonSet simulator

Usage:
  dsplay run FILE [--strict]   run a scenario and print its transcript (FILE - reads standard input)
  dsplay test [--tap] FILE...  run scenarios and lessons as tests: expect lines must hold, and a
                               failed command must be followed by `expect failed`
  dsplay                       type commands at a prompt (kubectl … and sim …)
  dsplay --help                this help
  dsplay --version             the version

A scenario is one command per line: kubectl apply|create|delete|get|describe|label|taint|
cordon|uncordon|drain|rollout|set image …, sim advance|settle|node|image|pod|seed|timing … and
expect pods|KIND/NAME|output|failed|succeeded …; `-f FILE` paths are relative to the scenario's
folder. Exit status: 0 ok, 1 a command failed under --strict (a test failed, for dsplay test), 2 a
line that is not a command (or bad usage).
";

fn exit(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None => interactive(),
        Some("--help" | "-h" | "help") => {
            print!("{USAGE}");
            exit(EXIT_OK)
        }
        Some("--version" | "-V" | "version") => {
            println!("dsplay {VERSION}");
            exit(EXIT_OK)
        }
        Some("run") => run(&args[1..]),
        Some("test") => test(&args[1..]),
        Some(other) => {
            eprintln!("dsplay: unknown command {other:?}\n\n{USAGE}");
            exit(EXIT_BAD_LINE)
        }
    }
}

fn run(args: &[String]) -> ExitCode {
    let mut file: Option<&str> = None;
    let mut strict = false;
    for a in args {
        match a.as_str() {
            "--strict" => strict = true,
            "-" => file = file.or(Some("-")),
            s if s.starts_with('-') => {
                eprintln!("dsplay run: unknown flag {s:?}\n\n{USAGE}");
                return exit(EXIT_BAD_LINE);
            }
            s => {
                if file.is_some() {
                    eprintln!("dsplay run: one scenario at a time\n\n{USAGE}");
                    return exit(EXIT_BAD_LINE);
                }
                file = Some(s);
            }
        }
    }
    let Some(file) = file else {
        eprintln!("dsplay run: which scenario? (a file, or - for standard input)\n\n{USAGE}");
        return exit(EXIT_BAD_LINE);
    };
    let (src, base): (String, PathBuf) = if file == "-" {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            eprintln!("dsplay: cannot read standard input: {e}");
            return exit(EXIT_BAD_LINE);
        }
        match text(bytes) {
            Ok(s) => (s, PathBuf::from(".")),
            Err(code) => return code,
        }
    } else {
        match read_text(file) {
            Ok(s) => (
                s,
                Path::new(file)
                    .parent()
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            ),
            Err(code) => return code,
        }
    };
    let outcome = run_script(&src, Some(&base), strict);
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(outcome.transcript.as_bytes());
    let _ = stdout.flush();
    exit(outcome.exit_code)
}

/// A scenario's text; on failure, the exit status after saying why (invalid UTF-8 by line, as a
/// line that cannot be read).
fn read_text(file: &str) -> Result<String, ExitCode> {
    match std::fs::read(file) {
        Ok(bytes) => text(bytes),
        Err(e) => {
            eprintln!("dsplay: cannot read {file}: {e}");
            Err(exit(EXIT_BAD_LINE))
        }
    }
}

fn text(bytes: Vec<u8>) -> Result<String, ExitCode> {
    script_text(bytes).map_err(|e| {
        println!("dsplay: line {}: {}", e.line, e.message);
        exit(EXIT_BAD_LINE)
    })
}

/// `dsplay test [--tap] FILE…`.
fn test(args: &[String]) -> ExitCode {
    let mut tap = false;
    let mut files: Vec<&str> = Vec::new();
    for a in args {
        match a.as_str() {
            "--tap" => tap = true,
            s if s.starts_with('-') => {
                eprintln!("dsplay test: unknown flag {s:?}\n\n{USAGE}");
                return exit(EXIT_BAD_LINE);
            }
            s => files.push(s),
        }
    }
    if files.is_empty() {
        eprintln!("dsplay test: which scenarios or lessons?\n\n{USAGE}");
        return exit(EXIT_BAD_LINE);
    }
    let mut results: Vec<TestResult> = Vec::new();
    for file in files {
        let src = match read_text(file) {
            Ok(s) => s,
            Err(code) => return code,
        };
        let base = Path::new(file)
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        results.extend(test_source(&src, file, Some(&base)));
    }
    let report = if tap {
        report_tap(&results)
    } else {
        report_text(&results)
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(report.as_bytes());
    let _ = stdout.flush();
    if results.iter().all(|r| r.passed) {
        exit(EXIT_OK)
    } else {
        exit(EXIT_STRICT_ERROR)
    }
}

/// The delimiter of a here-document marker on the line (`<<EOF`, `<<'EOF'`, `<<-"EOF"`), found
/// roughly (the script reader does the exact parsing once the body is complete).
fn heredoc_delimiter(line: &str) -> Option<String> {
    let at = line.rfind("<<")?;
    let rest = line[at + 2..].trim_start_matches('-').trim_start();
    let word: String = rest
        .trim_matches(|c| c == '\'' || c == '"')
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '\'' && *c != '"')
        .collect();
    if word.is_empty() { None } else { Some(word) }
}

fn interactive() -> ExitCode {
    let stdin = std::io::stdin();
    let tty = stdin.is_terminal();
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut session = Session::with_files(Box::new(DirFiles::new(cwd)));
    let mut lines = stdin.lock().lines();
    let mut stdout = std::io::stdout();
    loop {
        if tty {
            let _ = write!(stdout, "dsplay> ");
            let _ = stdout.flush();
        }
        let Some(Ok(first)) = lines.next() else { break };
        let mut block = first;
        // `\` continuations.
        while block.trim_end().ends_with('\\') {
            match lines.next() {
                Some(Ok(more)) => {
                    block.push('\n');
                    block.push_str(&more);
                }
                _ => break,
            }
        }
        // A here-document: read up to its delimiter.
        if let Some(delim) = heredoc_delimiter(&block) {
            for more in lines.by_ref() {
                let Ok(more) = more else { break };
                let done = more.trim() == delim;
                block.push('\n');
                block.push_str(&more);
                if done {
                    break;
                }
            }
        }
        let out = session.execute(&block, None);
        let _ = stdout.write_all(out.output.as_bytes());
        let _ = stdout.flush();
    }
    if tty {
        let _ = writeln!(stdout);
    }
    exit(EXIT_OK)
}

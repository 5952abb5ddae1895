//! `dsplay test`: scenarios and lessons run as tests, for a tutorial's CI.
//!
//! A scenario is one test. It passes when it runs to its end with every expectation met and no
//! command failing, except a command followed at once by `expect failed …`, which says the
//! failure is the point. A lesson is one test per step: the lesson's setup, then each step's
//! setup and solution in order, and the step passes when its goal is met.

use crate::command::{Command, parse_command};
use crate::expect::Expect;
use crate::lesson::{self, Lesson};
use crate::runner::{DirFiles, Session};
use crate::script::{ScriptLine, read_script};
use std::fmt::Write;
use std::path::Path;

/// The result of one test: a scenario, or one step of a lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestResult {
    /// The file, and for a lesson's step its number and title.
    pub name: String,
    pub passed: bool,
    /// Why it failed: the line, the command and what it printed, the unmet expectation.
    pub details: String,
}

/// Runs the scenario or lesson `src` (named `name`), reading `-f FILE` relative to `base_dir`.
pub fn test_source(src: &str, name: &str, base_dir: Option<&Path>) -> Vec<TestResult> {
    let mut session = match base_dir {
        Some(dir) => Session::with_files(Box::new(DirFiles::new(dir))),
        None => Session::new(),
    };
    if lesson::is_lesson(src) {
        return match lesson::parse(src) {
            Ok(l) => test_lesson(&mut session, &l, name),
            Err(e) => vec![failed(name, format!("dsplay: {e}\n"))],
        };
    }
    let lines = match read_script(src) {
        Ok(lines) => lines,
        Err(e) => {
            return vec![failed(
                name,
                format!("dsplay: line {}: {}\n", e.line, e.message),
            )];
        }
    };
    let mut checker = Checker::default();
    let details = checker
        .run(&mut session, &lines)
        .err()
        .or_else(|| checker.finish());
    vec![match details {
        None => passed(name),
        Some(d) => failed(name, d),
    }]
}

fn test_lesson(session: &mut Session, lesson: &Lesson, name: &str) -> Vec<TestResult> {
    let mut results = Vec::new();
    let mut checker = Checker::default();
    let setup = checker.run(session, &lesson.setup);
    for (i, step) in lesson.steps.iter().enumerate() {
        let title = step
            .title
            .get(lesson::DEFAULT_LANG)
            .map_or("", String::as_str);
        let test_name = format!("{name}: step {} {title}", i + 1);
        if let Err(d) = &setup {
            results.push(failed(
                &test_name,
                format!("the lesson's setup failed\n{d}"),
            ));
            continue;
        }
        let goal: Vec<ScriptLine> = step.goal.iter().map(|g| g.line.clone()).collect();
        let outcome = checker
            .run(session, &step.setup)
            .and_then(|()| checker.run(session, &step.solution))
            .and_then(|()| checker.run(session, &goal))
            .err()
            .or_else(|| checker.finish());
        results.push(match outcome {
            None => passed(&test_name),
            Some(d) => failed(&test_name, d),
        });
    }
    results
}

/// Runs commands and decides whether a failure is expected (the next command is
/// `expect failed …`) or fails the test.
#[derive(Default)]
struct Checker {
    /// A command that failed, waiting to see whether the next one expects it.
    pending: Option<String>,
}

impl Checker {
    fn run(&mut self, session: &mut Session, lines: &[ScriptLine]) -> Result<(), String> {
        for line in lines {
            let expects_failure = matches!(
                parse_command(&line.args),
                Ok(Command::Expect(Expect::Outcome { failed: true, .. }))
            );
            if let Some(pending) = self.pending.take()
                && !expects_failure
            {
                return Err(pending);
            }
            let out = session
                .run_script_line(line)
                .map_err(|message| format!("dsplay: line {}: {message}\n", line.line))?;
            if out.is_error {
                let report = format!("line {}: $ {}\n{}", line.line, line.text, out.output);
                if matches!(parse_command(&line.args), Ok(Command::Expect(_))) {
                    return Err(report);
                }
                self.pending = Some(report);
            }
        }
        Ok(())
    }

    /// A failure nothing expected, at the end.
    fn finish(&mut self) -> Option<String> {
        self.pending.take()
    }
}

fn passed(name: &str) -> TestResult {
    TestResult {
        name: name.to_string(),
        passed: true,
        details: String::new(),
    }
}

fn failed(name: &str, details: String) -> TestResult {
    TestResult {
        name: name.to_string(),
        passed: false,
        details,
    }
}

/// The results as lines for a terminal: `ok NAME` or `FAIL NAME` with the details indented, and
/// a last line `N passed, N failed`.
pub fn report_text(results: &[TestResult]) -> String {
    let mut out = String::new();
    for r in results {
        let _ = writeln!(out, "{} {}", if r.passed { "ok  " } else { "FAIL" }, r.name);
        for line in r.details.lines() {
            let _ = writeln!(out, "     {line}");
        }
    }
    let passed = results.iter().filter(|r| r.passed).count();
    let _ = writeln!(out, "{passed} passed, {} failed", results.len() - passed);
    out
}

/// The results as TAP version 13, the details as a YAML block of each failure.
pub fn report_tap(results: &[TestResult]) -> String {
    let mut out = format!("TAP version 13\n1..{}\n", results.len());
    for (i, r) in results.iter().enumerate() {
        let status = if r.passed { "ok" } else { "not ok" };
        let _ = writeln!(out, "{status} {} - {}", i + 1, r.name.replace('#', "\\#"));
        if !r.passed {
            out.push_str("  ---\n  message: |\n");
            for line in r.details.lines() {
                let _ = writeln!(out, "    {line}");
            }
            out.push_str("  ...\n");
        }
    }
    out
}

#[cfg(test)]
mod tests;

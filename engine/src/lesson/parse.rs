//! Reading a lesson file: its directives (`#@`, `#|`) and its commands, each command parsed as
//! the runner parses it, so that a lesson that reads is a lesson that runs.

use super::markdown::{self, Block};
use super::{Goal, Lesson, Step, Texts};
use crate::command::{Command, ParseError, parse_command};
use crate::script::{ScriptItem, ScriptLine, read_script_items};
use std::fmt;

/// Why a lesson cannot be read: the line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LessonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for LessonError {}

/// Whether a script is a lesson: it has a `#@ step`.
pub fn is_lesson(src: &str) -> bool {
    src.lines().any(|l| {
        let l = l.trim();
        l == "#@ step" || l.starts_with("#@ step:")
    })
}

/// Where the next commands go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    LessonSetup,
    /// In a step, before any of setup/solution/goal.
    None,
    Setup,
    Solution,
    Goal,
}

/// A text block being read: its language and lines, and whether it is the editor's text.
struct OpenText {
    lang: String,
    line: usize,
    lines: Vec<String>,
    editor: bool,
}

struct Reader {
    lesson: Lesson,
    section: Section,
    text: Option<OpenText>,
}

/// Reads a lesson.
pub fn parse(src: &str) -> Result<Lesson, LessonError> {
    let items = read_script_items(src).map_err(|e| LessonError {
        line: e.line,
        message: e.message,
    })?;
    let mut r = Reader {
        lesson: Lesson {
            title: Texts::default(),
            intro: Texts::default(),
            editor: None,
            setup: Vec::new(),
            steps: Vec::new(),
        },
        section: Section::LessonSetup,
        text: None,
    };
    for item in items {
        match item {
            ScriptItem::Comment { line, text } => {
                if let Some(rest) = text.strip_prefix("#|") {
                    let Some(open) = &mut r.text else {
                        return Err(err(line, "a #| line outside a #@ text block"));
                    };
                    open.lines
                        .push(rest.strip_prefix(' ').unwrap_or(rest).to_string());
                    continue;
                }
                r.close_text()?;
                if let Some(rest) = text.strip_prefix("#@") {
                    r.directive(line, rest.trim())?;
                }
            }
            ScriptItem::Command(cmd) => {
                r.close_text()?;
                r.command(cmd)?;
            }
        }
    }
    r.close_text()?;
    let lesson = r.lesson;
    if lesson.steps.is_empty() {
        return Err(err(1, "a lesson needs at least one #@ step"));
    }
    if lesson.title.is_empty() {
        return Err(err(1, "a lesson needs a #@ title: before its first step"));
    }
    for step in &lesson.steps {
        if step.goal.is_empty() {
            return Err(err(step.line, "this step has no #@ goal (expect lines)"));
        }
        if step.title.exactly(super::DEFAULT_LANG).is_none() {
            return Err(err(step.line, "this step has no English title"));
        }
    }
    Ok(lesson)
}

fn err(line: usize, message: impl Into<String>) -> LessonError {
    LessonError {
        line,
        message: message.into(),
    }
}

/// `name` or `name[lang]`, then `: value` or nothing.
/// A lesson's titles alone, without parsing its commands and texts: the `#@ title` lines before
/// its first `#@ step` (here-documents skipped as [`parse`] skips them). For the page's menu of
/// built-in lessons, read at every start; [`parse`] stays the authority (the page's tests check
/// that both give every built-in lesson the same titles).
pub fn titles(src: &str) -> Texts<String> {
    let mut titles = Texts::default();
    for item in read_script_items(src).unwrap_or_default() {
        let ScriptItem::Comment { text, .. } = item else {
            continue;
        };
        let Some(d) = text.strip_prefix("#@") else {
            continue;
        };
        match split_directive(d.trim()) {
            ("step", _, _) => break,
            ("title", lang, Some(v)) if !v.is_empty() => {
                titles.set(lang.unwrap_or(super::DEFAULT_LANG), v.to_string());
            }
            _ => {}
        }
    }
    titles
}

fn split_directive(d: &str) -> (&str, Option<&str>, Option<&str>) {
    let (head, value) = match d.split_once(':') {
        Some((h, v)) => (h.trim(), Some(v.trim())),
        None => (d, None),
    };
    match head.split_once('[') {
        Some((name, lang)) => (name.trim(), lang.strip_suffix(']'), value),
        None => (head, None, value),
    }
}

fn valid_lang(lang: &str) -> bool {
    !lang.is_empty()
        && lang.len() <= 35
        && lang.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

impl Reader {
    fn step_mut(&mut self) -> Option<&mut Step> {
        self.lesson.steps.last_mut()
    }

    fn directive(&mut self, line: usize, d: &str) -> Result<(), LessonError> {
        let (name, lang, value) = split_directive(d);
        let lang = match lang {
            Some(l) if valid_lang(l) => l,
            Some(l) => return Err(err(line, format!("{l:?} is not a language tag"))),
            None => super::DEFAULT_LANG,
        };
        let needs_value = |v: Option<&str>| match v {
            Some(v) if !v.is_empty() => Ok(v.to_string()),
            _ => Err(err(line, format!("#@ {name} needs a text after a colon"))),
        };
        match name {
            "step" => {
                let mut title = Texts::default();
                if let Some(v) = value.filter(|v| !v.is_empty()) {
                    title.set(lang, v.to_string());
                }
                self.lesson.steps.push(Step {
                    line,
                    title,
                    text: Texts::default(),
                    editor: None,
                    hints: Vec::new(),
                    setup: Vec::new(),
                    solution: Vec::new(),
                    goal: Vec::new(),
                });
                self.section = Section::None;
            }
            "title" => {
                let v = needs_value(value)?;
                let titles = match self.step_mut() {
                    Some(step) => &mut step.title,
                    None => &mut self.lesson.title,
                };
                if !titles.set(lang, v) {
                    return Err(err(line, format!("a second title in {lang}")));
                }
            }
            "text" | "editor" => {
                if value.is_some_and(|v| !v.is_empty()) {
                    return Err(err(
                        line,
                        format!("#@ {name} takes its text on the #| lines after it"),
                    ));
                }
                if name == "editor" && lang != super::DEFAULT_LANG {
                    return Err(err(line, "the editor's text has no language"));
                }
                self.text = Some(OpenText {
                    lang: lang.to_string(),
                    line,
                    lines: Vec::new(),
                    editor: name == "editor",
                });
            }
            "hint" => {
                let v = markdown::inlines(&needs_value(value)?);
                let Some(step) = self.step_mut() else {
                    return Err(err(line, "a hint belongs to a step"));
                };
                if lang == super::DEFAULT_LANG {
                    let mut hint = Texts::default();
                    hint.set(lang, v);
                    step.hints.push(hint);
                } else {
                    let Some(last) = step.hints.last_mut() else {
                        return Err(err(line, "a translated hint follows its English hint"));
                    };
                    if !last.set(lang, v) {
                        return Err(err(line, format!("this hint has a {lang} text already")));
                    }
                }
            }
            "setup" | "solution" | "goal" => {
                if self.step_mut().is_none() {
                    return Err(err(line, format!("#@ {name} belongs to a step")));
                }
                self.section = match name {
                    "setup" => Section::Setup,
                    "solution" => Section::Solution,
                    _ => Section::Goal,
                };
            }
            other => {
                return Err(err(
                    line,
                    format!(
                        "unknown directive #@ {other} (a lesson has title, step, text, editor, hint, setup, solution, goal)"
                    ),
                ));
            }
        }
        Ok(())
    }

    fn close_text(&mut self) -> Result<(), LessonError> {
        let Some(open) = self.text.take() else {
            return Ok(());
        };
        if open.editor {
            let mut text = open.lines.join("\n");
            text.push('\n');
            let slot = match self.lesson.steps.last_mut() {
                Some(step) => &mut step.editor,
                None => &mut self.lesson.editor,
            };
            if slot.replace(text).is_some() {
                return Err(err(open.line, "a second #@ editor text"));
            }
            return Ok(());
        }
        let blocks: Vec<Block> = markdown::parse(&open.lines.join("\n"));
        let texts = match self.lesson.steps.last_mut() {
            Some(step) => &mut step.text,
            None => &mut self.lesson.intro,
        };
        if !texts.set(&open.lang, blocks) {
            return Err(err(open.line, format!("a second text in {}", open.lang)));
        }
        Ok(())
    }

    fn command(&mut self, cmd: ScriptLine) -> Result<(), LessonError> {
        // A kubectl usage error is a command that fails, as on a terminal (a lesson may show
        // one); a line that is not a command at all is the lesson's mistake.
        let parsed = match parse_command(&cmd.args) {
            Ok(c) => Some(c),
            Err(ParseError::Kubectl { .. }) => None,
            Err(e @ ParseError::NotACommand { .. }) => return Err(err(cmd.line, e.message())),
        };
        let section = self.section;
        let line = cmd.line;
        let step = self.lesson.steps.last_mut();
        match (section, step) {
            (Section::LessonSetup, _) => self.lesson.setup.push(cmd),
            (Section::Setup, Some(step)) => step.setup.push(cmd),
            (Section::Solution, Some(step)) => step.solution.push(cmd),
            (Section::Goal, Some(step)) => match parsed {
                Some(Command::Expect(expect)) => step.goal.push(Goal { line: cmd, expect }),
                _ => return Err(err(line, "a goal holds expect lines only")),
            },
            _ => {
                return Err(err(
                    line,
                    "say #@ setup, #@ solution or #@ goal before a step's commands",
                ));
            }
        }
        Ok(())
    }
}

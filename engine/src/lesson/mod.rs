//! Lessons: a scenario file with steps, each a short text in one or more languages, commands
//! that set it up, a goal made of `expect` lines that the page checks after every command and
//! tick, hints, and a solution that `dsplay test` runs to prove the goal can be reached.
//!
//! The directives are comments of the scenario language (`#@ …` and `#| …`), so a lesson is also
//! a scenario: `dsplay run` runs its setup, solution and goal lines in order, which is exactly
//! the lesson done right.
//!
//! ```text
//! #@ title: Taints and tolerations          the lesson's title (#@ title[zh-Hans]: … too)
//! kubectl apply -f - <<EOF                  commands before the first step: the lesson's setup
//! …
//! EOF
//! #@ step: Keep pods off a node              a step and its English title
//! #@ title[zh-Hant]: …                       its title in another language
//! #@ text                                    its text (Markdown subset), one `#|` line each
//! #| Taint `node-2` so that new pods …
//! #@ text[zh-Hans]
//! #| …
//! #@ hint: Use `kubectl taint node`          a hint (#@ hint[zh-Hans]: … translates the last one)
//! #@ setup                                   commands run when the step opens
//! #@ solution                                what a learner would type (run by dsplay test)
//! kubectl taint node node-2 k=v:NoExecute
//! #@ goal                                    expect lines: the step is done when all are met
//! expect pods of ds/agent not on node-2
//! ```

pub mod markdown;
mod parse;

pub use parse::{LessonError, is_lesson, parse, titles};

use crate::expect::Expect;
use crate::script::ScriptLine;
use markdown::{Block, Inline};

/// The language a text falls back to.
pub const DEFAULT_LANG: &str = "en";

/// A lesson, read from its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    pub title: Texts<String>,
    /// Text before the first step.
    pub intro: Texts<Vec<Block>>,
    /// What the page's editor shows when the lesson opens (`#@ editor` before the first step).
    pub editor: Option<String>,
    /// Commands before the first step: run once, when the lesson opens.
    pub setup: Vec<ScriptLine>,
    pub steps: Vec<Step>,
}

/// One step of a lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The line of its `#@ step`.
    pub line: usize,
    pub title: Texts<String>,
    pub text: Texts<Vec<Block>>,
    /// What the page's editor shows when the step opens (`#@ editor`), e.g. a manifest to change.
    pub editor: Option<String>,
    pub hints: Vec<Texts<Vec<Inline>>>,
    /// Run when the step opens.
    pub setup: Vec<ScriptLine>,
    /// What a learner would type; `dsplay test` runs it before checking the goal.
    pub solution: Vec<ScriptLine>,
    /// Met when every expectation is.
    pub goal: Vec<Goal>,
}

/// One `expect` line of a step's goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    pub line: ScriptLine,
    pub expect: Expect,
}

/// A text in several languages.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Texts<T> {
    entries: Vec<(String, T)>,
}

impl<T> Default for Texts<T> {
    fn default() -> Self {
        Texts {
            entries: Vec::new(),
        }
    }
}

impl<T> Texts<T> {
    /// The text in `lang`, else in English, else in the first language given.
    pub fn get(&self, lang: &str) -> Option<&T> {
        self.exactly(lang)
            .or_else(|| self.exactly(DEFAULT_LANG))
            .or_else(|| self.entries.first().map(|(_, t)| t))
    }

    /// The text in `lang` alone, without falling back.
    pub fn exactly(&self, lang: &str) -> Option<&T> {
        self.entries.iter().find(|(l, _)| l == lang).map(|(_, t)| t)
    }

    /// The languages given, in order.
    pub fn langs(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(l, _)| l.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Sets the text in `lang`; false when it was set already.
    fn set(&mut self, lang: &str, text: T) -> bool {
        if self.exactly(lang).is_some() {
            return false;
        }
        self.entries.push((lang.to_string(), text));
        true
    }
}

#[cfg(test)]
mod tests;

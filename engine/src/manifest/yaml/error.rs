//! The reader's errors, numbered as go-yaml prints them.
//!
//! go-yaml (`yaml.go`, `parser.fail`) prefixes libyaml's problem with `line N: ` where N is the
//! problem's 0-based line, plus one for scanner errors (the scanner has not moved past the line);
//! when that line is 0 it takes the context's 0-based line instead, and prints no line when that
//! is 0 too. [`YamlError::go_line`] applies that rule; `at` keeps the exact place for the editor.

use crate::manifest::tree::Position;

/// Which stage of libyaml reports the problem (it decides the line go-yaml prints).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    Scanner,
    Parser,
}

/// A 0-based place in the document (libyaml's mark).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Mark {
    pub line: usize,
    pub column: usize,
}

impl Mark {
    pub(crate) fn position(self) -> Position {
        Position {
            line: self.line + 1,
            column: self.column + 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum YamlError {
    /// libyaml's problem text, where it was found and the start of what was being read.
    Syntax {
        stage: Stage,
        message: &'static str,
        problem: Mark,
        context: Mark,
    },
    /// go-yaml's decoder error (`unknown anchor`, merge keys) with its own text: no line.
    Decode { message: String, at: Mark },
    /// One of the reader's budgets (`what` as [`crate::manifest::ManifestError::Limit`] names it).
    Limit {
        what: &'static str,
        limit: usize,
        at: Mark,
    },
}

impl YamlError {
    pub(crate) fn scanner(message: &'static str, problem: Mark, context: Mark) -> YamlError {
        YamlError::Syntax {
            stage: Stage::Scanner,
            message,
            problem,
            context,
        }
    }

    pub(crate) fn parser(message: &'static str, problem: Mark, context: Mark) -> YamlError {
        YamlError::Syntax {
            stage: Stage::Parser,
            message,
            problem,
            context,
        }
    }

    /// The 1-based line of the document go-yaml prints, if any.
    pub(crate) fn go_line(&self) -> Option<usize> {
        let YamlError::Syntax {
            stage,
            problem,
            context,
            ..
        } = self
        else {
            return None;
        };
        if problem.line != 0 {
            Some(match stage {
                Stage::Scanner => problem.line + 1,
                Stage::Parser => problem.line,
            })
        } else if context.line != 0 {
            Some(context.line)
        } else {
            None
        }
    }

    /// go-yaml's text after `yaml: ` and the line.
    pub(crate) fn message(&self) -> String {
        match self {
            YamlError::Syntax { message, .. } => (*message).to_string(),
            YamlError::Decode { message, .. } => message.clone(),
            YamlError::Limit { what, limit, .. } => format!("more than {limit} {what}"),
        }
    }

    /// Where the reader stopped (1-based, within the document).
    pub(crate) fn at(&self) -> Position {
        match self {
            YamlError::Syntax { problem, .. } => problem.position(),
            YamlError::Decode { at, .. } | YamlError::Limit { at, .. } => at.position(),
        }
    }
}

//! `expect …`: assertions over the cluster and the previous command, for tutorials' CI
//! (`dsplay test`) and lessons' goals (docs/scenario-language.md, "expect").
//!
//! ```text
//! expect pods of ds/NAME [ready] on exactly|at least NODE…   the nodes holding its pods
//! expect pods -l SELECTOR [ready] not on NODE…               (or: count N)
//! expect ds/NAME exists | absent | rolled out
//! expect pod/NAME ready | not ready                            (pods and nodes)
//! expect ds/NAME .status.numberReady = 3                       (= != -lt -le -gt -ge, any field)
//! expect output contains|lacks TEXT                            the previous command's output
//! expect failed [TEXT] | succeeded                             the previous command's outcome
//! ```
//!
//! An expectation only reads: it changes nothing in the cluster, and it is not "the previous
//! command" of the next expectation. A met expectation prints nothing; one that is not met is a
//! failed command whose output says what was expected and what is there.

mod check;
mod field;
mod parse;
mod pods;

pub use check::{Outcome, describe, evaluate};
pub use field::FieldPath;
pub(crate) use parse::parse;

use crate::kubectl::resource::ResourceKind;

/// One `expect` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// `expect pods (of KIND/NAME | -l SELECTOR) [ready] RULE`.
    Pods {
        pods: PodSet,
        /// `-n`; `default` when absent.
        namespace: String,
        /// Only Ready pods count.
        ready: bool,
        rule: NodeRule,
    },
    /// `expect KIND/NAME TEST`.
    Object {
        kind: ResourceKind,
        name: String,
        /// `-n`; `default` when absent (ignored for nodes).
        namespace: String,
        test: ObjectTest,
    },
    /// `expect output contains|lacks TEXT`.
    Output { contains: bool, text: String },
    /// `expect failed [TEXT]` (`failed: true`) or `expect succeeded`.
    Outcome { failed: bool, text: Option<String> },
}

/// Which pods `expect pods` looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PodSet {
    /// Pods whose controller is this object (`of ds/fluentd`).
    Of { kind: ResourceKind, name: String },
    /// Pods matching a label selector (`-l app=web`), kept as written.
    Selector(String),
}

/// Where the pods must be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeRule {
    /// On these nodes and on no other.
    Exactly(Vec<String>),
    /// On each of these nodes, and maybe others.
    AtLeast(Vec<String>),
    /// On none of these nodes.
    NotOn(Vec<String>),
    /// This many pods in all.
    Count(usize),
}

/// What `expect KIND/NAME` checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ObjectTest {
    Exists,
    Absent,
    /// A pod's Ready condition, or a node's (`ready` / `not ready`).
    Ready(bool),
    /// A DaemonSet rolled out, as `kubectl rollout status` says it.
    RolledOut,
    /// A field compared with a value.
    Field {
        path: FieldPath,
        op: Op,
        value: String,
    },
}

/// A comparison of `expect KIND/NAME FIELD OP VALUE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    pub(crate) fn from_word(w: &str) -> Option<Op> {
        Some(match w {
            "=" | "==" | "-eq" => Op::Eq,
            "!=" | "-ne" => Op::Ne,
            "<" | "-lt" => Op::Lt,
            "<=" | "-le" => Op::Le,
            ">" | "-gt" => Op::Gt,
            ">=" | "-ge" => Op::Ge,
            _ => return None,
        })
    }

    pub(crate) fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }
}

/// What the previous command printed and whether it failed, for `expect output` and
/// `expect failed|succeeded`.
#[derive(Debug, Clone, Copy)]
pub struct Previous<'a> {
    pub output: &'a str,
    pub failed: bool,
}

#[cfg(test)]
mod tests;

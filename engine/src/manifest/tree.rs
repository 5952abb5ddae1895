//! A YAML document read into a `serde_json::Value` together with a tree of source positions, so
//! that problems found after parsing (unknown fields, wrong types, validation errors) can point
//! at the line and column of the key or value concerned.
//!
//! The manifest reader ([`super::yaml`]) builds both.

use serde_json::Value;

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position shifted down by `lines` (a document's position in the stream).
    pub(crate) fn below(self, lines: usize) -> Position {
        Position {
            line: self.line.saturating_add(lines),
            column: self.column,
        }
    }
}

/// Where a node and its children are.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Pos {
    /// The node's own position (its value's first character).
    pub at: Position,
    pub children: Children,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) enum Children {
    #[default]
    Leaf,
    Seq(Vec<Pos>),
    /// Each key's position and its value's positions, in source order (last wins on lookup).
    Map(Vec<(String, Position, Pos)>),
}

impl Pos {
    /// The entry `key` of a mapping: the key's position and the value's positions.
    pub(crate) fn entry(&self, key: &str) -> Option<(Position, &Pos)> {
        match &self.children {
            Children::Map(entries) => entries
                .iter()
                .rev()
                .find(|(k, _, _)| k == key)
                .map(|(_, at, pos)| (*at, pos)),
            _ => None,
        }
    }

    /// Takes the value's positions of the entry `key` ([`Pos::entry`]'s), leaving a leaf.
    pub(crate) fn take_entry(&mut self, key: &str) -> Option<Pos> {
        match &mut self.children {
            Children::Map(entries) => entries
                .iter_mut()
                .rev()
                .find(|(k, _, _)| k == key)
                .map(|(_, _, pos)| std::mem::take(pos)),
            _ => None,
        }
    }

    pub(crate) fn item(&self, index: usize) -> Option<&Pos> {
        match &self.children {
            Children::Seq(items) => items.get(index),
            _ => None,
        }
    }
}

/// One parsed YAML node: its JSON value and positions.
pub(crate) struct Tree {
    pub value: Value,
    pub pos: Pos,
}

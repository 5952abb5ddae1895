//! A YAML document read into a `serde_json::Value` together with a tree of source positions, so
//! that problems found after parsing (unknown fields, wrong types, validation errors) can point
//! at the line and column of the key or value concerned.
//!
//! serde-saphyr reports positions through its `Spanned<T>` wrapper; [`Tree`] wraps every node
//! in it and keeps only the positions beside the plain value.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use serde_saphyr::Spanned;
use std::fmt;

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

fn position(s: &serde_saphyr::Location) -> Position {
    Position {
        line: s.line() as usize,
        column: s.column() as usize,
    }
}

fn leaf(value: Value) -> Tree {
    Tree {
        value,
        pos: Pos::default(),
    }
}

/// Reads a node wrapped in `Spanned`, so that its position is known.
struct Node(Tree);

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Tree>::deserialize(d)?;
        let mut tree = spanned.value;
        tree.pos.at = position(&spanned.referenced);
        Ok(Node(tree))
    }
}

/// A mapping key: JSON keys are strings (sigs.k8s.io/yaml turns scalar keys into strings).
struct Key(String, Position);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<String>::deserialize(d)?;
        Ok(Key(spanned.value, position(&spanned.referenced)))
    }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Tree, E> {
        Ok(leaf(Value::Bool(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Tree, E> {
        Ok(leaf(Value::Number(v.into())))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Tree, E> {
        Ok(leaf(Value::Number(v.into())))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Tree, E> {
        // Beyond 64 bits: kept as a float, as Go's JSON would read such a number.
        self.visit_f64(v as f64)
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Tree, E> {
        self.visit_f64(v as f64)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Tree, E> {
        Ok(leaf(Number::from_f64(v).map_or(Value::Null, Value::Number)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Tree, E> {
        Ok(leaf(Value::String(v.to_string())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Tree, E> {
        Ok(leaf(Value::String(v)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Tree, E> {
        Ok(leaf(Value::Null))
    }
    fn visit_none<E: de::Error>(self) -> Result<Tree, E> {
        Ok(leaf(Value::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        Tree::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut values = Vec::new();
        let mut positions = Vec::new();
        while let Some(Node(item)) = seq.next_element::<Node>()? {
            values.push(item.value);
            positions.push(item.pos);
        }
        Ok(Tree {
            value: Value::Array(values),
            pos: Pos {
                at: Position::default(),
                children: Children::Seq(positions),
            },
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut values = Map::new();
        let mut entries = Vec::new();
        while let Some(Key(key, key_at)) = map.next_key::<Key>()? {
            let Node(item) = map.next_value::<Node>()?;
            values.insert(key.clone(), item.value);
            entries.push((key, key_at, item.pos));
        }
        Ok(Tree {
            value: Value::Object(values),
            pos: Pos {
                at: Position::default(),
                children: Children::Map(entries),
            },
        })
    }
}

/// A whole document: the top node wrapped so that its position is known too.
pub(crate) struct Document(pub Tree);

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Node::deserialize(d).map(|Node(t)| Document(t))
    }
}

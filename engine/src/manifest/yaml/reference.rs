//! serde-saphyr, the YAML decoder the reader replaced, kept as the reference of the
//! differential test: its documents read into the same value and position tree, and its
//! errors turned into kubectl's wording as the engine printed them.
//!
//! serde-saphyr reports positions through its `Spanned<T>` wrapper; [`Tree`] wraps every node
//! in it and keeps only the positions beside the plain value.

use crate::manifest::tree::{Children, Pos, Position, Tree};
use crate::manifest::{
    MAX_ALIAS_EXPANSION, MAX_ANCHORS, MAX_DEPTH, MAX_MERGE_KEYS, MAX_NODES, ManifestError,
};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use serde_saphyr::Spanned;
use std::fmt;

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
pub(super) struct Document(pub Tree);

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Node::deserialize(d).map(|Node(t)| Document(t))
    }
}

/// serde-saphyr's options: YAML 1.1 scalars as sigs.k8s.io/yaml (go-yaml v2) reads them
/// (`yes`/`on` booleans, `0755` octal), duplicate keys resolved last-wins as kubectl's
/// YAML-to-JSON conversion does, and a budget against alias bombs and runaway nesting.
pub(super) fn parse_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_documents: 64,
            max_aliases: MAX_ANCHORS,
            max_anchors: MAX_ANCHORS,
            max_nodes: MAX_NODES,
            max_depth: MAX_DEPTH,
            max_merge_keys: MAX_MERGE_KEYS,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_ALIAS_EXPANSION,
            max_replay_stack_depth: 32,
        },
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::LastWins,
        legacy_octal_numbers: true,
        with_snippet: false,
    }
}

/// The YAML error as kubectl shows it: go-yaml's (libyaml's) wording and line numbering.
/// go-yaml prints scanner errors with the 1-based line of the problem, and none on the first
/// line; parser errors with the 0-based line (none when it is 0); errors at the end of the
/// text point at the line after the last line break.
pub(super) fn syntax_error(e: &serde_saphyr::Error, text: &str, offset: usize) -> ManifestError {
    let at = e.location().filter(|l| l.line() > 0).map(|l| {
        Position {
            line: l.line() as usize,
            column: (l.column() as usize).max(1),
        }
        .below(offset)
    });
    if let Some((what, limit)) = budget_breach(&e.to_string()) {
        return ManifestError::Limit { what, limit, at };
    }
    let line = e
        .location()
        .map(|l| l.line())
        .filter(|l| *l > 0)
        .map(|l| l as usize);
    let full = e.to_string();
    // serde-saphyr appends " at line L, column C" (and alias details); kubectl shows the line
    // separately.
    let raw = match full.find(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full).to_string(),
        None => full.clone(),
    };
    let mut message = libyaml_wording(&raw);
    if message == "mapping values are not allowed in this context"
        && line.is_some_and(|l| overlong_key(text, l))
    {
        message = "could not find expected ':'".into();
    }
    let eof_line0 = text.matches('\n').count();
    let nonzero = |l: usize| if l == 0 { None } else { Some(l) };
    let line = match message.as_str() {
        "mapping values are not allowed in this context"
        | "found character that cannot start any token" => {
            line.and_then(|l| nonzero(l.saturating_sub(1)).map(|_| l))
        }
        "found unexpected end of stream" => nonzero(eof_line0).map(|l| l + 1),
        "did not find expected ',' or ']'" | "did not find expected ',' or '}'" => {
            nonzero(eof_line0)
        }
        m if m.starts_with("did not find expected") => {
            line.and_then(|l| nonzero(l.saturating_sub(1)))
        }
        _ => line,
    };
    ManifestError::Syntax { line, message, at }
}

/// Whether line `line` (1-based) starts with a mapping key longer than the 1,024 characters YAML
/// allows an implicit key: libyaml, and so kubectl, reports that as "could not find expected
/// ':'" on that line.
fn overlong_key(text: &str, line: usize) -> bool {
    let Some(l) = text.lines().nth(line.saturating_sub(1)) else {
        return false;
    };
    let key = l
        .find(": ")
        .map_or(l.trim_end().trim_end_matches(':'), |i| &l[..i]);
    key.trim_start().trim_start_matches("- ").chars().count() > 1024
}

/// The limit a serde-saphyr budget error is about, from its text (the error's structure is not
/// all public).
fn budget_breach(message: &str) -> Option<(&'static str, usize)> {
    let m = message.to_ascii_lowercase();
    let found = if m.contains("alias replay") || m.contains("alias expansion") {
        ("YAML events expanded from aliases", MAX_ALIAS_EXPANSION)
    } else if m.contains("budget breached: depth") || m.contains("recursion limit") {
        ("levels of nesting", MAX_DEPTH)
    } else if m.contains("budget breached: nodes") {
        ("YAML nodes", MAX_NODES)
    } else if m.contains("budget breached: anchors") {
        ("anchors", MAX_ANCHORS)
    } else if m.contains("budget breached: aliases") || m.contains("aliasanchorratio") {
        ("aliases", MAX_ANCHORS)
    } else if m.contains("budget breached: mergekeys") {
        ("merge keys", MAX_MERGE_KEYS)
    } else if m.contains("budget breached") {
        ("YAML events", MAX_NODES)
    } else {
        return None;
    };
    Some(found)
}

/// libyaml's wording (which kubectl shows, through go-yaml) for the messages that differ.
fn libyaml_wording(message: &str) -> String {
    let message = match message.strip_prefix("while parsing ") {
        Some(rest) => rest
            .split_once(", ")
            .map_or(message, |(_, problem)| problem),
        None => message,
    };
    if message.starts_with("unclosed bracket '['") {
        "did not find expected ',' or ']'".into()
    } else if message.starts_with("unclosed bracket '{'") {
        "did not find expected ',' or '}'".into()
    } else if message.starts_with("tabs disallowed") {
        "found character that cannot start any token".into()
    } else if message.starts_with("unclosed quote") {
        "found unexpected end of stream".into()
    } else {
        message.to_string()
    }
}

//! Block and flow collections read into the JSON value and its positions, with anchors,
//! aliases and merge keys (`<<`), under the budgets of [`crate::manifest`]. Structure and error
//! wording follow libyaml's parser as go-yaml ports it; decoding (aliases, merges, duplicate
//! keys) follows go-yaml v2's decoder as sigs.k8s.io/yaml uses it for kubectl.

use super::error::{Mark, YamlError};
use super::resolve;
use super::scanner::Cursor;
use crate::manifest::tree::{Children, Pos, Tree};
use crate::manifest::{
    MAX_ALIAS_EXPANSION, MAX_ANCHORS, MAX_DEPTH, MAX_MERGE_KEYS, MAX_NODES, count_nodes,
};
use serde_json::{Map, Value};

/// The longest implicit key YAML allows: libyaml (so kubectl) reports a longer one as
/// "could not find expected ':'".
const MAX_KEY_CHARS: usize = 1024;

/// Where a block node starts: on its own line, after `key: ` or after `- ` on the same line
/// (only the last may open a compact mapping).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Inline {
    No,
    AfterKey,
    AfterDash,
}

/// A scalar mapping key: its JSON key and where it is.
struct Key {
    text: String,
    merge: bool,
    at: Mark,
}

/// Node properties: `&anchor` and `!tag`.
#[derive(Default)]
struct Props {
    /// The anchor's name and its rank among the document's anchors (by where they start).
    anchor: Option<(String, usize)>,
    /// The scalar is a string whatever it reads as (`!!str`, `!`, an application tag).
    string: bool,
    /// Just after the last property (an empty node with properties is there).
    end: Mark,
    /// Whether there is any property.
    any: bool,
    /// Where the node starts, its properties included.
    start: Mark,
}

pub(crate) struct Parser<'a> {
    cur: Cursor<'a>,
    /// Where the items of the root mapping's `items` sequence go, one by one as they are read,
    /// instead of into the sequence (left empty): a list of 10,000 objects is never one tree.
    items: Option<&'a mut dyn FnMut(Tree)>,
    /// The next node is the value of the root mapping's `items` key.
    at_root_items: bool,
    /// How many sequences gave their items to `items`.
    diverted: usize,
    /// How many times the root mapping has the key `items`: given twice, the last wins and the
    /// tree keeps it, not the sequence whose items went to `items`.
    root_items_keys: usize,
    /// Each anchor's node and rank: an alias refers to the anchor that started last before it
    /// (go-yaml registers an anchor where its node starts). Sorted by name: a `HashMap` of this
    /// type compiled its own table code.
    anchors: Vec<(String, usize, Value, Pos)>,
    anchor_count: usize,
    alias_count: usize,
    replayed: usize,
    nodes: usize,
    merges: usize,
    depth: usize,
    /// The text is known to hold no character YAML refuses (it was read once without error).
    checked: bool,
}

fn tree(value: Value, at: Mark, children: Children) -> Tree {
    Tree {
        value,
        pos: Pos {
            at: at.position(),
            children,
        },
    }
}

impl<'a> Parser<'a> {
    pub(crate) fn new(text: &'a str) -> Parser<'a> {
        Parser {
            cur: Cursor::new(text),
            items: None,
            at_root_items: false,
            diverted: 0,
            root_items_keys: 0,
            anchors: Vec::new(),
            anchor_count: 0,
            alias_count: 0,
            replayed: 0,
            nodes: 0,
            merges: 0,
            depth: 0,
            checked: false,
        }
    }

    /// The document: its root node, `None` when it has none (only comments, or `...`). As
    /// go-yaml v2's `Unmarshal` (through sigs.k8s.io/yaml), only the first document of the text
    /// is read and nothing after its root node: kubectl reads `a: 1` from "  a: 1\nb: 2".
    pub(crate) fn document(&mut self) -> Result<Option<Tree>, YamlError> {
        if !self.checked
            && let Some(at) = self.cur.control_character()
        {
            return Err(YamlError::Decode {
                message: "control characters are not allowed".to_string(),
                at,
            });
        }
        self.cur.skip_to_token(false)?;
        if self.cur.column() == 0 && self.cur.peek() == Some('%') {
            // Directives must be followed by `---`, which kubectl's splitting has removed.
            while self.cur.column() == 0 && self.cur.peek() == Some('%') {
                while !matches!(self.cur.peek(), None | Some('\n')) {
                    self.cur.bump();
                }
                self.cur.skip_to_token(false)?;
            }
            let at = self.cur.mark();
            return Err(YamlError::parser(
                "did not find expected <document start>",
                at,
                at,
            ));
        }
        if self.cur.at_end() || self.cur.at_document_marker() {
            return Ok(None);
        }
        self.block_node(-1, Inline::No).map(Some)
    }

    /// A parser that gives the items of the root mapping's `items` sequence to `items`, one by
    /// one as they are read, and leaves the sequence empty.
    pub(crate) fn diverting(text: &'a str, items: &'a mut dyn FnMut(Tree)) -> Parser<'a> {
        Parser {
            items: Some(items),
            ..Parser::new(text)
        }
    }

    /// A diverting parser of a text that [`Parser::diverting`] has read without error: the
    /// whole-text check for control characters is not made again.
    pub(crate) fn diverting_again(text: &'a str, items: &'a mut dyn FnMut(Tree)) -> Parser<'a> {
        Parser {
            checked: true,
            ..Parser::diverting(text, items)
        }
    }

    /// Whether the document read is a list whose items all went to the sink, one sequence of
    /// them, and nothing else refers to them: no anchors (an alias could repeat an item) and no
    /// merge keys. Then reading it again gives the same items in the same order.
    pub(crate) fn diverted_one_list(&self) -> bool {
        self.diverted == 1
            && self.root_items_keys == 1
            && self.anchor_count == 0
            && self.merges == 0
    }

    /// How many sequences gave their items away (0: the tree read is the whole document).
    pub(crate) fn diverted(&self) -> usize {
        self.diverted
    }

    /// Before the value of `key` in a mapping: whether it is the root mapping's `items`.
    fn before_value(&mut self, key: &Key) {
        self.at_root_items =
            self.items.is_some() && self.depth == 1 && !key.merge && key.text == "items";
        self.root_items_keys += usize::from(self.at_root_items);
    }

    /// At the start of a sequence: whether its items go to the sink.
    fn diverts(&mut self) -> bool {
        let divert = std::mem::take(&mut self.at_root_items) && self.depth == 1;
        if divert {
            self.diverted += 1;
        }
        divert
    }

    /// Adds an item to a sequence, or gives it to the sink. An item given away no longer counts
    /// against the document's YAML nodes (`nodes_before`: the count where it started): each item
    /// of a list has its own budget, the list's total being bounded by the input's size.
    fn push_item(
        &mut self,
        divert: bool,
        nodes_before: usize,
        items: &mut Vec<Value>,
        positions: &mut Vec<Pos>,
        item: Tree,
    ) {
        match &mut self.items {
            Some(sink) if divert => {
                self.nodes = nodes_before;
                sink(item)
            }
            _ => {
                items.push(item.value);
                positions.push(item.pos);
            }
        }
    }

    /// Whether anything but whitespace and comments follows what [`Parser::document`] read.
    #[cfg(test)]
    pub(crate) fn has_more(&mut self) -> bool {
        self.cur.skip_flow_space();
        !self.cur.at_end()
    }

    fn take_node(&mut self, at: Mark, n: usize) -> Result<(), YamlError> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > MAX_NODES {
            return Err(YamlError::Limit {
                what: "YAML nodes",
                limit: MAX_NODES,
                at,
            });
        }
        Ok(())
    }

    fn enter(&mut self, at: Mark) -> Result<(), YamlError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(YamlError::Limit {
                what: "levels of nesting",
                limit: MAX_DEPTH,
                at,
            });
        }
        self.take_node(at, 1)
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn scalar(
        &mut self,
        text: String,
        plain: bool,
        props: &Props,
        at: Mark,
    ) -> Result<Tree, YamlError> {
        self.take_node(at, 1)?;
        let value = resolve::value(text, plain && !props.string);
        Ok(tree(value, at, Children::Leaf))
    }

    fn empty(&mut self, at: Mark) -> Result<Tree, YamlError> {
        self.take_node(at, 1)?;
        Ok(tree(Value::Null, at, Children::Leaf))
    }

    /// An empty node with properties: a tag that makes it a string gives "" (go-yaml).
    fn empty_with(&mut self, at: Mark, props: &Props) -> Result<Tree, YamlError> {
        self.scalar(String::new(), true, props, at)
    }

    /// `&anchor` and `!tag` in either order, each followed by whitespace.
    fn props(&mut self, flow: bool) -> Result<Props, YamlError> {
        let mut props = Props {
            start: self.cur.mark(),
            ..Props::default()
        };
        let mut tagged = false;
        loop {
            let at = self.cur.mark();
            match self.cur.peek() {
                Some('&' | '!')
                    if (self.cur.peek() == Some('&') && props.anchor.is_some())
                        || (self.cur.peek() == Some('!') && tagged) =>
                {
                    return Err(YamlError::parser("did not find expected key", at, at));
                }
                Some('&') => {
                    self.cur.bump();
                    let name = self.name(at)?;
                    self.anchor_count += 1;
                    if self.anchor_count > MAX_ANCHORS {
                        return Err(YamlError::Limit {
                            what: "anchors",
                            limit: MAX_ANCHORS,
                            at,
                        });
                    }
                    props.anchor = Some((name, self.anchor_count));
                }
                Some('!') => {
                    tagged = true;
                    let tag = self.cur.tag(flow)?;
                    props.string = !matches!(
                        tag.as_str(),
                        "bool" | "int" | "float" | "null" | "timestamp" | "merge" | "map" | "seq"
                    );
                }
                _ => return Ok(props),
            }
            props.end = self.cur.mark();
            props.any = true;
            if flow {
                self.cur.skip_flow_space();
            } else {
                self.cur.skip_white(true)?;
            }
        }
    }

    /// An anchor or alias name (libyaml: letters, digits, `-`, `_`).
    fn name(&mut self, start: Mark) -> Result<String, YamlError> {
        let mut name = String::new();
        while let Some(c) = self.cur.peek() {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                name.push(c);
                self.cur.bump();
            } else {
                break;
            }
        }
        let next = self.cur.peek();
        let ends = matches!(
            next,
            None | Some(' ' | '\t' | '\n' | '?' | ':' | ',' | ']' | '}' | '%' | '@' | '`')
        );
        if name.is_empty() || !ends {
            return Err(YamlError::scanner(
                "did not find expected alphabetic or numeric character",
                self.cur.mark(),
                start,
            ));
        }
        Ok(name)
    }

    /// Keeps `node` under its anchor, if it has one.
    fn anchor(&mut self, props: Props, node: Tree) -> Tree {
        if let Some((name, rank)) = props.anchor {
            self.keep(name, rank, node.value.clone(), node.pos.clone());
        }
        node
    }

    /// Keeps an anchored node unless an anchor of the same name started after it (inside it).
    fn keep(&mut self, name: String, rank: usize, value: Value, pos: Pos) {
        match self.anchors.binary_search_by(|a| a.0.cmp(&name)) {
            Ok(at) if self.anchors[at].1 < rank => self.anchors[at] = (name, rank, value, pos),
            Ok(_) => {}
            Err(at) => self.anchors.insert(at, (name, rank, value, pos)),
        }
    }

    /// `*name`: the anchored node again, within the alias budgets.
    fn alias(&mut self) -> Result<Tree, YamlError> {
        let at = self.cur.mark();
        self.cur.bump();
        let name = self.name(at)?;
        self.alias_count += 1;
        if self.alias_count > MAX_ANCHORS {
            return Err(YamlError::Limit {
                what: "aliases",
                limit: MAX_ANCHORS,
                at,
            });
        }
        let found = self.anchors.binary_search_by(|a| a.0.cmp(&name));
        let Some((_, _, value, pos)) = found.ok().map(|at| &self.anchors[at]) else {
            return Err(YamlError::Decode {
                message: format!("unknown anchor '{name}' referenced"),
                at,
            });
        };
        let n = count_nodes(value, MAX_ALIAS_EXPANSION + 1);
        let (value, mut pos) = (value.clone(), pos.clone());
        self.replayed = self.replayed.saturating_add(n);
        if self.replayed > MAX_ALIAS_EXPANSION {
            return Err(YamlError::Limit {
                what: "YAML events expanded from aliases",
                limit: MAX_ALIAS_EXPANSION,
                at,
            });
        }
        self.take_node(at, n)?;
        // Every replayed node is where the alias is.
        relocate(&mut pos, at.position());
        Ok(Tree { value, pos })
    }

    /// Skips spaces, then requires the end of the line (a comment may follow).
    fn end_of_line(&mut self, context: Mark) -> Result<(), YamlError> {
        self.cur.skip_white(true)?;
        if self.cur.at_line_end() {
            return Ok(());
        }
        let at = self.cur.mark();
        Err(YamlError::parser("did not find expected key", at, context))
    }

    /// A block node starting at the cursor, inside a block collection indented at `parent`.
    fn block_node(&mut self, parent: isize, inline: Inline) -> Result<Tree, YamlError> {
        let props = self.props(false)?;
        if props.any && self.cur.at_line_end() {
            let at = props.end;
            self.cur.skip_to_token(false)?;
            let column = self.cur.column() as isize;
            let node = if self.cur.at_end() || self.cur.at_document_marker() {
                self.empty_with(at, &props)?
            } else if column > parent {
                // Properties on lines of their own nest like collections (bounded alike).
                self.enter(at)?;
                let node = self.block_node(parent, Inline::No);
                self.leave();
                node?
            } else if column == parent && inline == Inline::AfterKey && self.cur.at_indicator('-') {
                self.block_sequence(true)?
            } else {
                self.empty_with(at, &props)?
            };
            return Ok(self.anchor(props, node));
        }
        let at = self.cur.mark();
        let node = match self.cur.peek() {
            Some('*') => {
                let node = self.alias()?;
                self.cur.skip_white(true)?;
                if self.cur.at_value_indicator(false) {
                    return Err(unsupported_key(at));
                }
                self.end_of_line(at)?;
                node
            }
            Some('-') if self.cur.at_indicator('-') => {
                if inline == Inline::AfterKey {
                    return Err(YamlError::scanner(
                        "block sequence entries are not allowed in this context",
                        at,
                        at,
                    ));
                }
                self.block_sequence(false)?
            }
            Some('?') if self.cur.at_indicator('?') => return Err(unsupported_key(at)),
            Some('[' | '{') => {
                let node = self.flow_node()?;
                self.cur.skip_white(true)?;
                if self.cur.at_value_indicator(false) {
                    return Err(unsupported_key(at));
                }
                self.end_of_line(at)?;
                node
            }
            Some('|' | '>') => {
                self.take_node(at, 1)?;
                let (text, content) = self.cur.block_scalar(parent)?;
                tree(Value::String(text), content, Children::Leaf)
            }
            Some('"' | '\'') => {
                let text = self.cur.quoted()?;
                self.cur.skip_white(true)?;
                if self.cur.at_value_indicator(false) {
                    if self.cur.mark().line != at.line {
                        // A key on one line only (kubectl refuses `"x\n y": 1`).
                        let colon = self.cur.mark();
                        return Err(YamlError::scanner(
                            "mapping values are not allowed in this context",
                            colon,
                            colon,
                        ));
                    }
                    let start = props.start;
                    let key = self.key(text, false, props, at);
                    return self.compact_mapping(key, inline, start);
                }
                self.end_of_line(at)?;
                self.scalar(text, false, &props, at)?
            }
            Some('@' | '`' | '%' | '\t') => {
                return Err(YamlError::scanner(
                    "found character that cannot start any token",
                    at,
                    at,
                ));
            }
            Some(']' | '}' | ',') => {
                return Err(YamlError::parser(
                    "did not find expected node content",
                    at,
                    at,
                ));
            }
            Some(':') if self.cur.at_indicator(':') && inline == Inline::AfterKey => {
                return Err(YamlError::scanner(
                    "mapping values are not allowed in this context",
                    at,
                    at,
                ));
            }
            Some(':') if self.cur.at_indicator(':') => return Err(unsupported_key(at)),
            None => self.empty_with(at, &props)?,
            Some(_) => return self.plain_node(parent, inline, props, at),
        };
        Ok(self.anchor(props, node))
    }

    /// A plain scalar, or the first key of a block mapping.
    fn plain_node(
        &mut self,
        parent: isize,
        inline: Inline,
        props: Props,
        at: Mark,
    ) -> Result<Tree, YamlError> {
        let (text, multiline) = self.cur.plain(parent, false)?;
        if self.cur.at_value_indicator(false) {
            if multiline {
                let colon = self.cur.mark();
                return Err(YamlError::scanner(
                    "mapping values are not allowed in this context",
                    colon,
                    colon,
                ));
            }
            let start = props.start;
            let key = self.key(text, true, props, at);
            return self.compact_mapping(key, inline, start);
        }
        self.end_of_line(at)?;
        let node = self.scalar(text, true, &props, at)?;
        Ok(self.anchor(props, node))
    }

    /// A scalar mapping key with its properties (which belong to the key): its JSON key, kept
    /// under its anchor if it has one.
    fn key(&mut self, text: String, plain: bool, props: Props, at: Mark) -> Key {
        let resolved = plain && !props.string;
        let key = Key {
            merge: resolved && text == "<<",
            text: resolve::key(text, resolved),
            at,
        };
        if let Some((name, rank)) = props.anchor {
            self.keep(name, rank, Value::String(key.text.clone()), Pos::default());
        }
        key
    }

    /// A block mapping whose first key has just been read (the cursor at its `:`).
    /// `start`: where the mapping's node starts (serde-saphyr placed it at the key's
    /// properties, when it has some).
    fn compact_mapping(
        &mut self,
        key: Key,
        inline: Inline,
        start: Mark,
    ) -> Result<Tree, YamlError> {
        if key.text.chars().count() > MAX_KEY_CHARS {
            return Err(YamlError::scanner(
                "could not find expected ':'",
                self.cur.mark(),
                key.at,
            ));
        }
        if inline == Inline::AfterKey {
            let colon = self.cur.mark();
            return Err(YamlError::scanner(
                "mapping values are not allowed in this context",
                colon,
                colon,
            ));
        }
        self.block_mapping(key, start)
    }

    /// The key of a block mapping's next entry (the cursor at its first character), up to its
    /// `:`.
    fn block_key(&mut self, context: Mark) -> Result<Key, YamlError> {
        let props = self.props(false)?;
        let at = self.cur.mark();
        let (text, plain, multiline) = match self.cur.peek() {
            Some('"' | '\'') => {
                let text = self.cur.quoted()?;
                let multiline = self.cur.mark().line != at.line;
                (text, false, multiline)
            }
            Some('-') if self.cur.at_indicator('-') => {
                return Err(YamlError::parser("did not find expected key", at, context));
            }
            Some('[' | '{' | '*') => return Err(unsupported_key(at)),
            Some('?') if self.cur.at_indicator('?') => {
                return Err(unsupported_key(at));
            }
            Some(':') if self.cur.at_indicator(':') => {
                return Err(YamlError::parser("did not find expected key", at, context));
            }
            // libyaml reads a flow indicator here as a token of its own (kubectl: `}a: b` after
            // a key is "did not find expected key").
            Some(']' | '}' | ',') => {
                return Err(YamlError::parser("did not find expected key", at, context));
            }
            Some('@' | '`' | '%' | '\t') => {
                return Err(YamlError::scanner(
                    "found character that cannot start any token",
                    at,
                    at,
                ));
            }
            _ => {
                let (text, multiline) = self.cur.plain(at.column as isize, false)?;
                (text, true, multiline)
            }
        };
        self.cur.skip_white(true)?;
        if !self.cur.at_value_indicator(false) || multiline || text.chars().count() > MAX_KEY_CHARS
        {
            if multiline || text.chars().count() > MAX_KEY_CHARS {
                let here = self.cur.mark();
                // A key on one line only: libyaml drops it when the line ends.
                return Err(YamlError::scanner("could not find expected ':'", here, at));
            }
            // libyaml notices the missing `:` at the next token.
            self.cur.skip_to_token(false)?;
            let here = self.cur.mark();
            return Err(YamlError::scanner("could not find expected ':'", here, at));
        }
        Ok(self.key(text, plain, props, at))
    }

    /// A block mapping at the column of its first key, which has been read (cursor at `:`).
    fn block_mapping(&mut self, first: Key, at: Mark) -> Result<Tree, YamlError> {
        let start = first.at;
        // The mapping is indented where its first key's node starts: at the key's tag or
        // anchor on the same line (libyaml's simple key starts at them: kubectl reads
        // `!x b:\n    c: d` as {"b": {"c": "d"}}).
        let column = if at.line == start.line {
            at.column
        } else {
            start.column
        };
        self.enter(start)?;
        let mut map = Map::new();
        let mut entries = Vec::new();
        let mut key = first;
        loop {
            // An empty value is where its `:` is.
            let at = self.cur.mark();
            self.cur.bump();
            self.before_value(&key);
            self.cur.skip_white(true)?;
            let value = if self.cur.at_line_end() {
                self.cur.skip_to_token(false)?;
                let here = self.cur.column();
                if self.cur.at_end() || self.cur.at_document_marker() {
                    self.empty(at)?
                } else if here > column {
                    self.block_node(column as isize, Inline::No)?
                } else if here == column && self.cur.at_indicator('-') {
                    self.block_sequence(true)?
                } else {
                    self.empty(at)?
                }
            } else {
                self.block_node(column as isize, Inline::AfterKey)?
            };
            self.at_root_items = false;
            self.insert(&mut map, &mut entries, key, value)?;
            self.cur.skip_to_token(false)?;
            if self.cur.at_end() || self.cur.at_document_marker() {
                break;
            }
            let here = self.cur.column();
            if here < column {
                break;
            }
            if here > column {
                let at = self.cur.mark();
                return Err(YamlError::parser("did not find expected key", at, start));
            }
            key = self.block_key(start)?;
        }
        self.leave();
        Ok(tree(Value::Object(map), at, Children::Map(entries)))
    }

    /// Adds an entry; duplicate keys: the last wins, as go-yaml v2 decodes into a map for
    /// sigs.k8s.io/yaml; `<<` merges as go-yaml v2 does (in order: what comes later wins).
    fn insert(
        &mut self,
        map: &mut Map<String, Value>,
        entries: &mut Vec<(String, crate::manifest::Position, Pos)>,
        key: Key,
        value: Tree,
    ) -> Result<(), YamlError> {
        if !key.merge {
            // The last wins; serde-saphyr kept only its position too.
            if map.insert(key.text.clone(), value.value).is_some() {
                entries.retain(|(k, _, _)| *k != key.text);
            }
            entries.push((key.text, key.at.position(), value.pos));
            return Ok(());
        }
        self.merges += 1;
        if self.merges > MAX_MERGE_KEYS {
            return Err(YamlError::Limit {
                what: "merge keys",
                limit: MAX_MERGE_KEYS,
                at: key.at,
            });
        }
        let want_map = || YamlError::Decode {
            message: "map merge requires map or sequence of maps as the value".to_string(),
            at: key.at,
        };
        match (value.value, value.pos.children) {
            (Value::Object(m), Children::Map(e)) => merge(map, entries, m, e),
            (Value::Object(m), _) => merge(map, entries, m, Vec::new()),
            (Value::Array(items), Children::Seq(positions)) => {
                // Earlier maps take precedence: merged last.
                let mut all: Vec<_> = items.into_iter().zip(positions).collect();
                all.reverse();
                for (item, pos) in all {
                    let Value::Object(m) = item else {
                        return Err(want_map());
                    };
                    let e = match pos.children {
                        Children::Map(e) => e,
                        _ => Vec::new(),
                    };
                    merge(map, entries, m, e);
                }
            }
            _ => return Err(want_map()),
        }
        Ok(())
    }

    /// A block sequence at the cursor's `- `; `indentless`: a mapping's value at the mapping's
    /// own column.
    fn block_sequence(&mut self, indentless: bool) -> Result<Tree, YamlError> {
        let start = self.cur.mark();
        let column = start.column;
        let divert = self.diverts();
        self.enter(start)?;
        let mut items = Vec::new();
        let mut positions = Vec::new();
        // Where the first item's first token is (its tag or anchor, if it has one).
        let mut first_token = None;
        loop {
            let nodes_before = self.nodes;
            self.cur.bump(); // the `-`
            self.cur.skip_white(true)?;
            let item = if self.cur.at_line_end() {
                // An empty item is at the end of its line.
                self.cur.skip_comment();
                let at = self.cur.mark();
                self.cur.skip_to_token(false)?;
                if self.cur.at_end() || self.cur.at_document_marker() || self.cur.column() <= column
                {
                    first_token.get_or_insert(at.position());
                    self.empty(at)?
                } else {
                    first_token.get_or_insert(self.cur.mark().position());
                    self.block_node(column as isize, Inline::No)?
                }
            } else {
                first_token.get_or_insert(self.cur.mark().position());
                self.block_node(column as isize, Inline::AfterDash)?
            };
            self.push_item(divert, nodes_before, &mut items, &mut positions, item);
            self.cur.skip_to_token(false)?;
            if self.cur.at_end() || self.cur.at_document_marker() {
                break;
            }
            let here = self.cur.column();
            if here < column || (here == column && indentless && !self.cur.at_indicator('-')) {
                break;
            }
            if here > column || !self.cur.at_indicator('-') {
                let at = self.cur.mark();
                let message = if indentless {
                    "did not find expected key"
                } else {
                    "did not find expected '-' indicator"
                };
                return Err(YamlError::parser(message, at, start));
            }
        }
        self.leave();
        // serde-saphyr places an indentless sequence at its first item's first token.
        let at = match first_token {
            Some(first) if indentless => first,
            _ => start.position(),
        };
        Ok(Tree {
            value: Value::Array(items),
            pos: Pos {
                at,
                children: Children::Seq(positions),
            },
        })
    }

    /// A node inside a flow collection (or a flow collection in block context).
    fn flow_node(&mut self) -> Result<Tree, YamlError> {
        let props = self.props(true)?;
        let at = self.cur.mark();
        let node = match self.cur.peek() {
            Some('[') => self.flow_sequence()?,
            Some('{') => self.flow_mapping()?,
            Some('*') => self.alias()?,
            Some('"' | '\'') => {
                let text = self.cur.quoted()?;
                self.scalar(text, false, &props, at)?
            }
            None | Some(',' | ']' | '}') => self.empty_with(at, &props)?,
            Some(':') if self.cur.at_value_indicator(true) => self.empty_with(at, &props)?,
            Some(c) if cannot_start_flow_token(c) => return Err(no_token_at(at)),
            Some(_) => {
                let (text, _) = self.cur.plain(-1, true)?;
                self.scalar(text, true, &props, at)?
            }
        };
        Ok(self.anchor(props, node))
    }

    /// A flow mapping key and where it is.
    fn flow_key(&mut self) -> Result<Key, YamlError> {
        let props = self.props(true)?;
        let at = self.cur.mark();
        let (text, plain) = match self.cur.peek() {
            Some('"' | '\'') => (self.cur.quoted()?, false),
            Some('[' | '{' | '*') => return Err(unsupported_key(at)),
            // go-yaml v2 has no empty key in a flow mapping (`{: 1}`, `{a, : 1}`): kubectl
            // refuses them.
            Some(':') if self.cur.at_value_indicator(true) => {
                return Err(YamlError::parser(
                    "did not find expected node content",
                    at,
                    at,
                ));
            }
            Some(',' | '}') | None => (String::new(), true),
            Some(c) if cannot_start_flow_token(c) => return Err(no_token_at(at)),
            Some(_) => (self.cur.plain(-1, true)?.0, true),
        };
        self.take_node(at, 1)?;
        Ok(self.key(text, plain, props, at))
    }

    /// A flow collection at its opening bracket, up to `close`: `entry` reads each entry;
    /// libyaml's error (`missing`) when neither `,` nor `close` follows one. Returns where the
    /// collection starts.
    fn flow_collection(
        &mut self,
        close: char,
        missing: &'static str,
        mut entry: impl FnMut(&mut Self) -> Result<(), YamlError>,
    ) -> Result<Mark, YamlError> {
        let start = self.cur.mark();
        self.enter(start)?;
        self.cur.bump();
        loop {
            self.cur.skip_flow_space();
            if self.cur.peek() == Some(close) {
                self.cur.bump();
                break;
            }
            if self.cur.at_end() {
                return Err(YamlError::parser(missing, self.cur.mark(), start));
            }
            entry(self)?;
            self.cur.skip_flow_space();
            match self.cur.peek() {
                Some(',') => {
                    self.cur.bump();
                }
                Some(c) if c == close => {
                    self.cur.bump();
                    break;
                }
                _ => return Err(YamlError::parser(missing, self.cur.mark(), start)),
            }
        }
        self.leave();
        Ok(start)
    }

    /// The value after a flow entry's `:` (the cursor on it), empty before `,` or `close`.
    fn flow_value(&mut self, close: char) -> Result<Tree, YamlError> {
        let colon = self.cur.mark();
        self.cur.bump();
        self.cur.skip_flow_space();
        match self.cur.peek() {
            Some(',') | None => self.empty(colon),
            Some(c) if c == close => self.empty(colon),
            _ => self.flow_node(),
        }
    }

    fn flow_sequence(&mut self) -> Result<Tree, YamlError> {
        let divert = self.diverts();
        let mut items = Vec::new();
        let mut positions = Vec::new();
        let start = self.flow_collection(']', "did not find expected ',' or ']'", |p| {
            let item_at = p.cur.mark();
            let nodes_before = p.nodes;
            if p.cur.at_value_indicator(true) {
                // libyaml has no empty key in a flow sequence (`[: x]`).
                return Err(YamlError::parser(
                    "did not find expected node content",
                    item_at,
                    item_at,
                ));
            }
            let mut item = p.flow_node()?;
            p.cur.skip_flow_space();
            if p.cur.peek() == Some(':') {
                // A single pair: `[a: 1]` is `[{a: 1}]`.
                let key = match &item.value {
                    Value::String(s) => s.clone(),
                    Value::Array(_) | Value::Object(_) => return Err(unsupported_key(item_at)),
                    // A scalar's text (serde_json's writer rather than `Value`'s `Display`,
                    // a second instance of it in the site).
                    other => serde_json::to_string(other).unwrap_or_default(),
                };
                let value = p.flow_value(']')?;
                let mut map = Map::new();
                map.insert(key.clone(), value.value);
                item = tree(
                    Value::Object(map),
                    item_at,
                    Children::Map(vec![(key, item_at.position(), value.pos)]),
                );
            }
            p.push_item(divert, nodes_before, &mut items, &mut positions, item);
            Ok(())
        })?;
        Ok(tree(Value::Array(items), start, Children::Seq(positions)))
    }

    fn flow_mapping(&mut self) -> Result<Tree, YamlError> {
        let mut map = Map::new();
        let mut entries = Vec::new();
        let start = self.flow_collection('}', "did not find expected ',' or '}'", |p| {
            let key = p.flow_key()?;
            p.cur.skip_flow_space();
            p.before_value(&key);
            let value = if p.cur.peek() == Some(':') {
                p.flow_value('}')?
            } else {
                p.empty(p.cur.mark())?
            };
            p.at_root_items = false;
            p.insert(&mut map, &mut entries, key, value)
        })?;
        Ok(tree(Value::Object(map), start, Children::Map(entries)))
    }
}

/// Moves a node and all it holds to `at`.
fn relocate(pos: &mut Pos, at: crate::manifest::Position) {
    let mut stack = vec![pos];
    while let Some(p) = stack.pop() {
        p.at = at;
        match &mut p.children {
            Children::Leaf => {}
            Children::Seq(items) => stack.extend(items.iter_mut()),
            Children::Map(entries) => {
                for (_, key_at, value) in entries.iter_mut() {
                    *key_at = at;
                    stack.push(value);
                }
            }
        }
    }
}

/// Complex keys (`? `, a collection or an alias as a key): Kubernetes objects have none, and
/// sigs.k8s.io/yaml cannot turn them into JSON keys.
fn unsupported_key(at: Mark) -> YamlError {
    YamlError::Decode {
        message: "the playground reads only scalar mapping keys".to_string(),
        at,
    }
}

/// Merges one mapping's entries (later entries win, as go-yaml v2 sets them in order).
fn merge(
    map: &mut Map<String, Value>,
    entries: &mut Vec<(String, crate::manifest::Position, Pos)>,
    merged: Map<String, Value>,
    positions: Vec<(String, crate::manifest::Position, Pos)>,
) {
    for (k, v) in merged {
        map.insert(k, v);
    }
    entries.extend(positions);
}

/// A character no token starts with in a flow collection: go-yaml reads `|` and `>` as block
/// scalars only outside one (kubectl refuses `[|]`, `{>x: 1}`, `{@: 1}`).
fn cannot_start_flow_token(c: char) -> bool {
    matches!(c, '@' | '`' | '%' | '|' | '>')
}

fn no_token_at(at: Mark) -> YamlError {
    YamlError::scanner("found character that cannot start any token", at, at)
}

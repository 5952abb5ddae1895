//! The reader against serde-saphyr (the decoder it replaces, kept as the reference): the same
//! JSON values, the same positions and the same error or no error on every manifest the project
//! ships (fixtures, scenario manifests, presets, lessons), the fuzz corpus and generated
//! manifests. Where the two differ on purpose, [`deliberate`] names the case and says which one
//! reads as kubectl does.

use super::reference::{Document, parse_options, syntax_error};
use crate::manifest::ManifestError;
use crate::manifest::tree::{Pos, Tree};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A document read: its value and positions, or the kubectl text of the error.
type Read = Result<Vec<(Value, Pos)>, String>;

fn reference(text: &str) -> Read {
    let docs: Vec<Document> = serde_saphyr::from_multiple_with_options(text, parse_options())
        .map_err(|e| syntax_error(&e, text, 0).message("t"))?;
    Ok(docs
        .into_iter()
        .map(|Document(t)| (t.value, t.pos))
        .filter(|(v, _)| !v.is_null())
        .collect())
}

fn ours(text: &str) -> Read {
    let doc = super::parse(text).map_err(|e| ManifestError::from_yaml(&e, 0).message("t"))?;
    Ok(doc
        .into_iter()
        .map(|t: Tree| (t.value, t.pos))
        .filter(|(v, _)| !v.is_null())
        .collect())
}

/// How the two readings of `text` differ, if they do.
fn difference(text: &str) -> Option<String> {
    let (want, got) = (reference(text), ours(text));
    match (&want, &got) {
        (Ok(w), Ok(g)) => {
            let wv: Vec<_> = w.iter().map(|d| &d.0).collect();
            let gv: Vec<_> = g.iter().map(|d| &d.0).collect();
            if wv != gv {
                return Some(format!(
                    "values:\n  serde-saphyr {wv:?}\n  ours         {gv:?}"
                ));
            }
            let wp: Vec<_> = w.iter().map(|d| &d.1).collect();
            let gp: Vec<_> = g.iter().map(|d| &d.1).collect();
            if wp != gp {
                return Some(format!(
                    "positions:\n  serde-saphyr {wp:?}\n  ours         {gp:?}"
                ));
            }
            None
        }
        (Err(_), Err(_)) => None,
        _ => Some(format!(
            "error/no error:\n  serde-saphyr {:?}\n  ours         {:?}",
            want.as_ref().err(),
            got.as_ref().err()
        )),
    }
}

pub(in crate::manifest) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub(in crate::manifest) fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The bodies of the `<<'EOF'` here-documents of a script (lessons, presets, scenarios).
fn here_documents(script: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut body: Option<String> = None;
    for line in script.lines() {
        match &mut body {
            Some(b) if line == "EOF" => {
                out.push(std::mem::take(b));
                body = None;
            }
            Some(b) => {
                b.push_str(line);
                b.push('\n');
            }
            None if line.trim_end().ends_with("<<'EOF'") || line.trim_end().ends_with("<<EOF") => {
                body = Some(String::new());
            }
            None => {}
        }
    }
    out
}

/// Every manifest the project ships, by name.
pub(in crate::manifest) fn shipped() -> Vec<(String, String)> {
    let mut paths = Vec::new();
    for dir in ["engine/tests", "src", "engine/src/manifest/yaml/testdata"] {
        files(&root().join(dir), &mut paths);
    }
    let mut out = Vec::new();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let name = path
            .strip_prefix(root())
            .unwrap_or(&path)
            .display()
            .to_string();
        match path.extension().and_then(|e| e.to_str()) {
            Some("yaml" | "yml") => out.push((name, text)),
            Some("lesson" | "txt" | "dsp" | "golden") | None => {
                for (i, doc) in here_documents(&text).into_iter().enumerate() {
                    out.push((format!("{name} #{i}"), doc));
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether serde-saphyr refuses `text` for a duplicate key (it then keeps other positions).
fn has_duplicate_keys(text: &str) -> bool {
    let mut options = parse_options();
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    serde_saphyr::from_multiple_with_options::<Document>(text, options)
        .is_err_and(|e| e.to_string().contains("duplicate"))
}

/// Whether `ours` is `reference` read as go-yaml v2 reads plain scalars: `1_000`, `0277` and
/// `-08` are numbers (serde-saphyr: strings), `1.0` and `1e3` reach the server as integers,
/// mapping keys `yes` and `0x1F` become `"true"` and `"31"`, and an empty node with a tag
/// (`a: !foo`) is `""`. Each checked with kubectl v1.32 (`kubectl apply --validate=false`
/// shows the JSON of an object without `kind`).
fn same_as_go_reads_it(reference: &Value, ours: &Value) -> bool {
    match (reference, ours) {
        (Value::String(s), Value::Number(_) | Value::Bool(_) | Value::Null) => {
            super::resolve::value(s.clone(), true) == *ours
        }
        (Value::Number(r), Value::Number(o)) => r.as_f64() == o.as_f64(),
        (Value::Null, Value::String(s)) => s.is_empty(),
        (Value::Array(r), Value::Array(o)) => {
            r.len() == o.len() && r.iter().zip(o).all(|(r, o)| same_as_go_reads_it(r, o))
        }
        (Value::Object(r), Value::Object(o)) => {
            r.len() == o.len()
                && r.iter().all(|(k, rv)| {
                    let key = super::resolve::key(k.clone(), true);
                    o.get(&key)
                        .or_else(|| o.get(k))
                        .is_some_and(|ov| same_as_go_reads_it(rv, ov))
                })
        }
        _ => reference == ours,
    }
}

/// Whether `text` goes on after its first document's root node (go-yaml v2 reads no further).
fn beyond_the_root(text: &str) -> bool {
    let mut parser = super::parser::Parser::new(text);
    parser.document().is_ok() && parser.has_more()
}

/// Whether an anchor's name in `text` runs into a `:` (`&x:a`), which ends it in go-yaml only.
fn anchor_runs_into_colon(text: &str) -> bool {
    text.split('&').skip(1).any(|rest| {
        rest.chars()
            .take_while(|c| !c.is_whitespace())
            .any(|c| c == ':')
    })
}

/// The cases where the reader differs from serde-saphyr on purpose, by name; each reads as
/// kubectl does (checked with kubectl v1.32), except the last, a limit of the reader.
fn deliberate(text: &str, want: &Read, got: &Read) -> Option<&'static str> {
    match (want, got) {
        (Ok(w), Ok(g)) => {
            let values =
                |r: &Vec<(Value, Pos)>| Value::Array(r.iter().map(|d| d.0.clone()).collect());
            if w.len() > g.len() && w.get(..g.len()) == Some(g.as_slice()) {
                return Some("documents after `...`: go-yaml v2 reads the first document only");
            }
            let tagged_empty = |d: &(Value, Pos)| d.0 == Value::String(String::new());
            if w.is_empty() && !g.is_empty() && g.iter().all(tagged_empty) {
                return Some(
                    "a document of only a tag (`!foo`): go-yaml reads \"\", serde-saphyr null",
                );
            }
            if values(w) != values(g) && text.contains("!<") {
                return Some(
                    "a verbatim application tag (`!<x> 55`) makes a string for go-yaml, as kubectl shows",
                );
            }
            if (w.is_empty() && text.starts_with('&') && text.contains(':'))
                || (values(w) != values(g) && anchor_runs_into_colon(text))
            {
                return Some(
                    "an anchor name ends at `:` in go-yaml: `&a:d` is the string \":d\" for kubectl",
                );
            }
            if values(w) != values(g) && same_as_go_reads_it(&values(w), &values(g)) {
                return Some(
                    "go-yaml v2 scalars (numbers with `_`, octal keys, whole floats, tagged empty nodes)",
                );
            }
            if values(w) == values(g) && has_duplicate_keys(text) {
                return Some("duplicate keys: both keep the last value; we point at the last key");
            }
            None
        }
        (Ok(_), Err(e)) if e.contains("did not find expected alphabetic or numeric character") => {
            Some(
                "anchor names: go-yaml (libyaml) allows only letters, digits, `-` and `_` (`&*a` is refused by kubectl)",
            )
        }
        (Ok(_), Err(e)) if e.contains("cannot start any token") && text.contains('\t') => Some(
            "a tab indenting a key or a `- `: go-yaml refuses it (kubectl: `\\t- a` is \"found character that cannot start any token\")",
        ),
        (Ok(_), Err(e)) if e.contains("did not find expected ',' or ']'") && text.contains('!') => {
            Some("a tag runs to a blank in go-yaml, `]` included: kubectl refuses `[!x]`")
        }
        (Ok(_), Err(e)) if e.contains("mapping values are not allowed") && text.contains('&') => {
            Some(
                "an anchor name ends at `:` in go-yaml: `a: &x:a:` is refused by kubectl (serde-saphyr takes `x:a:` as the name)",
            )
        }
        (Ok(_), Err(e))
            if e.contains("did not find expected node content") && text.contains(':') =>
        {
            Some(
                "an empty key in a flow mapping (`{: 0}`, `{a, : 1}`): go-yaml v2 refuses it, as kubectl shows",
            )
        }
        (Ok(_), Err(e)) if e.contains("found a tab character that violates indentation") => {
            Some("a tab indenting a plain scalar's next line: refused by go-yaml, as kubectl shows")
        }
        (Ok(_), Err(e)) if e.contains("map merge requires map") && text.contains("<<") => Some(
            "a merge key with an empty value (`<< :`): go-yaml refuses it, as kubectl shows; serde-saphyr merges nothing",
        ),
        (Ok(_), Err(e)) if e.contains("the playground reads only scalar mapping keys") => {
            Some("complex keys (`? `): a limit of this reader; no Kubernetes object has them")
        }
        (Err(_), Ok(_)) if beyond_the_root(text) => Some(
            "content after the document's root node (`  a: 1\\nb: 2`): go-yaml v2 reads the first document only and kubectl reads {\"a\": 1}; serde-saphyr refuses it",
        ),
        (Err(e), Ok(_)) if e.contains("plain scalar cannot start with '-'") => Some(
            "a lone `-` in a flow collection (`[[-]]`): go-yaml reads the string \"-\", as kubectl does; serde-saphyr refuses it",
        ),
        (Err(e), Ok(_)) if e.contains("comments must be separated") => Some(
            "a comment right after a block scalar's indicator (`|#`): go-yaml reads it, as kubectl shows",
        ),
        (Err(e), Ok(_)) if e.contains("non-finite float") => Some(
            "`.inf` and `.nan` in flow collections: serde-saphyr refuses them there and reads null elsewhere; we read null everywhere (kubectl refuses them: `json: unsupported value: +Inf`)",
        ),
        (Err(_), Ok(_)) if text.contains(['!', '&']) => Some(
            "nodes with properties serde-saphyr refuses and go-yaml reads (`!\\n!\\n0`, `-: &j\\n &j`, `!!str`)",
        ),
        _ => None,
    }
}

fn check(cases: &[(String, String)]) {
    let mut failures = Vec::new();
    for (name, text) in cases {
        for (_, chunk) in super::super::split::split(text)
            .0
            .iter()
            .map(|c| (c.start_line, c.text))
        {
            let Some(d) = difference(chunk) else {
                continue;
            };
            if deliberate(chunk, &reference(chunk), &ours(chunk)).is_none() {
                failures.push(format!("{name}: {chunk:?}\n{d}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn same_as_serde_saphyr_on_every_shipped_manifest() {
    let cases = shipped();
    assert!(cases.len() > 40, "{}", cases.len());
    check(&cases);
}

#[test]
fn same_as_serde_saphyr_on_the_fuzz_corpus() {
    let mut paths = Vec::new();
    for dir in [
        "engine/fuzz/corpus/manifest_decode",
        "engine/fuzz/seeds/manifest_decode",
    ] {
        files(&root().join(dir), &mut paths);
    }
    assert!(paths.len() > 100, "{}", paths.len());
    let cases: Vec<_> = paths
        .iter()
        .filter_map(|p| {
            let text = String::from_utf8(std::fs::read(p).ok()?).ok()?;
            Some((p.display().to_string(), text))
        })
        .collect();
    check(&cases);
}

/// Generated manifests: a tree of mappings, sequences and scalars written in the styles
/// manifests use (block and flow collections, plain, quoted and block scalars, comments,
/// anchors and aliases), read by both.
mod generated {
    use super::{deliberate, difference, ours, reference};
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Node {
        Scalar(&'static str),
        Map(Vec<(&'static str, Node)>),
        Seq(Vec<Node>),
    }

    const KEYS: &[&str] = &[
        "apiVersion",
        "kind",
        "name",
        "labels",
        "app",
        "spec",
        "image",
        "args",
        "on",
        "yes",
        "0x1F",
        "app.kubernetes.io/name",
        "a b",
        "key with: colon",
        "\"quoted\"",
        "-dash",
    ];
    const SCALARS: &[&str] = &[
        "nginx",
        "v1",
        "DaemonSet",
        "yes",
        "no",
        "on",
        "Off",
        "y",
        "~",
        "null",
        "",
        "1",
        "-2",
        "0755",
        "0x1F",
        "0o17",
        "1_000",
        "1.5",
        "1e3",
        ".inf",
        "2001-12-14",
        "a b c",
        "with: colon",
        "# not a comment",
        "- dash",
        "[x]",
        "{y}",
        "it's",
        "say \"hi\"",
        "line one\nline two",
        "trailing space ",
        "tab\there",
        "é ü 中",
        "*star",
        "&amp",
        "!bang",
        "%pct",
        "@at",
        "`tick",
        "|pipe",
        ">gt",
        "'",
        "\"",
        "\\",
        "a\n\nb\n",
    ];

    fn node() -> impl Strategy<Value = Node> {
        let leaf = prop::sample::select(SCALARS).prop_map(Node::Scalar);
        leaf.prop_recursive(5, 40, 5, |inner| {
            prop_oneof![
                prop::collection::vec((prop::sample::select(KEYS), inner.clone()), 0..5)
                    .prop_map(|entries| Node::Map(unique(entries))),
                prop::collection::vec(inner, 0..5).prop_map(Node::Seq),
            ]
        })
    }

    /// Entries with distinct keys (duplicates are a deliberate difference, tested apart), also
    /// once resolved: `on` and `'on'` are the keys "true" and "on" for go-yaml.
    fn unique(entries: Vec<(&'static str, Node)>) -> Vec<(&'static str, Node)> {
        let mut seen = std::collections::HashSet::new();
        entries
            .into_iter()
            .filter(|(k, _)| {
                let resolved = crate::manifest::yaml::resolve::key(k.to_string(), true);
                seen.insert(k.to_string()) && seen.insert(resolved)
            })
            .collect()
    }

    /// Whether `s` can be written as a plain scalar in block context and read back as text
    /// (the resolution of `yes`, `1` ... is the readers' business, so those stay plain).
    fn plain_ok(s: &str) -> bool {
        !s.is_empty()
            && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@` ".contains(c))
            && !s.ends_with(' ')
            && !s.contains(": ")
            && !s.contains(" #")
            && !s.contains(['\n', '\t', '"', '\\'])
            && !s.ends_with(':')
    }

    fn quoted(s: &str, style: u8) -> String {
        if style.is_multiple_of(2) && !s.contains(['\n', '\t', '\\']) {
            format!("'{}'", s.replace('\'', "''"))
        } else {
            let escaped = s
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', "\\n")
                .replace('\t', "\\t");
            format!("\"{escaped}\"")
        }
    }

    fn scalar(s: &str, style: u8) -> String {
        if plain_ok(s) && !style.is_multiple_of(3) {
            s.to_string()
        } else {
            quoted(s, style)
        }
    }

    fn key(k: &str, style: u8) -> String {
        scalar(k, style.wrapping_add(1))
    }

    /// Flow style for a whole subtree.
    fn flow(node: &Node, styles: &mut impl Iterator<Item = u8>) -> String {
        match node {
            Node::Scalar(s) => {
                let style = styles.next().unwrap_or(0);
                if plain_ok(s) && !s.contains([',', '[', ']', '{', '}']) && !style.is_multiple_of(3)
                {
                    s.to_string()
                } else {
                    quoted(s, style)
                }
            }
            Node::Seq(items) => {
                let parts: Vec<_> = items.iter().map(|i| flow(i, styles)).collect();
                format!("[{}]", parts.join(", "))
            }
            Node::Map(entries) => {
                let parts: Vec<_> = entries
                    .iter()
                    .map(|(k, v)| {
                        let style = styles.next().unwrap_or(0);
                        format!("{}: {}", quoted(k, style), flow(v, styles))
                    })
                    .collect();
                format!("{{{}}}", parts.join(", "))
            }
        }
    }

    /// Writes `node` as the value after `key: ` or `- ` at `indent`.
    fn block(node: &Node, indent: usize, out: &mut String, styles: &mut impl Iterator<Item = u8>) {
        let style = styles.next().unwrap_or(0);
        let pad = " ".repeat(indent);
        match node {
            Node::Scalar(s)
                if s.contains('\n') && style.is_multiple_of(2) && !s.starts_with('\n') =>
            {
                let indicator = if s.ends_with("\n\n") {
                    "|+"
                } else if s.ends_with('\n') {
                    "|"
                } else {
                    "|-"
                };
                out.push_str(indicator);
                out.push('\n');
                for line in s.trim_end_matches('\n').split('\n') {
                    if !line.is_empty() {
                        out.push_str(&pad);
                        out.push_str("  ");
                    }
                    out.push_str(line);
                    out.push('\n');
                }
                if s.ends_with("\n\n") {
                    out.push('\n');
                }
            }
            Node::Scalar(s) => {
                out.push_str(&scalar(s, style));
                if style % 5 == 1 {
                    out.push_str("  # note");
                }
                out.push('\n');
            }
            Node::Seq(items) if items.is_empty() || style.is_multiple_of(4) => {
                out.push_str(&flow(node, styles));
                out.push('\n');
            }
            Node::Map(entries) if entries.is_empty() || style.is_multiple_of(4) => {
                out.push_str(&flow(node, styles));
                out.push('\n');
            }
            Node::Seq(items) => {
                out.push('\n');
                for item in items {
                    out.push_str(&pad);
                    out.push_str("  - ");
                    block(item, indent + 4, out, styles);
                }
            }
            Node::Map(entries) => {
                if style % 7 == 3 {
                    out.push_str("&anchor");
                }
                out.push('\n');
                for (k, v) in entries {
                    out.push_str(&pad);
                    out.push_str("  ");
                    out.push_str(&key(k, styles.next().unwrap_or(0)));
                    out.push_str(": ");
                    block(v, indent + 2, out, styles);
                }
            }
        }
    }

    fn document(root: &[(&'static str, Node)], styles: &[u8]) -> String {
        let mut styles = styles.iter().copied().cycle();
        let mut out = String::from("# generated\n");
        for (k, v) in root {
            out.push_str(&key(k, styles.next().unwrap_or(0)));
            out.push_str(": ");
            block(v, 0, &mut out, &mut styles);
        }
        if out.contains("&anchor") {
            out.push_str("again: *anchor\n");
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn same_as_serde_saphyr_on_generated_manifests(
            root in prop::collection::vec((prop::sample::select(KEYS), node()), 1..6),
            styles in prop::collection::vec(any::<u8>(), 1..64),
        ) {
            let text = document(&unique(root), &styles);
            let (want, got) = (reference(&text), ours(&text));
            if let Some(d) = difference(&text) {
                prop_assert!(deliberate(&text, &want, &got).is_some(), "{text}\n{d}");
            }
            prop_assert!(got.is_ok(), "{text}\n{got:?}");
        }
    }
}

#[test]
fn probe() {
    let Ok(path) = std::env::var("YAML_PROBE_FILE") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    println!("REF  {:?}", reference(&text));
    println!("OURS {:?}", ours(&text));
}

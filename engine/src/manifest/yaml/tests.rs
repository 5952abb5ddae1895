//! The reader against kubectl: every case below was run through kubectl v1.32
//! (`kubectl apply --validate=false -f`, which reports YAML errors before contacting a server,
//! and shows the JSON it read in its "Object 'Kind' is missing in '{...}'" error).

use super::parse;
use crate::manifest::ManifestError;
use serde_json::{Value, json};

/// The JSON kubectl reads from `text`, or the text of its YAML error after `yaml: `.
fn read(text: &str) -> Result<Value, String> {
    match parse(text) {
        Ok(doc) => Ok(doc.map_or(Value::Null, |t| t.value)),
        Err(e) => {
            let message = ManifestError::from_yaml(&e, 0).message("f");
            Err(message
                .split_once("error converting YAML to JSON: yaml: ")
                .map_or(message.clone(), |(_, m)| m.to_string()))
        }
    }
}

#[test]
fn values_as_kubectl_reads_them() {
    for (text, want) in [
        ("a:\tb\n", json!({"a": "b"})),
        ("- \tb\n", json!(["b"])),
        ("a: 81_\n", json!({"a": 81})),
        ("0277: b\n", json!({"191": "b"})),
        ("a: !\n", json!({"a": ""})),
        ("a: !!str\n", json!({"a": ""})),
        ("a: !foo\n", json!({"a": ""})),
        ("a: 1.0\n", json!({"a": 1})),
        (
            "a: ~\nb: 0o17\nc: 08\n",
            json!({"a": null, "b": 15, "c": 8}),
        ),
        ("a: -08868868\n", json!({"a": -8868868})),
        ("1.5: 1\n", json!({"1.5": 1})),
        ("a: \"\\x41\\u00e9\"\n", json!({"a": "Aé"})),
        ("a: |\n  x", json!({"a": "x\n"})),
        ("a: |\n\n", json!({"a": ""})),
        ("a: |+\n ", json!({"a": "\n"})),
        ("a: >+\n ", json!({"a": "\n"})),
        ("a: |+\n\n ", json!({"a": "\n\n"})),
        ("a: |+\n  x\n ", json!({"a": "x\n\n"})),
        ("b:\n  a: |+\n   ", json!({"b": {"a": "\n"}})),
        ("a: |\n ", json!({"a": ""})),
        ("a: |-\n ", json!({"a": ""})),
        ("a: |+   ", json!({"a": ""})),
        ("a: >\n x\n\n y\n", json!({"a": "x\ny\n"})),
        ("a: |2\n   x\n", json!({"a": " x\n"})),
        (
            "a: b # c\nd: [1, # x\n 2]\n",
            json!({"a": "b", "d": [1, 2]}),
        ),
        (
            "a:\n  b:\n  - c\n  d: e\n",
            json!({"a": {"b": ["c"], "d": "e"}}),
        ),
        ("a: \"x\n  y\"\n", json!({"a": "x y"})),
        ("a:\n- b\n - c\n", json!({"a": ["b - c"]})),
        // go-yaml v2 merges in order: a later key wins, merged or not.
        (
            "a: &x\n  b: 1\nc:\n  <<: *x\n  b: 2\n",
            json!({"a": {"b": 1}, "c": {"b": 2}}),
        ),
        ("c:\n  b: 2\n  <<: {b: 3}\n", json!({"c": {"b": 3}})),
        // Only the first document's root node is read.
        ("  a: 1\nb: 2\n", json!({"a": 1})),
        ("ap, #%\n- t \n", json!("ap,")),
        // A repeated key keeps its last value, as kubectl's YAML-to-JSON conversion does.
        ("a: 1\na: 2\n", json!({"a": 2})),
        // Blanks after a plain scalar belong to it: a tab there is no token.
        ("a: 1\n \t# c\nb: 2\n", json!({"a": 1, "b": 2})),
        ("a: 1\n  \t\n", json!({"a": 1})),
        ("a\t: b\n", json!({"a": "b"})),
        ("\"a\"\t: b\n", json!({"a": "b"})),
        // A key's tag or anchor is where its mapping is indented.
        ("a:\n  !x b:\n    c: d\n", json!({"a": {"b": {"c": "d"}}})),
        (
            "s:\n   !* m:\n      app: x\n",
            json!({"s": {"m": {"app": "x"}}}),
        ),
        ("a:\n  !x b: 1\n  c: d\n", json!({"a": {"b": 1, "c": "d"}})),
        ("a:\n  &k b: 1\n  c: *k\n", json!({"a": {"b": 1, "c": "b"}})),
        ("a: !x\n  b: 1\n  c: 2\n", json!({"a": {"b": 1, "c": 2}})),
        ("a: [x|]\n", json!({"a": ["x|"]})),
    ] {
        assert_eq!(read(text), Ok(want), "{text:?}");
    }
}

#[test]
fn errors_as_kubectl_prints_them() {
    for (text, want) in [
        (
            "a: &*x 1\n",
            "did not find expected alphabetic or numeric character",
        ),
        (
            "a: &x: 1\n",
            "mapping values are not allowed in this context",
        ),
        (
            "a: M\"j\n\t-\n",
            "line 2: found a tab character that violates indentation",
        ),
        (
            "b:\n  a: b\n \t\t\n",
            "line 3: found a tab character that violates indentation",
        ),
        (
            "a:\n  \tb: 1\n",
            "line 2: found character that cannot start any token",
        ),
        ("a: \u{1}\n", "control characters are not allowed"),
        (
            "%YAML 1.1\n",
            "line 1: did not find expected <document start>",
        ),
        ("a: &x &y 1\n", "did not find expected key"),
        ("a: 'x\n", "line 2: found unexpected end of stream"),
        ("a: b\nc\n", "line 3: could not find expected ':'"),
        ("a: {b: c\n", "line 1: did not find expected ',' or '}'"),
        ("- a\nb: c\n", "line 1: did not find expected '-' indicator"),
        (
            "a:\n  - b\n  c: d\n",
            "line 2: did not find expected '-' indicator",
        ),
        (
            "a: 1\n  b: 2\n",
            "line 2: mapping values are not allowed in this context",
        ),
        ("a: *x\n", "unknown anchor 'x' referenced"),
        ("a: \"\\q\"\n", "found unknown escape character"),
        ("x: @y\n", "found character that cannot start any token"),
        ("a: [1, 2]x\n", "did not find expected key"),
        ("a: b\n- c\n", "line 1: did not find expected key"),
        ("a: 1\n}}b: d\n", "line 1: did not find expected key"),
        ("a: [!x]\n", "line 1: did not find expected ',' or ']'"),
        (
            "\t\t-\t\t-\t\tb\n",
            "found character that cannot start any token",
        ),
        ("[:]\n", "did not find expected node content"),
        ("a: {: 0}\n", "did not find expected node content"),
        ("a: {x, : 1}\n", "did not find expected node content"),
        ("a: {x: 1, :}\n", "did not find expected node content"),
        (
            "a:\n  b: {x: 1, : 2}\n",
            "line 1: did not find expected node content",
        ),
        (
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n name: b\n",
            "line 4: did not find expected key",
        ),
        // A tab where a line's first token may start.
        ("\tvalue\n", "found character that cannot start any token"),
        (
            "a:\n\tc\n",
            "line 2: found character that cannot start any token",
        ),
        (
            "a:\n \tc\n",
            "line 2: found character that cannot start any token",
        ),
        (
            "a:\n  b:\n \tc\n",
            "line 3: found character that cannot start any token",
        ),
        (
            "a:\n\t\n  b: 1\n",
            "line 2: found character that cannot start any token",
        ),
        (
            "- a\n-\n\tb\n",
            "line 3: found character that cannot start any token",
        ),
        (
            "a: 1\n\t# c\n",
            "line 2: found a tab character that violates indentation",
        ),
        // `|` and `>` start block scalars only outside flow collections.
        ("a: [|]\n", "found character that cannot start any token"),
        ("a: {b: >}\n", "found character that cannot start any token"),
        ("a: {|: 1}\n", "found character that cannot start any token"),
        ("a: {@: 1}\n", "found character that cannot start any token"),
        // A key on one line only.
        (
            "a:\n  \"x\n  y\": 1\n",
            "line 3: mapping values are not allowed in this context",
        ),
        (
            "\"x\n y\": 1\n",
            "line 2: mapping values are not allowed in this context",
        ),
        (
            "b: 1\n\"x\n y\": 2\n",
            "line 3: could not find expected ':'",
        ),
        (
            "b: 1\n'x\n\n y': 2\n",
            "line 4: could not find expected ':'",
        ),
        (
            "a:\n  !x b: 1\n   c: 2\n",
            "line 3: mapping values are not allowed in this context",
        ),
    ] {
        assert_eq!(read(text), Err(want.to_string()), "{text:?}");
    }
}

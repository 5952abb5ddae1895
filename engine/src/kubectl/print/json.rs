//! `-o json` as kubectl writes it: Go's `json.MarshalIndent(obj, "", "    ")` of an unstructured
//! object, plus a newline. Keys sorted bytewise (Go sorts map keys), `<`, `>`, `&`, U+2028 and
//! U+2029 escaped as `\u003c`… (Go's HTML-safe encoding), empty collections as `{}` / `[]`.

use crate::gofmt::push_json_string;
use serde_json::Value;

const MAX_DEPTH: usize = 200;

/// The JSON text of a value, ending with a newline.
pub fn to_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0);
    out.push('\n');
    out
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("    ");
    }
}

fn write_value(out: &mut String, value: &Value, level: usize) {
    if level > MAX_DEPTH {
        out.push_str("null");
        return;
    }
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => push_json_string(out, s),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('\n');
                indent(out, level + 1);
                write_value(out, item, level + 1);
            }
            out.push('\n');
            indent(out, level);
            out.push(']');
        }
        Value::Object(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return;
            }
            let mut keys: Vec<&String> = map.keys().collect();
            crate::sort::sort(&mut keys);
            out.push('{');
            for (i, key) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('\n');
                indent(out, level + 1);
                push_json_string(out, key);
                out.push_str(": ");
                if let Some(v) = map.get(*key) {
                    write_value(out, v, level + 1);
                }
            }
            out.push('\n');
            indent(out, level);
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn go_marshal_indent() {
        let v = json!({"b": [1, {"y": "<none>", "x": "a&b"}], "a": {}, "c": [], "d": null});
        let want = "{
    \"a\": {},
    \"b\": [
        1,
        {
            \"x\": \"a\\u0026b\",
            \"y\": \"\\u003cnone\\u003e\"
        }
    ],
    \"c\": [],
    \"d\": null
}
";
        assert_eq!(to_json(&v), want);
    }
}

/// Output of `kubectl label --local -f tricky-node.json zz=1 -o json` (kubectl v1.32).
#[cfg(test)]
#[test]
fn same_bytes_as_kubectl() {
    let v: Value = serde_json::from_str(include_str!("testdata/tricky-node.json")).unwrap();
    assert_eq!(
        to_json(&v),
        include_str!("testdata/tricky-node.kubectl-1.32.json")
    );
}

//! A field of an object, named as kubectl's JSONPath names it: `{.status.numberReady}`,
//! `.spec.template.spec.containers[0].image`, `status.phase`, and map keys with dots or slashes
//! as `.metadata.labels['kubernetes.io/os']` (or `kubernetes\.io/os`). Looked up in the object
//! as `kubectl get -o json` prints it.

use serde_json::Value;
use std::fmt;

/// One step of a path: a map key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// A parsed field path, with the text it was written as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPath {
    written: String,
    segments: Vec<Segment>,
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written)
    }
}

/// Whether a word is meant as a field path (as opposed to a keyword such as `exists`).
pub(super) fn looks_like_path(word: &str) -> bool {
    word.starts_with('.') || word.starts_with('{') || word.contains('.') || word.contains('[')
}

impl FieldPath {
    /// Reads a path; the error says what is wrong with it.
    pub fn parse(text: &str) -> Result<FieldPath, String> {
        let inner = match text.strip_prefix('{') {
            Some(rest) => rest
                .strip_suffix('}')
                .ok_or_else(|| format!("field {text:?}: an unclosed {{"))?,
            None => text,
        };
        let inner = inner.strip_prefix('.').unwrap_or(inner);
        let mut segments = Vec::new();
        let mut key = String::new();
        let mut chars = inner.chars().peekable();
        let mut after_bracket = false;
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some(escaped) => key.push(escaped),
                    None => return Err(format!("field {text:?}: a lone \\ at the end")),
                },
                '.' => {
                    if key.is_empty() && !after_bracket {
                        return Err(format!("field {text:?}: an empty name between dots"));
                    }
                    if !key.is_empty() {
                        segments.push(Segment::Key(std::mem::take(&mut key)));
                    }
                    after_bracket = false;
                }
                '[' => {
                    if !key.is_empty() {
                        segments.push(Segment::Key(std::mem::take(&mut key)));
                    }
                    let mut inside = String::new();
                    let mut closed = false;
                    for c in chars.by_ref() {
                        if c == ']' {
                            closed = true;
                            break;
                        }
                        inside.push(c);
                    }
                    if !closed {
                        return Err(format!("field {text:?}: an unclosed ["));
                    }
                    segments.push(bracket(&inside).map_err(|e| format!("field {text:?}: {e}"))?);
                    after_bracket = true;
                }
                c => {
                    if after_bracket {
                        return Err(format!("field {text:?}: a name must follow a dot after ]"));
                    }
                    key.push(c);
                }
            }
        }
        if !key.is_empty() {
            segments.push(Segment::Key(key));
        }
        if segments.is_empty() {
            return Err(format!("field {text:?}: no field named"));
        }
        Ok(FieldPath {
            written: text.to_string(),
            segments,
        })
    }

    /// The value at the path, if the object has it.
    pub fn lookup<'a>(&self, mut value: &'a Value) -> Option<&'a Value> {
        for segment in &self.segments {
            value = match (segment, value) {
                (Segment::Key(k), Value::Object(m)) => m.get(k)?,
                (Segment::Index(i), Value::Array(a)) => a.get(*i)?,
                _ => return None,
            };
        }
        Some(value)
    }
}

/// `[0]`, `['key']`, `["key"]`, or `[key]` (the scenario's word splitting takes the quotes
/// away unless the whole path is quoted, so a bare key is a key too).
fn bracket(inside: &str) -> Result<Segment, String> {
    let quoted = inside
        .strip_prefix('\'')
        .and_then(|r| r.strip_suffix('\''))
        .or_else(|| inside.strip_prefix('"').and_then(|r| r.strip_suffix('"')));
    if let Some(key) = quoted {
        return Ok(Segment::Key(key.to_string()));
    }
    if inside.is_empty() {
        return Err("[] names nothing".into());
    }
    Ok(match inside.parse::<usize>() {
        Ok(i) => Segment::Index(i),
        Err(_) => Segment::Key(inside.to_string()),
    })
}

/// A value as kubectl's JSONPath prints it: strings without quotes, the rest as JSON.
pub(super) fn print_value(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        // serde_json's writer, not `Value`'s `Display` (a second instance of it in the site).
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn kubectl_jsonpath_forms_name_the_same_field() {
        let obj = json!({"status": {"numberReady": 3}});
        for text in [
            "{.status.numberReady}",
            ".status.numberReady",
            "status.numberReady",
        ] {
            let p = FieldPath::parse(text).unwrap();
            assert_eq!(p.lookup(&obj), Some(&json!(3)), "{text}");
            assert_eq!(p.to_string(), text);
        }
    }

    #[test]
    fn indices_and_keys_with_dots() {
        let obj = json!({
            "metadata": {"labels": {"kubernetes.io/os": "linux"}},
            "spec": {"containers": [{"image": "a:1"}, {"image": "b:2"}]}
        });
        let get = |t: &str| FieldPath::parse(t).unwrap().lookup(&obj).cloned();
        assert_eq!(get(".spec.containers[1].image"), Some(json!("b:2")));
        assert_eq!(
            get(".metadata.labels['kubernetes.io/os']"),
            Some(json!("linux"))
        );
        assert_eq!(
            get(".metadata.labels[\"kubernetes.io/os\"]"),
            Some(json!("linux"))
        );
        assert_eq!(
            get(r".metadata.labels.kubernetes\.io/os"),
            Some(json!("linux"))
        );
        assert_eq!(
            get(".metadata.labels[kubernetes.io/os]"),
            Some(json!("linux"))
        );
        assert_eq!(get(".spec.containers[5].image"), None);
        assert_eq!(get(".spec.nothing"), None);
    }

    #[test]
    fn malformed_paths_say_why() {
        for (text, why) in [
            ("{.a", "unclosed {"),
            (".a..b", "empty name"),
            (".a[", "unclosed ["),
            (".a[]", "names nothing"),
            (".a[0]b", "must follow a dot"),
            (".", "no field"),
            ("a\\", "lone \\"),
        ] {
            let e = FieldPath::parse(text).unwrap_err();
            assert!(e.contains(why), "{text}: {e}");
        }
    }

    #[test]
    fn values_print_as_jsonpath_prints_them() {
        assert_eq!(print_value(&json!("Running")), "Running");
        assert_eq!(print_value(&json!(3)), "3");
        assert_eq!(print_value(&json!(true)), "true");
        assert_eq!(print_value(&json!({"a": 1})), "{\"a\":1}");
    }
}

//! apimachinery `field.Error` (`k8s.io/apimachinery/pkg/util/validation/field/errors.go`): one
//! cause, printed `<field>: <Type>[: <value>][: <detail>]`.
//!
//! `ErrorBody` prints ints and bools bare, strings with Go's `%q`, and anything else as
//! `json.Marshal` output; the `Required`, `Forbidden` and `Too long` types print no value. The
//! value printers here reproduce Go's output: `go_quote` is `strconv.Quote`, `json_string` is
//! `encoding/json`'s string encoder (which escapes `<`, `>` and `&`), `JsonObject` writes struct
//! fields in declaration order as Go does, and maps are written with sorted keys.

use crate::api::{IntOrString, LabelSelector, StringMap};
use std::fmt::Write as _;

/// A field path (`field.Path`): `spec.template.spec.containers[0].name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Path(String);

impl Path {
    pub(crate) fn new(root: &str) -> Path {
        Path(root.to_string())
    }

    pub(crate) fn child(&self, name: &str) -> Path {
        if self.0.is_empty() {
            Path(name.to_string())
        } else {
            Path(format!("{}.{}", self.0, name))
        }
    }

    pub(crate) fn index(&self, i: usize) -> Path {
        Path(format!("{}[{}]", self.0, i))
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

/// The `BadValue` of a cause, already in the form `ErrorBody` prints it with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    /// int64/int32/bool: printed bare (`%v`).
    Bare(String),
    /// A Go string: printed with `%q`.
    Str(String),
    /// Anything else: the JSON text `json.Marshal` gives.
    Json(String),
}

impl Value {
    pub(crate) fn int(i: i64) -> Value {
        Value::Bare(i.to_string())
    }

    pub(crate) fn str(s: &str) -> Value {
        Value::Str(s.to_string())
    }

    fn render(&self) -> String {
        match self {
            Value::Bare(s) | Value::Json(s) => s.clone(),
            Value::Str(s) => go_quote(s),
        }
    }
}

/// One cause: the field path and `ErrorBody()` (type, value, detail).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldError {
    pub(crate) field: String,
    pub(crate) message: String,
}

impl FieldError {
    fn new(path: &Path, type_: &str, value: Option<&Value>, detail: &str) -> FieldError {
        let mut message = type_.to_string();
        if let Some(v) = value {
            message.push_str(": ");
            message.push_str(&v.render());
        }
        if !detail.is_empty() {
            message.push_str(": ");
            message.push_str(detail);
        }
        FieldError {
            field: path.as_str().to_string(),
            message,
        }
    }

    /// `field.Required`: `Required value[: detail]`.
    pub(crate) fn required(path: &Path, detail: &str) -> FieldError {
        FieldError::new(path, "Required value", None, detail)
    }

    /// `field.Forbidden`: `Forbidden[: detail]`.
    pub(crate) fn forbidden(path: &Path, detail: &str) -> FieldError {
        FieldError::new(path, "Forbidden", None, detail)
    }

    /// `field.Invalid`: `Invalid value: <value>[: detail]`.
    pub(crate) fn invalid(path: &Path, value: Value, detail: &str) -> FieldError {
        FieldError::new(path, "Invalid value", Some(&value), detail)
    }

    /// `field.NotSupported`: `Unsupported value: <value>: supported values: "a", "b"`, the
    /// supported values in the order given (`strconv.Quote` of each).
    pub(crate) fn not_supported(path: &Path, value: Value, supported: &[&str]) -> FieldError {
        let detail = if supported.is_empty() {
            String::new()
        } else {
            let quoted: Vec<String> = supported.iter().map(|s| go_quote(s)).collect();
            format!("supported values: {}", quoted.join(", "))
        };
        FieldError::new(path, "Unsupported value", Some(&value), &detail)
    }

    /// `field.Duplicate`: `Duplicate value: <value>` (some callers set a detail).
    pub(crate) fn duplicate(path: &Path, value: Value, detail: &str) -> FieldError {
        FieldError::new(path, "Duplicate value", Some(&value), detail)
    }

    /// `field.NotFound`: `Not found: <value>`.
    pub(crate) fn not_found(path: &Path, value: Value) -> FieldError {
        FieldError::new(path, "Not found", Some(&value), "")
    }

    /// `field.TooLong` with a byte limit: `Too long: may not be more than N bytes`.
    pub(crate) fn too_long_bytes(path: &Path, max: usize) -> FieldError {
        let unit = if max == 1 { "byte" } else { "bytes" };
        FieldError::new(
            path,
            "Too long",
            None,
            &format!("may not be more than {max} {unit}"),
        )
    }
}

/// `field.ErrorList`: causes in the order validation found them.
pub(crate) type Errors = Vec<FieldError>;

/// The detail of `ValidateNonnegativeField` (`apimachinery IsNegativeErrorMsg`).
pub(crate) const IS_NEGATIVE: &str = "must be greater than or equal to 0";

/// `ValidateNonnegativeField`.
pub(crate) fn nonnegative(errs: &mut Errors, value: i64, path: &Path) {
    if value < 0 {
        errs.push(FieldError::invalid(path, Value::int(value), IS_NEGATIVE));
    }
}

// ---------------------------------------------------------------------------------------------
// Go value printing

/// `strconv.Quote`: double-quoted, with Go escapes for non-printable runes.
pub(crate) fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if go_is_print(c) => out.push(c),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// An approximation of Go's `strconv.IsPrint` (letters, marks, numbers, punctuation, symbols and
/// the ASCII space): control characters, non-ASCII spaces, format characters, private-use
/// characters and noncharacters are not printable. (Unassigned code points, which Go also
/// escapes, are not known here and print as themselves.)
fn go_is_print(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return (0x20..0x7f).contains(&u);
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let format = matches!(u,
        0x00AD | 0x0600..=0x0605 | 0x061C | 0x06DD | 0x070F | 0x0890..=0x0891 | 0x08E2 | 0x180E
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF
        | 0xFFF9..=0xFFFB | 0x110BD | 0x110CD | 0x13430..=0x1343F | 0x1BCA0..=0x1BCA3
        | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F);
    let private_use = matches!(u, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF);
    let nonchar = matches!(u, 0xFDD0..=0xFDEF) || (u & 0xFFFE) == 0xFFFE;
    !(format || private_use || nonchar)
}

/// `encoding/json`'s encoding of a string (HTML-safe, as `json.Marshal` writes it).
pub(crate) fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Go struct written field by field, in declaration order.
pub(crate) struct JsonObject(String);

impl JsonObject {
    pub(crate) fn new() -> JsonObject {
        JsonObject(String::from("{"))
    }

    /// Adds `"name":<json>`, `json` being already-encoded JSON text.
    pub(crate) fn field(mut self, name: &str, json: &str) -> JsonObject {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        self.0.push_str(&json_string(name));
        self.0.push(':');
        self.0.push_str(json);
        self
    }

    pub(crate) fn finish(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

/// A `map[string]string` as `json.Marshal` writes it (keys sorted); `null` for a nil map, which
/// is what an absent or empty map in a manifest decodes to in practice.
pub(crate) fn json_string_map(map: &StringMap) -> String {
    if map.is_empty() {
        return "null".into();
    }
    let parts: Vec<String> = map
        .iter()
        .map(|(k, v)| format!("{}:{}", json_string(k), json_string(v)))
        .collect();
    format!("{{{}}}", parts.join(","))
}

/// A `[]string` as `json.Marshal` writes it (`null` when empty).
pub(crate) fn json_string_list(items: &[String]) -> String {
    if items.is_empty() {
        return "null".into();
    }
    let parts: Vec<String> = items.iter().map(|s| json_string(s)).collect();
    format!("[{}]", parts.join(","))
}

/// `intstr.IntOrString.MarshalJSON`: a number or a string.
pub(crate) fn json_int_or_string(v: &IntOrString) -> String {
    match v {
        IntOrString::Int(i) => i.to_string(),
        IntOrString::String(s) => json_string(s),
    }
}

/// `*metav1.LabelSelector` as `json.Marshal` writes it: `matchLabels` then `matchExpressions`,
/// both `omitempty`; each requirement `key`, `operator`, `values` (`omitempty`).
pub(crate) fn json_label_selector(sel: Option<&LabelSelector>) -> String {
    let Some(sel) = sel else {
        return "null".into();
    };
    let mut obj = JsonObject::new();
    if let Some(labels) = sel.match_labels.as_ref().filter(|m| !m.is_empty()) {
        obj = obj.field("matchLabels", &json_string_map(labels));
    }
    if let Some(exprs) = sel.match_expressions.as_ref().filter(|e| !e.is_empty()) {
        let items: Vec<String> = exprs
            .iter()
            .map(|e| {
                let mut o = JsonObject::new()
                    .field("key", &json_string(&e.key))
                    .field("operator", &json_string(&e.operator));
                if !e.values.is_empty() {
                    o = o.field("values", &json_string_list(&e.values));
                }
                o.finish()
            })
            .collect();
        obj = obj.field("matchExpressions", &format!("[{}]", items.join(",")));
    }
    obj.finish()
}

/// A JSON value from a manifest's unmodelled fields, re-encoded the way Go would print it.
pub(crate) fn json_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => json_string(s),
        serde_json::Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(json_value).collect();
            format!("[{}]", parts.join(","))
        }
        serde_json::Value::Object(map) => {
            let parts: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}:{}", json_string(k), json_value(v)))
                .collect();
            format!("{{{}}}", parts.join(","))
        }
        other => other.to_string(),
    }
}

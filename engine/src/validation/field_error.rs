//! apimachinery `field.Error` (`k8s.io/apimachinery/pkg/util/validation/field/errors.go`): one
//! cause, printed `<field>: <Type>[: <value>][: <detail>]`.
//!
//! `ErrorBody` prints ints and bools bare, strings with Go's `%q`, and anything else as
//! `json.Marshal` output; the `Required`, `Forbidden` and `Too long` types print no value. The
//! value printers here reproduce Go's output: strings go through [`crate::gofmt`]'s `quote`
//! (`strconv.Quote`) and `json_string` (`encoding/json`'s string encoder, which escapes `<`, `>`
//! and `&`), `JsonObject` writes struct fields in declaration order as Go does, and maps are
//! written with sorted keys.

use crate::api::{IntOrString, LabelSelector, StringMap};
pub(crate) use crate::gofmt::json_string;
use crate::gofmt::quote;

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

    /// `Path.Key`: `limits[cpu]`.
    pub(crate) fn key(&self, key: &str) -> Path {
        Path(format!("{}[{}]", self.0, key))
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
            Value::Str(s) => quote(s),
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
            let quoted: Vec<String> = supported.iter().map(|s| quote(s)).collect();
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

/// `ValidateResourceQuantityValue`'s sign check (`ValidateNonnegativeQuantity`); the quantity
/// is printed as `String()` prints it.
pub(crate) fn nonnegative_quantity(errs: &mut Errors, q: &crate::api::Quantity, path: &Path) {
    if q.milli_value().is_some_and(|m| m < 0) {
        errs.push(FieldError::invalid(
            path,
            Value::str(&q.to_string()),
            IS_NEGATIVE,
        ));
    }
}

// ---------------------------------------------------------------------------------------------
// Go value printing

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
        // The same text as `other.to_string()`, through the JSON writer the engine already has
        // rather than a second one for `Display` (a smaller page).
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

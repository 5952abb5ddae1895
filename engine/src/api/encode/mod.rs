//! The API types' wire form (`kubectl get -o yaml|json`, the last-applied annotation, a
//! revision's template and its hash), written by hand rather than derived: serde's derived
//! serialisers, instantiated for each output, were a large part of the site's WebAssembly.
//!
//! The text is what `serde_json::to_string` wrote for the derived `Serialize`, byte for byte:
//! fields in declaration order (template hashes are taken over this text), a field marked
//! `omitempty` in Kubernetes left out when empty ([`Encode::is_empty_value`]), a struct's
//! `extra` fields after its own. A struct's encoder lists its fields by wire name; the field's
//! Rust type picks the impl, through `&dyn Encode` so that no writer is instantiated per type.

mod meta;
mod node;
mod pod;
mod selectors;
mod workloads;

use super::{Extra, IntOrString, Quantity, Shared, SortedMap, Str, Time};
use serde_json::Value;
use std::fmt::Write;

/// A type with a JSON form.
pub(crate) trait Encode {
    /// Appends the JSON text of `self` to `out`.
    fn write(&self, out: &mut String);

    /// Go's empty value for `omitempty`: `""`, `0`, `false`, an empty list or map, `nil`.
    fn is_empty_value(&self) -> bool {
        false
    }
}

/// The JSON text of `v`.
pub(crate) fn to_string(v: &dyn Encode) -> String {
    let mut out = String::new();
    v.write(&mut out);
    out
}

/// `v` as a JSON value (read back from its text: the value keeps every number as written).
/// From bytes, as JSON is read everywhere else: one instance of serde_json's parser.
pub(crate) fn to_value(v: &dyn Encode) -> Value {
    serde_json::from_slice(to_string(v).as_bytes()).unwrap_or(Value::Null)
}

/// A JSON object being written, one field after another.
pub(crate) struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Object<'a> {
    pub(crate) fn new(out: &'a mut String) -> Object<'a> {
        out.push('{');
        Object { out, first: true }
    }

    /// A field always written.
    pub(crate) fn field(&mut self, key: &str, v: &dyn Encode) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, key);
        self.out.push(':');
        v.write(self.out);
    }

    /// A field left out when empty (`omitempty`).
    pub(crate) fn unless_empty(&mut self, key: &str, v: &dyn Encode) {
        if !v.is_empty_value() {
            self.field(key, v);
        }
    }

    /// A struct's fields the simulator does not model, kept as read.
    pub(crate) fn extra(&mut self, extra: &Extra) {
        for (k, v) in extra.iter() {
            self.field(k, v);
        }
    }

    pub(crate) fn end(self) {
        self.out.push('}');
    }
}

/// A JSON string, escaped as serde_json escapes: `"`, `\` and control characters only.
fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Encode for String {
    fn write(&self, out: &mut String) {
        write_str(out, self);
    }
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl Encode for Str {
    fn write(&self, out: &mut String) {
        write_str(out, self);
    }
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl Encode for bool {
    fn write(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
    fn is_empty_value(&self) -> bool {
        !*self
    }
}

impl Encode for i64 {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
    fn is_empty_value(&self) -> bool {
        *self == 0
    }
}

impl Encode for i32 {
    fn write(&self, out: &mut String) {
        i64::from(*self).write(out);
    }
    fn is_empty_value(&self) -> bool {
        *self == 0
    }
}

/// A value kept as read (unmodelled fields, conditions): serde_json's own text, through
/// `to_string` as everywhere else (its `Display` would be another instance of the writer).
impl Encode for Value {
    fn write(&self, out: &mut String) {
        out.push_str(&serde_json::to_string(self).unwrap_or_default());
    }
}

impl Encode for Time {
    fn write(&self, out: &mut String) {
        write_str(out, &self.to_string());
    }
}

impl Encode for Quantity {
    fn write(&self, out: &mut String) {
        write_str(out, &self.0);
    }
}

/// Untagged: the number or the string.
impl Encode for IntOrString {
    fn write(&self, out: &mut String) {
        match self {
            IntOrString::Int(i) => i.write(out),
            IntOrString::String(s) => write_str(out, s),
        }
    }
}

impl<T: Encode> Encode for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(v) => v.write(out),
            None => out.push_str("null"),
        }
    }
    fn is_empty_value(&self) -> bool {
        self.is_none()
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn write(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write(out);
        }
        out.push(']');
    }
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl<V: Encode> Encode for SortedMap<String, V> {
    fn write(&self, out: &mut String) {
        let mut o = Object::new(out);
        for (k, v) in self.iter() {
            o.field(k, v);
        }
        o.end();
    }
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl<T: Encode> Encode for Shared<T> {
    fn write(&self, out: &mut String) {
        (**self).write(out);
    }
    fn is_empty_value(&self) -> bool {
        (**self).is_empty_value()
    }
}

#[cfg(test)]
mod differential;

//! The API types' wire form (`kubectl get -o yaml|json`, the last-applied annotation, a
//! revision's template and its hash), written by hand rather than derived: serde's derived
//! serialisers, instantiated for each output, were a large part of the site's WebAssembly.
//!
//! The text is what `serde_json::to_string` wrote for the derived `Serialize`, byte for byte
//! (and [`to_value`] builds the value `serde_json::to_value` built, without text between):
//! fields in declaration order (template hashes are taken over this text), a field marked
//! `omitempty` in Kubernetes left out when empty ([`Encode::is_empty_value`]), a struct's
//! `extra` fields after its own. A struct's encoder lists its fields by wire name; the field's
//! Rust type picks the impl, through `&dyn Encode` so that no writer is instantiated per type.

mod meta;
mod node;
mod pod;
mod selectors;
mod workloads;

use super::{Extra, IntOrString, Quantity, Shared, SharedStr, SortedMap, Str, Time};
use serde_json::Value;
use std::fmt::Write;

/// A type with a JSON form.
pub(crate) trait Encode {
    /// Appends the JSON form of `self` to `out`.
    fn write(&self, out: &mut Out);

    /// Go's empty value for `omitempty`: `""`, `0`, `false`, an empty list or map, `nil`.
    fn is_empty_value(&self) -> bool {
        false
    }
}

/// The JSON text of `v`.
pub(crate) fn to_string(v: &dyn Encode) -> String {
    let mut out = Out {
        sink: Sink::Text(String::new()),
        as_written: false,
    };
    v.write(&mut out);
    match out.sink {
        Sink::Text(text) => text,
        Sink::Value(_) => String::new(),
    }
}

/// `v` as a JSON value, built directly (a float kept exactly, as it would not always be if
/// the text were read back).
pub(crate) fn to_value(v: &dyn Encode) -> Value {
    value_of(v, false)
}

/// [`to_value`] with each quantity as its manifest wrote it where that differs from the stored
/// form (`cpu: 0.5` stays the number 0.5): kubectl's last-applied annotation is the manifest's
/// JSON, not the stored object's.
pub(crate) fn to_value_as_written(v: &dyn Encode) -> Value {
    value_of(v, true)
}

fn value_of(v: &dyn Encode, as_written: bool) -> Value {
    let mut out = Out {
        sink: Sink::Value(vec![Frame {
            key: None,
            value: Value::Null,
        }]),
        as_written,
    };
    v.write(&mut out);
    match out.sink {
        Sink::Value(mut stack) => stack.pop().map_or(Value::Null, |f| f.value),
        Sink::Text(_) => Value::Null,
    }
}

/// Where an encoder writes, and in which form it writes quantities.
pub(crate) struct Out {
    sink: Sink,
    /// Quantities as their manifest wrote them ([`to_value_as_written`]), not as stored.
    as_written: bool,
}

/// JSON text, or a value being built.
enum Sink {
    Text(String),
    /// The objects and arrays open, innermost last; the bottom frame receives the whole value.
    Value(Vec<Frame>),
}

/// An object or array being built, and the key its next value goes under.
pub(crate) struct Frame {
    key: Option<String>,
    value: Value,
}

impl Out {
    /// A scalar: its text, or its value.
    fn scalar(&mut self, text: &str, value: impl FnOnce() -> Value) {
        match &mut self.sink {
            Sink::Text(out) => out.push_str(text),
            Sink::Value(_) => self.put(value()),
        }
    }

    fn string(&mut self, s: &str) {
        match &mut self.sink {
            Sink::Text(out) => write_str(out, s),
            Sink::Value(_) => self.put(Value::String(s.to_string())),
        }
    }

    /// Adds a finished value to the innermost open object or array (or as the whole value).
    fn put(&mut self, v: Value) {
        let Sink::Value(stack) = &mut self.sink else {
            return;
        };
        let Some(top) = stack.last_mut() else { return };
        match &mut top.value {
            Value::Object(map) => {
                if let Some(key) = top.key.take() {
                    map.insert(key, v);
                }
            }
            Value::Array(items) => items.push(v),
            whole => *whole = v,
        }
    }

    /// Opens an object (`{`) or an array (`[`).
    fn open(&mut self, bracket: char) {
        match &mut self.sink {
            Sink::Text(out) => out.push(bracket),
            Sink::Value(stack) => stack.push(Frame {
                key: None,
                value: if bracket == '{' {
                    Value::Object(serde_json::Map::new())
                } else {
                    Value::Array(Vec::new())
                },
            }),
        }
    }

    /// Closes the innermost object (`}`) or array (`]`).
    fn close(&mut self, bracket: char) {
        match &mut self.sink {
            Sink::Text(out) => out.push(bracket),
            Sink::Value(stack) => {
                if let Some(done) = stack.pop() {
                    self.put(done.value);
                }
            }
        }
    }

    /// Before an array's item or an object's field other than the first.
    fn comma(&mut self) {
        if let Sink::Text(out) = &mut self.sink {
            out.push(',');
        }
    }

    /// An object's next key.
    fn key(&mut self, key: &str) {
        match &mut self.sink {
            Sink::Text(out) => {
                write_str(out, key);
                out.push(':');
            }
            Sink::Value(stack) => {
                if let Some(top) = stack.last_mut() {
                    top.key = Some(key.to_string());
                }
            }
        }
    }
}

/// A JSON object being written, one field after another.
pub(crate) struct Object<'a> {
    out: &'a mut Out,
    first: bool,
}

impl<'a> Object<'a> {
    pub(crate) fn new(out: &'a mut Out) -> Object<'a> {
        out.open('{');
        Object { out, first: true }
    }

    /// A field always written.
    pub(crate) fn field(&mut self, key: &str, v: &dyn Encode) {
        if !self.first {
            self.out.comma();
        }
        self.first = false;
        self.out.key(key);
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
        self.out.close('}');
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
    fn write(&self, out: &mut Out) {
        out.string(self);
    }
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl Encode for Str {
    fn write(&self, out: &mut Out) {
        out.string(self);
    }
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl Encode for crate::api::Word {
    fn write(&self, out: &mut Out) {
        out.string(self);
    }
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl Encode for crate::api::Uid {
    fn write(&self, out: &mut Out) {
        out.string(&self.as_str());
    }
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl<T: crate::api::text_or::Plain> Encode for crate::api::text_or::TextOr<T> {
    fn write(&self, out: &mut Out) {
        match self.text() {
            Some(s) => out.string(s),
            None => out.string(&self.to_string()),
        }
    }
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl Encode for bool {
    fn write(&self, out: &mut Out) {
        out.scalar(if *self { "true" } else { "false" }, || Value::Bool(*self));
    }
    fn is_empty_value(&self) -> bool {
        !*self
    }
}

impl Encode for i64 {
    fn write(&self, out: &mut Out) {
        out.scalar(&self.to_string(), || Value::from(*self));
    }
    fn is_empty_value(&self) -> bool {
        *self == 0
    }
}

impl Encode for i32 {
    fn write(&self, out: &mut Out) {
        i64::from(*self).write(out);
    }
    fn is_empty_value(&self) -> bool {
        *self == 0
    }
}

/// A value kept as read (unmodelled fields, conditions): serde_json's own text, through
/// `to_string` as everywhere else (its `Display` would be another instance of the writer).
impl Encode for Value {
    fn write(&self, out: &mut Out) {
        match &mut out.sink {
            Sink::Text(text) => text.push_str(&serde_json::to_string(self).unwrap_or_default()),
            Sink::Value(_) => out.put(self.clone()),
        }
    }
}

impl Encode for Time {
    fn write(&self, out: &mut Out) {
        out.string(&self.to_string());
    }
}

/// `Quantity.MarshalJSON`: always a string, the canonical `String()`; in the last-applied
/// annotation ([`to_value_as_written`]), the manifest's own form (a number stays a number).
impl Encode for Quantity {
    fn write(&self, out: &mut Out) {
        match self.written_form().filter(|_| out.as_written) {
            Some((text, true)) => out.scalar(text, || {
                // `from_slice`: the reader the model already has (a `&str` reader would be a
                // second copy of serde_json's parser in the worker).
                serde_json::from_slice::<Value>(text.as_bytes())
                    .unwrap_or_else(|_| Value::String(text.into()))
            }),
            Some((text, false)) => out.string(text),
            None => self.with_text(|t| out.string(t)),
        }
    }
}

/// Untagged: the number or the string.
impl Encode for IntOrString {
    fn write(&self, out: &mut Out) {
        match self {
            IntOrString::Int(i) => i.write(out),
            IntOrString::String(s) => out.string(s),
        }
    }
}

impl<T: Encode> Encode for Option<T> {
    fn write(&self, out: &mut Out) {
        match self {
            Some(v) => v.write(out),
            None => out.scalar("null", || Value::Null),
        }
    }
    fn is_empty_value(&self) -> bool {
        self.is_none()
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn write(&self, out: &mut Out) {
        out.open('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.comma();
            }
            item.write(out);
        }
        out.close(']');
    }
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl<V: Encode> Encode for SortedMap<String, V> {
    fn write(&self, out: &mut Out) {
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

impl Encode for SharedStr {
    fn write(&self, out: &mut Out) {
        out.string(self);
    }
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl<T: Encode> Encode for Shared<T> {
    fn write(&self, out: &mut Out) {
        (**self).write(out);
    }
    fn is_empty_value(&self) -> bool {
        (**self).is_empty_value()
    }
}

/// A boxed part (a rarely set field kept out of line) encodes as what it holds.
impl<T: Encode> Encode for Box<T> {
    fn write(&self, out: &mut Out) {
        (**self).write(out);
    }
    fn is_empty_value(&self) -> bool {
        (**self).is_empty_value()
    }
}

#[cfg(test)]
mod differential;

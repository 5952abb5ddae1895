//! Typed decoding: a JSON value (a manifest's, once `manifest::strict` has checked and normalised
//! it, or a stored one: a last-applied annotation, a revision's template) into the API types,
//! written by hand rather than derived: the derived decoders were a large part of the site's
//! WebAssembly, and `manifest::strict` already gives every type error its Go text and position.
//! They sit beside the types (needing only them and JSON values), so every layer above reads
//! stored JSON into a type with the one decoder; the differential test against serde's derive
//! is `manifest::decode_differential`.
//!
//! A struct's decoder takes its fields by their wire names ([`Fields`]); a field's Rust type
//! picks its [`Decode`] impl, so changing a field's type needs no change here when the new type
//! decodes (an `Rc<T>` does). What it reads as serde's derive did: absent fields with
//! `#[serde(default)]` take their default, required ones fail with `missing field`, unknown
//! fields are ignored or kept in the struct's `extra` map, `null` is `None` for an `Option`.
//! The messages are serde_json's, as the API server's decoding never fails where these do.

mod meta;
mod node;
mod pod;
mod scalars;
mod selectors;
mod workloads;

use crate::api::{Shared, SortedMap};
use serde_json::{Map, Value};
use std::rc::Rc;

/// A type read from a JSON value.
pub(crate) trait Decode: Sized {
    fn decode(v: Value) -> Result<Self, String>;
}

/// Decodes `v` as a `T`.
pub(crate) fn from_value<T: Decode>(v: Value) -> Result<T, String> {
    T::decode(v)
}

/// serde's `invalid type` message: what was found, what was expected.
fn invalid(v: &Value, expected: &str) -> String {
    let found = match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => format!("floating point `{n}`"),
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "sequence".to_string(),
        Value::Object(_) => "map".to_string(),
    };
    format!("invalid type: {found}, expected {expected}")
}

/// The fields of a JSON object being decoded into a struct; each taken once, by its wire name.
pub(crate) struct Fields(Map<String, Value>);

impl Fields {
    /// The object's fields; anything else is a type error naming `strukt`.
    pub(crate) fn of(v: Value, strukt: &str) -> Result<Fields, String> {
        match v {
            Value::Object(map) => Ok(Fields(map)),
            other => Err(invalid(&other, &format!("struct {strukt}"))),
        }
    }

    /// A field with a default (`#[serde(default)]`): absent is `T::default()`.
    pub(crate) fn get<T: Decode + Default>(&mut self, key: &str) -> Result<T, String> {
        self.0
            .remove(key)
            .map_or_else(|| Ok(T::default()), T::decode)
    }

    /// A field without a default: absent is an error.
    pub(crate) fn required<T: Decode>(&mut self, key: &str) -> Result<T, String> {
        match self.0.remove(key) {
            Some(v) => T::decode(v),
            None => Err(format!("missing field `{key}`")),
        }
    }

    /// The fields not taken (a struct's `extra` map), in key order.
    pub(crate) fn rest(self) -> SortedMap<String, Value> {
        let mut extra = SortedMap::new();
        for (k, v) in self.0 {
            extra.insert(k, v);
        }
        extra
    }
}

impl Decode for Value {
    fn decode(v: Value) -> Result<Self, String> {
        Ok(v)
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(v: Value) -> Result<Self, String> {
        match v {
            Value::Null => Ok(None),
            v => T::decode(v).map(Some),
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(v: Value) -> Result<Self, String> {
        match v {
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    out.push(T::decode(item)?);
                }
                Ok(out)
            }
            other => Err(invalid(&other, "a sequence")),
        }
    }
}

impl<V: Decode> Decode for SortedMap<String, V> {
    fn decode(v: Value) -> Result<Self, String> {
        let Value::Object(entries) = v else {
            return Err(invalid(&v, "a map"));
        };
        let mut map = SortedMap::new();
        for (k, v) in entries {
            map.insert(k, V::decode(v)?);
        }
        Ok(map)
    }
}

/// Shared parts of objects (a template behind an `Rc`) decode as what they hold.
impl<T: Decode> Decode for Rc<T> {
    fn decode(v: Value) -> Result<Self, String> {
        T::decode(v).map(Rc::new)
    }
}

impl<T: Decode> Decode for Shared<T> {
    fn decode(v: Value) -> Result<Self, String> {
        T::decode(v).map(Shared::new)
    }
}

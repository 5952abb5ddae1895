//! Strings, numbers and the API's scalar types (`Time`, `Quantity`, `IntOrString`).

use super::{Decode, invalid};
use crate::api::{IntOrString, Quantity, Str, Time};
use serde_json::Value;
use std::borrow::Cow;

impl Decode for crate::api::ResourceVersion {
    fn decode(v: Value) -> Result<Self, String> {
        String::decode(v).map(Self::from)
    }
}

impl Decode for String {
    fn decode(v: Value) -> Result<Self, String> {
        match v {
            Value::String(s) => Ok(s),
            other => Err(invalid(&other, "a string")),
        }
    }
}

impl Decode for Str {
    fn decode(v: Value) -> Result<Self, String> {
        String::decode(v).map(Cow::Owned)
    }
}

impl Decode for bool {
    fn decode(v: Value) -> Result<Self, String> {
        match v {
            Value::Bool(b) => Ok(b),
            other => Err(invalid(&other, "a boolean")),
        }
    }
}

impl Decode for i64 {
    fn decode(v: Value) -> Result<Self, String> {
        match &v {
            Value::Number(n) if n.is_i64() => n.as_i64().ok_or_else(|| invalid(&v, "i64")),
            Value::Number(n) if n.is_u64() => {
                Err(format!("invalid value: integer `{n}`, expected i64"))
            }
            _ => Err(invalid(&v, "i64")),
        }
    }
}

impl Decode for i32 {
    fn decode(v: Value) -> Result<Self, String> {
        match &v {
            Value::Number(n) if !n.is_f64() => n
                .as_i64()
                .and_then(|i| i32::try_from(i).ok())
                .ok_or_else(|| format!("invalid value: integer `{n}`, expected i32")),
            _ => Err(invalid(&v, "i32")),
        }
    }
}

impl Decode for Time {
    fn decode(v: Value) -> Result<Self, String> {
        let s = String::decode(v)?;
        Time::parse_rfc3339(&s).ok_or_else(|| format!("parsing time {s:?}: not RFC 3339"))
    }
}

/// A quantity, written as a string or a YAML number (`cpu: 1`, `cpu: 0.5`): parsed, and kept
/// as the API server stores it (`Quantity.String()`; the manifest's form beside it, for the
/// last-applied annotation).
impl Decode for Quantity {
    fn decode(v: Value) -> Result<Self, String> {
        let (text, number) = match &v {
            Value::String(s) => (s.clone(), false),
            Value::Number(n) => match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => (i.to_string(), true),
                // Go's float formatting: `1e+100` rather than 101 digits.
                (None, Some(f)) if f.abs() >= 1e21 => (crate::float_text::lower_exp(f), true),
                (None, Some(f)) => (crate::float_text::display(f), true),
                (None, None) => return Err(untagged("Raw")),
            },
            _ => return Err(untagged("Raw")),
        };
        Quantity::decode(&text, number).map_err(|e| format!("{}: {text:?}", e.message()))
    }
}

/// `intstr.IntOrString`: a string, or an integer.
impl Decode for IntOrString {
    fn decode(v: Value) -> Result<Self, String> {
        match v {
            Value::String(s) => Ok(IntOrString::String(s)),
            Value::Number(n) => n
                .as_i64()
                .map(IntOrString::Int)
                .ok_or_else(|| untagged("IntOrString")),
            _ => Err(untagged("IntOrString")),
        }
    }
}

/// serde's message when no variant of an untagged enum matches.
fn untagged(name: &str) -> String {
    format!("data did not match any variant of untagged enum {name}")
}

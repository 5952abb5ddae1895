//! What a plain scalar means, as kubectl reads a manifest: sigs.k8s.io/yaml v1.4 converts YAML
//! to JSON with its fork of go-yaml v2 (`goyaml.v2/resolve.go`, `resolve`), decoding into
//! `interface{}`. Quoted and block scalars are always strings. Checked against that source:
//!
//! | plain scalar | becomes |
//! |---|---|
//! | `y` `Y` `yes` `Yes` `YES` `true` `True` `TRUE` `on` `On` `ON` | `true` |
//! | `n` `N` `no` `No` `NO` `false` `False` `FALSE` `off` `Off` `OFF` | `false` |
//! | empty, `~`, `null` `Null` `NULL` | `null` |
//! | `0x1F` (and `-0x1F`, `+0x1F`) | 31: Go's `strconv.ParseInt(s, 0, 64)` |
//! | `0o17`, `017` | 15 (both octal for `ParseInt` base 0) |
//! | `0b101`, `-0b101` | 5, -5 |
//! | `1_000` | 1000 (go-yaml removes every `_` before parsing a number) |
//! | `08`, `1.5`, `1e3`, `.5` | floats (`08` is not octal, so `ParseFloat` reads 8); a whole float reaches the server as an integer (`json.Marshal` writes `1e3` as `1000`) |
//! | `18446744073709551615` | the unsigned 64-bit integer (`ParseUint`); beyond: a float |
//! | `.inf` `.Inf` `.INF` (also `+`), `-.inf`..., `.nan` `.NaN` `.NAN` | ±infinity, NaN |
//! | `2001-12-14`, `2001-12-14t21:59:43.10-05:00` | strings: go-yaml v2 resolves timestamps but keeps their text when decoding into `interface{}` |
//! | `yes please`, `0x`, `1:20`, `1_0x` | strings |
//!
//! JSON has no infinity or NaN: sigs.k8s.io/yaml's `json.Marshal` then fails; the engine reads
//! them as `null` (as it did with serde-saphyr), and the API types refuse a null number.
//! Mapping keys are converted to strings as sigs.k8s.io/yaml does (`true`, `false`, integers in
//! decimal: `yes: 1` has the key `"true"`); other keys keep their text.

use serde_json::{Number, Value};

/// A plain scalar's meaning.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Scalar {
    Null,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    Str,
}

fn resolve(s: &str) -> Scalar {
    if let Some(word) = word(s) {
        return word;
    }
    match s.as_bytes().first() {
        Some(b'.') => float(s).map_or(Scalar::Str, Scalar::Float),
        Some(b'+' | b'-' | b'0'..=b'9') => number(s),
        _ => Scalar::Str,
    }
}

/// The words that are not strings (the table above), looked up among those of the same first
/// byte only: most scalars of a manifest (keys, names, images, labels) start with none of them.
fn word(s: &str) -> Option<Scalar> {
    use Scalar::{Bool, Float, Null};
    let Some(first) = s.as_bytes().first() else {
        return Some(Null);
    };
    match first {
        b'y' | b'Y' => matches!(s, "y" | "Y" | "yes" | "Yes" | "YES").then_some(Bool(true)),
        b't' | b'T' => matches!(s, "true" | "True" | "TRUE").then_some(Bool(true)),
        b'f' | b'F' => matches!(s, "false" | "False" | "FALSE").then_some(Bool(false)),
        b'o' | b'O' => match s {
            "on" | "On" | "ON" => Some(Bool(true)),
            "off" | "Off" | "OFF" => Some(Bool(false)),
            _ => None,
        },
        b'n' | b'N' => match s {
            "n" | "N" | "no" | "No" | "NO" => Some(Bool(false)),
            "null" | "Null" | "NULL" => Some(Null),
            _ => None,
        },
        b'~' => (s == "~").then_some(Null),
        b'.' => match s {
            ".nan" | ".NaN" | ".NAN" => Some(Float(f64::NAN)),
            ".inf" | ".Inf" | ".INF" => Some(Float(f64::INFINITY)),
            _ => None,
        },
        b'+' => matches!(s, "+.inf" | "+.Inf" | "+.INF").then_some(Float(f64::INFINITY)),
        b'-' => matches!(s, "-.inf" | "-.Inf" | "-.INF").then_some(Float(f64::NEG_INFINITY)),
        _ => None,
    }
}

/// go-yaml's branch for a scalar starting with a sign or digit.
fn number(s: &str) -> Scalar {
    let plain: String = s.chars().filter(|c| *c != '_').collect();
    if let Some(v) = parse_int(&plain) {
        return Scalar::Int(v);
    }
    if let Some(v) = parse_uint(&plain) {
        return Scalar::Uint(v);
    }
    if let Some(v) = float(&plain) {
        return Scalar::Float(v);
    }
    // go-yaml's own `0b` branch after these reads nothing `ParseInt` (base 0) did not.
    Scalar::Str
}

/// The digits and base of Go's base-0 integer syntax (`0x`, `0o`, `0b`, leading `0`).
fn base_and_digits(s: &str) -> (u32, &str) {
    let lower = |p: &str| s.get(..2).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if lower("0x") {
        (16, &s[2..])
    } else if lower("0o") {
        (8, &s[2..])
    } else if lower("0b") {
        (2, &s[2..])
    } else if s.len() > 1 && s.starts_with('0') {
        (8, &s[1..])
    } else {
        (10, s)
    }
}

/// `strconv.ParseUint(s, 0, 64)` (no sign).
fn parse_uint(s: &str) -> Option<u64> {
    let (base, digits) = base_and_digits(s);
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    u64::from_str_radix(digits, base).ok()
}

/// `strconv.ParseInt(s, 0, 64)`.
fn parse_int(s: &str) -> Option<i64> {
    let (negative, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let magnitude = parse_uint(rest)?;
    if negative {
        0i64.checked_sub_unsigned(magnitude)
    } else {
        i64::try_from(magnitude).ok()
    }
}

/// Whether go-yaml would read the plain scalar `s` as a float (underscores dropped first, as
/// its resolver does): kubectl's YAML printer quotes such strings.
pub(crate) fn is_float(s: &str) -> bool {
    float(&s.replace('_', "")).is_some()
}

/// A float of go-yaml's `yamlStyleFloat`: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
fn float(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let from = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - from
    };
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return None;
        }
    } else {
        if digits(&mut i) == 0 {
            return None;
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            digits(&mut i);
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    crate::float_parse::parse(s)
}

/// The JSON value of a scalar (`plain`: unquoted, not a block scalar).
pub(crate) fn value(text: String, plain: bool) -> Value {
    if !plain {
        return Value::String(text);
    }
    match resolve(&text) {
        Scalar::Null => Value::Null,
        Scalar::Bool(b) => Value::Bool(b),
        Scalar::Int(v) => Value::Number(v.into()),
        Scalar::Uint(v) => Value::Number(v.into()),
        Scalar::Float(v) => float_value(v),
        Scalar::Str => Value::String(text),
    }
}

/// A float as it reaches the API server: Go's `json.Marshal` writes a whole float without a
/// fraction (`1.0` and `1e3` arrive as `1` and `1000`).
fn float_value(v: f64) -> Value {
    const WHOLE: f64 = 9_007_199_254_740_992.0; // 2^53: every integer below is exact
    if v.fract() == 0.0 && v.abs() < WHOLE {
        return Value::Number((v as i64).into());
    }
    Number::from_f64(v).map_or(Value::Null, Value::Number)
}

/// The JSON key of a scalar mapping key.
pub(crate) fn key(text: String, plain: bool) -> String {
    if !plain {
        return text;
    }
    match resolve(&text) {
        Scalar::Bool(b) => b.to_string(),
        Scalar::Int(v) => v.to_string(),
        Scalar::Uint(v) => v.to_string(),
        Scalar::Null | Scalar::Float(_) | Scalar::Str => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn plain(s: &str) -> Value {
        value(s.to_string(), true)
    }

    #[test]
    fn yaml_1_1_scalars_as_go_yaml_v2_resolves_them() {
        for (text, want) in [
            ("y", json!(true)),
            ("yes", json!(true)),
            ("On", json!(true)),
            ("off", json!(false)),
            ("N", json!(false)),
            ("~", json!(null)),
            ("", json!(null)),
            ("NULL", json!(null)),
            ("0x1F", json!(31)),
            ("-0x1F", json!(-31)),
            ("0o17", json!(15)),
            ("017", json!(15)),
            ("0b101", json!(5)),
            ("-0b101", json!(-5)),
            ("1_000", json!(1000)),
            ("+12", json!(12)),
            ("08", json!(8)),
            ("1.5", json!(1.5)),
            ("1e3", json!(1000)),
            (".5", json!(0.5)),
            ("18446744073709551615", json!(18446744073709551615u64)),
            (".inf", json!(null)),
            (".nan", json!(null)),
            ("2001-12-14", json!("2001-12-14")),
            ("yes please", json!("yes please")),
            ("0x", json!("0x")),
            ("1:20", json!("1:20")),
            ("Yes", json!(true)),
            ("yES", json!("yES")),
            ("-", json!("-")),
        ] {
            assert_eq!(plain(text), want, "{text:?}");
        }
        assert_eq!(value("yes".into(), false), json!("yes"));
    }

    #[test]
    fn keys_become_strings_as_sigs_k8s_io_yaml_converts_them() {
        assert_eq!(key("yes".into(), true), "true");
        assert_eq!(key("0x1F".into(), true), "31");
        assert_eq!(key("yes".into(), false), "yes");
        assert_eq!(key("~".into(), true), "~");
        assert_eq!(key("name".into(), true), "name");
    }
}

//! Strict decoding as the API server does it for `kubectl apply` (field validation `Strict`):
//! the object is first decoded leniently, where a value of the wrong type fails the request
//! with Go's `encoding/json` error (the first one in the document); then every field name not
//! in the type is reported, all together, as `strict decoding error: unknown field "a.b[0].c",
//! unknown field ...`.
//!
//! The walk also brings the JSON into the form the Go structs would hold: null fields dropped,
//! null list or map entries turned into their zero value, whole floats into integers.
//! kubectl sends JSON marshalled from a Go map, so fields come in sorted order; `serde_json`'s
//! map is sorted the same way, so the first error found here is the API server's first.

use super::schema::{Shape, Struct, Ty};
use super::tree::{Pos, Position};
use crate::api::{Quantity, Time};
use serde_json::{Number, Value};

/// A problem and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located {
    pub text: String,
    pub at: Position,
}

/// What strict decoding found in one object.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    /// The lenient decoder's error: it wins over unknown fields.
    pub type_error: Option<Located>,
    /// Unknown fields, as paths (`spec.replicas`).
    pub unknown: Vec<Located>,
}

/// Checks `value` (with positions `pos`) against `root`, normalising it on the way; with
/// `drop_unknown`, unknown fields are also removed (still reported), as the lenient decoder
/// never reads them.
pub(crate) fn check(
    value: &mut Value,
    pos: &Pos,
    root: &'static Struct,
    drop_unknown: bool,
) -> Findings {
    let mut walk = Walk {
        drop_unknown,
        ..Walk::default()
    };
    let ty = Ty::Struct(root);
    let root = Context::default();
    walk.value(value, Some(pos), pos.at, &ty, &root);
    walk.findings
}

/// Where the walk is: the innermost struct's short Go name (empty: none, as for a value decoded
/// on its own) and the field path, its text made only for a finding (most objects have none).
#[derive(Default, Clone, Copy)]
struct Context<'a> {
    strukt: &'static str,
    path: Path<'a>,
}

/// A field path as links to its parent: `spec.containers[0].name`.
#[derive(Default, Clone, Copy)]
enum Path<'a> {
    #[default]
    Root,
    Field(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// The path as the API server reports an unknown field (`a.b[0].c`).
    fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, true);
        out
    }

    /// The path as Go's decoder names a struct field in its error: without list indices.
    fn field(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, false);
        out
    }

    fn write(&self, out: &mut String, indices: bool) {
        match self {
            Path::Root => {}
            Path::Field(parent, key) => {
                parent.write(out, indices);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(parent, i) => {
                parent.write(out, indices);
                if indices {
                    out.push_str(&format!("[{i}]"));
                }
            }
        }
    }
}

#[derive(Default)]
struct Walk {
    findings: Findings,
    drop_unknown: bool,
}

/// The JSON kind as Go's `UnmarshalTypeError` names it.
fn kind(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(_) => "bool".into(),
        Value::Number(_) => "number".into(),
        Value::String(_) => "string".into(),
        Value::Array(_) => "array".into(),
        Value::Object(_) => "object".into(),
    }
}

/// An integer in `min..=max`, if `n` is one (whole floats count, as kubectl writes them so).
fn integer(n: &Number, min: i64, max: i64) -> Option<i64> {
    let i = match n.as_i64() {
        Some(i) => i,
        None if n.is_u64() => return None, // past i64::MAX
        None => {
            let f = n.as_f64()?;
            // i64::MAX as f64 rounds up to 2^63, itself out of range.
            if f.fract() != 0.0 || f < i64::MIN as f64 || f >= i64::MAX as f64 {
                return None;
            }
            f as i64
        }
    };
    (min..=max).contains(&i).then_some(i)
}

/// The zero value a Go decoder leaves for `null` in a list or map.
fn zero(ty: &Ty) -> Value {
    match ty {
        Ty::Str(_) => Value::String(String::new()),
        Ty::Bool => Value::Bool(false),
        Ty::Int32 | Ty::Int64 => Value::Number(0.into()),
        Ty::Struct(_) => Value::Object(serde_json::Map::new()),
        _ => Value::Null,
    }
}

impl Walk {
    fn type_error(&mut self, what: String, ty_name: String, ctx: &Context<'_>, at: Position) {
        if self.findings.type_error.is_some() {
            return;
        }
        let text = if ctx.strukt.is_empty() {
            format!("json: cannot unmarshal {what} into Go value of type {ty_name}")
        } else {
            format!(
                "json: cannot unmarshal {what} into Go struct field {}.{} of type {ty_name}",
                ctx.strukt,
                ctx.path.field()
            )
        };
        self.findings.type_error = Some(Located { text, at });
    }

    fn custom_error(&mut self, text: String, at: Position) {
        if self.findings.type_error.is_none() {
            self.findings.type_error = Some(Located { text, at });
        }
    }

    fn value(
        &mut self,
        v: &mut Value,
        pos: Option<&Pos>,
        at: Position,
        ty: &Ty,
        ctx: &Context<'_>,
    ) {
        let at = pos.map_or(at, |p| p.at);
        if v.is_null() {
            return;
        }
        match ty {
            Ty::Str(_) => {
                if !v.is_string() {
                    self.type_error(kind(v), ty.go_name(), ctx, at);
                }
            }
            Ty::Bool => {
                if !v.is_boolean() {
                    self.type_error(kind(v), ty.go_name(), ctx, at);
                }
            }
            Ty::Int32 | Ty::Int64 => {
                let (min, max) = if matches!(ty, Ty::Int32) {
                    (i64::from(i32::MIN), i64::from(i32::MAX))
                } else {
                    (i64::MIN, i64::MAX)
                };
                match v {
                    Value::Number(n) => match integer(n, min, max) {
                        Some(i) => *v = Value::Number(i.into()),
                        None => {
                            let what = format!("number {n}");
                            self.type_error(what, ty.go_name(), ctx, at);
                        }
                    },
                    _ => self.type_error(kind(v), ty.go_name(), ctx, at),
                }
            }
            Ty::IntOrString => self.int_or_string(v, at),
            Ty::Quantity => self.quantity(v, at),
            Ty::Time => self.time(v, at),
            Ty::Slice(elem) => {
                let Value::Array(items) = v else {
                    self.type_error(kind(v), ty.go_name(), ctx, at);
                    return;
                };
                for (i, item) in items.iter_mut().enumerate() {
                    if item.is_null() {
                        *item = zero(elem);
                        continue;
                    }
                    let child = pos.and_then(|p| p.item(i));
                    let ctx = Context {
                        path: Path::Index(&ctx.path, i),
                        ..*ctx
                    };
                    self.value(item, child, at, elem, &ctx);
                }
            }
            Ty::Map(elem, _) => {
                let Value::Object(entries) = v else {
                    self.type_error(kind(v), ty.go_name(), ctx, at);
                    return;
                };
                for (key, item) in entries.iter_mut() {
                    if item.is_null() {
                        *item = zero(elem);
                        continue;
                    }
                    let child = pos.and_then(|p| p.entry(key));
                    let child_at = child.map_or(at, |(_, p)| p.at);
                    let child_pos = child.map(|(_, p)| p);
                    self.value(item, child_pos, child_at, elem, ctx);
                }
            }
            Ty::Struct(s) => self.strukt(v, pos, at, s, ctx),
            Ty::Opaque(shape, _) => {
                let ok = match shape {
                    Shape::Object => v.is_object(),
                    Shape::Array => v.is_array(),
                    Shape::Any => true,
                };
                if !ok {
                    self.type_error(kind(v), ty.go_name(), ctx, at);
                }
            }
        }
    }

    fn strukt(
        &mut self,
        v: &mut Value,
        pos: Option<&Pos>,
        at: Position,
        s: &'static Struct,
        ctx: &Context<'_>,
    ) {
        let Value::Object(fields) = v else {
            self.type_error(kind(v), s.go.to_string(), ctx, at);
            return;
        };
        let short = s.go.rsplit('.').next().unwrap_or(s.go);
        for (key, field) in fields.iter_mut() {
            let child = Context {
                strukt: short,
                path: Path::Field(&ctx.path, key),
            };
            let entry = pos.and_then(|p| p.entry(key));
            let key_at = entry.map_or(at, |(k, _)| k);
            let Some(ty) = s.field(key) else {
                self.findings.unknown.push(Located {
                    text: child.path.text(),
                    at: key_at,
                });
                continue;
            };
            if field.is_null() {
                continue; // dropped below, as Go leaves the zero value
            }
            let child_pos = entry.map(|(_, p)| p);
            self.value(field, child_pos, key_at, ty, &child);
        }
        let drop_unknown = self.drop_unknown;
        fields.retain(|key, f| !f.is_null() && (!drop_unknown || s.field(key).is_some()));
    }

    /// `intstr.IntOrString.UnmarshalJSON`: a string, or an int32 decoded on its own (so the
    /// error has no struct context).
    fn int_or_string(&mut self, v: &mut Value, at: Position) {
        match v {
            Value::String(_) => {}
            Value::Number(n) => match integer(n, i64::from(i32::MIN), i64::from(i32::MAX)) {
                Some(i) => *v = Value::Number(i.into()),
                None => {
                    let what = format!("number {n}");
                    self.type_error(what, "int32".into(), &Context::default(), at);
                }
            },
            _ => self.type_error(kind(v), "int32".into(), &Context::default(), at),
        }
    }

    /// `resource.Quantity.UnmarshalJSON`: the text (quoted or not) must parse.
    fn quantity(&mut self, v: &mut Value, at: Position) {
        let text = match v {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            // The same text as `other.to_string()`, through the JSON writer the engine already
            // has rather than a second one for `Display` (a smaller page).
            other => serde_json::to_string(other).unwrap_or_default(),
        };
        if let Err(e) = Quantity::parse(&text) {
            self.custom_error(e.message().into(), at);
        }
    }

    /// `metav1.Time.UnmarshalJSON`: a string (decoded on its own) in RFC 3339.
    fn time(&mut self, v: &mut Value, at: Position) {
        match v {
            Value::String(s) => {
                if Time::parse_rfc3339(s).is_none() {
                    let text = format!(
                        "parsing time {} as \"2006-01-02T15:04:05Z07:00\": cannot parse {} as \"2006\"",
                        crate::gofmt::quote(s),
                        crate::gofmt::quote(s)
                    );
                    self.custom_error(text, at);
                }
            }
            _ => self.type_error(kind(v), "string".into(), &Context::default(), at),
        }
    }
}

/// The API server's message for the unknown fields (`strict decoding error: ...`).
pub(crate) fn unknown_fields_message(unknown: &[Located]) -> String {
    let fields: Vec<String> = unknown
        .iter()
        .map(|u| format!("unknown field {}", crate::gofmt::quote(&u.text)))
        .collect();
    format!("strict decoding error: {}", fields.join(", "))
}

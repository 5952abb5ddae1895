//! `Packed`: a struct's fields the simulator does not model (its `extra` map), kept as their
//! compact JSON text where that text gives them back exactly. A real node's `status.images`
//! (30–80 images, each a small map) took ~56 KB a node as a tree of `serde_json::Value`s (a
//! B-tree node for every two-key map) and is ~8 KB as text; nothing reads it but `-o yaml` and
//! `-o json`, which unpack it. Shared behind an `Rc`: a node's status written again (a condition's
//! heartbeat) does not copy it.

use super::Extra;
use serde_json::Value;
use std::fmt;
use std::rc::Rc;

#[derive(Clone, PartialEq, Default)]
pub struct Packed(Form);

#[derive(Clone, PartialEq, Default)]
enum Form {
    #[default]
    Empty,
    /// A JSON object's text, keys in order, as serde_json writes it.
    Text(Rc<str>),
    /// Kept as read where the text would not give it back ([`text_gives_back`]).
    Tree(Rc<Extra>),
}

impl Packed {
    pub fn new(extra: Extra) -> Packed {
        if extra.is_empty() {
            return Packed(Form::Empty);
        }
        if extra.iter().any(|(_, v)| !text_gives_back(v, 0)) {
            return Packed(Form::Tree(Rc::new(extra)));
        }
        // Inserted one by one: `collect` would sort them again (`BTreeMap::from_iter`, a copy of
        // the standard sort of its own) though a `SortedMap` holds them sorted, each key once.
        let mut object = serde_json::Map::new();
        for (k, v) in extra {
            object.insert(k, v);
        }
        let object = Value::Object(object);
        // `to_string`, not `Value`'s `Display` (the same text): through the compact writer the
        // engine links anyway, not a second copy of it over a formatter. A map of JSON values
        // always writes (as `Display`'s `to_string` panicked too, were it not to).
        let text = serde_json::to_string(&object).expect("a JSON object writes");
        Packed(Form::Text(text.into()))
    }

    /// The fields as read.
    pub fn unpack(&self) -> Extra {
        match &self.0 {
            Form::Empty => Extra::new(),
            Form::Tree(extra) => Extra::clone(extra),
            // The text is the engine's own: it parses. Were it not to, the fields are left out
            // rather than the page stopped. Read as bytes, as the engine's other JSON is: one
            // copy of serde_json's reader in the model's module, not a second for `&str`.
            Form::Text(text) => {
                serde_json::from_slice::<serde_json::Map<String, Value>>(text.as_bytes())
                    .map(|m| m.into_iter().collect())
                    .unwrap_or_default()
            }
        }
    }
}

/// How deep a value's text may nest and still be read back: serde_json stops at 128 levels.
const MAX_TEXT_DEPTH: usize = 100;

/// Whether `v`'s JSON text reads back as `v`: no float (its shortest text does not always
/// parse back to the same bits) and no deeper than serde_json reads (aliases in the YAML can
/// nest a value deeper than its text's indentation).
fn text_gives_back(v: &Value, depth: usize) -> bool {
    match v {
        Value::Number(n) => !n.is_f64(),
        Value::Array(items) => {
            depth < MAX_TEXT_DEPTH && items.iter().all(|v| text_gives_back(v, depth + 1))
        }
        Value::Object(fields) => {
            depth < MAX_TEXT_DEPTH && fields.values().all(|v| text_gives_back(v, depth + 1))
        }
        Value::Null | Value::Bool(_) | Value::String(_) => true,
    }
}

impl fmt::Debug for Packed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.unpack(), f)
    }
}

// The tests' reference encoding and decoding (`#[serde(flatten)]` of a map).
#[cfg(test)]
impl serde::Serialize for Packed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.unpack().serialize(serializer)
    }
}

#[cfg(test)]
impl<'de> serde::Deserialize<'de> for Packed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Extra::deserialize(deserializer).map(Packed::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn extra(v: Value) -> Extra {
        match v {
            Value::Object(m) => m.into_iter().collect(),
            _ => unreachable!("an object"),
        }
    }

    /// What goes in comes out, key order included; an empty map is empty.
    #[test]
    fn unpacks_to_what_was_packed() {
        let images = extra(json!({
            "images": [{"names": ["registry.k8s.io/pause@sha256:7031", "registry.k8s.io/pause:3.9"], "sizeBytes": 321520}],
            "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
            "a": null, "b": true, "c": -3, "d": u64::MAX, "e": "\"quoted\"\n",
        }));
        let packed = Packed::new(images.clone());
        assert!(matches!(packed.0, Form::Text(_)));
        assert_eq!(packed.unpack(), images);
        assert!(matches!(Packed::new(Extra::new()).0, Form::Empty));
        assert_eq!(Packed::new(Extra::new()).unpack(), Extra::new());
    }

    /// A float is kept as read: its bits, not its text's.
    #[test]
    fn a_float_is_kept_as_a_tree() {
        let with_float = extra(json!({"x": {"y": [1, 2.2250738585072014e-308, 0.1]}}));
        let packed = Packed::new(with_float.clone());
        assert!(matches!(packed.0, Form::Tree(_)));
        assert_eq!(packed.unpack(), with_float);
    }

    /// A value nested deeper than serde_json reads back (it stops at 128 levels) is kept as
    /// read: as text it came back as nothing.
    #[test]
    fn a_deep_value_is_kept_as_a_tree() {
        let mut deep = json!(1);
        for _ in 0..130 {
            deep = json!({ "k": deep });
        }
        let deep = extra(json!({ "config": deep }));
        let packed = Packed::new(deep.clone());
        assert!(matches!(packed.0, Form::Tree(_)));
        assert_eq!(packed.unpack(), deep);
        let mut shallow = json!(1);
        for _ in 0..50 {
            shallow = json!([shallow]);
        }
        let shallow = extra(json!({ "config": shallow }));
        assert!(matches!(Packed::new(shallow.clone()).0, Form::Text(_)));
        assert_eq!(Packed::new(shallow.clone()).unpack(), shallow);
    }

    /// Equal fields pack equal; different ones do not.
    #[test]
    fn equality_is_the_fields() {
        let a = || Packed::new(extra(json!({"images": [{"sizeBytes": 1}]})));
        assert_eq!(a(), a());
        assert_ne!(
            a(),
            Packed::new(extra(json!({"images": [{"sizeBytes": 2}]})))
        );
    }
}

//! The hand-written decoders against serde's derived ones (the decoding they replace, kept as
//! the reference in tests): the whole manifest stream read both ways gives the same objects,
//! warnings and errors, message for message, under every field validation, on every manifest the
//! project ships, the fixtures, the fuzz corpus and manifests generated from the schema (right
//! and wrong types, nulls, unknown fields, missing required fields).

use super::schema::{self, Shape, Struct, Ty};
use super::yaml::differential::{files, root, shipped};
use super::{FieldValidation, Mapping, Object, decode_stream_typed, typed};
use crate::api::{ContainerStatus, NodeSelectorTerm, PodTemplateSpec};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// The derived decoding the hand-written one replaced.
fn reference(mapping: Mapping, value: Value) -> Result<Object, String> {
    let typed = match mapping {
        Mapping::Node => serde_json::from_value(value).map(Object::Node),
        Mapping::Deployment => serde_json::from_value(value).map(Object::Deployment),
        Mapping::ReplicaSet => serde_json::from_value(value).map(Object::ReplicaSet),
        _ => serde_json::from_value(value).map(Object::DaemonSet),
    };
    typed.map_err(|e| e.to_string())
}

const VALIDATIONS: [FieldValidation; 3] = [
    FieldValidation::Strict,
    FieldValidation::Warn,
    FieldValidation::Ignore,
];

/// How the two readings of `text` differ, if they do.
fn difference(text: &str) -> Option<String> {
    for validation in VALIDATIONS {
        let want = decode_stream_typed(text, validation, reference);
        let got = decode_stream_typed(text, validation, typed);
        if want != got {
            return Some(format!(
                "{validation:?}:\n  serde {want:?}\n  ours  {got:?}"
            ));
        }
    }
    None
}

fn check(cases: &[(String, String)]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(name, text)| difference(text).map(|d| format!("{name}: {d}")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Every file under `dirs` that is UTF-8 text.
pub(super) fn texts(dirs: &[&str]) -> Vec<(String, String)> {
    let mut paths = Vec::new();
    for dir in dirs {
        files(&root().join(dir), &mut paths);
    }
    paths
        .iter()
        .filter_map(|p| {
            let text = String::from_utf8(std::fs::read(p).ok()?).ok()?;
            Some((p.display().to_string(), text))
        })
        .collect()
}

#[test]
fn same_as_serde_on_every_shipped_manifest() {
    let cases = shipped();
    assert!(cases.len() > 40, "{}", cases.len());
    check(&cases);
}

#[test]
fn same_as_serde_on_the_fixtures() {
    let mut paths = Vec::new();
    files(std::path::Path::new("/work/shared/fixtures"), &mut paths);
    let cases: Vec<_> = paths
        .iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(p).ok()?)))
        .collect();
    check(&cases);
}

#[test]
fn same_as_serde_on_the_fuzz_corpus() {
    let cases = texts(&[
        "engine/fuzz/corpus/manifest_decode",
        "engine/fuzz/seeds/manifest_decode",
    ]);
    assert!(cases.len() > 100, "{}", cases.len());
    check(&cases);
}

/// A small deterministic generator (xorshift), seeded by proptest: the schema is a recursive
/// graph of static tables, simplest walked with plain random choices.
struct Gen {
    state: u64,
    /// For stored values: no array where a struct goes. serde's derived decoders also read a
    /// struct from an array (its fields in declaration order); ours do not, and nothing stores
    /// one so (the manifest path refuses it before, as the API server does).
    stored: bool,
}

impl Gen {
    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    /// True once in `n`.
    fn one_in(&mut self, n: u64) -> bool {
        self.next().is_multiple_of(n)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }

    /// A value of any JSON kind (a wrong type most of the time).
    fn any(&mut self) -> Value {
        self.pick(&[
            Value::Null,
            json!(true),
            json!(7),
            json!(-3),
            json!(1.5),
            json!(3_000_000_000u64),
            json!("text"),
            json!("10%"),
            json!([]),
            json!(["a"]),
            json!({}),
            json!({"a": "b"}),
        ])
        .clone()
    }

    /// A value for `ty`: usually of the right type, sometimes null or of another type.
    fn value(&mut self, ty: &Ty, depth: usize) -> Value {
        if self.one_in(12) {
            let v = self.any();
            if self.stored && v.is_array() && matches!(ty, Ty::Struct(_)) {
                return Value::Null;
            }
            return v;
        }
        match ty {
            Ty::Str(_) => self
                .pick(&[json!("a"), json!(""), json!("Exists"), json!("x/y")])
                .clone(),
            Ty::Bool => json!(self.one_in(2)),
            Ty::Int32 | Ty::Int64 => self
                .pick(&[json!(0), json!(2), json!(-1), json!(2.0)])
                .clone(),
            Ty::IntOrString => self.pick(&[json!(1), json!("25%"), json!("x")]).clone(),
            Ty::Quantity => self
                .pick(&[json!("100m"), json!(1), json!(0.5), json!("1Gi")])
                .clone(),
            Ty::Time => self
                .pick(&[json!("2024-01-02T03:04:05Z"), json!("yesterday")])
                .clone(),
            Ty::Slice(elem) => {
                let n = if depth > 6 { 0 } else { self.next() % 3 };
                Value::Array((0..n).map(|_| self.value(elem, depth + 1)).collect())
            }
            Ty::Map(elem, _) => {
                let n = if depth > 6 { 0 } else { self.next() % 3 };
                let mut m = Map::new();
                for i in 0..n {
                    m.insert(format!("k{i}"), self.value(elem, depth + 1));
                }
                Value::Object(m)
            }
            Ty::Struct(s) => self.strukt(s, depth + 1),
            Ty::Opaque(Shape::Array, _) => json!([{"a": 1}]),
            Ty::Opaque(_, _) => json!({"a": [1]}),
        }
    }

    /// An object of `s`: a random subset of its fields, now and then an unknown one.
    fn strukt(&mut self, s: &Struct, depth: usize) -> Value {
        let mut m = Map::new();
        if depth > 8 {
            return Value::Object(m);
        }
        for (name, ty) in s.fields {
            if self.one_in(2) {
                m.insert((*name).to_string(), self.value(ty, depth));
            }
        }
        if self.one_in(10) {
            m.insert("unknownField".into(), json!(1));
        }
        Value::Object(m)
    }
}

/// A generated object of each simulated kind, as one JSON document each.
pub(crate) fn generated(seed: u64) -> Vec<String> {
    let mut g = Gen {
        state: seed | 1,
        stored: false,
    };
    [
        (&schema::DAEMON_SET, "apps/v1", "DaemonSet"),
        (&schema::DEPLOYMENT, "apps/v1", "Deployment"),
        (&schema::REPLICA_SET, "apps/v1", "ReplicaSet"),
        (&schema::NODE, "v1", "Node"),
    ]
    .into_iter()
    .map(|(s, api_version, kind)| {
        let mut v = g.strukt(s, 0);
        if let Value::Object(m) = &mut v {
            m.insert("apiVersion".into(), json!(api_version));
            m.insert("kind".into(), json!(kind));
        }
        v.to_string()
    })
    .collect()
}

/// The decoders other modules call on stored values (a revision's template, a pod's init
/// container statuses, a preferred term): the same result as serde's, or an error both.
fn same_stored<T>(v: &Value) -> Result<(), String>
where
    T: crate::api::decode::Decode + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let want = serde_json::from_value::<T>(v.clone()).ok();
    let got = crate::api::decode::from_value::<T>(v.clone()).ok();
    if want == got {
        Ok(())
    } else {
        Err(format!("{v}\n  serde {want:?}\n  ours  {got:?}"))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn same_as_serde_on_generated_manifests(seed in any::<u64>()) {
        for text in generated(seed) {
            let d = difference(&text);
            prop_assert!(d.is_none(), "{text}\n{}", d.unwrap_or_default());
        }
    }

    #[test]
    fn same_as_serde_on_generated_stored_values(seed in any::<u64>()) {
        let mut g = Gen { state: seed | 1, stored: true };
        let template = g.strukt(&schema::POD_TEMPLATE_SPEC, 0);
        prop_assert_eq!(same_stored::<PodTemplateSpec>(&template), Ok(()));
        let term = g.strukt(&schema::NODE_SELECTOR_TERM, 0);
        prop_assert_eq!(same_stored::<NodeSelectorTerm>(&term), Ok(()));
        let status = json!([{
            "name": g.any(), "image": "i", "ready": g.any(), "restartCount": g.any(),
            "state": {"terminated": {"exitCode": g.any(), "reason": "Completed"}},
            "lastState": {"running": {"startedAt": "2024-01-02T03:04:05Z"}},
        }]);
        prop_assert_eq!(same_stored::<Vec<ContainerStatus>>(&status), Ok(()));
    }
}

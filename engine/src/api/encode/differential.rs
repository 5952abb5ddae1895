//! The hand-written encoders against serde's derived `Serialize` (the encoding they replace,
//! kept as the reference in tests): the same JSON text, byte for byte, for every object the
//! shipped manifests, the fixtures and schema-generated manifests decode to, and for every
//! object in the cluster after each line of every golden scenario (pods with their status,
//! events, revisions, Deployments and ReplicaSets as the controllers write them).

use super::Encode;
use crate::manifest::decode_differential::generated;
use crate::manifest::yaml::differential::{files, root, shipped};
use crate::manifest::{FieldValidation, Object, decode_stream_with};
use crate::runner::{DirFiles, Session};
use crate::script::read_script;
use proptest::prelude::*;
use serde::Serialize;

/// How the two encodings of `v` differ, if they do.
fn difference<T: Encode + Serialize>(what: &str, v: &T) -> Option<String> {
    let want = serde_json::to_string(v).expect("serde encodes every API object");
    let got = super::to_string(v);
    if want != got {
        return Some(format!("{what}:\n  serde {want}\n  ours  {got}"));
    }
    let value = serde_json::to_value(v).expect("serde encodes every API object");
    (value != super::to_value(v)).then(|| format!("{what}: the values differ"))
}

fn object_difference(what: &str, o: &Object) -> Option<String> {
    match o {
        Object::DaemonSet(o) => difference(what, o),
        Object::Node(o) => difference(what, o),
        Object::Deployment(o) => difference(what, o),
        Object::ReplicaSet(o) => difference(what, o),
    }
}

/// Every object `text` decodes to (under `Ignore`, so that unknown fields stay in `extra`).
fn manifest_differences(name: &str, text: &str) -> Vec<String> {
    let decoded = decode_stream_with(text, FieldValidation::Ignore);
    decoded
        .items
        .iter()
        .flatten()
        .filter_map(|o| object_difference(name, o))
        .collect()
}

fn assert_none(differences: Vec<String>) {
    assert!(
        differences.is_empty(),
        "{} differences:\n{}",
        differences.len(),
        differences.join("\n\n")
    );
}

#[test]
fn same_as_serde_on_every_shipped_manifest() {
    let cases = shipped();
    assert!(cases.len() > 40, "{}", cases.len());
    let differences = cases
        .iter()
        .flat_map(|(name, text)| manifest_differences(name, text))
        .collect();
    assert_none(differences);
}

#[test]
fn same_as_serde_on_the_fixtures() {
    let mut paths = Vec::new();
    files(std::path::Path::new("/work/shared/fixtures"), &mut paths);
    let differences = paths
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            Some(manifest_differences(&p.display().to_string(), &text))
        })
        .flatten()
        .collect();
    assert_none(differences);
}

/// Every object in the session's cluster.
fn cluster_differences(what: &str, s: &Session) -> Vec<String> {
    let store = s.cluster().store();
    let mut out = Vec::new();
    out.extend(store.nodes().values().filter_map(|o| difference(what, o)));
    out.extend(store.pods().values().filter_map(|o| difference(what, &**o)));
    out.extend(
        store
            .daemonsets()
            .values()
            .filter_map(|o| difference(what, &**o)),
    );
    out.extend(
        store
            .revisions()
            .values()
            .filter_map(|o| difference(what, o)),
    );
    out.extend(
        store
            .deployments()
            .values()
            .filter_map(|o| difference(what, &**o)),
    );
    out.extend(
        store
            .replicasets()
            .values()
            .filter_map(|o| difference(what, &**o)),
    );
    out.extend(s.cluster().events().filter_map(|o| difference(what, o)));
    out
}

#[test]
fn same_as_serde_on_every_object_of_the_golden_scenarios() {
    let dir = root().join("engine/tests/scenarios");
    let mut paths = Vec::new();
    files(&dir, &mut paths);
    paths.retain(|p| p.extension().is_some_and(|x| x == "scenario"));
    assert!(paths.len() > 20, "{}", paths.len());
    let mut differences = Vec::new();
    let mut pods = 0;
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("a scenario");
        let Ok(lines) = read_script(&text) else {
            continue;
        };
        let mut s = Session::with_files(Box::new(DirFiles::new(&dir)));
        for line in &lines {
            let _ = s.run_script_line(line);
            let what = format!("{} line {}", path.display(), line.line);
            differences.extend(cluster_differences(&what, &s));
            pods += s.cluster().store().pods().len();
        }
    }
    assert!(pods > 1000, "{pods}");
    assert_none(differences);
}

#[test]
fn strings_are_escaped_as_serde_json_escapes_them() {
    let s = "q\" b\\ \u{0} \u{1f} \u{7f} \u{8}\u{c}\n\r\t / é 日本 \u{2028}".to_string();
    assert_eq!(super::to_string(&s), serde_json::to_string(&s).unwrap());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn same_as_serde_on_generated_manifests(seed in any::<u64>()) {
        for text in generated(seed) {
            let d = manifest_differences("generated", &text);
            prop_assert!(d.is_empty(), "{text}\n{}", d.join("\n"));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    /// Every float an unmodelled field may hold is the same number in `to_value`'s value
    /// (reading the text back, serde_json's default parser rounded some 17-digit floats
    /// differently: found by this test, hence values built directly).
    #[test]
    fn floats_are_kept_exactly_in_values(x in any::<f64>().prop_filter("finite", |x| x.is_finite())) {
        let mut meta = crate::api::ObjectMeta::default();
        meta.more.extra.insert("x".into(), serde_json::json!(x));
        prop_assert_eq!(super::to_value(&meta), serde_json::to_value(&meta).unwrap());
    }
}

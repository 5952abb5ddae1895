use super::*;

const DS: &str = "apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd
  namespace: kube-system
spec:
  selector:
    matchLabels: {name: fluentd}
  template:
    metadata:
      labels: {name: fluentd}
    spec:
      containers:
      - name: fluentd
        image: fluentd:v1
";

#[test]
fn decodes_several_documents_skipping_empty_ones() {
    let text = format!(
        "---\n# a comment only\n---\n{DS}---\napiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n---\n"
    );
    let objects = decode(&text).unwrap();
    assert_eq!(objects.len(), 2);
    assert_eq!(
        (objects[0].kind(), objects[0].name(), objects[0].namespace()),
        ("DaemonSet", "fluentd", "kube-system")
    );
    assert_eq!((objects[1].kind(), objects[1].name()), ("Node", "n1"));
}

#[test]
fn flattens_lists_and_typed_lists() {
    let text = "apiVersion: v1
kind: List
metadata: {resourceVersion: \"\"}
items:
- apiVersion: v1
  kind: Node
  metadata: {name: a}
- apiVersion: v1
  kind: Node
  metadata: {name: b}
---
apiVersion: v1
kind: NodeList
items:
- metadata: {name: c}
";
    let names: Vec<String> = decode(text)
        .unwrap()
        .iter()
        .map(|o| o.name().to_string())
        .collect();
    assert_eq!(names, ["a", "b", "c"]);
}

#[test]
fn old_daemonset_versions_have_no_match() {
    let text = DS.replace("apps/v1", "extensions/v1beta1");
    let err = decode(&text).unwrap_err();
    assert_eq!(
        err.message("ds.yaml"),
        "resource mapping not found for name: \"fluentd\" namespace: \"kube-system\" from \"ds.yaml\": no matches for kind \"DaemonSet\" in version \"extensions/v1beta1\"\nensure CRDs are installed first"
    );
    assert!(!err.stops_stream());
}

#[test]
fn unknown_kinds_have_no_match_and_real_ones_are_not_simulated() {
    let err = decode("apiVersion: v1\nkind: Foo\nmetadata: {name: x}\n").unwrap_err();
    assert_eq!(
        err.message("STDIN"),
        "resource mapping not found for name: \"x\" namespace: \"\" from \"STDIN\": no matches for kind \"Foo\" in version \"v1\"\nensure CRDs are installed first"
    );
    let err = decode("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: rng}\n").unwrap_err();
    assert!(matches!(err, ManifestError::NotSimulated { .. }), "{err:?}");
}

#[test]
fn missing_kind_and_version_are_validation_errors() {
    let err = decode("metadata: {name: x}\n").unwrap_err();
    assert_eq!(
        err.message("x.yaml"),
        "error validating \"x.yaml\": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false"
    );
    let err = decode("apiVersion: v1\nmetadata: {name: x}\n").unwrap_err();
    assert!(
        err.message("x.yaml")
            .contains("error validating data: kind not set; if")
    );
    assert!(err.stops_stream());
}

#[test]
fn yaml_errors_carry_the_line_within_the_document() {
    let text = "apiVersion: v1\nkind: Node\n---\napiVersion: v1\nkind: Node\nmetadata:\n  name: x\n   labels: y\n";
    let decoded = decode_stream(text);
    assert_eq!(decoded.items.len(), 1, "the first document is read");
    let err = decoded.stop.unwrap();
    assert_eq!(
        err.message("n.yaml"),
        "error parsing n.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context"
    );
}

#[test]
fn bad_separators_end_the_stream() {
    let decoded =
        decode_stream("apiVersion: v1\nkind: Node\nmetadata: {name: a}\n----\nkind: Node\n");
    assert_eq!(decoded.items.len(), 1);
    assert_eq!(
        decoded.stop.unwrap().message("f"),
        "error parsing f: invalid Yaml document separator: -"
    );
}

#[test]
fn type_errors_are_the_servers() {
    let text = DS.replace(
        "spec:\n  selector",
        "spec:\n  minReadySeconds: soon\n  selector",
    );
    let err = decode(&text).unwrap_err();
    assert!(err.is_server_error());
    let msg = err.message("ds.yaml");
    assert!(
        msg.starts_with("DaemonSet in version \"v1\" cannot be handled as a DaemonSet: "),
        "{msg}"
    );
}

#[test]
fn permissive_about_unknown_fields() {
    let text = DS.replace("spec:\n  selector", "spec:\n  replicas: 1\n  selector");
    let objects = decode(&text).unwrap();
    let Object::DaemonSet(ds) = &objects[0] else {
        panic!()
    };
    assert_eq!(ds.spec.extra.get("replicas"), Some(&serde_json::json!(1)));
}

#[test]
fn limits() {
    let big = "#".repeat(MAX_INPUT_BYTES + 1);
    assert!(matches!(decode(&big), Err(ManifestError::TooLarge { .. })));
    let many = "apiVersion: v1\nkind: Node\nmetadata: {name: a}\n---\n".repeat(MAX_DOCUMENTS + 1);
    assert!(matches!(decode(&many), Err(ManifestError::TooMany { .. })));
}

#[test]
fn alias_bombs_are_refused() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9 {
        let prev = format!("*a{}", i - 1);
        let row = [prev.as_str(); 10].join(", ");
        text.push_str(&format!("a{i}: &a{i} [{row}]\n"));
    }
    let err = decode(&text).unwrap_err();
    assert!(matches!(err, ManifestError::Syntax { .. }), "{err:?}");
}

#[test]
fn yaml_1_1_scalars_as_kubectl_reads_them() {
    let text = "apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n  labels:\n    \"on\": \"yes\"\nspec:\n  unschedulable: yes\n";
    let objects = decode(text).unwrap();
    let Object::Node(n) = &objects[0] else {
        panic!()
    };
    assert!(n.spec.unschedulable);
    assert_eq!(n.metadata.labels.get("on").map(String::as_str), Some("yes"));
}

#[test]
fn garbage_never_panics() {
    for text in [
        "",
        "\0",
        "[",
        "{",
        "- - -",
        "*a",
        "&a",
        "!!binary x",
        ": :",
        "---\n...\n",
        "\u{feff}a: 1",
        "kind: [",
        "items: 3\nkind: List\napiVersion: v1",
    ] {
        let _ = decode_stream(text);
    }
}

/// Texts checked against kubectl v1.32 (`kubectl apply --validate=false -f`), which reports YAML
/// errors before contacting a server.
#[test]
fn yaml_errors_as_kubectl_prints_them() {
    let cases: &[(&str, &str)] = &[
        (
            "apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n  labels:\n    x: [1, 2\n",
            "error parsing t.yaml: error converting YAML to JSON: yaml: line 6: did not find expected ',' or ']'",
        ),
        (
            "apiVersion: v1\nkind: Node\nmetadata:\n\tname: a\n",
            "error parsing t.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token",
        ),
        (
            "a: \"unterminated\n",
            "error parsing t.yaml: error converting YAML to JSON: yaml: line 2: found unexpected end of stream",
        ),
        (
            "a:\n- b\nc: d\n  e: f\n",
            "error parsing t.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context",
        ),
        (
            "a: {b: 1\n",
            "error parsing t.yaml: error converting YAML to JSON: yaml: line 1: did not find expected ',' or '}'",
        ),
        (
            "a: b: c\n",
            "error parsing t.yaml: error converting YAML to JSON: yaml: mapping values are not allowed in this context",
        ),
        (
            "apiVersion: v1\nkind: Node\n--- x\n",
            "error parsing t.yaml: invalid Yaml document separator: x",
        ),
    ];
    for (text, want) in cases {
        let decoded = decode_stream(text);
        let got = decoded.stop.map(|e| e.message("t.yaml"));
        assert_eq!(got.as_deref(), Some(*want), "{text:?}");
    }
}

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
    let err =
        decode("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: rng}\n").unwrap_err();
    assert!(matches!(err, ManifestError::NotSimulated { .. }), "{err:?}");
    let ok = decode("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: rng}\n").unwrap();
    assert_eq!(ok[0].kind(), "Deployment");
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

/// K (strict decoding, as `kubectl apply` with the default `--validate=strict`): the
/// Deployment-turned-DaemonSet gets the API server's error, at the key's line and column.
#[test]
fn k_strict_unknown_field_is_the_servers_error_with_its_position() {
    let text = DS.replace("spec:\n  selector", "spec:\n  replicas: 1\n  selector");
    let err = decode(&text).unwrap_err();
    assert!(err.is_server_error());
    assert_eq!(
        err.message("ds.yaml"),
        "DaemonSet in version \"v1\" cannot be handled as a DaemonSet: strict decoding error: unknown field \"spec.replicas\""
    );
    let problems = err.problems("ds.yaml");
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].line, problems[0].column), (7, 3));
    assert_eq!(problems[0].message, "unknown field \"spec.replicas\"");
}

/// Several unknown fields are listed together, in the order of the JSON kubectl sends (sorted
/// keys, depth first), with list indices in the paths.
#[test]
fn k_strict_lists_every_unknown_field() {
    let text = DS
        .replace(
            "spec:\n  selector",
            "spec:\n  strategy: {}\n  replicas: 1\n  selector",
        )
        .replace(
            "image: fluentd:v1",
            "image: fluentd:v1\n        imagePullPolicyy: Always",
        );
    let err = decode(&text).unwrap_err();
    assert_eq!(
        err.message("STDIN"),
        "DaemonSet in version \"v1\" cannot be handled as a DaemonSet: strict decoding error: unknown field \"spec.replicas\", unknown field \"spec.strategy\", unknown field \"spec.template.spec.containers[0].imagePullPolicyy\""
    );
    let lines: Vec<(usize, usize)> = err
        .problems("STDIN")
        .iter()
        .map(|p| (p.line, p.column))
        .collect();
    assert_eq!(lines, [(8, 3), (7, 3), (18, 9)]);
}

/// A wrong type names the Go struct, the field path (no indices) and the Go type, as Go's
/// `encoding/json` does in the API server; it wins over unknown fields.
#[test]
fn k_strict_wrong_type_names_path_and_go_type() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "spec:\n  selector",
            "spec:\n  replicas: 1\n  minReadySeconds: soon\n  selector",
            "json: cannot unmarshal string into Go struct field DaemonSetSpec.spec.minReadySeconds of type int32",
        ),
        (
            "image: fluentd:v1",
            "image: [fluentd]",
            "json: cannot unmarshal array into Go struct field Container.spec.template.spec.containers.image of type string",
        ),
        (
            "containers:\n      - name: fluentd\n        image: fluentd:v1",
            "containers: fluentd",
            "json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container",
        ),
        (
            "matchLabels: {name: fluentd}",
            "matchLabels: {name: 3}",
            "json: cannot unmarshal number into Go struct field LabelSelector.spec.selector.matchLabels of type string",
        ),
        (
            "spec:\n  selector",
            "spec:\n  minReadySeconds: 1.5\n  selector",
            "json: cannot unmarshal number 1.5 into Go struct field DaemonSetSpec.spec.minReadySeconds of type int32",
        ),
        (
            "  namespace: kube-system",
            "  namespace: kube-system\n  labels: [a]",
            "json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string",
        ),
    ];
    for (from, to, want) in cases {
        let text = DS.replace(from, to);
        let err = decode(&text).unwrap_err();
        assert_eq!(
            err.message("STDIN"),
            format!("DaemonSet in version \"v1\" cannot be handled as a DaemonSet: {want}"),
            "{to}"
        );
        assert_eq!(err.problems("STDIN").len(), 1);
    }
}

#[test]
fn limits() {
    let big = "#".repeat(MAX_INPUT_BYTES + 1);
    assert!(matches!(decode(&big), Err(ManifestError::TooLarge { .. })));
    let many = "apiVersion: v1\nkind: Node\nmetadata: {name: a}\n---\n".repeat(MAX_DOCUMENTS + 1);
    assert!(matches!(decode(&many), Err(ManifestError::TooMany { .. })));
}

/// `MAX_DOCUMENTS` says a NodeList of a 10,000-node cluster fits: the list counts its items, not
/// itself (it refused the last node before).
#[test]
fn a_list_of_max_documents_items_fits() {
    let list = |n: usize| {
        let mut s = String::from("apiVersion: v1\nkind: NodeList\nitems:\n");
        for i in 0..n {
            s.push_str(&format!(
                "- {{kind: Node, apiVersion: v1, metadata: {{name: n{i}}}}}\n"
            ));
        }
        s
    };
    assert_eq!(decode(&list(MAX_DOCUMENTS)).unwrap().len(), MAX_DOCUMENTS);
    let over = decode_stream(&list(MAX_DOCUMENTS + 1));
    assert_eq!(over.items.len(), MAX_DOCUMENTS);
    assert!(matches!(over.stop, Some(ManifestError::TooMany { .. })));
    let two = format!("{}---\n{}", list(1), list(MAX_DOCUMENTS - 1));
    assert_eq!(decode(&two).unwrap().len(), MAX_DOCUMENTS);
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
    assert_eq!(
        err.message("f"),
        "error parsing f: more than 200000 YAML events expanded from aliases; the playground reads at most 200000"
    );
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

/// Locations: a YAML error is marked where the parser stopped, in the whole text (the kubectl
/// text keeps go-yaml's line, counted within the document).
#[test]
fn k_locations_of_yaml_errors_count_from_the_start_of_the_text() {
    let text = "apiVersion: v1\nkind: Node\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Node\nmetadata:\n  name: x\n   labels: y\n";
    let problems = problems(text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, 9);
    assert!(problems[0].column >= 1);
    assert_eq!(
        problems[0].message,
        "error parsing STDIN: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context"
    );
}

/// Locations of unknown fields in the second document and in list items (`kind: List`).
#[test]
fn k_locations_in_later_documents_and_list_items() {
    let text = format!(
        "apiVersion: v1\nkind: Node\nmetadata: {{name: a}}\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Node\n  metadata: {{name: b}}\n  spec:\n    unschedulabel: true\n---\n{DS}"
    );
    let problems = problems(&text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!((problems[0].line, problems[0].column), (12, 5));
    assert_eq!(problems[0].message, "unknown field \"spec.unschedulabel\"");
}

/// Validation errors (§2.3) are marked at the field they name, or at the nearest part of it
/// the text has; the message is the cause as kubectl prints it.
#[test]
fn v8_v18_validation_problems_are_located() {
    let text = DS
        .replace(
            "      containers:",
            "      restartPolicy: Never\n      containers:",
        )
        .replace(
            "spec:\n  selector",
            "spec:\n  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1\n  selector",
        );
    let problems = problems(&text);
    let got: Vec<(usize, usize, &str)> = problems
        .iter()
        .map(|p| (p.line, p.column, p.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                16,
                7,
                "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""
            ),
            (
                9,
                7,
                "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero"
            ),
        ]
    );
}

/// A clean manifest has no problems; a required field missing from the text is marked at the
/// nearest part that is there.
#[test]
fn v1_missing_name_is_marked_at_metadata() {
    assert_eq!(problems(DS), []);
    let text = DS.replace("  name: fluentd\n", "");
    let problems = problems(&text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!((problems[0].line, problems[0].column), (3, 1));
    assert_eq!(
        problems[0].message,
        "metadata.name: Required value: name or generateName is required"
    );
}

/// The real-world DaemonSets of the seed material decode strictly and validate clean; the
/// Deployment turned into a DaemonSet (seed 004) is refused for both of its unknown fields.
#[test]
fn k_seed_daemonsets_parse_strictly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/fixtures");
    for name in [
        "fluentd-elasticsearch",
        "kube-proxy",
        "node-exporter",
        "calico-node",
    ] {
        let text = std::fs::read_to_string(dir.join(format!("{name}.yaml"))).unwrap();
        let objects = decode(&text).unwrap_or_else(|e| panic!("{name}: {}", e.message(name)));
        assert_eq!(objects.len(), 1, "{name}");
        assert_eq!(problems(&text), [], "{name}");
    }
    let text = std::fs::read_to_string(dir.join("rng-deployment-as-daemonset.yaml")).unwrap();
    let err = decode(&text).unwrap_err();
    assert!(
        err.message("x").ends_with(
            "strict decoding error: unknown field \"spec.replicas\", unknown field \"spec.strategy\""
        ),
        "{}",
        err.message("x")
    );
}

/// `kubectl get nodes -o yaml` / `kubectl get ds -o yaml` of a real cluster (status,
/// managedFields, annotations, null `creationTimestamp`) import as they are.
#[test]
fn k_real_cluster_output_imports_as_is() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios/manifests");
    for name in ["cluster-get-nodes", "cluster-get-ds"] {
        let text = std::fs::read_to_string(dir.join(format!("{name}.yaml"))).unwrap();
        decode(&text).unwrap_or_else(|e| panic!("{name}: {}", e.message(name)));
        assert_eq!(problems(&text), [], "{name}");
    }
}

/// Nulls are dropped as the Go structs drop them, null list items become zero values.
#[test]
fn k_nulls_are_read_as_the_api_server_reads_them() {
    let text = DS.replace(
        "  selector:",
        "  minReadySeconds: null\n  template2: ~\n  selector:",
    );
    let err = decode(&text).unwrap_err();
    assert!(
        err.message("x")
            .ends_with("unknown field \"spec.template2\"")
    );
    let text = DS.replace(
        "        image: fluentd:v1",
        "        image: fluentd:v1\n        args: [a, null]\n        env: ~",
    );
    let objects = decode(&text).unwrap();
    let Object::DaemonSet(ds) = &objects[0] else {
        panic!()
    };
    let c = &ds.spec.template.spec.containers[0];
    assert_eq!(c.extra.get("args"), Some(&serde_json::json!(["a", ""])));
    assert_eq!(c.extra.get("env"), None);
}

/// Limits: every budget ends the stream with a clear error at the place it was reached,
/// never a panic or a stack overflow (nesting far past the limit included).
#[test]
fn limits_have_clear_errors() {
    let nested = |n: usize| {
        format!(
            "apiVersion: v1\nkind: Node\nmetadata:\n  name: x\n  labels: {}{}\n",
            "[".repeat(n),
            "]".repeat(n)
        )
    };
    // Within the limit, the document is read (and refused for its type, as the API server would).
    assert!(
        decode(&nested(MAX_DEPTH - 2))
            .unwrap_err()
            .is_server_error()
    );
    for n in [MAX_DEPTH, 200, 50_000] {
        let err = decode(&nested(n)).unwrap_err();
        assert_eq!(
            err.message("f"),
            "error parsing f: more than 32 levels of nesting; the playground reads at most 32",
            "{n}"
        );
        assert!(err.stops_stream());
        assert_eq!(err.problems("f")[0].line, 5);
    }
    // MAX_NODES bounds a document read whole, and each item of a list read item by item.
    let many = "- x\n".repeat(MAX_NODES + 1);
    let big_item = format!(
        "apiVersion: v1\nkind: List\nitems:\n- {{apiVersion: v1, kind: Node, metadata: {{name: a}}, x: [{}]}}\n",
        "x, ".repeat(MAX_NODES)
    );
    for text in [many, big_item] {
        let err = decode(&text).unwrap_err();
        assert_eq!(
            err.message("f"),
            "error parsing f: more than 250000 YAML nodes; the playground reads at most 250000"
        );
        assert!(err.stops_stream());
    }
    let anchors: String = (0..=MAX_ANCHORS)
        .map(|i| format!("k{i}: &a{i} x\n"))
        .collect();
    let err = decode(&anchors).unwrap_err();
    assert_eq!(
        err.message("f"),
        "error parsing f: more than 10000 anchors; the playground reads at most 10000"
    );
}

/// A list's YAML nodes are counted per item (issue 20: a real `kubectl get nodes -o yaml` has
/// 300–600 a node), so a list of more than [`MAX_NODES`] in all reads when each item is within it.
#[test]
fn list_items_each_have_the_yaml_node_budget() {
    let labels: String = (0..150).map(|k| format!("k{k}: v, ")).collect();
    let mut text = String::from("apiVersion: v1\nkind: List\nitems:\n");
    let n = MAX_NODES / 300 + 1;
    for i in 0..n {
        text.push_str(&format!(
            "- {{apiVersion: v1, kind: Node, metadata: {{name: n{i}, labels: {{{labels}}}}}}}\n"
        ));
    }
    let nodes = decode(&text).unwrap();
    assert_eq!(nodes.len(), n);
    assert_eq!(nodes[n - 1].meta().labels.len(), 150);
}

/// Fields Go would leave empty are decoded empty, so that the API server's validation (not a
/// decoder) reports them: a taint without an effect (Kubernetes names node taints under
/// `metadata`; the marker goes where the taint is written).
#[test]
fn k_missing_required_fields_reach_validation() {
    let text = "apiVersion: v1\nkind: Node\nmetadata: {name: a}\nspec:\n  taints:\n  - key: k\n";
    assert_eq!(decode(text).map(|o| o.len()), Ok(1));
    let problems = problems(text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .message
            .starts_with("metadata.taints[0].effect: Required value"),
        "{problems:?}"
    );
    assert_eq!((problems[0].line, problems[0].column), (6, 5));
}

/// The stream read as it was before lists were read item by item: every document parsed whole,
/// then visited. The reference of [`lists_read_item_by_item_read_as_whole_documents`].
fn read_whole(text: &str) -> (Vec<String>, Option<ManifestError>, Vec<ManifestProblem>) {
    let (chunks, bad_separator) = split::split(text);
    let mut budget = Budget::default();
    let mut items = Vec::new();
    let mut problems = Vec::new();
    let mut sink = |item: Result<LocatedObject, ManifestError>| match item {
        Ok(l) => {
            items.push(format!("{:?} {:?}", l.object, l.warnings));
            problems.extend(problems::validation_problems(&l));
        }
        Err(e) => {
            problems.extend(e.problems("STDIN"));
            items.push(format!("{e:?}"));
        }
    };
    let mut stop = None;
    for chunk in chunks {
        let offset = chunk.start_line.saturating_sub(1);
        let read = parse_chunk(chunk.text, offset).and_then(|doc| match doc {
            Some(doc) => visit(doc, &mut sink, &mut budget, FieldValidation::Strict, typed),
            None => Ok(()),
        });
        if let Err(e) = read {
            stop = Some(e);
            break;
        }
    }
    let stop = stop.or(bad_separator.map(|bad| ManifestError::BadSeparator {
        rest: bad.rest,
        at: Position {
            line: bad.line,
            column: 1,
        },
    }));
    (items, stop, problems)
}

/// A list's items are parsed and decoded one at a time (issue 20: a pasted NodeList of 10,000
/// nodes); objects, errors, their positions and the problems the editor marks are those of
/// reading each document whole, for lists in block and flow style, with anchors, merge keys,
/// duplicate `items`, items that are lists, invalid items, and YAML errors after the items; and
/// on the fuzz corpus.
#[test]
fn lists_read_item_by_item_read_as_whole_documents() {
    let texts = [
        "apiVersion: v1\nkind: NodeList\nitems:\n- metadata: {name: a}\n- metadata: {name: b, labels: {x: y}}\n",
        "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Node, metadata: {name: a}}\n- {apiVersion: apps/v1, kind: DaemonSet, metadata: {name: d}, spec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: c}}, spec: {containers: [{name: c, image: i}]}}}}\n",
        "{\"apiVersion\": \"v1\", \"items\": [{\"kind\": \"Node\", \"apiVersion\": \"v1\", \"metadata\": {\"name\": \"a\"}}], \"kind\": \"List\"}\n",
        "items:\n- {apiVersion: v1, kind: Node, metadata: {name: a}}\napiVersion: v1\nkind: NodeList\n",
        "apiVersion: v1\nkind: NodeList\nitems:\n- &n {metadata: {name: a}}\n- *n\n",
        "apiVersion: v1\nkind: NodeList\nbase: &b {metadata: {name: a}}\nitems:\n- <<: *b\n",
        "apiVersion: v1\nkind: NodeList\nitems:\n- metadata: {name: a}\nitems:\n- metadata: {name: b}\n",
        "apiVersion: v1\nkind: NodeList\nitems:\n- metadata: {name: a}\nitems: 3\n",
        "apiVersion: v1\nkind: NodeList\nitems:\n- metadata: {name: a}\nitems:\n",
        "apiVersion: v1\nkind: NodeList\nitems:\n- metadata: {name: a}\n'items': ~\n",
        "apiVersion: v1\nkind: NodeList\nitems:\n- metadata: {name: a}\nitems: []\n",
        "{apiVersion: v1, kind: NodeList, items: [{metadata: {name: a}}], items: null}\n",
        "apiVersion: v1\nkind: NodeList\nitems:\n- {apiVersion: v1, kind: List, items: []}\n- {kind: Node}\n- {metadata: {name: c}, spec: {taints: [{key: k, effect: Bogus}]}}\n- {metadata: {name: d}, bogus: 1}\n- 7\n",
        "apiVersion: v1\nkind: Node\nmetadata: {name: n}\nitems:\n- a\n",
        "kind: NodeList\nitems:\n- metadata: {name: a}\n",
        "apiVersion: v1\nkind: NodeList\nitems:\n- metadata: {name: a}\n- metadata: {name: b}\nbroken: [\n",
        "apiVersion: v1\nkind: NodeList\nmetadata:\n  items:\n  - x\nitems:\n  - metadata: {name: a}\n---\napiVersion: v1\nkind: NodeList\nitems: []\n---\napiVersion: v1\nkind: NodeList\n",
    ];
    let corpus = decode_differential::texts(&[
        "engine/fuzz/corpus/manifest_decode",
        "engine/fuzz/seeds/manifest_decode",
    ]);
    assert!(corpus.len() > 100, "{}", corpus.len());
    let corpus = corpus.iter().map(|(_, text)| text.as_str());
    for text in texts.into_iter().chain(corpus) {
        let mut items = Vec::new();
        let stop = read(text, &mut |item| {
            items.push(match item {
                Ok(l) => format!("{:?} {:?}", l.object, l.warnings),
                Err(e) => format!("{e:?}"),
            })
        });
        let (want_items, want_stop, want_problems) = read_whole(text);
        assert_eq!(items, want_items, "{text}");
        assert_eq!(stop, want_stop, "{text}");
        assert_eq!(
            problems(text),
            {
                let mut p = want_problems;
                p.extend(want_stop.iter().flat_map(|e| e.problems("STDIN")));
                p
            },
            "{text}"
        );
    }
    // Past MAX_DOCUMENTS, as a whole document is.
    let mut many = String::from("apiVersion: v1\nkind: NodeList\nitems:\n");
    for i in 0..=MAX_DOCUMENTS {
        many.push_str(&format!("- {{metadata: {{name: n{i}}}}}\n"));
    }
    let mut n = 0;
    let stop = read(&many, &mut |_| n += 1);
    let (want, want_stop, _) = read_whole(&many);
    assert_eq!((n, stop), (want.len(), want_stop));
}

/// A document past [`MAX_DOCUMENTS`] is refused for the limit before it is validated: the
/// limit's error, not the document's missing `kind`, as when every document counted first.
#[test]
fn the_document_past_the_limit_is_refused_before_it_is_validated() {
    let mut text = String::new();
    for i in 0..MAX_DOCUMENTS {
        text.push_str(&format!(
            "apiVersion: v1\nkind: Node\nmetadata: {{name: n{i}}}\n---\n"
        ));
    }
    text.push_str("metadata: {name: x}\n");
    let mut n = 0;
    let stop = read(&text, &mut |_| n += 1);
    assert_eq!(n, MAX_DOCUMENTS);
    let stop = stop.map(|e| e.to_string()).unwrap_or_default();
    assert!(stop.contains("more than 10000 documents"), "{stop}");
}

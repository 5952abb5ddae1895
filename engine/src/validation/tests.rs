//! Golden-text tests: each V-rule of spec §2.3 with its exact message, the K cases (C67–C69),
//! the defaults (C71), node validation, the shipped fixtures, and a no-panic property test.

use super::{
    set_defaults_daemonset, validate_daemonset, validate_daemonset_status_update,
    validate_daemonset_update, validate_node,
};
use crate::api::ApiError;
use crate::api::syntax;
use crate::api::*;
use serde_json::json;

fn map(pairs: &[(&str, &str)]) -> StringMap {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn container(name: &str, image: &str) -> Container {
    Container {
        name: name.into(),
        image: image.into(),
        ..Default::default()
    }
}

/// C67's valid DaemonSet: `abc`, selector `{a: b}`, template labels `{a: b}`, one container.
fn base(name: &str) -> DaemonSet {
    DaemonSet {
        metadata: ObjectMeta {
            name: name.into(),
            namespace: "default".into(),
            ..Default::default()
        },
        spec: DaemonSetSpec {
            selector: Some(LabelSelector {
                match_labels: Some(map(&[("a", "b")])),
                match_expressions: None,
            }),
            template: PodTemplateSpec {
                metadata: ObjectMeta {
                    labels: map(&[("a", "b")]).into(),
                    ..Default::default()
                },
                spec: PodSpec {
                    containers: vec![container("abc", "image")].into(),
                    ..Default::default()
                },
            },
            ..Default::default()
        },
        ..Default::default()
    }
}

/// Defaults `ds` (as the API server does before validating) and returns its causes as
/// `field: message` lines.
fn causes(mut ds: DaemonSet) -> Vec<String> {
    set_defaults_daemonset(&mut ds);
    raw_causes(&ds)
}

/// The causes without defaulting first.
fn raw_causes(ds: &DaemonSet) -> Vec<String> {
    match validate_daemonset(ds) {
        Ok(()) => Vec::new(),
        Err(ApiError::Invalid { kind, causes, .. }) => {
            assert_eq!(kind, "DaemonSet");
            causes
                .into_iter()
                .map(|(f, m)| format!("{f}: {m}"))
                .collect()
        }
        Err(other) => panic!("unexpected error {other:?}"),
    }
}

/// The single cause of an invalid DaemonSet.
fn one(ds: DaemonSet) -> String {
    let c = causes(ds);
    assert_eq!(c.len(), 1, "expected one cause, got {c:#?}");
    c.into_iter().next().unwrap_or_default()
}

fn node_causes(node: &Node) -> Vec<String> {
    match validate_node(node) {
        Ok(()) => Vec::new(),
        Err(ApiError::Invalid { kind, causes, .. }) => {
            assert_eq!(kind, "Node");
            causes
                .into_iter()
                .map(|(f, m)| format!("{f}: {m}"))
                .collect()
        }
        Err(other) => panic!("unexpected error {other:?}"),
    }
}

fn rolling(mu: Option<IntOrString>, ms: Option<IntOrString>) -> DaemonSet {
    let mut ds = base("abc");
    ds.spec.update_strategy = DaemonSetUpdateStrategy {
        type_: ROLLING_UPDATE.into(),
        rolling_update: Some(RollingUpdateDaemonSet {
            max_unavailable: mu,
            max_surge: ms,
        }),
    };
    ds
}

fn int(i: i64) -> Option<IntOrString> {
    Some(IntOrString::Int(i))
}

fn pct(s: &str) -> Option<IntOrString> {
    Some(IntOrString::String(s.into()))
}

const SUBDOMAIN_MSG: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_KEY_MSG: &str = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG: &str = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const DNS_LABEL_MSG: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const EFFECTS: &str = "supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"";

// ---------------------------------------------------------------------------------------------
// C67 and the valid cases

#[test]
fn c67_valid_daemonsets() {
    for name in ["abc", "abc-123"] {
        let mut ds = base(name);
        ds.spec.update_strategy.type_ = ON_DELETE.into();
        assert_eq!(causes(ds), Vec::<String>::new(), "{name}");
    }
    let mut ds = base("hostnet");
    ds.spec.update_strategy.type_ = ON_DELETE.into();
    ds.spec.template.spec.settings.host_network = true;
    ds.spec.template.spec.containers[0].ports = vec![ContainerPort {
        container_port: 12345,
        host_port: Some(12345),
        protocol: "TCP".into(),
        ..Default::default()
    }];
    assert_eq!(causes(ds), Vec::<String>::new());
    // A rolling update with the defaults is valid too, as is revisionHistoryLimit 0 (V12).
    let mut ds = base("abc");
    ds.spec.revision_history_limit = Some(0);
    assert_eq!(causes(ds), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------------
// V1–V21

#[test]
fn v1_name_required() {
    assert_eq!(
        one(base("")),
        "metadata.name: Required value: name or generateName is required"
    );
}

#[test]
fn v2_name_not_dns_subdomain() {
    assert_eq!(
        one(base("Fluentd_1")),
        format!("metadata.name: Invalid value: \"Fluentd_1\": {SUBDOMAIN_MSG}")
    );
    let long = "a".repeat(254);
    assert_eq!(
        one(base(&long)),
        format!("metadata.name: Invalid value: \"{long}\": must be no more than 253 characters")
    );
}

#[test]
fn v3_namespace_required() {
    let mut ds = base("abc");
    ds.metadata.namespace = Default::default();
    assert_eq!(one(ds), "metadata.namespace: Required value");
}

#[test]
fn v4_selector_label_key_invalid() {
    let mut ds = base("abc");
    ds.spec.selector = Some(LabelSelector {
        match_labels: Some(map(&[("a b", "c")])),
        match_expressions: None,
    });
    ds.spec.template.metadata.labels = map(&[("a", "b")]).into();
    // Invalid selectors skip the match check (V5 does not fire).
    assert_eq!(
        one(ds),
        format!("spec.selector.matchLabels: Invalid value: \"a b\": {LABEL_KEY_MSG}")
    );
}

fn with_expression(key: &str, op: &str, values: &[&str]) -> DaemonSet {
    let mut ds = base("abc");
    ds.spec.selector = Some(LabelSelector {
        match_labels: Some(map(&[("a", "b")])),
        match_expressions: Some(vec![LabelSelectorRequirement {
            key: key.into(),
            operator: op.into(),
            values: values.iter().map(|s| s.to_string()).collect(),
        }]),
    });
    ds
}

#[test]
fn v4_selector_expressions() {
    assert_eq!(
        one(with_expression("tier", "In", &[])),
        "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"
    );
    assert_eq!(
        one(with_expression("tier", "Exists", &["x"])),
        "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"
    );
    assert_eq!(
        one(with_expression("tier", "Equals", &["x"])),
        "spec.selector.matchExpressions[0].operator: Invalid value: \"Equals\": not a valid selector operator"
    );
    assert_eq!(
        one(with_expression("tier", "In", &["-x"])),
        format!(
            "spec.selector.matchExpressions[0].values[0]: Invalid value: \"-x\": {LABEL_VALUE_MSG}"
        )
    );
    // Valid expressions that select the template are fine.
    assert!(causes(with_expression("tier", "DoesNotExist", &[])).is_empty());
    assert!(causes(with_expression("a", "In", &["b", "c"])).is_empty());
}

#[test]
fn v5_selector_does_not_match_template_labels() {
    let mut ds = base("abc");
    ds.spec.selector = Some(LabelSelector {
        match_labels: Some(map(&[("foo", "bar")])),
        match_expressions: None,
    });
    assert_eq!(
        one(ds),
        "spec.template.metadata.labels: Invalid value: {\"a\":\"b\"}: `selector` does not match template `labels`"
    );
    // A nil selector selects nothing.
    let mut ds = base("abc");
    ds.spec.selector = None;
    assert_eq!(
        one(ds),
        "spec.template.metadata.labels: Invalid value: {\"a\":\"b\"}: `selector` does not match template `labels`"
    );
    // Without template labels the value is Go's nil map.
    let mut ds = base("abc");
    ds.spec.template.metadata.labels.clear();
    assert_eq!(
        one(ds),
        "spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`"
    );
    // An expression that excludes the template.
    assert_eq!(
        one(with_expression("a", "NotIn", &["b"])),
        "spec.template.metadata.labels: Invalid value: {\"a\":\"b\"}: `selector` does not match template `labels`"
    );
}

#[test]
fn v6_empty_selector() {
    let mut ds = base("abc");
    ds.spec.selector = Some(LabelSelector::default());
    assert_eq!(
        one(ds),
        "spec.selector: Invalid value: {}: empty selector is invalid for daemonset"
    );
    let mut ds = base("abc");
    ds.spec.selector = Some(LabelSelector {
        match_labels: Some(StringMap::new()),
        match_expressions: Some(vec![]),
    });
    assert_eq!(
        one(ds),
        "spec.selector: Invalid value: {}: empty selector is invalid for daemonset"
    );
}

#[test]
fn v7_pod_template_no_containers() {
    let mut ds = base("abc");
    ds.spec.template.spec.containers.clear();
    assert_eq!(one(ds), "spec.template.spec.containers: Required value");
}

#[test]
fn v7_container_name_and_image_required() {
    let mut ds = base("abc");
    ds.spec.template.spec.containers = vec![container("", "")].into();
    assert_eq!(
        causes(ds),
        [
            "spec.template.spec.containers[0].name: Required value",
            "spec.template.spec.containers[0].image: Required value",
        ]
    );
    let mut ds = base("abc");
    ds.spec.template.spec.containers = vec![container("Web", "nginx")].into();
    assert_eq!(
        one(ds),
        format!("spec.template.spec.containers[0].name: Invalid value: \"Web\": {DNS_LABEL_MSG}")
    );
}

#[test]
fn v8_restart_policy_must_be_always() {
    for policy in ["OnFailure", "Never"] {
        let mut ds = base("abc");
        ds.spec.template.spec.settings.restart_policy = policy.into();
        assert_eq!(
            one(ds),
            format!(
                "spec.template.spec.restartPolicy: Unsupported value: \"{policy}\": supported values: \"Always\""
            )
        );
    }
    // An unknown policy also fails the pod-spec check.
    let mut ds = base("abc");
    ds.spec.template.spec.settings.restart_policy = "Sometimes".into();
    assert_eq!(
        causes(ds),
        [
            "spec.template.spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
            "spec.template.spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\"",
        ]
    );
}

#[test]
fn v9_active_deadline_seconds_forbidden() {
    let mut ds = base("abc");
    ds.spec.template.spec.settings.active_deadline_seconds = Some(30);
    assert_eq!(
        one(ds),
        "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported"
    );
    let mut ds = base("abc");
    ds.spec.template.spec.settings.active_deadline_seconds = Some(0);
    assert_eq!(
        causes(ds),
        [
            "spec.template.spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive",
            "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported",
        ]
    );
}

#[test]
fn v10_min_ready_seconds_negative() {
    let mut ds = base("abc");
    ds.spec.min_ready_seconds = -1;
    assert_eq!(
        one(ds),
        "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0"
    );
}

#[test]
fn v12_revision_history_limit_negative() {
    let mut ds = base("abc");
    ds.spec.revision_history_limit = Some(-1);
    assert_eq!(
        one(ds),
        "spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0"
    );
}

#[test]
fn v13_unknown_strategy_type() {
    let mut ds = base("abc");
    ds.spec.update_strategy.type_ = "Random".into();
    assert_eq!(
        one(ds),
        "spec.updateStrategy: Unsupported value: {\"Type\":\"Random\",\"RollingUpdate\":null}: supported values: \"RollingUpdate\", \"OnDelete\""
    );
    let mut ds = rolling(int(1), None);
    ds.spec.update_strategy.type_ = "Random".into();
    assert_eq!(
        one(ds),
        "spec.updateStrategy: Unsupported value: {\"Type\":\"Random\",\"RollingUpdate\":{\"MaxUnavailable\":1,\"MaxSurge\":0}}: supported values: \"RollingUpdate\", \"OnDelete\""
    );
}

#[test]
fn v14_rolling_update_required_without_defaults() {
    let mut ds = base("abc");
    set_defaults_daemonset(&mut ds);
    ds.spec.update_strategy.rolling_update = None;
    assert_eq!(
        raw_causes(&ds),
        ["spec.updateStrategy.rollingUpdate: Required value"]
    );
}

#[test]
fn v15_percent_string_malformed() {
    let msg = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
    assert_eq!(
        one(rolling(int(1), pct("20Percent"))),
        format!("spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: \"20Percent\": {msg}")
    );
    // A malformed maxUnavailable counts as 0, so with maxSurge 0 V19 fires as well.
    assert_eq!(
        causes(rolling(pct("20Percent"), int(0))),
        [
            format!(
                "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: \"20Percent\": {msg}"
            ),
            "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0".into(),
        ]
    );
}

#[test]
fn v16_negative_int() {
    assert_eq!(
        one(rolling(int(-1), int(0))),
        "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0"
    );
}

#[test]
fn v17_percent_over_100() {
    assert_eq!(
        one(rolling(pct("110%"), int(0))),
        "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: \"110%\": must not be greater than 100%"
    );
    assert!(causes(rolling(pct("100%"), int(0))).is_empty());
}

#[test]
fn v18_max_surge_with_max_unavailable() {
    assert_eq!(
        one(rolling(int(1), int(1))),
        "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero"
    );
    assert_eq!(
        one(rolling(pct("10%"), pct("10%"))),
        "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: \"10%\": may not be set when maxUnavailable is non-zero"
    );
    // Setting only maxSurge keeps the defaulted maxUnavailable 1: rejected.
    assert_eq!(
        one(rolling(None, int(1))),
        "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero"
    );
    assert!(causes(rolling(int(0), int(1))).is_empty());
    assert!(causes(rolling(pct("0%"), pct("25%"))).is_empty());
}

#[test]
fn v19_both_zero() {
    for (mu, ms) in [(int(0), int(0)), (pct("0%"), int(0)), (int(0), pct("0%"))] {
        assert_eq!(
            one(rolling(mu, ms)),
            "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0"
        );
    }
}

#[test]
fn v21_selector_immutable() {
    let mut old = base("abc");
    set_defaults_daemonset(&mut old);
    let mut new = old.clone();
    new.spec.selector = Some(LabelSelector {
        match_labels: Some(map(&[("a", "b"), ("c", "d")])),
        match_expressions: Some(vec![LabelSelectorRequirement {
            key: "tier".into(),
            operator: "In".into(),
            values: vec!["x".into()],
        }]),
    });
    new.spec.template.metadata.labels = map(&[("a", "b"), ("c", "d"), ("tier", "x")]).into();
    let err = validate_daemonset_update(&new, &old).expect_err("selector changed");
    assert_eq!(
        err.to_string(),
        "The DaemonSet \"abc\" is invalid: spec.selector: Invalid value: {\"matchLabels\":{\"a\":\"b\",\"c\":\"d\"},\"matchExpressions\":[{\"key\":\"tier\",\"operator\":\"In\",\"values\":[\"x\"]}]}: field is immutable"
    );
    // The strategy reports the new object's own errors and the immutability together.
    new.spec.selector = None;
    let err = validate_daemonset_update(&new, &old).expect_err("selector removed");
    let ApiError::Invalid { causes, .. } = err else {
        panic!("{err:?}")
    };
    let fields: Vec<&str> = causes.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, ["spec.template.metadata.labels", "spec.selector"]);
    assert_eq!(causes[1].1, "Invalid value: null: field is immutable");
    // Identical, or differing only in nil versus empty lists: no error (semantic equality).
    assert_eq!(validate_daemonset_update(&old, &old), Ok(()));
    let mut same = old.clone();
    if let Some(sel) = same.spec.selector.as_mut() {
        sel.match_expressions = Some(vec![]);
    }
    assert_eq!(validate_daemonset_update(&same, &old), Ok(()));
    // C69: other spec changes (template, strategy) are not this function's business.
    let mut changed = old.clone();
    changed.spec.template.spec.containers[0].image = "image:2".into();
    changed.spec.update_strategy = DaemonSetUpdateStrategy {
        type_: ON_DELETE.into(),
        rolling_update: None,
    };
    assert_eq!(validate_daemonset_update(&changed, &old), Ok(()));
}

// ---------------------------------------------------------------------------------------------
// Error collection and printing

#[test]
fn all_causes_collected_in_order_without_duplicates() {
    let mut ds = base("");
    ds.metadata.namespace = Default::default();
    ds.metadata.labels = map(&[("x", "-bad"), ("y", "-bad")]).into();
    ds.spec.min_ready_seconds = -5;
    let err = validate_daemonset(&ds).expect_err("invalid");
    assert_eq!(
        err.to_string(),
        format!(
            "The DaemonSet \"\" is invalid: \n\
             * metadata.name: Required value: name or generateName is required\n\
             * metadata.namespace: Required value\n\
             * metadata.labels: Invalid value: \"-bad\": {LABEL_VALUE_MSG}\n\
             * spec.template.spec.terminationGracePeriodSeconds: Required value\n\
             * spec.template.spec.containers[0].terminationMessagePolicy: Required value\n\
             * spec.template.spec.containers[0].imagePullPolicy: Required value\n\
             * spec.template.spec.restartPolicy: Required value\n\
             * spec.template.spec.dnsPolicy: Required value\n\
             * spec.template.spec.restartPolicy: Unsupported value: \"\": supported values: \"Always\"\n\
             * spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0\n\
             * spec.updateStrategy: Unsupported value: {{\"Type\":\"\",\"RollingUpdate\":null}}: supported values: \"RollingUpdate\", \"OnDelete\""
        )
    );
}

#[test]
fn single_cause_prints_like_kubectl() {
    let mut ds = base("fluentd");
    ds.spec.min_ready_seconds = -1;
    let mut d = ds.clone();
    set_defaults_daemonset(&mut d);
    assert_eq!(
        validate_daemonset(&d).map_err(|e| e.to_string()),
        Err("The DaemonSet \"fluentd\" is invalid: spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0".into())
    );
}

// ---------------------------------------------------------------------------------------------
// C68

#[test]
fn c68_metadata_label_and_annotation_keys() {
    let bad = "NoUppercaseOrSpecialCharsLike=Equals";
    let mut ds = base("abc");
    ds.metadata.labels = map(&[(bad, "bar")]).into();
    assert_eq!(
        one(ds),
        format!("metadata.labels: Invalid value: \"{bad}\": {LABEL_KEY_MSG}")
    );
    let mut ds = base("abc");
    ds.metadata.annotations = map(&[(bad, "bar")]).into();
    assert_eq!(
        one(ds),
        format!("metadata.annotations: Invalid value: \"{bad}\": {LABEL_KEY_MSG}")
    );
    // Annotation keys are checked case-insensitively; label keys may use upper case anyway.
    let mut ds = base("abc");
    ds.metadata.annotations = map(&[("Example.COM/Note", "x")]).into();
    ds.metadata.labels = map(&[("App", "Web")]).into();
    assert!(causes(ds).is_empty());
    // Too many annotation bytes.
    let mut ds = base("abc");
    ds.metadata.annotations = map(&[("big", &"x".repeat(256 * 1024))]).into();
    assert_eq!(
        one(ds),
        "metadata.annotations: Too long: may not be more than 262144 bytes"
    );
}

#[test]
fn c68_error_cases_fail_where_kubernetes_says() {
    let prefixes = [
        "metadata.name",
        "metadata.namespace",
        "metadata.labels",
        "metadata.annotations",
        "spec.selector",
        "spec.template",
        "spec.updateStrategy",
    ];
    let mut cases = Vec::new();
    cases.push(base(""));
    let mut ds = base("abc");
    ds.metadata.namespace = Default::default();
    cases.push(ds);
    let mut ds = base("abc");
    ds.spec.selector = None;
    cases.push(ds);
    let mut ds = base("abc");
    ds.spec.selector = Some(LabelSelector::default());
    cases.push(ds);
    let mut ds = base("abc");
    ds.spec.selector = Some(LabelSelector {
        match_labels: Some(map(&[("foo", "bar")])),
        match_expressions: None,
    });
    cases.push(ds);
    let mut ds = base("abc");
    ds.spec.template = PodTemplateSpec::default();
    cases.push(ds);
    for policy in ["OnFailure", "Never"] {
        let mut ds = base("abc");
        ds.spec.template.spec.settings.restart_policy = policy.into();
        cases.push(ds);
    }
    let mut ds = base("abc");
    ds.spec.template.spec.settings.extra.insert(
        "ephemeralContainers".into(),
        json!([{"name": "debug", "image": "busybox"}]),
    );
    cases.push(ds);
    for ds in cases {
        let c = causes(ds.clone());
        assert!(!c.is_empty(), "{ds:?} should fail");
        for cause in &c {
            assert!(
                prefixes.iter().any(|p| cause.starts_with(p)),
                "unexpected field in {cause}"
            );
        }
    }
}

#[test]
fn c68_no_template_and_ephemeral_containers() {
    let mut ds = base("abc");
    ds.spec.template = PodTemplateSpec::default();
    assert_eq!(
        causes(ds),
        [
            "spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`",
            "spec.template.spec.containers: Required value",
        ]
    );
    let mut ds = base("abc");
    ds.spec.template.spec.settings.extra.insert(
        "ephemeralContainers".into(),
        json!([{"name": "debug", "image": "busybox"}]),
    );
    assert_eq!(
        one(ds),
        "spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template"
    );
}

// ---------------------------------------------------------------------------------------------
// C71

#[test]
fn c71_defaults() {
    let mut ds = base("abc");
    set_defaults_daemonset(&mut ds);
    assert_eq!(
        ds.spec.update_strategy,
        DaemonSetUpdateStrategy {
            type_: ROLLING_UPDATE.into(),
            rolling_update: Some(RollingUpdateDaemonSet {
                max_unavailable: int(1),
                max_surge: int(0),
            }),
        }
    );
    assert_eq!(ds.spec.revision_history_limit, Some(10));
    let t = &ds.spec.template.spec;
    assert_eq!(t.settings.restart_policy, "Always");
    assert_eq!(t.settings.dns_policy, "ClusterFirst");
    assert_eq!(t.settings.termination_grace_period_seconds, Some(30));
    assert_eq!(t.settings.scheduler_name, "default-scheduler");
    assert_eq!(t.settings.security_context, Some(json!({})));
    let c = &t.containers[0];
    assert_eq!(c.image_pull_policy, "Always");
    assert_eq!(
        c.extra.get("terminationMessagePath"),
        Some(&json!("/dev/termination-log"))
    );
    assert_eq!(
        c.extra.get("terminationMessagePolicy"),
        Some(&json!("File"))
    );
    assert_eq!(c.extra.len(), 2);

    // An explicit limit is kept; OnDelete gets no rollingUpdate.
    let mut ds = base("abc");
    ds.spec.revision_history_limit = Some(1);
    ds.spec.update_strategy.type_ = ON_DELETE.into();
    set_defaults_daemonset(&mut ds);
    assert_eq!(ds.spec.revision_history_limit, Some(1));
    assert_eq!(ds.spec.update_strategy.rolling_update, None);

    // Only the missing rolling-update field is filled.
    let mut ds = rolling(None, pct("25%"));
    set_defaults_daemonset(&mut ds);
    assert_eq!(
        ds.spec.update_strategy.rolling_update,
        Some(RollingUpdateDaemonSet {
            max_unavailable: int(1),
            max_surge: pct("25%"),
        })
    );

    // Values already set are kept; pull policy follows the tag; ports get TCP.
    let mut ds = base("abc");
    ds.spec.template.spec.settings.dns_policy = "ClusterFirstWithHostNet".into();
    ds.spec
        .template
        .spec
        .settings
        .termination_grace_period_seconds = Some(0);
    ds.spec.template.spec.containers = vec![
        container("a", "nginx:1.27"),
        container("b", "nginx:latest"),
        Container {
            image_pull_policy: "Never".into(),
            ports: vec![ContainerPort {
                container_port: 80,
                ..Default::default()
            }],
            ..container("c", "nginx")
        },
    ]
    .into();
    set_defaults_daemonset(&mut ds);
    let t = &ds.spec.template.spec;
    assert_eq!(t.settings.dns_policy, "ClusterFirstWithHostNet");
    assert_eq!(t.settings.termination_grace_period_seconds, Some(0));
    let policies: Vec<&str> = t
        .containers
        .iter()
        .map(|c| c.image_pull_policy.as_str())
        .collect();
    assert_eq!(policies, ["IfNotPresent", "Always", "Never"]);
    assert_eq!(t.containers[2].ports[0].protocol, "TCP");
    assert_eq!(t.containers[2].ports[0].host_port, None);

    // Defaulting twice changes nothing.
    let mut again = ds.clone();
    set_defaults_daemonset(&mut again);
    assert_eq!(again, ds);
}

// ---------------------------------------------------------------------------------------------
// Tolerations (spec §2.3, bottom)

fn with_toleration(t: Toleration) -> DaemonSet {
    let mut ds = base("abc");
    ds.spec.template.spec.tolerations = vec![t].into();
    ds
}

#[test]
fn tolerations_rules() {
    assert_eq!(
        one(with_toleration(Toleration {
            operator: "Equal".into(),
            ..Default::default()
        })),
        "spec.template.spec.tolerations[0].operator: Invalid value: \"Equal\": operator must be Exists when `key` is empty, which means \"match all values and all keys\""
    );
    assert_eq!(
        one(with_toleration(Toleration {
            key: "k".into(),
            operator: "Exists".into(),
            effect: "NoSchedule".into(),
            toleration_seconds: Some(300),
            ..Default::default()
        })),
        "spec.template.spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"
    );
    assert_eq!(
        one(with_toleration(Toleration {
            key: "k".into(),
            operator: "Exists".into(),
            value: "v".into(),
            ..Default::default()
        })),
        "spec.template.spec.tolerations[0].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'"
    );
    assert_eq!(
        one(with_toleration(Toleration {
            key: "k".into(),
            operator: "Lt".into(),
            value: "5".into(),
            ..Default::default()
        })),
        "spec.template.spec.tolerations[0].operator: Unsupported value: \"Lt\": supported values: \"Equal\", \"Exists\""
    );
    assert_eq!(
        one(with_toleration(Toleration {
            key: "k".into(),
            operator: "Exists".into(),
            effect: "NoEntry".into(),
            ..Default::default()
        })),
        format!(
            "spec.template.spec.tolerations[0].effect: Unsupported value: \"NoEntry\": {EFFECTS}"
        )
    );
    assert_eq!(
        one(with_toleration(Toleration {
            key: "k".into(),
            value: "a b".into(),
            ..Default::default()
        })),
        format!(
            "spec.template.spec.tolerations[0].operator: Invalid value: \"a b\": {LABEL_VALUE_MSG}"
        )
    );
    assert_eq!(
        one(with_toleration(Toleration {
            key: "bad key".into(),
            operator: "Exists".into(),
            ..Default::default()
        })),
        format!(
            "spec.template.spec.tolerations[0].key: Invalid value: \"bad key\": {LABEL_KEY_MSG}"
        )
    );
    // The usual forms are valid.
    for t in [
        Toleration {
            operator: "Exists".into(),
            ..Default::default()
        },
        Toleration::exists("node-role.kubernetes.io/control-plane", "NoSchedule"),
        Toleration {
            key: "node.kubernetes.io/unreachable".into(),
            operator: "Exists".into(),
            effect: "NoExecute".into(),
            toleration_seconds: Some(300),
            ..Default::default()
        },
        Toleration {
            key: "dedicated".into(),
            value: "gpu".into(),
            effect: "NoSchedule".into(),
            ..Default::default()
        },
    ] {
        assert!(causes(with_toleration(t.clone())).is_empty(), "{t:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Pod template details

#[test]
fn template_labels_and_node_selector() {
    let mut ds = base("abc");
    ds.spec
        .template
        .metadata
        .labels
        .insert("bad key".into(), "x".into());
    assert_eq!(
        one(ds),
        format!("spec.template.labels: Invalid value: \"bad key\": {LABEL_KEY_MSG}")
    );
    let mut ds = base("abc");
    ds.spec.template.spec.settings.node_selector = map(&[("kubernetes.io/os", "linux/amd64")]);
    assert_eq!(
        one(ds),
        format!(
            "spec.template.spec.nodeSelector: Invalid value: \"linux/amd64\": {LABEL_VALUE_MSG}"
        )
    );
}

#[test]
fn host_network_port_must_match() {
    let mut ds = base("abc");
    ds.spec.template.spec.settings.host_network = true;
    ds.spec.template.spec.containers[0].ports = vec![ContainerPort {
        container_port: 9100,
        host_port: Some(9200),
        ..Default::default()
    }];
    assert_eq!(
        one(ds),
        "spec.template.spec.containers[0].ports[0].hostPort: Invalid value: 9200: must match `containerPort` when `hostNetwork` is true"
    );
}

#[test]
fn container_fields() {
    let mut ds = base("abc");
    ds.spec.template.spec.containers = vec![
        Container {
            image_pull_policy: "Sometimes".into(),
            ports: vec![
                ContainerPort {
                    container_port: 0,
                    protocol: "HTTP".into(),
                    ..Default::default()
                },
                ContainerPort {
                    name: "Metrics".into(),
                    container_port: 70000,
                    host_port: Some(8080),
                    ..Default::default()
                },
            ],
            ..container("web", "nginx")
        },
        Container {
            ports: vec![ContainerPort {
                container_port: 8080,
                host_port: Some(8080),
                ..Default::default()
            }],
            ..container("web", "nginx")
        },
    ]
    .into();
    let p = "spec.template.spec.containers";
    assert_eq!(
        causes(ds),
        [
            format!("{p}[0].ports[0].containerPort: Required value"),
            format!(
                "{p}[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\""
            ),
            format!(
                "{p}[0].ports[1].name: Invalid value: \"Metrics\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"
            ),
            format!(
                "{p}[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"
            ),
            format!(
                "{p}[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\""
            ),
            format!("{p}[1].name: Duplicate value: \"web\""),
            format!("{p}[1].ports[0].hostPort: Duplicate value: \"TCP//8080\""),
        ]
    );
}

#[test]
fn volumes_and_mounts() {
    let mut ds = base("abc");
    ds.spec.template.spec.settings.extra.insert(
        "volumes".into(),
        json!([
            {"name": "logs", "hostPath": {"path": "/var/log"}},
            {"name": "logs", "emptyDir": {}},
            {"name": "Cfg", "configMap": {}},
            {"name": "nothing"},
        ]),
    );
    ds.spec.template.spec.containers[0].extra.insert(
        "volumeMounts".into(),
        json!([
            {"name": "logs", "mountPath": "/var/log"},
            {"name": "data", "mountPath": "/var/log"},
        ]),
    );
    let p = "spec.template.spec";
    assert_eq!(
        causes(ds),
        [
            format!("{p}.volumes[1].name: Duplicate value: \"logs\""),
            format!("{p}.volumes[2].configMap.name: Required value"),
            format!("{p}.volumes[2].name: Invalid value: \"Cfg\": {DNS_LABEL_MSG}"),
            format!("{p}.volumes[3]: Required value: must specify a volume type"),
            format!("{p}.containers[0].volumeMounts[1].name: Not found: \"data\""),
            format!(
                "{p}.containers[0].volumeMounts[1].mountPath: Invalid value: \"/var/log\": must be unique"
            ),
        ]
    );
}

#[test]
fn probes_env_and_resources() {
    let mut ds = base("abc");
    let c = &mut ds.spec.template.spec.containers[0];
    c.readiness_probe = Some(Probe {
        period_seconds: Some(-1),
        ..Default::default()
    });
    c.extra.insert(
        "livenessProbe".into(),
        json!({"exec": {"command": []}, "httpGet": {"port": 80}, "successThreshold": 2}),
    );
    c.extra
        .insert("env".into(), json!([{"name": "A=B"}, {"value": "x"}]));
    c.resources = Some(ResourceRequirements {
        limits: [("cpu".to_string(), Quantity("500m".into()))].into(),
        requests: [("cpu".to_string(), Quantity("1".into()))].into(),
        ..Default::default()
    });
    let p = "spec.template.spec.containers[0]";
    assert_eq!(
        causes(ds),
        [
            format!(
                "{p}.env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='"
            ),
            format!("{p}.env[1].name: Required value"),
            format!(
                "{p}.resources.requests: Invalid value: \"1\": must be less than or equal to cpu limit of 500m"
            ),
            format!("{p}.livenessProbe.exec.command: Required value"),
            format!(
                "{p}.livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type"
            ),
            format!("{p}.livenessProbe.successThreshold: Invalid value: 2: must be 1"),
            format!("{p}.readinessProbe: Required value: must specify a handler type"),
            format!(
                "{p}.readinessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0"
            ),
        ]
    );
}

#[test]
fn node_affinity() {
    let mut ds = base("abc");
    ds.spec.template.spec.affinity = Some(
        Affinity {
            node_affinity: Some(NodeAffinity {
                required: Some(
                    NodeSelector {
                        node_selector_terms: vec![NodeSelectorTerm {
                            match_expressions: Some(vec![NodeSelectorRequirement {
                                key: "zone".into(),
                                operator: "Within".into(),
                                values: vec![],
                            }]),
                            match_fields: Some(vec![NodeSelectorRequirement {
                                key: "metadata.name".into(),
                                operator: "In".into(),
                                values: vec!["a".into(), "b".into()],
                            }]),
                        }],
                    }
                    .into(),
                ),
                preferred: Some(vec![json!({"weight": 0, "preference": {}})]),
            }),
            ..Default::default()
        }
        .into(),
    );
    let p = "spec.template.spec.affinity.nodeAffinity";
    assert_eq!(
        causes(ds),
        [
            format!(
                "{p}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: \"Within\": not a valid selector operator"
            ),
            format!(
                "{p}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values: Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector"
            ),
            format!(
                "{p}.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100"
            ),
        ]
    );
    let mut ds = base("abc");
    ds.spec.template.spec.affinity = Some(
        Affinity {
            node_affinity: Some(NodeAffinity {
                required: Some(NodeSelector::default().into()),
                preferred: None,
            }),
            ..Default::default()
        }
        .into(),
    );
    assert_eq!(
        one(ds),
        format!(
            "{p}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term"
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Nodes

fn node(name: &str, taints: Vec<Taint>) -> Node {
    Node {
        metadata: ObjectMeta {
            name: name.into(),
            ..Default::default()
        },
        spec: NodeSpec {
            taints,
            ..Default::default()
        },
        ..Default::default()
    }
}

#[test]
fn node_valid() {
    let mut n = node(
        "worker-1.example.com",
        vec![
            Taint::new("dedicated", "gpu", "NoSchedule"),
            Taint::new("dedicated", "gpu", "NoExecute"),
            Taint::new("node-role.kubernetes.io/control-plane", "", "NoSchedule"),
        ],
    );
    n.metadata.labels = map(&[("kubernetes.io/hostname", "worker-1")]).into();
    // The API server clears a cluster-scoped object's namespace: it is not validated.
    n.metadata.namespace = "default".into();
    assert_eq!(validate_node(&n), Ok(()));
}

#[test]
fn node_name_required_and_invalid() {
    assert_eq!(
        validate_node(&node("", vec![])).map_err(|e| e.to_string()),
        Err("The Node \"\" is invalid: metadata.name: Required value: name or generateName is required".into())
    );
    assert_eq!(
        node_causes(&node("Worker_1", vec![])),
        [format!(
            "metadata.name: Invalid value: \"Worker_1\": {SUBDOMAIN_MSG}"
        )]
    );
}

#[test]
fn node_taints() {
    // Kubernetes reports node taints under `metadata.taints` (its path is built from `metadata`).
    assert_eq!(
        node_causes(&node("n", vec![Taint::new("k", "v", "NoEntry")])),
        [format!(
            "metadata.taints[0].effect: Unsupported value: \"NoEntry\": {EFFECTS}"
        )]
    );
    assert_eq!(
        node_causes(&node("n", vec![Taint::new("k", "v", "")])),
        ["metadata.taints[0].effect: Required value"]
    );
    assert_eq!(
        node_causes(&node(
            "n",
            vec![
                Taint::new("k", "v1", "NoSchedule"),
                Taint::new("k", "v2", "NoSchedule")
            ]
        )),
        [
            "metadata.taints[1]: Duplicate value: {\"Key\":\"k\",\"Value\":\"v2\",\"Effect\":\"NoSchedule\",\"TimeAdded\":null}: taints must be unique by key and effect pair"
        ]
    );
    assert_eq!(
        node_causes(&node("n", vec![Taint::new("a/b/c", "v", "NoSchedule")])),
        [
            "metadata.taints[0].key: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
        ]
    );
    assert_eq!(
        node_causes(&node("n", vec![Taint::new("", "v w", "NoSchedule")])),
        [
            "metadata.taints[0].key: Invalid value: \"\": name part must be non-empty".to_string(),
            format!("metadata.taints[0].key: Invalid value: \"\": {LABEL_KEY_MSG}"),
            format!("metadata.taints[0].value: Invalid value: \"v w\": {LABEL_VALUE_MSG}"),
        ]
    );
}

#[test]
fn node_labels() {
    let mut n = node("n", vec![]);
    n.metadata.labels = map(&[("Example.com/zone", "a")]).into();
    assert_eq!(
        node_causes(&n),
        [format!(
            "metadata.labels: Invalid value: \"Example.com/zone\": prefix part {SUBDOMAIN_MSG}"
        )]
    );
}

// ---------------------------------------------------------------------------------------------
// Format helpers

#[test]
fn qualified_names() {
    assert!(syntax::qualified_name("example.com/My_Name-1.x").is_empty());
    assert_eq!(
        syntax::qualified_name("/name"),
        ["prefix part must be non-empty"]
    );
    assert_eq!(
        syntax::qualified_name(&"a".repeat(64)),
        ["name part must be no more than 63 bytes"]
    );
    assert_eq!(
        syntax::qualified_name(&format!("{}/a", "b".repeat(254))),
        ["prefix part must be no more than 253 bytes"]
    );
    assert_eq!(
        syntax::label_value(&"v".repeat(64)),
        ["must be no more than 63 bytes"]
    );
    assert_eq!(syntax::dns1123_label("a.b"), ["must not contain dots"]);
}

// ---------------------------------------------------------------------------------------------
// V22 / C70: status updates

fn status_causes(new: &DaemonSet, old: &DaemonSet) -> Vec<String> {
    match validate_daemonset_status_update(new, old) {
        Ok(()) => Vec::new(),
        Err(ApiError::Invalid { causes, .. }) => causes
            .into_iter()
            .map(|(f, m)| format!("{f}: {m}"))
            .collect(),
        Err(other) => panic!("unexpected error {other:?}"),
    }
}

/// C70 (TestValidateDaemonSetStatusUpdate): every negative counter is an error, in
/// Kubernetes' order; a counter going down but staying non-negative is fine.
#[test]
fn v22_c70_status_counters_must_be_non_negative() {
    let old = base("abc");
    let mut ok = base("abc");
    ok.status.number_misscheduled = 1;
    let mut before = base("abc");
    before.status.number_misscheduled = 2;
    assert_eq!(status_causes(&ok, &before), Vec::<String>::new());

    let mut bad = base("abc");
    bad.status = DaemonSetStatus {
        current_number_scheduled: -1,
        number_misscheduled: -1,
        desired_number_scheduled: -1,
        number_ready: -1,
        observed_generation: -3,
        updated_number_scheduled: -1,
        number_available: -1,
        number_unavailable: -2,
        ..Default::default()
    };
    let msg = "must be greater than or equal to 0";
    assert_eq!(
        status_causes(&bad, &old),
        [
            format!("status.currentNumberScheduled: Invalid value: -1: {msg}"),
            format!("status.numberMisscheduled: Invalid value: -1: {msg}"),
            format!("status.desiredNumberScheduled: Invalid value: -1: {msg}"),
            format!("status.numberReady: Invalid value: -1: {msg}"),
            format!("status.observedGeneration: Invalid value: -3: {msg}"),
            format!("status.updatedNumberScheduled: Invalid value: -1: {msg}"),
            format!("status.numberAvailable: Invalid value: -1: {msg}"),
            format!("status.numberUnavailable: Invalid value: -2: {msg}"),
        ]
    );
}

/// V22: `status.collisionCount` may grow, never shrink or disappear.
#[test]
fn v22_collision_count_cannot_be_decremented() {
    let mut old = base("abc");
    old.status.collision_count = Some(2);
    let mut new = old.clone();
    new.status.collision_count = Some(3);
    assert_eq!(status_causes(&new, &old), Vec::<String>::new());
    new.status.collision_count = Some(1);
    assert_eq!(
        status_causes(&new, &old),
        ["status.collisionCount: Invalid value: 1: cannot be decremented"]
    );
    new.status.collision_count = None;
    assert_eq!(
        status_causes(&new, &old),
        ["status.collisionCount: Invalid value: 0: cannot be decremented"]
    );
    // No count before: anything goes.
    assert_eq!(status_causes(&old, &base("abc")), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------------
// Fixtures

#[test]
fn fixtures_validate_clean_after_defaulting() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/fixtures");
    for name in [
        "fluentd-elasticsearch",
        "kube-proxy",
        "node-exporter",
        "calico-node",
    ] {
        let path = dir.join(format!("{name}.yaml"));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        let yaml: String = text
            .lines()
            .skip_while(|l| l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        let mut ds: DaemonSet =
            serde_saphyr::from_str(&yaml).unwrap_or_else(|e| panic!("decoding {name}: {e}"));
        set_defaults_daemonset(&mut ds);
        assert_eq!(validate_daemonset(&ds), Ok(()), "{name}");
        assert_eq!(validate_daemonset_update(&ds, &ds), Ok(()), "{name}");
    }
}

// ---------------------------------------------------------------------------------------------
// No panics

mod props {
    use super::super::{
        set_defaults_daemonset, validate_daemonset, validate_daemonset_update, validate_node,
    };
    use crate::api::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn text() -> BoxedStrategy<String> {
        prop_oneof![
            Just(String::new()),
            "[a-z0-9.-]{0,12}",
            "[A-Za-z0-9/%_.=+-]{0,70}",
            ".{0,16}",
            "[0-9]{1,25}%",
            prop::sample::select(vec![
                "Always",
                "Exists",
                "Equal",
                "In",
                "NotIn",
                "Gt",
                "NoSchedule",
                "NoExecute",
                "RollingUpdate",
                "OnDelete",
                "None",
                "TCP",
            ])
            .prop_map(String::from),
        ]
        .boxed()
    }

    fn string_map() -> BoxedStrategy<StringMap> {
        prop::collection::btree_map(text(), text(), 0..3)
            .prop_map(|m| m.into_iter().collect())
            .boxed()
    }

    fn number() -> BoxedStrategy<i64> {
        prop_oneof![any::<i64>(), -3i64..200, Just(i64::MIN), Just(i64::MAX)].boxed()
    }

    fn int_or_string() -> impl Strategy<Value = IntOrString> {
        prop_oneof![
            number().prop_map(IntOrString::Int),
            text().prop_map(IntOrString::String)
        ]
    }

    fn raw_json() -> BoxedStrategy<serde_json::Value> {
        prop::sample::select(vec![
            json!(null),
            json!(5),
            json!("x"),
            json!([]),
            json!([{}]),
            json!([7, "s", {"name": 3}, {"name": "a", "hostPath": {}, "secret": 1}]),
            json!([{"name": "a", "mountPath": "/x"}, {"name": "a", "mountPath": "/x"}]),
            json!({"exec": 5, "httpGet": {"port": "x--"}, "tcpSocket": {"port": -3}}),
            json!({"grpc": {"port": 1e300}, "successThreshold": -9, "terminationGracePeriodSeconds": 0}),
            json!({"postStart": {"sleep": {}}, "preStop": 1}),
            json!({"nameservers": []}),
        ])
        .boxed()
    }

    prop_compose! {
        fn container()(
            strings in (text(), text(), text(), text(), text()),
            ports in (any::<i32>(), prop::option::of(any::<i32>())),
            raw in (raw_json(), raw_json(), raw_json(), raw_json()),
            probe in prop::option::of((prop::option::of(number()), raw_json())),
            quantities in (text(), text()),
        ) -> Container {
            let (name, image, pull, proto, port_name) = strings;
            let (cport, hport) = ports;
            let (mounts, env, live, rp) = raw;
            let (req, lim) = quantities;
            let mut c = Container {
                name,
                image,
                image_pull_policy: pull,
                ports: vec![ContainerPort {
                    name: port_name,
                    container_port: cport,
                    host_port: hport,
                    protocol: proto,
                    ..Default::default()
                }],
                readiness_probe: probe.map(|(n, handler)| Probe {
                    period_seconds: n,
                    extra: [("httpGet".to_string(), handler)].into(),
                    ..Default::default()
                }),
                resources: Some(ResourceRequirements {
                    limits: [("cpu".to_string(), Quantity(lim.clone())), (lim, Quantity("1".into()))].into(),
                    requests: [("cpu".to_string(), Quantity(req))].into(),
                    ..Default::default()
                }),
                ..Default::default()
            };
            c.extra.insert("volumeMounts".into(), mounts);
            c.extra.insert("env".into(), env);
            c.extra.insert("livenessProbe".into(), live);
            c.extra.insert("restartPolicy".into(), rp);
            c
        }
    }

    prop_compose! {
        fn selector()(labels in prop::option::of(string_map()),
                      exprs in prop::option::of(prop::collection::vec(
                          (text(), text(), prop::collection::vec(text(), 0..3)), 0..3)))
                      -> LabelSelector {
            LabelSelector {
                match_labels: labels,
                match_expressions: exprs.map(|v| v.into_iter().map(|(key, operator, values)| {
                    LabelSelectorRequirement { key, operator, values }
                }).collect()),
            }
        }
    }

    prop_compose! {
        fn toleration()(key in text(), operator in text(), value in text(), effect in text(),
                        secs in prop::option::of(number())) -> Toleration {
            Toleration {
                key: key.into(),
                operator: operator.into(),
                value: value.into(),
                effect: effect.into(),
                toleration_seconds: secs,
            }
        }
    }

    prop_compose! {
        fn daemonset()(
            meta in (text(), text(), string_map(), string_map(), prop::collection::vec(text(), 0..3)),
            sel in prop::option::of(selector().boxed()),
            tlabels in string_map(),
            lists in (
                prop::collection::vec(container().boxed(), 0..3),
                prop::collection::vec(container().boxed(), 0..2),
                prop::collection::vec(toleration().boxed(), 0..3),
            ),
            strategy in (text(), prop::option::of(int_or_string()), prop::option::of(int_or_string()), any::<bool>()),
            nums in (number(), prop::option::of(number()), prop::option::of(number()), prop::option::of(number())),
            pod_strings in (text(), text(), text(), text(), text()),
            host_network in any::<bool>(),
            raw in (raw_json(), raw_json(), raw_json()),
            affinity_terms in prop::option::of(prop::collection::vec(
                (text(), text(), prop::collection::vec(text(), 0..3)), 0..3)),
        ) -> DaemonSet {
            let (name, namespace, labels, annotations, finalizers) = meta;
            let (containers, inits, tolerations) = lists;
            let (strategy_type, mu, ms, has_ru) = strategy;
            let (volumes, dns_config, preferred) = raw;
            let (min_ready, history, deadline, grace) = nums;
            let (restart, dns, node_name, priority, scheduler) = pod_strings;
            let reqs: Option<Vec<NodeSelectorRequirement>> = affinity_terms.map(|v| v.into_iter()
                .map(|(key, operator, values)| NodeSelectorRequirement { key, operator, values })
                .collect());
            let mut ds = DaemonSet {
                metadata: ObjectMeta {
                    name: name.into(), namespace: namespace.into(), labels: labels.into(), annotations: annotations.into(),
                    more: ObjectMetaMore { finalizers, ..Default::default() }.into(),
                    ..Default::default()
                },
                spec: DaemonSetSpec {
                    selector: sel,
                    template: PodTemplateSpec {
                        metadata: ObjectMeta { labels: tlabels.into(), ..Default::default() },
                        spec: PodSpec {
                            containers: containers.into(),
                            tolerations: tolerations.into(),
                            node_name: node_name.into(),
                            settings: PodSettings {
                                host_network,
                                init_containers: inits,
                                restart_policy: restart,
                                dns_policy: dns,
                                priority_class_name: priority,
                                scheduler_name: scheduler,
                                active_deadline_seconds: deadline,
                                termination_grace_period_seconds: grace,
                                ..Default::default()
                            }
                            .into(),
                            affinity: Some(Affinity {
                                node_affinity: Some(NodeAffinity {
                                    required: reqs.clone().map(|r| {
                                        NodeSelector {
                                            node_selector_terms: vec![NodeSelectorTerm {
                                                match_expressions: Some(r.clone()),
                                                match_fields: Some(r),
                                            }],
                                        }
                                        .into()
                                    }),
                                    preferred: Some(vec![preferred]),
                                }),
                                ..Default::default()
                            }.into()),
                        },
                    },
                    update_strategy: DaemonSetUpdateStrategy {
                        type_: strategy_type,
                        rolling_update: has_ru.then_some(RollingUpdateDaemonSet {
                            max_unavailable: mu,
                            max_surge: ms,
                        }),
                    },
                    min_ready_seconds: min_ready,
                    revision_history_limit: history,
                    ..Default::default()
                },
                ..Default::default()
            };
            ds.spec.template.spec.settings.extra.insert("volumes".into(), volumes);
            ds.spec.template.spec.settings.extra.insert("dnsConfig".into(), dns_config);
            ds
        }
    }

    prop_compose! {
        fn node()(name in text(), labels in string_map(), annotations in string_map(),
                  taints in prop::collection::vec(
                      (text(), text(), text(), prop::option::of(any::<i64>())), 0..4))
                  -> Node {
            Node {
                metadata: ObjectMeta { name: name.into(), labels: labels.into(), annotations: annotations.into(), ..Default::default() },
                spec: NodeSpec {
                    taints: taints.into_iter().map(|(key, value, effect, t)| Taint {
                        key, value, effect, time_added: t.map(Time),
                    }).collect(),
                    ..Default::default()
                },
                ..Default::default()
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn validation_never_panics(a in daemonset().boxed(), b in daemonset().boxed(), n in node().boxed()) {
            let _ = validate_daemonset(&a);
            let _ = validate_daemonset_update(&a, &b);
            let mut d = a.clone();
            set_defaults_daemonset(&mut d);
            let _ = validate_daemonset(&d);
            let _ = validate_daemonset_update(&d, &a);
            let _ = validate_node(&n);
            if let Err(e) = validate_daemonset(&d) {
                let _ = e.to_string();
            }
        }
    }
}

//! `ValidateDaemonSet`, `ValidateDaemonSetSpec`, `ValidateDaemonSetUpdateStrategy`,
//! `ValidateRollingUpdateDaemonSet` (`pkg/apis/apps/validation/validation.go`) and the selector
//! immutability of the registry strategy (`pkg/registry/apps/daemonset/strategy.go`): spec §2.3.

use super::field_error::{
    Errors, FieldError, IS_NEGATIVE, JsonObject, Path, Value, json_int_or_string,
    json_label_selector, json_string, json_string_map, nonnegative,
};
use super::meta::{validate_label_name, validate_labels, validate_object_meta};
use super::pod_template::validate_pod_template_spec;
use crate::api::syntax;
use crate::api::{
    DaemonSet, DaemonSetSpec, DaemonSetUpdateStrategy, IntOrString, LabelSelector,
    LabelSelectorRequirement, ON_DELETE, ROLLING_UPDATE, RollingUpdateDaemonSet, StringMap,
};

/// `ValidateDaemonSet`: metadata (V1–V3, C68 labels/annotations), then the spec.
pub(crate) fn daemonset_errors(ds: &DaemonSet) -> Errors {
    let mut errs = Errors::new();
    validate_object_meta(&mut errs, &ds.metadata, true, &Path::new("metadata"));
    validate_daemonset_spec(&mut errs, &ds.spec, &Path::new("spec"));
    errs
}

/// The selector immutability check of the registry strategy (V21).
pub(crate) fn daemonset_update_errors(new: &DaemonSet, old: &DaemonSet) -> Errors {
    let mut errs = Errors::new();
    if !selectors_semantically_equal(new.spec.selector.as_ref(), old.spec.selector.as_ref()) {
        errs.push(FieldError::invalid(
            &Path::new("spec").child("selector"),
            Value::Json(json_label_selector(new.spec.selector.as_ref())),
            "field is immutable",
        ));
    }
    errs
}

/// `ValidateDaemonSetStatusUpdate` without its metadata part (V22, C70): every counter
/// non-negative, in Kubernetes' order, and `collisionCount` never decremented.
pub(crate) fn daemonset_status_update_errors(new: &DaemonSet, old: &DaemonSet) -> Errors {
    let mut errs = Errors::new();
    let path = Path::new("status");
    let s = &new.status;
    for (name, value) in [
        ("currentNumberScheduled", s.current_number_scheduled),
        ("numberMisscheduled", s.number_misscheduled),
        ("desiredNumberScheduled", s.desired_number_scheduled),
        ("numberReady", s.number_ready),
        ("observedGeneration", s.observed_generation),
        ("updatedNumberScheduled", s.updated_number_scheduled),
        ("numberAvailable", s.number_available),
        ("numberUnavailable", s.number_unavailable),
    ] {
        nonnegative(&mut errs, value, &path.child(name));
    }
    // `IsDecremented`: an old count and a new one that is missing or smaller.
    if let Some(before) = old.status.collision_count {
        let now = s.collision_count;
        if now.is_none_or(|n| n < before) {
            errs.push(FieldError::invalid(
                &path.child("collisionCount"),
                Value::int(i64::from(now.unwrap_or(0))),
                "cannot be decremented",
            ));
        }
    }
    errs
}

/// `apiequality.Semantic.DeepEqual` on selectors: nil and empty maps/lists are equal.
pub(super) fn selectors_semantically_equal(
    a: Option<&LabelSelector>,
    b: Option<&LabelSelector>,
) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let empty_map = StringMap::new();
            let la = a.match_labels.as_ref().unwrap_or(&empty_map);
            let lb = b.match_labels.as_ref().unwrap_or(&empty_map);
            let ea = a.match_expressions.as_deref().unwrap_or_default();
            let eb = b.match_expressions.as_deref().unwrap_or_default();
            la == lb && ea == eb
        }
        _ => false,
    }
}

/// `ValidateDaemonSetSpec`.
fn validate_daemonset_spec(errs: &mut Errors, spec: &DaemonSetSpec, path: &Path) {
    let sel_path = path.child("selector");
    // V4. An invalid selector is also one `LabelSelectorAsSelector` refuses, which skips V5.
    let before = errs.len();
    if let Some(sel) = &spec.selector {
        validate_label_selector(errs, sel, &sel_path);
    }
    let selector_parses = errs.len() == before;

    // V5: a nil selector selects nothing, so it never matches.
    let template_labels = &spec.template.metadata.labels;
    if selector_parses && !selector_matches(spec.selector.as_ref(), template_labels) {
        errs.push(FieldError::invalid(
            &path.child("template").child("metadata").child("labels"),
            Value::Json(json_string_map(template_labels)),
            "`selector` does not match template `labels`",
        ));
    }
    // V6
    if let Some(sel) = &spec.selector {
        let n = sel.match_labels.as_ref().map_or(0, |m| m.len())
            + sel.match_expressions.as_ref().map_or(0, |e| e.len());
        if n == 0 {
            errs.push(FieldError::invalid(
                &sel_path,
                Value::Json(json_label_selector(Some(sel))),
                "empty selector is invalid for daemonset",
            ));
        }
    }

    // V7
    let template_path = path.child("template");
    validate_pod_template_spec(errs, &spec.template, &template_path);
    let pod_spec_path = template_path.child("spec");
    // V8
    if spec.template.spec.settings.restart_policy != "Always" {
        errs.push(FieldError::not_supported(
            &pod_spec_path.child("restartPolicy"),
            Value::str(&spec.template.spec.settings.restart_policy),
            &["Always"],
        ));
    }
    // V9
    if spec
        .template
        .spec
        .settings
        .active_deadline_seconds
        .is_some()
    {
        errs.push(FieldError::forbidden(
            &pod_spec_path.child("activeDeadlineSeconds"),
            "activeDeadlineSeconds in DaemonSet is not Supported",
        ));
    }
    // V10 (V11, templateGeneration, is kept by the registry and never negative here)
    nonnegative(errs, spec.min_ready_seconds, &path.child("minReadySeconds"));
    // V13–V19
    validate_update_strategy(errs, &spec.update_strategy, &path.child("updateStrategy"));
    // V12: zero is valid
    if let Some(limit) = spec.revision_history_limit {
        nonnegative(errs, limit, &path.child("revisionHistoryLimit"));
    }
}

/// `ValidateLabelSelector` (creation: invalid label values are not allowed).
pub(super) fn validate_label_selector(errs: &mut Errors, sel: &LabelSelector, path: &Path) {
    if let Some(labels) = &sel.match_labels {
        validate_labels(errs, labels, &path.child("matchLabels"));
    }
    for (i, req) in sel.match_expressions.iter().flatten().enumerate() {
        validate_selector_requirement(errs, req, &path.child("matchExpressions").index(i));
    }
}

/// `ValidateLabelSelectorRequirement`.
fn validate_selector_requirement(errs: &mut Errors, req: &LabelSelectorRequirement, path: &Path) {
    match req.operator.as_str() {
        "In" | "NotIn" => {
            if req.values.is_empty() {
                errs.push(FieldError::required(
                    &path.child("values"),
                    "must be specified when `operator` is 'In' or 'NotIn'",
                ));
            }
        }
        "Exists" | "DoesNotExist" => {
            if !req.values.is_empty() {
                errs.push(FieldError::forbidden(
                    &path.child("values"),
                    "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                ));
            }
        }
        other => errs.push(FieldError::invalid(
            &path.child("operator"),
            Value::str(other),
            "not a valid selector operator",
        )),
    }
    validate_label_name(errs, &req.key, &path.child("key"));
    for (i, v) in req.values.iter().enumerate() {
        for msg in syntax::label_value(v) {
            errs.push(FieldError::invalid(
                &path.child("values").index(i),
                Value::str(v),
                &msg,
            ));
        }
    }
}

/// `LabelSelectorAsSelector(sel).Matches(labels)` for a selector that validated.
pub(super) fn selector_matches(sel: Option<&LabelSelector>, labels: &StringMap) -> bool {
    let Some(sel) = sel else {
        return false;
    };
    let labels_ok = sel
        .match_labels
        .iter()
        .flatten()
        .all(|(k, v)| labels.get(k) == Some(v));
    let exprs_ok = sel.match_expressions.iter().flatten().all(|e| {
        let have = labels.get(&e.key);
        let in_values = have.is_some_and(|v| e.values.contains(v));
        match e.operator.as_str() {
            "In" => in_values,
            "NotIn" => !in_values,
            "Exists" => have.is_some(),
            "DoesNotExist" => have.is_none(),
            _ => false,
        }
    });
    labels_ok && exprs_ok
}

/// The internal `apps.DaemonSetUpdateStrategy` as `json.Marshal` writes it.
fn json_internal_strategy(s: &DaemonSetUpdateStrategy) -> String {
    let ru = s
        .rolling_update
        .as_ref()
        .map(|ru| (ru.max_unavailable.as_ref(), ru.max_surge.as_ref()));
    json_internal_rolling_strategy(&s.type_, ru)
}

/// An internal update strategy (`apps.DaemonSetUpdateStrategy`, `apps.DeploymentStrategy`) as
/// `json.Marshal` writes it: no JSON tags on internal types, and a nil int-or-string converts
/// to the zero value `0`. `rolling_update`: (maxUnavailable, maxSurge), if set.
pub(super) fn json_internal_rolling_strategy(
    type_: &str,
    rolling_update: Option<(Option<&IntOrString>, Option<&IntOrString>)>,
) -> String {
    let ru = match rolling_update {
        None => "null".to_string(),
        Some((max_unavailable, max_surge)) => {
            let zero = IntOrString::Int(0);
            JsonObject::new()
                .field(
                    "MaxUnavailable",
                    &json_int_or_string(max_unavailable.unwrap_or(&zero)),
                )
                .field("MaxSurge", &json_int_or_string(max_surge.unwrap_or(&zero)))
                .finish()
        }
    };
    JsonObject::new()
        .field("Type", &json_string(type_))
        .field("RollingUpdate", &ru)
        .finish()
}

/// `ValidateDaemonSetUpdateStrategy` (V13, V14).
fn validate_update_strategy(errs: &mut Errors, s: &DaemonSetUpdateStrategy, path: &Path) {
    match s.type_.as_str() {
        ON_DELETE => {}
        ROLLING_UPDATE => match &s.rolling_update {
            None => errs.push(FieldError::required(&path.child("rollingUpdate"), "")),
            Some(ru) => validate_rolling_update(errs, ru, &path.child("rollingUpdate")),
        },
        _ => errs.push(FieldError::not_supported(
            path,
            Value::Json(json_internal_strategy(s)),
            &[ROLLING_UPDATE, ON_DELETE],
        )),
    }
}

/// `ValidateRollingUpdateDaemonSet` (V15–V19).
fn validate_rolling_update(errs: &mut Errors, ru: &RollingUpdateDaemonSet, path: &Path) {
    let zero = IntOrString::Int(0);
    let max_unavailable = ru.max_unavailable.as_ref().unwrap_or(&zero);
    let max_surge = ru.max_surge.as_ref().unwrap_or(&zero);
    let (mu_path, ms_path) = (path.child("maxUnavailable"), path.child("maxSurge"));
    positive_int_or_percent(errs, max_unavailable, &mu_path);
    positive_int_or_percent(errs, max_surge, &ms_path);
    not_more_than_100_percent(errs, max_unavailable, &mu_path);
    not_more_than_100_percent(errs, max_surge, &ms_path);
    let has_unavailable = int_or_percent_value(max_unavailable) != 0;
    let has_surge = int_or_percent_value(max_surge) != 0;
    if has_unavailable && has_surge {
        errs.push(FieldError::invalid(
            &ms_path,
            Value::Json(json_int_or_string(max_surge)),
            "may not be set when maxUnavailable is non-zero",
        ));
    } else if !has_unavailable && !has_surge {
        errs.push(FieldError::required(
            &mu_path,
            "cannot be 0 when maxSurge is 0",
        ));
    }
}

/// `ValidatePositiveIntOrPercent` (V15, V16).
pub(super) fn positive_int_or_percent(errs: &mut Errors, v: &IntOrString, path: &Path) {
    match v {
        IntOrString::String(s) => {
            for msg in syntax::percent(s) {
                errs.push(FieldError::invalid(
                    path,
                    Value::Json(json_int_or_string(v)),
                    &msg,
                ));
            }
        }
        IntOrString::Int(i) => {
            if *i < 0 {
                errs.push(FieldError::invalid(path, Value::int(*i), IS_NEGATIVE));
            }
        }
    }
}

/// `IsNotMoreThan100Percent` (V17).
pub(super) fn not_more_than_100_percent(errs: &mut Errors, v: &IntOrString, path: &Path) {
    if let Some(p) = percent_value(v)
        && p > 100
    {
        errs.push(FieldError::invalid(
            path,
            Value::Json(json_int_or_string(v)),
            "must not be greater than 100%",
        ));
    }
}

/// Go's `strconv.Atoi` as `IntValue` uses it: a syntax error gives 0, an out-of-range number
/// the nearest bound.
fn go_atoi(s: &str) -> i64 {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return 0;
    }
    s.parse::<i64>().unwrap_or(if s.starts_with('-') {
        i64::MIN
    } else {
        i64::MAX
    })
}

/// `getPercentValue`.
fn percent_value(v: &IntOrString) -> Option<i64> {
    match v {
        IntOrString::String(s) if syntax::is_valid_percent(s) => Some(go_atoi(&s[..s.len() - 1])),
        _ => None,
    }
}

/// `getIntOrPercentValue`.
pub(super) fn int_or_percent_value(v: &IntOrString) -> i64 {
    match (percent_value(v), v) {
        (Some(p), _) => p,
        (None, IntOrString::Int(i)) => *i,
        (None, IntOrString::String(s)) => go_atoi(s),
    }
}

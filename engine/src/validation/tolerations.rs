//! `ValidateTolerations` and `validateTaintEffect` (`pkg/apis/core/validation/validation.go`).
//! With the `TaintTolerationComparisonOperators` gate off (the simulator's default, spec §3.3),
//! only `Equal` (or empty) and `Exists` are accepted operators.

use super::field_error::{Errors, FieldError, Path, Value};
use super::meta::validate_label_name;
use crate::api::Toleration;
use crate::api::syntax;

/// The supported taint effects, in the order Kubernetes lists them.
const EFFECTS: [&str; 3] = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/// `validateTaintEffect`: empty is `Required` unless `allow_empty`; anything else unknown is
/// `Unsupported value`.
pub(crate) fn validate_taint_effect(
    errs: &mut Errors,
    effect: &str,
    allow_empty: bool,
    path: &Path,
) {
    if !allow_empty && effect.is_empty() {
        errs.push(FieldError::required(path, ""));
        return;
    }
    if !EFFECTS.contains(&effect) {
        errs.push(FieldError::not_supported(
            path,
            Value::str(effect),
            &EFFECTS,
        ));
    }
}

/// `ValidateTolerations`.
pub(crate) fn validate_tolerations(errs: &mut Errors, tolerations: &[Toleration], path: &Path) {
    for (i, t) in tolerations.iter().enumerate() {
        let idx = path.index(i);
        if !t.key.is_empty() {
            validate_label_name(errs, &t.key, &idx.child("key"));
        }
        if t.key.is_empty() && t.operator != "Exists" {
            errs.push(FieldError::invalid(
                &idx.child("operator"),
                Value::str(&t.operator),
                "operator must be Exists when `key` is empty, which means \"match all values and all keys\"",
            ));
        }
        if t.toleration_seconds.is_some() && t.effect != "NoExecute" {
            errs.push(FieldError::invalid(
                &idx.child("effect"),
                Value::str(&t.effect),
                "effect must be 'NoExecute' when `tolerationSeconds` is set",
            ));
        }
        match &*t.operator {
            "Equal" | "" => {
                let msgs = syntax::label_value(&t.value);
                if !msgs.is_empty() {
                    errs.push(FieldError::invalid(
                        &idx.child("operator"),
                        Value::str(&t.value),
                        &msgs.join(";"),
                    ));
                }
            }
            "Exists" => {
                if !t.value.is_empty() {
                    errs.push(FieldError::invalid(
                        &idx.child("operator"),
                        Value::str(&t.value),
                        "value must be empty when `operator` is 'Exists'",
                    ));
                }
            }
            other => errs.push(FieldError::not_supported(
                &idx.child("operator"),
                Value::str(other),
                &["Equal", "Exists"],
            )),
        }
        if !t.effect.is_empty() {
            validate_taint_effect(errs, &t.effect, true, &idx.child("effect"));
        }
    }
}

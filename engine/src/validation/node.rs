//! `ValidateNode` (`pkg/apis/core/validation/validation.go`): metadata, then the taints.
//!
//! Kubernetes builds the taints' path from the `metadata` path (`fldPath.Child("taints")` with
//! `fldPath = metadata`), so its messages say `metadata.taints[i]…`, not `spec.taints[i]…`; this
//! is reproduced as is.

use super::field_error::{
    Errors, FieldError, JsonObject, Path, Value, json_string, nonnegative_quantity,
};
use super::meta::{validate_label_name, validate_object_meta};
use super::seen::{Seen, pair};
use super::tolerations::validate_taint_effect;
use crate::api::syntax;
use crate::api::{Node, Taint};

pub(crate) fn node_errors(node: &Node) -> Errors {
    let mut errs = Errors::new();
    let meta = Path::new("metadata");
    validate_object_meta(&mut errs, &node.metadata, false, &meta);
    if !node.spec.taints.is_empty() {
        validate_node_taints(&mut errs, &node.spec.taints, &meta.child("taints"));
    }
    // ValidateNodeResources: the path is `status.capacity.cpu` (NewPath), not `[cpu]`.
    let status = Path::new("status");
    for (which, list) in [
        ("capacity", &node.status.capacity),
        ("allocatable", &node.status.allocatable),
    ] {
        for (name, q) in list {
            nonnegative_quantity(&mut errs, q, &status.child(which).child(name));
        }
    }
    errs
}

/// The internal `core.Taint` as `json.Marshal` writes it: the internal type has no JSON tags,
/// so the Go field names appear.
fn json_internal_taint(t: &Taint) -> String {
    let time = match &t.time_added {
        Some(time) => json_string(&time.to_string()),
        None => "null".into(),
    };
    JsonObject::new()
        .field("Key", &json_string(&t.key))
        .field("Value", &json_string(&t.value))
        .field("Effect", &json_string(&t.effect))
        .field("TimeAdded", &time)
        .finish()
}

/// `validateNodeTaints`.
fn validate_node_taints(errs: &mut Errors, taints: &[Taint], path: &Path) {
    let mut seen = Seen::default();
    for (i, t) in taints.iter().enumerate() {
        let idx = path.index(i);
        validate_label_name(errs, &t.key, &idx.child("key"));
        let msgs = syntax::label_value(&t.value);
        if !msgs.is_empty() {
            errs.push(FieldError::invalid(
                &idx.child("value"),
                Value::str(&t.value),
                &msgs.join(";"),
            ));
        }
        validate_taint_effect(errs, &t.effect, false, &idx.child("effect"));
        if !seen.insert(&pair(&t.effect, &t.key)) {
            errs.push(FieldError::duplicate(
                &idx,
                Value::Json(json_internal_taint(t)),
                "taints must be unique by key and effect pair",
            ));
        }
    }
}

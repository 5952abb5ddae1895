//! `ValidateObjectMeta` (`k8s.io/apimachinery/pkg/api/validation/objectmeta.go`), labels
//! (`apis/meta/v1/validation.ValidateLabels`) and annotations. Go walks label and annotation
//! maps in random order; here they are walked sorted, so the output is stable.

use super::field_error::{Errors, FieldError, JsonObject, Path, Value, json_string, nonnegative};
use crate::api::syntax;
use crate::api::{ObjectMeta, OwnerReference, StringMap};

/// `TotalAnnotationSizeLimitB`: 256 KiB of keys and values together.
const TOTAL_ANNOTATION_SIZE_LIMIT: usize = 256 * 1024;

/// `ValidateObjectMetaAccessor` with `NameIsDNSSubdomain` as the name rule (DaemonSet, Node).
/// `namespaced`: the namespace is required (DaemonSet). For cluster-scoped objects (Node) the API
/// server clears the namespace before validation, so it is not looked at.
pub(crate) fn validate_object_meta(
    errs: &mut Errors,
    meta: &ObjectMeta,
    namespaced: bool,
    path: &Path,
) {
    if !meta.more.generate_name.is_empty() {
        for msg in syntax::name_is_dns_subdomain(&meta.more.generate_name, true) {
            errs.push(FieldError::invalid(
                &path.child("generateName"),
                Value::str(&meta.more.generate_name),
                &msg,
            ));
        }
    }
    if meta.name.is_empty() {
        errs.push(FieldError::required(
            &path.child("name"),
            "name or generateName is required",
        ));
    } else {
        for msg in syntax::name_is_dns_subdomain(&meta.name, false) {
            errs.push(FieldError::invalid(
                &path.child("name"),
                Value::str(&meta.name),
                &msg,
            ));
        }
    }
    if namespaced {
        if meta.namespace.is_empty() {
            errs.push(FieldError::required(&path.child("namespace"), ""));
        } else {
            for msg in syntax::name_is_dns_label(&meta.namespace, false) {
                errs.push(FieldError::invalid(
                    &path.child("namespace"),
                    Value::str(&meta.namespace),
                    &msg,
                ));
            }
        }
    }
    nonnegative(errs, meta.more.generation, &path.child("generation"));
    validate_labels(errs, &meta.labels, &path.child("labels"));
    validate_annotations(errs, &meta.annotations, &path.child("annotations"));
    validate_owner_references(
        errs,
        &meta.more.owner_references,
        &path.child("ownerReferences"),
    );
    validate_finalizers(errs, &meta.more.finalizers, &path.child("finalizers"));
}

/// `ValidateLabelName`: a qualified name.
pub(crate) fn validate_label_name(errs: &mut Errors, key: &str, path: &Path) {
    for msg in syntax::qualified_name(key) {
        errs.push(FieldError::invalid(path, Value::str(key), &msg));
    }
}

/// `ValidateLabels`: each key a qualified name, each value a label value; all under `path`.
pub(crate) fn validate_labels(errs: &mut Errors, labels: &StringMap, path: &Path) {
    for (k, v) in labels {
        validate_label_name(errs, k, path);
        for msg in syntax::label_value(v) {
            errs.push(FieldError::invalid(path, Value::str(v), &msg));
        }
    }
}

/// `ValidateAnnotations`: keys are qualified names ignoring case; the total size is limited.
pub(crate) fn validate_annotations(errs: &mut Errors, annotations: &StringMap, path: &Path) {
    for k in annotations.keys() {
        for msg in syntax::qualified_name(&k.to_lowercase()) {
            errs.push(FieldError::invalid(path, Value::str(k), &msg));
        }
    }
    let size: usize = annotations
        .iter()
        .map(|(k, v)| k.len().saturating_add(v.len()))
        .fold(0usize, usize::saturating_add);
    if size > TOTAL_ANNOTATION_SIZE_LIMIT {
        errs.push(FieldError::too_long_bytes(
            path,
            TOTAL_ANNOTATION_SIZE_LIMIT,
        ));
    }
}

fn json_owner_reference(r: &OwnerReference) -> String {
    let mut o = JsonObject::new()
        .field("apiVersion", &json_string(&r.api_version))
        .field("kind", &json_string(&r.kind))
        .field("name", &json_string(&r.name))
        .field("uid", &json_string(&r.uid));
    if let Some(c) = r.controller {
        o = o.field("controller", &c.to_string());
    }
    if let Some(b) = r.block_owner_deletion {
        o = o.field("blockOwnerDeletion", &b.to_string());
    }
    o.finish()
}

/// `ValidateOwnerReferences`.
fn validate_owner_references(errs: &mut Errors, refs: &[OwnerReference], path: &Path) {
    let mut first_controller: Option<String> = None;
    for r in refs {
        // schema.ParseGroupVersion: "v1", "group/version"; anything else has no version.
        let (group, version) = match r.api_version.split('/').collect::<Vec<_>>().as_slice() {
            [v] => ("", *v),
            [g, v] => (*g, *v),
            _ => ("", ""),
        };
        if version.is_empty() {
            errs.push(FieldError::invalid(
                &path.child("apiVersion"),
                Value::str(&r.api_version),
                "version must not be empty",
            ));
        }
        if r.kind.is_empty() {
            errs.push(FieldError::invalid(
                &path.child("kind"),
                Value::str(&r.kind),
                "must not be empty",
            ));
        }
        if r.name.is_empty() {
            errs.push(FieldError::invalid(
                &path.child("name"),
                Value::str(&r.name),
                "must not be empty",
            ));
        }
        if r.uid.is_empty() {
            errs.push(FieldError::invalid(
                &path.child("uid"),
                Value::str(&r.uid),
                "must not be empty",
            ));
        }
        if group.is_empty() && version == "v1" && r.kind == "Event" {
            errs.push(FieldError::invalid(
                path,
                Value::Json(json_owner_reference(r)),
                "/v1, Kind=Event is disallowed from being an owner",
            ));
        }
        if r.controller == Some(true) {
            let current = format!("{}/{}", r.kind, r.name);
            match &first_controller {
                Some(first) => {
                    let all: Vec<String> = refs.iter().map(json_owner_reference).collect();
                    errs.push(FieldError::invalid(
                        path,
                        Value::Json(format!("[{}]", all.join(","))),
                        &format!(
                            "Only one reference can have Controller set to true. Found \"true\" in references for {first} and {current}"
                        ),
                    ));
                }
                None => first_controller = Some(current),
            }
        }
    }
}

/// `ValidateFinalizers`: qualified names, and not both `orphan` and `foregroundDeletion`.
fn validate_finalizers(errs: &mut Errors, finalizers: &[String], path: &Path) {
    for f in finalizers {
        for msg in syntax::qualified_name(f) {
            errs.push(FieldError::invalid(path, Value::str(f), &msg));
        }
    }
    if finalizers.iter().any(|f| f == "orphan")
        && finalizers.iter().any(|f| f == "foregroundDeletion")
    {
        errs.push(FieldError::invalid(
            path,
            Value::Json(super::field_error::json_string_list(finalizers)),
            "finalizer orphan and foregroundDeletion cannot be both set",
        ));
    }
}

//! `ValidateDeployment`, `ValidateDeploymentSpec`, `ValidateDeploymentStrategy`,
//! `ValidateRollingUpdateDeployment`, `ValidateReplicaSet`, `ValidateReplicaSetSpec` and
//! `ValidatePodTemplateSpecForReplicaSet` (`pkg/apis/apps/validation/validation.go`), and the
//! selector immutability of the apps/v1 registry strategies (`pkg/registry/apps/deployment`,
//! `pkg/registry/apps/replicaset`).

use super::daemonset::{
    int_or_percent_value, not_more_than_100_percent, positive_int_or_percent, selector_matches,
    selectors_semantically_equal, validate_label_selector,
};
use super::field_error::{
    Errors, FieldError, Path, Value, json_int_or_string, json_label_selector, json_string_map,
    nonnegative,
};
use super::meta::validate_object_meta;
use super::pod_template::validate_pod_template_spec;
use crate::api::{
    Deployment, DeploymentStrategy, IntOrString, LabelSelector, PodTemplateSpec, RECREATE,
    ROLLING_UPDATE, ReplicaSet, RollingUpdateDeployment,
};

/// `ValidateDeployment`: metadata, then the spec.
pub(crate) fn deployment_errors(d: &Deployment) -> Errors {
    let mut errs = Errors::new();
    validate_object_meta(&mut errs, &d.metadata, true, &Path::new("metadata"));
    let path = Path::new("spec");
    let spec = &d.spec;
    nonnegative(&mut errs, d.replicas(), &path.child("replicas"));
    selector_and_template(
        &mut errs,
        spec.selector.as_ref(),
        &spec.template,
        "deployment",
        &path,
    );
    validate_strategy(&mut errs, &spec.strategy, &path.child("strategy"));
    nonnegative(
        &mut errs,
        spec.min_ready_seconds,
        &path.child("minReadySeconds"),
    );
    if let Some(limit) = spec.revision_history_limit {
        nonnegative(&mut errs, limit, &path.child("revisionHistoryLimit"));
    }
    if let Some(deadline) = spec.progress_deadline_seconds {
        let deadline_path = path.child("progressDeadlineSeconds");
        nonnegative(&mut errs, deadline, &deadline_path);
        if deadline <= spec.min_ready_seconds {
            errs.push(FieldError::invalid(
                &deadline_path,
                Value::int(deadline),
                "must be greater than minReadySeconds",
            ));
        }
    }
    errs
}

/// `ValidateReplicaSet`: metadata, then the spec.
pub(crate) fn replicaset_errors(rs: &ReplicaSet) -> Errors {
    let mut errs = Errors::new();
    validate_object_meta(&mut errs, &rs.metadata, true, &Path::new("metadata"));
    let path = Path::new("spec");
    nonnegative(&mut errs, rs.replicas(), &path.child("replicas"));
    nonnegative(
        &mut errs,
        rs.spec.min_ready_seconds,
        &path.child("minReadySeconds"),
    );
    // Upstream's ReplicaSet message says "deployment" too.
    selector_and_template(
        &mut errs,
        rs.spec.selector.as_ref(),
        &rs.spec.template,
        "deployment",
        &path,
    );
    errs
}

/// The apps/v1 strategies' `ValidateUpdate`: the selector may not change.
pub(crate) fn selector_update_errors(
    new: Option<&LabelSelector>,
    old: Option<&LabelSelector>,
) -> Errors {
    let mut errs = Errors::new();
    if !selectors_semantically_equal(new, old) {
        errs.push(FieldError::invalid(
            &Path::new("spec").child("selector"),
            Value::Json(json_label_selector(new)),
            "field is immutable",
        ));
    }
    errs
}

/// The selector rules (required, valid, not empty) and, when it parses,
/// `ValidatePodTemplateSpecForReplicaSet`.
fn selector_and_template(
    errs: &mut Errors,
    selector: Option<&LabelSelector>,
    template: &PodTemplateSpec,
    what: &str,
    path: &Path,
) {
    let sel_path = path.child("selector");
    let before = errs.len();
    match selector {
        None => errs.push(FieldError::required(&sel_path, "")),
        Some(sel) => {
            validate_label_selector(errs, sel, &sel_path);
            let n = sel.match_labels.as_ref().map_or(0, |m| m.len())
                + sel.match_expressions.as_ref().map_or(0, |e| e.len());
            if n == 0 {
                errs.push(FieldError::invalid(
                    &sel_path,
                    Value::Json(json_label_selector(Some(sel))),
                    &format!("empty selector is invalid for {what}"),
                ));
            }
        }
    }
    // A selector that validated also parses (`LabelSelectorAsSelector`); a nil one parses to
    // nothing, which `Empty()` is not.
    if errs.len() != before && selector.is_some() {
        return;
    }
    let template_path = path.child("template");
    let selects_everything = selector.is_some_and(|s| {
        s.match_labels.as_ref().is_none_or(|m| m.is_empty())
            && s.match_expressions.as_ref().is_none_or(|e| e.is_empty())
    });
    if !selects_everything && !selector_matches(selector, &template.metadata.labels) {
        errs.push(FieldError::invalid(
            &template_path.child("metadata").child("labels"),
            Value::Json(json_string_map(&template.metadata.labels)),
            "`selector` does not match template `labels`",
        ));
    }
    validate_pod_template_spec(errs, template, &template_path);
    let spec_path = template_path.child("spec");
    if template.spec.settings.restart_policy != "Always" {
        errs.push(FieldError::not_supported(
            &spec_path.child("restartPolicy"),
            Value::str(&template.spec.settings.restart_policy),
            &["Always"],
        ));
    }
    if template.spec.settings.active_deadline_seconds.is_some() {
        errs.push(FieldError::forbidden(
            &spec_path.child("activeDeadlineSeconds"),
            "activeDeadlineSeconds in ReplicaSet is not Supported",
        ));
    }
}

/// `ValidateDeploymentStrategy`.
fn validate_strategy(errs: &mut Errors, s: &DeploymentStrategy, path: &Path) {
    match s.type_.as_str() {
        RECREATE => {
            if s.rolling_update.is_some() {
                errs.push(FieldError::forbidden(
                    &path.child("rollingUpdate"),
                    "may not be specified when strategy `type` is 'Recreate'",
                ));
            }
        }
        ROLLING_UPDATE => match &s.rolling_update {
            None => errs.push(FieldError::required(
                &path.child("rollingUpdate"),
                "this should be defaulted and never be nil",
            )),
            Some(ru) => validate_rolling_update(errs, ru, &path.child("rollingUpdate")),
        },
        _ => errs.push(FieldError::not_supported(
            path,
            Value::Json(json_internal_strategy(s)),
            &[RECREATE, ROLLING_UPDATE],
        )),
    }
}

/// `ValidateRollingUpdateDeployment`.
fn validate_rolling_update(errs: &mut Errors, ru: &RollingUpdateDeployment, path: &Path) {
    let zero = IntOrString::Int(0);
    let max_unavailable = ru.max_unavailable.as_ref().unwrap_or(&zero);
    let max_surge = ru.max_surge.as_ref().unwrap_or(&zero);
    let mu_path = path.child("maxUnavailable");
    positive_int_or_percent(errs, max_unavailable, &mu_path);
    positive_int_or_percent(errs, max_surge, &path.child("maxSurge"));
    if int_or_percent_value(max_unavailable) == 0 && int_or_percent_value(max_surge) == 0 {
        errs.push(FieldError::invalid(
            &mu_path,
            Value::Json(json_int_or_string(max_unavailable)),
            "may not be 0 when `maxSurge` is 0",
        ));
    }
    not_more_than_100_percent(errs, max_unavailable, &mu_path);
}

/// The internal `apps.DeploymentStrategy` as `json.Marshal` writes it.
fn json_internal_strategy(s: &DeploymentStrategy) -> String {
    let ru = s
        .rolling_update
        .as_ref()
        .map(|ru| (ru.max_unavailable.as_ref(), ru.max_surge.as_ref()));
    super::daemonset::json_internal_rolling_strategy(&s.type_, ru)
}

#[cfg(test)]
mod tests {
    use crate::api::{ApiError, Deployment};
    use crate::validation::{
        set_defaults_deployment, set_defaults_replicaset, validate_deployment, validate_replicaset,
    };

    fn deployment(yaml: &str) -> Deployment {
        let text = format!("apiVersion: apps/v1\nkind: Deployment\n{yaml}");
        let Ok(mut objects) = crate::manifest::decode(&text) else {
            panic!("{text}")
        };
        let Some(crate::manifest::Object::Deployment(mut d)) = objects.pop() else {
            panic!("{text}")
        };
        d.metadata.namespace = "default".into();
        set_defaults_deployment(&mut d);
        d
    }

    fn causes(r: Result<(), ApiError>) -> Vec<String> {
        match r {
            Err(ApiError::Invalid { causes, .. }) => causes
                .into_iter()
                .map(|(f, m)| format!("{f}: {m}"))
                .collect(),
            other => panic!("{other:?}"),
        }
    }

    const WEB: &str = "metadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: nginx}]}\n";

    /// `ValidateDeploymentSpec` (pkg/apis/apps/validation): the selector must match the
    /// template's labels; replicas and revisionHistoryLimit are non-negative; the defaults
    /// (25% / 25%, RollingUpdate) validate.
    #[test]
    fn deployment_spec_rules_with_the_api_servers_messages() {
        assert_eq!(validate_deployment(&deployment(WEB), None), Ok(()));
        let mismatch = WEB.replace("labels: {app: web}", "labels: {app: other}");
        assert_eq!(
            causes(validate_deployment(&deployment(&mismatch), None)),
            [
                "spec.template.metadata.labels: Invalid value: {\"app\":\"other\"}: `selector` does not match template `labels`"
            ]
        );
        let mut negative = deployment(WEB);
        negative.spec.replicas = Some(-1);
        negative.spec.revision_history_limit = Some(-2);
        assert_eq!(
            causes(validate_deployment(&negative, None)),
            [
                "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                "spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0"
            ]
        );
    }

    /// `ValidateRollingUpdateDeployment` and the apps/v1 strategy's immutable selector.
    #[test]
    fn rolling_update_and_selector_immutability() {
        let zeros = WEB.replace(
            "spec:\n  selector",
            "spec:\n  strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 0}}\n  selector",
        );
        assert_eq!(
            causes(validate_deployment(&deployment(&zeros), None)),
            [
                "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0"
            ]
        );
        let old = deployment(WEB);
        let mut new = old.clone();
        new.spec
            .selector
            .as_mut()
            .unwrap()
            .match_labels
            .as_mut()
            .unwrap()
            .insert("tier".into(), "x".into());
        new.spec
            .template
            .metadata
            .labels
            .insert("tier".into(), "x".into());
        let c = causes(validate_deployment(&new, Some(&old)));
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(c[0].starts_with("spec.selector: Invalid value: "), "{c:?}");
        assert!(c[0].ends_with(": field is immutable"), "{c:?}");
    }

    /// `ValidateReplicaSetSpec`: an empty selector is invalid (upstream says "for deployment").
    #[test]
    fn replicaset_empty_selector() {
        let text = "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: r}\nspec:\n  selector: {}\n  template:\n    spec: {containers: [{name: c, image: nginx}]}\n";
        let Ok(mut objects) = crate::manifest::decode(text) else {
            panic!("{text}")
        };
        let Some(crate::manifest::Object::ReplicaSet(mut rs)) = objects.pop() else {
            panic!("{text}")
        };
        rs.metadata.namespace = "default".into();
        set_defaults_replicaset(&mut rs);
        let c = causes(validate_replicaset(&rs, None));
        assert!(
            c.contains(
                &"spec.selector: Invalid value: {}: empty selector is invalid for deployment"
                    .to_string()
            ),
            "{c:?}"
        );
    }
}

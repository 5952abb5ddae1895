//! Every problem of a manifest with its line and column, for the editor's markers: YAML and
//! decoding errors, and the API server's validation errors of each object (after defaulting, as
//! `kubectl apply` would meet them on create).

use super::locate::locate;
use super::{LocatedObject, Object, read};
use crate::api::ApiError;
use crate::validation;

/// One problem: the 1-based line and column of the key or value concerned, and a message (for
/// validation errors, the cause as kubectl prints it: `<field>: <message>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestProblem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The problems of `text` read as `kubectl apply -f -` reads it, in the order kubectl meets
/// them. Empty when it would apply cleanly (as a create).
pub fn problems(text: &str) -> Vec<ManifestProblem> {
    let mut out = Vec::new();
    let stop = read(text, &mut |item| match item {
        Ok(located) => out.extend(validation_problems(&located)),
        Err(e) => out.extend(e.problems("STDIN")),
    });
    if let Some(e) = stop {
        out.extend(e.problems("STDIN"));
    }
    out
}

pub(super) fn validation_problems(located: &LocatedObject) -> Vec<ManifestProblem> {
    let result = match &located.object {
        Object::DaemonSet(ds) => {
            let mut ds = ds.clone();
            if ds.metadata.namespace.is_empty() {
                ds.metadata.namespace = "default".into();
            }
            validation::set_defaults_daemonset(&mut ds);
            validation::validate_daemonset(&ds)
        }
        Object::Deployment(d) => {
            let mut d = d.clone();
            validation::set_defaults_deployment(&mut d);
            validation::validate_deployment(&d, None)
        }
        Object::ReplicaSet(rs) => {
            let mut rs = rs.clone();
            validation::set_defaults_replicaset(&mut rs);
            validation::validate_replicaset(&rs, None)
        }
        Object::Node(node) => validation::validate_node(node),
    };
    let Err(ApiError::Invalid { causes, .. }) = result else {
        return Vec::new();
    };
    causes
        .into_iter()
        .map(|(field, message)| {
            // ValidateNode names taints under `metadata` (as Kubernetes does); they are written
            // under `spec`.
            let written = match (&located.object, field.strip_prefix("metadata.taints")) {
                (Object::Node(_), Some(rest)) => format!("spec.taints{rest}"),
                _ => field.clone(),
            };
            let at = locate(&located.pos, &written).below(located.offset);
            ManifestProblem {
                line: at.line.max(1),
                column: at.column.max(1),
                message: format!("{field}: {message}"),
            }
        })
        .collect()
}

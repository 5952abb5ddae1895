//! `kubectl scale` (kubectl `pkg/cmd/scale/scale.go`): a new `spec.replicas` for Deployments and
//! ReplicaSets through their scale subresource, with the `--current-replicas` precondition;
//! `deployment.apps/NAME scaled` for each.

mod parse;
pub(super) use parse::parse;

use super::get::not_found;
use super::objects::{Objects, report, visit_list};
use super::resource::{ResourceKind, kind_string};
use super::{Context, KError, NamespaceScope, Out};

/// The options of `kubectl scale` (kubectl's `ScaleOptions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleOptions {
    /// Deployment or ReplicaSet.
    pub kind: ResourceKind,
    /// Names, or a selector (`--all` is the empty one).
    pub objects: Objects,
    /// `--replicas`.
    pub replicas: i64,
    /// `--current-replicas` (-1: no precondition).
    pub current_replicas: i64,
    /// `-n` / `-A`.
    pub namespace: NamespaceScope,
}

/// The replicas an object has now (`spec.replicas`).
fn current(ctx: &Context<'_>, kind: ResourceKind, key: &crate::api::ObjectKey) -> Option<i64> {
    let store = ctx.cluster.store();
    match kind {
        ResourceKind::Deployment => store.deployment(key).map(|d| d.replicas()),
        ResourceKind::ReplicaSet => store.replicaset(key).map(|r| r.replicas()),
        _ => None,
    }
}

fn scale_one(
    ctx: &mut Context<'_>,
    o: &ScaleOptions,
    namespace: &str,
    name: &str,
) -> Result<(), KError> {
    let key = crate::api::ObjectKey::new(namespace, name);
    let Some(now) = current(ctx, o.kind, &key) else {
        return Err(not_found(o.kind, name));
    };
    if o.current_replicas >= 0 && o.current_replicas != now {
        return Err(KError::plain(format!(
            "Expected replicas to be {}, was {now}",
            o.current_replicas
        )));
    }
    let replicas = Some(o.replicas);
    let cluster = &mut *ctx.cluster;
    let result = match o.kind {
        ResourceKind::Deployment => {
            cluster.update_deployment(namespace, name, |d| d.spec.replicas = replicas)
        }
        _ => cluster.update_replicaset(namespace, name, |r| r.spec.replicas = replicas),
    };
    result.map(|_| ()).map_err(KError::api)
}

pub(super) fn run(ctx: &mut Context<'_>, o: &ScaleOptions, out: &mut Out) {
    let (targets, missing) = match visit_list(ctx.cluster, o.kind, &o.objects, &o.namespace) {
        Ok(v) => v,
        Err(e) => {
            out.error(e);
            return;
        }
    };
    let mut failed = Vec::new();
    for (namespace, name) in targets {
        match scale_one(ctx, o, &namespace, &name) {
            Ok(()) => out.line(format!("{}/{name} scaled", kind_string(o.kind))),
            Err(e) => failed.push(vec![e]),
        }
    }
    failed.extend(missing.into_iter().map(|e| vec![e]));
    report(out, failed);
}

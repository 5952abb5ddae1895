//! `kubectl cordon` / `uncordon` (kubectl `pkg/cmd/drain/drain.go` `RunCordonOrUncordon`,
//! `pkg/drain/cordon.go`): `node/NAME cordoned`, `node/NAME already cordoned`, and the same for
//! uncordon. Cordoning sets `spec.unschedulable`; the node lifecycle controller adds the
//! `node.kubernetes.io/unschedulable:NoSchedule` taint.

mod parse;
pub(super) use parse::{one_node, parse};

use super::{Context, KError, Out};
use crate::api::ApiError;

/// The options of `kubectl cordon` and `kubectl uncordon` (kubectl's `DrainCmdOptions`, of which
/// they read only the node).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CordonOptions {
    /// The node.
    pub node: String,
}

/// Cordons (`desired`) or uncordons `node`.
pub(super) fn run(ctx: &mut Context<'_>, node: &str, desired: bool, out: &mut Out) {
    let Some(current) = ctx.cluster.store().node(node).map(|n| n.spec.unschedulable) else {
        out.error(KError::api(ApiError::not_found("nodes", node)));
        return;
    };
    let verb = if desired { "cordoned" } else { "uncordoned" };
    if current == desired {
        out.line(format!("node/{node} already {verb}"));
        return;
    }
    match ctx
        .cluster
        .update_node(node, |n| n.spec.unschedulable = desired)
    {
        Ok(_) => out.line(format!("node/{node} {verb}")),
        Err(e) => {
            out.failed = true;
            out.line(format!(
                "error: unable to {} node \"{node}\": {}",
                &verb[..verb.len() - 2],
                e
            ));
        }
    }
}

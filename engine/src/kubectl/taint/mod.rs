//! `kubectl taint node` (kubectl `pkg/cmd/taint/taint.go`, `utils.go`) of the nodes named or
//! selected (`-l`, `--all`): the new taints first, then each node's other taints;
//! `node/NAME tainted|untainted|modified` per node; kubectl's errors for an
//! existing key/effect without `--overwrite` and for removing a taint the node does not have.
//! A NoExecute taint gets `timeAdded`, which the taint-eviction controller counts from.

mod parse;
mod reorganize;
pub(super) use parse::parse;

use super::NamespaceScope;
use super::objects::{Objects, report, visit_list};
use super::resource::ResourceKind;
use super::{Context, KError, Out};
use crate::api::Taint;
use reorganize::Reorganized;

/// The options of `kubectl taint` (kubectl's `TaintOptions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaintOptions {
    /// The nodes: names, or a selector (`-l`, `--all`).
    pub nodes: Objects,
    /// The changes: additions first, then removals, each in command-line order.
    pub changes: Vec<TaintChange>,
    /// `--overwrite`.
    pub overwrite: bool,
}

/// One change of `kubectl taint`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaintChange {
    /// `key[=value]:effect`.
    Add {
        /// The taint key (a qualified name).
        key: String,
        /// The value; `None` when absent or empty (Kubernetes does not distinguish them).
        value: Option<String>,
        /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
        effect: String,
    },
    /// `key-` or `key:effect-`.
    Remove {
        /// The taint key.
        key: String,
        /// The effect, when given: only that taint is removed; otherwise every taint with the
        /// key.
        effect: Option<String>,
    },
}

/// `Taint.ToString` of a taint to remove (key and effect only).
fn removal_string(key: &str, effect: Option<&str>) -> String {
    match effect {
        Some(e) if !e.is_empty() => format!("{key}:{e}"),
        _ => key.to_string(),
    }
}

/// The argument of `kubectl taint node NAME ARG` that removes `taint`: `key[:effect]-`, by key
/// and effect (the value is not part of it). The page's Untaint runs it.
pub fn removal_argument(taint: &Taint) -> String {
    format!("{}-", removal_string(&taint.key, Some(&taint.effect)))
}

pub(super) fn run(ctx: &mut Context<'_>, o: &TaintOptions, out: &mut Out) {
    let scope = NamespaceScope::Default;
    let (nodes, missing) = match visit_list(ctx.cluster, ResourceKind::Node, &o.nodes, &scope) {
        Ok(found) => found,
        Err(e) => {
            out.error(e);
            return;
        }
    };
    let mut failed: Vec<Vec<KError>> = Vec::new();
    for (_, node) in &nodes {
        if let Err(errs) = taint_one(ctx, o, node, out) {
            failed.push(errs);
        }
    }
    failed.extend(missing.into_iter().map(|e| vec![e]));
    report(out, failed);
}

/// Taints one node, printing its line; its errors otherwise.
fn taint_one(
    ctx: &mut Context<'_>,
    o: &TaintOptions,
    node: &str,
    out: &mut Out,
) -> Result<(), Vec<KError>> {
    let (changes, overwrite) = (&o.changes, o.overwrite);
    let Some(old) = ctx
        .cluster
        .store()
        .node(node)
        .map(|n| n.spec.taints.clone())
    else {
        return Err(vec![super::get::not_found(ResourceKind::Node, node)]);
    };
    let now = ctx.cluster.now();
    let mut to_add: Vec<Taint> = Vec::new();
    let mut to_remove: Vec<(String, Option<String>)> = Vec::new();
    for change in changes {
        match change {
            TaintChange::Add { key, value, effect } => {
                let mut t = Taint::new(key, value.as_deref().unwrap_or(""), effect);
                if effect == "NoExecute" {
                    t.time_added = Some(now);
                }
                to_add.push(t);
            }
            TaintChange::Remove { key, effect } => to_remove.push((key.clone(), effect.clone())),
        }
    }
    if !overwrite {
        let old_pairs = reorganize::pairs(&old);
        let existing: Vec<&str> = to_add
            .iter()
            .filter(|t| reorganize::find(&old_pairs, &t.key, &t.effect).is_some())
            .map(|t| t.key.as_str())
            .collect();
        if !existing.is_empty() {
            return Err(vec![KError::plain(format!(
                "node {node} already has {} taint(s) with same effect(s) and --overwrite is false",
                existing.join(",")
            ))]);
        }
    }
    let Reorganized {
        taints,
        added,
        deleted,
    } = reorganize::reorganize(&old, &to_add, &to_remove)
        .map_err(|errors| errors.into_iter().map(KError::plain).collect::<Vec<_>>())?;
    let operation = if (added && deleted) || overwrite {
        "modified"
    } else if added {
        "tainted"
    } else {
        "untainted"
    };
    ctx.cluster
        .update_node(node, |n| n.spec.taints = taints)
        .map_err(|e| vec![KError::api(e)])?;
    out.line(format!("node/{node} {operation}"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::removal_argument;
    use crate::api::Taint;

    #[test]
    fn removal_names_key_and_effect() {
        let removal = |k, v, e| removal_argument(&Taint::new(k, v, e));
        assert_eq!(
            removal("dedicated", "x", "NoExecute"),
            "dedicated:NoExecute-"
        );
        assert_eq!(removal("gpu", "", "NoSchedule"), "gpu:NoSchedule-");
        assert_eq!(removal("gpu", "", ""), "gpu-");
    }
}

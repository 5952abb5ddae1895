//! `kubectl drain NODE` (kubectl `pkg/cmd/drain/drain.go` `RunDrain`, `pkg/drain/filters.go`,
//! `pkg/drain/drain.go` `evictPods`): cordon, sort the node's pods through kubectl's filters
//! (deleted → DaemonSet → mirror → local storage → unreplicated), refuse or warn, then evict
//! the rest and wait for them to go, advancing the virtual clock by kubectl's 1 s polls.

mod parse;
pub(super) use parse::parse;

use super::{Context, Out};
use crate::api::{ObjectKey, Pod, phase};
use crate::cluster::Cluster;
use std::time::Duration;

const DAEMONSET_FATAL: &str = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
const DAEMONSET_WARNING: &str = "ignoring DaemonSet-managed Pods";
const LOCAL_STORAGE_FATAL: &str =
    "Pods with local storage (use --delete-emptydir-data to override)";
const LOCAL_STORAGE_WARNING: &str = "deleting Pods with local storage";
const UNMANAGED_FATAL: &str = "Pods that declare no controller (use --force to override)";
const UNMANAGED_WARNING: &str = "deleting Pods that declare no controller";
const MIRROR_ANNOTATION: &str = "kubernetes.io/config.mirror";

/// Without `--timeout` kubectl waits for ever; the simulator stops waiting after an hour of
/// virtual time so that a pod that never goes cannot hang a scenario.
const WAIT_FOREVER_CAP: Duration = Duration::from_secs(3600);

/// How long `wait_for_delete` polls second by second.
const POLL_FOR_MS: i64 = 3_600_000;

/// The options of `kubectl drain` (kubectl's `DrainCmdOptions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrainOptions {
    /// The node.
    pub node: String,
    /// `--ignore-daemonsets`.
    pub ignore_daemonsets: bool,
    /// `--force`.
    pub force: bool,
    /// `--delete-emptydir-data` (or the legacy `--delete-local-data`).
    pub delete_emptydir_data: bool,
    /// `--grace-period`; `None` when absent or negative (each pod's own period applies).
    pub grace_period: Option<i64>,
    /// `--timeout`; `None` when absent or zero (wait forever).
    pub timeout: Option<Duration>,
}

/// A filter's verdict on one pod (`PodDeleteStatus`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    Delete,
    Skip,
    Warn { delete: bool, message: String },
    Error(String),
}

impl Verdict {
    fn deletes(&self) -> bool {
        matches!(self, Verdict::Delete | Verdict::Warn { delete: true, .. })
    }
}

fn finished(pod: &Pod) -> bool {
    pod.status.phase == phase::SUCCEEDED || pod.status.phase == phase::FAILED
}

fn has_local_storage(pod: &Pod) -> bool {
    pod.spec
        .settings
        .extra
        .get("volumes")
        .and_then(|v| v.as_array())
        .is_some_and(|vs| vs.iter().any(|v| v.get("emptyDir").is_some()))
}

/// Runs kubectl's filters in order; the first that does not allow deletion decides.
pub(crate) fn verdict(cluster: &Cluster, pod: &Pod, a: &DrainOptions) -> Verdict {
    let controller = pod.metadata.controller_ref();
    let daemonset = |pod: &Pod| -> Verdict {
        let Some(r) = controller.filter(|r| r.kind == "DaemonSet" && r.api_version == "apps/v1")
        else {
            return Verdict::Delete;
        };
        if finished(pod) {
            return Verdict::Delete;
        }
        let key = ObjectKey::new(&pod.metadata.namespace, &r.name);
        if cluster.store().daemonset(&key).is_none() {
            let err = format!("daemonsets.apps {} not found", crate::gofmt::quote(&r.name));
            return if a.force {
                Verdict::Warn {
                    delete: true,
                    message: err,
                }
            } else {
                Verdict::Error(err)
            };
        }
        if a.ignore_daemonsets {
            Verdict::Warn {
                delete: false,
                message: DAEMONSET_WARNING.into(),
            }
        } else {
            Verdict::Error(DAEMONSET_FATAL.into())
        }
    };
    let mirror = |pod: &Pod| {
        if pod.metadata.annotations.contains_key(MIRROR_ANNOTATION) {
            Verdict::Skip
        } else {
            Verdict::Delete
        }
    };
    let local_storage = |pod: &Pod| {
        if !has_local_storage(pod) || finished(pod) {
            Verdict::Delete
        } else if a.delete_emptydir_data {
            Verdict::Warn {
                delete: true,
                message: LOCAL_STORAGE_WARNING.into(),
            }
        } else {
            Verdict::Error(LOCAL_STORAGE_FATAL.into())
        }
    };
    let unreplicated = |pod: &Pod| {
        if finished(pod) || controller.is_some() {
            Verdict::Delete
        } else if a.force {
            Verdict::Warn {
                delete: true,
                message: UNMANAGED_WARNING.into(),
            }
        } else {
            Verdict::Error(UNMANAGED_FATAL.into())
        }
    };
    let filters: [&dyn Fn(&Pod) -> Verdict; 4] =
        [&daemonset, &mirror, &local_storage, &unreplicated];
    let mut last = Verdict::Delete;
    for f in filters {
        last = f(pod);
        if !last.deletes() {
            break;
        }
    }
    last
}

/// Groups `ns/name` by message in order of first appearance (kubectl uses a Go map, whose order
/// is random; a stable order keeps transcripts reproducible).
fn grouped<'a>(items: impl Iterator<Item = (&'a str, String)>) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for (msg, pod) in items {
        match groups.iter_mut().find(|(m, _)| m == msg) {
            Some((_, pods)) => pods.push(pod),
            None => groups.push((msg.to_string(), vec![pod])),
        }
    }
    groups
}

/// The node's pods with their verdicts (`GetPodsForDeletion`), in the order the API lists them.
pub(crate) fn pods_for_deletion(
    cluster: &Cluster,
    node: &str,
    a: &DrainOptions,
) -> Vec<(ObjectKey, Verdict)> {
    cluster
        .store()
        .pods()
        .iter()
        .filter(|(_, p)| p.spec.node_name == node)
        .map(|(k, p)| (k.clone(), verdict(cluster, p, a)))
        .collect()
}

fn ns_name(k: &ObjectKey) -> String {
    format!("{}/{}", k.namespace, k.name)
}

pub(super) fn run(ctx: &mut Context<'_>, a: &DrainOptions, out: &mut Out) {
    let node = a.node.as_str();
    super::cordon::run(ctx, node, true, out);
    if out.failed {
        return;
    }
    let list = pods_for_deletion(ctx.cluster, node, a);
    let errors: Vec<String> = grouped(list.iter().filter_map(|(k, v)| match v {
        Verdict::Error(m) => Some((m.as_str(), ns_name(k))),
        _ => None,
    }))
    .into_iter()
    .map(|(m, pods)| format!("cannot delete {m}: {}", pods.join(", ")))
    .collect();
    if !errors.is_empty() {
        fail(out, node, &errors);
        return;
    }
    let warnings: Vec<String> = grouped(list.iter().filter_map(|(k, v)| match v {
        Verdict::Warn { message, .. } => Some((message.as_str(), ns_name(k))),
        _ => None,
    }))
    .into_iter()
    .map(|(m, pods)| format!("{m}: {}", pods.join(", ")))
    .collect();
    if !warnings.is_empty() {
        out.line(format!("Warning: {}", warnings.join("; ")));
    }
    let evict: Vec<(ObjectKey, String)> = list
        .iter()
        .filter(|(_, v)| v.deletes())
        .filter_map(|(k, _)| {
            let uid = ctx.cluster.store().pod(k)?.metadata.uid.to_string();
            Some((k.clone(), uid))
        })
        .collect();
    for (k, _) in &evict {
        out.line(format!("evicting pod {}", ns_name(k)));
    }
    for (k, _) in &evict {
        // Eviction is a graceful delete; the pod may already be gone.
        let _ = ctx
            .cluster
            .delete_pod(&k.namespace, &k.name, a.grace_period, false, true);
    }
    let pending = wait_for_delete(ctx.cluster, &evict, a.timeout, out);
    if pending.is_empty() {
        out.line(format!("node/{node} drained"));
        return;
    }
    let limit = a.timeout.unwrap_or(WAIT_FOREVER_CAP);
    let errs: Vec<String> = pending
        .iter()
        .map(|k| {
            format!(
                "error when waiting for pod {} in namespace {} to terminate: global timeout reached: {}",
                crate::gofmt::quote(&k.name),
                crate::gofmt::quote(&k.namespace),
                crate::gofmt::go_duration(limit.as_millis() as i64)
            )
        })
        .collect();
    let summary = if let [one] = errs.as_slice() {
        one.clone()
    } else {
        format!("[{}]", errs.join(", "))
    };
    out.line(format!(
        "There are pending pods in node {} when an error occurred: {summary}",
        crate::gofmt::quote(node)
    ));
    for k in &pending {
        out.line(format!("pod/{}", k.name));
    }
    fail(out, node, &errs);
}

/// Polls every second until each evicted pod is gone (or replaced by a pod with another UID),
/// printing `pod/NAME evicted`; returns the pods still there when the time is up.
fn wait_for_delete(
    cluster: &mut Cluster,
    pods: &[(ObjectKey, String)],
    timeout: Option<Duration>,
    out: &mut Out,
) -> Vec<ObjectKey> {
    let limit = i64::try_from(timeout.unwrap_or(WAIT_FOREVER_CAP).as_millis()).unwrap_or(i64::MAX);
    let mut waited = 0i64;
    let mut pending: Vec<&(ObjectKey, String)> = pods.iter().collect();
    loop {
        pending.retain(|(k, uid)| {
            let there = cluster
                .store()
                .pod(k)
                .is_some_and(|p| &p.metadata.uid == uid);
            if !there {
                out.line(format!("pod/{} evicted", k.name));
            }
            there
        });
        if pending.is_empty() || waited >= limit {
            return pending.into_iter().map(|(k, _)| k.clone()).collect();
        }
        // Poll each second for the first hour; a pod still there after that is stuck (its node
        // is gone or unreachable), so the rest of a longer --timeout passes in one step.
        let step = if waited < POLL_FOR_MS {
            1000.min(limit - waited)
        } else {
            limit - waited
        };
        cluster.advance(step);
        if cluster.stopped().is_some() {
            return pending.into_iter().map(|(k, _)| k.clone()).collect();
        }
        waited += step;
    }
}

/// kubectl's report for a node it could not drain; the last lines are `checkErr` of the
/// aggregate, one error a line, without the `error: ` prefix.
fn fail(out: &mut Out, node: &str, errors: &[String]) {
    let joined = if let [one] = errors {
        one.clone()
    } else {
        format!("[{}]", errors.join(", "))
    };
    out.line(format!(
        "error: unable to drain node {} due to error: {joined}, continuing command...",
        crate::gofmt::quote(node)
    ));
    out.line("There are pending nodes to be drained:");
    out.line(format!(" {node}"));
    for e in errors {
        out.line(e);
    }
    out.failed = true;
}

#[cfg(test)]
mod tests;

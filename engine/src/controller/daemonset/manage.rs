//! `podsShouldBeOnNode` (spec §7): what to create and delete on one node.

use super::pod_order;
use crate::api::{DaemonSet, Pod, Time, WARNING, keys, phase};
use crate::controller::daemonset::backoff::Backoff;
use crate::placement::ShouldRun;
use crate::state::World;
use crate::state::events::reference;
use std::rc::Rc;

/// The outcome for one node.
#[derive(Debug, Default)]
pub struct NodeActions {
    pub create: bool,
    pub delete: Vec<Rc<Pod>>,
    /// A failed pod is waiting out its backoff: sync again at this time.
    pub requeue_at: Option<Time>,
}

pub fn pods_should_be_on_node(
    w: &mut World,
    backoff: &mut Backoff,
    ds: &DaemonSet,
    node: &str,
    should: ShouldRun,
    pods: Option<&Vec<Rc<Pod>>>,
    hash: &str,
) -> NodeActions {
    let mut out = NodeActions::default();
    let now = w.clock.now();
    match pods {
        None if should.should_run => out.create = true,
        None => {}
        Some(pods) if should.should_continue_running => {
            let mut running: Vec<&Rc<Pod>> = Vec::new();
            for p in pods {
                if p.metadata.is_being_deleted() {
                    continue; // terminating: neither deleted again nor counted as running
                }
                if p.status.phase == phase::FAILED {
                    let key = format!(
                        "{}/{}/{}",
                        ds.metadata.uid, ds.status.observed_generation, node
                    );
                    if backoff.in_backoff(&key, now) {
                        out.requeue_at = backoff.ends_at(&key);
                        continue;
                    }
                    backoff.next(&key, now);
                    let msg = format!(
                        "Found failed daemon pod {}/{} on node {}, will try to kill it",
                        p.metadata.namespace,
                        p.name(),
                        node
                    );
                    event(w, ds, WARNING, "FailedDaemonPod", msg);
                    out.delete.push(p.clone());
                } else if p.status.phase == phase::SUCCEEDED {
                    let msg = format!(
                        "Found succeeded daemon pod {}/{} on node {}, will try to delete it",
                        p.metadata.namespace,
                        p.name(),
                        node
                    );
                    event(w, ds, crate::api::NORMAL, "SucceededDaemonPod", msg);
                    out.delete.push(p.clone());
                } else {
                    running.push(p);
                }
            }
            if !ds.allows_surge() {
                if running.len() > 1 {
                    crate::sort::sort_by(&mut running, |a, b| pod_order::compare(a, b));
                    out.delete.extend(running[1..].iter().map(|p| Rc::clone(p)));
                }
                return out; // never creates here, even when nothing is running
            }
            if running.len() <= 1 {
                out.create = running.is_empty() && should.should_run;
                return out;
            }
            crate::sort::sort_by(&mut running, |a, b| pod_order::compare(a, b));
            let is_new = |p: &Pod| {
                p.metadata
                    .labels
                    .get(keys::CONTROLLER_REVISION_HASH)
                    .map(String::as_str)
                    == Some(hash)
            };
            let oldest_new = running.iter().position(|p| is_new(p));
            let oldest_old = running.iter().position(|p| !is_new(p));
            for (i, p) in running.iter().enumerate() {
                if Some(i) != oldest_new && Some(i) != oldest_old {
                    out.delete.push(Rc::clone(p));
                }
            }
            if let (Some(n), Some(o)) = (oldest_new, oldest_old) {
                let old = running[o];
                if !old.is_ready() || running[n].is_available(ds.spec.min_ready_seconds, now) {
                    out.delete.push(Rc::clone(old));
                }
            }
        }
        Some(pods) => {
            // shouldContinueRunning is false: every pod goes, failed and succeeded ones too.
            out.delete.extend(
                pods.iter()
                    .filter(|p| !p.metadata.is_being_deleted())
                    .cloned(),
            );
        }
    }
    out
}

pub fn event(w: &mut World, ds: &DaemonSet, type_: &str, reason: &str, message: String) {
    let now = w.clock.now();
    w.recorder.record(
        now,
        reference("DaemonSet", "apps/v1", &ds.metadata),
        type_,
        reason,
        message,
        crate::state::events::source("daemonset-controller", ""),
    );
}

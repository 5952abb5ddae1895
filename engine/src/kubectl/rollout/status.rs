//! `kubectl rollout status ds/NAME [--timeout=D] [--watch=false]`: kubectl's
//! `DaemonSetStatusViewer` (spec §11.2) driven by a watch on the DaemonSet.
//!
//! kubectl prints the viewer's line for the object as first listed, then again for every
//! `Modified` event, until the rollout is done, `--watch=false`, or the timeout passes
//! (`error: timed out waiting for the condition`). Here the watch advances the virtual clock from
//! one timer that can change something to the next and prints a line at each instant where the
//! DaemonSet changed (several writes within one instant show as one event: a simplification).
//! Without a timeout kubectl would wait forever on a stuck rollout; the simulator stops once
//! nothing is left to happen (or after `MAX_WATCH_MILLIS`) and says so, as a failed command. A
//! timeout longer than that cap counts as none.

use super::get_daemonset;
use crate::api::{DaemonSet, ObjectKey, ROLLING_UPDATE};
use crate::kubectl::cmdutil::namespace_of;
use crate::kubectl::{Context, KError, NamespaceScope, Out};
use std::time::Duration;

/// The options of `kubectl rollout status` (kubectl's `RolloutStatusOptions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusOptions {
    /// The DaemonSet.
    pub name: String,
    /// `--timeout`; `None` when absent or zero (no limit).
    pub timeout: Option<Duration>,
    /// `--watch` (default true).
    pub watch: bool,
    /// `-n`.
    pub namespace: NamespaceScope,
}

/// The longest a watch without `--timeout` runs the virtual clock: one day.
pub(crate) const MAX_WATCH_MILLIS: i64 = 24 * 3600 * 1000;

/// `DaemonSetStatusViewer.Status`: the line to print and whether the rollout is done, or the
/// error for a DaemonSet that is not rolled out by RollingUpdate.
pub(crate) fn status_line(ds: &DaemonSet) -> Result<(String, bool), String> {
    if ds.spec.update_strategy.type_ != ROLLING_UPDATE {
        return Err(format!(
            "rollout status is only available for {ROLLING_UPDATE} strategy type"
        ));
    }
    let s = &ds.status;
    if ds.metadata.more.generation > s.observed_generation {
        return Ok((
            "Waiting for daemon set spec update to be observed...\n".into(),
            false,
        ));
    }
    let name = crate::gofmt::quote(ds.name());
    let (desired, updated, available) = (
        s.desired_number_scheduled,
        s.updated_number_scheduled,
        s.number_available,
    );
    Ok(if updated < desired {
        (
            format!(
                "Waiting for daemon set {name} rollout to finish: {updated} out of {desired} new pods have been updated...\n"
            ),
            false,
        )
    } else if available < desired {
        (
            format!(
                "Waiting for daemon set {name} rollout to finish: {available} of {desired} updated pods are available...\n"
            ),
            false,
        )
    } else {
        (format!("daemon set {name} successfully rolled out\n"), true)
    })
}

/// Prints the viewer's line for `ds`; Some(finished) when the watch ends here.
fn show(ds: &DaemonSet, watch: bool, out: &mut Out) -> Option<()> {
    match status_line(ds) {
        Err(e) => {
            out.error(KError::plain(e));
            Some(())
        }
        Ok((line, done)) => {
            out.push(&line);
            (done || !watch).then_some(())
        }
    }
}

pub(super) fn run(ctx: &mut Context<'_>, o: &StatusOptions, out: &mut Out) {
    let namespace = namespace_of(&o.namespace);
    let (namespace, name, timeout, watch) =
        (namespace.as_str(), o.name.as_str(), o.timeout, o.watch);
    let ds = match get_daemonset(ctx.cluster, namespace, name) {
        Ok(ds) => ds,
        Err(e) => return out.error(e),
    };
    if show(&ds, watch, out).is_some() {
        return;
    }
    let key = ObjectKey::new(namespace, name);
    let mut seen = ds.metadata.resource_version.clone();
    let start = ctx.cluster.now();
    let cap = start.plus_millis(MAX_WATCH_MILLIS);
    let deadline = timeout
        .map(|t| start.plus_millis(i64::try_from(t.as_millis()).unwrap_or(i64::MAX)))
        .filter(|d| *d <= cap);
    let stop = deadline.unwrap_or(cap);
    loop {
        let now = ctx.cluster.now();
        let next = ctx.cluster.next_busy_wake();
        let Some(at) = next.filter(|at| *at <= stop) else {
            // Nothing can change before the watch ends.
            if deadline.is_some() {
                ctx.cluster.advance(stop.millis() - now.millis());
                out.error(KError::plain("timed out waiting for the condition"));
                return;
            }
            let why = if next.is_none() {
                "nothing is left to happen in the cluster"
            } else {
                ctx.cluster.advance(stop.millis() - now.millis());
                "the simulator watches for at most a day of virtual time"
            };
            let at = crate::gofmt::go_duration(ctx.cluster.elapsed_millis());
            out.line(format!(
                "dsplay: the rollout has not finished and kubectl would go on waiting; stopped watching at {at}: {why}"
            ));
            out.failed = true;
            return;
        };
        ctx.cluster
            .advance(at.millis().saturating_sub(now.millis()).max(0));
        if ctx.cluster.stopped().is_some() {
            return; // the runner says why
        }
        let Some(ds) = ctx.cluster.store().daemonset(&key).cloned() else {
            return out.error(KError::plain("object has been deleted"));
        };
        if ds.metadata.resource_version != seen {
            seen = ds.metadata.resource_version.clone();
            if show(&ds, watch, out).is_some() {
                return;
            }
        }
    }
}

/// `DeploymentStatusViewer.Status`: the line to print and whether the rollout is done.
pub(crate) fn deployment_status_line(d: &crate::api::Deployment) -> (String, bool) {
    let name = crate::gofmt::quote(&d.metadata.name);
    let st = &d.status;
    if d.metadata.more.generation > st.observed_generation {
        return (
            "Waiting for deployment spec update to be observed...\n".into(),
            false,
        );
    }
    let waiting = |what: String| {
        (
            format!("Waiting for deployment {name} rollout to finish: {what}...\n"),
            false,
        )
    };
    if st.updated_replicas < d.replicas() {
        return waiting(format!(
            "{} out of {} new replicas have been updated",
            st.updated_replicas,
            d.replicas()
        ));
    }
    if st.replicas > st.updated_replicas {
        return waiting(format!(
            "{} old replicas are pending termination",
            st.replicas - st.updated_replicas
        ));
    }
    if st.available_replicas < st.updated_replicas {
        return waiting(format!(
            "{} of {} updated replicas are available",
            st.available_replicas, st.updated_replicas
        ));
    }
    (format!("deployment {name} successfully rolled out\n"), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// C72 TestDaemonSetStatusViewerStatus: the four cases of the upstream table.
    fn ds(generation: i64, observed: i64, updated: i64, desired: i64, available: i64) -> DaemonSet {
        let mut ds = DaemonSet::default();
        ds.metadata.name = "foo".into();
        ds.metadata.more.generation = generation;
        ds.spec.update_strategy.type_ = ROLLING_UPDATE.into();
        ds.status.observed_generation = observed;
        ds.status.updated_number_scheduled = updated;
        ds.status.desired_number_scheduled = desired;
        ds.status.number_available = available;
        ds
    }

    #[test]
    fn l72_daemonset_status_viewer_status() {
        assert_eq!(
            status_line(&ds(0, 1, 0, 1, 0)).unwrap(),
            (
                "Waiting for daemon set \"foo\" rollout to finish: 0 out of 1 new pods have been updated...\n".into(),
                false
            )
        );
        assert_eq!(
            status_line(&ds(1, 1, 2, 2, 1)).unwrap(),
            (
                "Waiting for daemon set \"foo\" rollout to finish: 1 of 2 updated pods are available...\n".into(),
                false
            )
        );
        assert_eq!(
            status_line(&ds(1, 1, 2, 2, 2)).unwrap(),
            ("daemon set \"foo\" successfully rolled out\n".into(), true)
        );
        assert_eq!(
            status_line(&ds(2, 1, 2, 2, 2)).unwrap(),
            (
                "Waiting for daemon set spec update to be observed...\n".into(),
                false
            )
        );
    }

    /// C73 TestDaemonSetStatusViewerStatusWithWrongUpdateStrategyType.
    #[test]
    fn l73_status_viewer_refuses_on_delete() {
        let mut d = ds(1, 1, 1, 1, 1);
        d.spec.update_strategy.type_ = crate::api::ON_DELETE.into();
        assert_eq!(
            status_line(&d).unwrap_err(),
            "rollout status is only available for RollingUpdate strategy type"
        );
    }
}

//! Questions the web app asks about the cluster, answered by the engine so that the page only
//! lays the answers out: why a DaemonSet does (not) run a pod on a node, a DaemonSet's
//! revisions and their images, where a rollout is and what it waits for, what a node's pods
//! request of it. (How kubectl removes a taint
//! is kubectl's own: `kubectl::taint::removal_argument`.)
//!
//! Read-only over a [`Cluster`], through its public accessors ([`Cluster::store`], ...). The
//! words kubectl prints for an object (its STATUS and ROLES columns) are not answered here: the
//! page calls kubectl's printers for them, so that a card says exactly what `kubectl get` says.

pub mod explain;
mod revisions;
pub mod rollout;
mod usage;

pub use explain::{SlotExplanation, explain};
pub use revisions::{Revision, RevisionNumbers, daemonset_revisions, template_images};
pub use rollout::{NodeProgress, Rollout, RolloutCache, rollout};
pub use usage::{Usage, node_usage};

use crate::api::{DaemonSet, Pod};
use crate::cluster::Cluster;

/// The pods on `node` (bound or pinned there) that `ds` controls.
pub fn daemon_pods_on_node<'a>(
    cluster: &'a Cluster,
    ds: &'a DaemonSet,
    node: &str,
) -> impl Iterator<Item = &'a Pod> {
    cluster.store().pods_on_node(node).filter(|p| {
        p.metadata
            .controller_ref()
            .is_some_and(|r| r.uid == ds.metadata.uid)
    })
}

/// The DaemonSets that control no pod on `node`: the node's empty slots.
pub fn daemonsets_without_pod<'a>(
    cluster: &'a Cluster,
    node: &'a str,
) -> impl Iterator<Item = &'a DaemonSet> {
    cluster
        .store()
        .daemonsets()
        .values()
        .map(|ds| &**ds)
        .filter(move |ds| daemon_pods_on_node(cluster, ds, node).next().is_none())
}

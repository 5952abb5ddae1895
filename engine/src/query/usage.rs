//! What a node's pods request of what it can allocate, as the node card shows it.

use crate::api::Pod;
use crate::cluster::Cluster;
use crate::state::node_usage::requests;

/// One resource of a node, in thousandths of its unit (a pod counts 1000 of `pods`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// `cpu`, `memory` or `pods`.
    pub resource: &'static str,
    /// What the node's pods that have not finished request (limits standing in for missing
    /// requests, as the scheduler counts them).
    pub requested: i128,
    /// What the node can allocate (its capacity when it declares no allocatable amount).
    pub allocatable: i128,
}

/// The node's use of each of cpu, memory and pods it declares; empty for no such node.
pub fn node_usage(cluster: &Cluster, node: &str) -> Vec<Usage> {
    let store = cluster.store();
    let Some(n) = store.node(node) else {
        return Vec::new();
    };
    let pods: Vec<&Pod> = store
        .pods_on_node(node)
        .filter(|p| !p.is_terminal())
        .collect();
    ["cpu", "memory", "pods"]
        .into_iter()
        .filter_map(|resource| {
            let q = n
                .status
                .allocatable
                .get(resource)
                .or_else(|| n.status.capacity.get(resource))?;
            let requested = if resource == "pods" {
                pods.len() as i128 * 1000
            } else {
                pods.iter().map(|p| requests(p, resource)).sum()
            };
            Some(Usage {
                resource,
                requested,
                allocatable: q.milli_value()?,
            })
        })
        .collect()
}

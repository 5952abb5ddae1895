//! "Why is there (no) pod here?": for one (DaemonSet, node) pair, the placement decision with
//! the exact rule that made it (spec §5) and, for a pod that exists, what holds it up (the
//! scheduler's message, an image that cannot be pulled, termination).

use super::daemon_pods_on_node;
use crate::api::{ObjectKey, Pod};
use crate::cluster::Cluster;
use crate::placement::{Explanation, PlacementPolicy};

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct SlotExplanation {
    pub daemonset: String,
    pub node: String,
    pub placement: Explanation,
    pub pods: Vec<PodState>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct PodState {
    pub name: String,
    pub phase: String,
    /// Why it is not (yet) ready, if it is not: the scheduler's or the kubelet's words.
    pub waiting: Option<String>,
    pub ready: bool,
    pub terminating: bool,
}

/// Explains the pair; None if the DaemonSet or the node does not exist.
pub fn explain(
    cluster: &Cluster,
    namespace: &str,
    daemonset: &str,
    node: &str,
) -> Option<SlotExplanation> {
    let store = cluster.store();
    let ds = store.daemonset(&ObjectKey::new(namespace, daemonset))?;
    let n = store.node(node)?;
    Some(SlotExplanation {
        daemonset: daemonset.into(),
        node: node.into(),
        placement: PlacementPolicy::for_daemonset(ds).explain(n),
        pods: daemon_pods_on_node(cluster, ds, node)
            .map(pod_state)
            .collect(),
    })
}

impl SlotExplanation {
    /// The DaemonSet's pod on the node that is held up (neither ready nor terminating), with
    /// why: what the answer adds after the placement decision.
    pub fn held_up(&self) -> Option<(&PodState, &str)> {
        let pod = self.pods.iter().find(|p| !p.terminating && !p.ready)?;
        Some((pod, pod.waiting.as_deref()?))
    }

    /// The answer in plain English: [`Explanation::summary`], then the held-up pod, if any.
    pub fn summary(&self) -> String {
        let mut summary = self.placement.summary();
        if let Some((pod, waiting)) = self.held_up() {
            summary.push_str(&format!(" Pod {} is {}: {}", pod.name, pod.phase, waiting));
        }
        summary
    }
}

fn pod_state(p: &Pod) -> PodState {
    let scheduled = p.condition("PodScheduled");
    let waiting = if let Some(c) = scheduled.filter(|c| c.status == "False") {
        Some(c.message.clone())
    } else {
        p.status
            .container_statuses
            .iter()
            .find_map(|c| c.state.waiting.as_ref())
            .map(|w| {
                if w.message.is_empty() {
                    w.reason.clone()
                } else {
                    format!("{} ({})", w.reason, w.message)
                }
            })
    };
    PodState {
        name: p.name().into(),
        phase: p.status.phase.to_string(),
        waiting,
        ready: p.is_ready(),
        terminating: p.metadata.is_being_deleted(),
    }
}

#[cfg(test)]
mod tests {
    use super::explain;
    use crate::api::*;
    use crate::cluster::Cluster;
    use crate::testutil;

    /// Issue 3 item 8: the taint not tolerated, and why an existing pod is Pending.
    #[test]
    fn explains_untolerated_taint_and_pending_pod() {
        let mut c = Cluster::new();
        let mut n = Node::default();
        n.metadata.name = "n1".into();
        n.spec.taints = vec![Taint::new("dedicated", "gpu", "NoSchedule")];
        c.create_node(n).unwrap();
        let mut small = Node::default();
        small.metadata.name = "small".into();
        small.status.allocatable = [("cpu".to_string(), Quantity("100m".into()))]
            .into_iter()
            .collect();
        c.create_node(small).unwrap();
        let mut ds = testutil::daemonset(
            "agent",
            testutil::labels(&[("app", "agent")]),
            "a",
            "agent:1",
        );
        ds.spec.template.spec.containers[0].resources = Some(ResourceRequirements {
            requests: [("cpu".to_string(), Quantity("1".into()))].into(),
            ..Default::default()
        });
        c.create_daemonset(ds).unwrap();
        let e = explain(&c, "default", "agent", "n1").unwrap();
        assert!(!e.placement.should_run);
        assert!(
            e.summary().contains("dedicated=gpu:NoSchedule"),
            "{}",
            e.summary()
        );
        let e = explain(&c, "default", "agent", "small").unwrap();
        assert!(e.placement.should_run);
        assert_eq!(e.pods.len(), 1);
        assert!(e.summary().contains("Insufficient cpu"), "{}", e.summary());
        assert!(explain(&c, "default", "agent", "nope").is_none());
    }
}

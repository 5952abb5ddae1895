//! "Why is there (no) pod here?": for one (DaemonSet, node) pair, the placement decision with
//! the exact rule that made it (spec §5) and, for a pod that exists, what holds it up (the
//! scheduler's message, an image that cannot be pulled, termination).

use super::Cluster;
use crate::api::{ObjectKey, Pod};
use crate::placement::{Explanation, PlacementPolicy};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SlotExplanation {
    pub daemonset: String,
    pub node: String,
    pub placement: Explanation,
    pub pods: Vec<PodState>,
    /// One plain-English sentence for the UI.
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodState {
    pub name: String,
    pub phase: String,
    /// Why it is not (yet) ready, if it is not: the scheduler's or the kubelet's words.
    pub waiting: Option<String>,
    pub ready: bool,
    pub terminating: bool,
}

impl Cluster {
    /// Explains the pair; None if the DaemonSet or the node does not exist.
    pub fn explain(&self, namespace: &str, daemonset: &str, node: &str) -> Option<SlotExplanation> {
        let ds = self
            .w
            .store
            .daemonset(&ObjectKey::new(namespace, daemonset))?;
        let n = self.w.store.node(node)?;
        let placement = PlacementPolicy::for_daemonset(ds).explain(n);
        let pods: Vec<PodState> = self
            .w
            .store
            .pods_on_node(node)
            .filter(|p| {
                p.metadata
                    .controller_ref()
                    .is_some_and(|r| r.uid == ds.metadata.uid)
            })
            .map(pod_state)
            .collect();
        let mut summary = placement.summary();
        if let Some(p) = pods.iter().find(|p| !p.terminating && !p.ready)
            && let Some(w) = &p.waiting
        {
            summary.push_str(&format!(" Pod {} is {}: {}", p.name, p.phase, w));
        }
        Some(SlotExplanation {
            daemonset: daemonset.into(),
            node: node.into(),
            placement,
            pods,
            summary,
        })
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
        small.status.allocatable = [("cpu".to_string(), Quantity("100m".into()))].into();
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
        let e = c.explain("default", "agent", "n1").unwrap();
        assert!(!e.placement.should_run);
        assert!(
            e.summary.contains("dedicated=gpu:NoSchedule"),
            "{}",
            e.summary
        );
        let e = c.explain("default", "agent", "small").unwrap();
        assert!(e.placement.should_run);
        assert_eq!(e.pods.len(), 1);
        assert!(e.summary.contains("Insufficient cpu"), "{}", e.summary);
        assert!(c.explain("default", "agent", "nope").is_none());
    }
}

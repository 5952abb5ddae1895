//! Node cards kept from the last read. A tick of a rollout over thousands of nodes changes the
//! pods of a few hundred; building every card again (strings, chips, usage) cost about 13 µs a
//! node, 66 ms a tick at 5,000 nodes. A card is a function of its node, the pods on it, the
//! DaemonSets (their empty slots) and the revisions (chip numbers): it is rebuilt only when one
//! of them was written, which the store's per-node version tells (`Store::node_version`).

use super::views::NodeView;
use std::collections::HashMap;
use std::sync::Arc;

/// What every card depends on: the DaemonSets by UID and `namespace/name`, and the store's
/// revisions version. When it changes, every card is rebuilt.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedInputs {
    pub daemonsets: Vec<(String, String)>,
    pub revisions_version: u64,
}

#[derive(Debug, Clone)]
struct Entry {
    version: u64,
    view: Arc<NodeView>,
}

#[derive(Debug, Clone, Default)]
pub struct NodeViewCache {
    shared: SharedInputs,
    cards: HashMap<String, Entry>,
}

impl NodeViewCache {
    /// Forgets every card if what all cards depend on changed.
    pub fn check_shared(&mut self, shared: SharedInputs) {
        if self.shared != shared {
            self.shared = shared;
            self.cards.clear();
        }
    }

    /// The card of the node `name` at `version` (its `Store::node_version`): the kept one if
    /// the version is the same, else `build`'s, kept for next time.
    pub fn card(
        &mut self,
        name: &str,
        version: u64,
        build: impl FnOnce() -> NodeView,
    ) -> Arc<NodeView> {
        if let Some(entry) = self.cards.get(name)
            && entry.version == version
        {
            return Arc::clone(&entry.view);
        }
        let view = Arc::new(build());
        self.cards.insert(
            name.to_string(),
            Entry {
                version,
                view: Arc::clone(&view),
            },
        );
        view
    }

    /// How many cards are kept.
    pub fn len(&self) -> usize {
        self.cards.len()
    }

    /// Drops the cards of nodes no longer in the cluster.
    pub fn retain(&mut self, exists: impl Fn(&str) -> bool) {
        self.cards.retain(|name, _| exists(name));
    }
}

#[cfg(test)]
mod tests {
    use super::super::Playground;
    use std::sync::Arc;

    /// The cards as built afresh, with no kept card: what the cache must always agree with.
    fn afresh(p: &Playground) -> Vec<Arc<super::NodeView>> {
        p.node_cards.take();
        p.node_views()
    }

    fn card<'a>(views: &'a [Arc<super::NodeView>], name: &str) -> &'a Arc<super::NodeView> {
        views.iter().find(|n| n.name == name).expect("a card")
    }

    /// Every kind of write a card shows (pods, labels, taints, conditions, cordon, DaemonSets,
    /// revisions, nodes added and removed): after each, the kept cards equal cards built afresh.
    #[test]
    fn kept_cards_equal_cards_built_afresh_after_every_kind_of_change() {
        let mut p = Playground::new();
        afresh(&p);
        let steps = [
            "sim settle",
            "kubectl label node node-1 disk=ssd",
            "kubectl taint node node-2 dedicated=x:NoExecute",
            "sim advance 5s",
            "kubectl cordon node-1",
            "sim node node-1 pressure memory on",
            "sim node control-plane not-ready",
            "kubectl set image ds/fluentd-elasticsearch -n kube-system fluentd-elasticsearch=quay.io/fluentd_elasticsearch/fluentd:v4.0.0",
            "sim advance 3s",
            "sim settle",
            "kubectl rollout undo ds/fluentd-elasticsearch -n kube-system",
            "sim settle",
            "kubectl delete node node-2",
            "kubectl delete ds fluentd-elasticsearch -n kube-system --cascade=orphan",
            "kubectl uncordon node-1",
        ];
        for step in steps {
            let out = p.run(step);
            assert!(!out.is_error, "{step}: {}", out.output);
            let kept = p.node_views();
            assert_eq!(kept, afresh(&p), "after {step}");
        }
        let added = p.run_with_stdin(
            "kubectl apply -f -",
            "apiVersion: v1\nkind: Node\nmetadata:\n  name: node-2\n",
        );
        assert!(!added.is_error, "{}", added.output);
        let kept = p.node_views();
        assert_eq!(kept, afresh(&p), "after node-2 came back");
    }

    /// A node none of whose objects was written keeps the very same card, so the page's
    /// per-node signals do not fire for it; the node that changed gets a new one.
    #[test]
    fn only_the_node_that_changed_gets_a_new_card() {
        let mut p = Playground::new();
        p.settle();
        let before = p.node_views();
        p.run("kubectl label node node-1 disk=ssd");
        let after = p.node_views();
        assert!(Arc::ptr_eq(card(&before, "node-2"), card(&after, "node-2")));
        assert!(Arc::ptr_eq(
            card(&before, "control-plane"),
            card(&after, "control-plane")
        ));
        assert!(!Arc::ptr_eq(
            card(&before, "node-1"),
            card(&after, "node-1")
        ));
        assert!(
            card(&after, "node-1")
                .labels
                .contains(&("disk".into(), "ssd".into()))
        );
    }

    /// Random sequences of the operations the page offers, on random nodes (a fixed seed, so a
    /// failure replays): after every step the kept cards equal cards built afresh.
    #[test]
    fn kept_cards_equal_cards_built_afresh_over_random_operations() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % n
        };
        let nodes = ["control-plane", "node-1", "node-2", "node-3"];
        let ds = "-n kube-system ds/fluentd-elasticsearch";
        for run in 0..8 {
            let mut p = Playground::new();
            afresh(&p);
            for step in 0..60 {
                let node = nodes[next(nodes.len())];
                let command = match next(12) {
                    0 => format!("kubectl label node {node} disk=ssd{} --overwrite", next(3)),
                    1 => format!("kubectl taint node {node} k=v:NoExecute"),
                    2 => format!("kubectl taint node {node} k:NoExecute-"),
                    3 => format!("kubectl cordon {node}"),
                    4 => format!("kubectl uncordon {node}"),
                    5 => format!("sim node {node} not-ready"),
                    6 => format!("sim node {node} ready"),
                    7 => format!("kubectl delete node {node}"),
                    8 => format!(
                        "kubectl set image {ds} fluentd-elasticsearch=img:v{}",
                        next(3)
                    ),
                    9 => format!("kubectl rollout undo {ds}"),
                    10 => format!("sim advance {}s", 1 + next(20)),
                    _ => {
                        let manifest =
                            format!("apiVersion: v1\nkind: Node\nmetadata:\n  name: {node}\n");
                        p.run_with_stdin("kubectl apply -f -", &manifest);
                        String::from("sim advance 1s")
                    }
                };
                p.run(&command);
                let kept = p.node_views();
                assert_eq!(kept, afresh(&p), "run {run}, step {step}: {command}");
            }
        }
    }
}

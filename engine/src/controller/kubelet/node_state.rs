//! What a pod's sync needs of its node: whether it exists and what its `Ready` condition says,
//! kept by the node's store number while the node object is unchanged (`Store::node_put`). A
//! pod is synced several times on its way to running, and at 10,000 nodes each sync read the
//! node and its conditions from memory long out of cache.

use crate::state::node_ids::NodeId;
use crate::state::node_table::slot;
use crate::state::store::Store;

/// The node's `Ready` condition (`True` when it reports none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Readiness {
    Ready,
    NotReady,
    /// The kubelet is not talking to the API server.
    Unknown,
}

/// By store node number: the node's put count the readiness was read at (0: none) and it.
#[derive(Debug, Default)]
pub(super) struct NodeStates(Vec<(u32, Readiness)>);

impl NodeStates {
    /// The readiness of the node `name`, None if there is no such node.
    #[cfg(test)]
    pub(super) fn of(&mut self, store: &Store, name: &str) -> Option<Readiness> {
        self.of_number(store, store.node_number(name)?)
    }

    /// The readiness of the node numbered `n` (the store's number), None if there is no such
    /// node.
    pub(super) fn of_number(&mut self, store: &Store, n: NodeId) -> Option<Readiness> {
        let node = store.node_by_number(n)?;
        let put = store.node_put(n);
        let at = n.number() as usize;
        if let Some(&(seen, readiness)) = self.0.get(at)
            && seen == put
        {
            return Some(readiness);
        }
        let readiness = match node.condition_status("Ready").unwrap_or("True") {
            "True" => Readiness::Ready,
            "Unknown" => Readiness::Unknown,
            _ => Readiness::NotReady,
        };
        *slot(&mut self.0, at, (0, Readiness::Unknown)) = (put, readiness);
        Some(readiness)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::NodeCondition;
    use crate::testutil::{n1, node};

    fn with_ready(name: &str, status: &'static str) -> crate::api::Node {
        let mut n = node(name, n1());
        n.status.conditions = vec![NodeCondition {
            type_: "Ready".into(),
            status: status.into(),
            ..Default::default()
        }]
        .into();
        n
    }

    /// Each put of the node is read again; a removed node is none, whatever was kept.
    #[test]
    fn readiness_follows_the_node_through_puts_and_removal() {
        let mut store = Store::default();
        let mut states = NodeStates::default();
        assert_eq!(states.of(&store, "a"), None);
        store.put_node(node("a", n1()));
        assert_eq!(states.of(&store, "a"), Some(Readiness::Ready));
        store.put_node(with_ready("a", "Unknown"));
        assert_eq!(states.of(&store, "a"), Some(Readiness::Unknown));
        store.put_node(with_ready("a", "False"));
        assert_eq!(states.of(&store, "a"), Some(Readiness::NotReady));
        assert_eq!(states.of(&store, "a"), Some(Readiness::NotReady));
        store.remove_node("a");
        assert_eq!(states.of(&store, "a"), None);
        store.put_node(with_ready("a", "True"));
        assert_eq!(states.of(&store, "a"), Some(Readiness::Ready));
    }
}

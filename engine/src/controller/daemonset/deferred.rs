//! The nodes a sync left over when it had more to create or delete than `BURST_REPLICAS`: the
//! next syncs take them a burst at a time, in name order.

use crate::state::node_ids::NodeId;

/// Each node once, by the store's number, in reverse name order, so that the next one is
/// taken from the end. A tree of names took a walk comparing names per node left over (every
/// node of a new DaemonSet but the first burst's); a sync's leftovers come in name order, so
/// they are added as one run. Numbers, not names: a sync taking them does not look each name
/// up again (a hash of the name and a probe a node), and a new DaemonSet's leftovers (nearly
/// all its nodes) are not a reference count written on each name.
#[derive(Debug, Default)]
pub(super) struct Deferred(Vec<NodeId>);

impl Deferred {
    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    pub(super) fn clear(&mut self) {
        self.0.clear();
    }

    /// The first node left, in name order. The room goes with the last one: a new
    /// DaemonSet's leftovers are nearly all its nodes, taken once.
    pub(super) fn pop_first(&mut self) -> Option<NodeId> {
        let first = self.0.pop();
        if self.0.is_empty() {
            self.0 = Vec::new();
        }
        first
    }

    /// Adds `nodes`, whose names `name` gives (a node already here is kept once).
    pub(super) fn extend<'n>(
        &mut self,
        name: impl Fn(NodeId) -> &'n str,
        nodes: impl IntoIterator<Item = NodeId>,
    ) {
        let before = self.0.len();
        self.0.extend(nodes);
        if self.0.len() == before {
            return;
        }
        // Runs in either order are found and merged by the sort in linear time: the names kept
        // (descending) and the new ones (ascending, from the visit's order). A name has one
        // number, so equal numbers are the equal names.
        crate::sort::sort_by(&mut self.0, |a, b| name(*b).cmp(name(*a)));
        self.0.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::Deferred;
    use crate::state::node_ids::{NodeId, NodeIds};

    fn numbers(ids: &mut NodeIds, list: &[&str]) -> Vec<NodeId> {
        list.iter().map(|n| ids.id(n)).collect()
    }

    /// Taken in name order, each once, whatever order they were added in (and whatever order
    /// the names were numbered in).
    #[test]
    fn taken_in_name_order_once_each() {
        let mut ids = NodeIds::default();
        numbers(&mut ids, &["n9", "n7", "n1"]);
        let mut d = Deferred::default();
        let first = numbers(&mut ids, &["n3", "n5", "n7"]);
        d.extend(|n| ids.name(n), first);
        let second = numbers(&mut ids, &["n1", "n5", "n6", "n6"]);
        d.extend(|n| ids.name(n), second);
        let third = numbers(&mut ids, &["n9", "n2"]);
        d.extend(|n| ids.name(n), third);
        let mut taken = Vec::new();
        while let Some(n) = d.pop_first() {
            taken.push(ids.name(n).to_string());
        }
        assert_eq!(taken, ["n1", "n2", "n3", "n5", "n6", "n7", "n9"]);
        assert!(
            d.is_empty() && d.0.capacity() == 0,
            "no room kept once all are taken"
        );
    }
}

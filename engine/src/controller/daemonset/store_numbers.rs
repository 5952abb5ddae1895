//! The store's number of each node name the controller has numbered. A name keeps its number
//! in the store once given (`NodeIds`: a node deleted and created again gets the same), so it
//! is looked up by name once, not at every visit: hashing the name and comparing it with the
//! store's copy read two cold allocations a visit at 10,000 nodes.

use crate::state::node_ids::NodeId;
use crate::state::node_table::slot;
use crate::state::store::Store;

/// No store number known yet for this controller number.
const NONE: u32 = u32::MAX;

/// Store numbers by the controller's node number.
#[derive(Debug, Default)]
pub(super) struct StoreNumbers(Vec<u32>);

impl StoreNumbers {
    /// The store's number of the node `name`, numbered `id` by the controller, if the store
    /// has given the name one.
    pub(super) fn get(&mut self, id: NodeId, name: &str, store: &Store) -> Option<NodeId> {
        let at = id.number() as usize;
        if let Some(&n) = self.0.get(at)
            && n != NONE
        {
            // Holds while the controller's numbering and the store's are of one cluster and
            // neither is ever compacted (both are replaced with the whole cluster).
            debug_assert_eq!(
                store.node_number(name).map(NodeId::number),
                Some(n),
                "{name}"
            );
            return Some(NodeId::from_number(n));
        }
        let found = store.node_number(name)?;
        *slot(&mut self.0, at, NONE) = found.number();
        Some(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{n1, node};

    /// A name's store number is found once and kept through the node's deletion and return;
    /// a name the store has not numbered is asked again.
    #[test]
    fn a_store_number_is_kept_once_found() {
        let mut store = Store::default();
        let mut numbers = StoreNumbers::default();
        let (a, b) = (NodeId::from_number(5), NodeId::from_number(2));
        assert_eq!(numbers.get(a, "a", &store), None);
        store.put_node(node("b", n1()));
        store.put_node(node("a", n1()));
        let found = numbers.get(a, "a", &store);
        assert_eq!(found, store.node_number("a"));
        assert_eq!(numbers.get(b, "b", &store), store.node_number("b"));
        store.remove_node("a");
        assert_eq!(numbers.get(a, "a", &store), found);
    }
}

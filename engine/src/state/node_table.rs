//! A value per node, by node number, in a vector: node numbers are small and dense (given in
//! order of first use, `node_ids`), so a slot per number is smaller than a hash table's entry
//! (the number beside the value, padding, and the table's free slots: a DaemonSet's two
//! tables of its nodes were about 50 B a pod at 1,000 nodes, and are about 14).

use super::node_ids::NodeId;

/// Values by node number; a number past the end, or a `None` slot, has none. The vector
/// reaches only the highest number that has a value.
#[derive(Debug, Clone)]
pub struct NodeTable<T>(Vec<Option<T>>);

impl<T> Default for NodeTable<T> {
    fn default() -> Self {
        NodeTable(Vec::new())
    }
}

impl<T> NodeTable<T> {
    pub fn get(&self, id: &NodeId) -> Option<&T> {
        self.0.get(id.number() as usize)?.as_ref()
    }

    pub fn get_mut(&mut self, id: &NodeId) -> Option<&mut T> {
        self.0.get_mut(id.number() as usize)?.as_mut()
    }

    /// The node's value, `value` put there first if it has none.
    pub fn get_or_insert(&mut self, id: NodeId, value: T) -> &mut T {
        let slot = self.slot(id);
        slot.get_or_insert(value)
    }

    pub fn insert(&mut self, id: NodeId, value: T) {
        *self.slot(id) = Some(value);
    }

    pub fn remove(&mut self, id: &NodeId) -> Option<T> {
        let taken = self.0.get_mut(id.number() as usize)?.take();
        while self.0.last().is_some_and(Option::is_none) {
            self.0.pop();
        }
        taken
    }

    fn slot(&mut self, id: NodeId) -> &mut Option<T> {
        let at = id.number() as usize;
        if at >= self.0.len() {
            grow_to(&mut self.0, at + 1);
            self.0.resize_with(at + 1, || None);
        }
        &mut self.0[at]
    }
}

/// Room for `len` slots, grown by at least a quarter: node numbers come one at a time, and
/// doubling would leave up to half of every DaemonSet's tables unused.
pub(crate) fn grow_to<T>(v: &mut Vec<T>, len: usize) {
    if len > v.capacity() {
        let more = (len - v.len()).max(v.len() / 4);
        v.reserve_exact(more);
    }
}

/// The slot `at` of a table by number, the table first lengthened with `fill`s if it is shorter
/// (grown as [`grow_to`] grows it).
pub(crate) fn slot<T: Clone>(v: &mut Vec<T>, at: usize, fill: T) -> &mut T {
    if at >= v.len() {
        grow_to(v, at + 1);
        v.resize(at + 1, fill);
    }
    &mut v[at]
}

#[cfg(test)]
mod tests {
    use super::NodeTable;
    use crate::state::node_ids::NodeId;

    #[test]
    fn values_by_number_and_the_vector_only_as_long_as_its_highest() {
        let mut t = NodeTable::default();
        let (a, b) = (NodeId::from_number(2), NodeId::from_number(7));
        assert_eq!(t.get(&a), None);
        t.insert(a, 'a');
        *t.get_or_insert(b, 'x') = 'b';
        assert_eq!(*t.get_or_insert(b, 'y'), 'b', "already there");
        assert_eq!((t.get(&a), t.get(&b)), (Some(&'a'), Some(&'b')));
        assert_eq!(t.get(&NodeId::from_number(3)), None, "between");
        assert_eq!(t.get(&NodeId::from_number(70)), None, "past the end");
        assert_eq!(t.0.len(), 8);
        assert_eq!(t.remove(&b), Some('b'));
        assert_eq!(t.0.len(), 3, "the empty end given back");
        assert_eq!(t.remove(&b), None);
        *t.get_mut(&a).unwrap() = 'c';
        assert_eq!(t.get(&a), Some(&'c'));
    }

    #[test]
    fn grows_by_a_quarter_as_nodes_come_one_at_a_time() {
        let mut t = NodeTable::default();
        for n in 0..1100 {
            t.insert(NodeId::from_number(n), 0u8);
        }
        assert!(t.0.capacity() < 1400, "room for {}", t.0.capacity());
    }
}

//! One controller's pods by node number: the first pod of each node in a vector indexed by the
//! node's number, any further ones aside. Node numbers are small and dense (`node_ids`), and a
//! DaemonSet has about one pod a node, so a slot of 4 bytes a node replaces a hash table's
//! entry (the number beside the pod, and the table's free slots: about 18 B a pod at 1,000
//! nodes).

use super::overflow::{MORE, Overflow};

/// A slot without a pod (its `MORE` bit is set: checked before the slot is read as a number).
const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Default)]
pub struct NodePods {
    /// By node number: its first pod's number, [`MORE`] set if it has others, or [`NONE`].
    /// Reaches only the highest node with a pod.
    first: Vec<u32>,
    /// The other pods of a node with several, in the order they came.
    more: Overflow,
    /// Nodes with a pod.
    nodes: usize,
}

impl NodePods {
    /// Adds pod `pod` (a number under 2^31) on node `node`.
    pub fn insert(&mut self, node: u32, pod: u32) {
        let slot = super::node_table::slot(&mut self.first, node as usize, NONE);
        if *slot == NONE {
            debug_assert!(pod < MORE, "pod number {pod} reaches the MORE bit");
            *slot = pod;
            self.nodes += 1;
        } else {
            *slot = self.more.push(node, *slot, pod);
        }
    }

    /// The pods on `node`: the first, then the others in the order they came.
    pub fn all(&self, node: u32) -> impl Iterator<Item = u32> + '_ {
        let slot = self.slot(node);
        self.more.all(node, slot)
    }

    /// Takes pod `pod` off `node`, if it is there.
    pub fn remove(&mut self, node: u32, pod: u32) {
        let Some(slot) = self.slot(node) else {
            return;
        };
        match self.more.remove(node, slot, pod) {
            Some(next) => self.first[node as usize] = next,
            None => {
                self.first[node as usize] = NONE;
                self.nodes -= 1;
                while self.first.last() == Some(&NONE) {
                    self.first.pop();
                }
            }
        }
    }

    /// `node`'s slot, if it has a pod.
    fn slot(&self, node: u32) -> Option<u32> {
        self.first
            .get(node as usize)
            .copied()
            .filter(|&s| s != NONE)
    }

    /// The numbers of the nodes with a pod, in number order.
    pub fn nodes(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.first.len() as u32).filter(|&n| self.first[n as usize] != NONE)
    }

    pub fn is_empty(&self) -> bool {
        self.nodes == 0
    }
}

#[cfg(test)]
mod tests {
    use super::NodePods;

    #[test]
    fn pods_by_node_with_several_on_one() {
        let mut p = NodePods::default();
        p.insert(3, 10);
        p.insert(3, 11);
        p.insert(3, 12);
        p.insert(0, 20);
        assert_eq!(p.all(3).collect::<Vec<_>>(), [10, 11, 12]);
        assert_eq!(p.all(0).collect::<Vec<_>>(), [20]);
        assert_eq!(p.all(1).count() + p.all(99).count(), 0);
        assert_eq!(p.nodes().collect::<Vec<_>>(), [0, 3]);
        p.remove(3, 10);
        assert_eq!(p.all(3).collect::<Vec<_>>(), [11, 12], "the next is first");
        p.remove(3, 12);
        p.remove(3, 99);
        assert_eq!(p.all(3).collect::<Vec<_>>(), [11]);
        assert!(p.more.is_empty());
        p.remove(3, 11);
        assert_eq!(p.first.len(), 1, "the empty end given back");
        assert!(!p.is_empty());
        p.remove(0, 20);
        assert!(p.is_empty() && p.first.is_empty());
    }
}

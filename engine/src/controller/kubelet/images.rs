//! The images each node has pulled. A node's set holds numbers of image names that the kubelet
//! holds once (an [`Interner`]): a set of the names themselves copied every image name into
//! every node (at 1,000 nodes × 20 DaemonSets, 20,000 strings and their tree nodes, about 90 B
//! a pod).

use crate::state::interner::{Interner, Sym};
use crate::state::node_ids::NodeId;
use crate::state::node_table::slot;

#[derive(Default)]
pub(super) struct Pulled {
    /// Every image name pulled anywhere, once.
    names: Interner,
    /// Each node's pulled images, in ascending order of their numbers, by the store's number
    /// of the node's name (a name keeps its number, so a node created again under the name
    /// finds what it had: as a table by name did, without hashing the name for each pod).
    nodes: Vec<Vec<Sym>>,
}

impl Pulled {
    /// Whether the node numbered `node` has pulled `image`.
    pub(super) fn has(&self, node: NodeId, image: &str) -> bool {
        match (
            self.names.find(image),
            self.nodes.get(node.number() as usize),
        ) {
            (Some(n), Some(set)) => set.binary_search(&n).is_ok(),
            _ => false,
        }
    }

    /// Records that the node numbered `node` has pulled `image`.
    pub(super) fn insert(&mut self, node: NodeId, image: &str) {
        let n = self.names.intern(image);
        let set = slot(&mut self.nodes, node.number() as usize, Vec::new());
        if let Err(at) = set.binary_search(&n) {
            // Grown by a quarter: a node pulls each DaemonSet's image once, so doubling would
            // leave most nodes' sets with unused room for good.
            set.reserve_exact((set.len() / 4).max(1));
            set.insert(at, n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Pulled;
    use crate::state::node_ids::NodeId;

    /// The node numbered like `n1`: 1.
    fn n(name: &str) -> NodeId {
        NodeId::from_number(name[1..].parse().unwrap())
    }

    #[test]
    fn a_node_has_what_it_pulled_and_no_other_node_does() {
        let mut p = Pulled::default();
        p.insert(n("n1"), "nginx:1");
        p.insert(n("n1"), "pause:3.9");
        p.insert(n("n2"), "pause:3.9");
        p.insert(n("n1"), "nginx:1");
        assert!(p.has(n("n1"), "nginx:1") && p.has(n("n1"), "pause:3.9"));
        assert!(p.has(n("n2"), "pause:3.9"));
        assert!(!p.has(n("n2"), "nginx:1"), "pulled on another node");
        assert!(!p.has(n("n3"), "pause:3.9"), "a node that pulled nothing");
        assert!(!p.has(n("n1"), "busybox"), "never pulled");
    }

    #[test]
    fn each_image_name_is_held_once() {
        let mut p = Pulled::default();
        for node in 0..100 {
            for image in ["a:1", "b:1", "c:1"] {
                p.insert(NodeId::from_number(node), image);
            }
        }
        let held = ["a:1", "b:1", "c:1"].map(|i| p.names.find(i).unwrap());
        assert!(
            held[0] < held[1] && held[1] < held[2],
            "three names, numbered in order"
        );
        assert!(p.nodes.len() == 100 && p.nodes.iter().all(|s| s == &held));
    }
}

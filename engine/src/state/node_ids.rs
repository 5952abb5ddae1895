//! Node names as small numbers, for the store's indices that hold an entry per pod and node: a
//! number is 4 bytes and hashes in one step, where a name is a 24-byte string and an allocation.

use super::held::Held;
use crate::api::SharedStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(u32);

impl NodeId {
    /// The number as the indices of numbers (`HashIndex`) hold it.
    pub fn number(self) -> u32 {
        self.0
    }
    pub fn from_number(n: u32) -> NodeId {
        NodeId(n)
    }
}

/// Every node name a pod has been indexed under, numbered in order of first use. A name keeps
/// its number once given (a node deleted and created again gets the same), so the table grows
/// only with the names ever used: a few bytes a node.
#[derive(Debug, Clone, Default)]
pub struct NodeIds(Held);

impl NodeIds {
    /// The number of `name`, given it now if it has none.
    #[cfg(test)]
    pub fn id(&mut self, name: &str) -> NodeId {
        NodeId(self.0.number(name))
    }

    /// `name` as the string the table holds (no allocation once it has a number).
    pub fn shared(&mut self, name: &str) -> SharedStr {
        self.0.get(name)
    }

    /// Both of the above, found once.
    pub fn held(&mut self, name: &str) -> (NodeId, SharedStr) {
        let n = self.0.number(name);
        (NodeId(n), self.0.text(n).clone())
    }

    /// The number of `name`, if it has one.
    pub fn get(&self, name: &str) -> Option<NodeId> {
        self.0.find(name).map(NodeId)
    }

    pub fn name(&self, id: NodeId) -> &str {
        self.0.text(id.0)
    }

    /// The string held for the name numbered `id`.
    pub fn held_name(&self, id: NodeId) -> &SharedStr {
        self.0.text(id.0)
    }
}

#[cfg(test)]
mod tests {
    use super::NodeIds;

    #[test]
    fn a_name_keeps_its_number() {
        let mut ids = NodeIds::default();
        let a = ids.id("a");
        let b = ids.id("b");
        assert_ne!(a, b);
        assert_eq!(ids.id("a"), a);
        assert_eq!(ids.get("b"), Some(b));
        assert_eq!(ids.get("c"), None);
        assert_eq!(ids.name(b), "b");
        assert!(ids.shared("a").same(&ids.shared("a")));
    }
}

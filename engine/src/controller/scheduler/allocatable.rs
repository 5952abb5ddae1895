//! Each node's allocatable pods, cpu and memory, parsed once per version of the node: the
//! filters read them for every pod placed, and a node changes rarely.

use crate::api::{Node, ResourceVersion, SharedStr};
use crate::state::hash::FastHashMap;

/// A node's allocatable amounts in thousandths (`status.allocatable`, else `status.capacity`);
/// `None` where neither gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Allocatable {
    pub(super) pods: Option<i128>,
    pub(super) cpu: Option<i128>,
    pub(super) memory: Option<i128>,
}

impl Allocatable {
    fn of(node: &Node) -> Allocatable {
        let parse = |resource: &str| {
            (node.status.allocatable.get(resource))
                .or_else(|| node.status.capacity.get(resource))
                .and_then(|q| q.milli_value())
        };
        Allocatable {
            pods: parse("pods"),
            cpu: parse("cpu"),
            memory: parse("memory"),
        }
    }

    /// The amount of `cpu` or `memory`.
    pub(super) fn get(&self, resource: &str) -> Option<i128> {
        match resource {
            "cpu" => self.cpu,
            "memory" => self.memory,
            _ => None,
        }
    }
}

/// By node name (the node's own, shared), with the resourceVersion it was parsed at (every
/// write of a node gives it a new one).
#[derive(Default)]
pub(super) struct Allocatables(FastHashMap<SharedStr, (ResourceVersion, Allocatable)>);

impl Allocatables {
    pub(super) fn of(&mut self, node: &Node) -> Allocatable {
        let version = &node.metadata.resource_version;
        if let Some((at, a)) = self.0.get(node.name())
            && at == version
        {
            return *a;
        }
        let a = Allocatable::of(node);
        let name = node.metadata.name.clone();
        self.0.insert(name, (version.clone(), a));
        a
    }

    /// A deleted node's entry.
    pub(super) fn forget(&mut self, node: &str) {
        self.0.remove(node);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Quantity;

    fn node(rv: u64, cpu: &str) -> Node {
        let mut n = Node::default();
        n.metadata.name = "n".to_string().into();
        n.metadata.resource_version = ResourceVersion::Plain(rv);
        n.status.capacity.insert("cpu".into(), Quantity(cpu.into()));
        n.status
            .capacity
            .insert("pods".into(), Quantity("110".into()));
        n
    }

    #[test]
    fn a_node_is_parsed_again_when_its_version_moves() {
        let mut cache = Allocatables::default();
        let a = cache.of(&node(1, "2"));
        assert_eq!((a.cpu, a.pods, a.memory), (Some(2000), Some(110_000), None));
        assert_eq!(
            cache.of(&node(1, "4")).cpu,
            Some(2000),
            "same version: kept"
        );
        assert_eq!(cache.of(&node(2, "4")).cpu, Some(4000));
        cache.forget("n");
        assert_eq!(cache.of(&node(2, "8")).cpu, Some(8000));
    }
}

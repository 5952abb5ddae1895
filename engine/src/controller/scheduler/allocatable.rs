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

/// An [`Allocatable`] as the table holds it: each amount as two `u64` halves, so 8-byte aligned.
/// `Option<i128>` is 16-aligned and 32 bytes wide, which made an entry 128 bytes; now 72.
#[derive(Debug, Clone, Copy)]
struct Packed {
    halves: [[u64; 2]; 3],
    /// Bit `i` set: amount `i` (pods, cpu, memory) is given.
    given: u8,
}

impl From<Allocatable> for Packed {
    fn from(a: Allocatable) -> Packed {
        let mut p = Packed {
            halves: [[0; 2]; 3],
            given: 0,
        };
        for (i, amount) in [a.pods, a.cpu, a.memory].into_iter().enumerate() {
            if let Some(v) = amount {
                p.halves[i] = [v as u64, ((v as u128) >> 64) as u64];
                p.given |= 1 << i;
            }
        }
        p
    }
}

impl From<Packed> for Allocatable {
    fn from(p: Packed) -> Allocatable {
        let amount = |i: usize| {
            let [low, high] = p.halves[i];
            (p.given & (1 << i) != 0)
                .then_some(((u128::from(high) << 64) | u128::from(low)) as i128)
        };
        Allocatable {
            pods: amount(0),
            cpu: amount(1),
            memory: amount(2),
        }
    }
}

/// By node name (the node's own, shared), with the resourceVersion it was parsed at (every
/// write of a node gives it a new one).
#[derive(Default)]
pub(super) struct Allocatables(FastHashMap<SharedStr, (ResourceVersion, Packed)>);

impl Allocatables {
    pub(super) fn of(&mut self, node: &Node) -> Allocatable {
        let version = &node.metadata.resource_version;
        if let Some((at, a)) = self.0.get(node.name())
            && at == version
        {
            return Allocatable::from(*a);
        }
        let a = Allocatable::of(node);
        let name = node.metadata.name.clone();
        self.0.insert(name, (version.clone(), Packed::from(a)));
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
        n.metadata.resource_version = ResourceVersion::plain(rv);
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

    #[test]
    fn packed_amounts_read_back_as_parsed() {
        for v in [
            0,
            1,
            -1,
            110_000,
            i128::MAX,
            i128::MIN,
            i128::from(u64::MAX) + 1,
        ] {
            for a in [
                Allocatable {
                    pods: Some(v),
                    cpu: None,
                    memory: Some(v / -3),
                },
                Allocatable {
                    pods: None,
                    cpu: Some(v),
                    memory: None,
                },
            ] {
                assert_eq!(Allocatable::from(Packed::from(a)), a);
            }
        }
        assert_eq!(
            std::mem::size_of::<(SharedStr, (ResourceVersion, Packed))>(),
            72
        );
    }
}

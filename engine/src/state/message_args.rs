//! The arguments of the recorder's messages that take more than one (a pod's Scheduled: its
//! namespace, its name and the node; Pulled: the image and two durations), each distinct set
//! once, shared by the rows that use it: a row holds one number for them. Most messages take
//! one argument, and three slots in every row cost 8 bytes a row. An argument that is the
//! event's own object's namespace or name is kept as a mark for it, so that the pods of one
//! node share their Scheduled arguments.

use super::hash::hash_of;
use super::hash_index::HashIndex;

/// The most arguments a template takes.
pub const MAX_ARGS: usize = 3;

/// A slot of a set: [`NONE`], a symbol's bits ([`Sym::to_bits`](super::interner::Sym)), or
/// one of the marks. No symbol has a mark's bits: that would take four billion strings.
pub type Slot = u32;

pub const NONE: Slot = 0;
/// The event's own object's namespace.
pub const OWN_NAMESPACE: Slot = u32::MAX;
/// The event's own object's name.
pub const OWN_NAME: Slot = u32::MAX - 1;

#[derive(Debug, Clone, Default)]
pub struct ArgSets {
    all: Vec<[Slot; MAX_ARGS]>,
    /// A hash of a set → its number in `all`.
    ids: HashIndex,
}

impl ArgSets {
    /// The number of `set`, given it now if it has none.
    pub fn id(&mut self, set: [Slot; MAX_ARGS]) -> u32 {
        let hash = hash_of(&set) as u32;
        let all = &self.all;
        if let Some(i) = self.ids.find(hash, |i| all[i as usize] == set) {
            return i;
        }
        let i = self.all.len() as u32;
        self.all.push(set);
        self.ids.insert(hash, i);
        i
    }

    pub fn get(&self, i: u32) -> [Slot; MAX_ARGS] {
        self.all[i as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_is_numbered_once() {
        let mut sets = ArgSets::default();
        let a = sets.id([OWN_NAMESPACE, OWN_NAME, 7]);
        let b = sets.id([3, 4, 4]);
        assert_ne!(a, b);
        assert_eq!(sets.id([OWN_NAMESPACE, OWN_NAME, 7]), a);
        assert_eq!(sets.get(b), [3, 4, 4]);
        assert_eq!(sets.all.len(), 2);
    }
}

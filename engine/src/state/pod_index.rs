//! The pod table's index from the hash of a pod's key to the pod's number: open addressing
//! with linear probing in a vector of 4-byte slots, at most 7/8 full. A slot holds the number
//! in its low 24 bits and the top 8 bits of the hash above them, which rule out most other pods
//! without reading their keys. A [`HashIndex`] takes an 8-byte entry and a control byte in a
//! table up to 7/8 full (12 to 15 bytes a pod); this 4.6 to 9. Numbers past 24 bits (16.7
//! million pods) go to a `HashIndex` beside it.

use super::hash_index::HashIndex;

const ID_MASK: u32 = (1 << 24) - 1;
/// No pod: its number part is one past the largest a slot holds.
const EMPTY: u32 = u32::MAX;
const MAX_ID: u32 = ID_MASK - 1;

#[derive(Debug, Clone, Default)]
pub(super) struct PodIndex {
    /// A power of two long (or empty).
    slots: Vec<u32>,
    len: usize,
    /// Numbers past `MAX_ID`, and how many.
    big: HashIndex,
    big_len: usize,
}

fn tag(hash: u32) -> u32 {
    hash & !ID_MASK
}

impl PodIndex {
    /// Files `id` under `hash`. `hash_of` gives the hash of another filed number's key: the
    /// entries move when the vector grows.
    pub(super) fn insert(&mut self, hash: u32, id: u32, hash_of: impl Fn(u32) -> u32) {
        if id > MAX_ID {
            self.big.insert(hash, id);
            self.big_len += 1;
            return;
        }
        if (self.len + 1) * 8 > self.slots.len() * 7 {
            self.grow(&hash_of);
        }
        self.place(tag(hash) | id, hash);
        self.len += 1;
    }

    fn place(&mut self, entry: u32, hash: u32) {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        while self.slots[i] != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = entry;
    }

    fn grow(&mut self, hash_of: &impl Fn(u32) -> u32) {
        let size = (self.slots.len() * 2).max(16);
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; size]);
        for entry in old.into_iter().filter(|&e| e != EMPTY) {
            self.place(entry, hash_of(entry & ID_MASK));
        }
    }

    /// The first number under `hash` that `is` accepts.
    pub(super) fn find(&self, hash: u32, mut is: impl FnMut(u32) -> bool) -> Option<u32> {
        if !self.slots.is_empty() {
            let mask = self.slots.len() - 1;
            let mut i = hash as usize & mask;
            // Never full: an empty slot ends every probe.
            loop {
                let entry = self.slots[i];
                if entry == EMPTY {
                    break;
                }
                if tag(entry) == tag(hash) && is(entry & ID_MASK) {
                    return Some(entry & ID_MASK);
                }
                i = (i + 1) & mask;
            }
        }
        if self.big_len == 0 {
            return None;
        }
        self.big.find(hash, is)
    }

    /// Takes `id` out from under `hash` (nothing if it is not there). `hash_of` as for
    /// [`Self::insert`]: the entries after it in its run move up into its slot where they may.
    pub(super) fn remove(&mut self, hash: u32, id: u32, hash_of: impl Fn(u32) -> u32) {
        if id > MAX_ID {
            if self.big.find(hash, |n| n == id).is_some() {
                self.big.remove(hash, id);
                self.big_len -= 1;
            }
            return;
        }
        if self.slots.is_empty() {
            return;
        }
        let mask = self.slots.len() - 1;
        let entry = tag(hash) | id;
        let mut hole = hash as usize & mask;
        loop {
            match self.slots[hole] {
                EMPTY => return,
                e if e == entry => break,
                _ => hole = (hole + 1) & mask,
            }
        }
        self.len -= 1;
        // Backward shift: a later entry of the run moves into the hole if its home slot is not
        // after the hole, so that no probe for it meets an empty slot first.
        let mut j = hole;
        loop {
            j = (j + 1) & mask;
            let e = self.slots[j];
            if e == EMPTY {
                break;
            }
            let home = hash_of(e & ID_MASK) as usize & mask;
            if (j.wrapping_sub(home) & mask) >= (j.wrapping_sub(hole) & mask) {
                self.slots[hole] = e;
                hole = j;
            }
        }
        self.slots[hole] = EMPTY;
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_ID, PodIndex};
    use std::collections::HashMap;

    /// Numbers whose hashes share a home slot and a tag, inserted and removed in turns: every
    /// number left is found, every one removed is not.
    #[test]
    fn finds_what_is_filed_through_collisions_removals_and_growth() {
        let hash = |id: u32| -> u32 {
            // Three homes, two tags: long runs that wrap and interleave.
            [7u32, 8, 0x0100_000f][(id % 3) as usize] | ((id % 2) << 31)
        };
        let mut index = PodIndex::default();
        let mut filed: HashMap<u32, u32> = HashMap::new();
        for round in 0..3u32 {
            for id in (round * 40)..(round * 40 + 60) {
                if let std::collections::hash_map::Entry::Vacant(e) = filed.entry(id) {
                    index.insert(hash(id), id, hash);
                    e.insert(hash(id));
                }
            }
            for id in (round * 40..round * 40 + 60).step_by(3 + round as usize) {
                if filed.remove(&id).is_some() {
                    index.remove(hash(id), id, hash);
                }
            }
            for id in 0..200 {
                let found = index.find(hash(id), |n| n == id);
                assert_eq!(
                    found.is_some(),
                    filed.contains_key(&id),
                    "round {round}, {id}"
                );
            }
            assert_eq!(index.len, filed.len());
        }
    }

    /// Numbers too large for a slot's 24 bits are filed beside it.
    #[test]
    fn large_numbers_are_filed_too() {
        let mut index = PodIndex::default();
        let big = MAX_ID + 5;
        index.insert(42, big, |_| 42);
        index.insert(42, 3, |_| 42);
        assert_eq!(index.find(42, |n| n == big), Some(big));
        assert_eq!(index.find(42, |n| n == 3), Some(3));
        index.remove(42, big, |_| 42);
        assert_eq!(index.find(42, |n| n == big), None);
        assert_eq!(index.find(42, |n| n == 3), Some(3));
    }
}

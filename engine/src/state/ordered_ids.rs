//! All stored pods by number, in the order of their keys (namespace, then name), for listing.
//! A tree of keys held each pod's key again in nodes about two-thirds full (about 27 B a pod);
//! blocks of 4-byte numbers, compared through the pod table, hold about 6.

use super::pod_table::{KeyRef, PodId, PodTable};
use std::cmp::Ordering;

/// Most numbers a block holds; a block that reaches one more is split in two. Each block has
/// room for exactly that many from the start, so that no block ever grows (a growing vector
/// holds up to twice its room while it copies).
const BLOCK: usize = 256;

#[derive(Debug, Clone, Default)]
pub struct OrderedIds {
    /// Blocks in key order, none empty; each in key order.
    blocks: Vec<Vec<PodId>>,
}

fn block() -> Vec<PodId> {
    Vec::with_capacity(BLOCK + 1)
}

/// The keys' order (`KeyRef`'s): pods share their namespace's string, so one found at the
/// same address is not compared byte by byte (a second `memcmp` per step of a search).
fn order(a: KeyRef<'_>, b: KeyRef<'_>) -> Ordering {
    let same_namespace = std::ptr::eq(a.0, b.0);
    if same_namespace {
        a.1.cmp(b.1)
    } else {
        a.cmp(&b)
    }
}

impl OrderedIds {
    /// The block where `id`'s key is or goes: the first whose last key is not before it (the
    /// last block for a key after all of them). Only when there are blocks.
    fn block_of(&self, id: PodId, pods: &PodTable) -> usize {
        let key = pods.key_ref(id);
        let at = self.blocks.partition_point(|b| match b.last() {
            Some(&last) => order(pods.key_ref(last), key) == Ordering::Less,
            None => true,
        });
        at.min(self.blocks.len() - 1)
    }

    /// Adds `id`, a pod stored in `pods` whose key is not here yet.
    pub fn insert(&mut self, id: PodId, pods: &PodTable) {
        if self.blocks.is_empty() {
            self.blocks.push(block());
        }
        let b = self.block_of(id, pods);
        let key = pods.key_ref(id);
        let ids = &mut self.blocks[b];
        let Err(at) = ids.binary_search_by(|&i| order(pods.key_ref(i), key)) else {
            return;
        };
        ids.insert(at, id);
        if ids.len() > BLOCK {
            let mut right = block();
            right.extend(ids.drain(BLOCK / 2..));
            self.blocks.insert(b + 1, right);
        }
    }

    /// Removes `id`, still stored in `pods` (its key finds it).
    pub fn remove(&mut self, id: PodId, pods: &PodTable) {
        if self.blocks.is_empty() {
            return;
        }
        let b = self.block_of(id, pods);
        let key = pods.key_ref(id);
        let ids = &mut self.blocks[b];
        if let Ok(at) = ids.binary_search_by(|&i| order(pods.key_ref(i), key)) {
            ids.remove(at);
            if ids.is_empty() {
                self.blocks.remove(b);
            }
        }
    }

    /// The pods in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = PodId> + '_ {
        self.blocks.iter().flat_map(|b| b.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::{BLOCK, OrderedIds};
    use crate::state::pod_table::PodTable;
    use crate::state::pod_table::tests::named;

    fn names(set: &OrderedIds, pods: &PodTable) -> Vec<String> {
        set.iter().map(|i| pods.key_ref(i).1.to_string()).collect()
    }

    #[test]
    fn keeps_key_order_across_blocks_and_both_ways() {
        let mut pods = PodTable::default();
        let mut set = OrderedIds::default();
        // More than a few blocks' worth, in an order that is not the keys' (a multiplier
        // coprime with the count walks every number once).
        let n = BLOCK * 5 + 3;
        let ids: Vec<_> = (0..n)
            .map(|i| (i * 7919) % n)
            .map(|i| pods.insert(named(&format!("p{i:05}"))))
            .collect();
        for &id in &ids {
            set.insert(id, &pods);
        }
        set.insert(ids[3], &pods); // again: no second copy
        let mut want: Vec<String> = (0..n).map(|i| format!("p{i:05}")).collect();
        assert_eq!(names(&set, &pods), want);
        assert!(set.blocks.len() > 5, "split into blocks");
        assert!(set.blocks.iter().all(|b| b.capacity() == BLOCK + 1));
        let back: Vec<_> = set
            .iter()
            .rev()
            .map(|i| pods.key_ref(i).1.to_string())
            .collect();
        assert_eq!(back, want.iter().rev().cloned().collect::<Vec<_>>());
        for &id in ids.iter().step_by(2) {
            set.remove(id, &pods);
        }
        want.retain(|w| !ids.iter().step_by(2).any(|&i| pods.key_ref(i).1 == w));
        assert_eq!(names(&set, &pods), want);
        for &id in &ids {
            set.remove(id, &pods);
        }
        assert!(set.iter().next().is_none() && set.blocks.is_empty());
    }
}

//! All stored pods by number, in the order of their keys (namespace, then name), for listing.
//! A tree of keys held each pod's key again in nodes about two-thirds full (about 27 B a pod);
//! blocks of numbers, compared through the pod table, hold about 6, and each number's 8 bytes
//! of its name after its block's common prefix 11 more: a search compares those, and reads a
//! pod's name (a cache miss at 10,000 nodes, each pod in its own allocation) only when they tie.
//! Each block keeps its last key packed beside its numbers ([`Last`]): the search for a key's
//! block, and the block's common prefix, read those, not the last pod of each block probed.

use super::pod_table::{KeyRef, PodId, PodTable};
use crate::api::{Pod, SharedStr};
use crate::sort;
use std::cmp::Ordering;

/// Most numbers a block holds; a block that reaches one more is split in two. Each block has
/// room for exactly that many from the start, so that no block ever grows (a growing vector
/// holds up to twice its room while it copies).
const BLOCK: usize = 256;

#[derive(Debug, Clone, Default)]
pub struct OrderedIds {
    /// Blocks in key order, none empty; each in key order.
    blocks: Vec<Block>,
}

/// A pod's number and its name's [`sort::window`] after its block's `skip` bytes, as two
/// halves (high first): 12 bytes, not 16.
#[derive(Debug, Clone, Copy)]
struct Slot {
    id: PodId,
    window: [u32; 2],
}

impl Slot {
    fn new(id: PodId, window: u64) -> Slot {
        Slot {
            id,
            window: [(window >> 32) as u32, window as u32],
        }
    }
    fn window(&self) -> u64 {
        u64::from(self.window[0]) << 32 | u64::from(self.window[1])
    }
}

/// A block's last key, packed: its namespace's string (held: a pod's namespace is mostly its
/// namespace's one shared string, and the same string is the same text) and its name's first
/// 16 bytes. Ordering a key against it reads the last pod only when the namespaces are other
/// strings or the first 16 bytes tie.
#[derive(Debug, Clone)]
struct Last {
    namespace: Option<SharedStr>,
    /// [`sort::window`]s of the name's first 8 bytes and of the next 8, as four halves (high
    /// first): compared as the names are where they differ.
    name: [u32; 4],
}

impl Last {
    const NONE: Last = Last {
        namespace: None,
        name: [0; 4],
    };

    fn of(pod: &Pod) -> Last {
        Last {
            namespace: Some(pod.metadata.namespace.clone()),
            name: name_windows(pod.metadata.name.as_bytes()),
        }
    }

    /// This key's namespace against `namespace` (the held string: one of a few, in cache;
    /// not compared byte by byte when it is the same string). `None` while the block is empty.
    fn namespace_cmp(&self, namespace: &str) -> Option<Ordering> {
        let held = self.namespace.as_ref()?.as_str();
        Some(if std::ptr::eq(held, namespace) {
            Ordering::Equal
        } else {
            held.cmp(namespace)
        })
    }

    /// The name's first 16 bytes (zero bytes after a shorter name's end).
    fn name_start(&self) -> [u8; 16] {
        let mut bytes = [0; 16];
        for (to, half) in bytes.chunks_exact_mut(4).zip(self.name) {
            to.copy_from_slice(&half.to_be_bytes());
        }
        bytes
    }
}

/// A name's first 16 bytes as two [`sort::window`]s in four halves: where two names' differ,
/// the names are in the same order.
fn name_windows(name: &[u8]) -> [u32; 4] {
    let (a, b) = (
        sort::window(name),
        sort::window(name.get(8..).unwrap_or_default()),
    );
    [(a >> 32) as u32, a as u32, (b >> 32) as u32, b as u32]
}

#[derive(Debug, Clone)]
struct Block {
    /// The last slot's key ([`Last::NONE`] while empty).
    last: Last,
    /// In key order.
    slots: Vec<Slot>,
    /// How many first bytes every name here shares (the windows start after them); `None`
    /// once the block has held pods of two namespaces (then compared by key alone).
    skip: Option<u32>,
}

impl Block {
    fn new() -> Block {
        Block {
            last: Last::NONE,
            slots: Vec::with_capacity(BLOCK + 1),
            skip: Some(0),
        }
    }

    /// The window of `key` to search this block with: its name's bytes after the common
    /// prefix, made shorter first (every window moved along) if `key` shares less of it.
    /// `None` for a block of several namespaces.
    fn window_of(&mut self, key: KeyRef<'_>, pods: &PodTable) -> Option<u64> {
        let skip = self.skip? as usize;
        let Some(last) = self.slots.last() else {
            self.skip = Some(key.1.len() as u32);
            return Some(0);
        };
        // The last name's first bytes as the block keeps them, when they cover the prefix
        // (every name here has at least `skip` bytes); its pod otherwise.
        if self.last.namespace_cmp(key.0) != Some(Ordering::Equal) {
            self.skip = None;
            return None;
        }
        let kept = self.last.name_start();
        let known = match kept.get(..skip) {
            Some(kept) => kept,
            None => pods.key_ref(last.id).1.as_bytes(),
        };
        let name = key.1.as_bytes();
        let common = sort::common_prefix(known, name, skip);
        if common < skip {
            // Every name here has `known`'s bytes up to `skip`: they go before each window.
            let shared = sort::window(&known[common..skip]);
            let shift = 8 * (skip - common) as u32;
            for s in &mut self.slots {
                *s = Slot::new(s.id, shared | s.window().checked_shr(shift).unwrap_or(0));
            }
            self.skip = Some(common as u32);
        }
        Some(sort::window(&name[common..]))
    }

    /// Windows for every slot again when they hold pods of one namespace (after their
    /// common prefix, as [`Self::window_of`] keeps them), none otherwise.
    fn renew(&mut self, pods: &PodTable) {
        let (Some(first), Some(last)) = (self.slots.first(), self.slots.last()) else {
            return;
        };
        let (first, last) = (pods.key_ref(first.id), pods.key_ref(last.id));
        if !(std::ptr::eq(first.0, last.0) || first.0 == last.0) {
            return;
        }
        // In key order: what the first and the last share, every name between shares.
        let (first, last) = (first.1.as_bytes(), last.1.as_bytes());
        let skip = sort::common_prefix(first, last, first.len());
        for s in &mut self.slots {
            *s = Slot::new(s.id, sort::window(&pods.key_ref(s.id).1.as_bytes()[skip..]));
        }
        self.skip = Some(skip as u32);
    }

    /// Where `key` is or goes, its window as [`Self::window_of`] gave it.
    fn search(
        &self,
        key: KeyRef<'_>,
        window: Option<u64>,
        pods: &PodTable,
    ) -> Result<usize, usize> {
        match window {
            // Names with the same first bytes: a window below another's is a name below.
            Some(w) => self.slots.binary_search_by(|s| {
                (s.window().cmp(&w)).then_with(|| order(pods.key_ref(s.id), key))
            }),
            None => self
                .slots
                .binary_search_by(|s| order(pods.key_ref(s.id), key)),
        }
    }
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
        let name = name_windows(key.1.as_bytes());
        // A block's last key before `key`: by the kept namespace and name's first 16 bytes,
        // and only when those tie (the very key, or a long name) by reading the last pod.
        let at = self.blocks.partition_point(|b| {
            let (Some(last), Some(namespace)) = (b.slots.last(), b.last.namespace_cmp(key.0))
            else {
                return true;
            };
            match namespace.then_with(|| b.last.name.cmp(&name)) {
                Ordering::Equal => order(pods.key_ref(last.id), key) == Ordering::Less,
                before => before == Ordering::Less,
            }
        });
        at.min(self.blocks.len() - 1)
    }

    /// Keeps block `b`'s last key after its last slot changed.
    fn renew_last(&mut self, b: usize, pods: &PodTable) {
        let block = &mut self.blocks[b];
        if let Some(last) = block.slots.last() {
            block.last = Last::of(pods.pod(last.id));
        }
    }

    /// Adds `id`, a pod stored in `pods` whose key is not here yet.
    pub fn insert(&mut self, id: PodId, pods: &PodTable) {
        if self.blocks.is_empty() {
            self.blocks.push(Block::new());
        }
        let b = self.block_of(id, pods);
        let key = pods.key_ref(id);
        let block = &mut self.blocks[b];
        let window = block.window_of(key, pods);
        let Err(at) = block.search(key, window, pods) else {
            return;
        };
        block.slots.insert(at, Slot::new(id, window.unwrap_or(0)));
        if at + 1 == block.slots.len() {
            block.last = Last::of(pods.pod(id));
        }
        if block.slots.len() > BLOCK {
            let mut right = Block::new();
            right.slots.extend(block.slots.drain(BLOCK / 2..));
            right.skip = block.skip;
            right.last = block.last.clone();
            if block.skip.is_none() {
                // Each half may hold one namespace again (pods of `default` and, after them,
                // of `kube-system`): its windows are worth a read of each name.
                block.renew(pods);
                right.renew(pods);
            }
            self.blocks.insert(b + 1, right);
            self.renew_last(b, pods);
        }
    }

    /// Removes `id`, still stored in `pods` (its key finds it).
    pub fn remove(&mut self, id: PodId, pods: &PodTable) {
        if self.blocks.is_empty() {
            return;
        }
        let b = self.block_of(id, pods);
        let key = pods.key_ref(id);
        let block = &mut self.blocks[b];
        let window = block.window_of(key, pods);
        if let Ok(at) = block.search(key, window, pods) {
            block.slots.remove(at);
            if block.slots.is_empty() {
                self.blocks.remove(b);
            } else if at == block.slots.len() {
                self.renew_last(b, pods);
            }
        }
    }

    /// The pods in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = PodId> + '_ {
        self.blocks
            .iter()
            .flat_map(|b| b.slots.iter().map(|s| s.id))
    }
}

#[cfg(test)]
mod tests {
    use super::{BLOCK, OrderedIds};
    use crate::api::{Pod, SharedStr};
    use crate::sort;
    use crate::state::pod_table::tests::named;
    use crate::state::pod_table::{PodId, PodTable};
    use std::rc::Rc;

    fn names(set: &OrderedIds, pods: &PodTable) -> Vec<String> {
        lasts_hold(set, pods);
        set.iter().map(|i| pods.key_ref(i).1.to_string()).collect()
    }

    /// The set's keys in its order, once every block's kept last key is checked.
    fn listed(set: &OrderedIds, pods: &PodTable) -> Vec<(String, String)> {
        lasts_hold(set, pods);
        set.iter().map(|i| owned_key(pods, i)).collect()
    }

    /// The key of the pod numbered `id`, as owned strings.
    fn owned_key(pods: &PodTable, id: PodId) -> (String, String) {
        let (namespace, name) = pods.key_ref(id);
        (namespace.to_string(), name.to_string())
    }

    /// A pod `namespace/name` stored and inserted into `set`; its number and key.
    fn add(
        pods: &mut PodTable,
        set: &mut OrderedIds,
        namespace: SharedStr,
        name: &str,
    ) -> (PodId, (String, String)) {
        let mut pod = Pod::default();
        pod.metadata.namespace = namespace;
        pod.metadata.name = name.into();
        let id = pods.insert(Rc::new(pod));
        set.insert(id, pods);
        (id, owned_key(pods, id))
    }

    /// Every block's kept last key is its last pod's, packed.
    fn lasts_hold(set: &OrderedIds, pods: &PodTable) {
        for b in &set.blocks {
            let id = b.slots.last().expect("no empty block").id;
            let want = super::Last::of(pods.pod(id));
            let held = b.last.namespace.as_ref().expect("a block's last namespace");
            assert!(
                held.same(&pods.pod(id).metadata.namespace) && b.last.name == want.name,
                "{:?}",
                pods.key_ref(id)
            );
        }
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
        assert!(set.blocks.iter().all(|b| b.slots.capacity() == BLOCK + 1));
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

    /// Names that share less and less of their first bytes as they come (a block's common
    /// prefix shrinking by 1, 3 and over 8 bytes), and pods of a second namespace: the order is
    /// a sorted list's, inserted and removed, and every window is its name's after its
    /// block's common prefix.
    #[test]
    fn windows_follow_each_block_prefix_down() {
        let mut pods = PodTable::default();
        let mut set = OrderedIds::default();
        let mut keys = Vec::new();
        let mut ids = Vec::new();
        let bases = [
            "agent-00-bx",
            "agent-00-",
            "agent-0",
            "agent-19-",
            "a-very-long-name-x",
        ];
        for (round, base) in bases.iter().enumerate() {
            for i in 0..BLOCK + 40 {
                let namespace = if i % 97 == 5 {
                    "kube-system"
                } else {
                    "default"
                };
                let name = format!("{base}{:05}", (i * 7919 + round) % 100_000);
                let (id, key) = add(&mut pods, &mut set, namespace.into(), &name);
                keys.push(key);
                ids.push(id);
            }
        }
        keys.sort();
        assert_eq!(listed(&set, &pods), keys);
        let windows_hold = |set: &OrderedIds, pods: &PodTable| {
            for b in &set.blocks {
                let Some(skip) = b.skip else { continue };
                for s in &b.slots {
                    let name = pods.key_ref(s.id).1.as_bytes();
                    assert_eq!(s.window(), sort::window(&name[skip as usize..]));
                }
            }
        };
        windows_hold(&set, &pods);
        assert!(set.blocks.iter().any(|b| b.skip.is_none()));
        assert!(set.blocks.iter().filter(|b| b.skip.is_some()).count() > 3);
        for &id in ids.iter().step_by(3) {
            let key = owned_key(&pods, id);
            set.remove(id, &pods);
            keys.retain(|k| *k != key);
        }
        assert_eq!(listed(&set, &pods), keys);
        windows_hold(&set, &pods);
    }

    /// As the store holds them: pods of one namespace share its string, so a block's kept last
    /// key orders keys without reading its pod. Names longer than the 16 bytes kept that tie
    /// in them, names that are another's start, and a second namespace (its own shared
    /// string) between: the order is a sorted list's, inserted and removed, and every block's
    /// kept last key is its last pod's.
    #[test]
    fn kept_last_keys_order_shared_namespaces() {
        let (default, system) = (SharedStr::new("default"), SharedStr::new("kube-system"));
        let mut pods = PodTable::default();
        let mut set = OrderedIds::default();
        let mut keys = Vec::new();
        let mut ids = Vec::new();
        let n = BLOCK * 6 + 11;
        for i in 0..n {
            let j = (i * 7919) % n;
            let name = match j % 4 {
                0 => format!("agent-00-{j:05}"),
                1 => format!("a-very-long-daemonset-name-{j:05}"),
                2 => format!("a-very-long-daemonset-name-{j:05}x"),
                _ => format!("agent-{j}"),
            };
            let namespace = if j.is_multiple_of(13) {
                &system
            } else {
                &default
            };
            let (id, key) = add(&mut pods, &mut set, namespace.clone(), &name);
            keys.push(key);
            ids.push(id);
        }
        keys.sort();
        assert_eq!(listed(&set, &pods), keys);
        assert!(set.blocks.len() > 6, "split into blocks");
        // Removed from every place in the blocks, the last ones included.
        for &id in ids.iter().step_by(3).chain(ids.iter().skip(1).step_by(7)) {
            let key = owned_key(&pods, id);
            if let Some(at) = keys.iter().position(|k| *k == key) {
                set.remove(id, &pods);
                keys.remove(at);
            }
        }
        assert_eq!(listed(&set, &pods), keys);
        let lasts: Vec<_> = set
            .blocks
            .iter()
            .map(|b| b.slots.last().unwrap().id)
            .collect();
        for id in lasts {
            let key = owned_key(&pods, id);
            set.remove(id, &pods);
            keys.retain(|k| *k != key);
        }
        assert_eq!(listed(&set, &pods), keys);
    }
}

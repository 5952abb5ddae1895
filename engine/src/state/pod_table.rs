//! The store's pods by number: each pod's key and object are held once, in a slot, and the
//! store's indices hold the slot's 4-byte number instead of a copy of the 32-byte key. A pod is
//! found by key through a hash of the key (a 4-byte slot, `state::pod_index`, not a copy of the
//! key).

use super::hash::hash_of;
use super::node_ids::NodeId;
use super::pod_index::PodIndex;
use crate::api::{ObjectKey, Pod};
use std::cell::Cell;
use std::hash::Hash;
use std::rc::Rc;

/// A stored pod's number, valid while the pod is stored (a removed pod's number is given to
/// the next pod created).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PodId(u32);

impl PodId {
    /// The number as the indices of numbers ([`HashIndex`]) hold it.
    pub fn number(self) -> u32 {
        self.0
    }
    pub fn from_number(n: u32) -> PodId {
        PodId(n)
    }
}

/// A stored pod's number and how many pods its slot has held: tells the pod from one stored
/// later under the same number (numbers are reused; a stamp never is, short of 2³² pods in
/// one slot).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PodStamp {
    pub id: PodId,
    pub birth: u32,
}

/// `None` as [`PodTable`]'s `nodes` hold it (a table never holds `u32::MAX` names).
const NO_NODE: u32 = u32::MAX;

#[derive(Debug, Clone, Default)]
pub struct PodTable {
    /// The pods; a pod's key is its own metadata's name and namespace (not held again).
    slots: Vec<Option<Rc<Pod>>>,
    /// How many pods each slot has held, counting the one it holds (from 1; past `u32::MAX`,
    /// 1 again: never 0).
    births: Vec<u32>,
    /// The hash of each slot's key ([`hash32`]), for the index's doubling and a removal's
    /// shifts: read from this vector, not from each pod (a cache miss a pod at 200,000 pods,
    /// and its key hashed again).
    hashes: Vec<u32>,
    /// The number of each slot's pod's target node as the store last filed it ([`NO_NODE`]:
    /// none), so that a write that cannot move the pod (a status) and the write or removal
    /// after any write need not derive it again (from `spec.nodeName` or the pinning affinity)
    /// and look its name up: cache misses on strings read nowhere else, at 10,000 nodes.
    nodes: Vec<u32>,
    /// Slots emptied by a removal, reused first.
    free: Vec<PodId>,
    /// A hash of the key → the pod's number.
    by_key: PodIndex,
    /// The number last found or stored: a pod is mostly looked up several times in a row (a
    /// controller reads it, writes it, reads it back for the event).
    last: Cell<PodId>,
}

/// A key's namespace and name, ordered and compared as the key is.
pub type KeyRef<'a> = (&'a str, &'a str);

/// A pod's key as its two strings, ordered and compared as the key.
pub(super) fn key_ref(pod: &Pod) -> KeyRef<'_> {
    (&pod.metadata.namespace, &pod.metadata.name)
}

/// The hash of a key, from its strings (as `ObjectKey`'s `Hash` feeds them).
fn hash32(key: KeyRef<'_>) -> u32 {
    hash_of(&key) as u32
}

impl PodTable {
    /// The pods stored: the slots less the free ones.
    pub fn len(&self) -> usize {
        self.slots.len() - self.free.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn id(&self, key: &ObjectKey) -> Option<PodId> {
        if self.holds(self.last.get(), key) {
            return Some(self.last.get());
        }
        let key = (key.namespace.as_str(), key.name.as_str());
        let found = self.by_key.find(
            hash32(key),
            |i| matches!(&self.slots[i as usize], Some(pod) if key_ref(pod) == key),
        )?;
        self.last.set(PodId(found));
        Some(PodId(found))
    }

    /// Whether the pod numbered `id` is the key's, known without reading a string: it holds
    /// the very same name string (the key keeps that string alive, so no other can be at its
    /// address) in the key's namespace (shared too, mostly).
    fn holds(&self, id: PodId, key: &ObjectKey) -> bool {
        matches!(
            self.slots.get(id.0 as usize),
            Some(Some(pod))
                if pod.metadata.name.same(&key.name) && pod.metadata.namespace == key.namespace
        )
    }

    /// [`Self::id`], trying the number `hint` first (a change's or a queue's, which may since
    /// be another pod's or free; see [`Self::holds`]). Saves hashing the key and probing the
    /// table.
    pub fn id_hinted(&self, hint: PodId, key: &ObjectKey) -> Option<PodId> {
        if self.holds(hint, key) {
            self.last.set(hint);
            return Some(hint);
        }
        self.id(key)
    }

    pub fn get(&self, key: &ObjectKey) -> Option<&Rc<Pod>> {
        self.id(key).map(|id| self.pod(id))
    }

    /// The key of the stored pod `id` (its strings shared with the pod).
    pub fn key(&self, id: PodId) -> ObjectKey {
        ObjectKey::of(&self.pod(id).metadata)
    }

    /// The key of the stored pod `id` as its two strings, to compare or order.
    pub fn key_ref(&self, id: PodId) -> KeyRef<'_> {
        key_ref(self.pod(id))
    }

    /// The stamp of the stored pod `id`.
    pub fn stamp(&self, id: PodId) -> PodStamp {
        PodStamp {
            id,
            birth: self.births[id.0 as usize],
        }
    }

    /// The key of the pod stamped `stamp`, if it is still stored.
    pub fn stamped_key(&self, stamp: PodStamp) -> Option<ObjectKey> {
        let pod = self.slots.get(stamp.id.0 as usize)?.as_ref()?;
        (self.births[stamp.id.0 as usize] == stamp.birth).then(|| ObjectKey::of(&pod.metadata))
    }

    /// The stamp of the pod stored under the number `id`, if one is.
    pub fn stamp_of(&self, id: PodId) -> Option<PodStamp> {
        matches!(self.slots.get(id.0 as usize), Some(Some(_))).then(|| self.stamp(id))
    }

    pub fn pod(&self, id: PodId) -> &Rc<Pod> {
        match &self.slots[id.0 as usize] {
            Some(pod) => pod,
            None => unreachable!("pod {id:?} is not stored"),
        }
    }

    /// The stored pod `id`, to replace or edit; its name and namespace must stay.
    pub fn pod_mut(&mut self, id: PodId) -> &mut Rc<Pod> {
        match &mut self.slots[id.0 as usize] {
            Some(pod) => pod,
            None => unreachable!("pod {id:?} is not stored"),
        }
    }

    /// The target node the pod `id` was last filed under ([`Self::set_node`]; none until then).
    pub fn node(&self, id: PodId) -> Option<NodeId> {
        let n = self.nodes[id.0 as usize];
        (n != NO_NODE).then(|| NodeId::from_number(n))
    }

    pub fn set_node(&mut self, id: PodId, node: Option<NodeId>) {
        self.nodes[id.0 as usize] = node.map_or(NO_NODE, NodeId::number);
    }

    /// Stores a pod whose key is not stored yet (filed under no node: see [`Self::set_node`]).
    pub fn insert(&mut self, pod: Rc<Pod>) -> PodId {
        let hash = hash32(key_ref(&pod));
        let id = match self.free.pop() {
            Some(id) => {
                self.slots[id.0 as usize] = Some(pod);
                self.hashes[id.0 as usize] = hash;
                self.nodes[id.0 as usize] = NO_NODE;
                id
            }
            None => {
                // Grown by a quarter: doubling would leave up to half of a large table unused.
                if self.slots.len() == self.slots.capacity() {
                    let more = (self.slots.len() / 4).max(16);
                    self.slots.reserve_exact(more);
                    self.births.reserve_exact(more);
                    self.hashes.reserve_exact(more);
                    self.nodes.reserve_exact(more);
                }
                self.slots.push(Some(pod));
                self.births.push(0);
                self.hashes.push(hash);
                self.nodes.push(NO_NODE);
                PodId(self.slots.len() as u32 - 1)
            }
        };
        let birth = &mut self.births[id.0 as usize];
        *birth = birth.wrapping_add(1).max(1);
        let hashes = self.hashes.as_slice();
        self.by_key.insert(hash, id.0, |n| hashes[n as usize]);
        self.last.set(id);
        id
    }

    /// Takes the pod `id` out; its number is free for the next pod.
    pub fn remove(&mut self, id: PodId) -> Rc<Pod> {
        let Some(pod) = self.slots[id.0 as usize].take() else {
            unreachable!("pod {id:?} is not stored")
        };
        let hashes = self.hashes.as_slice();
        self.by_key
            .remove(hashes[id.0 as usize], id.0, |n| hashes[n as usize]);
        self.free.push(id);
        pod
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::PodTable;
    use crate::api::{ObjectKey, Pod};
    use std::rc::Rc;

    /// A hint is taken only for its own pod: a number since freed, or given to another pod,
    /// falls back to the key (a key equal by value but holding another string included).
    #[test]
    fn a_hint_is_checked_against_the_key() {
        let mut t = PodTable::default();
        let a = t.insert(named("a"));
        let b = t.insert(named("b"));
        let key_a = t.key(a);
        assert_eq!(t.id_hinted(a, &key_a), Some(a));
        assert_eq!(t.id_hinted(b, &key_a), Some(a));
        assert_eq!(t.id_hinted(super::PodId(9), &key_a), Some(a));
        // The same name by value, another string: found by the key.
        assert_eq!(t.id_hinted(b, &ObjectKey::new("default", "a")), Some(a));
        // Removed, its number given to another pod: the old key finds nothing.
        t.remove(a);
        let c = t.insert(named("c"));
        assert_eq!(c, a);
        assert_eq!(t.id_hinted(a, &key_a), None);
        // In another namespace under the same name string: not the key's pod.
        let mut other = Pod::clone(&named("x"));
        other.metadata.name = key_a.name.clone();
        other.metadata.namespace = "kube-system".into();
        let d = t.insert(Rc::new(other));
        assert_eq!(t.id_hinted(d, &key_a), None);
    }

    /// The last number found is tried first; a pod removed, its number given to another, is
    /// not found by its old key through it.
    #[test]
    fn the_last_number_found_is_checked_too() {
        let mut t = PodTable::default();
        let a = t.insert(named("a"));
        let b = t.insert(named("b"));
        let (key_a, key_b) = (t.key(a), t.key(b));
        assert_eq!(t.id(&key_a), Some(a));
        assert_eq!(t.last.get(), a);
        assert_eq!(t.id(&key_b), Some(b));
        assert_eq!(t.last.get(), b);
        t.remove(b);
        assert_eq!(t.id(&key_b), None);
        let c = t.insert(named("c"));
        assert_eq!((c, t.last.get()), (b, b));
        assert_eq!(t.id(&key_b), None);
        assert_eq!(t.id(&ObjectKey::new("default", "c")), Some(c));
        assert_eq!(t.id(&key_a), Some(a));
    }

    /// Each slot's kept hash is its pod's key's, through the index's doublings and numbers
    /// reused by other pods; every pod is found by its key after removals shifted the index.
    #[test]
    fn kept_hashes_follow_the_slots() {
        let mut t = PodTable::default();
        let ids: Vec<_> = (0..300)
            .map(|i| t.insert(named(&format!("p{i}"))))
            .collect();
        for &id in ids.iter().step_by(3) {
            t.remove(id);
        }
        for i in 0..100 {
            t.insert(named(&format!("q{i}")));
        }
        for (n, slot) in t.slots.iter().enumerate() {
            let pod = slot.as_ref().expect("every freed number was reused");
            assert_eq!(t.hashes[n], super::hash32(super::key_ref(pod)), "slot {n}");
            let key = ObjectKey::of(&pod.metadata);
            assert_eq!(t.id(&key), Some(super::PodId(n as u32)));
        }
    }

    /// A pod named `name` in `default`.
    pub(crate) fn named(name: &str) -> Rc<Pod> {
        let mut pod = Pod::default();
        pod.metadata.namespace = "default".into();
        pod.metadata.name = name.into();
        Rc::new(pod)
    }

    #[test]
    fn finds_pods_by_key_and_reuses_free_numbers() {
        let mut t = PodTable::default();
        let key = |n: &str| ObjectKey::new("default", n);
        let a = t.insert(named("a"));
        let b = t.insert(named("b"));
        assert_eq!((t.id(&key("a")), t.id(&key("b"))), (Some(a), Some(b)));
        assert_eq!(t.key(b), key("b"));
        let stamp_a = t.stamp(a);
        assert_eq!(t.remove(a).metadata.name, "a");
        assert_eq!((t.id(&key("a")), t.len()), (None, 1));
        let c = t.insert(named("c"));
        assert_eq!(c, a, "a free number is reused");
        assert_ne!(t.stamp(c), stamp_a, "but not its stamp");
        assert_eq!(t.id(&key("c")), Some(c));
        assert_eq!(t.id(&key("b")), Some(b));
    }
}

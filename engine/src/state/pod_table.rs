//! The store's pods by number: each pod's key and object are held once, in a slot, and the
//! store's indices hold the slot's 4-byte number instead of a copy of the 32-byte key. A pod is
//! found by key through a hash of the key (eight bytes an entry, not a copy of the key).

use super::hash::hash_of;
use super::hash_index::HashIndex;
use crate::api::{ObjectKey, Pod};
use std::hash::Hash;
use std::rc::Rc;

/// A stored pod's number, valid while the pod is stored (a removed pod's number is given to
/// the next pod created).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

#[derive(Debug, Clone, Default)]
pub struct PodTable {
    slots: Vec<Option<(ObjectKey, Rc<Pod>)>>,
    /// Slots emptied by a removal, reused first.
    free: Vec<PodId>,
    /// A hash of the key → the pod's number.
    by_key: HashIndex,
}

fn hash32(key: &ObjectKey) -> u32 {
    hash_of(key) as u32
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
        let found = self.by_key.find(
            hash32(key),
            |i| matches!(&self.slots[i as usize], Some((k, _)) if k == key),
        )?;
        Some(PodId(found))
    }

    pub fn get(&self, key: &ObjectKey) -> Option<&Rc<Pod>> {
        self.id(key).map(|id| self.pod(id))
    }

    fn slot(&self, id: PodId) -> &(ObjectKey, Rc<Pod>) {
        match &self.slots[id.0 as usize] {
            Some(slot) => slot,
            None => unreachable!("pod {id:?} is not stored"),
        }
    }

    /// The key of the stored pod `id`.
    pub fn key(&self, id: PodId) -> &ObjectKey {
        &self.slot(id).0
    }

    pub fn pod(&self, id: PodId) -> &Rc<Pod> {
        &self.slot(id).1
    }

    pub fn pod_mut(&mut self, id: PodId) -> &mut Rc<Pod> {
        match &mut self.slots[id.0 as usize] {
            Some((_, pod)) => pod,
            None => unreachable!("pod {id:?} is not stored"),
        }
    }

    /// Stores a pod under a key not stored yet.
    pub fn insert(&mut self, key: ObjectKey, pod: Rc<Pod>) -> PodId {
        let hash = hash32(&key);
        let id = match self.free.pop() {
            Some(id) => {
                self.slots[id.0 as usize] = Some((key, pod));
                id
            }
            None => {
                // Grown by a quarter: doubling would leave up to half of a large table unused.
                if self.slots.len() == self.slots.capacity() {
                    self.slots.reserve_exact((self.slots.len() / 4).max(16));
                }
                self.slots.push(Some((key, pod)));
                PodId(self.slots.len() as u32 - 1)
            }
        };
        self.by_key.insert(hash, id.0);
        id
    }

    /// Takes the pod `id` out; its number is free for the next pod.
    pub fn remove(&mut self, id: PodId) -> (ObjectKey, Rc<Pod>) {
        let Some((key, pod)) = self.slots[id.0 as usize].take() else {
            unreachable!("pod {id:?} is not stored")
        };
        self.by_key.remove(hash32(&key), id.0);
        self.free.push(id);
        (key, pod)
    }
}

#[cfg(test)]
mod tests {
    use super::PodTable;
    use crate::api::ObjectKey;
    use std::rc::Rc;

    #[test]
    fn finds_pods_by_key_and_reuses_free_numbers() {
        let mut t = PodTable::default();
        let key = |n: &str| ObjectKey::new("default", n);
        let a = t.insert(key("a"), Rc::default());
        let b = t.insert(key("b"), Rc::default());
        assert_eq!((t.id(&key("a")), t.id(&key("b"))), (Some(a), Some(b)));
        assert_eq!(t.key(b), &key("b"));
        assert_eq!(t.remove(a).0, key("a"));
        assert_eq!((t.id(&key("a")), t.len()), (None, 1));
        let c = t.insert(key("c"), Rc::default());
        assert_eq!(c, a, "a free number is reused");
        assert_eq!(t.id(&key("c")), Some(c));
        assert_eq!(t.id(&key("b")), Some(b));
    }
}

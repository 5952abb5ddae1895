//! A small set of object keys, as a sorted vector: the store keeps one per controller and node
//! (a DaemonSet's pods on one node: mostly one), and one per node for its orphans. A `BTreeSet`
//! allocates a node of eleven keys for even one key; this holds exactly its keys.

use crate::api::ObjectKey;

/// Up to this many keys, a set has room for exactly its keys.
const SMALL: usize = 8;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeySet(Vec<ObjectKey>);

impl KeySet {
    /// Adds `key`; false if it was there already.
    pub fn insert(&mut self, key: ObjectKey) -> bool {
        match self.0.binary_search(&key) {
            Ok(_) => false,
            Err(i) => {
                // A first push takes room for four keys; most sets hold one, so a small set
                // grows one key at a time.
                if self.0.len() == self.0.capacity() && self.0.len() < SMALL {
                    self.0.reserve_exact(1);
                }
                self.0.insert(i, key);
                true
            }
        }
    }

    /// Removes `key`; false if it was not there.
    pub fn remove(&mut self, key: &ObjectKey) -> bool {
        match self.0.binary_search(key) {
            Ok(i) => {
                self.0.remove(i);
                true
            }
            Err(_) => false,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The keys in order.
    pub fn iter(&self) -> std::slice::Iter<'_, ObjectKey> {
        self.0.iter()
    }
}

impl<'a> IntoIterator for &'a KeySet {
    type Item = &'a ObjectKey;
    type IntoIter = std::slice::Iter<'a, ObjectKey>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::KeySet;
    use crate::api::ObjectKey;

    #[test]
    fn a_small_set_has_room_for_its_keys_only() {
        let mut set = KeySet::default();
        set.insert(ObjectKey::new("default", "a"));
        assert_eq!(set.0.capacity(), 1);
        set.insert(ObjectKey::new("default", "b"));
        assert_eq!(set.0.capacity(), 2);
    }

    #[test]
    fn keeps_its_keys_once_and_in_order() {
        let mut set = KeySet::default();
        for name in ["b", "a", "c", "a"] {
            set.insert(ObjectKey::new("default", name));
        }
        let names: Vec<&str> = set.iter().map(|k| &*k.name).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert!(set.remove(&ObjectKey::new("default", "b")));
        assert!(!set.remove(&ObjectKey::new("default", "b")));
        assert!(set.remove(&ObjectKey::new("default", "a")));
        assert!(set.remove(&ObjectKey::new("default", "c")));
        assert!(set.is_empty());
    }
}

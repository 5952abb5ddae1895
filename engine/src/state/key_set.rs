//! A small set of object keys, as a sorted vector: the store keeps one per node for its pods, one
//! per controller and node (a DaemonSet's pods on one node: mostly one) and one per node for its
//! orphans. A `BTreeSet` allocates a node of eleven keys for even one key, and its nodes are
//! half full after keys come in order; this holds one key inline and about as many keys as
//! it has room for.

use crate::api::ObjectKey;

/// Up to this many keys, a set has room for exactly its keys; beyond, it grows by a quarter.
const SMALL: usize = 8;

// No `PartialEq`: `One(k)` and `Many([k])` hold the same set, so a derived one would be wrong.
#[derive(Debug, Clone)]
pub struct KeySet(Keys);

/// One key is held inline (a DaemonSet's pod on a node: most sets), more in a sorted vector.
#[derive(Debug, Clone)]
enum Keys {
    One(ObjectKey),
    Many(Vec<ObjectKey>),
}

impl Default for KeySet {
    fn default() -> Self {
        KeySet(Keys::Many(Vec::new()))
    }
}

impl KeySet {
    /// Adds `key`; false if it was there already.
    pub fn insert(&mut self, key: ObjectKey) -> bool {
        match &mut self.0 {
            Keys::Many(keys) if keys.is_empty() => {
                self.0 = Keys::One(key);
                true
            }
            Keys::One(one) if *one == key => false,
            Keys::One(one) => {
                let mut keys = vec![one.clone(), key];
                keys.sort();
                self.0 = Keys::Many(keys);
                true
            }
            Keys::Many(keys) => match keys.binary_search(&key) {
                Ok(_) => false,
                Err(i) => {
                    // Doubling would leave up to half the room unused in the sets of a node's
                    // pods: a small set grows one key at a time, a larger one by a quarter.
                    if keys.len() == keys.capacity() {
                        keys.reserve_exact(if keys.len() < SMALL {
                            1
                        } else {
                            keys.len() / 4
                        });
                    }
                    keys.insert(i, key);
                    true
                }
            },
        }
    }

    /// Removes `key`; false if it was not there.
    pub fn remove(&mut self, key: &ObjectKey) -> bool {
        match &mut self.0 {
            Keys::One(one) if one == key => {
                self.0 = Keys::Many(Vec::new());
                true
            }
            Keys::One(_) => false,
            Keys::Many(keys) => match keys.binary_search(key) {
                Ok(i) => {
                    keys.remove(i);
                    true
                }
                Err(_) => false,
            },
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(&self.0, Keys::Many(keys) if keys.is_empty())
    }

    /// The keys in order.
    pub fn iter(&self) -> std::slice::Iter<'_, ObjectKey> {
        match &self.0 {
            Keys::One(one) => std::slice::from_ref(one).iter(),
            Keys::Many(keys) => keys.iter(),
        }
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
        assert!(
            matches!(set.0, super::Keys::One(_)),
            "one key is held inline"
        );
        set.insert(ObjectKey::new("default", "b"));
        let super::Keys::Many(keys) = &set.0 else {
            panic!("two keys are a vector")
        };
        assert_eq!(keys.capacity(), 2);
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

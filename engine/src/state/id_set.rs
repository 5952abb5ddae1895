//! A small set of stored pods, by number, kept in the order of their keys: the store keeps one per
//! node for its pods and one per node for its orphans. A number is 4 bytes where a key is 32;
//! one number is held inline, more in a sorted vector that grows to about its size.

use super::pod_table::{PodId, PodTable};

/// Up to this many pods, a set has room for exactly its pods; beyond, it grows by a quarter.
const SMALL: usize = 8;

// No `PartialEq`: `One(i)` and `Many([i])` hold the same set, so a derived one would be wrong.
#[derive(Debug, Clone)]
pub struct IdSet(Ids);

#[derive(Debug, Clone)]
enum Ids {
    One(PodId),
    Many(Vec<PodId>),
}

impl Default for IdSet {
    fn default() -> Self {
        IdSet(Ids::Many(Vec::new()))
    }
}

impl IdSet {
    /// Adds `id`, a pod stored in `pods`, in the order of the keys; false if it was there.
    pub fn insert(&mut self, id: PodId, pods: &PodTable) -> bool {
        let key = pods.key_ref(id);
        match &mut self.0 {
            Ids::Many(ids) if ids.is_empty() => {
                self.0 = Ids::One(id);
                true
            }
            Ids::One(one) if *one == id => false,
            Ids::One(one) => {
                let one = *one;
                let ids = if pods.key_ref(one) < key {
                    vec![one, id]
                } else {
                    vec![id, one]
                };
                self.0 = Ids::Many(ids);
                true
            }
            // A node's pods mostly come in key order (a DaemonSet's sync creates its pods,
            // and each node gets one pod of each DaemonSet in turn): a key after the last is
            // put there after one read of a pod, not a search reading several (each in its
            // own allocation: cache misses at 10,000 nodes).
            Ids::Many(ids) => match match ids.last() {
                Some(&last) if pods.key_ref(last) < key => Err(ids.len()),
                _ => ids.binary_search_by(|&i| pods.key_ref(i).cmp(&key)),
            } {
                Ok(_) => false,
                Err(at) => {
                    // Doubling would leave up to half the room unused in the sets of a node's
                    // pods: a small set grows one at a time, a larger one by a quarter.
                    if ids.len() == ids.capacity() {
                        ids.reserve_exact(if ids.len() < SMALL { 1 } else { ids.len() / 4 });
                    }
                    ids.insert(at, id);
                    true
                }
            },
        }
    }

    /// Removes `id`; false if it was not there.
    pub fn remove(&mut self, id: PodId) -> bool {
        match &mut self.0 {
            Ids::One(one) if *one == id => {
                self.0 = Ids::Many(Vec::new());
                true
            }
            Ids::One(_) => false,
            Ids::Many(ids) => match ids.iter().position(|&i| i == id) {
                Some(at) => {
                    ids.remove(at);
                    true
                }
                None => false,
            },
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(&self.0, Ids::Many(ids) if ids.is_empty())
    }

    /// The pods in the order of their keys.
    pub fn iter(&self) -> std::iter::Copied<std::slice::Iter<'_, PodId>> {
        match &self.0 {
            Ids::One(one) => std::slice::from_ref(one).iter().copied(),
            Ids::Many(ids) => ids.iter().copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::IdSet;
    use crate::state::pod_table::PodTable;
    use crate::state::pod_table::tests::named;

    #[test]
    fn a_small_set_has_room_for_its_pods_only() {
        let mut pods = PodTable::default();
        let a = pods.insert(named("a"));
        let b = pods.insert(named("b"));
        let mut set = IdSet::default();
        set.insert(a, &pods);
        assert!(
            matches!(set.0, super::Ids::One(_)),
            "one pod is held inline"
        );
        set.insert(b, &pods);
        let super::Ids::Many(ids) = &set.0 else {
            panic!("two pods are a vector")
        };
        assert_eq!(ids.capacity(), 2);
    }

    #[test]
    fn keeps_its_pods_once_and_in_key_order() {
        let mut pods = PodTable::default();
        let mut set = IdSet::default();
        let ids: Vec<_> = ["b", "a", "c"]
            .iter()
            .map(|n| pods.insert(named(n)))
            .collect();
        for &id in ids.iter().chain(&ids[1..2]) {
            set.insert(id, &pods);
        }
        let names: Vec<&str> = set.iter().map(|i| pods.key_ref(i).1).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert!(set.remove(ids[0]));
        assert!(!set.remove(ids[0]));
        assert!(set.remove(ids[1]));
        assert!(set.remove(ids[2]));
        assert!(set.is_empty());
    }

    /// Pods inserted in key order (each after the last), in reverse, and interleaved, again
    /// and with repeats: the set is the sorted list of their keys, each once.
    #[test]
    fn keys_after_the_last_and_before_it_keep_the_order() {
        let mut pods = PodTable::default();
        let names: Vec<String> = (0..40).map(|i| format!("p{i:02}")).collect();
        let ids: Vec<_> = names.iter().map(|n| pods.insert(named(n))).collect();
        let orders: [Vec<usize>; 3] = [
            (0..40).collect(),
            (0..40).rev().collect(),
            (0..40).map(|i| (i * 17) % 40).collect(),
        ];
        for order in orders {
            let mut set = IdSet::default();
            for &i in order.iter().chain(&order[..10]) {
                let new = !set.iter().any(|x| x == ids[i]);
                assert_eq!(set.insert(ids[i], &pods), new);
            }
            let got: Vec<&str> = set.iter().map(|i| pods.key_ref(i).1).collect();
            assert_eq!(got, names.iter().map(String::as_str).collect::<Vec<_>>());
        }
    }
}

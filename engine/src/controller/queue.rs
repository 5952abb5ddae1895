//! A controller's work queue of object keys: handed out in key order without repeats, as a
//! `BTreeSet` would, but filled by pushing. A burst of changes (a DaemonSet's 250 creates, the
//! kubelet's timers of one instant) costs one sort when the controller takes the queue instead
//! of a tree search per change, which compared keys string by string. An entry is 16 bytes (the
//! name, a number for the namespace, the hint as a number), not a 24-byte key and hint: a
//! burst queues every pod in several controllers at once, and the page's memory keeps that
//! peak.

use super::room;
use crate::api::{ObjectKey, SharedStr};
use crate::state::store::PodId;

/// What a queued key carries beside it, and which of two given for the same key is kept.
pub(crate) trait Hint: Copy {
    /// `self`, given after `older` for the same key: what the queue keeps.
    fn newer(self, older: Self) -> Self;
    /// As the queue holds it.
    fn pack(self) -> u32;
    fn unpack(n: u32) -> Self;
}

impl Hint for () {
    fn newer(self, _: ()) {}
    fn pack(self) -> u32 {
        0
    }
    fn unpack(_: u32) {}
}

/// A pod's number in the store when it was queued: the latest given is the likeliest still
/// right, and a timer's `None` does not hide a change's number.
impl Hint for Option<PodId> {
    fn newer(self, older: Self) -> Self {
        self.or(older)
    }
    fn pack(self) -> u32 {
        self.map_or(u32::MAX, PodId::number)
    }
    fn unpack(n: u32) -> Self {
        (n != u32::MAX).then(|| PodId::from_number(n))
    }
}

/// A queued key: its name, its namespace's number in the queue's `namespaces`, the hint.
#[derive(Debug)]
struct Entry {
    name: SharedStr,
    namespace: u32,
    hint: u32,
}

/// Keys, each with a [`Hint`], handed out in key order once each.
#[derive(Debug)]
pub(crate) struct Queue<H> {
    /// In arrival order, with repeats except of the key just before (changes come in runs: a
    /// pod's writes, the pods of one DaemonSet). Grown by a quarter, not doubled: a burst's
    /// queue is a few hundred thousand entries.
    entries: Vec<Entry>,
    /// The namespaces of the entries, each once (a handful).
    namespaces: Vec<SharedStr>,
    hint: std::marker::PhantomData<H>,
}

impl<H> Default for Queue<H> {
    fn default() -> Self {
        Queue {
            entries: Vec::new(),
            namespaces: Vec::new(),
            hint: std::marker::PhantomData,
        }
    }
}

impl<H: Hint> Queue<H> {
    pub(crate) fn insert(&mut self, key: ObjectKey, hint: H) {
        let namespace = self.namespace(key.namespace);
        match self.entries.last_mut() {
            Some(last) if last.namespace == namespace && last.name == key.name => {
                last.hint = hint.newer(H::unpack(last.hint)).pack();
            }
            _ => {
                if self.entries.len() == self.entries.capacity() {
                    let more = (self.entries.len() / 4).max(16);
                    self.entries.reserve_exact(more);
                }
                self.entries.push(Entry {
                    name: key.name,
                    namespace,
                    hint: hint.pack(),
                });
            }
        }
    }

    /// The number of `namespace` in this queue, given it now if it has none.
    fn namespace(&mut self, namespace: SharedStr) -> u32 {
        let known = &self.namespaces;
        match known.iter().position(|n| n.same(&namespace)) {
            Some(i) => i as u32,
            None => match known.iter().position(|n| *n == namespace) {
                Some(i) => i as u32,
                None => {
                    self.namespaces.push(namespace);
                    self.namespaces.len() as u32 - 1
                }
            },
        }
    }

    /// Empties the queue: its keys in order, each once, with the hint [`Hint::newer`] keeps.
    pub(crate) fn take(&mut self) -> Taken<H> {
        if self.entries.is_empty() {
            // Most passes of the reconcile loop find most queues empty: their vectors stay.
            return Taken {
                entries: Vec::new(),
                namespaces: Vec::new(),
                hint: std::marker::PhantomData,
            };
        }
        let mut entries = std::mem::take(&mut self.entries);
        let mut namespaces = std::mem::take(&mut self.namespaces);
        if namespaces.len() > 1 {
            // Numbered again in text order, so that entries compare by number, then by name.
            let mut order: Vec<u32> = (0..namespaces.len() as u32).collect();
            crate::sort::sort_by_key(&mut order, |&n| &namespaces[n as usize]);
            let mut rank = vec![0u32; order.len()];
            for (place, &n) in order.iter().enumerate() {
                rank[n as usize] = place as u32;
            }
            for e in &mut entries {
                e.namespace = rank[e.namespace as usize];
            }
            crate::sort::sort(&mut namespaces);
        }
        // By the namespace's number, then the name's bytes (`str`'s order): each name read
        // once into a number, not compared with `memcmp` at each step of the sort.
        crate::sort::sort_by_text(&mut entries, |e| (e.namespace, e.name.as_str().as_bytes()));
        // `dedup_by` keeps the first of a run (stable sort: the earliest given) and passes the
        // later one first.
        entries.dedup_by(|later, kept| {
            let same = later.namespace == kept.namespace && later.name == kept.name;
            if same {
                kept.hint = H::unpack(later.hint).newer(H::unpack(kept.hint)).pack();
            }
            same
        });
        Taken {
            entries,
            namespaces,
            hint: std::marker::PhantomData,
        }
    }

    /// Takes back the vectors of a queue taken and worked through, emptied, for the next
    /// changes: a controller takes its queue at every pass of the reconcile loop, and most
    /// passes queue a few keys, which were two allocations a pass (a burst's are let go:
    /// [`room::emptied`]).
    pub(crate) fn recycle(&mut self, taken: Taken<H>) {
        let Taken {
            entries,
            namespaces,
            ..
        } = taken;
        if entries.capacity() == 0 {
            return; // an empty queue was taken: its vectors stayed
        }
        if self.entries.capacity() == 0
            && let Some(entries) = room::emptied(entries)
        {
            self.entries = entries;
        }
        if self.namespaces.capacity() == 0
            && let Some(namespaces) = room::emptied(namespaces)
        {
            self.namespaces = namespaces;
        }
    }
}

/// A queue's keys as taken: in key order, each once, with its hint.
#[derive(Debug)]
pub(crate) struct Taken<H> {
    entries: Vec<Entry>,
    namespaces: Vec<SharedStr>,
    hint: std::marker::PhantomData<H>,
}

impl Taken<()> {
    /// Each key, in order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = ObjectKey> + '_ {
        self.iter().map(|(key, ())| key)
    }
}

impl<H: Hint> Taken<H> {
    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Each key (its strings shared, no allocation) with its hint.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (ObjectKey, H)> + '_ {
        self.entries.iter().map(|e| {
            let key = ObjectKey {
                namespace: self.namespaces[e.namespace as usize].clone(),
                name: e.name.clone(),
            };
            (key, H::unpack(e.hint))
        })
    }
}

/// A queue of pod keys, each with the pod's number in the store when it was queued (a
/// change's, none for a timer's): the controller finds the pod by it without hashing the key
/// (`Store::pod_hinted`).
pub(crate) type PodQueue = Queue<Option<PodId>>;

/// A queue of keys alone.
#[derive(Debug, Default)]
pub(crate) struct KeyQueue(Queue<()>);

impl KeyQueue {
    pub(crate) fn insert(&mut self, key: ObjectKey) {
        self.0.insert(key, ());
    }

    pub(crate) fn extend(&mut self, keys: impl IntoIterator<Item = ObjectKey>) {
        for key in keys {
            self.insert(key);
        }
    }

    /// Empties the queue: its keys in order, each once (a few: the DaemonSets).
    pub(crate) fn take(&mut self) -> Taken<()> {
        self.0.take()
    }

    /// As [`Queue::recycle`].
    pub(crate) fn recycle(&mut self, taken: Taken<()>) {
        self.0.recycle(taken);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The order and the repeats dropped are a `BTreeSet`'s: controllers' event order depends
    /// on it.
    #[test]
    fn takes_keys_in_btreeset_order_once() {
        let names = ["b", "a", "a", "c", "b", "a", "c", "c"];
        let mut queue = KeyQueue::default();
        let mut set = BTreeSet::new();
        for (i, n) in names.iter().enumerate() {
            let ns = if i % 3 == 0 { "kube-system" } else { "default" };
            queue.insert(ObjectKey::new(ns, n));
            set.insert(ObjectKey::new(ns, n));
        }
        let taken: Vec<_> = queue.take().keys().collect();
        assert_eq!(taken, set.into_iter().collect::<Vec<_>>());
        assert!(queue.take().is_empty());
    }

    /// A pod queue hands out the same keys, each with the latest hint given for it.
    #[test]
    fn pod_queue_keeps_the_latest_hint() {
        let id = |n| Some(PodId::from_number(n));
        let mut queue = PodQueue::default();
        queue.insert(ObjectKey::new("default", "b"), id(1));
        queue.insert(ObjectKey::new("default", "a"), id(2));
        queue.insert(ObjectKey::new("default", "b"), None);
        queue.insert(ObjectKey::new("default", "b"), id(3));
        queue.insert(ObjectKey::new("default", "a"), None);
        queue.insert(ObjectKey::new("default", "c"), None);
        let taken = queue.take().iter().collect::<Vec<_>>();
        assert_eq!(
            taken,
            [
                (ObjectKey::new("default", "a"), id(2)),
                (ObjectKey::new("default", "b"), id(3)),
                (ObjectKey::new("default", "c"), None),
            ]
        );
        assert!(queue.take().is_empty());
    }

    /// An entry is 16 bytes, not a 24-byte key and hint (on 64-bit targets); a namespace
    /// given as another string of the same text is the same namespace.
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn entries_are_16_bytes_and_namespaces_compare_by_text() {
        assert_eq!(std::mem::size_of::<Entry>(), 16);
        let mut queue = KeyQueue::default();
        queue.insert(ObjectKey::new("b", "x"));
        queue.insert(ObjectKey::new("a", "y"));
        queue.insert(ObjectKey::new("b", "x"));
        queue.insert(ObjectKey::new("a", "x"));
        assert_eq!(queue.0.namespaces.len(), 2);
        assert_eq!(
            queue.take().keys().collect::<Vec<_>>(),
            [
                ObjectKey::new("a", "x"),
                ObjectKey::new("a", "y"),
                ObjectKey::new("b", "x"),
            ]
        );
    }

    /// A queue taken and given back keeps its vectors for the next keys (no allocation at the
    /// next pass), and hands out the next keys as a new queue would; a burst's vectors go.
    #[test]
    fn recycled_vectors_serve_the_next_keys() {
        let mut queue = KeyQueue::default();
        queue.insert(ObjectKey::new("default", "b"));
        queue.insert(ObjectKey::new("default", "a"));
        let taken = queue.take();
        assert_eq!(queue.0.entries.capacity(), 0);
        queue.recycle(taken);
        assert!(queue.0.entries.capacity() > 0 && queue.0.namespaces.capacity() > 0);
        queue.insert(ObjectKey::new("kube-system", "c"));
        queue.insert(ObjectKey::new("default", "c"));
        let next: Vec<_> = queue.take().keys().collect();
        assert_eq!(
            next,
            [
                ObjectKey::new("default", "c"),
                ObjectKey::new("kube-system", "c")
            ]
        );
        for i in 0..2 * room::KEPT {
            queue.insert(ObjectKey::new("default", format!("p{i}")));
        }
        let burst = queue.take();
        queue.recycle(burst);
        assert_eq!(queue.0.entries.capacity(), 0);
    }
}

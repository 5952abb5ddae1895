//! A controller's work queue of object keys: handed out in key order without repeats, as a
//! `BTreeSet` would, but filled by pushing. A burst of changes (a DaemonSet's 250 creates, the
//! kubelet's timers of one instant) costs one sort when the controller takes the queue instead
//! of a tree search per change, which compared keys string by string.

use crate::api::ObjectKey;
use crate::state::store::PodId;

/// What a queued key carries beside it, and which of two given for the same key is kept.
pub(crate) trait Hint: Copy {
    /// `self`, given after `older` for the same key: what the queue keeps.
    fn newer(self, older: Self) -> Self;
}

impl Hint for () {
    fn newer(self, _: ()) {}
}

/// A pod's number in the store when it was queued: the latest given is the likeliest still
/// right, and a timer's `None` does not hide a change's number.
impl Hint for Option<PodId> {
    fn newer(self, older: Self) -> Self {
        self.or(older)
    }
}

/// Keys, each with a [`Hint`], handed out in key order once each.
#[derive(Debug)]
pub(crate) struct Queue<H> {
    /// In arrival order, with repeats except of the key just before (changes come in runs: a
    /// pod's writes, the pods of one DaemonSet).
    keys: Vec<(ObjectKey, H)>,
}

impl<H> Default for Queue<H> {
    fn default() -> Self {
        Queue { keys: Vec::new() }
    }
}

impl<H: Hint> Queue<H> {
    pub(crate) fn insert(&mut self, key: ObjectKey, hint: H) {
        match self.keys.last_mut() {
            Some((last, kept)) if *last == key => *kept = hint.newer(*kept),
            _ => self.keys.push((key, hint)),
        }
    }

    /// Empties the queue: its keys in order, each once, with the hint [`Hint::newer`] keeps.
    pub(crate) fn take(&mut self) -> Vec<(ObjectKey, H)> {
        let mut keys = std::mem::take(&mut self.keys);
        crate::sort::sort_by(&mut keys, |a, b| a.0.cmp(&b.0));
        // `dedup_by` keeps the first of a run (stable sort: the earliest given) and passes the
        // later one first.
        keys.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 = later.1.newer(kept.1);
            }
            same
        });
        keys
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

    /// Empties the queue: its keys in order, each once.
    pub(crate) fn take(&mut self) -> Vec<ObjectKey> {
        // Collected in place: a key with `()` is laid out as the key alone.
        self.0.take().into_iter().map(|(key, ())| key).collect()
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
        assert_eq!(queue.take(), set.into_iter().collect::<Vec<_>>());
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
        let taken = queue.take();
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
}

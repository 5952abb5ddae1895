//! A controller's work queue of object keys: handed out in key order without repeats, as a
//! `BTreeSet` would, but filled by pushing. A burst of changes (a DaemonSet's 250 creates, the
//! kubelet's timers of one instant) costs one sort when the controller takes the queue instead
//! of a tree search per change, which compared keys string by string. An entry is 24 bytes (the
//! name, a number for the namespace, the hint as a number, and the 8 bytes of the name that
//! the sort needs, read when the key is queued and its name is at hand), not a 24-byte key and
//! hint and a name read again at the sort: a burst queues every pod in several controllers at
//! once, and at 10,000 nodes every name read in the sort was a cache miss.

use super::room;
use crate::api::{ObjectKey, SharedStr};
use crate::sort;
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

/// A queued key: its name, its namespace's number in the queue's `namespaces`, the hint, and
/// the name's [`sort::window`] after the bytes all names queued so far shared with the first
/// when it was queued (the queue's `common` then).
#[derive(Debug)]
struct Entry {
    name: SharedStr,
    namespace: u32,
    hint: u32,
    /// As two halves, high first: 4-byte aligned, so 20 bytes in WebAssembly, not 24.
    window: [u32; 2],
}

impl Entry {
    fn window(&self) -> u64 {
        u64::from(self.window[0]) << 32 | u64::from(self.window[1])
    }
    fn set_window(&mut self, w: u64) {
        self.window = [(w >> 32) as u32, w as u32];
    }
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
    /// How many first bytes every queued name shares with the first entry's.
    common: usize,
    /// Where `common` went down: from the entry at `.0` on, windows start at byte `.1` (at
    /// most one a byte of the first name; kept between fillings).
    drops: Vec<(u32, u32)>,
    hint: std::marker::PhantomData<H>,
}

impl<H> Default for Queue<H> {
    fn default() -> Self {
        Queue {
            entries: Vec::new(),
            namespaces: Vec::new(),
            common: 0,
            drops: Vec::new(),
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
                let text = key.name.as_str().as_bytes();
                let common = match self.entries.first() {
                    None => {
                        self.drops.clear();
                        text.len()
                    }
                    Some(first) => {
                        sort::common_prefix(first.name.as_str().as_bytes(), text, self.common)
                    }
                };
                if self.entries.is_empty() || common < self.common {
                    self.drops.push((self.entries.len() as u32, common as u32));
                }
                self.common = common;
                let window = sort::window(&text[common..]);
                let mut entry = Entry {
                    name: key.name,
                    namespace,
                    hint: hint.pack(),
                    window: [0; 2],
                };
                entry.set_window(window);
                self.entries.push(entry);
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
        // By the namespace's number, then the name's bytes (`str`'s order), from the windows
        // taken when the keys were queued: a name is read only when its window and another's
        // are equal (the same key queued twice).
        let skip = self.common;
        self.rewindow(&mut entries, skip);
        sort::sort_by_window(
            &mut entries,
            |e| (e.namespace, e.window()),
            |e| &e.name.as_str().as_bytes()[skip..],
        );
        // `dedup_by` keeps the first of a run (stable sort: the earliest given) and passes the
        // later one first.
        entries.dedup_by(|later, kept| {
            let same = later.namespace == kept.namespace
                && later.window == kept.window
                && later.name == kept.name;
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

    /// Makes every window start at byte `skip` (the `common` of the whole queue): an entry
    /// queued when `common` was greater shares the bytes between with the first name, so its
    /// window is those bytes followed by the first of its own. No name but the first is read.
    fn rewindow(&self, entries: &mut [Entry], skip: usize) {
        let first = entries[0].name.clone();
        let first = first.as_str().as_bytes();
        for (d, &(start, from)) in self.drops.iter().enumerate() {
            let from = from as usize;
            if from == skip {
                break; // the last drop: `common` is `skip` from here on
            }
            let end = self
                .drops
                .get(d + 1)
                .map_or(entries.len(), |n| n.0 as usize);
            let shared = sort::window(&first[skip..from]);
            let shift = 8 * (from - skip) as u32;
            for e in &mut entries[start as usize..end] {
                e.set_window(shared | e.window().checked_shr(shift).unwrap_or(0));
            }
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

#[cfg(test)]
impl Taken<()> {
    /// Each key, in order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = ObjectKey> + '_ {
        self.iter().map(|(key, ())| key)
    }
}

/// The key of an entry whose name is `name`, its namespace given by number.
fn key_of(namespaces: &[SharedStr], namespace: u32, name: SharedStr) -> ObjectKey {
    ObjectKey {
        namespace: namespaces[namespace as usize].clone(),
        name,
    }
}

impl<H: Hint> Taken<H> {
    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Each key with its hint, in order, moved out (the room stays, for [`Queue::recycle`]).
    /// A key's name is let go where the caller drops it, right after its pod was worked on and
    /// while its count is in cache: [`Taken::iter`]'s clone and the queue's own drop at the end
    /// each wrote the count of a name read long before, at 10,000 nodes a cache miss each.
    pub(crate) fn drain(&mut self) -> impl Iterator<Item = (ObjectKey, H)> + '_ {
        let namespaces = &self.namespaces;
        (self.entries.drain(..))
            .map(move |e| (key_of(namespaces, e.namespace, e.name), H::unpack(e.hint)))
    }

    /// Each key (its strings shared, no allocation) with its hint: what [`Taken::drain`] hands
    /// out, for the tests.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = (ObjectKey, H)> + '_ {
        (self.entries.iter()).map(|e| {
            (
                key_of(&self.namespaces, e.namespace, e.name.clone()),
                H::unpack(e.hint),
            )
        })
    }
}

/// Pod keys as a controller's `observe` sees them (a push each), sifted into its [`PodQueue`]
/// at its pass: a controller whose sync does nothing for most changes (the kubelet after its
/// own writes, the taint-eviction controller on untainted nodes) queues only the keys its sync
/// could act on, instead of sorting every key into the queue and looking up each pod again.
#[derive(Debug, Default)]
pub(crate) struct Seen(Vec<Vec<(ObjectKey, Option<PodId>)>>);

/// Keys a chunk of [`Seen`]: the sift frees each chunk once its keys are in the queue, so a
/// burst's keys (a few hundred thousand) are not held twice, in the list and the queue, at
/// the peak (4.8 MB more at 10,000 nodes × 20 DaemonSets when they were one vector).
const SEEN_CHUNK: usize = 4096;

impl Seen {
    pub(crate) fn push(&mut self, key: ObjectKey, hint: Option<PodId>) {
        match self.0.last_mut() {
            Some(chunk) if chunk.len() < SEEN_CHUNK => chunk.push((key, hint)),
            _ => {
                let mut chunk = Vec::with_capacity(if self.0.is_empty() { 16 } else { SEEN_CHUNK });
                chunk.push((key, hint));
                self.0.push(chunk);
            }
        }
    }

    /// Inserts the keys `keep` accepts into `queue`, in the order seen, and empties this;
    /// returns whether any key was seen (as the queue would have been non-empty).
    pub(crate) fn sift(
        &mut self,
        queue: &mut PodQueue,
        mut keep: impl FnMut(&ObjectKey, Option<PodId>) -> bool,
    ) -> bool {
        // Only the first chunk can be empty (the room kept from the last sift).
        if self.0.first().is_none_or(Vec::is_empty) {
            return false;
        }
        let mut chunks = std::mem::take(&mut self.0).into_iter();
        // The first chunk's room is kept when small (most passes see a few keys).
        let mut first = chunks.next().unwrap_or_default();
        // `flatten` drops each later chunk as it moves past it.
        for (key, hint) in first.drain(..).chain(chunks.flatten()) {
            if keep(&key, hint) {
                queue.insert(key, hint);
            }
        }
        if let Some(room) = room::emptied(first) {
            self.0.push(room);
        }
        true
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

    /// Draining hands out what iterating does, the very names queued (moved, not copied), and
    /// keeps the room for the next filling.
    #[test]
    fn drain_moves_out_the_keys_in_order_and_keeps_the_room() {
        let id = |n| Some(PodId::from_number(n));
        let names = ["c", "a", "b", "a"].map(SharedStr::from);
        let mut queue = PodQueue::default();
        for (i, name) in names.iter().enumerate() {
            let key = ObjectKey {
                namespace: "default".into(),
                name: name.clone(),
            };
            queue.insert(key, id(i as u32));
        }
        let mut taken = queue.take();
        let listed = taken.iter().collect::<Vec<_>>();
        let room = taken.entries.capacity();
        let drained = taken.drain().collect::<Vec<_>>();
        assert_eq!(drained, listed);
        assert_eq!(drained[0].1, id(3), "the latest hint given for a");
        for ((key, _), name) in drained.iter().zip([&names[1], &names[2], &names[0]]) {
            assert!(key.name.same(name));
        }
        assert!(taken.is_empty() && taken.entries.capacity() == room);
        queue.recycle(taken);
        assert_eq!(queue.entries.capacity(), room);
    }

    /// An entry is 24 bytes (on 64-bit targets; 20 in WebAssembly); a namespace
    /// given as another string of the same text is the same namespace.
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn entries_are_24_bytes_and_namespaces_compare_by_text() {
        assert_eq!(std::mem::size_of::<Entry>(), 24);
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

    /// Names whose common prefix shrinks as they come (by 1, 3 and over 8 bytes): each
    /// entry's window, made to start after the whole queue's common prefix, is that of its
    /// name there, and the keys come out in a `BTreeSet`'s order, repeats dropped, through
    /// two fillings of one queue.
    #[test]
    fn windows_follow_the_common_prefix_down() {
        let mut queue = KeyQueue::default();
        for round in 0..2 {
            let names = [
                "agent-00-bcdfg",
                "agent-00-bxzzz",
                "agent-00-bcdfg",
                "agent-00-b",
                "agent-01-qqqqq",
                "agent-00-bcdfg",
                "agent-0",
                "agent-19-zzzz2",
                "a-very-long-name-indeed-x",
                "agent-01-qqqqq",
                "agent-00-bxzzz",
            ];
            let names = &names[round..];
            for n in names {
                queue.insert(ObjectKey::new("default", n));
            }
            let mut entries = std::mem::take(&mut queue.0.entries);
            let skip = queue.0.common;
            assert_eq!(skip, 1);
            queue.0.rewindow(&mut entries, skip);
            for e in &entries {
                let text = &e.name.as_str().as_bytes()[skip..];
                assert_eq!(e.window(), sort::window(text), "{}", e.name.as_str());
            }
            let mut set = BTreeSet::new();
            for n in names {
                queue.insert(ObjectKey::new("default", n));
                set.insert(ObjectKey::new("default", n));
            }
            let taken = queue.take();
            assert_eq!(
                taken.keys().collect::<Vec<_>>(),
                set.into_iter().collect::<Vec<_>>()
            );
            queue.recycle(taken);
        }
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

//! The DaemonSet controller (`pkg/controller/daemon`): `syncDaemonSet` over a per-DaemonSet
//! cache, so that a sync visits only the nodes whose state changed since the last one (a label
//! change on one node of 10,000 evaluates one node), while giving the same result as the real
//! controller's full pass.
//!
//! Expectations: creates and deletes are applied to the store at once, so `manage` and
//! `rollingUpdate` act in the same sync, as in the upstream unit tests (spec §6.1).

mod backoff;
mod cache;
mod claim;
mod deferred;
pub(crate) mod history;
mod manage;
mod pod_order;
mod pod_template;
mod roll_index;
mod rolling_update;
mod status;
mod sync_nodes;

/// For the page's view of a rollout (`query::rollout`): the same budgets and the same "is this
/// pod of the current template" the rolling update decides with.
pub(crate) use roll_index::{is_pod_updated, surge_and_unavailable};

use super::queue::KeyQueue;
use crate::api::{DaemonSet, ObjectKey, Selector, SharedStr, Time, WARNING};
use crate::state::World;
use crate::state::events::{Message, reference, source};
use crate::state::hash::FastHashMap as HashMap;
use crate::state::node_ids::NodeId;
use crate::state::store::{Change, NodePair};
use backoff::Backoff;
use cache::DsCache;
use roll_index::UpdatedTest;

/// At most this many creates and deletes per sync (`BurstReplicas`, spec §7.1).
pub const BURST_REPLICAS: usize = 250;

#[derive(Default)]
pub struct DaemonSetController {
    caches: HashMap<ObjectKey, DsCache>,
    /// The caches' keys by the UID they were built for (one, unless objects were stored without
    /// one), so that a change of an owned pod goes to its owner alone instead of being compared
    /// with every DaemonSet.
    by_uid: HashMap<String, Vec<ObjectKey>>,
    /// The owner UID last found in `by_uid` with the one DaemonSet filed under it: a burst's
    /// changes name one owner again and again, and the UID is the store's held string, so a
    /// pointer compared, not 36 bytes hashed and compared. Forgotten when `by_uid` changes.
    last_owner: Option<(SharedStr, ObjectKey)>,
    queue: KeyQueue,
    backoff: Backoff,
    /// How many (node, DaemonSet) placement decisions were evaluated, for the incremental-cost
    /// tests and the benchmark report.
    pub evaluations: u64,
    /// How many syncs ran, for the same reasons.
    pub syncs: u64,
    /// How many times [`DaemonSetController::process`] ran: a sync's expected creates are
    /// good for the changes observed before the next one.
    passes: u32,
}

impl DaemonSetController {
    /// Routes a store change to the DaemonSets it concerns (the informer event handlers).
    pub fn observe(&mut self, change: &Change, w: &World) {
        match change {
            Change::Node(n) | Change::NodeDeleted(n) => {
                // The store numbered the name as it recorded the change (and keeps the number).
                let id = w.store.node_number(n);
                for (key, cache) in &mut self.caches {
                    cache.dirty.extend(id);
                    self.queue.insert(key.clone());
                }
            }
            // An orphan concerns every DaemonSet that may adopt it.
            Change::Pod {
                key, nodes, owners, ..
            } if owners.is_empty() => {
                for (ds_key, cache) in &mut self.caches {
                    if ds_key.namespace == key.namespace {
                        mark_dirty(&mut cache.dirty, *nodes);
                        self.queue.insert(ds_key.clone());
                    }
                }
            }
            // An owned pod concerns its owners, before and after the change; the owner's own
            // create, observed as its last sync expected, changes nothing it would decide.
            Change::Pod {
                key, nodes, owners, ..
            } => {
                for (i, uid) in owners.held().enumerate() {
                    // The store's held strings: one text, one string.
                    if owners.held().take(i).any(|o| o.same(uid)) {
                        continue;
                    }
                    for ds_key in owned_by(&self.by_uid, &mut self.last_owner, uid) {
                        if let Some(cache) = self.caches.get_mut(ds_key) {
                            if !cache.observed_own_create(self.passes, &key.name, nodes.single()) {
                                mark_dirty(&mut cache.dirty, *nodes);
                            }
                            if !cache.queued {
                                cache.queued = true;
                                self.queue.insert(ds_key.clone());
                            }
                        }
                    }
                }
            }
            Change::DaemonSet(key) => {
                self.queue.insert(key.clone());
                if let (Some(ds), Some(cache)) = (w.store.daemonset(key), self.caches.get_mut(key))
                    && (ds.metadata.uid != cache.uid
                        || ds.metadata.more.generation != cache.generation)
                {
                    let old_uid = std::mem::take(&mut cache.uid);
                    *cache = DsCache::new(ds);
                    self.index_uid(key, &old_uid);
                }
            }
            Change::Revision(key) => {
                let in_ns: Vec<ObjectKey> = self
                    .caches
                    .keys()
                    .filter(|k| k.namespace == key.namespace)
                    .cloned()
                    .collect();
                self.queue.extend(in_ns);
            }
            // Not what a DaemonSet watches (their pods reach it as pod changes).
            Change::Deployment(_) | Change::ReplicaSet(_) => {}
        }
    }

    /// Files the cache of `key` under its (new) UID instead of `old_uid`.
    fn index_uid(&mut self, key: &ObjectKey, old_uid: &str) {
        self.unindex_uid(key, old_uid);
        self.last_owner = None;
        if let Some(cache) = self.caches.get(key) {
            let keys = self.by_uid.entry(cache.uid.clone()).or_default();
            if !keys.contains(key) {
                keys.push(key.clone());
            }
        }
    }

    fn unindex_uid(&mut self, key: &ObjectKey, uid: &str) {
        self.last_owner = None;
        if let Some(keys) = self.by_uid.get_mut(uid) {
            keys.retain(|k| k != key);
            if keys.is_empty() {
                self.by_uid.remove(uid);
            }
        }
    }

    /// A timer for this DaemonSet fired: revisit the nodes that were waiting for it.
    pub fn wake(&mut self, key: &ObjectKey, now: Time) {
        if let Some(cache) = self.caches.get_mut(key) {
            let later = cache.wakes.split_off(&now.plus_millis(1));
            for (_, nodes) in std::mem::replace(&mut cache.wakes, later) {
                cache.dirty.extend(nodes);
            }
        }
        self.queue.insert(key.clone());
    }

    /// Syncs every queued DaemonSet once. Returns whether anything was synced.
    pub fn process(&mut self, w: &mut World) -> bool {
        self.passes = self.passes.wrapping_add(1);
        let mut queue = self.queue.take();
        let worked = !queue.is_empty();
        for (key, ()) in queue.drain() {
            if let Some(cache) = self.caches.get_mut(&key) {
                cache.queued = false;
            }
            self.sync(&key, w);
        }
        self.queue.recycle(queue);
        worked
    }

    /// `syncDaemonSet` (spec §6): the DaemonSet's history, then `manage`, `rollingUpdate`,
    /// `cleanupHistory` and `updateDaemonSetStatus`, over the nodes whose state changed.
    fn sync(&mut self, key: &ObjectKey, w: &mut World) {
        self.syncs += 1;
        let Some(ds) = w.store.daemonset_rc(key) else {
            if let Some(cache) = self.caches.remove(key) {
                self.unindex_uid(key, &cache.uid);
            }
            return;
        };
        if ds.spec.selector.as_ref().is_some_and(|s| s.is_deep_empty()) {
            let msg = "This daemon set is selecting all pods. A non-empty selector is required.";
            event(w, &ds, WARNING, "SelectingAll", msg);
            return;
        }
        if ds.metadata.is_being_deleted() {
            return;
        }
        // The cache found once (a DaemonSet's key hashed once a sync), and again only after a
        // DaemonSet replaced or seen first is filed under its uid.
        let cache = match self.caches.get_mut(key) {
            // The uid copied only when the DaemonSet was replaced (it is re-indexed then).
            Some(cache) if cache.uid != ds.metadata.uid => {
                let old_uid = std::mem::take(&mut cache.uid);
                // A replaced DaemonSet starts over whatever the uids are (refresh would compare
                // against the uid just taken).
                *cache = DsCache::new(&ds);
                self.index_uid(key, &old_uid);
                self.caches.get_mut(key)
            }
            Some(cache) => {
                cache.refresh_generation(&ds);
                Some(cache)
            }
            None => {
                self.caches.insert(key.clone(), DsCache::new(&ds));
                self.index_uid(key, "");
                self.caches.get_mut(key)
            }
        };
        let Some(cache) = cache else {
            return;
        };
        cache.forget_creates();
        let selector = cache.selector(&ds);
        let Some((hash, old_revisions)) = cache.construct_history(w, &ds, &selector) else {
            self.queue.insert(key.clone()); // revision name clash: collisionCount bumped
            return;
        };
        let visit = cache.nodes_to_visit(w);
        let sync = Sync {
            key,
            ds: &ds,
            selector: &selector,
            hash: &hash,
            updated: cache.updated_test(&ds, &hash),
            visit: &visit,
            pass: self.passes,
        };
        let (requeue, pods) =
            manage::manage(w, cache, &mut self.backoff, &mut self.evaluations, &sync);
        rolling_update::index_nodes(w, cache, &sync, &pods);
        rolling_update::rolling_update(w, cache, &sync);
        history::cleanup_history(w, &ds, &old_revisions);
        let totals = status::update_counts(w, cache, &sync, &pods);
        cache.spare_pods = pods.recycled();
        let generation = ds.metadata.more.generation;
        drop(ds); // the store alone holds it now: the status is written in place
        status::write_status(w, key, totals, generation);
        if requeue {
            self.queue.insert(key.clone());
        }
    }
}

/// The DaemonSets filed under the owner UID `uid` (the store's held string), tried first as
/// the one found last.
fn owned_by<'a>(
    by_uid: &'a HashMap<String, Vec<ObjectKey>>,
    last: &'a mut Option<(SharedStr, ObjectKey)>,
    uid: &SharedStr,
) -> &'a [ObjectKey] {
    if let Some((held, _)) = last
        && !held.same(uid)
    {
        *last = None;
    }
    if last.is_none()
        && let Some([key]) = by_uid.get(uid.as_str()).map(Vec::as_slice)
    {
        *last = Some((uid.clone(), key.clone()));
    }
    match last {
        Some((_, key)) => std::slice::from_ref(key),
        None => by_uid.get(uid.as_str()).map_or(&[], Vec::as_slice),
    }
}

/// Marks a changed pod's nodes (before and after the write, most often the same one twice),
/// by the store's numbers.
fn mark_dirty(dirty: &mut Vec<NodeId>, nodes: NodePair) {
    // Both written out, not iterated: at opt-level "z" an iterator or a closure stayed a call
    // a node.
    let [first, second] = nodes.get();
    if let Some(n) = first
        && dirty.last() != Some(&n)
    {
        dirty.push(n);
    }
    if let Some(n) = second
        && dirty.last() != Some(&n)
    {
        dirty.push(n);
    }
}

/// What one sync works on: the DaemonSet, its selector, the current revision's hash and the
/// nodes to visit, in name order, with the store's numbers.
pub(super) struct Sync<'a> {
    pub key: &'a ObjectKey,
    pub ds: &'a DaemonSet,
    pub selector: &'a Selector,
    pub hash: &'a str,
    /// `IsPodUpdated` at `hash` and the DaemonSet's template generation.
    pub updated: UpdatedTest<'a>,
    pub visit: &'a [(SharedStr, NodeId)],
    /// The controller's pass this sync runs in.
    pub pass: u32,
}

/// Records an event about the DaemonSet, from the daemonset-controller.
fn event<'m>(
    w: &mut World,
    ds: &DaemonSet,
    type_: &'static str,
    reason: &'static str,
    message: impl Into<Message<'m>>,
) {
    let now = w.clock.now();
    w.recorder.record(
        now,
        reference("DaemonSet", "apps/v1", &ds.metadata),
        type_,
        reason,
        message,
        source("daemonset-controller", ""),
    );
}

/// The DaemonSet's selector; one that cannot be parsed selects nothing.
fn selector_of(ds: &DaemonSet) -> Selector {
    match &ds.spec.selector {
        Some(s) => s.to_selector().unwrap_or(Selector::Nothing),
        None => Selector::Nothing,
    }
}

#[cfg(test)]
mod owner_tests {
    use super::{HashMap, ObjectKey, SharedStr, owned_by};

    /// Spec §6.2: an owned pod's change goes to the DaemonSets filed under its controller's
    /// UID, the one found last as well as any other, and to none for a UID filed nowhere; a
    /// UID of the same text in another string finds the same.
    #[test]
    fn s6_2_an_owned_pods_change_goes_to_the_daemonsets_of_its_uid() {
        let (a, b) = (
            ObjectKey::new("default", "a"),
            ObjectKey::new("default", "b"),
        );
        let (c, d) = (ObjectKey::new("default", "c"), ObjectKey::new("other", "c"));
        let mut by_uid: HashMap<String, Vec<ObjectKey>> = HashMap::default();
        by_uid.insert("u1".into(), vec![a.clone()]);
        by_uid.insert("u2".into(), vec![b.clone()]);
        by_uid.insert("u3".into(), vec![c.clone(), d.clone()]);
        let mut last = None;
        let (u1, u2, u3) = (SharedStr::from("u1"), SharedStr::from("u2"), "u3".into());
        for _ in 0..2 {
            assert_eq!(owned_by(&by_uid, &mut last, &u1), std::slice::from_ref(&a));
            assert_eq!(
                owned_by(&by_uid, &mut last, &u1),
                std::slice::from_ref(&a),
                "found last"
            );
            assert_eq!(owned_by(&by_uid, &mut last, &u2), std::slice::from_ref(&b));
            assert_eq!(owned_by(&by_uid, &mut last, &u3), [c.clone(), d.clone()]);
            assert_eq!(owned_by(&by_uid, &mut last, &"u9".into()), []);
        }
        assert_eq!(
            owned_by(&by_uid, &mut last, &"u2".into()),
            std::slice::from_ref(&b)
        );
    }
}
#[cfg(test)]
mod history_tests;
#[cfg(test)]
mod properties;
#[cfg(test)]
mod roll_index_props;
#[cfg(test)]
mod rolling_properties;
#[cfg(test)]
mod rolling_tests;
#[cfg(test)]
mod template_memo_tests;
#[cfg(test)]
mod tests;

//! The DaemonSet controller (`pkg/controller/daemon`): `syncDaemonSet` over a per-DaemonSet
//! cache, so that a sync visits only the nodes whose state changed since the last one (a label
//! change on one node of 10,000 evaluates one node), while giving the same result as the real
//! controller's full pass.
//!
//! Expectations: creates and deletes are applied to the store at once, so `manage` and
//! `rollingUpdate` act in the same sync, as in the upstream unit tests (spec §6.1).

pub mod backoff;
pub mod claim;
pub mod history;
pub mod manage;
pub mod pod_order;
pub mod pod_template;
pub mod rolling_update;
pub mod status;

use crate::api::{DaemonSet, NORMAL, ObjectKey, Selector, Time, WARNING, keys};
use crate::placement::{PlacementPolicy, ShouldRun};
use crate::state::store::Change;
use crate::state::{World, apiserver, clock::Wake};
use backoff::Backoff;
use status::Counts;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

#[cfg(test)]
type PlanResult = Result<rolling_update::Plan, String>;

/// At most this many creates and deletes per sync (`BurstReplicas`, spec §7.1).
pub const BURST_REPLICAS: usize = 250;

#[derive(Default)]
pub struct DaemonSetController {
    caches: HashMap<ObjectKey, DsCache>,
    queue: BTreeSet<ObjectKey>,
    backoff: Backoff,
    /// How many (node, DaemonSet) placement decisions were evaluated, for the incremental-cost
    /// tests and the benchmark report.
    pub evaluations: u64,
    /// How many syncs ran, for the same reasons.
    pub syncs: u64,
}

struct DsCache {
    uid: String,
    generation: i64,
    policy: PlacementPolicy,
    hash: String,
    all_dirty: bool,
    dirty: BTreeSet<String>,
    /// Nodes left over when a sync had more to create or delete than `BURST_REPLICAS`: the next
    /// syncs take them a burst at a time, in node order, instead of revisiting all of them each
    /// time (which made creating a DaemonSet on N nodes cost O(N²)).
    deferred: BTreeSet<String>,
    per_node: HashMap<String, (ShouldRun, Counts)>,
    totals: Counts,
    /// Nodes holding a pod of an older template: a rolling update has work to do.
    old_nodes: BTreeSet<String>,
    /// Each node's part of `rollingUpdate` (spec §8).
    roll: rolling_update::RollIndex,
    /// Nodes to revisit at a time (minReadySeconds passing, failed-pod backoff ending).
    wakes: BTreeMap<Time, BTreeSet<String>>,
    /// `constructHistory`'s answer, valid while the template, collisionCount and the set of
    /// revisions are unchanged: (revisions version, collisionCount, hash, old revisions).
    history: Option<(
        u64,
        Option<i32>,
        String,
        Vec<crate::api::ControllerRevision>,
    )>,
}

impl DsCache {
    fn new(ds: &DaemonSet) -> DsCache {
        DsCache {
            uid: ds.metadata.uid.clone(),
            generation: ds.metadata.generation,
            policy: PlacementPolicy::for_daemonset(ds),
            hash: String::new(),
            all_dirty: true,
            dirty: BTreeSet::new(),
            deferred: BTreeSet::new(),
            per_node: HashMap::new(),
            totals: Counts::default(),
            old_nodes: BTreeSet::new(),
            roll: rolling_update::RollIndex::default(),
            wakes: BTreeMap::new(),
            history: None,
        }
    }
}

impl DaemonSetController {
    /// Routes a store change to the DaemonSets it concerns (the informer event handlers).
    pub fn observe(&mut self, change: &Change, w: &World) {
        match change {
            Change::Node(n) | Change::NodeDeleted(n) => {
                for (key, cache) in &mut self.caches {
                    cache.dirty.insert(n.clone());
                    self.queue.insert(key.clone());
                }
            }
            Change::Pod { key, nodes, owners } => {
                // An owned pod concerns its owner; an orphan every DaemonSet that may adopt it.
                for (ds_key, cache) in &mut self.caches {
                    let concerned = if owners.is_empty() {
                        ds_key.namespace == key.namespace
                    } else {
                        owners.contains(&cache.uid)
                    };
                    if concerned {
                        cache.dirty.extend(nodes.iter().cloned());
                        self.queue.insert(ds_key.clone());
                    }
                }
            }
            Change::DaemonSet(key) => {
                self.queue.insert(key.clone());
                if let (Some(ds), Some(cache)) = (w.store.daemonset(key), self.caches.get_mut(key))
                    && (ds.metadata.uid != cache.uid || ds.metadata.generation != cache.generation)
                {
                    *cache = DsCache::new(ds);
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

    pub fn has_work(&self) -> bool {
        !self.queue.is_empty()
    }

    /// Syncs every queued DaemonSet once. Returns whether anything was synced.
    pub fn process(&mut self, w: &mut World) -> bool {
        let queue = std::mem::take(&mut self.queue);
        for key in &queue {
            self.sync(key, w);
        }
        !queue.is_empty()
    }

    /// The placement decision and explanation inputs for the UI, from the cache when fresh.
    pub fn policy(&self, key: &ObjectKey) -> Option<&PlacementPolicy> {
        self.caches.get(key).map(|c| &c.policy)
    }

    /// For each synced DaemonSet with no work pending: the rolling-update plan from the cached
    /// per-node parts, and the plan of a full walk over every node, which must be equal.
    #[cfg(test)]
    pub(crate) fn roll_plans_against_full_walk(
        &self,
        w: &World,
    ) -> Vec<(ObjectKey, PlanResult, PlanResult)> {
        let mut out = Vec::new();
        for (key, cache) in &self.caches {
            let Some(ds) = w.store.daemonset(key) else {
                continue;
            };
            if cache.hash.is_empty() || cache.all_dirty || !cache.dirty.is_empty() {
                continue;
            }
            let selector = selector_of(ds);
            let uid = &ds.metadata.uid;
            let decisions: BTreeMap<String, ShouldRun> = w
                .store
                .nodes()
                .iter()
                .map(|(name, n)| (name.clone(), cache.policy.should_run(n)))
                .collect();
            let mut m = rolling_update::NodePodRefs::new();
            for node in w.store.nodes_with_pods_of(uid) {
                let pods = w
                    .store
                    .owned_pods_on_node(uid, node)
                    .filter(|p| p.metadata.namespace == ds.metadata.namespace)
                    .filter(|p| selector.matches(&p.metadata.labels))
                    .filter(|p| !(p.is_terminal() && p.metadata.is_being_deleted()));
                m.entry(node.clone()).or_default().extend(pods);
            }
            let full =
                rolling_update::rolling_update(ds, &decisions, m, &cache.hash, w.clock.now());
            out.push((key.clone(), cache.roll.plan(ds), full));
        }
        out
    }

    /// `syncDaemonSet` (spec §6).
    fn sync(&mut self, key: &ObjectKey, w: &mut World) {
        self.syncs += 1;
        let Some(ds) = w.store.daemonset_rc(key) else {
            self.caches.remove(key);
            return;
        };
        if ds.spec.selector.as_ref().is_some_and(|s| s.is_deep_empty()) {
            let msg = "This daemon set is selecting all pods. A non-empty selector is required.";
            manage::event(w, &ds, WARNING, "SelectingAll", msg.into());
            return;
        }
        if ds.metadata.is_being_deleted() {
            return;
        }
        let selector = selector_of(&ds);
        let cache = self
            .caches
            .entry(key.clone())
            .or_insert_with(|| DsCache::new(&ds));
        if cache.uid != ds.metadata.uid || cache.generation != ds.metadata.generation {
            *cache = DsCache::new(&ds);
        }
        let version = w.store.revisions_version();
        let collisions = ds.status.collision_count;
        let (hash, old_revisions) = match &cache.history {
            Some((v, cc, hash, old)) if *v == version && *cc == collisions => {
                (hash.clone(), old.clone())
            }
            _ => {
                let Some((hash, old)) = history::construct_history(w, &ds, &selector) else {
                    self.queue.insert(key.clone()); // revision name clash: collisionCount bumped
                    return;
                };
                let version = w.store.revisions_version();
                cache.history = Some((version, collisions, hash.clone(), old.clone()));
                (hash, old)
            }
        };
        if hash != cache.hash {
            cache.hash = hash.clone();
            cache.all_dirty = true;
        }

        let visit: BTreeSet<String> = if cache.all_dirty {
            cache.deferred.clear();
            // Inserted one by one: `collect` into a set would compile a copy of the standard
            // sort just for the sets of this function.
            let mut all = BTreeSet::new();
            all.extend(
                w.store
                    .nodes()
                    .keys()
                    .chain(w.store.nodes_with_pods())
                    .cloned(),
            );
            all
        } else {
            let mut v = std::mem::take(&mut cache.dirty);
            for _ in 0..BURST_REPLICAS {
                match cache.deferred.pop_first() {
                    Some(n) => v.insert(n),
                    None => break,
                };
            }
            v
        };
        cache.all_dirty = false;
        cache.dirty.clear();

        // manage (spec §7)
        let m = claim::nodes_to_daemon_pods(w, &ds, &selector, visit.iter(), false);
        let mut creates = Vec::new();
        let mut deletes = Vec::new();
        for node_name in &visit {
            let Some(node) = w.store.node(node_name) else {
                // Unbound pods aimed at a vanished node; bound ones are PodGC's.
                deletes.extend(
                    m.get(node_name)
                        .into_iter()
                        .flatten()
                        .filter(|p| p.spec.node_name.is_empty())
                        .cloned(),
                );
                continue;
            };
            let should = cache.policy.should_run(node);
            self.evaluations += 1;
            cache
                .per_node
                .entry(node_name.clone())
                .or_insert((should, Counts::default()))
                .0 = should;
            let actions = manage::pods_should_be_on_node(
                w,
                &mut self.backoff,
                &ds,
                node_name,
                should,
                m.get(node_name),
                &hash,
            );
            if actions.create {
                creates.push(node_name.clone());
            }
            deletes.extend(actions.delete);
            if let Some(at) = actions.requeue_at {
                cache.wakes.entry(at).or_default().insert(node_name.clone());
                w.clock.schedule(at, Wake::DaemonSet(key.clone()));
            }
        }
        if creates.len() > BURST_REPLICAS || deletes.len() > BURST_REPLICAS {
            // The rest waits for the next syncs (spec §7.1), a burst at a time.
            let later = creates.iter().skip(BURST_REPLICAS).cloned().chain(
                deletes
                    .iter()
                    .skip(BURST_REPLICAS)
                    .filter_map(|p| crate::state::store::pod_target_node(p)),
            );
            cache.deferred.extend(later);
            self.queue.insert(key.clone());
        } else if !cache.deferred.is_empty() {
            self.queue.insert(key.clone());
        }
        sync_nodes(w, &ds, &hash, &creates, &deletes);

        // After manage's writes, as the unit tests see it (spec §6.1).
        let m = claim::nodes_to_daemon_pods(w, &ds, &selector, visit.iter(), false);
        let generation = ds.template_generation();
        let now = w.clock.now();
        for node_name in &visit {
            let pods = m.get(node_name).map(Vec::as_slice).unwrap_or_default();
            let has_old = pods.iter().any(|p| {
                !p.metadata.is_being_deleted()
                    && !rolling_update::is_pod_updated(p, &hash, generation)
            });
            if has_old {
                cache.old_nodes.insert(node_name.clone());
            } else {
                cache.old_nodes.remove(node_name);
            }
            let should = w
                .store
                .node(node_name)
                .and_then(|_| cache.per_node.get(node_name))
                .map(|(s, _)| *s);
            let roll = rolling_update::NodeRoll::of(
                pods,
                should,
                &hash,
                generation,
                ds.spec.min_ready_seconds,
                now,
            );
            cache.roll.set(node_name, roll);
        }

        // rollingUpdate (spec §8); OnDelete never replaces old pods for being old.
        if ds.is_rolling_update() && !cache.old_nodes.is_empty() {
            match cache.roll.plan(&ds) {
                Ok(plan) => {
                    let deletes: Vec<Rc<crate::api::Pod>> = plan
                        .delete
                        .iter()
                        .filter_map(|k| w.store.pod_rc(k))
                        .take(BURST_REPLICAS)
                        .collect();
                    sync_nodes(w, &ds, &hash, &plan.create_on, &deletes);
                }
                Err(e) => manage::event(w, &ds, WARNING, "FailedRollingUpdate", e),
            }
        }

        // cleanupHistory (spec §9)
        let limit = ds.spec.revision_history_limit.unwrap_or(10).max(0) as usize;
        if old_revisions.len() > limit {
            // Inserted one by one, as `visit` above.
            let mut live: BTreeSet<String> = BTreeSet::new();
            live.extend(
                w.store
                    .pods()
                    .values()
                    .filter(|p| p.metadata.namespace == ds.metadata.namespace)
                    .filter(|p| {
                        p.metadata.controller_ref().map(|r| &r.uid) == Some(&ds.metadata.uid)
                    })
                    .filter_map(|p| {
                        p.metadata
                            .labels
                            .get(keys::CONTROLLER_REVISION_HASH)
                            .cloned()
                    }),
            );
            history::cleanup_history(w, &ds, old_revisions, &live);
        }

        // status (spec §11), from the per-node parts
        for node_name in &visit {
            let old = cache
                .per_node
                .get(node_name)
                .map(|(_, c)| *c)
                .unwrap_or_default();
            cache.totals -= old;
            if w.store.node(node_name).is_none() {
                cache.per_node.remove(node_name);
                continue;
            }
            let Some(entry) = cache.per_node.get_mut(node_name) else {
                continue;
            };
            let pods = m.get(node_name).map(Vec::as_slice).unwrap_or_default();
            let (counts, wake) = status::node_contribution(
                entry.0.should_run,
                pods,
                &hash,
                generation,
                ds.spec.min_ready_seconds,
                now,
            );
            entry.1 = counts;
            cache.totals += counts;
            if let Some(at) = wake {
                cache.wakes.entry(at).or_default().insert(node_name.clone());
                w.clock.schedule(at, Wake::DaemonSet(key.clone()));
            }
        }
        let totals = cache.totals;
        let generation_now = ds.metadata.generation;
        w.store.update_daemonset_status(key, |status| {
            status::apply(status, totals);
            if status.observed_generation < generation_now {
                status.observed_generation = generation_now;
            }
        });
    }
}

/// The DaemonSet's selector; one that cannot be parsed selects nothing.
fn selector_of(ds: &DaemonSet) -> Selector {
    match &ds.spec.selector {
        Some(s) => s.to_selector().unwrap_or(Selector::Nothing),
        None => Selector::Nothing,
    }
}

/// `syncNodes`: creates the pods for `create_on` and deletes `delete`, with their events.
fn sync_nodes(
    w: &mut World,
    ds: &DaemonSet,
    hash: &str,
    create_on: &[String],
    delete: &[Rc<crate::api::Pod>],
) {
    for node in create_on.iter().take(BURST_REPLICAS) {
        let pod = pod_template::new_daemon_pod(ds, node, hash);
        let key = apiserver::create_pod(w, pod);
        manage::event(
            w,
            ds,
            NORMAL,
            "SuccessfulCreate",
            format!("Created pod: {}", key.name),
        );
    }
    for pod in delete {
        let key = ObjectKey::of(&pod.metadata);
        if apiserver::delete_pod(w, &key, None) {
            manage::event(
                w,
                ds,
                NORMAL,
                "SuccessfulDelete",
                format!("Deleted pod: {}", key.name),
            );
        }
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
mod tests;

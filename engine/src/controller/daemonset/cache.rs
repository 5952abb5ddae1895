//! What the DaemonSet controller remembers of one DaemonSet between syncs: the placement policy,
//! the current revision, each node's decision, status part and rolling-update part, and the
//! nodes to revisit, so that a sync visits only the nodes whose state changed.

use super::BURST_REPLICAS;
use super::claim::NodePods;
use super::deferred::Deferred;
use super::history;
use super::pod_template::TemplateMemo;
use super::roll_index::{GenerationText, RollIndex, UpdatedTest};
use super::status::Counts;
use crate::api::{
    ControllerRevision, DaemonSet, LabelSelector, Node, ObjectKey, Selector, Shared, SharedStr,
    StringMap, Time,
};
use crate::controller::room;
use crate::placement::{PlacementPolicy, ShouldRun};
use crate::state::World;
use crate::state::clock::Wake;
use crate::state::node_ids::NodeId;
use crate::state::node_table::NodeTable;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

pub(super) struct DsCache {
    pub(super) uid: String,
    pub(super) generation: i64,
    pub(super) policy: PlacementPolicy,
    pub(super) hash: Rc<str>,
    /// The DaemonSet's selector as parsed, with the selector it was parsed from: the same at
    /// every sync of a DaemonSet, and a parse was a few allocations a sync.
    selector: Option<(Option<LabelSelector>, Rc<Selector>)>,
    /// The template generation's text, with the annotations it was read from (held, so that
    /// their address names those very annotations).
    template_generation: Option<(Shared<StringMap>, Option<GenerationText>)>,
    pub(super) all_dirty: bool,
    /// Nodes to revisit, as marked (a pod's writes mark its node each time), by the store's
    /// numbers, as the changes give them: each kept once when a sync takes them, not kept in
    /// order at every mark. The controller keeps every node by the store's number (a name
    /// keeps it), so a mark is neither a name copied nor a name looked up.
    pub(super) dirty: Vec<NodeId>,
    /// Nodes left over when a sync had more to create or delete than `BURST_REPLICAS`: the next
    /// syncs take them a burst at a time, in node order, instead of revisiting all of them each
    /// time (which made creating a DaemonSet on N nodes cost O(N²)).
    pub(super) deferred: Deferred,
    /// Each node's decision and part of the status (each count 0 or 1, packed in a byte), by
    /// the store's node number: 8 bytes a node, no string.
    pub(super) per_node: NodeTable<(ShouldRun, u8)>,
    /// For each node number, the store's [`node_put`](crate::state::store::Store::node_put)
    /// of the node `per_node`'s decision was made from (0: none): a pod's writes make its node
    /// dirty, and the decision is taken again only when the node itself changed (the policy
    /// is the cache's, which starts over when the DaemonSet's spec changes).
    decided: Vec<u32>,
    pub(super) totals: Counts,
    /// Nodes holding a pod of an older template: a rolling update has work to do.
    pub(super) old_nodes: BTreeSet<SharedStr>,
    /// Each node's part of `rollingUpdate` (spec §8).
    pub(super) roll: RollIndex,
    /// Nodes to revisit at a time (minReadySeconds passing, failed-pod backoff ending).
    pub(super) wakes: BTreeMap<Time, BTreeSet<NodeId>>,
    /// `constructHistory`'s answer, valid while the template, collisionCount and the set of
    /// revisions are unchanged.
    pub(super) history: Option<History>,
    /// The pods' template, kept between syncs (a sync often creates one pod).
    pub(super) template: TemplateMemo,
    /// Room for the next sync's lists (emptied): each was an allocation a sync, and most
    /// syncs visit a node or two.
    pub(super) numbers: Vec<Option<NodeId>>,
    pub(super) spare_pods: NodePods,
    /// The creates of the last sync's `manage` whose node then held the new pod alone, as
    /// (node, pod name) in the order they were written, with the controller's pass they were
    /// written in: until the next pass, the change recording each create, observed, does not
    /// make its node dirty (see [`DsCache::observed_own_create`]). Emptied at each sync.
    created: Vec<(NodeId, SharedStr)>,
    /// How many of `created` were observed (they are observed in the order written).
    created_seen: u32,
    created_in: u32,
    /// The DaemonSet's key is in the controller's queue (set when a change queued it, cleared
    /// when the queue is taken): a further change of its pods need not queue it again.
    pub(super) queued: bool,
}

/// `constructHistory`'s answer and what it was computed for.
pub(super) struct History {
    revisions_version: u64,
    collision_count: Option<i32>,
    hash: Rc<str>,
    /// Shared with each sync, not copied (each revision holds a template).
    old: Rc<[ControllerRevision]>,
}

impl DsCache {
    pub(super) fn new(ds: &DaemonSet) -> DsCache {
        DsCache {
            uid: ds.metadata.uid.to_string(),
            generation: ds.metadata.more.generation,
            policy: PlacementPolicy::for_daemonset(ds),
            hash: Rc::from(""),
            selector: None,
            template_generation: None,
            all_dirty: true,
            dirty: Vec::new(),
            deferred: Deferred::default(),
            per_node: NodeTable::default(),
            decided: Vec::new(),
            totals: Counts::default(),
            old_nodes: BTreeSet::new(),
            roll: RollIndex::default(),
            wakes: BTreeMap::new(),
            history: None,
            template: TemplateMemo::default(),
            numbers: Vec::new(),
            spare_pods: NodePods::default(),
            created: Vec::new(),
            created_seen: 0,
            created_in: 0,
            queued: false,
        }
    }

    /// Forgets the creates the last sync expected to observe (each sync expects its own).
    pub(super) fn forget_creates(&mut self) {
        if !self.created.is_empty() {
            self.created = Vec::new(); // no room kept: a burst's, between bursts
        }
        self.created_seen = 0;
    }

    /// The creates of this sync's `manage`, in pass `pass`, whose node holds the new pod alone
    /// (`(node, pod name)`, in the order written): see [`DsCache::observed_own_create`].
    pub(super) fn expect_creates(&mut self, created: Vec<(NodeId, SharedStr)>, pass: u32) {
        self.created = created;
        self.created_seen = 0;
        self.created_in = pass;
    }

    /// Whether the change of the pod `name` on the one node `node` (None for a change that
    /// gives its node twice or two nodes), observed in pass `pass`, is the next of the creates
    /// expected by the last sync: then the node need not be visited for it.
    ///
    /// Why that is safe. A create is expected only where, after `manage`'s writes, the node's
    /// pods of this DaemonSet were the new pod alone, of the current revision's hash, not
    /// ready, neither terminal nor terminating, on a node whose decision lets it continue
    /// running; the sync then claimed, decided, counted and indexed the node from those very
    /// pods. A visit repeats that from the node (unchanged, or its own change marks it), its
    /// pods (unchanged, or their changes mark it), the DaemonSet's spec and revision (else the
    /// cache starts over or every node is dirty) and the clock: and for such a node the
    /// clock decides nothing (`podsShouldBeOnNode` keeps one running pod whatever the time,
    /// touches no backoff and records no event; a pod that is not ready is neither available
    /// nor waited for by minReadySeconds; a pod carrying the hash is updated whatever the
    /// template generation). So the visit would write nothing and compute the same parts.
    ///
    /// Each expectation is taken by one change at most, the first one of that pod name on
    /// that single node: the create itself, or an earlier change in the same batch of a pod
    /// of the same name on the same node, recorded before the sync read that node (the create
    /// then comes after and marks the node). Every change recorded after the sync's reads
    /// marks as before. Expectations are good for the one pass after their sync (whose batch
    /// holds the creates) and forgotten at the next sync.
    pub(super) fn observed_own_create(
        &mut self,
        pass: u32,
        name: &SharedStr,
        node: Option<NodeId>,
    ) -> bool {
        if self.created_in != pass {
            return false;
        }
        let Some((expected, pod)) = self.created.get(self.created_seen as usize) else {
            return false;
        };
        if node == Some(*expected) && pod == name {
            self.created_seen += 1;
            true
        } else {
            false
        }
    }

    /// `NodeShouldRunDaemonPod` for the node numbered `id`, whose store stamp is `put`: the
    /// decision kept in `per_node` if it was made from this very version of the node.
    pub(super) fn should_run(&mut self, id: NodeId, node: &Node, put: u32) -> ShouldRun {
        let at = id.number() as usize;
        if let Some(&(should, _)) = self.per_node.get(&id)
            && self.decided.get(at) == Some(&put)
        {
            return should;
        }
        *crate::state::node_table::slot(&mut self.decided, at, 0) = put;
        self.policy.should_run(node)
    }

    /// Starts over when the spec changed (generation), for a DaemonSet known to have the
    /// cache's uid (a replaced one starts over in any case).
    pub(super) fn refresh_generation(&mut self, ds: &DaemonSet) {
        if self.generation != ds.metadata.more.generation {
            *self = DsCache::new(ds);
        }
    }

    /// `IsPodUpdated` at `hash` and the DaemonSet's template generation, the annotation read
    /// again only when the annotations are others than last time (a status write keeps them).
    pub(super) fn updated_test<'a>(&mut self, ds: &DaemonSet, hash: &'a str) -> UpdatedTest<'a> {
        let generation = match &self.template_generation {
            Some((held, generation)) if held.same(&ds.metadata.annotations) => *generation,
            _ => {
                let generation = GenerationText::of(ds.template_generation());
                self.template_generation = Some((ds.metadata.annotations.clone(), generation));
                generation
            }
        };
        UpdatedTest::with_generation(hash, generation)
    }

    /// `constructHistory` (spec §9), reused while the template, collisionCount and the set of
    /// revisions are unchanged: the current revision's hash and the old revisions. None when a
    /// revision name clashed (collisionCount was bumped: sync again). A new hash makes every node
    /// dirty.
    pub(super) fn construct_history(
        &mut self,
        w: &mut World,
        ds: &DaemonSet,
        selector: &Selector,
    ) -> Option<(Rc<str>, Rc<[ControllerRevision]>)> {
        let version = w.store.revisions_version();
        let collisions = ds.status.collision_count;
        let (hash, old_revisions) = match &self.history {
            Some(h) if h.revisions_version == version && h.collision_count == collisions => {
                (h.hash.clone(), h.old.clone())
            }
            _ => {
                let (hash, old) = history::construct_history(w, ds, selector)?;
                let hash: Rc<str> = hash.into();
                let old: Rc<[ControllerRevision]> = old.into();
                let version = w.store.revisions_version();
                self.history = Some(History {
                    revisions_version: version,
                    collision_count: collisions,
                    hash: hash.clone(),
                    old: old.clone(),
                });
                (hash, old)
            }
        };
        if hash != self.hash {
            self.hash = hash.clone();
            self.all_dirty = true;
        }
        Some((hash, old_revisions))
    }

    /// The DaemonSet's selector (`metav1.LabelSelectorAsSelector`), parsed again only when it
    /// changed; one that cannot be parsed selects nothing.
    pub(super) fn selector(&mut self, ds: &DaemonSet) -> Rc<Selector> {
        match &self.selector {
            Some((from, parsed)) if *from == ds.spec.selector => parsed.clone(),
            _ => {
                let parsed = Rc::new(super::selector_of(ds));
                self.selector = Some((ds.spec.selector.clone(), parsed.clone()));
                parsed
            }
        }
    }

    /// The nodes this sync visits: every node (and every node holding pods) when all are dirty,
    /// else the dirty ones plus a burst of the deferred ones; in name order, with the store's
    /// numbers.
    pub(super) fn nodes_to_visit(&mut self, w: &World) -> Vec<(SharedStr, NodeId)> {
        let visit = if self.all_dirty {
            self.deferred.clear();
            // The store lists its nodes in name order, each once; only the names of nodes gone
            // but still holding pods (most often none) need a place among them. Was a tree of
            // every name, a walk comparing names per node (the first sync of each DaemonSet).
            let mut all: Vec<(SharedStr, NodeId)> = Vec::with_capacity(w.store.nodes().len());
            // The store's strings are held, not copies (a name a node, 10,000 allocations), with
            // the store's numbers (no name looked up).
            all.extend((w.store.nodes().held_names_numbered()).map(|(n, id)| (n.clone(), id)));
            let existing = all.len();
            let name = |id| w.store.node_name_of(id).clone();
            all.extend(w.store.gone_nodes_with_pods().map(|id| (name(id), id)));
            if all.len() > existing {
                crate::sort::sort_by(&mut all, |a, b| a.0.cmp(&b.0));
            }
            all
        } else {
            // The marks, each once (by number: most marks repeat a node, and no name is read
            // for a repeat), then a burst of the deferred nodes, with the store's names.
            // A list a sync, not kept: its room would stay after the settle (the marks' own
            // room is kept, as before).
            self.dirty.sort_unstable();
            self.dirty.dedup();
            let mut v: Vec<(SharedStr, NodeId)> =
                Vec::with_capacity(self.dirty.len() + BURST_REPLICAS.min(self.deferred.len()));
            let name = |id| w.store.node_name_of(id).clone();
            v.extend(self.dirty.drain(..).map(|id| (name(id), id)));
            // Its room kept for the next marks (each sync's first mark was an allocation).
            self.dirty = room::emptied(std::mem::take(&mut self.dirty)).unwrap_or_default();
            for _ in 0..BURST_REPLICAS {
                match self.deferred.pop_first() {
                    Some(id) => v.push((name(id), id)),
                    None => break,
                };
            }
            // In name order; a node both marked and deferred is kept once (a name has one
            // number, so equal names are next to each other with equal numbers).
            crate::sort::sort_by_text(&mut v, |(n, _)| (0, n.as_str().as_bytes()));
            v.dedup_by(|later, kept| later.1 == kept.1);
            v
        };
        self.all_dirty = false;
        self.dirty.clear();
        visit
    }

    /// Revisit `node` at `at` (minReadySeconds passing, a failed-pod backoff ending).
    pub(super) fn wake_at(&mut self, w: &mut World, key: &ObjectKey, at: Time, node: NodeId) {
        self.wakes.entry(at).or_default().insert(node);
        w.clock.schedule(at, Wake::DaemonSet(key.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Taint;
    use crate::testutil::{n1, new_daemonset, node};

    /// A node's decision is kept while the store's stamp of the node is the same (the node is
    /// not read), and taken again from the node when the stamp differs.
    #[test]
    fn a_decision_is_taken_again_only_for_another_version_of_the_node() {
        let mut cache = DsCache::new(&new_daemonset("foo"));
        let id = NodeId::from_number(3);
        let plain = node("a", n1());
        let mut tainted = node("a", n1());
        tainted.spec.taints = vec![Taint::new("dedicated", "user1", "NoExecute")];
        let run = cache.should_run(id, &plain, 7);
        assert!(run.should_run);
        cache.per_node.insert(id, (run, 0));
        assert_eq!(cache.should_run(id, &tainted, 7), run, "same stamp: kept");
        let now = cache.should_run(id, &tainted, 8);
        assert!(!now.should_run && !now.should_continue_running);
    }

    /// Spec §6.1 (expectations): a sync's own creates, observed in the order written in the
    /// pass after it, each once, on its one node, do not make their nodes dirty; any other
    /// change does (another pass, name, node or shape, or a second change of the same pod).
    #[test]
    fn s6_1_an_own_create_is_observed_once_in_order_in_the_next_pass() {
        let mut cache = DsCache::new(&new_daemonset("foo"));
        let s = |t: &str| SharedStr::from(t);
        let (a, b) = (NodeId::from_number(4), NodeId::from_number(1));
        let (p1, p2) = (s("foo-p1"), s("foo-p2"));
        cache.expect_creates(vec![(a, p1.clone()), (b, p2.clone())], 5);
        let seen = |c: &mut DsCache, pass, pod: &SharedStr, node: Option<NodeId>| {
            c.observed_own_create(pass, pod, node)
        };
        assert!(!seen(&mut cache, 6, &p1, Some(a)), "another pass");
        assert!(
            !seen(&mut cache, 5, &p2, Some(b)),
            "not the next one written"
        );
        assert!(
            !seen(&mut cache, 5, &p1, None),
            "a write on the node (or a move), not a create"
        );
        assert!(!seen(&mut cache, 5, &p1, Some(b)), "another node");
        assert!(!seen(&mut cache, 5, &p2, Some(a)), "another pod");
        assert!(seen(&mut cache, 5, &s("foo-p1"), Some(a)), "the create");
        assert!(
            !seen(&mut cache, 5, &p1, Some(a)),
            "its next change (a delete) marks"
        );
        cache.forget_creates();
        assert!(
            !seen(&mut cache, 5, &p2, Some(b)),
            "forgotten at the next sync"
        );
    }
}

//! The plan of `rollingUpdate` (spec §8): which old pods to delete (maxSurge = 0) or which nodes
//! get a new pod next to the old one (maxSurge > 0). Nodes are visited in name order, the
//! simulator's fixed choice for Go's random map order (spec §8.1).
//!
//! The upstream function walks every node on every sync. Here each node's part of that walk is
//! kept in a [`RollIndex`] and recomputed only when the node's pods or placement change (or when a
//! pod's `minReadySeconds` runs out), so a rollout over N nodes costs O(N log N) rather than
//! O(N²). The walk's running counters reduce to totals: a candidate is only skipped when the
//! final count already leaves no room, so "the first `max - total` candidates in node order" is
//! the same choice.

use crate::api::{DaemonSet, ObjectKey, Pod, Shared, StringMap, Time, keys};
use crate::placement::ShouldRun;
use crate::state::node_ids::NodeId;
use crate::state::node_table::NodeTable;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Deref;

/// A read-only view of the DaemonSet's pods by node (upstream's `nodeToDaemonPods`).
#[cfg(test)]
pub type NodePodRefs<'a> = BTreeMap<String, Vec<&'a Pod>>;

/// What the rolling update decided.
#[derive(Debug, Default, PartialEq)]
pub struct Plan {
    pub delete: Vec<ObjectKey>,
    pub create_on: Vec<String>,
}

/// `IsPodUpdated`: the hash label matches, or the legacy template-generation label does.
pub fn is_pod_updated(pod: &Pod, hash: &str, generation: Option<i64>) -> bool {
    has_hash(pod, hash) || generation.is_some_and(|g| has_generation(pod, &g.to_string()))
}

fn has_hash(pod: &Pod, hash: &str) -> bool {
    !hash.is_empty()
        && pod
            .metadata
            .labels
            .get(keys::CONTROLLER_REVISION_HASH)
            .map(String::as_str)
            == Some(hash)
}

fn has_generation(pod: &Pod, generation: &str) -> bool {
    pod.metadata
        .labels
        .get(keys::POD_TEMPLATE_GENERATION)
        .map(String::as_str)
        == Some(generation)
}

/// [`is_pod_updated`] at one revision, remembering its answer for the last labels it read
/// (held, so their address names those very labels): the pods of a DaemonSet share their
/// template's labels, so a sync's many tests of its pods are mostly a comparison of addresses,
/// not a search of the labels and a comparison of the hash.
pub struct UpdatedTest<'a> {
    pub hash: &'a str,
    /// The template generation as the label holds it, written once on the stack (the
    /// DaemonSets that kubectl applies have one, and each old pod tested was a text written
    /// and let go).
    generation: Option<GenerationText>,
    last: RefCell<Option<(Shared<StringMap>, bool)>>,
}

impl<'a> UpdatedTest<'a> {
    #[cfg(test)]
    pub fn new(hash: &'a str, generation: Option<i64>) -> UpdatedTest<'a> {
        UpdatedTest::with_generation(hash, GenerationText::of(generation))
    }

    /// As `new`, with the generation's text already written.
    pub fn with_generation(hash: &'a str, generation: Option<GenerationText>) -> UpdatedTest<'a> {
        UpdatedTest {
            hash,
            generation,
            last: RefCell::new(None),
        }
    }

    /// `IsPodUpdated(pod, hash, generation)`.
    pub fn is_updated(&self, pod: &Pod) -> bool {
        let labels = &pod.metadata.labels;
        if let Some((last, answer)) = &*self.last.borrow()
            && last.same(labels)
        {
            return *answer;
        }
        let answer = has_hash(pod, self.hash)
            || (self.generation.as_ref()).is_some_and(|g| has_generation(pod, g.as_str()));
        *self.last.borrow_mut() = Some((labels.clone(), answer));
        answer
    }
}

/// An `i64` in decimal, as `to_string` writes it, without an allocation.
#[derive(Debug, Clone, Copy)]
pub struct GenerationText {
    bytes: [u8; 20],
    len: usize,
}

impl GenerationText {
    pub fn of(generation: Option<i64>) -> Option<GenerationText> {
        generation.map(GenerationText::new)
    }

    fn new(g: i64) -> GenerationText {
        use std::io::Write;
        let mut bytes = [0u8; 20];
        let mut cursor = std::io::Cursor::new(&mut bytes[..]);
        // 20 bytes hold every i64 ("-9223372036854775808").
        let _ = write!(cursor, "{g}");
        let len = cursor.position() as usize;
        GenerationText { bytes, len }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

/// `findUpdatedPodsOnNode`: (new, old, ok); ok is false with two new or two old pods.
pub fn find_updated_pods_on_node<'a, P: Deref<Target = Pod>>(
    pods: &'a [P],
    updated: &UpdatedTest<'_>,
) -> (Option<&'a Pod>, Option<&'a Pod>, bool) {
    let (mut new, mut old) = (None, None);
    for p in pods.iter().filter(|p| !p.metadata.is_being_deleted()) {
        let slot = if updated.is_updated(p) {
            &mut new
        } else {
            &mut old
        };
        if slot.is_some() {
            return (None, None, false);
        }
        *slot = Some(&**p);
    }
    (new, old, true)
}

/// One node's part of the walk, for both strategies (maxSurge can move between 0 and more as
/// the number of desired nodes changes a percentage's rounding). The old pod that four of the
/// marks name is kept beside it (`NodeRoll::of`), in the index's sets: most nodes have none.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct NodeRoll {
    /// The node should run a pod (counts towards desiredNumberScheduled).
    desired: bool,
    // maxSurge = 0 (§8.2)
    /// Counts towards numUnavailable.
    unavailable: bool,
    /// An unavailable old pod: always replaced.
    old_unavailable: bool,
    /// An available old pod: deleted while the budget allows.
    old_available: bool,
    // maxSurge > 0 (§8.3)
    surge: bool,
    available: bool,
    /// An old pod and no new one, the old one unavailable, the node still wanting a pod.
    create: bool,
    /// An old pod to delete now (its replacement is available, or the node no longer wants it).
    delete: bool,
    /// An available old pod on a node that no longer wants it: goes once enough are available.
    sunset: bool,
    /// An available old pod and no new one: a surge pod may be created here.
    candidate_new: bool,
    /// An old pod on a node that no longer exists: upstream's "node not found" error.
    missing_node: bool,
}

impl NodeRoll {
    /// The node's part, from its pods (claimed, terminal-and-deleted ones left out) and its
    /// placement (`None`: the node no longer exists), with the node's old pod when one of the
    /// marks `old_unavailable`, `old_available`, `delete` and `sunset` names it (they all name the
    /// same pod). Availability changes with time: the controller revisits the node when a pod on
    /// it becomes available (`status::node_contribution`).
    pub fn of<P: Deref<Target = Pod>>(
        pods: &[P],
        should: Option<ShouldRun>,
        updated: &UpdatedTest<'_>,
        min_ready_seconds: i64,
        now: Time,
    ) -> (NodeRoll, Option<ObjectKey>) {
        let mut r = NodeRoll::default();
        let mut named = None;
        let should_run = should.map(|s| s.should_run);
        r.desired = should_run == Some(true);
        if !r.desired && pods.is_empty() {
            return (r, named); // not part of the walk
        }
        let available = |p: &Pod| p.is_available(min_ready_seconds, now);
        let (new, old, ok) = find_updated_pods_on_node(pods, updated);
        if !ok {
            r.unavailable = true;
            r.surge = true;
            return (r, named);
        }
        let name_old = |named: &mut Option<ObjectKey>, p: &Pod| {
            if named.is_none() {
                *named = Some(ObjectKey::of(&p.metadata));
            }
        };
        match (new, old) {
            (None, None) | (Some(_), Some(_)) => r.unavailable = true,
            (Some(n), None) => r.unavailable = !available(n),
            (None, Some(o)) if !available(o) => {
                r.unavailable = true;
                r.old_unavailable = true;
                name_old(&mut named, o);
            }
            (None, Some(o)) => {
                r.old_available = true;
                name_old(&mut named, o);
            }
        }
        r.available = match (old, new) {
            (Some(o), _) => available(o),
            (None, Some(n)) => available(n),
            (None, None) => false,
        };
        let Some(o) = old else {
            return (r, named);
        };
        match (new, should_run) {
            (None, None) => r.missing_node = true,
            (None, Some(run)) if !available(o) => {
                if run {
                    r.create = true;
                } else {
                    r.delete = true;
                    name_old(&mut named, o);
                }
            }
            (None, Some(false)) => {
                r.sunset = true;
                name_old(&mut named, o);
            }
            (None, Some(true)) => r.candidate_new = true,
            (Some(n), _) if available(n) => {
                r.delete = true;
                name_old(&mut named, o);
            }
            (Some(_), _) => r.surge = true,
        }
        (r, named)
    }
}

/// Every node's [`NodeRoll`] (by node number: a few bytes a node), with the totals and the
/// node-ordered sets the plan reads; the sets that name a pod map the node to its old pod.
#[derive(Debug, Default)]
pub struct RollIndex {
    nodes: NodeTable<NodeRoll>,
    desired: i64,
    unavailable: i64,
    surge: i64,
    available: i64,
    old_unavailable: BTreeMap<String, ObjectKey>,
    old_available: BTreeMap<String, ObjectKey>,
    create: BTreeSet<String>,
    delete: BTreeMap<String, ObjectKey>,
    sunset: BTreeMap<String, ObjectKey>,
    candidate_new: BTreeSet<String>,
    missing_node: BTreeSet<String>,
}

fn set_member(set: &mut BTreeSet<String>, node: &str, member: bool) {
    if member {
        if !set.contains(node) {
            set.insert(node.to_string());
        }
    } else {
        set.remove(node);
    }
}

/// As `set_member`, with the node's old pod.
fn set_pod(set: &mut BTreeMap<String, ObjectKey>, node: &str, old: Option<&ObjectKey>) {
    match (old, set.get_mut(node)) {
        (Some(key), Some(held)) => {
            if held != key {
                *held = key.clone();
            }
        }
        (Some(key), None) => {
            set.insert(node.to_string(), key.clone());
        }
        (None, _) => {
            set.remove(node);
        }
    }
}

impl RollIndex {
    /// Replaces the part of node `id`, named `node`; `old` is the pod its marks name.
    pub fn set(&mut self, id: NodeId, node: &str, roll: NodeRoll, old: Option<ObjectKey>) {
        let before = self.nodes.get(&id).copied().unwrap_or_default();
        if before == roll && self.named(&before, node) == old.as_ref() {
            return;
        }
        let delta = |now: bool, before: bool| i64::from(now) - i64::from(before);
        self.desired += delta(roll.desired, before.desired);
        self.unavailable += delta(roll.unavailable, before.unavailable);
        self.surge += delta(roll.surge, before.surge);
        self.available += delta(roll.available, before.available);
        let named = |mark: bool| old.as_ref().filter(|_| mark);
        // A set holds the node exactly when the node's part before had its mark: one marked
        // neither before nor now is not in it (most of the seven, most of the time), and a
        // search of the set by name is skipped.
        let touched = |before: bool, now: bool| before || now;
        if touched(before.old_unavailable, roll.old_unavailable) {
            set_pod(&mut self.old_unavailable, node, named(roll.old_unavailable));
        }
        if touched(before.old_available, roll.old_available) {
            set_pod(&mut self.old_available, node, named(roll.old_available));
        }
        if touched(before.create, roll.create) {
            set_member(&mut self.create, node, roll.create);
        }
        if touched(before.delete, roll.delete) {
            set_pod(&mut self.delete, node, named(roll.delete));
        }
        if touched(before.sunset, roll.sunset) {
            set_pod(&mut self.sunset, node, named(roll.sunset));
        }
        if touched(before.candidate_new, roll.candidate_new) {
            set_member(&mut self.candidate_new, node, roll.candidate_new);
        }
        if touched(before.missing_node, roll.missing_node) {
            set_member(&mut self.missing_node, node, roll.missing_node);
        }
        if roll == NodeRoll::default() {
            self.nodes.remove(&id);
        } else {
            self.nodes.insert(id, roll);
        }
    }

    /// The old pod the node's marks name, as the sets hold it.
    fn named(&self, roll: &NodeRoll, node: &str) -> Option<&ObjectKey> {
        [
            (roll.old_unavailable, &self.old_unavailable),
            (roll.old_available, &self.old_available),
            (roll.delete, &self.delete),
            (roll.sunset, &self.sunset),
        ]
        .into_iter()
        .find(|(mark, _)| *mark)
        .and_then(|(_, set)| set.get(node))
    }

    /// `rollingUpdate`'s decision from the current parts.
    pub fn plan(&self, ds: &DaemonSet) -> Result<Plan, String> {
        let desired = self.desired;
        let (max_surge, max_unavailable) = surge_and_unavailable(ds, desired)?;
        let mut plan = Plan::default();
        if max_surge == 0 {
            // §8.2 delete-then-create: unavailable old pods always go, then available ones while
            // the budget lasts.
            plan.delete = self.old_unavailable.values().cloned().collect();
            let room = (max_unavailable - self.unavailable).max(0) as usize;
            plan.delete
                .extend(self.old_available.values().take(room).cloned());
            return Ok(plan);
        }
        // §8.3 create-then-delete.
        if let Some(node) = self.missing_node.first() {
            return Err(format!("node \"{node}\" not found"));
        }
        plan.delete = self.delete.values().cloned().collect();
        let keep_available = (self.available - desired).max(0) as usize;
        plan.delete
            .extend(self.sunset.values().take(keep_available).cloned());
        plan.create_on = self.create.iter().cloned().collect();
        let room = (max_surge - self.surge).max(0) as usize;
        plan.create_on
            .extend(self.candidate_new.iter().take(room).cloned());
        Ok(plan)
    }
}

/// (maxSurge, maxUnavailable) against `desired`, with upstream's rule that both being 0 means a
/// maxUnavailable of 1.
pub fn surge_and_unavailable(ds: &DaemonSet, desired: i64) -> Result<(i64, i64), String> {
    let mut max_unavailable = ds.unavailable_count(desired)?;
    let max_surge = ds.surge_count(desired)?;
    if desired > 0 && max_unavailable == 0 && max_surge == 0 {
        max_unavailable = 1;
    }
    Ok((max_surge, max_unavailable))
}

#[cfg(test)]
/// `updatedDesiredNodeCounts`: (maxSurge, maxUnavailable, desired); adds an empty entry to `m` for
/// every node that should run a pod.
pub fn updated_desired_node_counts(
    ds: &DaemonSet,
    nodes: &BTreeMap<String, ShouldRun>,
    m: &mut NodePodRefs,
) -> Result<(i64, i64, i64), String> {
    let mut desired = 0;
    for (name, _) in nodes.iter().filter(|(_, s)| s.should_run) {
        desired += 1;
        m.entry(name.clone()).or_default();
    }
    let (max_surge, max_unavailable) = surge_and_unavailable(ds, desired)?;
    Ok((max_surge, max_unavailable, desired))
}

#[cfg(test)]
/// `rollingUpdate` as upstream runs it: one walk over every node (the controller keeps the walk
/// in a [`RollIndex`] instead; this is its reference, and the form of the upstream unit tests).
/// `nodes` holds the placement decision of every existing node.
pub fn rolling_update(
    ds: &DaemonSet,
    nodes: &BTreeMap<String, ShouldRun>,
    mut m: NodePodRefs,
    hash: &str,
    now: Time,
) -> Result<Plan, String> {
    updated_desired_node_counts(ds, nodes, &mut m)?;
    let mut index = RollIndex::default();
    let mut ids = crate::state::node_ids::NodeIds::default();
    for (node, pods) in &m {
        let (roll, old) = NodeRoll::of(
            pods,
            nodes.get(node).copied(),
            &UpdatedTest::new(hash, ds.template_generation()),
            ds.spec.min_ready_seconds,
            now,
        );
        index.set(ids.id(node), node, roll, old);
    }
    index.plan(ds)
}

#[cfg(test)]
mod updated_test_tests {
    use super::{UpdatedTest, is_pod_updated};
    use crate::api::{Pod, keys};

    fn pod_at(hash: &str) -> Pod {
        let mut p = Pod::default();
        p.metadata
            .labels
            .insert(keys::CONTROLLER_REVISION_HASH.into(), hash.into());
        p
    }

    /// The remembered answer is only reused for the very same labels: a pod sharing them gets
    /// it, a pod with other labels (an older revision, or equal text in another map) is tested.
    #[test]
    fn answers_as_is_pod_updated_whatever_the_order() {
        let new = pod_at("h1");
        let mut sharing = Pod::default();
        sharing.metadata.labels = new.metadata.labels.clone();
        let old = pod_at("h0");
        let equal_copy = pod_at("h1");
        let test = UpdatedTest::new("h1", None);
        for p in [
            &new,
            &sharing,
            &old,
            &old,
            &new,
            &equal_copy,
            &old,
            &sharing,
        ] {
            assert_eq!(test.is_updated(p), is_pod_updated(p, "h1", None));
        }
        assert!(test.is_updated(&sharing) && !test.is_updated(&old));
    }

    /// The legacy template-generation label is compared with the generation's text, as
    /// `is_pod_updated` writes it, whatever the generation.
    #[test]
    fn the_generation_label_is_compared_as_text() {
        let min = i64::MIN.to_string();
        for (label, g) in [
            ("3", 3),
            ("03", 3),
            ("-7", -7),
            ("4", 3),
            ("", 0),
            (&min, i64::MIN),
        ] {
            let mut p = Pod::default();
            p.metadata
                .labels
                .insert(keys::POD_TEMPLATE_GENERATION.into(), label.to_string());
            let test = UpdatedTest::new("h1", Some(g));
            assert_eq!(
                test.is_updated(&p),
                is_pod_updated(&p, "h1", Some(g)),
                "{label}"
            );
        }
        assert_eq!(
            super::GenerationText::new(i64::MIN).as_str(),
            i64::MIN.to_string()
        );
    }
}

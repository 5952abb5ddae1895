//! `manage` (spec §7): `podsShouldBeOnNode` decides what to create and delete on each node, and
//! `syncNodes` does it.

use super::backoff::Backoff;
use super::cache::DsCache;
use super::claim::NodePods;
use super::status::Counts;
use super::sync_nodes::sync_nodes;
use super::{BURST_REPLICAS, Sync, claim, event, pod_order};
use crate::api::{DaemonSet, NORMAL, Pod, SharedStr, Time, WARNING, keys, phase};
use crate::controller::room;
use crate::placement::ShouldRun;
use crate::state::World;
use crate::state::node_ids::NodeId;
use crate::state::store::pod_target_node;
use std::rc::Rc;

/// The outcome for one node.
#[derive(Debug, Default)]
pub struct NodeActions {
    pub create: bool,
    pub delete: Vec<Rc<Pod>>,
    /// A failed pod is waiting out its backoff: sync again at this time.
    pub requeue_at: Option<Time>,
}

pub fn pods_should_be_on_node(
    w: &mut World,
    backoff: &mut Backoff,
    ds: &DaemonSet,
    node: &str,
    should: ShouldRun,
    pods: Option<&[Rc<Pod>]>,
    hash: &str,
) -> NodeActions {
    let mut out = NodeActions::default();
    let now = w.clock.now();
    match pods {
        None if should.should_run => out.create = true,
        None => {}
        Some(pods) if should.should_continue_running => {
            // The running pods in the node's order: the first apart, a list only from the
            // second on (a node nearly always holds one pod, and the list was an allocation a
            // visited node).
            let mut first: Option<&Rc<Pod>> = None;
            let mut more: Vec<&Rc<Pod>> = Vec::new();
            for p in pods {
                if p.metadata.is_being_deleted() {
                    continue; // terminating: neither deleted again nor counted as running
                }
                if p.status.phase == phase::FAILED {
                    let key = format!(
                        "{}/{}/{}",
                        ds.metadata.uid, ds.status.observed_generation, node
                    );
                    if backoff.in_backoff(&key, now) {
                        out.requeue_at = backoff.ends_at(&key);
                        continue;
                    }
                    backoff.next(&key, now);
                    let msg = format!(
                        "Found failed daemon pod {}/{} on node {}, will try to kill it",
                        p.metadata.namespace,
                        p.name(),
                        node
                    );
                    event(w, ds, WARNING, "FailedDaemonPod", msg);
                    out.delete.push(p.clone());
                } else if p.status.phase == phase::SUCCEEDED {
                    let msg = format!(
                        "Found succeeded daemon pod {}/{} on node {}, will try to delete it",
                        p.metadata.namespace,
                        p.name(),
                        node
                    );
                    event(w, ds, NORMAL, "SucceededDaemonPod", msg);
                    out.delete.push(p.clone());
                } else if first.is_none() {
                    first = Some(p);
                } else {
                    more.push(p);
                }
            }
            let Some(first) = first else {
                // Nothing running: with surge a pod is created where one should run; without,
                // never here (as upstream).
                out.create = ds.allows_surge() && should.should_run;
                return out;
            };
            if more.is_empty() {
                return out; // one running pod: nothing to create or delete
            }
            let mut running = more;
            running.insert(0, first);
            crate::sort::sort_by(&mut running, |a, b| pod_order::compare(a, b));
            if !ds.allows_surge() {
                out.delete.extend(running[1..].iter().map(|p| Rc::clone(p)));
                return out;
            }
            let is_new = |p: &Pod| {
                p.metadata
                    .labels
                    .get(keys::CONTROLLER_REVISION_HASH)
                    .map(String::as_str)
                    == Some(hash)
            };
            let oldest_new = running.iter().position(|p| is_new(p));
            let oldest_old = running.iter().position(|p| !is_new(p));
            for (i, p) in running.iter().enumerate() {
                if Some(i) != oldest_new && Some(i) != oldest_old {
                    out.delete.push(Rc::clone(p));
                }
            }
            if let (Some(n), Some(o)) = (oldest_new, oldest_old) {
                let old = running[o];
                if !old.is_ready() || running[n].is_available(ds.spec.min_ready_seconds, now) {
                    out.delete.push(Rc::clone(old));
                }
            }
        }
        Some(pods) => {
            // shouldContinueRunning is false: every pod goes, failed and succeeded ones too.
            out.delete.extend(
                pods.iter()
                    .filter(|p| !p.metadata.is_being_deleted())
                    .cloned(),
            );
        }
    }
    out
}

/// Tells the cache which of this sync's creates left their node holding the new pod alone,
/// claimed and decided as a visit of the node would (see `DsCache::observed_own_create`):
/// the pod of the current revision's hash, not ready, neither terminal nor terminating, on a
/// node whose decision lets it continue running.
fn expect_creates(
    cache: &mut DsCache,
    sync: &Sync<'_>,
    m: &NodePods,
    create_at: &[u32],
    created: Vec<SharedStr>,
) {
    if created.is_empty() || sync.hash.is_empty() {
        return;
    }
    let mut expected = Vec::with_capacity(created.len());
    for (name, &at) in created.into_iter().zip(create_at) {
        let (_, id) = &sync.visit[at as usize];
        let [pod] = m.at(at as usize) else {
            continue;
        };
        let alone = pod.metadata.name == name
            && !pod.metadata.is_being_deleted()
            && pod.status.phase != phase::FAILED
            && pod.status.phase != phase::SUCCEEDED
            && !pod.is_ready()
            && (pod.metadata.labels.get(keys::CONTROLLER_REVISION_HASH)).map(String::as_str)
                == Some(sync.hash)
            && (cache.per_node.get(id)).is_some_and(|(s, _)| s.should_continue_running);
        if alone {
            expected.push((*id, name));
        }
    }
    cache.expect_creates(expected, sync.pass);
}

/// `manage` (spec §7): each visited node's decision, then `syncNodes` with at most
/// `BURST_REPLICAS` creates and deletes (spec §7.1). Returns whether the DaemonSet must be synced
/// again for the nodes left over, and the visited nodes' pods after the writes, as the unit
/// tests see them (spec §6.1).
pub(super) fn manage(
    w: &mut World,
    cache: &mut DsCache,
    backoff: &mut Backoff,
    evaluations: &mut u64,
    sync: &Sync<'_>,
) -> (bool, NodePods) {
    // The visited nodes' numbers as the claims take them (every visited name has its store
    // number). Both vectors in the room of the previous sync's.
    let mut numbers = std::mem::take(&mut cache.numbers);
    numbers.extend((sync.visit.iter()).map(|(_, id)| Some(*id)));
    let spare = std::mem::take(&mut cache.spare_pods);
    let mut m = claim::nodes_to_daemon_pods(w, sync.ds, sync.selector, &numbers, false, spare);
    let mut deletes = Vec::new();
    // Nodes with a create or a delete, in name order: the only ones whose pods the writes change.
    let mut written: Vec<usize> = Vec::new();
    // The first burst's nodes by name (`syncNodes` creates there now), the rest by number
    // (deferred): a new DaemonSet's first sync wants a pod on every node.
    let mut creates: Vec<SharedStr> = Vec::new();
    // Where each of `creates` is in the visit.
    let mut create_at: Vec<u32> = Vec::new();
    let mut later: Vec<NodeId> = Vec::new();
    for (at, (node_name, id)) in sync.visit.iter().enumerate() {
        let deletes_before = deletes.len();
        let number = numbers[at];
        let Some(node) = number.and_then(|n| w.store.node_by_number(n)) else {
            // No part for a vanished node: `index_nodes` and the status read that from here.
            if let Some((_, counts)) = cache.per_node.remove(id) {
                cache.totals -= Counts::unpack(counts);
            }
            // Unbound pods aimed at a vanished node; bound ones are PodGC's.
            deletes.extend(
                m.at(at)
                    .iter()
                    .filter(|p| p.spec.node_name.is_empty())
                    .cloned(),
            );
            if deletes.len() > deletes_before {
                written.push(at);
            }
            continue;
        };
        let put = number.map_or(0, |n| w.store.node_put(n));
        let should = cache.should_run(*id, node, put);
        *evaluations += 1;
        cache.per_node.get_or_insert(*id, (should, 0)).0 = should;
        let actions = pods_should_be_on_node(
            w,
            backoff,
            sync.ds,
            node_name,
            should,
            Some(m.at(at)).filter(|pods| !pods.is_empty()),
            sync.hash,
        );
        if actions.create || !actions.delete.is_empty() {
            written.push(at);
        }
        if actions.create {
            if creates.len() < BURST_REPLICAS {
                creates.push(node_name.clone());
                create_at.push(at as u32);
            } else {
                later.push(*id);
            }
        }
        deletes.extend(actions.delete);
        if let Some(at) = actions.requeue_at {
            cache.wake_at(w, sync.key, at, *id);
        }
    }
    let requeue = if !later.is_empty() || deletes.len() > BURST_REPLICAS {
        // The rest waits for the next syncs (spec §7.1), a burst at a time.
        let later_deletes = (deletes.iter().skip(BURST_REPLICAS))
            .filter_map(|p| pod_target_node(p).and_then(|n| w.store.node_number(n)));
        later.extend(later_deletes);
        cache.deferred.extend(|id| w.store.node_name_of(id), later);
        true
    } else {
        !cache.deferred.is_empty()
    };
    let mut created = Vec::with_capacity(creates.len());
    sync_nodes(
        w,
        sync.ds,
        sync.hash,
        &mut cache.template,
        &creates,
        &deletes,
        Some(&mut created),
    );
    // Claimed again where written; elsewhere nothing changed since the claim above.
    for &at in &written {
        m.clear(at);
    }
    let written = written.into_iter().map(|at| (at, numbers[at]));
    claim::claim_into(w, sync.ds, sync.selector, written, false, &mut m);
    expect_creates(cache, sync, &m, &create_at, created);
    if let Some(numbers) = room::emptied(numbers) {
        cache.numbers = numbers;
    }
    (requeue, m)
}

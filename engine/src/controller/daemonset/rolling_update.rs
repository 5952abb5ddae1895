//! `rollingUpdate` (spec §8): which old pods to delete (maxSurge = 0) or which nodes get a new
//! pod next to the old one (maxSurge > 0). Nodes are visited in name order, the simulator's fixed
//! choice for Go's random map order (spec §8.1).

use crate::api::{DaemonSet, Pod, Time, keys};
use crate::placement::ShouldRun;
use std::collections::BTreeMap;

/// A read-only view of the DaemonSet's pods by node, borrowed from the store.
pub type NodePodRefs<'a> = BTreeMap<String, Vec<&'a Pod>>;

/// What the rolling update decided.
#[derive(Debug, Default, PartialEq)]
pub struct Plan {
    pub delete: Vec<Pod>,
    pub create_on: Vec<String>,
}

/// `updatedDesiredNodeCounts`: (maxSurge, maxUnavailable, desired); adds an empty entry to `m` for
/// every node that should run a pod.
pub fn updated_desired_node_counts(
    ds: &DaemonSet,
    nodes: &BTreeMap<String, ShouldRun>,
    m: &mut NodePodRefs,
) -> Result<(i64, i64, i64), String> {
    let mut desired = 0;
    for (name, should) in nodes {
        if should.should_run {
            desired += 1;
            m.entry(name.clone()).or_default();
        }
    }
    let mut max_unavailable = ds.unavailable_count(desired)?;
    let max_surge = ds.surge_count(desired)?;
    if desired > 0 && max_unavailable == 0 && max_surge == 0 {
        max_unavailable = 1;
    }
    Ok((max_surge, max_unavailable, desired))
}

/// `IsPodUpdated`: the hash label matches, or the legacy template-generation label does.
pub fn is_pod_updated(pod: &Pod, hash: &str, generation: Option<i64>) -> bool {
    let labels = &pod.metadata.labels;
    (!hash.is_empty()
        && labels
            .get(keys::CONTROLLER_REVISION_HASH)
            .map(String::as_str)
            == Some(hash))
        || generation
            .is_some_and(|g| labels.get(keys::POD_TEMPLATE_GENERATION) == Some(&g.to_string()))
}

/// `findUpdatedPodsOnNode`: (new, old, ok); ok is false with two new or two old pods.
pub fn find_updated_pods_on_node<'a>(
    pods: &[&'a Pod],
    hash: &str,
    generation: Option<i64>,
) -> (Option<&'a Pod>, Option<&'a Pod>, bool) {
    let (mut new, mut old) = (None, None);
    for p in pods
        .iter()
        .copied()
        .filter(|p| !p.metadata.is_being_deleted())
    {
        let slot = if is_pod_updated(p, hash, generation) {
            &mut new
        } else {
            &mut old
        };
        if slot.is_some() {
            return (None, None, false);
        }
        *slot = Some(p);
    }
    (new, old, true)
}

/// `nodes` holds the placement decision of every existing node.
pub fn rolling_update(
    ds: &DaemonSet,
    nodes: &BTreeMap<String, ShouldRun>,
    mut m: NodePodRefs,
    hash: &str,
    now: Time,
) -> Result<Plan, String> {
    let (max_surge, max_unavailable, desired) = updated_desired_node_counts(ds, nodes, &mut m)?;
    let generation = ds.template_generation();
    let min_ready = ds.spec.min_ready_seconds;
    let available = |p: &Pod| p.is_available(min_ready, now);
    let mut plan = Plan::default();

    if max_surge == 0 {
        // §8.2 delete-then-create.
        let mut num_unavailable = 0;
        let mut candidates = Vec::new();
        for pods in m.values() {
            let (new, old, ok) = find_updated_pods_on_node(pods, hash, generation);
            if !ok {
                num_unavailable += 1;
                continue;
            }
            match (new, old) {
                (None, None) | (Some(_), Some(_)) => num_unavailable += 1,
                (Some(n), None) => {
                    if !available(n) {
                        num_unavailable += 1;
                    }
                }
                (None, Some(o)) => {
                    if !available(o) {
                        plan.delete.push(o.clone()); // unavailable old pods are always replaced
                        num_unavailable += 1;
                    } else if num_unavailable < max_unavailable {
                        candidates.push(o); // cloned only if chosen below
                    }
                }
            }
        }
        let remaining = (max_unavailable - num_unavailable).clamp(0, candidates.len() as i64);
        plan.delete
            .extend(candidates.into_iter().take(remaining as usize).cloned());
        return Ok(plan);
    }

    // §8.3 create-then-delete.
    let (mut num_surge, mut num_available) = (0i64, 0i64);
    let (mut sunset, mut candidate_new) = (Vec::new(), Vec::new());
    for (node_name, pods) in &m {
        let (new, old, ok) = find_updated_pods_on_node(pods, hash, generation);
        if !ok {
            num_surge += 1;
            continue;
        }
        match (old, new) {
            (Some(o), _) if available(o) => num_available += 1,
            (None, Some(n)) if available(n) => num_available += 1,
            _ => {}
        }
        let Some(old) = old else { continue };
        match new {
            None => {
                let Some(should) = nodes.get(node_name) else {
                    return Err(format!("node \"{node_name}\" not found"));
                };
                let should_run = should.should_run;
                if !available(old) {
                    if should_run {
                        plan.create_on.push(node_name.clone());
                    } else {
                        plan.delete.push(old.clone());
                    }
                } else if !should_run {
                    sunset.push(old);
                } else if num_surge < max_surge {
                    candidate_new.push(node_name.clone());
                }
            }
            Some(n) => {
                if available(n) {
                    plan.delete.push(old.clone());
                } else {
                    num_surge += 1;
                }
            }
        }
    }
    let keep_available = num_available - desired;
    if keep_available > 0 {
        plan.delete
            .extend(sunset.into_iter().take(keep_available as usize).cloned());
    }
    let remaining = (max_surge - num_surge).clamp(0, candidate_new.len() as i64);
    plan.create_on
        .extend(candidate_new.into_iter().take(remaining as usize));
    Ok(plan)
}

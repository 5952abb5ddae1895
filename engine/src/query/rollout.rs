//! A DaemonSet's rollout as the page shows it: for each node that should run its pod, whether
//! the node is done (a pod of the current template, available), rolling (a new pod not yet
//! available, an old one terminating, or both side by side), or waiting (only an old pod); and
//! what the rollout does next, or what it waits for, from the same budgets the rolling update
//! decides with (spec §8: maxUnavailable, maxSurge).

use crate::api::{DaemonSet, DaemonSetSpec, Pod, keys};
use crate::cluster::Cluster;
use crate::controller::daemonset::{is_pod_updated, surge_and_unavailable};
use crate::placement::PlacementPolicy;
use std::collections::HashMap;

/// Where one node is in the rollout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum NodeProgress {
    /// A pod of the current template, available; nothing old left.
    Done,
    /// Changing now: a new pod not yet available, an old one terminating, or both side by side.
    Rolling,
    /// Only a pod of an older template: its turn has not come.
    Waiting,
    /// No pod yet.
    Missing,
}

/// What the rollout does next.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Next {
    /// Every node that should run the pod runs the current template, available.
    Done,
    /// Pods are being replaced or started; nothing holds the rollout back.
    Rolling,
    /// maxSurge 0: as many nodes as maxUnavailable are without an available pod; the next old
    /// pod goes when one of them is available again.
    MaxUnavailable { max: i64, unavailable: i64 },
    /// maxSurge > 0: as many surge pods as maxSurge are starting beside old ones; the next node
    /// gets its new pod when one of them is available.
    MaxSurge { max: i64, surging: i64 },
    /// OnDelete: old pods are replaced only when someone deletes them.
    OnDelete { old: usize },
    /// The budgets do not read (an invalid percentage): the controller reports it.
    Invalid(String),
}

/// A DaemonSet's rollout.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Rollout {
    /// The nodes that should run the pod, in name order, with their progress.
    pub nodes: Vec<(String, NodeProgress)>,
    pub next: Next,
}

impl Rollout {
    /// How many nodes are at `p`.
    pub fn count(&self, p: NodeProgress) -> usize {
        self.nodes.iter().filter(|(_, n)| *n == p).count()
    }
}

/// The hash of `ds`'s current template: its newest ControllerRevision's.
fn current_hash(cluster: &Cluster, ds: &DaemonSet) -> String {
    cluster
        .store()
        .revisions()
        .values()
        .filter(|r| {
            r.metadata
                .controller_ref()
                .is_some_and(|o| o.uid == ds.metadata.uid)
        })
        .max_by_key(|r| r.revision)
        .and_then(|r| r.metadata.labels.get(keys::CONTROLLER_REVISION_HASH))
        .cloned()
        .unwrap_or_default()
}

/// What one node's pods say about the rollout.
#[derive(Debug, Clone, Copy)]
struct NodePods {
    progress: NodeProgress,
    /// A pod of this node is available (old or new).
    available: bool,
    /// An old pod and a new one side by side.
    surging: bool,
}

fn node_pods(pods: &[&Pod], hash: &str, ds: &DaemonSet, now: crate::api::Time) -> NodePods {
    let generation = ds.template_generation();
    let min_ready = ds.spec.min_ready_seconds;
    let live = || pods.iter().filter(|p| !p.metadata.is_being_deleted());
    let new: Vec<&&Pod> = live()
        .filter(|p| is_pod_updated(p, hash, generation))
        .collect();
    let old = live().count() - new.len();
    let terminating = pods.iter().any(|p| p.metadata.is_being_deleted());
    let new_available = !new.is_empty() && new.iter().all(|p| p.is_available(min_ready, now));
    let progress = match (new.is_empty(), old, terminating) {
        (true, 0, false) => NodeProgress::Missing,
        (true, _, false) => NodeProgress::Waiting,
        (false, 0, false) if new_available => NodeProgress::Done,
        _ => NodeProgress::Rolling,
    };
    NodePods {
        progress,
        available: live().any(|p| p.is_available(min_ready, now)),
        surging: !new.is_empty() && old > 0,
    }
}

/// Whether the status already says the rollout is over: every desired pod scheduled, of the
/// current template and available, for the current generation.
fn rolled_out(ds: &DaemonSet) -> bool {
    let s = &ds.status;
    s.observed_generation >= ds.metadata.more.generation
        && s.updated_number_scheduled == s.desired_number_scheduled
        && s.number_available == s.desired_number_scheduled
        && s.current_number_scheduled == s.desired_number_scheduled
        && s.number_misscheduled == 0
}

/// The rollout of `ds` as of now. One that the status says is over is [`Next::Done`] with no
/// nodes listed: the page asks at every clock tick, and walking thousands of nodes for each
/// settled DaemonSet would cost a tick its frame.
pub fn rollout(cluster: &Cluster, ds: &DaemonSet) -> Rollout {
    RolloutCache::default().rollout(cluster, ds)
}

/// [`rollout`]'s per-node answers kept between calls. A tick of a rollout over thousands of
/// nodes writes the pods of a few; each node's answer is worked out again only when the node or
/// its pods were written (`Store::node_version`) or the DaemonSet's template changed, so a call
/// costs a lookup per node rather than the node's pods and placement. (With `minReadySeconds`
/// a pod becomes available as time passes, without a write: nothing is kept then.)
#[derive(Debug, Default)]
pub struct RolloutCache {
    by_daemonset: HashMap<String, Kept>,
}

/// One DaemonSet's kept answers, valid for the template they were worked out with.
#[derive(Debug)]
struct Kept {
    spec: DaemonSetSpec,
    template_generation: Option<i64>,
    hash: String,
    /// By node: its version then, and its pods' answer (None: the pod should not run there).
    nodes: HashMap<String, (u64, Option<NodePods>)>,
}

impl RolloutCache {
    /// The same answer as [`rollout`], from the kept per-node answers where still valid.
    pub fn rollout(&mut self, cluster: &Cluster, ds: &DaemonSet) -> Rollout {
        if rolled_out(ds) {
            self.by_daemonset.remove(&*ds.metadata.uid.as_str());
            return Rollout {
                nodes: Vec::new(),
                next: Next::Done,
            };
        }
        let store = cluster.store();
        let now = cluster.now();
        let hash = current_hash(cluster, ds);
        let kept = self
            .by_daemonset
            .entry(ds.metadata.uid.to_string())
            .or_insert_with(|| Kept {
                spec: ds.spec.clone(),
                template_generation: ds.template_generation(),
                hash: hash.clone(),
                nodes: HashMap::new(),
            });
        if kept.spec != ds.spec
            || kept.template_generation != ds.template_generation()
            || kept.hash != hash
        {
            kept.spec = ds.spec.clone();
            kept.template_generation = ds.template_generation();
            kept.hash.clone_from(&hash);
            kept.nodes.clear();
        }
        if kept.nodes.len() > store.nodes().len() {
            kept.nodes.retain(|name, _| store.node(name).is_some());
        }
        let timeless = ds.spec.min_ready_seconds <= 0;
        let policy = PlacementPolicy::for_daemonset(ds);
        let mut nodes = Vec::new();
        let (mut unavailable, mut surging) = (0i64, 0i64);
        for (name, node) in store.nodes().iter() {
            let version = store.node_version(name);
            let answer = match kept.nodes.get(name.as_str()) {
                Some((v, answer)) if timeless && *v == version => *answer,
                _ => {
                    let answer = policy.should_run(node).should_run.then(|| {
                        let pods: Vec<&Pod> = store
                            .owned_pods_on_node(&ds.metadata.uid.as_str(), name)
                            .filter(|p| !p.is_terminal())
                            .collect();
                        node_pods(&pods, &hash, ds, now)
                    });
                    if timeless {
                        kept.nodes.insert(name.clone(), (version, answer));
                    }
                    answer
                }
            };
            let Some(n) = answer else {
                continue;
            };
            unavailable += i64::from(!n.available);
            surging += i64::from(n.surging);
            nodes.push((name.clone(), n.progress));
        }
        let mut rollout = Rollout {
            nodes,
            next: Next::Done,
        };
        let waiting = rollout.count(NodeProgress::Waiting);
        let busy = rollout.count(NodeProgress::Rolling) + rollout.count(NodeProgress::Missing);
        rollout.next = if waiting == 0 {
            if busy == 0 { Next::Done } else { Next::Rolling }
        } else if !ds.is_rolling_update() {
            Next::OnDelete { old: waiting }
        } else {
            let desired = rollout.nodes.len() as i64;
            match surge_and_unavailable(ds, desired) {
                Err(e) => Next::Invalid(e),
                Ok((0, max)) if unavailable >= max => Next::MaxUnavailable { max, unavailable },
                Ok((max, _)) if max > 0 && surging >= max => Next::MaxSurge { max, surging },
                Ok(_) => Next::Rolling,
            }
        };
        rollout
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ObjectKey;
    use crate::runner::Session;

    fn session(strategy: &str) -> Session {
        let mut s = Session::new();
        let nodes: String = (1..=4)
            .map(|i| format!("- metadata: {{name: node-{i}}}\n"))
            .collect();
        let script = format!(
            "kubectl apply -f - <<END\napiVersion: v1\nkind: NodeList\nitems:\n{nodes}END\n\
             kubectl apply -f - <<END\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {{name: agent}}\n\
             spec:\n  selector: {{matchLabels: {{app: agent}}}}\n  updateStrategy: {strategy}\n\
             \x20 template:\n    metadata: {{labels: {{app: agent}}}}\n    spec: {{containers: [{{name: agent, image: agent:1}}]}}\nEND\n\
             sim settle\n"
        );
        let out = s.execute(&script, None);
        assert!(!out.is_error, "{}", out.output);
        s
    }

    fn of(s: &Session) -> Rollout {
        let ds = s
            .cluster()
            .store()
            .daemonset(&ObjectKey::new("default", "agent"))
            .expect("ds");
        rollout(s.cluster(), ds)
    }

    fn progress(r: &Rollout) -> Vec<NodeProgress> {
        r.nodes.iter().map(|(_, p)| *p).collect()
    }

    use NodeProgress::{Done, Rolling, Waiting};

    /// Spec §8.2 (maxSurge 0): one old pod goes at a time; the next waits on maxUnavailable.
    #[test]
    fn spec_8_2_max_unavailable_holds_the_next_node() {
        let mut s = session("{type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}");
        assert_eq!(of(&s).next, Next::Done);
        assert!(
            of(&s).nodes.is_empty(),
            "a rolled-out DaemonSet lists no nodes"
        );
        s.execute("kubectl set image ds/agent agent=agent:2", None);
        let r = of(&s);
        assert_eq!(progress(&r), [Rolling, Waiting, Waiting, Waiting]);
        assert_eq!(
            r.next,
            Next::MaxUnavailable {
                max: 1,
                unavailable: 1
            }
        );
        for _ in 0..40 {
            if progress(&of(&s))[0] == Done {
                break;
            }
            s.execute("sim advance 250ms", None);
        }
        // node-1 is done; in the same instant node-2's old pod goes.
        assert_eq!(progress(&of(&s)), [Done, Rolling, Waiting, Waiting]);
        s.execute("sim settle", None);
        assert_eq!(of(&s).next, Next::Done);
    }

    /// Spec §8.3 (maxSurge > 0): new pods start beside old ones, as many as maxSurge.
    #[test]
    fn spec_8_3_max_surge_holds_the_next_node() {
        let mut s =
            session("{type: RollingUpdate, rollingUpdate: {maxSurge: 2, maxUnavailable: 0}}");
        s.execute("kubectl set image ds/agent agent=agent:2", None);
        let r = of(&s);
        assert_eq!(progress(&r), [Rolling, Rolling, Waiting, Waiting]);
        assert_eq!(r.next, Next::MaxSurge { max: 2, surging: 2 });
    }

    #[test]
    fn on_delete_waits_for_deletes() {
        let mut s = session("{type: OnDelete}");
        s.execute("kubectl set image ds/agent agent=agent:2", None);
        let r = of(&s);
        assert_eq!(r.count(Waiting), 4);
        assert_eq!(r.next, Next::OnDelete { old: 4 });
    }

    /// A node that should not run the pod is not part of the rollout.
    #[test]
    fn only_nodes_that_should_run_the_pod_count() {
        let mut s = session("{type: RollingUpdate}");
        s.execute("kubectl taint node node-4 k=v:NoExecute", None);
        s.execute("sim settle", None);
        s.execute("kubectl set image ds/agent agent=agent:2", None);
        let r = of(&s);
        assert_eq!(r.nodes.len(), 3);
        assert!(r.nodes.iter().all(|(n, _)| n != "node-4"));
    }

    /// The kept answers never differ from ones worked out afresh: at every step of rollouts
    /// with maxUnavailable, maxSurge and minReadySeconds, across a taint, a new node and a
    /// second template while the first still rolls.
    #[test]
    fn kept_answers_agree_with_fresh_ones() {
        for strategy in [
            "{type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}",
            "{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}",
        ] {
            for min_ready in ["0", "2"] {
                // The strategy line is followed by the rest of the spec.
                let mut s = session(&format!("{strategy}\n  minReadySeconds: {min_ready}"));
                let mut cache = RolloutCache::default();
                s.execute("kubectl set image ds/agent agent=agent:2", None);
                let mut steps = 0;
                for step in 0..120 {
                    match step {
                        5 => s.execute("kubectl taint node node-4 k=v:NoExecute", None),
                        9 => s.execute("kubectl set image ds/agent agent=agent:3", None),
                        14 => s.execute("kubectl taint node node-4 k=v:NoExecute-", None),
                        _ => s.execute("sim advance 250ms", None),
                    };
                    let ds = s
                        .cluster()
                        .store()
                        .daemonset(&ObjectKey::new("default", "agent"))
                        .expect("ds");
                    assert_eq!(
                        cache.rollout(s.cluster(), ds),
                        rollout(s.cluster(), ds),
                        "{strategy}, minReadySeconds {min_ready}, step {step}"
                    );
                    steps += usize::from(!rollout(s.cluster(), ds).nodes.is_empty());
                }
                assert!(
                    steps > 10,
                    "the rollout was compared while it ran ({steps} steps)"
                );
            }
        }
    }
}

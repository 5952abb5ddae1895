//! The taint-eviction controller (spec §13): pods that do not tolerate a node's NoExecute taint are
//! deleted at once; pods that tolerate it for `tolerationSeconds` are deleted that long after the
//! controller first saw them on the tainted node (`processPodOnNode`: the timer starts when the
//! work is scheduled, not at the taint's `timeAdded`, so a pod recreated on a node tainted long
//! ago still gets its full `tolerationSeconds`).

use super::queue::{PodQueue, Seen};
use crate::api::{NORMAL, ObjectKey, Pod, Taint, Time, Toleration};
use crate::placement::tolerates;
use crate::state::audit::{Request, users};
use crate::state::clock::Wake;
use crate::state::events::{reference, source};
use crate::state::hash::FastHashMap as HashMap;
use crate::state::store::{Change, PodId};
use crate::state::{World, apiserver};

#[derive(Default)]
pub struct TaintEviction {
    queue: PodQueue,
    /// The pods changed (or on a changed node) since the last pass, as seen: at the pass, only
    /// those that [`TaintEviction::may_act`] on go into `queue`. Nearly every pod change is on
    /// a node without a NoExecute taint, whose check does nothing; sorting them into the queue
    /// and checking each was a few hundred instructions a pod write.
    seen: Seen,
    /// Scheduled evictions (the `TimedWorkerQueue`): pod → (when scheduled, when it fires).
    scheduled: HashMap<ObjectKey, (Time, Time)>,
}

/// What the pod's tolerations say about the node's NoExecute taints.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// No NoExecute taint, or every one tolerated without `tolerationSeconds`.
    Stay,
    /// A NoExecute taint no toleration matches.
    EvictNow,
    /// Tolerated for this many milliseconds (0 for zero or negative `tolerationSeconds`).
    EvictAfter(i64),
}

/// `GetMatchingTolerations` then `getMinTolerationTime`: the first toleration matching each
/// NoExecute taint is the one used; any used with `tolerationSeconds` ≤ 0 means at once, and the
/// smallest positive one otherwise, ignoring those that tolerate forever.
pub fn verdict(tolerations: &[Toleration], taints: &[Taint]) -> Verdict {
    let mut min_secs: Option<i64> = None;
    for taint in taints.iter().filter(|t| t.effect == "NoExecute") {
        let Some(used) = tolerations.iter().find(|t| tolerates(t, taint)) else {
            return Verdict::EvictNow;
        };
        if let Some(secs) = used.toleration_seconds {
            min_secs = Some(min_secs.map_or(secs, |m| m.min(secs)));
        }
    }
    match min_secs {
        None => Verdict::Stay,
        Some(s) if s <= 0 => Verdict::EvictAfter(0),
        Some(s) => Verdict::EvictAfter(s.saturating_mul(1000)),
    }
}

impl TaintEviction {
    pub fn observe(&mut self, change: &Change, w: &World) {
        match change {
            Change::Node(n) => {
                for p in w.store.pods_on_node(n) {
                    self.seen.push(ObjectKey::of(&p.metadata), None);
                }
            }
            Change::Pod { key, id, .. } => {
                self.seen.push(key.clone(), Some(*id));
            }
            _ => {}
        }
    }

    pub fn wake(&mut self, key: ObjectKey) {
        self.queue.insert(key, None);
    }

    pub fn process(&mut self, w: &mut World) -> bool {
        // Whether anything was seen, as when every key went into the queue: the reconcile
        // loop's passes are the same.
        let (scheduled, read) = (&self.scheduled, &*w);
        let seen = (self.seen).sift(&mut self.queue, |key, hint| {
            may_act(scheduled, read, key, hint)
        });
        let mut queue = self.queue.take();
        let worked = seen || !queue.is_empty();
        for (key, hint) in queue.drain() {
            self.check_pod(w, &key, hint);
        }
        self.queue.recycle(queue);
        worked
    }

    fn check_pod(&mut self, w: &mut World, key: &ObjectKey, hint: Option<PodId>) {
        let Some(pod) = w.store.pod_rc_hinted(hint, key) else {
            self.scheduled.remove(key); // deleted: its work is cancelled without an event
            return;
        };
        if pod.spec.node_name.is_empty() || pod.metadata.is_being_deleted() {
            return;
        }
        let taints = w
            .store
            .node(&pod.spec.node_name)
            .map(|n| &n.spec.taints[..]);
        let verdict = verdict(&pod.spec.tolerations, taints.unwrap_or_default());
        let now = w.clock.now();
        match verdict {
            Verdict::Stay => self.cancel(w, &pod, key),
            Verdict::EvictNow => {
                self.scheduled.remove(key);
                evict(w, &pod, key);
            }
            Verdict::EvictAfter(ms) => {
                // Work scheduled at an earlier instant keeps its time; at this instant it is
                // scheduled again from now.
                let fire_at = match self.scheduled.get(key) {
                    Some(&(created, fire_at)) if created < now => fire_at,
                    _ => {
                        let fire_at = now.plus_millis(ms);
                        self.scheduled.insert(key.clone(), (now, fire_at));
                        fire_at
                    }
                };
                if fire_at <= now {
                    self.scheduled.remove(key);
                    evict(w, &pod, key);
                } else {
                    w.clock.schedule(fire_at, Wake::TaintEviction(key.clone()));
                }
            }
        }
    }

    /// `cancelWorkWithEvent`: a scheduled eviction no longer due (the taint went, or a
    /// toleration now lasts forever).
    fn cancel(&mut self, w: &mut World, pod: &Pod, key: &ObjectKey) {
        if self.scheduled.remove(key).is_some() {
            let msg = format!("Cancelling deletion of Pod {}/{}", key.namespace, key.name);
            record(w, pod, msg);
        }
    }
}

/// Whether `check_pod` of `key` could do anything now, with `scheduled` its work: not when no
/// eviction is scheduled and the pod is gone, unbound, being deleted, or on a node without
/// a NoExecute taint (its verdict is `Stay`, and there is nothing to cancel). Checking one
/// pod changes nothing another's check reads (its pod, its node's taints, its scheduled
/// work), so the pods left out here are those whose check in turn would do nothing.
fn may_act(
    scheduled: &HashMap<ObjectKey, (Time, Time)>,
    w: &World,
    key: &ObjectKey,
    hint: Option<PodId>,
) -> bool {
    if !scheduled.is_empty() {
        return true;
    }
    let Some((pod, node)) = w.store.pod_and_node(hint, key) else {
        return false;
    };
    if pod.spec.node_name.is_empty() || pod.metadata.is_being_deleted() {
        return false;
    }
    // A bound pod's node number is its `nodeName`'s, the node `check_pod` reads.
    let taints = node.and_then(|n| w.store.node_by_number(n));
    taints.is_some_and(|n| n.spec.taints.iter().any(|t| t.effect == "NoExecute"))
}

fn evict(w: &mut World, pod: &Pod, key: &ObjectKey) {
    let msg = format!("Marking for deletion Pod {}/{}", key.namespace, key.name);
    record(w, pod, msg);
    apiserver::delete_pod(w, key, None, Request::delete(users::NODE_CONTROLLER));
}

fn record(w: &mut World, pod: &Pod, message: String) {
    let now = w.clock.now();
    let r = reference("Pod", "v1", &pod.metadata);
    let src = source("taint-eviction-controller", "");
    w.recorder
        .record(now, r, NORMAL, "TaintManagerEviction", message, src);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taint(key: &'static str) -> Taint {
        Taint {
            key: key.into(),
            effect: "NoExecute".into(),
            ..Default::default()
        }
    }

    fn tol(key: &'static str, secs: Option<i64>) -> Toleration {
        Toleration {
            key: key.into(),
            operator: "Exists".into(),
            toleration_seconds: secs,
            ..Default::default()
        }
    }

    /// Upstream TestGetMinTolerationTime and GetMatchingTolerations: the first matching
    /// toleration counts, ≤ 0 seconds means at once, forever-tolerations are left out of the min.
    #[test]
    fn verdict_follows_get_min_toleration_time() {
        let (a, b) = (taint("a"), taint("b"));
        assert_eq!(verdict(&[], &[]), Verdict::Stay);
        assert_eq!(verdict(&[], std::slice::from_ref(&a)), Verdict::EvictNow);
        assert_eq!(
            verdict(&[tol("a", None)], std::slice::from_ref(&a)),
            Verdict::Stay
        );
        assert_eq!(
            verdict(&[tol("a", Some(0))], std::slice::from_ref(&a)),
            Verdict::EvictAfter(0)
        );
        assert_eq!(
            verdict(&[tol("a", Some(-5))], std::slice::from_ref(&a)),
            Verdict::EvictAfter(0)
        );
        let both = [a.clone(), b];
        assert_eq!(
            verdict(&[tol("a", None), tol("b", Some(60))], &both),
            Verdict::EvictAfter(60_000)
        );
        assert_eq!(
            verdict(
                &[tol("a", Some(30)), tol("", None)],
                std::slice::from_ref(&a)
            ),
            Verdict::EvictAfter(30_000),
            "the first matching toleration is the one used"
        );
        assert_eq!(
            verdict(&[tol("a", Some(i64::MAX))], &[a]),
            Verdict::EvictAfter(i64::MAX)
        );
        assert_eq!(verdict(&[tol("a", None)], &both), Verdict::EvictNow);
    }

    /// Spec §13: a pass leaves out only the pods whose check would do nothing (gone, unbound,
    /// being deleted, on a node without a NoExecute taint, nothing scheduled); a pod on a
    /// tainted node is checked, and then what the check does is the same as before.
    #[test]
    fn spec13_a_pass_checks_every_pod_a_check_would_act_on() {
        use crate::api::{Node, Time as T};
        let mut w = World::empty();
        for (name, taints) in [("clean", vec![]), ("tainted", vec![taint("k")])] {
            let mut node = Node::default();
            node.metadata.name = name.into();
            node.spec.taints = taints;
            w.store.put_node(node);
        }
        let pod = |name: &str, node: &str, tolerations: Vec<Toleration>, deleting: bool| {
            let mut p = Pod::default();
            p.metadata.name = name.to_string().into();
            p.metadata.namespace = "default".to_string().into();
            p.spec.node_name = node.into();
            p.spec.tolerations = tolerations.into();
            if deleting {
                p.metadata.more.deletion_timestamp = Some(T(0));
            }
            p
        };
        let pods = [
            (pod("on-clean", "clean", vec![], false), false),
            (pod("unbound", "", vec![], false), false),
            (pod("deleting", "tainted", vec![], true), false),
            (pod("untolerated", "tainted", vec![], false), true),
            (
                pod("tolerated-60s", "tainted", vec![tol("k", Some(60))], false),
                true,
            ),
        ];
        let mut keys = Vec::new();
        for (p, acts) in pods {
            keys.push((ObjectKey::of(&p.metadata), acts));
            w.store.put_pod(p);
        }
        let gone = ObjectKey {
            namespace: "default".to_string().into(),
            name: "gone".to_string().into(),
        };
        keys.push((gone, false));
        let mut c = TaintEviction::default();
        for (key, acts) in &keys {
            assert_eq!(may_act(&c.scheduled, &w, key, None), *acts, "{key:?}");
        }
        // Each check of a pod left out changes nothing: no write, event, timer or work.
        for (key, _) in keys.iter().filter(|(_, acts)| !acts) {
            let rv = w
                .store
                .pod(key)
                .map(|p| p.metadata.resource_version.clone());
            let timers = w.clock.pending().count();
            c.check_pod(&mut w, key, None);
            assert_eq!(
                w.store
                    .pod(key)
                    .map(|p| p.metadata.resource_version.clone()),
                rv
            );
            assert_eq!((w.recorder.count(), w.clock.pending().count()), (0, timers));
            assert!(c.scheduled.is_empty());
        }
        // Work scheduled for one pod: every pod is checked (a check may cancel it).
        c.check_pod(&mut w, &keys[4].0, None);
        assert_eq!(c.scheduled.len(), 1);
        assert!(
            keys.iter()
                .all(|(key, _)| may_act(&c.scheduled, &w, key, None))
        );
        // Observed changes go through the same filter at the pass: the untolerated pod is
        // evicted, the others stay.
        let mut c = TaintEviction::default();
        for (key, _) in &keys {
            c.seen.push(key.clone(), None);
        }
        assert!(c.process(&mut w));
        let deleting = |key| {
            w.store
                .pod(key)
                .is_none_or(|p| p.metadata.is_being_deleted())
        };
        assert!(deleting(&keys[3].0), "evicted");
        assert!(!deleting(&keys[0].0));
    }
}

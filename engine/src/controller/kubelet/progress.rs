//! Where the kubelet is with each pod it admitted, by the pod's number (and birth, since numbers
//! are reused): most pods, once settled, are simply running (nothing due, no backoff), held as
//! a birth in a vector; the others as a `Progress` in a table keyed by the number, not by the
//! pod's key (hashing and comparing the key's two strings was 5–8 % of a settle).
//! A pod stored again under a removed pod's name is a new pod here (a new UID is a new pod to a
//! kubelet): it does not inherit the removed one's progress, as it did when the table was keyed
//! by name.

use crate::api::Time;
use crate::state::hash::FastHashMap as HashMap;
use crate::state::node_table::slot;
use crate::state::room::after_burst;
use crate::state::store::{PodId, PodStamp, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stage {
    Pulling,
    /// The pull failed (ErrImagePull); `ImagePullBackOff` shows at `due`.
    PullFailed,
    /// Waiting out the pull backoff; the pull is retried at `due`.
    PullBackOff,
    Starting,
    /// Containers run; Ready at `due`.
    WaitingReady,
    Running,
    Stopping,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Progress {
    pub(super) stage: Stage,
    pub(super) due: Time,
    pub(super) backoff_ms: i64,
}

/// Each admitted pod's `Progress`; a pod absent from both is not admitted yet.
#[derive(Default)]
pub(super) struct Pods {
    /// Pods on their way (pulling, starting, stopping, backing off), by pod number: the birth
    /// of the pod's stamp and its progress.
    moving: HashMap<u32, (u32, Progress)>,
    /// Pods running with no backoff, by pod number: the birth of the pod's stamp, 0 for none
    /// (a birth is never 0). Their progress is `Running`, due when it was set, which is never
    /// after now (the clock does not go back), so the time is not kept. Four bytes a pod where
    /// a set of keys took 28; the stamp, not the number alone, since numbers are reused.
    running: Vec<u32>,
}

impl Pods {
    /// The progress of the pod stored with the stamp `at` (`None`: not stored, nothing); a
    /// running pod's `due` is `Time(i64::MIN)` (already passed).
    pub(super) fn get(&self, at: Option<PodStamp>) -> Option<Progress> {
        let at = at?;
        if self.is_running(at) {
            return Some(Progress {
                stage: Stage::Running,
                due: Time(i64::MIN),
                backoff_ms: 0,
            });
        }
        match self.moving.get(&at.id.number()) {
            Some((birth, progress)) if *birth == at.birth => Some(progress.clone()),
            _ => None,
        }
    }

    /// Sets the progress of the pod stored with the stamp `at` (`None`: not stored, nothing
    /// to keep); `now` tells a running pod with nothing due.
    pub(super) fn set(&mut self, at: Option<PodStamp>, progress: Progress, now: Time) {
        let Some(at) = at else {
            return;
        };
        let i = at.id.number();
        if progress.stage == Stage::Running && progress.backoff_ms == 0 && progress.due <= now {
            self.leave(i);
            *slot(&mut self.running, i as usize, 0) = at.birth;
        } else {
            self.stop(at);
            self.moving.insert(i, (at.birth, progress));
        }
    }

    /// Forgets the pod stored with the stamp `at`.
    pub(super) fn remove(&mut self, at: Option<PodStamp>) {
        if let Some(at) = at {
            if self
                .moving
                .get(&at.id.number())
                .is_some_and(|e| e.0 == at.birth)
            {
                self.leave(at.id.number());
            }
            self.stop(at);
        }
    }

    /// Forgets a pod no longer stored, once under the number `hint` if known: what is kept
    /// under a number for a birth other than the pod stored there now (if any) is let go. With
    /// no number, every such entry (a removed pod's change always carries its number).
    pub(super) fn forget(&mut self, hint: Option<PodId>, store: &Store) {
        let stale = |n: u32, birth: u32| {
            store.stamp_of(PodId::from_number(n)).map(|s| s.birth) != Some(birth)
        };
        match hint {
            Some(id) => {
                let n = id.number();
                if self.moving.get(&n).is_some_and(|e| stale(n, e.0)) {
                    self.leave(n);
                }
            }
            None => {
                let before = self.moving.len();
                self.moving.retain(|&n, e| !stale(n, e.0));
                if self.moving.len() < before
                    && let Some(room) = after_burst(self.moving.len(), self.moving.capacity())
                {
                    self.moving.shrink_to(room);
                }
            }
        }
    }

    fn is_running(&self, at: PodStamp) -> bool {
        self.running.get(at.id.number() as usize) == Some(&at.birth)
    }

    /// Takes the pod out of `running`, if it is there (a later pod under its number is not).
    fn stop(&mut self, at: PodStamp) {
        if self.is_running(at) {
            self.running[at.id.number() as usize] = 0;
        }
    }

    /// Takes the number out of `moving`, whose table gives its room back once mostly empty (a
    /// burst of pods passes through it).
    fn leave(&mut self, n: u32) {
        if self.moving.remove(&n).is_some()
            && let Some(room) = after_burst(self.moving.len(), self.moving.capacity())
        {
            self.moving.shrink_to(room);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ObjectKey, Pod};

    fn pulling() -> Progress {
        Progress {
            stage: Stage::Pulling,
            due: Time(9_000),
            backoff_ms: 10_000,
        }
    }

    #[test]
    fn a_running_pod_reads_back_as_set_and_moves_between_maps() {
        let at = Some(PodStamp {
            id: PodId::from_number(3),
            birth: 1,
        });
        let now = Time(5_000);
        let mut pods = Pods::default();
        assert_eq!(pods.get(at), None);
        pods.set(at, pulling(), now);
        assert_eq!(pods.get(at), Some(pulling()));
        let running = Progress {
            stage: Stage::Running,
            due: now,
            backoff_ms: 0,
        };
        pods.set(at, running, now);
        let got = pods.get(at).expect("running");
        assert_eq!((got.stage, got.backoff_ms), (Stage::Running, 0));
        assert!(got.due <= now);
        assert!(pods.moving.is_empty());
        pods.remove(at);
        assert_eq!(pods.get(at), None);
    }

    /// Pod numbers are reused: a pod stored later under a pod's number (another birth) is not
    /// taken for it, running or on its way.
    #[test]
    fn a_later_pod_under_the_same_number_is_not_the_earlier() {
        let id = PodId::from_number(0);
        let first = Some(PodStamp { id, birth: 1 });
        let later = Some(PodStamp { id, birth: 2 });
        let now = Time(5_000);
        let running = Progress {
            stage: Stage::Running,
            due: now,
            backoff_ms: 0,
        };
        let mut pods = Pods::default();
        pods.set(first, running, now);
        assert!(pods.get(first).is_some());
        assert_eq!(pods.get(later), None);
        assert_eq!(pods.get(None), None);
        // Removing the later pod leaves the first's entry alone.
        pods.remove(later);
        assert!(pods.get(first).is_some());
        let mut pods = Pods::default();
        pods.set(first, pulling(), now);
        assert_eq!(pods.get(later), None);
        pods.remove(later);
        assert_eq!(pods.get(first), Some(pulling()));
    }

    /// A removed pod's progress is let go when the kubelet finds it gone, by the number its
    /// change carried or, without one, by a sweep; a pod stored since under that number keeps
    /// its own.
    #[test]
    fn a_removed_pods_progress_is_forgotten_and_a_later_pods_kept() {
        let mut store = Store::default();
        let key = |name: &str| ObjectKey::new("default", name);
        let put = |store: &mut Store, name: &str| {
            let mut pod = Pod::default();
            pod.metadata.name = name.to_string().into();
            pod.metadata.namespace = "default".to_string().into();
            store.put_pod(pod);
            store.pod_stamp(None, &key(name))
        };
        let now = Time(5_000);
        let mut pods = Pods::default();
        let a = put(&mut store, "a");
        pods.set(a, pulling(), now);
        store.remove_pod(&key("a"));
        let b = put(&mut store, "b");
        assert_eq!(a.map(|s| s.id), b.map(|s| s.id), "the number is reused");
        pods.forget(None, &store);
        assert!(
            pods.moving.is_empty(),
            "a is gone: b is stored under its number"
        );
        pods.set(a, pulling(), now);
        pods.forget(a.map(|s| s.id), &store);
        assert!(pods.moving.is_empty());
        pods.set(b, pulling(), now);
        pods.forget(b.map(|s| s.id), &store);
        assert_eq!(pods.get(b), Some(pulling()), "b is still stored");
        store.remove_pod(&key("b"));
        pods.forget(b.map(|s| s.id), &store);
        assert!(pods.moving.is_empty());
    }
}

//! Where the kubelet is with each pod it admitted. Most pods, once settled, are simply running
//! (nothing due, no backoff): those are held as a stamp in a vector by pod number, not a key
//! and a `Progress`.

use crate::api::{ObjectKey, Time};
use crate::state::hash::FastHashMap as HashMap;
use crate::state::node_table::grow_to;
use crate::state::room::after_burst;
use crate::state::store::PodStamp;

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
    /// Pods on their way (pulling, starting, stopping, backing off).
    moving: HashMap<ObjectKey, Progress>,
    /// Pods running with no backoff, by pod number: the birth of the pod's stamp, 0 for none
    /// (a birth is never 0). Their progress is `Running`, due when it was set, which is never
    /// after now (the clock does not go back), so the time is not kept. Four bytes a pod where
    /// a set of keys took 28; the stamp, not the number alone, since numbers are reused.
    running: Vec<u32>,
}

impl Pods {
    /// The progress of the pod stored under `key` with the stamp `at` (`None`: not stored); a
    /// running pod's `due` is `Time(i64::MIN)` (already passed).
    pub(super) fn get(&self, at: Option<PodStamp>, key: &ObjectKey) -> Option<Progress> {
        if at.is_some_and(|at| self.is_running(at)) {
            return Some(Progress {
                stage: Stage::Running,
                due: Time(i64::MIN),
                backoff_ms: 0,
            });
        }
        self.moving.get(key).cloned()
    }

    /// Sets the pod's progress; `now` tells a running pod with nothing due.
    pub(super) fn set(
        &mut self,
        at: Option<PodStamp>,
        key: &ObjectKey,
        progress: Progress,
        now: Time,
    ) {
        match at {
            Some(at)
                if progress.stage == Stage::Running
                    && progress.backoff_ms == 0
                    && progress.due <= now =>
            {
                self.leave(key);
                let i = at.id.number() as usize;
                if i >= self.running.len() {
                    grow_to(&mut self.running, i + 1);
                    self.running.resize(i + 1, 0);
                }
                self.running[i] = at.birth;
            }
            _ => {
                self.stop(at);
                self.moving.insert(key.clone(), progress);
            }
        }
    }

    pub(super) fn remove(&mut self, at: Option<PodStamp>, key: &ObjectKey) {
        self.leave(key);
        self.stop(at);
    }

    fn is_running(&self, at: PodStamp) -> bool {
        self.running.get(at.id.number() as usize) == Some(&at.birth)
    }

    /// Takes the pod out of `running`, if it is there (a later pod under its number is not).
    fn stop(&mut self, at: Option<PodStamp>) {
        if let Some(at) = at
            && self.is_running(at)
        {
            self.running[at.id.number() as usize] = 0;
        }
    }

    /// Takes the pod out of `moving`, whose table gives its room back once mostly empty (a
    /// burst of pods passes through it).
    fn leave(&mut self, key: &ObjectKey) {
        if self.moving.remove(key).is_some()
            && let Some(room) = after_burst(self.moving.len(), self.moving.capacity())
        {
            self.moving.shrink_to(room);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::store::PodId;

    #[test]
    fn a_running_pod_reads_back_as_set_and_moves_between_maps() {
        let key = ObjectKey::new("default", "p");
        let at = Some(PodStamp {
            id: PodId::from_number(3),
            birth: 1,
        });
        let now = Time(5_000);
        let mut pods = Pods::default();
        assert_eq!(pods.get(at, &key), None);
        let pulling = Progress {
            stage: Stage::Pulling,
            due: Time(9_000),
            backoff_ms: 10_000,
        };
        pods.set(at, &key, pulling.clone(), now);
        assert_eq!(pods.get(at, &key), Some(pulling));
        let running = Progress {
            stage: Stage::Running,
            due: now,
            backoff_ms: 0,
        };
        pods.set(at, &key, running, now);
        let got = pods.get(at, &key).expect("running");
        assert_eq!((got.stage, got.backoff_ms), (Stage::Running, 0));
        assert!(got.due <= now);
        assert!(pods.moving.is_empty());
        pods.remove(at, &key);
        assert_eq!(pods.get(at, &key), None);
    }

    /// Pod numbers are reused: a pod stored later under a running pod's number (another
    /// birth), even under the same key, is not taken for running.
    #[test]
    fn a_later_pod_under_the_same_number_is_not_running() {
        let key = ObjectKey::new("default", "p");
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
        pods.set(first, &key, running, now);
        assert!(pods.get(first, &key).is_some());
        assert_eq!(pods.get(later, &key), None);
        assert_eq!(pods.get(None, &key), None);
        // Removing the later pod leaves the first's entry alone.
        pods.remove(later, &key);
        assert!(pods.get(first, &key).is_some());
    }
}

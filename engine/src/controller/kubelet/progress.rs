//! Where the kubelet is with each pod it admitted. Most pods, once settled, are simply running
//! (nothing due, no backoff): those are held as a key alone, not a key and a `Progress`, which
//! halves the kubelet's bytes a pod in a settled cluster.

use crate::api::{ObjectKey, Time};
use crate::state::hash::{FastHashMap as HashMap, WordHash};
use crate::state::room::after_burst;
use std::hash::BuildHasherDefault;

type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<WordHash>>;

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

/// Each admitted pod's `Progress`; a pod absent from both maps is not admitted yet.
#[derive(Default)]
pub(super) struct Pods {
    /// Pods on their way (pulling, starting, stopping, backing off).
    moving: HashMap<ObjectKey, Progress>,
    /// Pods running with no backoff: their progress is `Running`, due when it was set, which is
    /// never after now (the clock does not go back), so the time is not kept.
    running: HashSet<ObjectKey>,
}

impl Pods {
    /// The pod's progress; a running pod's `due` is `Time(i64::MIN)` (already passed).
    pub(super) fn get(&self, key: &ObjectKey) -> Option<Progress> {
        if self.running.contains(key) {
            return Some(Progress {
                stage: Stage::Running,
                due: Time(i64::MIN),
                backoff_ms: 0,
            });
        }
        self.moving.get(key).cloned()
    }

    /// Sets the pod's progress; `now` tells a running pod with nothing due.
    pub(super) fn set(&mut self, key: &ObjectKey, progress: Progress, now: Time) {
        if progress.stage == Stage::Running && progress.backoff_ms == 0 && progress.due <= now {
            self.leave(key);
            if !self.running.contains(key) {
                self.running.insert(key.clone());
            }
        } else {
            self.running.remove(key);
            self.moving.insert(key.clone(), progress);
        }
    }

    pub(super) fn remove(&mut self, key: &ObjectKey) {
        self.leave(key);
        self.running.remove(key);
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

    #[test]
    fn a_running_pod_reads_back_as_set_and_moves_between_maps() {
        let key = ObjectKey::new("default", "p");
        let now = Time(5_000);
        let mut pods = Pods::default();
        assert_eq!(pods.get(&key), None);
        let pulling = Progress {
            stage: Stage::Pulling,
            due: Time(9_000),
            backoff_ms: 10_000,
        };
        pods.set(&key, pulling.clone(), now);
        assert_eq!(pods.get(&key), Some(pulling));
        let running = Progress {
            stage: Stage::Running,
            due: now,
            backoff_ms: 0,
        };
        pods.set(&key, running, now);
        let got = pods.get(&key).expect("running");
        assert_eq!((got.stage, got.backoff_ms), (Stage::Running, 0));
        assert!(got.due <= now);
        assert_eq!(pods.moving.len() + pods.running.len(), 1);
        pods.remove(&key);
        assert_eq!(pods.get(&key), None);
    }
}

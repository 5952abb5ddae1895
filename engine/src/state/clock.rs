//! The virtual clock and its timers. Time only moves when the user (or a script) says so.

use super::store::PodId;
use crate::api::{ObjectKey, Time};
use std::collections::BTreeMap;

/// Virtual time 0 of every scenario: 2025-01-01T00:00:00Z. Timestamps in objects and events are
/// written from here; ages are differences, so the choice only shows in `-o yaml`.
pub const EPOCH: Time = Time(1_735_689_600_000);

/// What a timer wakes up. Handlers re-check the state, so a timer that became stale is harmless.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Wake {
    /// The kubelet has something due for this pod (pull done, container started, probe, stop),
    /// with the pod's number when the timer was set: found again without hashing the key.
    Kubelet(ObjectKey, Option<PodId>),
    /// The DaemonSet controller should sync this DaemonSet (failed-pod backoff, minReadySeconds).
    DaemonSet(ObjectKey),
    /// The node lifecycle controller re-checks this node (NoExecute after the grace period).
    NodeLifecycle(String),
    /// The taint-eviction controller re-checks this pod (tolerationSeconds).
    TaintEviction(ObjectKey),
    /// PodGC looks for pods bound to this vanished node.
    PodGc(String),
    /// The ReplicaSet controller recounts this ReplicaSet (minReadySeconds).
    ReplicaSet(ObjectKey),
}

/// The timers: each instant that has some, with its wakes in the order they were set (which is
/// the order they fire in). Timers come in bursts at a few instants (a DaemonSet's pods pulled
/// or started together), so a timer costs a push onto its instant's list, not a heap's sift of
/// tens of thousands of timers.
#[derive(Debug, Clone)]
pub struct Clock {
    now: Time,
    timers: BTreeMap<Time, Vec<Wake>>,
}

impl Default for Clock {
    fn default() -> Self {
        Clock {
            now: EPOCH,
            timers: BTreeMap::new(),
        }
    }
}

impl Clock {
    pub fn now(&self) -> Time {
        self.now
    }

    /// Milliseconds since the scenario began.
    pub fn elapsed_millis(&self) -> i64 {
        self.now.millis() - EPOCH.millis()
    }

    pub fn schedule(&mut self, at: Time, wake: Wake) {
        self.timers.entry(at.max(self.now)).or_default().push(wake);
    }

    /// The instant of the next timer, if any.
    pub fn next_due(&self) -> Option<Time> {
        self.timers.first_key_value().map(|(at, _)| *at)
    }

    /// Moves the clock to `to` (never backwards).
    pub fn set_now(&mut self, to: Time) {
        self.now = self.now.max(to);
    }

    /// Removes and returns every timer due at or before now, in order.
    pub fn take_due(&mut self) -> Vec<Wake> {
        let mut due = Vec::new();
        while let Some(entry) = self.timers.first_entry() {
            if *entry.key() > self.now {
                break;
            }
            let wakes = entry.remove();
            if due.is_empty() {
                due = wakes;
            } else {
                due.extend(wakes);
            }
        }
        due
    }

    /// Every pending timer, in the order they fire.
    pub fn pending(&self) -> impl Iterator<Item = (Time, &Wake)> {
        (self.timers.iter()).flat_map(|(at, wakes)| wakes.iter().map(move |w| (*at, w)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wake(name: &str) -> Wake {
        Wake::PodGc(name.to_string())
    }

    /// Timers fire by instant, those of one instant in the order they were set; one set for
    /// the past fires at the next take, after those already due at now.
    #[test]
    fn timers_fire_by_instant_then_in_the_order_set() {
        let mut clock = Clock::default();
        let at = |ms| EPOCH.plus_millis(ms);
        clock.schedule(at(2_000), wake("c"));
        clock.schedule(at(1_000), wake("a"));
        clock.schedule(at(2_000), wake("d"));
        clock.schedule(at(1_000), wake("b"));
        assert_eq!(clock.next_due(), Some(at(1_000)));
        assert_eq!(clock.pending().count(), 4);
        clock.set_now(at(1_500));
        clock.schedule(at(0), wake("late"));
        assert_eq!(clock.take_due(), [wake("a"), wake("b"), wake("late")]);
        clock.set_now(at(5_000));
        assert_eq!(clock.take_due(), [wake("c"), wake("d")]);
        assert_eq!(clock.next_due(), None);
        assert!(clock.take_due().is_empty());
    }
}

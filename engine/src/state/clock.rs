//! The virtual clock and its timers. Time only moves when the user (or a script) says so.

use super::store::PodId;
use crate::api::{ObjectKey, Time};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

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

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Timer {
    at: Time,
    seq: u64,
    wake: Wake,
}

#[derive(Debug, Clone)]
pub struct Clock {
    now: Time,
    seq: u64,
    timers: BinaryHeap<Reverse<Timer>>,
}

impl Default for Clock {
    fn default() -> Self {
        Clock {
            now: EPOCH,
            seq: 0,
            timers: BinaryHeap::new(),
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
        self.seq += 1;
        self.timers.push(Reverse(Timer {
            at: at.max(self.now),
            seq: self.seq,
            wake,
        }));
    }

    /// The instant of the next timer, if any.
    pub fn next_due(&self) -> Option<Time> {
        self.timers.peek().map(|Reverse(t)| t.at)
    }

    /// Moves the clock to `to` (never backwards).
    pub fn set_now(&mut self, to: Time) {
        self.now = self.now.max(to);
    }

    /// Removes and returns every timer due at or before now, in order.
    pub fn take_due(&mut self) -> Vec<Wake> {
        let mut due = Vec::new();
        while let Some(Reverse(t)) = self.timers.peek() {
            if t.at > self.now {
                break;
            }
            let Some(Reverse(t)) = self.timers.pop() else {
                break;
            };
            due.push(t.wake);
        }
        if let Some(room) = super::room::after_burst(self.timers.len(), self.timers.capacity()) {
            self.timers.shrink_to(room);
        }
        due
    }

    pub fn pending(&self) -> impl Iterator<Item = (Time, &Wake)> {
        self.timers.iter().map(|Reverse(t)| (t.at, &t.wake))
    }
}

//! A status write remembered: pods of one DaemonSet handled together hold the very same parts
//! (the store shares equal ones), so the written version of one pod's parts is the written
//! version of the next one's at the same instant. It is worked out once and shared, not copied,
//! edited and compared again for every pod. The start write (`started.rs`) and the readiness
//! write (`ready.rs`) are two of these.

use crate::api::{ObjectKey, PodStatus, Time};
use crate::state::World;

/// The parts of a pod's status one write replaces: cheap clones of shared values.
pub(super) trait Parts: Sized + PartialEq {
    /// The pod's parts as they are.
    fn of(st: &PodStatus) -> Self;
    /// Whether the pod holds these very values (by address, not text by text).
    fn held_by(&self, st: &PodStatus) -> bool;
    /// Puts the written parts in the pod's status (and whatever the write always sets).
    fn put(&self, st: &mut PodStatus);
}

/// The last write's parts before and after, and its instant.
struct Last<P> {
    now: Time,
    before: P,
    after: P,
    /// Whether after differs from before: a pod holding before surely changes.
    changed: bool,
}

pub(super) struct Remembered<P>(Option<Last<P>>);

impl<P> Default for Remembered<P> {
    fn default() -> Self {
        Remembered(None)
    }
}

impl<P: Parts> Remembered<P> {
    /// Writes the pod `key`'s status at `now`: by `work` the first time, by the last write's
    /// result when the pod holds the same parts it started from at the same instant.
    pub(super) fn write(
        &mut self,
        w: &mut World,
        key: &ObjectKey,
        now: Time,
        work: impl FnOnce(&mut PodStatus),
    ) {
        let last = &mut self.0;
        let mut worked_out = false;
        w.store.write_pod_status(key, |_, st| {
            if let Some(l) = last
                .as_ref()
                .filter(|l| l.now == now && l.before.held_by(st))
            {
                l.after.put(st);
                return l.changed;
            }
            let before = P::of(st);
            work(st);
            let after = P::of(st);
            let changed = before != after;
            *last = Some(Last {
                now,
                before,
                after,
                changed,
            });
            worked_out = true;
            false
        });
        // The store may have shared an equal value kept from before (another DaemonSet's pods
        // written at this instant hold the same parts) in place of the one worked out: the next
        // pods get the store's, which it then finds by address.
        if worked_out && let (Some(l), Some(pod)) = (&mut self.0, w.store.pod(key)) {
            l.after = P::of(&pod.status);
        }
    }
}

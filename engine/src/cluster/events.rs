//! The event recorder: Kubernetes' reasons and messages, with the recorder's de-duplication
//! (an identical event bumps `count` and `lastTimestamp` instead of adding a new one).

use crate::api::{Event, EventSource, ObjectMeta, ObjectReference, Time};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// How long an event is kept after it last happened: kube-apiserver's `--event-ttl` default.
pub const EVENT_TTL_MILLIS: i64 = 60 * 60 * 1000;

/// Expired events are dropped when this many have been added since the last sweep (and the
/// log has doubled), so the sweep's cost is spread over the events it keeps out.
const SWEEP_EVERY: usize = 4096;

#[derive(Debug, Clone, Default)]
pub struct Recorder {
    events: Vec<Event>,
    /// Identical events (same object, type, reason, message and source), by a hash of those
    /// fields → their indices in `events` (more than one only when hashes collide).
    seen: HashMap<u64, Vec<usize>>,
    counter: u64,
    /// `events.len()` after the last sweep.
    swept_len: usize,
}

/// A hash of what makes two events the same (FNV-1a: no allocation, and cheap for short strings).
fn identity(
    object: &ObjectReference,
    type_: &str,
    reason: &str,
    message: &str,
    source: &EventSource,
) -> u64 {
    struct Fnv(u64);
    impl Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            for b in bytes {
                self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    (&object.kind, &object.namespace, &object.name).hash(&mut h);
    (type_, reason, message, source).hash(&mut h);
    h.finish()
}

fn same(
    e: &Event,
    object: &ObjectReference,
    type_: &str,
    reason: &str,
    message: &str,
    source: &EventSource,
) -> bool {
    e.involved_object.kind == object.kind
        && e.involved_object.namespace == object.namespace
        && e.involved_object.name == object.name
        && e.type_ == type_
        && e.reason == reason
        && e.message == message
        && &e.source == source
}

impl Recorder {
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Records an event about `object` from `component` (e.g. `daemonset-controller`).
    pub fn record(
        &mut self,
        now: Time,
        object: ObjectReference,
        type_: &str,
        reason: &str,
        message: String,
        source: EventSource,
    ) {
        let id = identity(&object, type_, reason, &message, &source);
        let found = self.seen.get(&id).and_then(|ix| {
            ix.iter()
                .copied()
                .find(|&i| same(&self.events[i], &object, type_, reason, &message, &source))
        });
        if let Some(i) = found {
            let e = &mut self.events[i];
            e.count += 1;
            e.last_timestamp = now;
            return;
        }
        self.sweep(now);
        self.counter += 1;
        let namespace = if object.namespace.is_empty() {
            "default".to_string()
        } else {
            object.namespace.clone()
        };
        let event = Event {
            api_version: "v1".into(),
            kind: "Event".into(),
            metadata: ObjectMeta {
                // `<object>.<unique hex>`, as client-go names events.
                name: format!(
                    "{}.{:x}",
                    object.name,
                    now.millis() as u64 * 1000 + self.counter
                ),
                namespace,
                creation_timestamp: Some(now),
                ..Default::default()
            },
            involved_object: object,
            reason: reason.into(),
            message,
            source,
            first_timestamp: now,
            last_timestamp: now,
            count: 1,
            type_: type_.into(),
        };
        self.seen.entry(id).or_default().push(self.events.len());
        self.events.push(event);
    }

    /// Drops events last seen more than [`EVENT_TTL_MILLIS`] ago, as the API server's TTL does.
    fn sweep(&mut self, now: Time) {
        if self.events.len() < self.swept_len * 2 + SWEEP_EVERY {
            return;
        }
        let oldest_kept = now.plus_millis(-EVENT_TTL_MILLIS);
        self.events.retain(|e| e.last_timestamp >= oldest_kept);
        self.seen.clear();
        for (i, e) in self.events.iter().enumerate() {
            let id = identity(
                &e.involved_object,
                &e.type_,
                &e.reason,
                &e.message,
                &e.source,
            );
            self.seen.entry(id).or_default().push(i);
        }
        self.swept_len = self.events.len();
    }
}

/// The `source` of an event: the component, and the node for kubelet events.
pub fn source(component: &str, host: &str) -> EventSource {
    EventSource {
        component: component.into(),
        host: host.into(),
    }
}

/// A reference to an object for `involvedObject`.
pub fn reference(kind: &str, api_version: &str, meta: &ObjectMeta) -> ObjectReference {
    ObjectReference {
        kind: kind.into(),
        namespace: meta.namespace.clone(),
        name: meta.name.clone(),
        uid: meta.uid.clone(),
        api_version: api_version.into(),
        field_path: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod_ref(name: &str) -> ObjectReference {
        ObjectReference {
            kind: "Pod".into(),
            namespace: "default".into(),
            name: name.into(),
            ..Default::default()
        }
    }

    fn record(r: &mut Recorder, at: Time, name: &str, message: &str) {
        let src = source("kubelet", "n1");
        r.record(at, pod_ref(name), "Normal", "Pulled", message.into(), src);
    }

    #[test]
    fn identical_events_are_counted_not_repeated() {
        let mut r = Recorder::default();
        let t = Time(0);
        record(&mut r, t, "a", "m");
        record(&mut r, t.plus_millis(5), "a", "m");
        record(&mut r, t, "a", "other");
        record(&mut r, t, "b", "m");
        assert_eq!(r.events().len(), 3);
        assert_eq!(r.events()[0].count, 2);
        assert_eq!(r.events()[0].last_timestamp, t.plus_millis(5));
    }

    #[test]
    fn events_older_than_the_apiserver_ttl_are_dropped() {
        let mut r = Recorder::default();
        let t = Time(0);
        for i in 0..SWEEP_EVERY {
            record(&mut r, t, &format!("old-{i}"), "m");
        }
        let later = t.plus_millis(EVENT_TTL_MILLIS + 1);
        for i in 0..SWEEP_EVERY + 1 {
            record(&mut r, later, &format!("new-{i}"), "m");
        }
        assert!(
            r.events()
                .iter()
                .all(|e| e.involved_object.name.starts_with("new-"))
        );
        // The index was rebuilt: a repeat of a kept event is still counted.
        record(&mut r, later, "new-0", "m");
        assert_eq!(r.events()[0].count, 2);
    }
}

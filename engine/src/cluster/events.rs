//! The event recorder: Kubernetes' reasons and messages, with the recorder's de-duplication
//! (an identical event bumps `count` and `lastTimestamp` instead of adding a new one).

use crate::api::{Event, EventSource, ObjectMeta, ObjectReference, Time};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct EventKey {
    object: (String, String, String),
    type_: String,
    reason: String,
    message: String,
    source: EventSource,
}

#[derive(Debug, Clone, Default)]
pub struct Recorder {
    events: Vec<Event>,
    /// Identical events (same object, type, reason, message and source) → index in `events`.
    seen: HashMap<EventKey, usize>,
    counter: u64,
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
        let key = EventKey {
            object: (
                object.kind.clone(),
                object.namespace.clone(),
                object.name.clone(),
            ),
            type_: type_.to_string(),
            reason: reason.to_string(),
            message: message.clone(),
            source: source.clone(),
        };
        if let Some(&i) = self.seen.get(&key) {
            let e = &mut self.events[i];
            e.count += 1;
            e.last_timestamp = now;
            return;
        }
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
        self.seen.insert(key, self.events.len());
        self.events.push(event);
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

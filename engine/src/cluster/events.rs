//! The event recorder: Kubernetes' reasons and messages, with the recorder's de-duplication
//! (an identical event bumps `count` and `lastTimestamp` instead of adding a new one).

use crate::api::{Event, EventSource, ObjectMeta, ObjectReference, Time};
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct Recorder {
    events: Vec<Event>,
    /// (kind, namespace, name, reason, message, type, component) → index in `events`.
    seen: HashMap<(String, String, String, String, String, String, String), usize>,
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
        component: &str,
        host: &str,
    ) {
        let key = (
            object.kind.clone(),
            object.namespace.clone(),
            object.name.clone(),
            reason.to_string(),
            message.clone(),
            type_.to_string(),
            component.to_string(),
        );
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
                name: format!("{}.{:x}", object.name, now.millis() as u64 * 1000 + self.counter),
                namespace,
                creation_timestamp: Some(now),
                ..Default::default()
            },
            involved_object: object,
            reason: reason.into(),
            message,
            source: EventSource {
                component: component.into(),
                host: host.into(),
            },
            first_timestamp: now,
            last_timestamp: now,
            count: 1,
            type_: type_.into(),
        };
        self.seen.insert(key, self.events.len());
        self.events.push(event);
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

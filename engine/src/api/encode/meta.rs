//! `ObjectMeta`, owner references, and `Event`.

use super::{Encode, Object, Out};
use crate::api::{Event, EventSource, ObjectMeta, ObjectReference, OwnerReference};

impl Encode for ObjectMeta {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("name", &self.name);
        o.unless_empty("generateName", &self.more.generate_name);
        o.unless_empty("namespace", &self.namespace);
        o.unless_empty("uid", &self.uid);
        o.unless_empty("resourceVersion", &self.resource_version);
        o.unless_empty("generation", &self.more.generation);
        o.unless_empty("creationTimestamp", &self.creation_timestamp.get());
        o.unless_empty("deletionTimestamp", &self.more.deletion_timestamp);
        o.unless_empty(
            "deletionGracePeriodSeconds",
            &self.more.deletion_grace_period_seconds,
        );
        o.unless_empty("labels", &self.labels);
        o.unless_empty("annotations", &self.annotations);
        o.unless_empty("ownerReferences", &self.more.owner_references);
        o.unless_empty("finalizers", &self.more.finalizers);
        o.extra(&self.more.extra);
        o.end();
    }
}

impl Encode for OwnerReference {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("apiVersion", &self.api_version);
        o.field("kind", &self.kind);
        o.field("name", &self.name);
        o.field("uid", &self.uid);
        o.unless_empty("controller", &self.controller);
        o.unless_empty("blockOwnerDeletion", &self.block_owner_deletion);
        o.end();
    }
}

impl Encode for Event {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("apiVersion", &self.api_version);
        o.field("kind", &self.kind);
        o.field("metadata", &self.metadata);
        o.field("involvedObject", &self.involved_object);
        o.field("reason", &self.reason);
        o.field("message", &self.message);
        o.field("source", &self.source);
        o.field("firstTimestamp", &self.first_timestamp);
        o.field("lastTimestamp", &self.last_timestamp);
        o.field("count", &self.count);
        o.field("type", &self.type_);
        o.end();
    }
}

impl Encode for ObjectReference {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("kind", &self.kind);
        o.unless_empty("namespace", &self.namespace);
        o.field("name", &self.name);
        o.unless_empty("uid", &self.uid);
        o.unless_empty("apiVersion", &self.api_version);
        o.unless_empty("fieldPath", &self.field_path);
        o.end();
    }
}

impl Encode for EventSource {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("component", &self.component);
        o.unless_empty("host", &self.host);
        o.end();
    }
}

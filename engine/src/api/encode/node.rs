//! `Node`.

use super::{Encode, Object, Out};
use crate::api::{Node, NodeAddress, NodeCondition, NodeSpec, NodeStatus, Taint};

impl Encode for Node {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("apiVersion", &self.api_version);
        o.field("kind", &self.kind);
        o.field("metadata", &self.metadata);
        o.field("spec", &self.spec);
        o.field("status", &self.status);
        o.end();
    }
}

impl Encode for NodeSpec {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("podCIDR", &self.pod_cidr);
        o.unless_empty("podCIDRs", &self.pod_cidrs);
        o.unless_empty("unschedulable", &self.unschedulable);
        o.unless_empty("taints", &self.taints);
        o.extra(&self.extra);
        o.end();
    }
}

impl Encode for Taint {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("key", &self.key);
        o.unless_empty("value", &self.value);
        o.field("effect", &self.effect);
        o.unless_empty("timeAdded", &self.time_added);
        o.end();
    }
}

impl Encode for NodeStatus {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("capacity", &self.capacity);
        o.unless_empty("allocatable", &self.allocatable);
        o.unless_empty("conditions", &self.conditions);
        o.unless_empty("addresses", &self.addresses);
        o.unless_empty("nodeInfo", &self.node_info);
        o.extra(&self.extra.unpack());
        o.end();
    }
}

impl Encode for NodeCondition {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("type", &self.type_);
        o.field("status", &self.status);
        o.unless_empty("lastHeartbeatTime", &self.last_heartbeat_time);
        o.unless_empty("lastTransitionTime", &self.last_transition_time);
        o.unless_empty("reason", &self.reason);
        o.unless_empty("message", &self.message);
        o.end();
    }
}

impl Encode for NodeAddress {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("type", &self.type_);
        o.field("address", &self.address);
        o.end();
    }
}

//! `v1` Node.

use super::{Decode, Fields};
use crate::api::{Node, NodeAddress, NodeCondition, NodeSpec, NodeStatus, Taint};
use serde_json::Value;

impl Decode for Node {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "Node")?;
        let value = Node {
            api_version: f.get("apiVersion"),
            kind: f.get("kind"),
            metadata: f.get("metadata"),
            spec: f.get("spec"),
            status: f.get("status"),
        };
        f.done(value)
    }
}

impl Decode for NodeSpec {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeSpec")?;
        let value = NodeSpec {
            pod_cidr: f.get("podCIDR"),
            pod_cidrs: f.get("podCIDRs"),
            unschedulable: f.get("unschedulable"),
            taints: f.get("taints"),
            extra: f.rest(),
        };
        f.done(value)
    }
}

impl Decode for Taint {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "Taint")?;
        let value = Taint {
            key: f.get("key"),
            value: f.get("value"),
            effect: f.get("effect"),
            time_added: f.get("timeAdded"),
        };
        f.done(value)
    }
}

impl Decode for NodeStatus {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeStatus")?;
        let value = NodeStatus {
            capacity: f.get("capacity"),
            allocatable: f.get("allocatable"),
            conditions: f.get("conditions"),
            addresses: f.get("addresses"),
            node_info: f.get("nodeInfo"),
            extra: f.rest(),
        };
        f.done(value)
    }
}

impl Decode for NodeCondition {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeCondition")?;
        let value = NodeCondition {
            type_: f.get("type"),
            status: f.get("status"),
            last_heartbeat_time: f.get("lastHeartbeatTime"),
            last_transition_time: f.get("lastTransitionTime"),
            reason: f.get("reason"),
            message: f.get("message"),
        };
        f.done(value)
    }
}

impl Decode for NodeAddress {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeAddress")?;
        let value = NodeAddress {
            type_: f.get("type"),
            address: f.get("address"),
        };
        f.done(value)
    }
}

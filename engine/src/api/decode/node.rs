//! `v1` Node.

use super::{Decode, Fields};
use crate::api::{Node, NodeAddress, NodeCondition, NodeSpec, NodeStatus, Packed, Taint};
use serde_json::Value;

impl Decode for Node {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "Node")?;
        Ok(Node {
            api_version: f.get("apiVersion")?,
            kind: f.get("kind")?,
            metadata: f.get("metadata")?,
            spec: f.get("spec")?,
            status: f.get("status")?,
        })
    }
}

impl Decode for NodeSpec {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeSpec")?;
        Ok(NodeSpec {
            pod_cidr: f.get("podCIDR")?,
            pod_cidrs: f.get("podCIDRs")?,
            unschedulable: f.get("unschedulable")?,
            taints: f.get("taints")?,
            extra: f.rest(),
        })
    }
}

impl Decode for Taint {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "Taint")?;
        Ok(Taint {
            key: f.get("key")?,
            value: f.get("value")?,
            effect: f.get("effect")?,
            time_added: f.get("timeAdded")?,
        })
    }
}

impl Decode for NodeStatus {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeStatus")?;
        Ok(NodeStatus {
            capacity: f.get("capacity")?,
            allocatable: f.get("allocatable")?,
            conditions: f.get("conditions")?,
            addresses: f.get("addresses")?,
            node_info: f.get("nodeInfo")?,
            extra: Packed::new(f.rest()),
        })
    }
}

impl Decode for NodeCondition {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeCondition")?;
        Ok(NodeCondition {
            type_: f.get("type")?,
            status: f.get("status")?,
            last_heartbeat_time: f.get("lastHeartbeatTime")?,
            last_transition_time: f.get("lastTransitionTime")?,
            reason: f.get("reason")?,
            message: f.get("message")?,
        })
    }
}

impl Decode for NodeAddress {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "NodeAddress")?;
        Ok(NodeAddress {
            type_: f.get("type")?,
            address: f.get::<String>("address")?.into(),
        })
    }
}

//! `core/v1` Node.

use super::{Extra, ObjectMeta, Packed, Quantity, Shared, SharedStr, Str, Time};

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct Node {
    /// `Str`: the constants registration writes are borrowed, not allocated per node.
    #[cfg_attr(test, serde(default))]
    pub api_version: Str,
    #[cfg_attr(test, serde(default))]
    pub kind: Str,
    #[cfg_attr(test, serde(default))]
    pub metadata: ObjectMeta,
    #[cfg_attr(test, serde(default))]
    pub spec: NodeSpec,
    #[cfg_attr(test, serde(default))]
    pub status: NodeStatus,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct NodeSpec {
    #[cfg_attr(
        test,
        serde(default, skip_serializing_if = "String::is_empty", rename = "podCIDR")
    )]
    pub pod_cidr: String,
    #[cfg_attr(
        test,
        serde(default, skip_serializing_if = "Vec::is_empty", rename = "podCIDRs")
    )]
    pub pod_cidrs: Vec<String>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "super::is_false"))]
    pub unschedulable: bool,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub taints: Vec<Taint>,
    #[cfg_attr(test, serde(flatten))]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct Taint {
    #[cfg_attr(test, serde(default))]
    pub key: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub value: String,
    #[cfg_attr(test, serde(default))]
    pub effect: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub time_added: Option<Time>,
}

impl Taint {
    pub fn new(key: &str, value: &str, effect: &str) -> Taint {
        Taint {
            key: key.into(),
            value: value.into(),
            effect: effect.into(),
            time_added: None,
        }
    }
}

impl std::fmt::Display for Taint {
    /// `key=value:Effect` (or `key:Effect`), as kubectl prints taints.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.value.is_empty() {
            write!(f, "{}:{}", self.key, self.effect)
        } else {
            write!(f, "{}={}:{}", self.key, self.value, self.effect)
        }
    }
}

pub type ResourceList = super::SortedMap<String, Quantity>;

/// For `skip_serializing_if`.
#[cfg(test)]
fn is_empty_list(list: &Shared<ResourceList>) -> bool {
    list.is_empty()
}

/// For `skip_serializing_if`.
#[cfg(test)]
fn is_empty_conditions(conditions: &Shared<Vec<NodeCondition>>) -> bool {
    conditions.is_empty()
}

impl Default for Shared<ResourceList> {
    /// One empty list per thread, shared (as `Shared`'s other defaults).
    fn default() -> Self {
        thread_local!(static EMPTY: Shared<ResourceList> = Shared::new(ResourceList::default()));
        EMPTY.with(Shared::clone)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct NodeStatus {
    /// Shared: the nodes the simulator registers without a size all have the default one, and
    /// allocatable is capacity.
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_empty_list"))]
    pub capacity: Shared<ResourceList>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_empty_list"))]
    pub allocatable: Shared<ResourceList>,
    /// Shared: the nodes registered at one instant (a pasted NodeList) report the same four
    /// conditions until one of them changes (a write copies first, as `Shared` does).
    #[cfg_attr(test, serde(default, skip_serializing_if = "is_empty_conditions"))]
    pub conditions: Shared<Vec<NodeCondition>>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub addresses: Vec<NodeAddress>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    /// Shared: every node the simulator registers reports the same kubelet.
    pub node_info: Option<Shared<serde_json::Value>>,
    #[cfg_attr(test, serde(flatten))]
    /// Packed: a real node's `images` are most of what it holds (`packed.rs`).
    pub extra: Packed,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct NodeCondition {
    #[cfg_attr(test, serde(default, rename = "type"))]
    pub type_: Str,
    #[cfg_attr(test, serde(default))]
    pub status: Str,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub last_heartbeat_time: Option<Time>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub last_transition_time: Option<Time>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "super::str::str_is_empty"))]
    pub reason: Str,
    #[cfg_attr(test, serde(default, skip_serializing_if = "super::str::str_is_empty"))]
    pub message: Str,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct NodeAddress {
    #[cfg_attr(test, serde(default, rename = "type"))]
    pub type_: Str,
    /// Shared: the Hostname address registration writes is the node's own name.
    #[cfg_attr(test, serde(default))]
    pub address: SharedStr,
}

impl Node {
    pub fn name(&self) -> &str {
        &self.metadata.name
    }

    pub fn condition(&self, type_: &str) -> Option<&NodeCondition> {
        self.status.conditions.iter().find(|c| c.type_ == type_)
    }

    /// The status of a condition (`True`, `False`, `Unknown`), if the node reports it.
    pub fn condition_status(&self, type_: &str) -> Option<&str> {
        self.condition(type_).map(|c| &*c.status)
    }

    pub fn internal_ip(&self) -> Option<&str> {
        self.status
            .addresses
            .iter()
            .find(|a| a.type_ == "InternalIP")
            .map(|a| a.address.as_str())
    }

    pub fn has_taint(&self, key: &str, effect: &str) -> bool {
        has_taint(&self.spec.taints, key, effect)
    }
}

/// Whether `taints` hold a taint of `key` with `effect` (whatever its value).
pub fn has_taint(taints: &[Taint], key: &str, effect: &str) -> bool {
    taints.iter().any(|t| t.key == key && t.effect == effect)
}

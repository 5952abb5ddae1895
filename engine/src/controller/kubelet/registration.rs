//! What a kubelet registering a node fills in: labels, capacity, conditions, addresses, and the
//! pod CIDR the node IPAM controller assigns. Imported nodes keep what they bring.

use crate::api::{Node, NodeAddress, NodeCondition, Quantity, ResourceList, Shared, Time, keys};

/// Default node size when a manifest gives none: a common 4-CPU, 16 GiB worker.
pub const DEFAULT_CPU: &str = "4";
pub const DEFAULT_MEMORY: &str = "16Gi";
pub const DEFAULT_PODS: &str = "110";
/// What a simulated kubelet reports about itself (`status.nodeInfo`).
pub const KUBELET_VERSION: &str = "v1.34.1";
pub const OS_IMAGE: &str = "Debian GNU/Linux 12 (bookworm)";
pub const KERNEL: &str = "6.1.0-27-amd64";
pub const CONTAINER_RUNTIME: &str = "containerd://1.7.24";

/// The capacity a node registers with when its manifest leaves a resource out.
const DEFAULT_SIZE: [(&str, &str); 3] = [
    ("cpu", DEFAULT_CPU),
    ("memory", DEFAULT_MEMORY),
    ("pods", DEFAULT_PODS),
];

thread_local! {
    /// The capacity of every node registered without one: one list, shared.
    static DEFAULT_CAPACITY: Shared<ResourceList> = Shared::new(
        DEFAULT_SIZE
            .iter()
            .map(|(k, v)| (k.to_string(), Quantity(v.to_string())))
            .collect(),
    );
    /// `status.nodeInfo` of every node the simulator registers: one value, shared (a map of ten
    /// strings per node was about 1 KB of each node's heap).
    static NODE_INFO: Shared<serde_json::Value> = Shared::new(serde_json::json!({
        "architecture": "amd64",
        "bootID": "",
        "containerRuntimeVersion": CONTAINER_RUNTIME,
        "kernelVersion": KERNEL,
        "kubeProxyVersion": "",
        "kubeletVersion": KUBELET_VERSION,
        "machineID": "",
        "operatingSystem": "linux",
        "osImage": OS_IMAGE,
        "systemUUID": "",
    }));
}

/// Fills in what a registering kubelet and the IPAM controller would; `index` numbers the node.
pub fn register(node: &mut Node, index: u32, now: Time) {
    let name = node.metadata.name.clone();
    let labels = &mut node.metadata.labels;
    // kubelet's initialNode: hostname, then OS and architecture under the stable and the beta
    // keys.
    labels.get_or_insert_with(keys::HOSTNAME.into(), || name.to_string());
    for (key, value) in [
        (keys::OS, "linux"),
        (keys::ARCH, "amd64"),
        (keys::BETA_OS, "linux"),
        (keys::BETA_ARCH, "amd64"),
    ] {
        labels.get_or_insert_with(key.into(), || value.into());
    }
    let status = &mut node.status;
    if status.capacity.is_empty() {
        status.capacity = DEFAULT_CAPACITY.with(Shared::clone);
    }
    for (k, v) in DEFAULT_SIZE {
        if status.capacity.get(k).is_none() {
            status
                .capacity
                .get_or_insert_with(k.into(), || Quantity(v.into()));
        }
    }
    if status.allocatable.is_empty() {
        status.allocatable = status.capacity.clone();
    }
    for (type_, value, reason, message) in [
        (
            "MemoryPressure",
            "False",
            "KubeletHasSufficientMemory",
            "kubelet has sufficient memory available",
        ),
        (
            "DiskPressure",
            "False",
            "KubeletHasNoDiskPressure",
            "kubelet has no disk pressure",
        ),
        (
            "PIDPressure",
            "False",
            "KubeletHasSufficientPID",
            "kubelet has sufficient PID available",
        ),
        (
            "Ready",
            "True",
            "KubeletReady",
            "kubelet is posting ready status",
        ),
    ] {
        if node.status.conditions.iter().all(|c| c.type_ != type_) {
            node.status.conditions.push(NodeCondition {
                type_: type_.into(),
                status: value.into(),
                last_heartbeat_time: Some(now),
                last_transition_time: Some(now),
                reason: reason.into(),
                message: message.into(),
            });
        }
    }
    if node.status.node_info.is_none() {
        node.status.node_info = Some(NODE_INFO.with(Shared::clone));
    }
    if node.status.addresses.is_empty() {
        node.status.addresses = vec![
            NodeAddress {
                type_: "InternalIP".into(),
                address: node_ip(index).into(),
            },
            NodeAddress {
                type_: "Hostname".into(),
                address: name,
            },
        ];
    }
    if node.spec.pod_cidr.is_empty() {
        node.spec.pod_cidr = pod_cidr(index);
        node.spec.pod_cidrs = vec![node.spec.pod_cidr.clone()];
    }
}

/// 172.18.0.2, 172.18.0.3, ... (as kind numbers its nodes), spilling into the next octet.
pub fn node_ip(index: u32) -> String {
    let n = index + 2;
    format!("172.18.{}.{}", (n / 256) % 256, n % 256)
}

/// 10.244.0.0/24, 10.244.1.0/24, ... (the common Flannel/kubeadm cluster CIDR).
pub fn pod_cidr(index: u32) -> String {
    format!("10.{}.{}.0/24", 244 + (index / 256) % 12, index % 256)
}

/// Sets a condition's status, stamping lastTransitionTime when it changes.
pub fn set_condition(
    node: &mut Node,
    type_: &str,
    status: &str,
    reason: &str,
    message: &str,
    now: Time,
) {
    match node.status.conditions.iter_mut().find(|c| c.type_ == type_) {
        Some(c) => {
            if c.status != status {
                c.last_transition_time = Some(now);
            }
            c.status = status.to_owned().into();
            c.reason = reason.to_owned().into();
            c.message = message.to_owned().into();
            c.last_heartbeat_time = Some(now);
        }
        None => node.status.conditions.push(NodeCondition {
            type_: type_.to_owned().into(),
            status: status.to_owned().into(),
            last_heartbeat_time: Some(now),
            last_transition_time: Some(now),
            reason: reason.to_owned().into(),
            message: message.to_owned().into(),
        }),
    }
}

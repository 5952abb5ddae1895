//! What the pods bound to each node take of it, as the scheduler's filters count it (NodePorts,
//! NodeResourcesFit): kept as running sums the store moves when a pod is bound, changes, finishes
//! or is removed, so that placing a pod reads one entry instead of re-parsing the requests of
//! every pod on the node.

#[cfg(doc)]
use super::last_requests::LastRequests;
use crate::api::Pod;

/// The sums over the pods bound to one node that have not finished.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NodeUsage {
    pub pods: usize,
    /// Requests in thousandths (see [`requests`]).
    pub cpu: i128,
    pub memory: i128,
    /// The (protocol, port) pairs the pods hold on the host, one entry per pod and port.
    pub host_ports: Vec<(String, i32)>,
}

impl NodeUsage {
    /// The requested thousandths of `cpu` or `memory` (0 for other resources).
    pub fn requested(&self, resource: &str) -> i128 {
        match resource {
            "cpu" => self.cpu,
            "memory" => self.memory,
            _ => 0,
        }
    }

    /// Counts `pod`, whose cpu and memory requests are `amounts` (see [`LastRequests`]).
    pub(crate) fn add(&mut self, pod: &Pod, [cpu, memory]: [i128; 2]) {
        // Wrapping, so that removing a pod undoes adding it exactly, whatever the amounts.
        self.pods += 1;
        self.cpu = self.cpu.wrapping_add(cpu);
        self.memory = self.memory.wrapping_add(memory);
        self.host_ports.extend(host_ports(pod));
    }

    pub(crate) fn remove(&mut self, pod: &Pod, [cpu, memory]: [i128; 2]) {
        self.pods = self.pods.saturating_sub(1);
        self.cpu = self.cpu.wrapping_sub(cpu);
        self.memory = self.memory.wrapping_sub(memory);
        for port in host_ports(pod) {
            if let Some(i) = self.host_ports.iter().position(|p| *p == port) {
                self.host_ports.swap_remove(i);
            }
        }
    }
}

/// The node whose sums count `pod`: its bound node, while it has not finished.
pub(crate) fn counted_on(pod: &Pod) -> Option<&str> {
    let node = pod.spec.node_name.as_str();
    (!node.is_empty() && !pod.is_terminal()).then_some(node)
}

/// Sum of container requests in milli-units (limits stand in for missing requests, as the API
/// server defaults them).
pub fn requests(pod: &Pod, resource: &str) -> i128 {
    pod.spec
        .containers
        .iter()
        .filter_map(|c| c.resources.as_ref())
        .filter_map(|r| r.requests.get(resource).or_else(|| r.limits.get(resource)))
        .filter_map(|q| q.milli_value())
        .sum()
}

/// (protocol, port) pairs the pod wants on the host; hostNetwork pods use their container ports.
pub fn host_ports(pod: &Pod) -> Vec<(String, i32)> {
    pod.spec
        .containers
        .iter()
        .flat_map(|c| &c.ports)
        .filter_map(|p| {
            let port = match p.host_port {
                Some(hp) if hp > 0 => hp,
                _ if pod.spec.settings.host_network => p.container_port,
                _ => return None,
            };
            let proto = if p.protocol.is_empty() {
                "TCP"
            } else {
                &p.protocol
            };
            Some((proto.to_string(), port))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Container, ContainerPort, ObjectKey, Quantity, ResourceRequirements};
    use crate::state::store::Store;

    fn pod(name: &str, node: &str, cpu: &str, host_port: Option<i32>) -> Pod {
        let mut p = Pod::default();
        p.metadata.namespace = "default".into();
        p.metadata.name = name.into();
        p.spec.node_name = node.into();
        let mut r = ResourceRequirements::default();
        r.requests.insert("cpu".into(), Quantity(cpu.into()));
        let ports = host_port.map(|port| ContainerPort {
            container_port: port,
            host_port: Some(port),
            ..ContainerPort::default()
        });
        p.spec.containers = vec![Container {
            resources: Some(r),
            ports: ports.into_iter().collect(),
            ..Container::default()
        }]
        .into();
        p
    }

    /// The sums, recounted from every pod as the scheduler's filters used to on each placement.
    fn recounted(store: &Store, node: &str) -> Option<NodeUsage> {
        let mut u = NodeUsage::default();
        for (_, p) in store.pods().iter() {
            if counted_on(p) == Some(node) {
                u.add(p, [requests(p, "cpu"), requests(p, "memory")]);
            }
        }
        (u.pods > 0).then_some(u)
    }

    /// NodeResourcesFit and NodePorts count the bound pods that have not finished: the running
    /// sums follow binds, status writes to a final phase, node moves and removals.
    #[test]
    fn node_sums_follow_binds_finishes_and_removals() {
        let mut store = Store::default();
        let key = |n: &str| ObjectKey::new("default", n);
        store.put_pod(pod("p1", "a", "100m", Some(80)));
        store.put_pod(pod("p2", "a", "1", None));
        store.put_pod(pod("pending", "", "5", None));
        let a = store.node_usage("a").cloned().unwrap();
        assert_eq!((a.pods, a.cpu), (2, 1100));
        assert_eq!(a.host_ports, [("TCP".to_string(), 80)]);
        assert_eq!(Some(a), recounted(&store, "a"));

        store.update_pod(&key("pending"), |p| p.spec.node_name = "b".into());
        assert_eq!(store.node_usage("b").map(|u| u.cpu), Some(5000));
        store.update_pod_status(&key("p1"), |_, st| st.phase = "Failed".into());
        let a = store.node_usage("a").cloned().unwrap();
        assert_eq!((a.pods, a.cpu), (1, 1000));
        assert!(a.host_ports.is_empty());
        assert_eq!(Some(a), recounted(&store, "a"));

        store.remove_pod(&key("p2"));
        store.remove_pod(&key("p1"));
        assert_eq!(store.node_usage("a"), None);
        assert_eq!(store.node_usage("b").cloned(), recounted(&store, "b"));
    }
}

//! A pod's cpu and memory requests, parsed once for the pods that share their containers: a
//! DaemonSet's pods hold their template's, and both the store's running sums (a pod counted
//! at its bind, uncounted when it finishes) and the scheduler's filters meet them one after
//! another. Parsing a quantity is over a thousand instructions.

use super::node_usage::requests;
use crate::api::{Container, Pod, Shared};

/// The last containers' requests, in thousandths.
#[derive(Debug, Clone, Default)]
pub struct LastRequests(Option<(Shared<Vec<Container>>, [i128; 2])>);

impl LastRequests {
    /// `pod`'s requests of `cpu` and `memory`, as [`requests`] sums them.
    pub fn amounts(&mut self, pod: &Pod) -> [i128; 2] {
        match &self.0 {
            // Holding the containers keeps their address from being reused by others.
            Some((containers, amounts)) if containers.same(&pod.spec.containers) => *amounts,
            _ => {
                let amounts = [requests(pod, "cpu"), requests(pod, "memory")];
                self.0 = Some((pod.spec.containers.clone(), amounts));
                amounts
            }
        }
    }

    /// `pod`'s requests of `cpu` or `memory` (0 for other resources), as [`requests`] sums
    /// them.
    pub fn of(&mut self, pod: &Pod, resource: &str) -> i128 {
        match resource {
            "cpu" => self.amounts(pod)[0],
            "memory" => self.amounts(pod)[1],
            _ => requests(pod, resource),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Quantity, ResourceRequirements};

    fn pod(cpu: &str) -> Pod {
        let mut r = ResourceRequirements::default();
        r.requests.insert("cpu".into(), Quantity(cpu.into()));
        let mut p = Pod::default();
        p.spec.containers = Shared::new(vec![Container {
            resources: Some(r),
            ..Container::default()
        }]);
        p
    }

    /// Pods sharing containers share the parse; other containers (even equal ones, or a pod
    /// whose shared containers were edited) are parsed again.
    #[test]
    fn parsed_again_only_for_other_containers() {
        let mut last = LastRequests::default();
        let a = pod("100m");
        let mut b = a.clone();
        assert_eq!(last.amounts(&a), [100, 0]);
        assert_eq!(last.of(&b, "cpu"), 100);
        b.spec.containers[0]
            .resources
            .as_mut()
            .unwrap()
            .requests
            .insert("cpu".into(), Quantity("2".into()));
        assert_eq!(last.of(&b, "cpu"), 2000);
        assert_eq!(last.of(&pod("300m"), "cpu"), 300);
        assert_eq!(last.of(&a, "memory"), 0);
    }
}

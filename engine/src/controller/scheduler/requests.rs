//! A pod's cpu and memory requests, parsed once for the pods that share their containers: a
//! DaemonSet's pods hold their template's, and the scheduler takes them one after another (its
//! queue is in key order).

use crate::api::{Container, Pod, Shared};
use crate::state::node_usage::requests;

/// The last containers' requests, in thousandths.
#[derive(Default)]
pub(super) struct LastRequests(Option<(Shared<Vec<Container>>, [i128; 2])>);

impl LastRequests {
    /// `pod`'s requests of `cpu` or `memory` (0 for other resources), as
    /// [`requests`] sums them.
    pub(super) fn of(&mut self, pod: &Pod, resource: &str) -> i128 {
        let at = match resource {
            "cpu" => 0,
            "memory" => 1,
            _ => return requests(pod, resource),
        };
        match &self.0 {
            Some((containers, amounts)) if containers.same(&pod.spec.containers) => amounts[at],
            _ => {
                let amounts = [requests(pod, "cpu"), requests(pod, "memory")];
                self.0 = Some((pod.spec.containers.clone(), amounts));
                amounts[at]
            }
        }
    }
}

//! The API server's audit log, for pods: who created, deleted or evicted which pod, on which
//! node, when. A whole cluster writes it with `--audit-log-path` (one `audit.k8s.io/v1` Event a
//! request); here it is `sim audit`, one row a write. It answers what the events cannot: the
//! event correlator combines and then drops a controller's similar events (spec §13 events,
//! `state::correlator`), so after a few dozen writes `kubectl get events` no longer names every
//! pod; the audit log does, and says which component wrote (the DaemonSet controller, the
//! taint-eviction controller, PodGC, the kubelet, kubectl).
//!
//! Bounded like a rotated audit file: the last [`MAX_ENTRIES`] writes are kept.

use super::held::Held;
use crate::api::{ObjectKey, SharedStr, Time};
use std::collections::VecDeque;

/// Writes kept; older ones are dropped (and counted).
pub const MAX_ENTRIES: usize = 10_000;

/// The users the components of a kubeadm cluster write as: each controller of
/// kube-controller-manager with its own service account (`NewClient(NAME)` in
/// cmd/kube-controller-manager), kubectl as kubeadm's admin user.
pub mod users {
    pub const DAEMON_SET_CONTROLLER: &str =
        "system:serviceaccount:kube-system:daemon-set-controller";
    pub const REPLICASET_CONTROLLER: &str =
        "system:serviceaccount:kube-system:replicaset-controller";
    /// The taint-eviction controller reuses the node controller's account.
    pub const NODE_CONTROLLER: &str = "system:serviceaccount:kube-system:node-controller";
    pub const POD_GARBAGE_COLLECTOR: &str =
        "system:serviceaccount:kube-system:pod-garbage-collector";
    pub const GARBAGE_COLLECTOR: &str =
        "system:serviceaccount:kube-system:generic-garbage-collector";
    pub const KUBECTL: &str = "kubernetes-admin";
}

/// Who writes a pod, and how: a `create`, a `delete`, or kubectl drain's eviction (a `create`
/// of the `pods/eviction` subresource).
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub user: &'a str,
    pub verb: &'static str,
    pub resource: &'static str,
}

impl<'a> Request<'a> {
    pub fn create(user: &'a str) -> Self {
        Request {
            user,
            verb: "create",
            resource: "pods",
        }
    }

    pub fn delete(user: &'a str) -> Self {
        Request {
            user,
            verb: "delete",
            resource: "pods",
        }
    }

    pub fn evict(user: &'a str) -> Self {
        Request {
            user,
            verb: "create",
            resource: "pods/eviction",
        }
    }
}

/// One write: the audit Event's `user.username`, `verb`, `objectRef` and the time it arrived.
/// Its strings are shared: the namespace and name with the pod's key, the user and node with
/// the log's other entries (10,000 entries, no allocation each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: Time,
    /// A [`users`] name, or `system:node:NAME` for a kubelet.
    pub user: SharedStr,
    /// `create` or `delete`.
    pub verb: &'static str,
    /// `pods`, or `pods/eviction` for an eviction.
    pub resource: &'static str,
    pub namespace: SharedStr,
    pub name: SharedStr,
    /// The pod's node (`spec.nodeName`, else the node its affinity targets), or empty.
    pub node: SharedStr,
}

#[derive(Debug, Default)]
pub struct AuditLog {
    entries: VecDeque<AuditEntry>,
    /// Users, each once (node names are the store's).
    names: Held,
    dropped: u64,
}

impl AuditLog {
    /// `node` is the pod's node as the store holds its name (none: the entry's is empty).
    pub fn record(&mut self, at: Time, by: Request, pod: &ObjectKey, node: Option<&SharedStr>) {
        let entry = AuditEntry {
            at,
            user: self.names.get(by.user),
            verb: by.verb,
            resource: by.resource,
            namespace: pod.namespace.clone(),
            name: pod.name.clone(),
            node: node.cloned().unwrap_or_else(|| self.names.get("")),
        };
        if self.entries.len() == MAX_ENTRIES {
            self.entries.pop_front();
            self.dropped += 1;
        }
        self.entries.push_back(entry);
    }

    /// The writes kept, oldest first.
    pub fn entries(&self) -> impl Iterator<Item = &AuditEntry> {
        self.entries.iter()
    }

    /// How many older writes were dropped.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_log_keeps_the_last_writes_and_counts_the_rest() {
        let mut log = AuditLog::default();
        let n1 = SharedStr::from("n1");
        for i in 0..MAX_ENTRIES + 3 {
            let pod = ObjectKey::new("default", format!("p{i}"));
            log.record(
                Time::default(),
                Request::delete(users::KUBECTL),
                &pod,
                Some(&n1),
            );
        }
        assert_eq!(log.dropped(), 3);
        assert_eq!(log.entries().count(), MAX_ENTRIES);
        let first = log.entries().next().expect("kept");
        assert_eq!(
            (first.name.as_str(), first.user.as_str()),
            ("p3", users::KUBECTL)
        );
        let nodes: Vec<*const u8> = log.entries().map(|e| e.node.as_ptr()).collect();
        assert!(
            nodes.iter().all(|&n| n == nodes[0]),
            "one copy of the node's name"
        );
    }
}

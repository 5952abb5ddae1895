//! The controllers of the simulated cluster. Each reacts to store changes and timers, reads the
//! store and writes through the API-server helpers, as its Kubernetes namesake does.

pub(crate) mod claim;
pub(crate) mod daemonset;
pub(crate) mod deployment;
pub(crate) mod garbage_collector;
pub(crate) mod kubelet;
pub(crate) mod node_lifecycle;
pub(crate) mod pod_gc;
mod queue;
pub(crate) mod replicaset;
mod room;
pub(crate) mod scheduler;
pub(crate) mod taint_eviction;
pub(crate) mod template_hash;

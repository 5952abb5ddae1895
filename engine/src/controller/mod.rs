//! The controllers of the simulated cluster. Each reacts to store changes and timers, reads the
//! store and writes through the API-server helpers, as its Kubernetes namesake does.

pub mod daemonset;
pub mod garbage_collector;
pub mod kubelet;
pub mod node_lifecycle;
pub mod pod_gc;
pub mod scheduler;
pub mod taint_eviction;

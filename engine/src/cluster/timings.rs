//! How long things take on the virtual clock. Kubernetes itself fixes none of these (they depend on
//! the registry, the runtime and the container); these defaults are the playground's own, chosen
//! so that a rollout is visible, and documented in the README.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timings {
    /// Pulling an image the node does not have yet.
    pub image_pull_ms: i64,
    /// Creating and starting a container once its image is present.
    pub container_start_ms: i64,
    /// How long a container takes to exit after SIGTERM (capped by the grace period).
    pub container_stop_ms: i64,
    /// First retry after a failed pull; doubles up to `image_pull_backoff_max_ms`.
    pub image_pull_backoff_ms: i64,
    pub image_pull_backoff_max_ms: i64,
    /// The node lifecycle controller's grace before the NoExecute taint (node-monitor-grace-period).
    pub node_monitor_grace_ms: i64,
    /// PodGC's quarantine for pods bound to a vanished node.
    pub pod_gc_orphan_ms: i64,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            image_pull_ms: 2_000,
            container_start_ms: 1_000,
            container_stop_ms: 1_000,
            image_pull_backoff_ms: 10_000,
            image_pull_backoff_max_ms: 300_000,
            node_monitor_grace_ms: 40_000,
            pod_gc_orphan_ms: 40_000,
        }
    }
}

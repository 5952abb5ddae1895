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

/// The names `sim timing NAME DURATION` takes, in the order `sim timing` lists them.
pub const NAMES: [&str; 7] = [
    "image-pull",
    "container-start",
    "container-stop",
    "image-pull-backoff",
    "image-pull-backoff-max",
    "node-monitor-grace",
    "pod-gc-orphan",
];

impl Timings {
    fn slot(&mut self, name: &str) -> Option<&mut i64> {
        Some(match name {
            "image-pull" => &mut self.image_pull_ms,
            "container-start" => &mut self.container_start_ms,
            "container-stop" => &mut self.container_stop_ms,
            "image-pull-backoff" => &mut self.image_pull_backoff_ms,
            "image-pull-backoff-max" => &mut self.image_pull_backoff_max_ms,
            "node-monitor-grace" => &mut self.node_monitor_grace_ms,
            "pod-gc-orphan" => &mut self.pod_gc_orphan_ms,
            _ => return None,
        })
    }

    /// Sets one timing by its `sim timing` name; false for an unknown name.
    pub fn set(&mut self, name: &str, millis: i64) -> bool {
        match self.slot(name) {
            Some(v) => {
                *v = millis.max(0);
                true
            }
            None => false,
        }
    }

    /// (name, milliseconds) for every timing, in `NAMES` order.
    pub fn list(&self) -> Vec<(&'static str, i64)> {
        let mut copy = self.clone();
        NAMES
            .iter()
            .map(|n| (*n, copy.slot(n).map_or(0, |v| *v)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_sets_its_own_timing() {
        let mut t = Timings::default();
        for (i, name) in NAMES.iter().enumerate() {
            assert!(t.set(name, 1000 + i as i64));
        }
        let listed = t.list();
        for (i, (name, ms)) in listed.iter().enumerate() {
            assert_eq!((*name, *ms), (NAMES[i], 1000 + i as i64));
        }
        assert!(!t.set("warp-speed", 1));
    }
}

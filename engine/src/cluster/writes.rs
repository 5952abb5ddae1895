//! The writes users make (kubectl verbs and `sim` verbs), with what the API server does on each:
//! defaults, validation, generation bookkeeping (spec §2), then the controllers react.

use super::Cluster;
use crate::api::ApiError;
use crate::api::{DaemonSet, Node, ObjectKey, Shared, keys, phase};
use crate::controller::kubelet::registration;
use crate::state::apiserver;
use crate::state::audit::{Request, users};
use crate::validation;

/// `kubectl delete --cascade`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cascade {
    /// The default; also `--cascade` alone and the legacy `--cascade=true`.
    #[default]
    Background,
    /// `--cascade=foreground`.
    Foreground,
    /// `--cascade=orphan`; also the legacy `--cascade=false`.
    Orphan,
}

/// Node readiness as `sim node NAME ready|not-ready|unreachable` sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeReadiness {
    Ready,
    NotReady,
    Unreachable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pressure {
    Memory,
    Disk,
    Pid,
}

const DS_RESOURCE: &str = "daemonsets.apps";

impl Cluster {
    /// `kubectl create` of a Node.
    pub fn create_node(&mut self, node: Node) -> Result<(), ApiError> {
        validation::validate_node(&node)?;
        if self.w.store.node(&node.metadata.name).is_some() {
            return Err(ApiError::AlreadyExists {
                resource: "nodes".into(),
                name: node.metadata.name.to_string(),
            });
        }
        self.insert_new_node(node);
        self.reconcile();
        Ok(())
    }

    fn insert_new_node(&mut self, mut node: Node) {
        let now = self.w.clock.now();
        node.api_version = "v1".into();
        node.kind = "Node".into();
        node.metadata.uid = self.w.rng.uid();
        node.metadata.creation_timestamp = Some(now).into();
        node.metadata.namespace = Default::default();
        // The store's copy of the name, before registration copies it into the hostname address.
        node.metadata.name = self.w.store.held_node_name(&node.metadata.name);
        registration::register(&mut node, self.nodes_created, now);
        // Kept for the node's life: no room for labels or annotations it does not have (the
        // manifest's map grown by registration, the last-applied annotation alone in its map).
        for map in [&mut node.metadata.labels, &mut node.metadata.annotations] {
            if let Some(map) = Shared::get_mut(map) {
                map.shrink_to_fit();
            }
        }
        self.recent_node_conditions
            .share(&mut node.status.conditions);
        self.nodes_created += 1;
        self.w.store.put_node(node);
    }

    /// `kubectl create` of a DaemonSet (spec §2.1 defaults, §2.2 bookkeeping, §2.3 validation).
    pub fn create_daemonset(&mut self, mut ds: DaemonSet) -> Result<(), ApiError> {
        ds.metadata.namespace = namespace_or_default(&ds).into();
        validation::set_defaults_daemonset(&mut ds);
        validation::validate_daemonset(&ds)?;
        let key = ObjectKey::of(&ds.metadata);
        if self.w.store.daemonset(&key).is_some() {
            return Err(ApiError::AlreadyExists {
                resource: DS_RESOURCE.into(),
                name: key.name.to_string(),
            });
        }
        let now = self.w.clock.now();
        ds.api_version = "apps/v1".into();
        ds.kind = "DaemonSet".into();
        ds.metadata.uid = self.w.rng.uid();
        ds.metadata.creation_timestamp = Some(now).into();
        ds.metadata.more.deletion_timestamp = None;
        ds.metadata.more.generation = 1;
        ds.metadata
            .annotations
            .insert(keys::DEPRECATED_TEMPLATE_GENERATION.into(), "1".into());
        ds.status = Default::default();
        self.w.store.put_daemonset(ds);
        self.reconcile();
        Ok(())
    }

    /// An update of a DaemonSet through the API server: `f` edits a copy; defaults, validation,
    /// selector immutability and generation bookkeeping follow (spec §2.2). Returns whether
    /// anything changed.
    pub fn update_daemonset(
        &mut self,
        namespace: &str,
        name: &str,
        f: impl FnOnce(&mut DaemonSet),
    ) -> Result<bool, ApiError> {
        let key = ObjectKey::new(namespace, name);
        let Some(old) = self.w.store.daemonset(&key).cloned() else {
            return Err(ApiError::not_found(DS_RESOURCE, name));
        };
        let mut new = old.clone();
        f(&mut new);
        validation::set_defaults_daemonset(&mut new);
        validation::validate_daemonset_update(&new, &old)?;
        new.status = old.status.clone();
        if new.spec.template != old.spec.template {
            new.metadata.more.generation = old.metadata.more.generation + 1;
            let tg = old.template_generation().unwrap_or(0) + 1;
            new.metadata
                .annotations
                .insert(keys::DEPRECATED_TEMPLATE_GENERATION.into(), tg.to_string());
        } else if new.spec != old.spec {
            new.metadata.more.generation = old.metadata.more.generation + 1;
        }
        if new == old {
            return Ok(false);
        }
        self.w.store.put_daemonset(new);
        self.reconcile();
        Ok(true)
    }

    /// `kubectl delete ds NAME --cascade=...` (spec §13).
    pub fn delete_daemonset(
        &mut self,
        namespace: &str,
        name: &str,
        cascade: Cascade,
    ) -> Result<(), ApiError> {
        let key = ObjectKey::new(namespace, name);
        let Some(ds) = self.w.store.daemonset(&key).cloned() else {
            return Err(ApiError::not_found(DS_RESOURCE, name));
        };
        match cascade {
            Cascade::Orphan => {
                self.orphan_dependents(&ds.metadata.uid.as_str());
                self.w.store.remove_daemonset(&key);
            }
            Cascade::Background => {
                self.w.store.remove_daemonset(&key); // the garbage collector deletes dependents
            }
            Cascade::Foreground => {
                let now = self.w.clock.now();
                self.w
                    .store
                    .update_daemonset(&key, |d| d.metadata.mark_foreground_deletion(now));
            }
        }
        self.reconcile();
        Ok(())
    }

    /// `kubectl delete node NAME`.
    pub fn delete_node(&mut self, name: &str) -> Result<(), ApiError> {
        self.w
            .store
            .remove_node(name)
            .ok_or_else(|| ApiError::not_found("nodes", name))?;
        self.reconcile();
        Ok(())
    }

    /// `kubectl delete pod NAME [--grace-period=N] [--force]`, or kubectl drain's eviction
    /// (`evict`).
    pub fn delete_pod(
        &mut self,
        namespace: &str,
        name: &str,
        grace: Option<i64>,
        force: bool,
        evict: bool,
    ) -> Result<(), ApiError> {
        let key = ObjectKey::new(namespace, name);
        if self.w.store.pod(&key).is_none() {
            return Err(ApiError::not_found("pods", name));
        }
        let by = match evict {
            true => Request::evict(users::KUBECTL),
            false => Request::delete(users::KUBECTL),
        };
        // --force with no grace period removes the pod at once (a delete with grace 0).
        let grace = if force && grace.unwrap_or(0) == 0 {
            Some(0)
        } else {
            grace
        };
        apiserver::delete_pod(&mut self.w, &key, grace, by);
        self.reconcile();
        Ok(())
    }

    /// Edits a node (labels, taints, cordon); Ok(false) when nothing changed.
    pub fn update_node(&mut self, name: &str, f: impl FnOnce(&mut Node)) -> Result<bool, ApiError> {
        if self.w.store.node(name).is_none() {
            return Err(ApiError::not_found("nodes", name));
        }
        let changed = self.w.store.update_node(name, f);
        self.reconcile();
        Ok(changed)
    }

    /// `sim node NAME ready|not-ready|unreachable`: the kubelet's Ready condition.
    pub fn set_node_readiness(&mut self, name: &str, r: NodeReadiness) -> Result<(), ApiError> {
        let now = self.w.clock.now();
        let (status, reason, message) = match r {
            NodeReadiness::Ready => ("True", "KubeletReady", "kubelet is posting ready status"),
            NodeReadiness::NotReady => (
                "False",
                "KubeletNotReady",
                "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized",
            ),
            NodeReadiness::Unreachable => (
                "Unknown",
                "NodeStatusUnknown",
                "Kubelet stopped posting node status.",
            ),
        };
        self.update_node(name, |n| {
            registration::set_condition(n, "Ready", status, reason, message, now)
        })?;
        Ok(())
    }

    /// `sim node NAME pressure memory|disk|pid on|off`.
    pub fn set_node_pressure(&mut self, name: &str, p: Pressure, on: bool) -> Result<(), ApiError> {
        let now = self.w.clock.now();
        let (type_, yes, no) = match p {
            Pressure::Memory => (
                "MemoryPressure",
                "KubeletHasInsufficientMemory",
                "KubeletHasSufficientMemory",
            ),
            Pressure::Disk => (
                "DiskPressure",
                "KubeletHasDiskPressure",
                "KubeletHasNoDiskPressure",
            ),
            Pressure::Pid => (
                "PIDPressure",
                "KubeletHasInsufficientPID",
                "KubeletHasSufficientPID",
            ),
        };
        let (status, reason) = if on { ("True", yes) } else { ("False", no) };
        let message = match (p, on) {
            (Pressure::Memory, true) => "kubelet has insufficient memory available",
            (Pressure::Memory, false) => "kubelet has sufficient memory available",
            (Pressure::Disk, true) => "kubelet has disk pressure",
            (Pressure::Disk, false) => "kubelet has no disk pressure",
            (Pressure::Pid, true) => "kubelet has insufficient PID available",
            (Pressure::Pid, false) => "kubelet has sufficient PID available",
        };
        self.update_node(name, |n| {
            registration::set_condition(n, type_, status, reason, message, now)
        })?;
        Ok(())
    }

    /// `sim image IMAGE unpullable|pullable`.
    pub fn set_image_pullable(&mut self, image: &str, pullable: bool) {
        if pullable {
            self.w.unpullable.remove(image);
        } else {
            self.w.unpullable.insert(image.to_string());
        }
        self.reconcile();
    }

    /// `sim pod NAME fail`: the container exits with an error and the pod's phase becomes Failed.
    pub fn fail_pod(&mut self, namespace: &str, name: &str) -> Result<(), ApiError> {
        let key = ObjectKey::new(namespace, name);
        let Some(pod) = self.w.store.pod(&key) else {
            return Err(ApiError::not_found("pods", name));
        };
        if pod.status.phase != phase::FAILED {
            let now = self.w.clock.now();
            crate::controller::kubelet::fail_pod(&mut self.w, &key, now);
        }
        self.reconcile();
        Ok(())
    }
}

fn namespace_or_default(ds: &DaemonSet) -> String {
    if ds.metadata.namespace.is_empty() {
        "default".into()
    } else {
        ds.metadata.namespace.to_string()
    }
}

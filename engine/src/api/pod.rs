//! `core/v1` Pod, PodTemplateSpec and the parts of PodSpec the simulation reads.

use super::{Affinity, Extra, ObjectMeta, Shared, Str, StringMap, Time};

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct Pod {
    #[cfg_attr(test, serde(default))]
    pub api_version: String,
    #[cfg_attr(test, serde(default))]
    pub kind: String,
    #[cfg_attr(test, serde(default))]
    pub metadata: ObjectMeta,
    #[cfg_attr(test, serde(default))]
    pub spec: PodSpec,
    #[cfg_attr(test, serde(default))]
    pub status: PodStatus,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct PodTemplateSpec {
    #[cfg_attr(test, serde(default))]
    pub metadata: ObjectMeta,
    #[cfg_attr(test, serde(default))]
    pub spec: PodSpec,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct PodSpec {
    #[cfg_attr(test, serde(default))]
    pub containers: Shared<Vec<Container>>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub init_containers: Vec<Container>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "StringMap::is_empty"))]
    pub node_selector: StringMap,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub affinity: Option<Affinity>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub tolerations: Shared<Vec<Toleration>>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub node_name: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "super::is_false"))]
    pub host_network: bool,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub restart_policy: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub termination_grace_period_seconds: Option<i64>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub active_deadline_seconds: Option<i64>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub dns_policy: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub scheduler_name: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub priority_class_name: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub security_context: Option<serde_json::Value>,
    /// volumes, serviceAccountName and the rest of PodSpec, given back as they came.
    #[cfg_attr(test, serde(flatten))]
    pub extra: Shared<Extra>,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct Container {
    #[cfg_attr(test, serde(default))]
    pub name: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub image: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub ports: Vec<ContainerPort>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub resources: Option<ResourceRequirements>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub readiness_probe: Option<Probe>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub image_pull_policy: String,
    /// command, args, env, volumeMounts, securityContext, ...
    #[cfg_attr(test, serde(flatten))]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ContainerPort {
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub name: String,
    #[cfg_attr(test, serde(default))]
    pub container_port: i32,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub host_port: Option<i32>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub protocol: String,
    #[cfg_attr(
        test,
        serde(default, skip_serializing_if = "String::is_empty", rename = "hostIP")
    )]
    pub host_ip: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ResourceRequirements {
    #[cfg_attr(
        test,
        serde(default, skip_serializing_if = "super::ResourceList::is_empty")
    )]
    pub limits: super::ResourceList,
    #[cfg_attr(
        test,
        serde(default, skip_serializing_if = "super::ResourceList::is_empty")
    )]
    pub requests: super::ResourceList,
    #[cfg_attr(test, serde(flatten))]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct Probe {
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub initial_delay_seconds: Option<i64>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub period_seconds: Option<i64>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub timeout_seconds: Option<i64>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub success_threshold: Option<i64>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub failure_threshold: Option<i64>,
    /// exec / httpGet / tcpSocket / grpc handlers.
    #[cfg_attr(test, serde(flatten))]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct Toleration {
    #[cfg_attr(test, serde(default, skip_serializing_if = "super::str_is_empty"))]
    pub key: Str,
    #[cfg_attr(test, serde(default, skip_serializing_if = "super::str_is_empty"))]
    pub operator: Str,
    #[cfg_attr(test, serde(default, skip_serializing_if = "super::str_is_empty"))]
    pub value: Str,
    #[cfg_attr(test, serde(default, skip_serializing_if = "super::str_is_empty"))]
    pub effect: Str,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub toleration_seconds: Option<i64>,
}

impl Toleration {
    pub fn exists(key: &'static str, effect: &'static str) -> Toleration {
        Toleration {
            key: key.into(),
            operator: "Exists".into(),
            effect: effect.into(),
            ..Default::default()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct PodStatus {
    #[cfg_attr(test, serde(default, skip_serializing_if = "super::str_is_empty"))]
    pub phase: Str,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub conditions: Shared<Vec<PodCondition>>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub message: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub reason: String,
    #[cfg_attr(
        test,
        serde(default, skip_serializing_if = "String::is_empty", rename = "hostIP")
    )]
    pub host_ip: String,
    #[cfg_attr(
        test,
        serde(default, skip_serializing_if = "String::is_empty", rename = "podIP")
    )]
    pub pod_ip: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub start_time: Option<Time>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub container_statuses: Shared<Vec<ContainerStatus>>,
    #[cfg_attr(
        test,
        serde(
            default,
            skip_serializing_if = "super::str_is_empty",
            rename = "qosClass"
        )
    )]
    pub qos_class: Str,
    #[cfg_attr(test, serde(flatten))]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct PodCondition {
    #[cfg_attr(test, serde(rename = "type"))]
    pub type_: Str,
    pub status: Str,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub last_probe_time: Option<Time>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub last_transition_time: Option<Time>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "super::str_is_empty"))]
    pub reason: Str,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ContainerStatus {
    pub name: String,
    #[cfg_attr(test, serde(default))]
    pub image: String,
    #[cfg_attr(
        test,
        serde(default, rename = "imageID", skip_serializing_if = "String::is_empty")
    )]
    pub image_id: String,
    #[cfg_attr(
        test,
        serde(
            default,
            rename = "containerID",
            skip_serializing_if = "String::is_empty"
        )
    )]
    pub container_id: String,
    #[cfg_attr(test, serde(default))]
    pub ready: bool,
    #[cfg_attr(test, serde(default))]
    pub restart_count: i32,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub started: Option<bool>,
    #[cfg_attr(test, serde(default))]
    pub state: ContainerState,
    #[cfg_attr(test, serde(default, skip_serializing_if = "ContainerState::is_empty"))]
    pub last_state: ContainerState,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ContainerState {
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub waiting: Option<ContainerStateWaiting>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub running: Option<ContainerStateRunning>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub terminated: Option<ContainerStateTerminated>,
}

impl ContainerState {
    pub fn is_empty(&self) -> bool {
        self.waiting.is_none() && self.running.is_none() && self.terminated.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ContainerStateWaiting {
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub reason: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ContainerStateRunning {
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub started_at: Option<Time>,
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct ContainerStateTerminated {
    pub exit_code: i32,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub reason: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "String::is_empty"))]
    pub message: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub started_at: Option<Time>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub finished_at: Option<Time>,
}

/// Pod phases, verbatim.
pub mod phase {
    pub const PENDING: &str = "Pending";
    pub const RUNNING: &str = "Running";
    pub const SUCCEEDED: &str = "Succeeded";
    pub const FAILED: &str = "Failed";
}

impl Pod {
    pub fn name(&self) -> &str {
        &self.metadata.name
    }

    pub fn condition(&self, type_: &str) -> Option<&PodCondition> {
        self.status.conditions.iter().find(|c| c.type_ == type_)
    }

    /// `podutil.IsPodReady`: condition Ready is True (phase is not consulted; spec §3.4).
    pub fn is_ready(&self) -> bool {
        self.condition("Ready").is_some_and(|c| c.status == "True")
    }

    /// `podutil.IsPodAvailable` with the v1.34+ inclusive comparison (spec §3.4).
    pub fn is_available(&self, min_ready_seconds: i64, now: Time) -> bool {
        let Some(ready) = self.condition("Ready").filter(|c| c.status == "True") else {
            return false;
        };
        if min_ready_seconds <= 0 {
            return true;
        }
        ready
            .last_transition_time
            .is_some_and(|t| t.plus_secs(min_ready_seconds) <= now)
    }

    /// When the pod becomes available, if it is ready and not yet available.
    pub fn available_at(&self, min_ready_seconds: i64) -> Option<Time> {
        let ready = self.condition("Ready").filter(|c| c.status == "True")?;
        Some(
            ready
                .last_transition_time?
                .plus_secs(min_ready_seconds.max(0)),
        )
    }

    pub fn is_terminal(&self) -> bool {
        self.status.phase == phase::SUCCEEDED || self.status.phase == phase::FAILED
    }
}

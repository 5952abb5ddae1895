//! `core/v1` Pod, PodTemplateSpec and the parts of PodSpec the simulation reads.

use super::{
    Affinity, Extra, MaybeTime, ObjectMeta, Shared, SharedStr, Str, StringMap, Time, Word,
};
#[cfg(test)]
use serde::Serialize;
#[cfg(test)]
use serde::ser::{SerializeMap, Serializer};

/// A pod. Its `apiVersion` and `kind` are always `v1` `Pod` (pods come only from the
/// workload controllers), so they are not held: `api::encode` writes them.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct Pod {
    #[cfg_attr(test, serde(default))]
    pub metadata: ObjectMeta,
    #[cfg_attr(test, serde(default))]
    pub spec: PodSpec,
    #[cfg_attr(test, serde(default))]
    pub status: PodStatus,
}

/// `apiVersion` and `kind` of every pod.
pub const POD_API_VERSION: &str = "v1";
pub const POD_KIND: &str = "Pod";

/// The tests' reference for `api::encode`.
#[cfg(test)]
impl Serialize for Pod {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(None)?;
        m.serialize_entry("apiVersion", POD_API_VERSION)?;
        m.serialize_entry("kind", POD_KIND)?;
        m.serialize_entry("metadata", &self.metadata)?;
        m.serialize_entry("spec", &self.spec)?;
        m.serialize_entry("status", &self.status)?;
        m.end()
    }
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

/// What the simulation reads of a pod's spec. A pod changes its node, affinity and tolerations;
/// the rest (hostNetwork and the unmodelled fields too) it keeps as its template set it, so that part is one [`Shared`] value, held once
/// for all the pods of a template (`settings`). Serialised with every field in PodSpec's own
/// order by `api::encode`, as if `settings` were not there.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct PodSpec {
    #[cfg_attr(test, serde(default))]
    pub containers: Shared<Vec<Container>>,
    /// Shared: every DaemonSet pod has one (its node's term), the same for the pods of all
    /// DaemonSets on a node whose templates set none of their own (8 bytes a pod, were 48).
    #[cfg_attr(test, serde(default))]
    pub affinity: Option<Shared<Affinity>>,
    #[cfg_attr(test, serde(default))]
    pub tolerations: Shared<Vec<Toleration>>,
    /// Shared: the store makes a bound pod hold its node's name as the store holds it.
    #[cfg_attr(test, serde(default))]
    pub node_name: SharedStr,
    /// The rest, unmodelled fields too (`extra`).
    #[cfg_attr(test, serde(flatten))]
    pub settings: Shared<PodSettings>,
}

/// The fields of PodSpec a pod keeps as its template set them.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct PodSettings {
    #[cfg_attr(test, serde(default))]
    pub host_network: bool,
    #[cfg_attr(test, serde(default))]
    pub init_containers: Vec<Container>,
    #[cfg_attr(test, serde(default))]
    pub node_selector: StringMap,
    #[cfg_attr(test, serde(default))]
    pub restart_policy: String,
    #[cfg_attr(test, serde(default))]
    pub termination_grace_period_seconds: Option<i64>,
    #[cfg_attr(test, serde(default))]
    pub active_deadline_seconds: Option<i64>,
    #[cfg_attr(test, serde(default))]
    pub dns_policy: String,
    #[cfg_attr(test, serde(default))]
    pub scheduler_name: String,
    #[cfg_attr(test, serde(default))]
    pub priority_class_name: String,
    #[cfg_attr(test, serde(default))]
    pub security_context: Option<serde_json::Value>,
    /// volumes, serviceAccountName and the rest of PodSpec, given back as they came.
    #[cfg_attr(test, serde(flatten))]
    pub extra: Extra,
}

/// The tests' reference for `api::encode`: PodSpec's fields in the order of the Go type (the order `deepHashObject` and the pod
/// template hash see), empty ones left out, then the unmodelled ones.
#[cfg(test)]
impl Serialize for PodSpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let s = &*self.settings;
        let mut m = serializer.serialize_map(None)?;
        m.serialize_entry("containers", &self.containers)?;
        if !s.init_containers.is_empty() {
            m.serialize_entry("initContainers", &s.init_containers)?;
        }
        if !s.node_selector.is_empty() {
            m.serialize_entry("nodeSelector", &s.node_selector)?;
        }
        if let Some(a) = &self.affinity {
            m.serialize_entry("affinity", a)?;
        }
        if !self.tolerations.is_empty() {
            m.serialize_entry("tolerations", &self.tolerations)?;
        }
        if !self.node_name.is_empty() {
            m.serialize_entry("nodeName", &self.node_name)?;
        }
        if s.host_network {
            m.serialize_entry("hostNetwork", &s.host_network)?;
        }
        if !s.restart_policy.is_empty() {
            m.serialize_entry("restartPolicy", &s.restart_policy)?;
        }
        if let Some(v) = &s.termination_grace_period_seconds {
            m.serialize_entry("terminationGracePeriodSeconds", v)?;
        }
        if let Some(v) = &s.active_deadline_seconds {
            m.serialize_entry("activeDeadlineSeconds", v)?;
        }
        if !s.dns_policy.is_empty() {
            m.serialize_entry("dnsPolicy", &s.dns_policy)?;
        }
        if !s.scheduler_name.is_empty() {
            m.serialize_entry("schedulerName", &s.scheduler_name)?;
        }
        if !s.priority_class_name.is_empty() {
            m.serialize_entry("priorityClassName", &s.priority_class_name)?;
        }
        if let Some(v) = &s.security_context {
            m.serialize_entry("securityContext", v)?;
        }
        for (k, v) in s.extra.iter() {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
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

/// A pod's status. What a running pod's kubelet writes is inline; the message, reason and
/// unmodelled fields, set only for a pod that failed or was evicted, are one [`Shared`] value
/// (`more`), empty and shared by every other pod. Serialised with every field in PodStatus's
/// own order by `api::encode`, as if `more` were not there.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
pub struct PodStatus {
    /// A word, shared by the pods that have it (8 bytes).
    #[cfg_attr(test, serde(default))]
    pub phase: Word,
    #[cfg_attr(test, serde(default))]
    pub conditions: Shared<Vec<PodCondition>>,
    /// Shared: the pods of a node hold their node's address (see `Store::update_pod_status`).
    #[cfg_attr(test, serde(default, rename = "hostIP"))]
    pub host_ip: SharedStr,
    #[cfg_attr(test, serde(default, rename = "podIP"))]
    /// Four bytes for the address the kubelet gives (text of other forms kept as it came).
    pub pod_ip: super::IpText,
    /// 8 bytes, not an `Option<Time>`'s 16.
    #[cfg_attr(test, serde(default))]
    pub start_time: MaybeTime,
    #[cfg_attr(test, serde(default))]
    pub container_statuses: Shared<Vec<ContainerStatus>>,
    #[cfg_attr(test, serde(default, rename = "qosClass"))]
    pub qos_class: Word,
    #[cfg_attr(test, serde(flatten))]
    pub more: Shared<PodStatusMore>,
}

/// The parts of PodStatus a pod rarely has.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct PodStatusMore {
    #[cfg_attr(test, serde(default))]
    pub message: String,
    #[cfg_attr(test, serde(default))]
    pub reason: String,
    #[cfg_attr(test, serde(flatten))]
    pub extra: Extra,
}

/// The tests' reference for `api::encode`: PodStatus's fields in the order of the Go type, empty ones left out, then the unmodelled
/// ones.
#[cfg(test)]
impl Serialize for PodStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let more = &*self.more;
        let mut m = serializer.serialize_map(None)?;
        if !self.phase.is_empty() {
            m.serialize_entry("phase", &self.phase)?;
        }
        if !self.conditions.is_empty() {
            m.serialize_entry("conditions", &self.conditions)?;
        }
        if !more.message.is_empty() {
            m.serialize_entry("message", &more.message)?;
        }
        if !more.reason.is_empty() {
            m.serialize_entry("reason", &more.reason)?;
        }
        if !self.host_ip.is_empty() {
            m.serialize_entry("hostIP", &self.host_ip)?;
        }
        if !self.pod_ip.is_empty() {
            m.serialize_entry("podIP", &self.pod_ip)?;
        }
        if let Some(t) = &self.start_time.get() {
            m.serialize_entry("startTime", t)?;
        }
        if !self.container_statuses.is_empty() {
            m.serialize_entry("containerStatuses", &self.container_statuses)?;
        }
        if !self.qos_class.is_empty() {
            m.serialize_entry("qosClass", &self.qos_class)?;
        }
        for (k, v) in more.extra.iter() {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
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
        // The lengths first, here: the five types a kubelet writes differ in length, and the
        // comparison of the text is a call or two at opt-level "z" (the status counts of a
        // DaemonSet read a pod's Ready condition at each visit of its node).
        self.status
            .conditions
            .iter()
            .find(|c| c.type_.len() == type_.len() && c.type_ == type_)
    }

    /// The Ready condition when its status is True: what readiness and availability read.
    fn ready_condition(&self) -> Option<&PodCondition> {
        self.condition("Ready").filter(|c| c.status == "True")
    }

    /// `podutil.IsPodReady`: condition Ready is True (phase is not consulted; spec §3.4).
    pub fn is_ready(&self) -> bool {
        self.ready_condition().is_some()
    }

    /// `podutil.IsPodAvailable` with the v1.34+ inclusive comparison (spec §3.4).
    pub fn is_available(&self, min_ready_seconds: i64, now: Time) -> bool {
        self.ready_available(min_ready_seconds, now) == Some(true)
    }

    /// [`Pod::is_ready`] and [`Pod::is_available`] from one reading of the conditions: `None`
    /// if the pod is not ready, else whether it is available. The DaemonSet status reads both
    /// of every visited node's pod.
    pub fn ready_available(&self, min_ready_seconds: i64, now: Time) -> Option<bool> {
        let ready = self.ready_condition()?;
        Some(
            min_ready_seconds <= 0
                || ready
                    .last_transition_time
                    .is_some_and(|t| t.plus_secs(min_ready_seconds) <= now),
        )
    }

    /// When the pod becomes available, if it is ready and not yet available.
    pub fn available_at(&self, min_ready_seconds: i64) -> Option<Time> {
        let ready = self.ready_condition()?;
        Some(
            ready
                .last_transition_time?
                .plus_secs(min_ready_seconds.max(0)),
        )
    }

    /// When a ready pod that is not available at `now` will be: `None` if it is not ready, is
    /// available, or has no transition time. As `is_ready() && !is_available(..)` then
    /// `available_at(..)`, from one reading of the conditions.
    pub fn becomes_available_at(&self, min_ready_seconds: i64, now: Time) -> Option<Time> {
        if min_ready_seconds <= 0 {
            return None;
        }
        let at = self
            .ready_condition()?
            .last_transition_time?
            .plus_secs(min_ready_seconds);
        (at > now).then_some(at)
    }

    pub fn is_terminal(&self) -> bool {
        self.status.phase == phase::SUCCEEDED || self.status.phase == phase::FAILED
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ObjectMetaMore;

    /// `podutil.IsPodReady` and `IsPodAvailable` (spec §3.4): the one-reading forms the
    /// DaemonSet status uses answer as `is_ready`, `is_available` and `available_at` do, for
    /// every kind of Ready condition (none, False, True with and without a transition time,
    /// behind other conditions) and minReadySeconds below, at and past the transition.
    #[test]
    fn s3_4_readiness_read_once_agrees_with_is_ready_and_is_available() {
        let cond = |type_: &'static str, status: &'static str, at: Option<i64>| PodCondition {
            type_: type_.into(),
            status: status.into(),
            last_transition_time: at.map(Time),
            ..Default::default()
        };
        let scheduled = cond("PodScheduled", "True", Some(0));
        let conditions = [
            vec![],
            vec![scheduled.clone()],
            vec![scheduled.clone(), cond("Ready", "False", Some(5_000))],
            vec![scheduled.clone(), cond("Ready", "True", None)],
            vec![cond("Ready", "True", Some(5_000))],
            vec![
                scheduled,
                cond("Initialized", "True", Some(1_000)),
                cond("Ready", "True", Some(5_000)),
                cond("ContainersReady", "True", Some(5_000)),
            ],
        ];
        for conditions in conditions {
            let mut pod = Pod::default();
            pod.status.conditions = Shared::new(conditions);
            for min_ready_seconds in [-1, 0, 1, 5, 10] {
                for now in [0, 5_000, 9_999, 10_000, 10_001, 20_000].map(Time) {
                    let ready = pod.is_ready();
                    let available = pod.is_available(min_ready_seconds, now);
                    assert_eq!(
                        pod.ready_available(min_ready_seconds, now),
                        ready.then_some(available)
                    );
                    let becomes = (ready && !available)
                        .then(|| pod.available_at(min_ready_seconds))
                        .flatten();
                    assert_eq!(pod.becomes_available_at(min_ready_seconds, now), becomes);
                }
            }
        }
    }

    /// What 200,000 stored pods cost inline (issue 20): the metadata's name and namespace, the
    /// node's name, apiVersion and kind are a pointer each, shared; podIP and resourceVersion
    /// 8 bytes each (an address, a number); the UID 16 bytes (a UUID as its bytes); phase and
    /// qosClass a pointer each; startTime and creationTimestamp 8 bytes each; the affinity a
    /// pointer, shared by a node's DaemonSet pods; the unmodelled spec fields in the template's
    /// shared settings. On 64-bit targets.
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn a_pod_and_a_key_stay_small() {
        assert_eq!(std::mem::size_of::<Pod>(), 176);
        assert_eq!(std::mem::size_of::<crate::api::ObjectKey>(), 16);
    }

    /// The encoders (`api::encode`) keep the Go types' field order, which the pod template hash
    /// (a hash of the JSON text) depends on, and leave out empty fields, as the derives did.
    #[test]
    fn pods_serialise_in_the_go_field_order() {
        let spec = PodSpec {
            node_name: "n1".into(),
            settings: PodSettings {
                host_network: true,
                node_selector: [("a".to_string(), "b".to_string())].into_iter().collect(),
                restart_policy: "Always".into(),
                termination_grace_period_seconds: Some(30),
                dns_policy: "ClusterFirst".into(),
                extra: Extra::from([("volumes".to_string(), serde_json::json!([]))]),
                ..Default::default()
            }
            .into(),
            ..Default::default()
        };
        assert_eq!(
            crate::api::encode::to_string(&spec),
            r#"{"containers":[],"nodeSelector":{"a":"b"},"nodeName":"n1","hostNetwork":true,"restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","volumes":[]}"#
        );
        let meta = ObjectMeta {
            name: "p".into(),
            namespace: "default".into(),
            more: ObjectMetaMore {
                generate_name: "p-".into(),
                generation: 2,
                finalizers: vec!["f".into()],
                ..Default::default()
            }
            .into(),
            ..Default::default()
        };
        assert_eq!(
            crate::api::encode::to_string(&meta),
            r#"{"name":"p","generateName":"p-","namespace":"default","generation":2,"finalizers":["f"]}"#
        );
        let status = PodStatus {
            phase: "Failed".into(),
            host_ip: "10.0.0.1".to_string().into(),
            more: PodStatusMore {
                reason: "Evicted".into(),
                ..Default::default()
            }
            .into(),
            ..Default::default()
        };
        assert_eq!(
            crate::api::encode::to_string(&status),
            r#"{"phase":"Failed","reason":"Evicted","hostIP":"10.0.0.1"}"#
        );
    }
}

//! Pod templates (what workloads hold) and container statuses (what `describe` reads from a
//! pod's unmodelled `initContainerStatuses`).

use super::{Decode, Fields};
use crate::api::{
    Container, ContainerPort, ContainerState, ContainerStateRunning, ContainerStateTerminated,
    ContainerStateWaiting, ContainerStatus, PodSettings, PodSpec, PodTemplateSpec, Probe,
    ResourceRequirements, Toleration,
};
use serde_json::Value;

impl Decode for PodTemplateSpec {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "PodTemplateSpec")?;
        Ok(PodTemplateSpec {
            metadata: f.get("metadata")?,
            spec: f.get("spec")?,
        })
    }
}

impl Decode for PodSpec {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "PodSpec")?;
        // Read in PodSpec's order: the first bad field is the one reported.
        let containers = f.get("containers")?;
        let init_containers = f.get("initContainers")?;
        let node_selector = f.get("nodeSelector")?;
        let affinity = f.get("affinity")?;
        let tolerations = f.get("tolerations")?;
        let node_name = f.get("nodeName")?;
        let host_network = f.get("hostNetwork")?;
        let settings = PodSettings {
            host_network,
            init_containers,
            node_selector,
            restart_policy: f.get("restartPolicy")?,
            termination_grace_period_seconds: f.get("terminationGracePeriodSeconds")?,
            active_deadline_seconds: f.get("activeDeadlineSeconds")?,
            dns_policy: f.get("dnsPolicy")?,
            scheduler_name: f.get("schedulerName")?,
            priority_class_name: f.get("priorityClassName")?,
            security_context: f.get("securityContext")?,
            extra: f.rest(),
        };
        Ok(PodSpec {
            containers,
            affinity,
            tolerations,
            node_name,
            settings: settings.into(),
        })
    }
}

impl Decode for Container {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "Container")?;
        Ok(Container {
            name: f.get("name")?,
            image: f.get("image")?,
            ports: f.get("ports")?,
            resources: f.get("resources")?,
            readiness_probe: f.get("readinessProbe")?,
            image_pull_policy: f.get("imagePullPolicy")?,
            extra: f.rest(),
        })
    }
}

impl Decode for ContainerPort {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "ContainerPort")?;
        Ok(ContainerPort {
            name: f.get("name")?,
            container_port: f.get("containerPort")?,
            host_port: f.get("hostPort")?,
            protocol: f.get("protocol")?,
            host_ip: f.get("hostIP")?,
        })
    }
}

impl Decode for ResourceRequirements {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "ResourceRequirements")?;
        Ok(ResourceRequirements {
            limits: f.get("limits")?,
            requests: f.get("requests")?,
            extra: f.rest(),
        })
    }
}

impl Decode for Probe {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "Probe")?;
        Ok(Probe {
            initial_delay_seconds: f.get("initialDelaySeconds")?,
            period_seconds: f.get("periodSeconds")?,
            timeout_seconds: f.get("timeoutSeconds")?,
            success_threshold: f.get("successThreshold")?,
            failure_threshold: f.get("failureThreshold")?,
            extra: f.rest(),
        })
    }
}

impl Decode for Toleration {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "Toleration")?;
        Ok(Toleration {
            key: f.get("key")?,
            operator: f.get("operator")?,
            value: f.get("value")?,
            effect: f.get("effect")?,
            toleration_seconds: f.get("tolerationSeconds")?,
        })
    }
}

impl Decode for ContainerStatus {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "ContainerStatus")?;
        Ok(ContainerStatus {
            name: f.required("name")?,
            image: f.get("image")?,
            image_id: f.get("imageID")?,
            container_id: f.get("containerID")?,
            ready: f.get("ready")?,
            restart_count: f.get("restartCount")?,
            started: f.get("started")?,
            state: f.get("state")?,
            last_state: f.get("lastState")?,
        })
    }
}

impl Decode for ContainerState {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "ContainerState")?;
        Ok(ContainerState {
            waiting: f.get("waiting")?,
            running: f.get("running")?,
            terminated: f.get("terminated")?,
        })
    }
}

impl Decode for ContainerStateWaiting {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "ContainerStateWaiting")?;
        Ok(ContainerStateWaiting {
            reason: f.get("reason")?,
            message: f.get("message")?,
        })
    }
}

impl Decode for ContainerStateRunning {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "ContainerStateRunning")?;
        Ok(ContainerStateRunning {
            started_at: f.get("startedAt")?,
        })
    }
}

impl Decode for ContainerStateTerminated {
    fn decode(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v, "ContainerStateTerminated")?;
        Ok(ContainerStateTerminated {
            exit_code: f.required("exitCode")?,
            reason: f.get("reason")?,
            message: f.get("message")?,
            started_at: f.get("startedAt")?,
            finished_at: f.get("finishedAt")?,
        })
    }
}

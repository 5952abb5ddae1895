//! `Pod`, its spec and status, and the pod template.

use super::{Encode, Object, Out};
use crate::api::{
    Container, ContainerPort, ContainerState, ContainerStateRunning, ContainerStateTerminated,
    ContainerStateWaiting, ContainerStatus, POD_API_VERSION, POD_KIND, Pod, PodCondition, PodSpec,
    PodStatus, PodTemplateSpec, Probe, ResourceRequirements, Str, Toleration,
};

impl Encode for Pod {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("apiVersion", &Str::Borrowed(POD_API_VERSION));
        o.field("kind", &Str::Borrowed(POD_KIND));
        o.field("metadata", &self.metadata);
        o.field("spec", &self.spec);
        o.field("status", &self.status);
        o.end();
    }
}

impl Encode for PodTemplateSpec {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("metadata", &self.metadata);
        o.field("spec", &self.spec);
        o.end();
    }
}

impl Encode for PodSpec {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("containers", &self.containers);
        o.unless_empty("initContainers", &self.settings.init_containers);
        o.unless_empty("nodeSelector", &self.settings.node_selector);
        o.unless_empty("affinity", &self.affinity);
        o.unless_empty("tolerations", &self.tolerations);
        o.unless_empty("nodeName", &self.node_name);
        o.unless_empty("hostNetwork", &self.settings.host_network);
        o.unless_empty("restartPolicy", &self.settings.restart_policy);
        o.unless_empty(
            "terminationGracePeriodSeconds",
            &self.settings.termination_grace_period_seconds,
        );
        o.unless_empty(
            "activeDeadlineSeconds",
            &self.settings.active_deadline_seconds,
        );
        o.unless_empty("dnsPolicy", &self.settings.dns_policy);
        o.unless_empty("schedulerName", &self.settings.scheduler_name);
        o.unless_empty("priorityClassName", &self.settings.priority_class_name);
        o.unless_empty("securityContext", &self.settings.security_context);
        o.extra(&self.settings.extra);
        o.end();
    }
}

impl Encode for Container {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("name", &self.name);
        o.unless_empty("image", &self.image);
        o.unless_empty("ports", &self.ports);
        o.unless_empty("resources", &self.resources);
        o.unless_empty("readinessProbe", &self.readiness_probe);
        o.unless_empty("imagePullPolicy", &self.image_pull_policy);
        o.extra(&self.extra);
        o.end();
    }
}

impl Encode for ContainerPort {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("name", &self.name);
        o.field("containerPort", &self.container_port);
        o.unless_empty("hostPort", &self.host_port);
        o.unless_empty("protocol", &self.protocol);
        o.unless_empty("hostIP", &self.host_ip);
        o.end();
    }
}

impl Encode for ResourceRequirements {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("limits", &self.limits);
        o.unless_empty("requests", &self.requests);
        o.extra(&self.extra);
        o.end();
    }
}

impl Encode for Probe {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("initialDelaySeconds", &self.initial_delay_seconds);
        o.unless_empty("periodSeconds", &self.period_seconds);
        o.unless_empty("timeoutSeconds", &self.timeout_seconds);
        o.unless_empty("successThreshold", &self.success_threshold);
        o.unless_empty("failureThreshold", &self.failure_threshold);
        o.extra(&self.extra);
        o.end();
    }
}

impl Encode for Toleration {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("key", &self.key);
        o.unless_empty("operator", &self.operator);
        o.unless_empty("value", &self.value);
        o.unless_empty("effect", &self.effect);
        o.unless_empty("tolerationSeconds", &self.toleration_seconds);
        o.end();
    }
}

impl Encode for PodStatus {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("phase", &self.phase);
        o.unless_empty("conditions", &self.conditions);
        o.unless_empty("message", &self.more.message);
        o.unless_empty("reason", &self.more.reason);
        o.unless_empty("hostIP", &self.host_ip);
        o.unless_empty("podIP", &self.pod_ip);
        o.unless_empty("startTime", &self.start_time.get());
        o.unless_empty("containerStatuses", &self.container_statuses);
        o.unless_empty("qosClass", &self.qos_class);
        o.extra(&self.more.extra);
        o.end();
    }
}

impl Encode for PodCondition {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("type", &self.type_);
        o.field("status", &self.status);
        o.unless_empty("lastProbeTime", &self.last_probe_time);
        o.unless_empty("lastTransitionTime", &self.last_transition_time);
        o.unless_empty("reason", &self.reason);
        o.unless_empty("message", &self.message);
        o.end();
    }
}

impl Encode for ContainerStatus {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("name", &self.name);
        o.field("image", &self.image);
        o.unless_empty("imageID", &self.image_id);
        o.unless_empty("containerID", &self.container_id);
        o.field("ready", &self.ready);
        o.field("restartCount", &self.restart_count);
        o.unless_empty("started", &self.started);
        o.field("state", &self.state);
        o.unless_empty("lastState", &self.last_state);
        o.end();
    }
}

impl Encode for ContainerState {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("waiting", &self.waiting);
        o.unless_empty("running", &self.running);
        o.unless_empty("terminated", &self.terminated);
        o.end();
    }
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl Encode for ContainerStateWaiting {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("reason", &self.reason);
        o.unless_empty("message", &self.message);
        o.end();
    }
}

impl Encode for ContainerStateRunning {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.unless_empty("startedAt", &self.started_at);
        o.end();
    }
}

impl Encode for ContainerStateTerminated {
    fn write(&self, out: &mut Out) {
        let mut o = Object::new(out);
        o.field("exitCode", &self.exit_code);
        o.unless_empty("reason", &self.reason);
        o.unless_empty("message", &self.message);
        o.unless_empty("startedAt", &self.started_at);
        o.unless_empty("finishedAt", &self.finished_at);
        o.end();
    }
}

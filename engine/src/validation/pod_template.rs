//! `ValidatePodTemplateSpec` and the parts of `ValidatePodSpec` a DaemonSet template exercises
//! (`pkg/apis/core/validation/validation.go`), in Kubernetes' order: grace period, volumes,
//! containers, init containers, host-network ports, restart and DNS policy, node selector,
//! affinity, DNS config, names, deadline, tolerations, priority class.
//!
//! Fields the object model carries as raw JSON (`volumes`, `env`, `volumeMounts`, probes other
//! than `readinessProbe`, `lifecycle`) are read from it and checked as far as their shape
//! allows; anything that is not the expected shape is ignored rather than guessed at. Not
//! checked: security contexts, pod (anti-)affinity, topology spread, resource names and
//! quantities (only request ≤ limit), env `valueFrom`, volume source details beyond the required
//! name/path fields.

use super::field_error::{
    Errors, FieldError, Path, Value, json_string, json_value, nonnegative, nonnegative_quantity,
};
use super::meta::{validate_annotations, validate_label_name, validate_labels};
use super::seen::Seen;
use super::tolerations::validate_tolerations;
use crate::api::encode;
use crate::api::syntax;
use crate::api::{
    Affinity, Container, Extra, NodeSelectorRequirement, NodeSelectorTerm, PodSpec, PodTemplateSpec,
};
use serde_json::Value as Json;

/// `ValidatePodTemplateSpec`. Note Kubernetes' paths for the template's labels and annotations:
/// `spec.template.labels`, not `spec.template.metadata.labels`.
pub(crate) fn validate_pod_template_spec(errs: &mut Errors, t: &PodTemplateSpec, path: &Path) {
    validate_labels(errs, &t.metadata.labels, &path.child("labels"));
    validate_annotations(errs, &t.metadata.annotations, &path.child("annotations"));
    let spec_path = path.child("spec");
    validate_pod_spec(errs, &t.spec, &spec_path);
    if !extra_array(&t.spec.settings.extra, "ephemeralContainers").is_empty() {
        errs.push(FieldError::forbidden(
            &spec_path.child("ephemeralContainers"),
            "ephemeral containers not allowed in pod template",
        ));
    }
}

// ---------------------------------------------------------------------------------------------
// Raw JSON helpers

fn extra_array<'a>(extra: &'a Extra, key: &str) -> &'a [Json] {
    extra
        .get(key)
        .and_then(Json::as_array)
        .map_or(&[], Vec::as_slice)
}

fn extra_str<'a>(extra: &'a Extra, key: &str) -> Option<&'a str> {
    extra.get(key).and_then(Json::as_str)
}

fn present(v: &Json, key: &str) -> bool {
    v.get(key).is_some_and(|x| !x.is_null())
}

fn get_str<'a>(v: &'a Json, key: &str) -> &'a str {
    v.get(key).and_then(Json::as_str).unwrap_or("")
}

fn get_i64(v: &Json, key: &str) -> Option<i64> {
    v.get(key).and_then(Json::as_i64)
}

// ---------------------------------------------------------------------------------------------
// PodSpec

fn validate_pod_spec(errs: &mut Errors, spec: &PodSpec, p: &Path) {
    if spec.settings.termination_grace_period_seconds.is_none() {
        errs.push(FieldError::required(
            &p.child("terminationGracePeriodSeconds"),
            "",
        ));
    }
    let volumes = validate_volumes(
        errs,
        extra_array(&spec.settings.extra, "volumes"),
        &p.child("volumes"),
    );
    validate_containers(errs, &spec.containers, &volumes, &p.child("containers"));
    validate_init_containers(
        errs,
        &spec.settings.init_containers,
        &spec.containers,
        &volumes,
        &p.child("initContainers"),
    );
    if spec.settings.host_network {
        for (i, c) in spec.containers.iter().enumerate() {
            for (j, port) in c.ports.iter().enumerate() {
                let hp = port.host_port.unwrap_or(0);
                if hp != 0 && hp != port.container_port {
                    errs.push(FieldError::invalid(
                        &p.child("containers")
                            .index(i)
                            .child("ports")
                            .index(j)
                            .child("hostPort"),
                        Value::int(hp.into()),
                        "must match `containerPort` when `hostNetwork` is true",
                    ));
                }
            }
        }
    }
    enum_field(
        errs,
        &spec.settings.restart_policy,
        &["Always", "OnFailure", "Never"],
        Value::str(&spec.settings.restart_policy),
        &p.child("restartPolicy"),
    );
    let dns_policies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
    enum_field(
        errs,
        &spec.settings.dns_policy,
        &dns_policies,
        Value::Json(json_string(&spec.settings.dns_policy)),
        &p.child("dnsPolicy"),
    );
    validate_labels(errs, &spec.settings.node_selector, &p.child("nodeSelector"));
    if let Some(affinity) = &spec.affinity {
        validate_affinity(errs, affinity, &p.child("affinity"));
    }
    if spec.settings.dns_policy == "None" {
        match spec
            .settings
            .extra
            .get("dnsConfig")
            .filter(|v| !v.is_null())
        {
            None => errs.push(FieldError::required(
                &p.child("dnsConfig"),
                "must provide `dnsConfig` when `dnsPolicy` is None",
            )),
            Some(cfg) => {
                let empty = cfg
                    .get("nameservers")
                    .and_then(Json::as_array)
                    .is_none_or(Vec::is_empty);
                if empty {
                    errs.push(FieldError::required(
                        &p.child("dnsConfig").child("nameservers"),
                        "must provide at least one DNS nameserver when `dnsPolicy` is None",
                    ));
                }
            }
        }
    }
    if let Some(sa) =
        extra_str(&spec.settings.extra, "serviceAccountName").filter(|s| !s.is_empty())
    {
        for msg in syntax::name_is_dns_subdomain(sa, false) {
            errs.push(FieldError::invalid(
                &p.child("serviceAccountName"),
                Value::str(sa),
                &msg,
            ));
        }
    }
    if !spec.node_name.is_empty() {
        for msg in syntax::name_is_dns_subdomain(&spec.node_name, false) {
            errs.push(FieldError::invalid(
                &p.child("nodeName"),
                Value::str(&spec.node_name),
                &msg,
            ));
        }
    }
    if let Some(v) = spec.settings.active_deadline_seconds
        && !(1..=i64::from(i32::MAX)).contains(&v)
    {
        errs.push(FieldError::invalid(
            &p.child("activeDeadlineSeconds"),
            Value::int(v),
            "must be between 1 and 2147483647, inclusive",
        ));
    }
    for key in ["hostname", "subdomain"] {
        if let Some(v) = extra_str(&spec.settings.extra, key).filter(|s| !s.is_empty()) {
            for msg in syntax::dns1123_label(v) {
                errs.push(FieldError::invalid(&p.child(key), Value::str(v), &msg));
            }
        }
    }
    if !spec.tolerations.is_empty() {
        validate_tolerations(errs, &spec.tolerations, &p.child("tolerations"));
    }
    if !spec.settings.priority_class_name.is_empty() {
        for msg in syntax::name_is_dns_subdomain(&spec.settings.priority_class_name, false) {
            errs.push(FieldError::invalid(
                &p.child("priorityClassName"),
                Value::str(&spec.settings.priority_class_name),
                &msg,
            ));
        }
    }
    if let Some(rc) = extra_str(&spec.settings.extra, "runtimeClassName") {
        for msg in syntax::name_is_dns_subdomain(rc, false) {
            errs.push(FieldError::invalid(
                &p.child("runtimeClassName"),
                Value::str(rc),
                &msg,
            ));
        }
    }
    if let Some(pp) = extra_str(&spec.settings.extra, "preemptionPolicy") {
        enum_field(
            errs,
            pp,
            &["PreemptLowerPriority", "Never"],
            Value::Json(json_string(pp)),
            &p.child("preemptionPolicy"),
        );
    }
}

/// An enumerated field: empty is `Required`, unknown is `Unsupported value`.
fn enum_field(errs: &mut Errors, v: &str, allowed: &[&str], value: Value, path: &Path) {
    if v.is_empty() {
        errs.push(FieldError::required(path, ""));
    } else if !allowed.contains(&v) {
        errs.push(FieldError::not_supported(path, value, allowed));
    }
}

// ---------------------------------------------------------------------------------------------
// Volumes

/// Volume sources in the order `validateVolumeSource` checks them: (JSON key, the path name
/// Kubernetes reports it under when a second source is given; sic `cephFS`, `downwarAPI`).
const VOLUME_SOURCES: [(&str, &str); 30] = [
    ("emptyDir", "emptyDir"),
    ("hostPath", "hostPath"),
    ("gitRepo", "gitRepo"),
    ("gcePersistentDisk", "gcePersistentDisk"),
    ("awsElasticBlockStore", "awsElasticBlockStore"),
    ("secret", "secret"),
    ("nfs", "nfs"),
    ("iscsi", "iscsi"),
    ("glusterfs", "glusterfs"),
    ("flocker", "flocker"),
    ("persistentVolumeClaim", "persistentVolumeClaim"),
    ("rbd", "rbd"),
    ("cinder", "cinder"),
    ("cephfs", "cephFS"),
    ("quobyte", "quobyte"),
    ("downwardAPI", "downwarAPI"),
    ("fc", "fc"),
    ("flexVolume", "flexVolume"),
    ("configMap", "configMap"),
    ("azureFile", "azureFile"),
    ("vsphereVolume", "vsphereVolume"),
    ("photonPersistentDisk", "photonPersistentDisk"),
    ("portworxVolume", "portworxVolume"),
    ("azureDisk", "azureDisk"),
    ("storageos", "storageos"),
    ("projected", "projected"),
    ("scaleIO", "scaleIO"),
    ("csi", "csi"),
    ("ephemeral", "ephemeral"),
    ("image", "image"),
];

/// `ValidateVolumes`: returns the names of the valid volumes (mounts may refer only to those).
fn validate_volumes(errs: &mut Errors, volumes: &[Json], path: &Path) -> Seen {
    let mut valid = Seen::default();
    for (i, vol) in volumes.iter().enumerate() {
        let idx = path.index(i);
        let mut el = Errors::new();
        let mut count = 0;
        for (key, report_as) in VOLUME_SOURCES {
            if !present(vol, key) {
                continue;
            }
            if count > 0 {
                el.push(FieldError::forbidden(
                    &idx.child(report_as),
                    "may not specify more than 1 volume type",
                ));
                continue;
            }
            count += 1;
            let src = &vol[key];
            let required = match key {
                "hostPath" => Some("path"),
                "secret" => Some("secretName"),
                "configMap" => Some("name"),
                "persistentVolumeClaim" => Some("claimName"),
                _ => None,
            };
            if let Some(field) = required
                && get_str(src, field).is_empty()
            {
                el.push(FieldError::required(&idx.child(key).child(field), ""));
            }
        }
        if count == 0 {
            el.push(FieldError::required(&idx, "must specify a volume type"));
        }
        let name = get_str(vol, "name");
        let name_path = idx.child("name");
        if name.is_empty() {
            el.push(FieldError::required(&name_path, ""));
        } else {
            for msg in syntax::dns1123_label(name) {
                el.push(FieldError::invalid(&name_path, Value::str(name), &msg));
            }
        }
        if valid.contains(name) {
            el.push(FieldError::duplicate(&name_path, Value::str(name), ""));
        }
        if el.is_empty() {
            valid.insert(name);
        } else {
            errs.append(&mut el);
        }
    }
    valid
}

// ---------------------------------------------------------------------------------------------
// Containers

/// `validateContainers` (regular containers).
fn validate_containers(errs: &mut Errors, containers: &[Container], vols: &Seen, path: &Path) {
    if containers.is_empty() {
        errs.push(FieldError::required(path, ""));
        return;
    }
    let mut seen = Seen::default();
    for (i, c) in containers.iter().enumerate() {
        let idx = path.index(i);
        validate_container_common(errs, c, vols, &idx);
        if !seen.insert(&c.name) {
            errs.push(FieldError::duplicate(
                &idx.child("name"),
                Value::str(&c.name),
                "",
            ));
        }
        validate_probes_and_lifecycle(errs, c, &idx);
        if c.extra.get("restartPolicy").is_some_and(|v| !v.is_null()) {
            errs.push(FieldError::forbidden(
                &idx.child("restartPolicy"),
                "may not be set for non-init containers",
            ));
        }
    }
    check_host_port_conflicts(errs, containers, path);
}

/// `validateInitContainers`.
fn validate_init_containers(
    errs: &mut Errors,
    inits: &[Container],
    regular: &[Container],
    vols: &Seen,
    path: &Path,
) {
    let mut seen = Seen::default();
    for c in regular {
        seen.insert(&c.name);
    }
    for (i, c) in inits.iter().enumerate() {
        let idx = path.index(i);
        validate_container_common(errs, c, vols, &idx);
        let mut restart_always = false;
        if let Some(rp) = c.extra.get("restartPolicy").filter(|v| !v.is_null()) {
            if rp.as_str() == Some("Always") {
                restart_always = true;
            } else {
                let value = match rp.as_str() {
                    Some(s) => Value::str(s),
                    None => Value::Json(json_value(rp)),
                };
                errs.push(FieldError::not_supported(
                    &idx.child("restartPolicy"),
                    value,
                    &["Always"],
                ));
            }
        }
        if seen.contains(&c.name) {
            errs.push(FieldError::duplicate(
                &idx.child("name"),
                Value::str(&c.name),
                "",
            ));
        } else if !c.name.is_empty() {
            seen.insert(&c.name);
        }
        // Kubernetes checks each init container on its own, as a list of one: index 0.
        check_host_port_conflicts(errs, std::slice::from_ref(c), path);
        if restart_always {
            validate_probes_and_lifecycle(errs, c, &idx);
        } else {
            let forbidden = [
                (
                    "lifecycle",
                    c.extra.get("lifecycle").is_some_and(|v| !v.is_null()),
                ),
                (
                    "livenessProbe",
                    c.extra.get("livenessProbe").is_some_and(|v| !v.is_null()),
                ),
                ("readinessProbe", c.readiness_probe.is_some()),
                (
                    "startupProbe",
                    c.extra.get("startupProbe").is_some_and(|v| !v.is_null()),
                ),
            ];
            for (field, set) in forbidden {
                if set {
                    errs.push(FieldError::forbidden(
                        &idx.child(field),
                        "may not be set for init containers without restartPolicy=Always",
                    ));
                }
            }
        }
    }
}

/// `validateContainerCommon`.
fn validate_container_common(errs: &mut Errors, c: &Container, vols: &Seen, p: &Path) {
    let name_path = p.child("name");
    if c.name.is_empty() {
        errs.push(FieldError::required(&name_path, ""));
    } else {
        for msg in syntax::dns1123_label(&c.name) {
            errs.push(FieldError::invalid(&name_path, Value::str(&c.name), &msg));
        }
    }
    if c.image.is_empty() {
        errs.push(FieldError::required(&p.child("image"), ""));
    }
    let tmp_path = p.child("terminationMessagePolicy");
    let policies = ["File", "FallbackToLogsOnError"];
    match c.extra.get("terminationMessagePolicy") {
        None | Some(Json::Null) => errs.push(FieldError::required(&tmp_path, "")),
        Some(Json::String(s)) => enum_field(errs, s, &policies, Value::str(s), &tmp_path),
        Some(other) => errs.push(FieldError::not_supported(
            &tmp_path,
            Value::Json(json_value(other)),
            &policies,
        )),
    }
    validate_ports(errs, c, &p.child("ports"));
    validate_env(errs, extra_array(&c.extra, "env"), &p.child("env"));
    validate_volume_mounts(
        errs,
        extra_array(&c.extra, "volumeMounts"),
        vols,
        &p.child("volumeMounts"),
    );
    enum_field(
        errs,
        &c.image_pull_policy,
        &["Always", "IfNotPresent", "Never"],
        Value::str(&c.image_pull_policy),
        &p.child("imagePullPolicy"),
    );
    validate_resources(errs, c, &p.child("resources"));
}

/// `validateContainerPorts`.
fn validate_ports(errs: &mut Errors, c: &Container, path: &Path) {
    let mut names_seen = Seen::default();
    for (i, port) in c.ports.iter().enumerate() {
        let idx = path.index(i);
        if !port.name.is_empty() {
            let msgs = syntax::port_name(&port.name);
            if !msgs.is_empty() {
                for msg in msgs {
                    errs.push(FieldError::invalid(
                        &idx.child("name"),
                        Value::str(&port.name),
                        &msg,
                    ));
                }
            } else if !names_seen.insert(&port.name) {
                errs.push(FieldError::duplicate(
                    &idx.child("name"),
                    Value::str(&port.name),
                    "",
                ));
            }
        }
        if port.container_port == 0 {
            errs.push(FieldError::required(&idx.child("containerPort"), ""));
        } else {
            for msg in syntax::port_num(port.container_port.into()) {
                errs.push(FieldError::invalid(
                    &idx.child("containerPort"),
                    Value::int(port.container_port.into()),
                    &msg,
                ));
            }
        }
        if let Some(hp) = port.host_port.filter(|hp| *hp != 0) {
            for msg in syntax::port_num(hp.into()) {
                errs.push(FieldError::invalid(
                    &idx.child("hostPort"),
                    Value::int(hp.into()),
                    &msg,
                ));
            }
        }
        enum_field(
            errs,
            &port.protocol,
            &["SCTP", "TCP", "UDP"],
            Value::str(&port.protocol),
            &idx.child("protocol"),
        );
    }
}

/// `AccumulateUniqueHostPorts`: `protocol/hostIP/port` must be unique.
fn check_host_port_conflicts(errs: &mut Errors, containers: &[Container], path: &Path) {
    let mut seen = Seen::default();
    for (ci, c) in containers.iter().enumerate() {
        for (pi, port) in c.ports.iter().enumerate() {
            let Some(hp) = port.host_port.filter(|hp| *hp != 0) else {
                continue;
            };
            let key = format!("{}/{}/{}", port.protocol, port.host_ip, hp);
            if !seen.insert(&key) {
                errs.push(FieldError::duplicate(
                    &path.index(ci).child("ports").index(pi).child("hostPort"),
                    Value::str(&key),
                    "",
                ));
            }
        }
    }
}

/// `ValidateEnv` (names only; relaxed names, the GA behaviour).
fn validate_env(errs: &mut Errors, env: &[Json], path: &Path) {
    for (i, e) in env.iter().enumerate() {
        let name_path = path.index(i).child("name");
        let name = get_str(e, "name");
        if name.is_empty() {
            errs.push(FieldError::required(&name_path, ""));
        } else {
            for msg in syntax::relaxed_env_var_name(name) {
                errs.push(FieldError::invalid(&name_path, Value::str(name), &msg));
            }
        }
    }
}

/// `ValidateVolumeMounts` (names, paths, uniqueness).
fn validate_volume_mounts(errs: &mut Errors, mounts: &[Json], vols: &Seen, path: &Path) {
    let mut mount_points = Seen::default();
    for (i, m) in mounts.iter().enumerate() {
        let idx = path.index(i);
        let name = get_str(m, "name");
        if name.is_empty() {
            errs.push(FieldError::required(&idx.child("name"), ""));
        }
        if !vols.contains(name) {
            errs.push(FieldError::not_found(&idx.child("name"), Value::str(name)));
        }
        let mount_path = get_str(m, "mountPath");
        if mount_path.is_empty() {
            errs.push(FieldError::required(&idx.child("mountPath"), ""));
        }
        if !mount_points.insert(mount_path) {
            errs.push(FieldError::invalid(
                &idx.child("mountPath"),
                Value::str(mount_path),
                "must be unique",
            ));
        }
    }
}

/// `helper.IsOvercommitAllowed`: native resources other than huge pages.
fn overcommit_allowed(resource: &str) -> bool {
    let native = !resource.contains('/') || resource.contains("kubernetes.io/");
    native && !resource.starts_with("hugepages-")
}

/// `validateResourceRequirements`: no negative quantity (`ValidateResourceQuantityValue`; the
/// resource names and integer resources are not checked), and requests against limits (compared
/// exactly, as `Quantity.Cmp` does). Quantities are printed as `Quantity.String()` prints them
/// (`0.5` → `500m`).
fn validate_resources(errs: &mut Errors, c: &Container, path: &Path) {
    let Some(res) = &c.resources else {
        return;
    };
    let (lim_path, req_path) = (path.child("limits"), path.child("requests"));
    for (name, limit) in &res.limits {
        nonnegative_quantity(errs, limit, &lim_path.key(name));
    }
    for (name, req) in &res.requests {
        nonnegative_quantity(errs, req, &req_path.key(name));
        match res.limits.get(name) {
            Some(limit) => {
                let Some(order) = req.cmp_value(limit) else {
                    continue;
                };
                let (req_text, limit_text) = (req.to_string(), limit.to_string());
                if order.is_ne() && !overcommit_allowed(name) {
                    errs.push(FieldError::invalid(
                        &req_path,
                        Value::str(&req_text),
                        &format!("must be equal to {name} limit of {limit_text}"),
                    ));
                } else if order.is_gt() {
                    errs.push(FieldError::invalid(
                        &req_path,
                        Value::str(&req_text),
                        &format!("must be less than or equal to {name} limit of {limit_text}"),
                    ));
                }
            }
            None if !overcommit_allowed(name) => errs.push(FieldError::required(
                &lim_path,
                "Limit must be set for non overcommitable resources",
            )),
            None => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Probes and lifecycle

#[derive(Clone, Copy, PartialEq, Eq)]
enum ProbeKind {
    Liveness,
    Readiness,
    Startup,
}

fn validate_probes_and_lifecycle(errs: &mut Errors, c: &Container, idx: &Path) {
    if let Some(lc) = c.extra.get("lifecycle").filter(|v| !v.is_null()) {
        for hook in ["postStart", "preStop"] {
            if let Some(h) = lc.get(hook).filter(|v| !v.is_null()) {
                validate_handler(errs, h, true, &idx.child("lifecycle").child(hook));
            }
        }
    }
    if let Some(probe) = c.extra.get("livenessProbe").filter(|v| !v.is_null()) {
        validate_probe(
            errs,
            probe,
            ProbeKind::Liveness,
            &idx.child("livenessProbe"),
        );
    }
    if let Some(probe) = c.readiness_probe.as_ref().map(|p| encode::to_value(p)) {
        validate_probe(
            errs,
            &probe,
            ProbeKind::Readiness,
            &idx.child("readinessProbe"),
        );
    }
    if let Some(probe) = c.extra.get("startupProbe").filter(|v| !v.is_null()) {
        validate_probe(errs, probe, ProbeKind::Startup, &idx.child("startupProbe"));
    }
}

/// `validateProbe` and the per-kind rules. Only values that are set are checked: Kubernetes
/// checks them after defaulting, and the defaults are valid.
fn validate_probe(errs: &mut Errors, probe: &Json, kind: ProbeKind, p: &Path) {
    validate_handler(errs, probe, false, p);
    for field in [
        "initialDelaySeconds",
        "timeoutSeconds",
        "periodSeconds",
        "successThreshold",
        "failureThreshold",
    ] {
        if let Some(n) = get_i64(probe, field) {
            nonnegative(errs, n, &p.child(field));
        }
    }
    if let Some(n) = get_i64(probe, "terminationGracePeriodSeconds")
        && n <= 0
    {
        errs.push(FieldError::invalid(
            &p.child("terminationGracePeriodSeconds"),
            Value::int(n),
            "must be greater than 0",
        ));
    }
    match kind {
        ProbeKind::Liveness | ProbeKind::Startup => {
            if let Some(n) = get_i64(probe, "successThreshold")
                && n != 1
            {
                errs.push(FieldError::invalid(
                    &p.child("successThreshold"),
                    Value::int(n),
                    "must be 1",
                ));
            }
        }
        ProbeKind::Readiness => {
            if let Some(v) = probe
                .get("terminationGracePeriodSeconds")
                .filter(|v| !v.is_null())
            {
                errs.push(FieldError::invalid(
                    &p.child("terminationGracePeriodSeconds"),
                    Value::Json(json_value(v)),
                    "must not be set for readinessProbes",
                ));
            }
        }
    }
}

/// `validateHandler`: exactly one handler type (`sleep` only in lifecycle hooks).
fn validate_handler(errs: &mut Errors, h: &Json, allow_sleep: bool, p: &Path) {
    let kinds: &[&str] = if allow_sleep {
        &["exec", "httpGet", "tcpSocket", "grpc", "sleep"]
    } else {
        &["exec", "httpGet", "tcpSocket", "grpc"]
    };
    let mut count = 0;
    for kind in kinds {
        if !present(h, kind) {
            continue;
        }
        let kp = p.child(kind);
        if count > 0 {
            errs.push(FieldError::forbidden(
                &kp,
                "may not specify more than 1 handler type",
            ));
            continue;
        }
        count += 1;
        let action = &h[*kind];
        match *kind {
            "exec" => {
                let empty = action
                    .get("command")
                    .and_then(Json::as_array)
                    .is_none_or(Vec::is_empty);
                if empty {
                    errs.push(FieldError::required(&kp.child("command"), ""));
                }
            }
            "httpGet" => {
                validate_port_num_or_name(errs, action.get("port"), &kp.child("port"));
                if let Some(scheme) = action.get("scheme").and_then(Json::as_str)
                    && !scheme.is_empty()
                    && scheme != "HTTP"
                    && scheme != "HTTPS"
                {
                    errs.push(FieldError::not_supported(
                        &kp.child("scheme"),
                        Value::str(scheme),
                        &["HTTP", "HTTPS"],
                    ));
                }
            }
            "tcpSocket" | "grpc" => {
                validate_port_num_or_name(errs, action.get("port"), &kp.child("port"));
            }
            _ => {}
        }
    }
    if count == 0 {
        errs.push(FieldError::required(p, "must specify a handler type"));
    }
}

/// `ValidatePortNumOrName`; an absent port is the zero int.
fn validate_port_num_or_name(errs: &mut Errors, port: Option<&Json>, p: &Path) {
    match port {
        Some(Json::String(name)) => {
            for msg in syntax::port_name(name) {
                errs.push(FieldError::invalid(p, Value::str(name), &msg));
            }
        }
        Some(Json::Number(n)) => {
            if let Some(n) = n.as_i64() {
                for msg in syntax::port_num(n) {
                    errs.push(FieldError::invalid(p, Value::int(n), &msg));
                }
            }
        }
        None | Some(Json::Null) => {
            for msg in syntax::port_num(0) {
                errs.push(FieldError::invalid(p, Value::int(0), &msg));
            }
        }
        Some(_) => {}
    }
}

// ---------------------------------------------------------------------------------------------
// Node affinity

fn validate_affinity(errs: &mut Errors, a: &Affinity, p: &Path) {
    let Some(na) = &a.node_affinity else {
        return;
    };
    let nap = p.child("nodeAffinity");
    if let Some(required) = &na.required {
        let terms_path = nap
            .child("requiredDuringSchedulingIgnoredDuringExecution")
            .child("nodeSelectorTerms");
        if required.node_selector_terms.is_empty() {
            errs.push(FieldError::required(
                &terms_path,
                "must have at least one node selector term",
            ));
        } else {
            for (i, term) in required.node_selector_terms.iter().enumerate() {
                validate_node_selector_term(errs, term, false, &terms_path.index(i));
            }
        }
    }
    if let Some(preferred) = na.preferred.as_ref().filter(|p| !p.is_empty()) {
        let pp = nap.child("preferredDuringSchedulingIgnoredDuringExecution");
        for (i, item) in preferred.iter().enumerate() {
            let weight = get_i64(item, "weight").unwrap_or(0);
            if !(1..=100).contains(&weight) {
                errs.push(FieldError::invalid(
                    &pp.index(i).child("weight"),
                    Value::int(weight),
                    "must be in the range 1-100",
                ));
            }
            // The term is carried untyped in `NodeAffinity::preferred`: one with a part of the
            // wrong type is not validated.
            let term = item
                .get("preference")
                .and_then(|v| crate::api::decode::from_value::<NodeSelectorTerm>(v.clone()).ok())
                .unwrap_or_default();
            // Preferred terms always allow invalid label values.
            validate_node_selector_term(errs, &term, true, &pp.index(i).child("preference"));
        }
    }
}

/// `ValidateNodeSelectorTerm`.
fn validate_node_selector_term(
    errs: &mut Errors,
    term: &NodeSelectorTerm,
    allow_invalid_values: bool,
    p: &Path,
) {
    for (j, req) in term.expressions().iter().enumerate() {
        validate_node_selector_requirement(
            errs,
            req,
            allow_invalid_values,
            &p.child("matchExpressions").index(j),
        );
    }
    for (j, req) in term.fields().iter().enumerate() {
        validate_node_field_selector_requirement(errs, req, &p.child("matchFields").index(j));
    }
}

/// `ValidateNodeSelectorRequirement`.
fn validate_node_selector_requirement(
    errs: &mut Errors,
    rq: &NodeSelectorRequirement,
    allow_invalid_values: bool,
    p: &Path,
) {
    match rq.operator.as_str() {
        "In" | "NotIn" => {
            if rq.values.is_empty() {
                errs.push(FieldError::required(
                    &p.child("values"),
                    "must be specified when `operator` is 'In' or 'NotIn'",
                ));
            }
        }
        "Exists" | "DoesNotExist" => {
            if !rq.values.is_empty() {
                errs.push(FieldError::forbidden(
                    &p.child("values"),
                    "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                ));
            }
        }
        "Gt" | "Lt" => {
            if rq.values.len() != 1 {
                errs.push(FieldError::required(
                    &p.child("values"),
                    "must be specified single value when `operator` is 'Lt' or 'Gt'",
                ));
            }
        }
        other => errs.push(FieldError::invalid(
            &p.child("operator"),
            Value::str(other),
            "not a valid selector operator",
        )),
    }
    validate_label_name(errs, &rq.key, &p.child("key"));
    if !allow_invalid_values {
        for (i, v) in rq.values.iter().enumerate() {
            for msg in syntax::label_value(v) {
                errs.push(FieldError::invalid(
                    &p.child("values").index(i),
                    Value::str(v),
                    &msg,
                ));
            }
        }
    }
}

/// `ValidateNodeFieldSelectorRequirement`: only `metadata.name`, with one value.
fn validate_node_field_selector_requirement(
    errs: &mut Errors,
    rq: &NodeSelectorRequirement,
    p: &Path,
) {
    match rq.operator.as_str() {
        "In" | "NotIn" => {
            if rq.values.len() != 1 {
                errs.push(FieldError::required(
                    &p.child("values"),
                    "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
                ));
            }
        }
        other => errs.push(FieldError::invalid(
            &p.child("operator"),
            Value::str(other),
            "not a valid selector operator",
        )),
    }
    if rq.key != "metadata.name" {
        errs.push(FieldError::invalid(
            &p.child("key"),
            Value::str(&rq.key),
            "not a valid field selector key",
        ));
    } else {
        for (i, v) in rq.values.iter().enumerate() {
            for msg in syntax::name_is_dns_subdomain(v, false) {
                errs.push(FieldError::invalid(
                    &p.child("values").index(i),
                    Value::str(v),
                    &msg,
                ));
            }
        }
    }
}

//! Defaulting (spec §2.1, C71): `SetDefaults_DaemonSet` (`pkg/apis/apps/v1/defaults.go`) and
//! the core defaults the pod template receives (`pkg/apis/core/v1/defaults.go`:
//! `SetDefaults_PodSpec`, `SetDefaults_Container`, `SetDefaults_ContainerPort`).
//!
//! Not defaulted here (Kubernetes would): probe timings, `httpGet` path/scheme, volume
//! `defaultMode`, `fieldRef.apiVersion`. Host ports are not copied from container ports for
//! `hostNetwork` templates either: the `DefaultHostNetworkHostPortsInPodTemplates` gate is off,
//! so only real pods get them.

use crate::api::{
    Container, DaemonSet, Deployment, IntOrString, PodSpec, ROLLING_UPDATE, ReplicaSet,
    RollingUpdateDaemonSet, RollingUpdateDeployment,
};
use serde_json::Value;

/// `SetDefaults_DaemonSet` plus the pod-template defaults. `OnDelete` gets no `rollingUpdate`.
pub(crate) fn set_defaults_daemonset(ds: &mut DaemonSet) {
    let strategy = &mut ds.spec.update_strategy;
    if strategy.type_.is_empty() {
        strategy.type_ = ROLLING_UPDATE.into();
    }
    if strategy.type_ == ROLLING_UPDATE {
        let ru = strategy
            .rolling_update
            .get_or_insert_with(RollingUpdateDaemonSet::default);
        if ru.max_unavailable.is_none() {
            ru.max_unavailable = Some(IntOrString::Int(1));
        }
        if ru.max_surge.is_none() {
            ru.max_surge = Some(IntOrString::Int(0));
        }
    }
    if ds.spec.revision_history_limit.is_none() {
        ds.spec.revision_history_limit = Some(10);
    }
    set_defaults_pod_spec(&mut ds.spec.template.spec);
}

/// `SetDefaults_Deployment` (`replicas: 1`; type `RollingUpdate` with `maxUnavailable` and
/// `maxSurge` 25%; `revisionHistoryLimit: 10`; `progressDeadlineSeconds: 600`) plus the
/// pod-template defaults. `Recreate` gets no `rollingUpdate`.
pub(crate) fn set_defaults_deployment(d: &mut Deployment) {
    d.spec.replicas.get_or_insert(1);
    let strategy = &mut d.spec.strategy;
    if strategy.type_.is_empty() {
        strategy.type_ = ROLLING_UPDATE.into();
    }
    if strategy.type_ == ROLLING_UPDATE {
        let ru = strategy
            .rolling_update
            .get_or_insert_with(RollingUpdateDeployment::default);
        ru.max_unavailable
            .get_or_insert_with(|| IntOrString::String("25%".into()));
        ru.max_surge
            .get_or_insert_with(|| IntOrString::String("25%".into()));
    }
    d.spec.revision_history_limit.get_or_insert(10);
    d.spec.progress_deadline_seconds.get_or_insert(600);
    set_defaults_pod_spec(&mut d.spec.template.spec);
}

/// `SetDefaults_ReplicaSet` (`replicas: 1`) plus the pod-template defaults.
pub(crate) fn set_defaults_replicaset(rs: &mut ReplicaSet) {
    rs.spec.replicas.get_or_insert(1);
    set_defaults_pod_spec(&mut rs.spec.template.spec);
}

/// `SetDefaults_PodSpec` and the defaults of its containers.
fn set_defaults_pod_spec(spec: &mut PodSpec) {
    if spec.settings.dns_policy.is_empty() {
        spec.settings.dns_policy = "ClusterFirst".into();
    }
    if spec.settings.restart_policy.is_empty() {
        spec.settings.restart_policy = "Always".into();
    }
    if spec.settings.security_context.is_none() {
        spec.settings.security_context = Some(Value::Object(serde_json::Map::new()));
    }
    if spec.settings.termination_grace_period_seconds.is_none() {
        spec.settings.termination_grace_period_seconds = Some(30);
    }
    if spec.settings.scheduler_name.is_empty() {
        spec.settings.scheduler_name = "default-scheduler".into();
    }
    for c in spec
        .containers
        .iter_mut()
        .chain(spec.settings.init_containers.iter_mut())
    {
        set_defaults_container(c);
    }
}

/// `SetDefaults_Container` and `SetDefaults_ContainerPort`.
fn set_defaults_container(c: &mut Container) {
    if c.image_pull_policy.is_empty() {
        c.image_pull_policy = default_pull_policy(&c.image).into();
    }
    for (key, default) in [
        ("terminationMessagePath", "/dev/termination-log"),
        ("terminationMessagePolicy", "File"),
    ] {
        let unset = match c.extra.get(key) {
            None | Some(Value::Null) => true,
            Some(Value::String(s)) => s.is_empty(),
            Some(_) => false,
        };
        if unset {
            c.extra.insert(key.into(), Value::String(default.into()));
        }
    }
    for p in &mut c.ports {
        if p.protocol.is_empty() {
            p.protocol = "TCP".into();
        }
    }
}

/// `Always` when the image's tag is `latest` or it has neither tag nor digest; otherwise (and
/// when the reference does not parse, as `parsers.ParseImageName` then reports no tag)
/// `IfNotPresent`.
pub(crate) fn default_pull_policy(image: &str) -> &'static str {
    match parse_image_reference(image) {
        Some((tag, digest)) if tag == Some("latest") || (tag.is_none() && digest.is_none()) => {
            "Always"
        }
        _ => "IfNotPresent",
    }
}

/// A reading of the distribution reference grammar (`ParseNormalizedNamed`): the tag and digest
/// of a valid reference, `None` when the reference is invalid.
fn parse_image_reference(s: &str) -> Option<(Option<&str>, Option<&str>)> {
    if s.is_empty() || (s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
    {
        return None;
    }
    let (rest, digest) = match s.split_once('@') {
        Some((r, d)) => {
            if !is_digest(d) {
                return None;
            }
            (r, Some(d))
        }
        None => (s, None),
    };
    let (name, tag) = match rest.rfind(':') {
        Some(i) if !rest[i..].contains('/') => (&rest[..i], Some(&rest[i + 1..])),
        _ => (rest, None),
    };
    if let Some(t) = tag
        && !is_tag(t)
    {
        return None;
    }
    if name.is_empty() || name.len() > 255 {
        return None;
    }
    let mut components: Vec<&str> = name.split('/').collect();
    if components.len() > 1 {
        let first = components[0];
        let is_domain =
            first.contains(['.', ':']) || first == "localhost" || first.to_lowercase() != first;
        if is_domain {
            if !is_domain_name(first) {
                return None;
            }
            components.remove(0);
        }
    }
    if components.is_empty() || !components.iter().all(|c| is_path_component(c)) {
        return None;
    }
    Some((tag, digest))
}

/// `[\w][\w.-]{0,127}`
fn is_tag(t: &str) -> bool {
    let b = t.as_bytes();
    let word = |c: &u8| c.is_ascii_alphanumeric() || *c == b'_';
    !b.is_empty()
        && b.len() <= 128
        && word(&b[0])
        && b.iter().all(|c| word(c) || *c == b'.' || *c == b'-')
}

/// `algorithm:hex` with a known algorithm and the right number of lowercase hex digits.
fn is_digest(d: &str) -> bool {
    let Some((alg, hex)) = d.split_once(':') else {
        return false;
    };
    let len = match alg {
        "sha256" => 64,
        "sha384" => 96,
        "sha512" => 128,
        _ => return false,
    };
    hex.len() == len && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`
fn is_path_component(c: &str) -> bool {
    let b = c.as_bytes();
    let alnum = |x: u8| x.is_ascii_lowercase() || x.is_ascii_digit();
    let mut i = 0;
    loop {
        let start = i;
        while i < b.len() && alnum(b[i]) {
            i += 1;
        }
        if i == start {
            return false;
        }
        if i == b.len() {
            return true;
        }
        let sep_start = i;
        while i < b.len() && !alnum(b[i]) {
            i += 1;
        }
        let sep = &c[sep_start..i];
        let ok =
            matches!(sep, "." | "_" | "__") || (!sep.is_empty() && sep.bytes().all(|x| x == b'-'));
        if !ok {
            return false;
        }
    }
}

/// A registry host: DNS-ish components or a bracketed IPv6 address, then an optional `:port`.
fn is_domain_name(d: &str) -> bool {
    let (host, port) = if let Some(rest) = d.strip_prefix('[') {
        let Some((ip, after)) = rest.split_once(']') else {
            return false;
        };
        if ip.is_empty() || !ip.bytes().all(|b| b.is_ascii_hexdigit() || b == b':') {
            return false;
        }
        match after {
            "" => return true,
            _ => match after.strip_prefix(':') {
                Some(p) => ("x", Some(p)),
                None => return false,
            },
        }
    } else {
        match d.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (d, None),
        }
    };
    if let Some(p) = port
        && (p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    host.split('.').all(|part| {
        let b = part.as_bytes();
        !b.is_empty()
            && b[0].is_ascii_alphanumeric()
            && b[b.len() - 1].is_ascii_alphanumeric()
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
    })
}

#[cfg(test)]
mod tests {
    use super::default_pull_policy;

    #[test]
    fn pull_policy_follows_the_tag() {
        for (image, want) in [
            ("nginx", "Always"),
            ("nginx:latest", "Always"),
            ("nginx:1.27", "IfNotPresent"),
            ("registry.k8s.io/kube-proxy:v1.31.0", "IfNotPresent"),
            ("localhost:5000/app", "Always"),
            ("localhost:5000/app:v1", "IfNotPresent"),
            (
                "quay.io/fluentd_elasticsearch/fluentd:v2.5.2",
                "IfNotPresent",
            ),
            (
                "busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "IfNotPresent",
            ),
            ("Nginx", "IfNotPresent"),
            ("", "IfNotPresent"),
            ("a//b", "IfNotPresent"),
        ] {
            assert_eq!(default_pull_policy(image), want, "{image}");
        }
    }
}

//! The tolerations every DaemonSet pod gets (spec §4, `AddOrUpdateDaemonPodTolerations`).

use crate::api::{PodSpec, Toleration, taints};

/// The §4 defaults, in the order Kubernetes adds them. `network-unavailable` comes last and only
/// with `hostNetwork`.
pub fn default_daemon_pod_tolerations(host_network: bool) -> Vec<Toleration> {
    let mut defaults = vec![
        Toleration::exists(taints::NOT_READY, "NoExecute"),
        Toleration::exists(taints::UNREACHABLE, "NoExecute"),
        Toleration::exists(taints::DISK_PRESSURE, "NoSchedule"),
        Toleration::exists(taints::MEMORY_PRESSURE, "NoSchedule"),
        Toleration::exists(taints::PID_PRESSURE, "NoSchedule"),
        Toleration::exists(taints::UNSCHEDULABLE, "NoSchedule"),
    ];
    if host_network {
        defaults.push(Toleration::exists(
            taints::NETWORK_UNAVAILABLE,
            "NoSchedule",
        ));
    }
    defaults
}

/// `AddOrUpdateDaemonPodTolerations` (spec §4): merges the defaults into `spec.tolerations`;
/// `spec.hostNetwork` decides `network-unavailable`.
pub fn add_or_update_daemon_pod_tolerations(spec: &mut PodSpec) {
    for toleration in default_daemon_pod_tolerations(spec.settings.host_network) {
        add_or_update_toleration_in_pod_spec(spec, &toleration);
    }
}

/// `AddOrUpdateTolerationInPodSpec` (spec §4): every existing toleration that
/// [`match_toleration`]es `toleration` is replaced in place by it (so a user's
/// `tolerationSeconds` on the same key/effect/operator/value is dropped); if none matched,
/// `toleration` is appended. Returns whether the list changed.
///
/// Upstream's "deep-equal, nothing to do" early return compares a `*Toleration` with a
/// `Toleration` and so never fires; replacing a deep-equal entry by itself changes nothing, so
/// the result is the same except that *every* matching duplicate is replaced, as upstream does.
pub fn add_or_update_toleration_in_pod_spec(spec: &mut PodSpec, toleration: &Toleration) -> bool {
    let mut matched = false;
    let mut changed = false;
    for existing in spec
        .tolerations
        .iter_mut()
        .filter(|t| match_toleration(toleration, t))
    {
        matched = true;
        if existing != toleration {
            existing.clone_from(toleration);
            changed = true;
        }
    }
    if !matched {
        spec.tolerations.push(toleration.clone());
        changed = true;
    }
    changed
}

/// `Toleration.MatchToleration`: same key, effect, operator and value (`tolerationSeconds`
/// ignored; operator `""` and `Equal` are different here).
pub fn match_toleration(a: &Toleration, b: &Toleration) -> bool {
    a.key == b.key && a.effect == b.effect && a.operator == b.operator && a.value == b.value
}

/// The `DefaultTolerationSeconds` admission plugin: a pod that tolerates neither taint gets
/// `node.kubernetes.io/not-ready` and `node.kubernetes.io/unreachable` NoExecute tolerations
/// for 300 seconds (DaemonSet pods already tolerate both forever).
pub fn add_default_toleration_seconds(spec: &mut PodSpec) {
    for key in [taints::NOT_READY, taints::UNREACHABLE] {
        let tolerated = spec.tolerations.iter().any(|t| {
            (t.key == key || t.key.is_empty()) && (t.effect == "NoExecute" || t.effect.is_empty())
        });
        if !tolerated {
            let mut t = Toleration::exists(key, "NoExecute");
            t.toleration_seconds = Some(300);
            spec.tolerations.push(t);
        }
    }
}

//! [`PlacementPolicy`]: everything placement needs from one DaemonSet spec, computed once.

use super::default_tolerations::add_or_update_daemon_pod_tolerations;
use super::node_affinity::RequiredNodeAffinity;
use crate::api::{DaemonSet, PodSpec, Shared, Toleration};

/// Where an entry of the merged toleration list came from (for explanations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TolerationOrigin {
    /// The template's own toleration at this index, kept as written.
    User(usize),
    /// A §4 default, appended or put in place of a user toleration it replaced.
    Default,
}

/// One DaemonSet's placement inputs (spec §5's `NewPod` without the per-node copy): the template
/// `nodeName`, the parsed `nodeSelector` and required node-affinity terms, and the template's
/// tolerations with the §4 defaults merged in. Built once per DaemonSet spec; evaluating a node
/// then clones and parses nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementPolicy {
    pub(super) node_name: String,
    pub(super) affinity: RequiredNodeAffinity,
    pub(super) tolerations: Vec<Toleration>,
    pub(super) origins: Vec<TolerationOrigin>,
    pub(super) comparison_operators: bool,
}

impl PlacementPolicy {
    /// The policy of `ds.spec.template.spec`, with the `TaintTolerationComparisonOperators` gate
    /// off (spec §3.3).
    pub fn for_daemonset(ds: &DaemonSet) -> PlacementPolicy {
        PlacementPolicy::for_pod_spec(&ds.spec.template.spec)
    }

    /// The policy of a pod template's spec.
    pub fn for_pod_spec(spec: &PodSpec) -> PlacementPolicy {
        let tolerations = merged_tolerations(spec);
        let origins = tolerations
            .iter()
            .enumerate()
            .map(|(i, t)| match spec.tolerations.get(i) {
                Some(user) if user == t => TolerationOrigin::User(i),
                _ => TolerationOrigin::Default,
            })
            .collect();
        PlacementPolicy {
            node_name: spec.node_name.to_string(),
            affinity: RequiredNodeAffinity::for_pod_spec(spec),
            tolerations,
            origins,
            comparison_operators: false,
        }
    }

    /// Turns the `TaintTolerationComparisonOperators` feature gate (Lt/Gt tolerations) on or off.
    pub fn with_taint_comparison_operators(mut self, enabled: bool) -> PlacementPolicy {
        self.comparison_operators = enabled;
        self
    }

    /// The merged tolerations: the template's (defaults replacing matches in place), then the
    /// missing defaults in §4 order.
    pub fn tolerations(&self) -> &[Toleration] {
        &self.tolerations
    }

    /// The template's `nodeName` (`""`: any node).
    pub fn node_name(&self) -> &str {
        &self.node_name
    }
}

/// The template's tolerations after `AddOrUpdateDaemonPodTolerations` (spec §4). Replacement is
/// in place and additions go to the end, so index `i < template length` is the template's `i`.
fn merged_tolerations(spec: &PodSpec) -> Vec<Toleration> {
    let mut only_tolerations = PodSpec {
        tolerations: spec.tolerations.clone(),
        settings: spec.settings.clone(),
        ..PodSpec::default()
    };
    add_or_update_daemon_pod_tolerations(&mut only_tolerations);
    Shared::into_inner(only_tolerations.tolerations)
}

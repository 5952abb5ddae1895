//! Placement: which nodes a DaemonSet's pods belong on (spec §3, §4, §5, §7.2).
//!
//! [`PlacementPolicy`] is built once per DaemonSet spec; [`PlacementPolicy::should_run`] is the
//! per-node fast path of `NodeShouldRunDaemonPod` and [`PlacementPolicy::explain`] its slow path
//! with the reasons, for the UI; [`Explanation::verdict`] says which reason decided, and
//! [`Explanation::summary`] says it in English.

mod default_tolerations;
mod explain;
mod node_affinity;
mod pod_affinity;
mod policy;
mod should_run;
mod summary;
mod tolerations;
mod verdict;

#[cfg(test)]
mod tests;

pub use default_tolerations::{
    add_default_toleration_seconds, add_or_update_daemon_pod_tolerations,
    add_or_update_toleration_in_pod_spec, default_daemon_pod_tolerations, match_toleration,
};
pub use explain::{Explanation, Reason};
pub use node_affinity::{
    NODE_NAME_FIELD, NodeSelectorMatcher, RequiredNodeAffinity, aggregate_errors,
    required_node_affinity_matches, requirement_text,
};
pub use pod_affinity::{
    get_target_node_name, pin_to_node, pins_to, replace_daemon_set_pod_node_name_node_affinity,
};
pub use policy::PlacementPolicy;
pub use should_run::{ShouldRun, node_should_run_daemon_pod};
pub use summary::describe_toleration;
pub use tolerations::{
    find_matching_untolerated_taint, find_matching_untolerated_taint_gated, first_tolerating,
    parse_decimal_integer, tolerates, tolerates_taint, tolerates_with_comparison_ops,
};
pub use verdict::{Fit, NodeHas, SelectorMismatch, TermFailure, Verdict};

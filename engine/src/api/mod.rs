//! Kubernetes API objects of the simulated subset, with Kubernetes' field names verbatim
//! (`camelCase` on the wire). Types hold data and the small behaviour that belongs to the type
//! itself (selector matching, quantity parsing); controllers live in `crate::controller`.
//!
//! Fields the simulator does not model are carried in `extra` maps so that `-o yaml` gives them
//! back as they came in.

mod affinity;
mod controller_revision;
mod daemonset;
pub(crate) mod decode;
mod deployment;
pub(crate) mod encode;
mod event;
mod int_or_string;
mod label_selector;
mod maybe_time;
mod meta;
mod node;
mod packed;
mod pod;
mod quantity;
mod shared;
mod shared_str;
mod sorted_map;
mod status;
mod str;
pub(crate) mod syntax;
mod text_or;
mod text_traits;
mod time;
mod uid;
mod word;

pub use affinity::*;
pub use controller_revision::*;
pub use daemonset::*;
pub use deployment::*;
pub use event::*;
pub use int_or_string::*;
pub use label_selector::*;
pub use maybe_time::MaybeTime;
pub use meta::*;
pub use node::*;
pub use packed::Packed;
pub use pod::*;
pub use quantity::*;
pub use shared::Shared;
pub use shared_str::SharedStr;
pub use sorted_map::SortedMap;
pub use status::ApiError;
pub use str::Str;
#[cfg(test)]
pub(crate) use str::str_is_empty;
pub use text_or::{IpText, ResourceVersion};
pub use time::*;
pub use uid::{Uid, UidText};
pub(crate) use uid::{uuid_bytes, uuid_text};
pub use word::Word;

/// Unmodelled fields, kept for output, in key order.
pub type Extra = SortedMap<String, serde_json::Value>;
/// Labels, annotations, node selectors: ordered maps, as kubectl prints them sorted.
pub type StringMap = SortedMap<String, String>;

/// Well-known label and annotation keys, verbatim from Kubernetes.
pub mod keys {
    /// The pod and ControllerRevision label carrying the template hash.
    pub const CONTROLLER_REVISION_HASH: &str = "controller-revision-hash";
    /// The legacy pod label carrying the DaemonSet's template generation.
    pub const POD_TEMPLATE_GENERATION: &str = "pod-template-generation";
    /// The DaemonSet annotation the API server writes from `spec.templateGeneration`.
    pub const DEPRECATED_TEMPLATE_GENERATION: &str = "deprecated.daemonset.template.generation";
    pub const HOSTNAME: &str = "kubernetes.io/hostname";
    pub const OS: &str = "kubernetes.io/os";
    pub const ARCH: &str = "kubernetes.io/arch";
    /// The beta labels the kubelet still writes beside the stable ones (`kubeletapis.LabelOS`,
    /// `LabelArch`); older manifests select on them (`beta.kubernetes.io/os: linux`).
    pub const BETA_OS: &str = "beta.kubernetes.io/os";
    pub const BETA_ARCH: &str = "beta.kubernetes.io/arch";
    pub const ROLE_CONTROL_PLANE: &str = "node-role.kubernetes.io/control-plane";
}

/// Taint keys the node lifecycle controller manages (`k8s.io/api/core/v1/well_known_taints.go`).
pub mod taints {
    pub const NOT_READY: &str = "node.kubernetes.io/not-ready";
    pub const UNREACHABLE: &str = "node.kubernetes.io/unreachable";
    pub const UNSCHEDULABLE: &str = "node.kubernetes.io/unschedulable";
    pub const MEMORY_PRESSURE: &str = "node.kubernetes.io/memory-pressure";
    pub const DISK_PRESSURE: &str = "node.kubernetes.io/disk-pressure";
    pub const PID_PRESSURE: &str = "node.kubernetes.io/pid-pressure";
    pub const NETWORK_UNAVAILABLE: &str = "node.kubernetes.io/network-unavailable";
}

#[cfg(test)]
pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

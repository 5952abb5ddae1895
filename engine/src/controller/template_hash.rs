//! `controller.ComputeHash`: the short hash of a pod template that names ControllerRevisions
//! (`controller-revision-hash`) and a Deployment's ReplicaSets (`pod-template-hash`).
//!
//! Simplification, named in the README: FNV-32a over the template's canonical JSON, not over
//! Go's deep printer output, so hash values differ from a real cluster's (same length and
//! alphabet; same behaviour).

use crate::api::PodTemplateSpec;
use crate::api::encode;

/// The hash, with `rand.SafeEncodeString` over its decimal digits.
pub fn compute_hash(template: &PodTemplateSpec, collision_count: Option<i32>) -> String {
    let mut h: u32 = 0x811c_9dc5;
    let mut write = |bytes: &[u8]| {
        for b in bytes {
            h ^= u32::from(*b);
            h = h.wrapping_mul(0x0100_0193);
        }
    };
    write(encode::to_string(template).as_bytes());
    if let Some(c) = collision_count {
        write(&(c as u32).to_le_bytes());
    }
    const ALPHANUMS: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    h.to_string()
        .bytes()
        .map(|b| ALPHANUMS[usize::from(b) % ALPHANUMS.len()] as char)
        .collect()
}

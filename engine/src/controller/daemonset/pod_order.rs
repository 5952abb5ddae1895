//! `podByCreationTimestampAndPhase` (spec §7): bound pods first, then older first, then by name.

use crate::api::Pod;
use std::cmp::Ordering;

pub fn compare(a: &Pod, b: &Pod) -> Ordering {
    let bound = |p: &Pod| p.spec.node_name.is_empty();
    bound(a)
        .cmp(&bound(b))
        .then(
            a.metadata
                .creation_timestamp
                .cmp(&b.metadata.creation_timestamp),
        )
        .then(a.metadata.name.cmp(&b.metadata.name))
}

pub fn sort(pods: &mut [&Pod]) {
    crate::sort::sort_by(pods, |a, b| compare(a, b));
}

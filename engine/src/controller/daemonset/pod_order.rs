//! `podByCreationTimestampAndPhase` (spec §7): bound pods first, then older first, then by name.

use crate::api::Pod;
use std::cmp::Ordering;
use std::rc::Rc;

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

/// The first pod in [`compare`]'s order (the earliest of equals, as a stable sort keeps them),
/// without sorting or collecting: a sync revisits a node per write of its pod, most holding one.
pub fn first(pods: &[Rc<Pod>]) -> Option<&Pod> {
    pods.iter()
        .map(|p| &**p)
        .reduce(|best, p| if compare(p, best).is_lt() { p } else { best })
}

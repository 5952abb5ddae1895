//! Fixtures shared by the unit tests: label maps, nodes and DaemonSets as the upstream
//! controller tests build them (`newNode`, `newDaemonSet`, `simpleDaemonSetLabel`…).

use crate::api::{Container, DaemonSet, LabelSelector, Node, StringMap};

/// A label map from `(key, value)` pairs.
pub(crate) fn labels(pairs: &[(&str, &str)]) -> StringMap {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// `simpleDaemonSetLabel` (L1) of the upstream controller tests.
pub(crate) fn l1() -> StringMap {
    labels(&[("name", "simple-daemon"), ("type", "production")])
}

/// `simpleNodeLabel` (N1) of the upstream controller tests.
pub(crate) fn n1() -> StringMap {
    labels(&[("color", "blue"), ("speed", "fast")])
}

/// A node with a name and labels, everything else default.
pub(crate) fn node(name: &str, node_labels: StringMap) -> Node {
    let mut n = Node::default();
    n.metadata.name = name.into();
    n.metadata.labels = node_labels.into();
    n
}

/// A DaemonSet selecting `ds_labels` (its `matchLabels` and its template's labels), with one
/// container; no namespace, everything else default.
pub(crate) fn daemonset(
    name: &str,
    ds_labels: StringMap,
    container: &str,
    image: &str,
) -> DaemonSet {
    let mut ds = DaemonSet::default();
    ds.metadata.name = name.into();
    ds.spec.selector = Some(LabelSelector {
        match_labels: Some(ds_labels.clone()),
        match_expressions: None,
    });
    ds.spec.template.metadata.labels = ds_labels.into();
    ds.spec.template.spec.containers = vec![Container {
        name: container.into(),
        image: image.into(),
        ..Container::default()
    }]
    .into();
    ds
}

/// `newDaemonSet(name)` of the upstream controller tests: namespace `default`, selecting L1,
/// one container `foo` running `foo/bar`.
pub(crate) fn new_daemonset(name: &str) -> DaemonSet {
    let mut ds = daemonset(name, l1(), "foo", "foo/bar");
    ds.metadata.namespace = "default".into();
    ds
}

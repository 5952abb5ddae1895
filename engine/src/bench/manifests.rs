//! Generated manifests for the benchmark: many nodes in one `NodeList`, DaemonSets with
//! different images.

/// The name of the `i`-th node (`node-00042`): zero-padded so name order is numeric order.
pub fn node_name(i: usize) -> String {
    format!("node-{i:05}")
}

/// The most objects one apply reads (`manifest::MAX_DOCUMENTS`).
const PER_APPLY: usize = 500;

/// `n` worker nodes, each with a zone label, as `NodeList`s of at most [`PER_APPLY`] items (one
/// apply each).
pub fn node_lists(n: usize) -> Vec<String> {
    (0..n)
        .step_by(PER_APPLY)
        .map(|first| node_list(first, (first + PER_APPLY).min(n)))
        .collect()
}

/// A `NodeList` of the nodes `first..end`.
fn node_list(first: usize, end: usize) -> String {
    let mut s = String::from("apiVersion: v1\nkind: NodeList\nitems:\n");
    for i in first..end {
        s.push_str(&format!(
            "- apiVersion: v1\n  kind: Node\n  metadata:\n    name: {}\n    labels:\n      topology.kubernetes.io/zone: zone-{}\n",
            node_name(i),
            i % 3
        ));
    }
    s
}

/// `count` DaemonSets that run on every node, as documents of one stream.
pub fn daemonsets(count: usize) -> String {
    (0..count)
        .map(|i| {
            rolling_daemonset(
                &format!("agent-{i:02}"),
                &format!("registry.k8s.io/agent-{i:02}:1.0"),
                "1",
            )
        })
        .collect::<Vec<_>>()
        .join("---\n")
}

/// One RollingUpdate DaemonSet with one container.
pub fn rolling_daemonset(name: &str, image: &str, max_unavailable: &str) -> String {
    format!(
        "apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: {name}
spec:
  selector:
    matchLabels:
      app: {name}
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: {max_unavailable}
  template:
    metadata:
      labels:
        app: {name}
    spec:
      containers:
      - name: main
        image: {image}
        resources:
          requests:
            cpu: 10m
            memory: 16Mi
"
    )
}

//! `sim audit`: every pod write with the component that made it (the API server's audit log),
//! where the events stop naming pods once the event correlator combines them (spec §13).

use super::*;

const CLUSTER: &str = "kubectl apply -f - <<'YEOF'
apiVersion: v1
kind: NodeList
items:
- metadata: {name: n1}
- metadata: {name: n2}
YEOF
kubectl apply -f - <<'YEOF'
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: c, image: nginx}]
YEOF
sim settle
";

fn audit_rows(s: &mut Session) -> Vec<Vec<String>> {
    let out = s.execute("sim audit", None);
    assert!(!out.is_error, "{}", out.output);
    out.output
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .collect()
}

const DS: &str = "system:serviceaccount:kube-system:daemon-set-controller";

/// Spec §5 (syncNodes creates one pod per node) and §14 (the taint-eviction controller evicts):
/// each write is one row with its user, verb, pod and node; the kubelet's final delete too.
#[test]
fn sim_audit_names_the_writer_of_every_pod_write() {
    let mut s = Session::new();
    let out = s.execute(CLUSTER, None);
    assert!(!out.is_error, "{}", out.output);
    let rows = audit_rows(&mut s);
    let creates: Vec<&str> = rows
        .iter()
        .filter(|r| r[1] == DS && r[2] == "create")
        .map(|r| r[6].as_str())
        .collect();
    assert_eq!(creates, ["n1", "n2"], "{rows:?}");
    let out = s.execute("kubectl taint node n1 k=v:NoExecute\nsim settle", None);
    assert!(!out.is_error, "{}", out.output);
    let rows = audit_rows(&mut s);
    let eviction = rows
        .iter()
        .find(|r| r[1] == "system:serviceaccount:kube-system:node-controller")
        .expect("the taint-eviction controller's delete");
    assert_eq!(
        (eviction[2].as_str(), eviction[6].as_str()),
        ("delete", "n1")
    );
    assert!(
        rows.iter()
            .any(|r| r[1] == "system:node:n1" && r[5] == eviction[5]),
        "the kubelet ends the graceful deletion: {rows:?}"
    );
}

/// kubectl drain evicts (a create of pods/eviction) where kubectl delete deletes.
#[test]
fn sim_audit_tells_a_drain_eviction_from_a_kubectl_delete() {
    let mut s = Session::new();
    let out = s.execute(
        &format!(
            "{CLUSTER}kubectl apply -f - <<'YEOF'
apiVersion: apps/v1
kind: Deployment
metadata: {{name: web}}
spec:
  replicas: 1
  selector: {{matchLabels: {{app: web}}}}
  template:
    metadata: {{labels: {{app: web}}}}
    spec:
      containers: [{{name: c, image: nginx}}]
YEOF
sim settle
"
        ),
        None,
    );
    assert!(!out.is_error, "{}", out.output);
    let rows = audit_rows(&mut s);
    let web = rows
        .iter()
        .find(|r| r[5].starts_with("web-"))
        .expect("the ReplicaSet's pod")
        .clone();
    assert_eq!(
        web[1],
        "system:serviceaccount:kube-system:replicaset-controller"
    );
    // The ReplicaSet's pod is created before the scheduler binds it (no node in its row): drain
    // both nodes.
    assert_eq!(web[6], "<none>");
    let out = s.execute(
        "kubectl drain n1 --ignore-daemonsets\nkubectl drain n2 --ignore-daemonsets",
        None,
    );
    assert!(!out.is_error, "{}", out.output);
    let out = s.execute("kubectl delete pod --all", None);
    assert!(!out.is_error, "{}", out.output);
    let rows = audit_rows(&mut s);
    let evicted = rows
        .iter()
        .find(|r| r[5].starts_with("web-") && r[1] == "kubernetes-admin")
        .expect("the drain's eviction");
    assert_eq!(
        (evicted[2].as_str(), evicted[3].as_str()),
        ("create", "pods/eviction")
    );
    assert!(
        rows.iter()
            .any(|r| r[1] == "kubernetes-admin" && r[2] == "delete" && r[3] == "pods"),
        "kubectl delete pod: {rows:?}"
    );
}

//! Behaviours the differential runner (issue 19, docs/fidelity.md) checked against the real
//! DaemonSet controller, each from a minimised generated scenario. Each was at first a
//! difference, and in each the simulator turned out right and the oracle's driver too simple;
//! these pin the simulator's side, so that a change here cannot pass unnoticed.

use dsplay_engine::runner::Session;

fn run(s: &mut Session, script: &str) -> String {
    let out = s.execute(script, None);
    assert!(!out.is_error, "{}", out.output);
    out.output
}

/// `sim audit` rows as (time, user's last word, verb, pod, node).
fn audit(s: &mut Session) -> Vec<(String, String, String, String, String)> {
    run(s, "sim audit")
        .lines()
        .skip(1) // the header
        .map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            let user = w[1].rsplit(':').next().unwrap_or_default().to_string();
            (w[0].into(), user, w[2].into(), w[5].into(), w[6].into())
        })
        .collect()
}

fn daemonset(name: &str, image: &str, extra_spec: &str, pod_spec: &str) -> String {
    format!(
        "kubectl apply -f - <<'YEOF'
apiVersion: apps/v1
kind: DaemonSet
metadata: {{name: {name}}}
spec:
{extra_spec}  selector: {{matchLabels: {{app: {name}}}}}
  template:
    metadata: {{labels: {{app: {name}}}}}
    spec:
{pod_spec}      containers: [{{name: c, image: {image}}}]
YEOF
"
    )
}

const NODES: &str = "kubectl apply -f - <<'YEOF'
apiVersion: v1
kind: NodeList
items:
- metadata: {name: n1}
- metadata: {name: n2}
YEOF
";

/// Spec §7 (`podsShouldBeOnNode`, surge): when the only pod of a surging DaemonSet on a node is
/// terminating, the controller creates its replacement at once ("we are surging so we need to
/// have at least one non-deleted pod on the node"), without waiting for the old one to go.
/// Oracle finding gen-9000053: a NoExecute toleration of 30 s evicts the pod.
#[test]
fn spec7_surge_replaces_a_terminating_pod_at_once() {
    let mut s = Session::new();
    run(
        &mut s,
        "kubectl apply -f - <<'YEOF'
apiVersion: v1
kind: Node
metadata: {name: n1}
spec:
  taints: [{key: k, value: v, effect: NoExecute}]
YEOF
",
    );
    run(
        &mut s,
        &daemonset(
            "agent",
            "nginx",
            "  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}\n",
            "      tolerations: [{key: k, operator: Exists, effect: NoExecute, tolerationSeconds: 30}]\n",
        ),
    );
    run(&mut s, "sim advance 31s");
    let rows = audit(&mut s);
    let evicted = rows
        .iter()
        .position(|r| r.1 == "node-controller")
        .expect("the taint-eviction controller evicts after 30 s");
    let (when, pod) = (rows[evicted].0.clone(), rows[evicted].3.clone());
    assert_eq!(when, "30s");
    let replacement = rows
        .iter()
        .position(|r| r.1 == "daemon-set-controller" && r.2 == "create" && r.3 != pod)
        .expect("a replacement");
    let gone = rows
        .iter()
        .position(|r| r.1 == "n1" && r.3 == pod)
        .expect("the kubelet ends the evicted pod");
    assert_eq!(rows[replacement].0, when, "{rows:?}");
    assert!(
        replacement < gone,
        "created while the old pod terminates: {rows:?}"
    );
}

/// Spec §8.1 (`IsPodUpdated`): a pod counts as updated when its `pod-template-generation`
/// label matches the DaemonSet's template generation, even if its hash does not. A DaemonSet
/// deleted with `--cascade=orphan` and created again (template generation 1 again) adopts its
/// orphans of generation 1 as updated, whatever its new template: it does not roll them.
/// Oracle finding gen-11000275 (the oracle's driver lacked the registry's templateGeneration).
#[test]
fn spec8_recreated_daemonset_counts_orphans_of_its_template_generation_as_updated() {
    let mut s = Session::new();
    run(&mut s, NODES);
    run(&mut s, &daemonset("agent", "nginx:1.26", "", ""));
    run(&mut s, "sim settle");
    run(&mut s, "kubectl delete ds agent --cascade=orphan");
    run(&mut s, &daemonset("agent", "nginx:1.27", "", ""));
    run(&mut s, "sim settle");
    let rows = audit(&mut s);
    let creates = rows
        .iter()
        .filter(|r| r.1 == "daemon-set-controller" && r.2 == "create")
        .count();
    let deletes = rows.iter().filter(|r| r.2 == "delete").count();
    assert_eq!((creates, deletes), (2, 0), "{rows:?}");
    let pods = run(&mut s, "kubectl get pods -o wide");
    assert_eq!(pods.matches("Running").count(), 2, "{pods}");
    let ds = run(&mut s, "kubectl get ds agent");
    assert!(
        ds.contains("agent   2         2         2       2            2"),
        "{ds}"
    );
}

/// Spec §8.2 (`rollingUpdate`, maxSurge 0): an old pod that is not available is replaced
/// whatever maxUnavailable says (allowedReplacementPods). Raising minReadySeconds in the same
/// apply as a new template makes every pod that became Ready less than minReadySeconds ago
/// unavailable, so all of them go in the same sync. Oracle finding gen-11000134.
#[test]
fn spec8_raised_min_ready_seconds_replaces_every_unavailable_old_pod_at_once() {
    let mut s = Session::new();
    run(&mut s, NODES);
    let strategy = "  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}\n";
    run(&mut s, &daemonset("agent", "nginx:1.26", strategy, ""));
    run(&mut s, "sim settle");
    let strategy = format!("  minReadySeconds: 30\n{strategy}");
    run(&mut s, &daemonset("agent", "nginx:1.27", &strategy, ""));
    let rows = audit(&mut s);
    let deletes: Vec<&str> = rows
        .iter()
        .filter(|r| r.1 == "daemon-set-controller" && r.2 == "delete")
        .map(|r| r.4.as_str())
        .collect();
    assert_eq!(deletes, ["n1", "n2"], "{rows:?}");
}

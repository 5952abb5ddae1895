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

/// PodGC (`gcOrphaned`) quarantines the missing nodes that pods are bound to. A node deleted
/// with no pod on it leaves nothing to happen, so `sim settle` returns at once instead of
/// waiting out a quarantine (which moved the clock 40 s and changed what minReadySeconds saw
/// next). Oracle finding gen-19002614.
#[test]
fn podgc_quarantines_only_nodes_with_pods() {
    let mut s = Session::new();
    run(&mut s, NODES);
    run(
        &mut s,
        &daemonset("agent", "nginx", "", "      nodeSelector: {only: n2}\n"),
    );
    run(&mut s, "kubectl label node n2 only=n2");
    let settled = run(&mut s, "sim settle");
    run(&mut s, "kubectl delete node n1");
    assert_eq!(run(&mut s, "sim settle"), settled, "nothing to wait for");
    run(&mut s, "kubectl delete node n2");
    let after = run(&mut s, "sim settle");
    assert_ne!(
        after, settled,
        "the pod on n2 waits for PodGC's quarantine: {after}"
    );
    assert!(run(&mut s, "kubectl get pods").contains("No resources found"));
}

/// The rollout of oracle finding gen-447000166, at `apply_at` seconds: two nodes, the old pod on
/// n1 (Ready at 3 s: the oracle's timings, `sim timing`), then a new template with
/// `minReadySeconds: 5` and `maxUnavailable: 50%` (1 of 2) whose affinity makes n2 eligible too.
/// The DaemonSet controller's writes as (time, verb, node).
fn min_ready_boundary(apply_at: &str) -> Vec<(String, String, String)> {
    let mut s = Session::new();
    run(&mut s, "sim timing image-pull 0s");
    run(&mut s, "sim timing container-start 3s");
    run(
        &mut s,
        "kubectl apply -f - <<'YEOF'
apiVersion: v1
kind: NodeList
items:
- metadata: {name: n1, labels: {disk: a}}
- metadata: {name: n2, labels: {disk: ssd}}
YEOF
",
    );
    let strategy = "  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}\n";
    run(
        &mut s,
        &daemonset(
            "agent",
            "nginx:1.27",
            strategy,
            "      nodeSelector: {disk: a}\n",
        ),
    );
    run(&mut s, &format!("sim advance {apply_at}"));
    let strategy = "  minReadySeconds: 5
  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 50%}}\n";
    let affinity = "      affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: \
                    {nodeSelectorTerms: [{matchExpressions: [{key: disk, operator: Exists}]}]}}}\n";
    run(
        &mut s,
        &daemonset("agent", "nginx:1.27", strategy, affinity),
    );
    run(&mut s, "sim settle");
    audit(&mut s)
        .into_iter()
        .filter(|r| r.1 == "daemon-set-controller")
        .map(|r| (r.0, r.2, r.4))
        .collect()
}

fn ops(rows: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    rows.iter()
        .map(|(t, v, n)| (t.to_string(), v.to_string(), n.to_string()))
        .collect()
}

/// Spec §8.2 (`rollingUpdate`, maxSurge 0) at the edge of `minReadySeconds`: an old pod Ready
/// exactly minReadySeconds ago is available (`IsPodAvailable`: Ready since + minReadySeconds <=
/// now), so it is a candidate, capped by maxUnavailable; the new pod the same sync created on the
/// newly eligible node is unavailable and takes the whole budget (manage's create seen by
/// rollingUpdate, spec §6.1; the real controller's next sync at the same instant sees it too).
/// The old pod goes when the new one is available: Ready at 11 s, available at 16 s.
/// Oracle finding gen-447000166: the oracle deleted the old pod at once because its driver's
/// clock had made that pod a second younger (Ready 4 s at the apply); with the driver's clock
/// fixed both sides write these ops at these times.
#[test]
fn spec8_2_old_pod_available_at_the_apply_waits_for_the_new_pod_gen447000166() {
    assert_eq!(
        min_ready_boundary("8s"),
        ops(&[
            ("0s", "create", "n1"),
            ("8s", "create", "n2"),
            ("16s", "delete", "n1"),
            ("17s", "create", "n1"),
        ])
    );
}

/// The other side of the same edge: a second earlier the old pod has been Ready 4 s of 5, so
/// it is not available and is replaced at once, budget or not (allowedReplacementPods, spec
/// §8.2), in the sync that creates the new node's pod: what the oracle's driver did at 8 s
/// when its clock ran a second late (gen-447000166).
#[test]
fn spec8_2_old_pod_short_of_min_ready_seconds_is_replaced_at_once_gen447000166() {
    assert_eq!(
        min_ready_boundary("7s"),
        ops(&[
            ("0s", "create", "n1"),
            ("7s", "create", "n2"),
            ("7s", "delete", "n1"),
            ("8s", "create", "n1"),
        ])
    );
}

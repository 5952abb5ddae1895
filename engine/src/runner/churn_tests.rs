//! Issue 24, item 1: a valid DaemonSet that tolerates a NoExecute taint for 0 seconds is evicted
//! and recreated without end (spec §13: the churn is real upstream). These check that the churn
//! goes at the pace the simulator documents, that memory stays bounded, and that the work budget
//! stops a command that runs away with a message instead of a freeze.

use super::*;

const NODE: &str = "kubectl apply -f - <<'EOF'
apiVersion: v1
kind: NodeList
items:
- metadata: {name: n1}
EOF
";

fn daemonset(toleration_seconds: i64) -> String {
    format!(
        "kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: DaemonSet
metadata: {{name: ds}}
spec:
  selector: {{matchLabels: {{app: ds}}}}
  template:
    metadata: {{labels: {{app: ds}}}}
    spec:
      tolerations:
      - {{key: k, operator: Exists, effect: NoExecute, tolerationSeconds: {toleration_seconds}}}
      containers: [{{name: c, image: nginx}}]
EOF
"
    )
}

fn tainted(toleration_seconds: i64) -> Session {
    let mut s = Session::new();
    let setup = format!(
        "{NODE}{}sim settle\nkubectl taint node n1 k=v:NoExecute\n",
        daemonset(toleration_seconds)
    );
    let out = s.execute(&setup, None);
    assert!(!out.is_error, "{}", out.output);
    s
}

fn evictions(s: &Session) -> usize {
    s.cluster()
        .event_log()
        .filter(|e| e.reason() == "TaintManagerEviction")
        .count()
}

fn pod_names(s: &Session) -> Vec<String> {
    let store = s.cluster().store();
    store
        .pods()
        .iter()
        .map(|(_, p)| p.metadata.name.to_string())
        .collect()
}

/// Spec §13 and issue 24's reproduction: tolerationSeconds 0, then the taint, then
/// `sim advance 3m`. Each round waits for the kubelet to confirm the evicted pod gone
/// (`POD_TEARDOWN_MS`), so three minutes hold about 180 evictions, not millions.
#[test]
fn spec13_zero_toleration_seconds_churns_once_per_kubelet_teardown() {
    let mut s = tainted(0);
    let before = evictions(&s);
    let out = s.execute("sim advance 3m", None);
    assert!(!out.is_error, "{}", out.output);
    let rounds = evictions(&s) - before;
    let expected = (180_000 / crate::controller::kubelet::POD_TEARDOWN_MS) as usize;
    assert!(
        (expected - 2..=expected + 2).contains(&rounds),
        "{rounds} evictions in 3m"
    );
    assert_eq!(pod_names(&s).len(), 1, "one pod on the node at a time");
    assert!(
        s.cluster().events().count() <= 4 * rounds + 20,
        "a few events per round"
    );
}

/// A negative tolerationSeconds is 0 (`getMinTolerationTime`): the same bounded churn.
#[test]
fn spec13_negative_toleration_seconds_is_zero() {
    let mut s = tainted(-5);
    let before = evictions(&s);
    s.execute("sim advance 10s", None);
    let rounds = evictions(&s) - before;
    assert!((9..=11).contains(&rounds), "{rounds} evictions in 10s");
}

/// Upstream `processPodOnNode`: the eviction timer starts when the controller first sees the pod
/// on the tainted node, so a pod created long after the taint still gets its full
/// tolerationSeconds (the simulator used to count from the taint's timeAdded and evict every
/// replacement at once).
#[test]
fn toleration_seconds_count_from_the_pods_arrival_not_the_taints() {
    let mut s = tainted(60);
    let first = pod_names(&s);
    s.execute("sim advance 59s", None);
    assert_eq!(pod_names(&s), first, "tolerated for 60 s");
    s.execute("sim advance 5s", None);
    let second = pod_names(&s);
    assert_eq!(second.len(), 1);
    assert_ne!(second, first, "evicted after 60 s and replaced");
    s.execute("sim advance 50s", None);
    assert_eq!(
        pod_names(&s),
        second,
        "the replacement has its own 60 s, though the taint is older"
    );
}

/// Removing the taint cancels a scheduled eviction, with upstream's event.
#[test]
fn removing_the_taint_cancels_the_eviction() {
    let mut s = tainted(60);
    let first = pod_names(&s);
    s.execute("kubectl taint node n1 k-", None);
    s.execute("sim advance 2m", None);
    assert_eq!(pod_names(&s), first);
    let cancelled = s
        .cluster()
        .event_log()
        .any(|e| e.message() == format!("Cancelling deletion of Pod default/{}", first[0]));
    assert!(cancelled);
}

/// The work budget: a command that makes more writes than allowed stops with the simulator's
/// message (a failed command), the clock where it stopped; the next command has a fresh budget.
#[test]
fn a_runaway_command_stops_at_the_work_budget_with_a_message() {
    let mut s = tainted(0);
    s.cluster.work_per_command = 500;
    let out = s.execute("sim advance 1h", None);
    assert!(out.is_error);
    assert!(
        out.output.starts_with("dsplay: the simulation stopped at "),
        "{}",
        out.output
    );
    assert!(
        out.output
            .contains("this command made more than 500 changes"),
        "{}",
        out.output
    );
    let stopped_at = s.cluster().elapsed_millis();
    assert!(stopped_at < 3_600_000 && stopped_at > 0);
    let next = s.execute("sim settle --timeout 1s", None);
    assert!(!next.is_error, "{}", next.output);
    assert!(s.cluster().elapsed_millis() > stopped_at);
    // A stopped `sim settle` says only why it stopped.
    let settle = s.execute("sim settle", None);
    assert!(settle.is_error);
    assert!(!settle.output.contains("not settled"), "{}", settle.output);
    // A watch that would wait on stops too.
    let watch = s.execute("kubectl rollout status ds/ds --timeout=1h", None);
    assert!(
        watch.output.contains("the simulation stopped"),
        "{}",
        watch.output
    );
}

/// client-go's EventCorrelator on the churn: the DaemonSet's "Created pod" events are combined
/// after the tenth, and the spam filter holds them to 25 plus one per 5 minutes.
#[test]
fn churn_events_are_combined_and_spam_filtered_as_client_go_does() {
    let mut s = tainted(0);
    s.execute("sim advance 10m", None);
    let ds_events: Vec<(String, i32)> = s
        .cluster()
        .event_log()
        .filter(|e| e.kind() == "DaemonSet" && e.reason() == "SuccessfulCreate")
        .map(|e| (e.message().to_string(), e.count()))
        .collect();
    let combined: Vec<_> = ds_events
        .iter()
        .filter(|(m, _)| m.starts_with("(combined from similar events): Created pod: ds-"))
        .collect();
    assert_eq!(combined.len(), 1, "{ds_events:?}");
    let total: i32 = ds_events.iter().map(|(_, n)| n).sum();
    assert_eq!(total, 25 + 2, "25 at once, then one per 5 minutes");
    let pods_created = evictions(&s);
    assert!(pods_created > 500, "{pods_created}");
}

/// Issue 24 item 5: the API server's answers to negative quantities, `tolerationSeconds` past
/// int64, a huge quantity and an overlong YAML key.
#[test]
fn hostile_values_get_the_api_servers_messages() {
    let mut s = Session::new();
    let node = "kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Node
metadata: {name: n1}
status:
  allocatable: {cpu: \"-1\", memory: -5Gi}
EOF
";
    assert_eq!(
        s.execute(node, None).output,
        "The Node \"n1\" is invalid: \n\
         * status.allocatable.cpu: Invalid value: \"-1\": must be greater than or equal to 0\n\
         * status.allocatable.memory: Invalid value: \"-5Gi\": must be greater than or equal to 0\n"
    );
    let ds = |extra: &str| {
        format!(
            "kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: DaemonSet
metadata: {{name: ds}}
spec:
  selector: {{matchLabels: {{app: ds}}}}
  template:
    metadata: {{labels: {{app: ds}}}}
    spec:
      {extra}
      containers:
      - name: c
        image: nginx
        resources: {{requests: {{cpu: CPU}}}}
EOF
"
        )
    };
    let negative = ds("").replace("CPU", "\"-100m\"");
    assert_eq!(
        s.execute(&negative, None).output,
        "The DaemonSet \"ds\" is invalid: spec.template.spec.containers[0].resources.requests[cpu]: Invalid value: \"-100m\": must be greater than or equal to 0\n"
    );
    let past_int64 = ds("tolerations: [{key: k, operator: Exists, effect: NoExecute, tolerationSeconds: 9223372036854775808}]")
        .replace("CPU", "1");
    assert!(
        s.execute(&past_int64, None).output.ends_with(
            "json: cannot unmarshal number 9223372036854775808 into Go struct field Toleration.spec.template.spec.tolerations.tolerationSeconds of type int64\n"
        )
    );
    // Kubernetes accepts any exponent: the pod just never fits a node.
    let huge = ds("").replace("CPU", "1e100");
    assert_eq!(s.execute(&huge, None).output, "daemonset.apps/ds created\n");
    let key = format!(
        "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Node\nmetadata:\n  name: n2\n  labels:\n    {}: x\nEOF\n",
        "a".repeat(100_000)
    );
    assert_eq!(
        s.execute(&key, None).output,
        "error: error parsing STDIN: error converting YAML to JSON: yaml: line 6: could not find expected ':'\n"
    );
}

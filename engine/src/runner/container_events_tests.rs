//! The kubelet's events about a pod's containers, as `kubectl get events -o wide` shows them: each
//! event's SUBOBJECT (`involvedObject.fieldPath`) is the container it is about, and two events
//! that differ only there are two events, since client-go's `getEventKey` (the recorder's
//! de-duplication key) includes `fieldPath`. Containers start in order, so of two running one
//! image the second finds it present.

use super::*;

/// One node and a DaemonSet of two containers, `a` and `b`, both running `busybox:1.36`.
const TWO_CONTAINERS: &str = "kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Node
metadata: {name: n1}
EOF
kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: two}
spec:
  selector: {matchLabels: {app: two}}
  template:
    metadata: {labels: {app: two}}
    spec:
      containers:
      - {name: a, image: busybox:1.36}
      - {name: b, image: busybox:1.36}
EOF
sim settle
";

/// The `-o wide` rows of the kubelet's events with `reason`, as (SUBOBJECT, COUNT, MESSAGE).
fn kubelet_rows(reason: &str) -> Vec<(String, String, String)> {
    let mut s = Session::new();
    let out = s.execute(TWO_CONTAINERS, None);
    assert!(!out.is_error, "{}", out.output);
    let table = s.execute("kubectl get events -o wide", None).output;
    let header = table.lines().next().unwrap_or_default().to_string();
    let col = |name: &str| {
        header
            .find(name)
            .unwrap_or_else(|| panic!("{name}: {header}"))
    };
    let (sub, src, msg, first, count, name) = (
        col("SUBOBJECT"),
        col("SOURCE"),
        col("MESSAGE"),
        col("FIRST SEEN"),
        col("COUNT"),
        col("NAME"),
    );
    table
        .lines()
        .skip(1)
        .filter(|l| l.contains(&format!(" {reason} ")) && l.contains("kubelet, n1"))
        .map(|l| {
            let cell = |from: usize, to: usize| l[from..to].trim().to_string();
            (cell(sub, src), cell(count, name), cell(msg, first))
        })
        .collect()
}

#[test]
fn each_containers_events_carry_its_own_field_path() {
    for reason in ["Created", "Started", "Pulled"] {
        let subobjects: Vec<String> = kubelet_rows(reason).into_iter().map(|r| r.0).collect();
        assert_eq!(
            subobjects,
            ["spec.containers{a}", "spec.containers{b}"],
            "{reason}"
        );
    }
}

#[test]
fn an_image_two_containers_run_is_pulled_once_and_found_present_by_the_second() {
    let pulling = kubelet_rows("Pulling");
    assert_eq!(pulling.len(), 1, "{pulling:?}");
    assert_eq!(pulling[0].0, "spec.containers{a}");
    assert_eq!(pulling[0].1, "1", "one pull, counted once: {pulling:?}");
    let pulled = kubelet_rows("Pulled");
    assert!(
        pulled[0]
            .2
            .starts_with("Successfully pulled image \"busybox:1.36\""),
        "{pulled:?}"
    );
    assert_eq!(
        pulled[1].2,
        "Container image \"busybox:1.36\" already present on machine"
    );
    assert!(pulled.iter().all(|r| r.1 == "1"), "{pulled:?}");
}

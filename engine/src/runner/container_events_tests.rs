//! The kubelet's events about a pod's containers, as `kubectl get events -o wide` shows them: each
//! event's SUBOBJECT (`involvedObject.fieldPath`) is the container it is about, and two events
//! that differ only there are two events, since client-go's `getEventKey` (the recorder's
//! de-duplication key) includes `fieldPath`. Containers start in order, so of two running one
//! image the second finds it present.

use super::*;

/// One node and a DaemonSet of two containers, `a` and `b`, both running `image`; `b` with
/// `imagePullPolicy: b_policy`; `before` runs first (a `sim image` line).
fn two_containers(image: &str, b_policy: &str, before: &str) -> String {
    format!(
        "kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Node
metadata: {{name: n1}}
EOF
{before}
kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: DaemonSet
metadata: {{name: two}}
spec:
  selector: {{matchLabels: {{app: two}}}}
  template:
    metadata: {{labels: {{app: two}}}}
    spec:
      containers:
      - {{name: a, image: {image}}}
      - {{name: b, image: {image}, imagePullPolicy: {b_policy}}}
EOF
sim advance 10s
"
    )
}

/// The `-o wide` rows of the kubelet's events with `reason`, as (SUBOBJECT, COUNT, MESSAGE), for
/// two containers of `busybox:1.36` (`IfNotPresent`).
fn kubelet_rows(reason: &str) -> Vec<(String, String, String)> {
    rows_of(&two_containers("busybox:1.36", "IfNotPresent", ""), reason)
}

fn rows_of(scenario: &str, reason: &str) -> Vec<(String, String, String)> {
    let mut s = Session::new();
    let out = s.execute(scenario, None);
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

/// A container that pulls always pulls even after an earlier one pulled its image.
#[test]
fn a_container_that_pulls_always_pulls_again() {
    let scenario = two_containers("busybox:1.36", "Always", "");
    let pulling: Vec<String> = rows_of(&scenario, "Pulling")
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(pulling, ["spec.containers{a}", "spec.containers{b}"]);
    let pulled = rows_of(&scenario, "Pulled");
    assert!(
        pulled
            .iter()
            .all(|r| r.2.starts_with("Successfully pulled image")),
        "{pulled:?}"
    );
}

/// Two containers of an image that cannot be pulled each fail, with their own events.
#[test]
fn each_container_of_an_unpullable_image_fails_on_its_own() {
    let scenario = two_containers(
        "registry.example/gone:1",
        "IfNotPresent",
        "sim image registry.example/gone:1 unpullable",
    );
    for reason in ["Failed", "BackOff"] {
        let mut subobjects: Vec<String> = rows_of(&scenario, reason)
            .into_iter()
            .map(|r| r.0)
            .collect();
        subobjects.dedup();
        assert_eq!(
            subobjects,
            ["spec.containers{a}", "spec.containers{b}"],
            "{reason}"
        );
    }
}

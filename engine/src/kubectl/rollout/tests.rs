//! The rollout commands and `set image` through the session, as a user types them.

use crate::api::ObjectKey;
use crate::runner::Session;

const NODES: &str = "apiVersion: v1
kind: NodeList
items:
- metadata: {name: n1}
- metadata: {name: n2}
- metadata: {name: n3}
";

fn ds(extra_spec: &str) -> String {
    format!(
        "apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: x
  annotations:
    kubernetes.io/change-cause: first
spec:
{extra_spec}  selector:
    matchLabels: {{app: x}}
  template:
    metadata:
      labels: {{app: x}}
    spec:
      initContainers:
      - name: init
        image: busybox:1
      containers:
      - name: app
        image: app:1
"
    )
}

/// A session with three nodes and the DaemonSet `x` created (not applied: no apply warning).
fn session(extra_spec: &str) -> Session {
    let mut s = Session::new();
    assert!(!s.execute("kubectl apply -f -", Some(NODES)).is_error);
    assert!(
        !s.execute("kubectl create -f -", Some(&ds(extra_spec)))
            .is_error
    );
    assert!(run(&mut s, "sim settle --timeout 1h").starts_with("settled"));
    s
}

fn run(s: &mut Session, line: &str) -> String {
    s.execute(line, None).output
}

fn failing(s: &mut Session, line: &str) -> String {
    let o = s.execute(line, None);
    assert!(o.is_error, "{line} should fail: {}", o.output);
    o.output
}

fn pod_names(s: &Session) -> Vec<String> {
    s.cluster()
        .store()
        .pods()
        .keys()
        .map(|k| k.name.to_string())
        .collect()
}

#[test]
fn undo_errors_as_kubectl_prints_them() {
    let mut s = session("");
    assert_eq!(
        failing(&mut s, "kubectl rollout undo ds/x"),
        "error: no last revision to roll back to\n"
    );
    assert_eq!(
        failing(&mut s, "kubectl rollout undo ds/x --to-revision=-1"),
        "error: unable to find specified revision -1 in history\n"
    );
    assert_eq!(
        failing(&mut s, "kubectl rollout undo ds/x --to-revision=2"),
        "error: unable to find specified revision 2 in history\n"
    );
    assert_eq!(
        run(&mut s, "kubectl rollout undo ds/x --to-revision=1"),
        "daemonset.apps/x skipped rollback (current template already matches revision 1)\n"
    );
    assert_eq!(
        failing(&mut s, "kubectl rollout undo ds/y -n kube-system"),
        "Error from server (NotFound): daemonsets.apps \"y\" not found\n"
    );
}

#[test]
fn undo_restores_the_template_without_restarting_its_pods() {
    let mut s = session("");
    let before = pod_names(&s);
    run(&mut s, "sim image app:bad unpullable");
    assert_eq!(
        run(&mut s, "kubectl set image ds/x app=app:bad"),
        "daemonset.apps/x image updated\n"
    );
    run(&mut s, "sim settle");
    let stuck = pod_names(&s);
    let kept: Vec<&String> = before.iter().filter(|p| stuck.contains(p)).collect();
    assert_eq!(kept.len(), 2, "one pod replaced, then the rollout stalls");
    assert_eq!(
        run(&mut s, "kubectl rollout undo ds/x"),
        "daemonset.apps/x rolled back\n"
    );
    run(&mut s, "sim settle");
    let after = pod_names(&s);
    for p in kept {
        assert!(after.contains(p), "{p} was restarted");
    }
    let ds = s
        .cluster()
        .store()
        .daemonset(&ObjectKey::new("default", "x"))
        .unwrap();
    assert_eq!(ds.spec.template.spec.containers[0].image, "app:1");
    assert_eq!(ds.metadata.more.generation, 3);
    assert_eq!(ds.status.updated_number_scheduled, 3);
}

#[test]
fn restart_stamps_the_virtual_time_once_per_second() {
    let mut s = session("");
    run(&mut s, "sim advance 1h");
    assert_eq!(
        run(&mut s, "kubectl rollout restart ds/x"),
        "daemonset.apps/x restarted\n"
    );
    let stamp = s
        .cluster()
        .store()
        .daemonset(&ObjectKey::new("default", "x"))
        .unwrap()
        .spec
        .template
        .metadata
        .annotations["kubectl.kubernetes.io/restartedAt"]
        .clone();
    assert_eq!(stamp, s.cluster().now().to_string());
    assert_eq!(stamp.len(), "2006-01-02T15:04:05Z".len());
    assert!(failing(&mut s, "kubectl rollout restart ds/x").starts_with(
        "error: failed to create patch for x: if restart has already been triggered within the past second"
    ));
    run(&mut s, "sim advance 1s");
    assert_eq!(
        run(&mut s, "kubectl rollout restart ds/x"),
        "daemonset.apps/x restarted\n"
    );
}

#[test]
fn set_image_matches_containers_and_init_containers() {
    let mut s = session("");
    let o = s.execute(
        "kubectl set image ds/x init=busybox:2 nope=a app=app:2",
        None,
    );
    assert!(o.is_error);
    assert_eq!(
        o.output,
        "daemonset.apps/x image updated\nerror: unable to find container named \"nope\"\n"
    );
    let t = |s: &Session| {
        let ds = s
            .cluster()
            .store()
            .daemonset(&ObjectKey::new("default", "x"))
            .unwrap()
            .clone();
        (
            ds.spec.template.spec.settings.init_containers[0]
                .image
                .clone(),
            ds.spec.template.spec.containers[0].image.clone(),
        )
    };
    assert_eq!(t(&s), ("busybox:2".into(), "app:2".into()));
    assert_eq!(
        run(&mut s, "kubectl set image ds/x *=all:3"),
        "daemonset.apps/x image updated\n"
    );
    assert_eq!(t(&s), ("all:3".into(), "all:3".into()));
    assert_eq!(run(&mut s, "kubectl set image ds/x *=all:3"), "");
    assert!(failing(&mut s, "kubectl set image ds/x app=").starts_with(
        "error: failed to patch image update to pod template: DaemonSet.apps \"x\" is invalid: spec.template.spec.containers[0].image: Required value"
    ));
}

#[test]
fn history_shows_the_change_cause_of_each_revision() {
    let mut s = session("");
    run(&mut s, "kubectl set image ds/x app=app:2");
    assert_eq!(
        run(&mut s, "kubectl rollout history ds/x"),
        "daemonset.apps/x \nREVISION  CHANGE-CAUSE\n1         first\n2         first\n\n"
    );
    assert!(
        run(&mut s, "kubectl rollout history ds/x --revision=1").starts_with(
            "daemonset.apps/x with revision #1\nPod Template:\n  Labels:\tapp=x\n  Init Containers:\n   init:\n    Image:\tbusybox:1\n"
        )
    );
    assert_eq!(
        failing(&mut s, "kubectl rollout history ds/x --revision=9"),
        "error: unable to find the specified revision\n"
    );
}

#[test]
fn status_timeout_moves_the_clock_by_the_timeout() {
    let mut s = session("  minReadySeconds: 600\n");
    run(&mut s, "kubectl set image ds/x app=app:2");
    let t0 = s.cluster().elapsed_millis();
    let out = failing(&mut s, "kubectl rollout status ds/x --timeout=90s");
    assert!(
        out.ends_with("error: timed out waiting for the condition\n"),
        "{out}"
    );
    assert_eq!(s.cluster().elapsed_millis() - t0, 90_000);
    // Without a timeout the watch runs until the rollout is done: 3 pods × 600 s.
    let out = run(&mut s, "kubectl rollout status ds/x");
    assert!(
        out.ends_with("daemon set \"x\" successfully rolled out\n"),
        "{out}"
    );
    assert!(s.cluster().elapsed_millis() - t0 >= 1_800_000);
    assert_eq!(
        run(&mut s, "kubectl rollout status ds/x --watch=false"),
        "daemon set \"x\" successfully rolled out\n"
    );
}

#[test]
fn status_of_a_stuck_rollout_without_timeout_stops_when_nothing_can_happen() {
    let mut s = session("");
    run(&mut s, "sim image app:bad unpullable");
    run(&mut s, "kubectl set image ds/x app=app:bad");
    let out = failing(&mut s, "kubectl rollout status ds/x");
    assert!(
        out.lines()
            .last()
            .unwrap()
            .contains("nothing is left to happen in the cluster"),
        "{out}"
    );
}

#[test]
fn status_refuses_on_delete_daemonsets() {
    let mut s = session("  updateStrategy:\n    type: OnDelete\n");
    assert_eq!(
        failing(&mut s, "kubectl rollout status ds/x"),
        "error: rollout status is only available for RollingUpdate strategy type\n"
    );
}

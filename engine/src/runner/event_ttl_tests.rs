//! kube-apiserver keeps an event for `--event-ttl` (an hour) after it was last written; the
//! recorder drops expired rows only in its periodic sweep, so every read leaves them out
//! (`Cluster::events`, `Cluster::event_log`): hours later, `kubectl get events` no longer lists
//! what happened at the start, while an event seen again within the hour stays, with its count
//! and first time.

use super::*;

/// A DaemonSet `name` of one container running `image`.
fn daemonset(name: &str, image: &str) -> String {
    format!(
        "kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: DaemonSet
metadata: {{name: {name}}}
spec:
  selector: {{matchLabels: {{app: {name}}}}}
  template:
    metadata: {{labels: {{app: {name}}}}}
    spec:
      containers: [{{name: c, image: {image}}}]
EOF
"
    )
}

/// One node, a DaemonSet that starts (`ok`) and one whose image cannot be pulled (`broken`).
fn setup() -> String {
    let node = "kubectl apply -f - <<'EOF'
apiVersion: v1
kind: NodeList
items:
- metadata: {name: n1}
EOF
sim image registry.example/broken:1 unpullable
";
    let broken = daemonset("broken", "registry.example/broken:1");
    format!("{node}{}{broken}", daemonset("ok", "nginx"))
}

fn at_59_minutes() -> Session {
    let mut s = Session::new();
    let out = s.execute(&setup(), None);
    assert!(!out.is_error, "{}", out.output);
    s.execute("sim advance 59m", None);
    s
}

fn run(s: &mut Session, line: &str) -> String {
    let out = s.execute(line, None);
    assert!(!out.is_error, "{line}: {}", out.output);
    out.output
}

#[test]
fn events_last_seen_within_the_hour_are_listed() {
    let mut s = at_59_minutes();
    let events = run(&mut s, "kubectl get events");
    assert!(events.contains("Created pod: ok-"), "{events}");
    assert!(events.contains("Started container c"), "{events}");
    assert!(run(&mut s, "kubectl describe ds ok").contains("SuccessfulCreate"));
}

#[test]
fn events_last_seen_over_an_hour_ago_are_gone_from_every_read() {
    let mut s = at_59_minutes();
    s.execute("sim advance 2m", None);
    let events = run(&mut s, "kubectl get events");
    assert!(!events.contains("pod/ok-"), "{events}");
    assert!(!events.contains("daemonset/ok"), "{events}");
    let describe = run(&mut s, "kubectl describe ds ok");
    assert!(describe.contains("Events:            <none>"), "{describe}");
    let about_ok = s
        .cluster()
        .event_log()
        .filter(|e| e.name().starts_with("ok"))
        .count();
    assert_eq!(about_ok, 0, "the page's events table reads the same log");
    assert!(
        s.cluster()
            .events()
            .all(|e| !e.involved_object.name.starts_with("ok"))
    );
    // The image that cannot be pulled is tried again and again: its event, first seen over an
    // hour ago, was last seen now, so it stays, counted from its first time.
    assert!(events.contains("(x17 over 61m)"), "{events}");
    assert!(
        events.contains("Pulling image \"registry.example/broken:1\""),
        "{events}"
    );
}

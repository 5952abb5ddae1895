use super::*;
use crate::api::{Event, EventSource, ObjectReference, StringMap, Time};
use crate::kubectl::print::describe::Writer;

fn event(reason: &str, first: i64, last: i64, count: i32) -> Event {
    Event {
        involved_object: ObjectReference {
            kind: "DaemonSet".into(),
            name: "ds".into(),
            ..Default::default()
        },
        reason: reason.into(),
        message: " a message ".into(),
        source: EventSource {
            component: "daemonset-controller".into(),
            host: String::new(),
        },
        first_timestamp: Time(first),
        last_timestamp: Time(last),
        count,
        type_: "Warning".into(),
        ..Default::default()
    }
}

/// The table is flushed on its own, ages read `5m`, `2m (x3 over 5m)`, or `<invalid>` for a
/// timestamp in the future.
#[test]
fn events_section() {
    let now = Time(600_000);
    let a = event("FailedDaemonPod", 300_000, 480_000, 3);
    let b = event("SelectingAll", 300_000, 300_000, 1);
    let c = event("Late", 700_000, 700_000, 1);
    let mut w = Writer::default();
    w.line(0, "A long title:\tx");
    events::write(&mut w, now, &[&b, &a, &c]);
    assert_eq!(
        w.finish(),
        "A long title:  x\n\
         Events:\n\
         \x20 Type     Reason           Age              From                  Message\n\
         \x20 ----     ------           ----             ----                  -------\n\
         \x20 Warning  SelectingAll     5m               daemonset-controller  a message\n\
         \x20 Warning  FailedDaemonPod  2m (x3 over 5m)  daemonset-controller  a message\n\
         \x20 Warning  Late             <invalid>        daemonset-controller  a message\n"
    );
    let mut w = Writer::default();
    w.line(0, "Name:\tx");
    events::write::<Event>(&mut w, now, &[]);
    assert_eq!(w.finish(), "Name:    x\nEvents:  <none>\n");
}

/// The Events table of seed 000 (`kubectl describe pod` on Docker Desktop): the layout and the
/// `<unknown>` age of an event without timestamps. (That kubectl printed `kubelet, <host>` as
/// the source; the component is given here as it printed it.)
#[test]
fn events_table_of_seed_000() {
    let now = Time(1_000_000);
    let ev = |reason: &str, ago_secs: Option<i64>, from: &str, message: &str| Event {
        reason: reason.into(),
        message: message.into(),
        source: EventSource {
            component: from.into(),
            host: String::new(),
        },
        first_timestamp: ago_secs.map_or(Time(0), |s| Time(now.millis() - s * 1000)),
        last_timestamp: ago_secs.map_or(Time(0), |s| Time(now.millis() - s * 1000)),
        count: 1,
        type_: "Normal".into(),
        ..Default::default()
    };
    let image = "\"quay.io/fluentd_elasticsearch/fluentd:v2.5.2\"";
    let events = [
        ev(
            "Scheduled",
            None,
            "",
            "Successfully assigned default/fluentd-elasticsearch-test-pb5qw to docker-desktop",
        ),
        ev(
            "Pulling",
            Some(32),
            "kubelet, docker-desktop",
            &format!("Pulling image {image}"),
        ),
        ev(
            "Pulled",
            Some(6),
            "kubelet, docker-desktop",
            &format!("Successfully pulled image {image} in 25.3910795s"),
        ),
        ev(
            "Created",
            Some(6),
            "kubelet, docker-desktop",
            "Created container fluentd-elasticsearch",
        ),
        ev(
            "Started",
            Some(5),
            "kubelet, docker-desktop",
            "Started container fluentd-elasticsearch",
        ),
    ];
    let refs: Vec<&Event> = events.iter().collect();
    let mut w = Writer::default();
    events::write(&mut w, now, &refs);
    let seed = "\
Events:
  Type    Reason     Age        From                     Message
  ----    ------     ----       ----                     -------
  Normal  Scheduled  <unknown>                           Successfully assigned default/fluentd-elasticsearch-test-pb5qw to docker-desktop
  Normal  Pulling    32s        kubelet, docker-desktop  Pulling image \"quay.io/fluentd_elasticsearch/fluentd:v2.5.2\"
  Normal  Pulled     6s         kubelet, docker-desktop  Successfully pulled image \"quay.io/fluentd_elasticsearch/fluentd:v2.5.2\" in 25.3910795s
  Normal  Created    6s         kubelet, docker-desktop  Created container fluentd-elasticsearch
  Normal  Started    5s         kubelet, docker-desktop  Started container fluentd-elasticsearch
";
    assert_eq!(w.finish(), seed);
}

/// Seed 003: `kubectl describe nodes k8s-master-01 | grep Taints`.
#[test]
fn taints_line_of_seed_003() {
    let mut c = Cluster::new();
    let mut n = crate::testutil::node("k8s-master-01", StringMap::new());
    n.spec.taints = vec![crate::api::Taint::new(
        "node-role.kubernetes.io/master",
        "",
        "NoSchedule",
    )];
    crate::kubectl::apply::patcher::apply_node(&mut c, n).unwrap();
    let node = c.store().node("k8s-master-01").unwrap().clone();
    let text = node::describe(&c, &node, true);
    let taints: Vec<&str> = text.lines().filter(|l| l.contains("Taints")).collect();
    assert_eq!(
        taints,
        ["Taints:             node-role.kubernetes.io/master:NoSchedule"]
    );
}

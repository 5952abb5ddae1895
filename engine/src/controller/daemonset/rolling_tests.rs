//! Rolling updates (spec §8, §9; conformance-cases.md section G), observed on the virtual clock:
//! at sampled instants the budget holds, and the rollout ends with every pod updated.

use super::roll_index::{NodePodRefs, rolling_update, updated_desired_node_counts};
use crate::api::*;
use crate::cluster::Cluster;
use crate::placement::ShouldRun;
use crate::testutil::{daemonset, labels, node};
use std::collections::BTreeMap;

fn setup(nodes: usize, max_unavailable: i64, max_surge: i64) -> Cluster {
    let mut c = cluster(nodes);
    c.create_daemonset(rolling_ds("img:v1", max_unavailable, max_surge))
        .unwrap();
    assert!(c.settle(600_000).settled);
    c
}

fn cluster(nodes: usize) -> Cluster {
    let mut c = Cluster::new();
    for i in 0..nodes {
        c.create_node(node(&format!("node-{i}"), StringMap::new()))
            .unwrap();
    }
    c
}

fn rolling_ds(image: &str, max_unavailable: i64, max_surge: i64) -> DaemonSet {
    let mut ds = daemonset("ds", labels(&[("app", "ds")]), "c", image);
    ds.spec.update_strategy = DaemonSetUpdateStrategy {
        type_: ROLLING_UPDATE.into(),
        rolling_update: Some(RollingUpdateDaemonSet {
            max_unavailable: Some(IntOrString::Int(max_unavailable)),
            max_surge: Some(IntOrString::Int(max_surge)),
        }),
    };
    ds
}

/// Names of the pods being deleted right now.
fn terminating(c: &Cluster) -> Vec<String> {
    c.store()
        .pods()
        .values()
        .filter(|p| p.metadata.is_being_deleted())
        .map(|p| p.name().to_string())
        .collect()
}

/// Which of `names` are no longer live (deleted, or terminating: a pod whose containers never
/// started goes at once).
fn gone(c: &Cluster, names: &[String]) -> Vec<String> {
    let mut out: Vec<String> = names
        .iter()
        .filter(|n| {
            c.store()
                .pod(&ObjectKey::new("default", n.as_str()))
                .is_none_or(|p| p.metadata.is_being_deleted())
        })
        .cloned()
        .collect();
    out.sort();
    out
}

/// Names of the live pods running `image`, and how many of them are ready.
fn running(c: &Cluster, image: &str) -> (Vec<String>, usize) {
    let pods: Vec<&Pod> = c
        .store()
        .pods()
        .values()
        .map(|p| &**p)
        .filter(|p| !p.metadata.is_being_deleted() && p.spec.containers[0].image == image)
        .collect();
    let ready = pods.iter().filter(|p| p.is_ready()).count();
    (pods.iter().map(|p| p.name().to_string()).collect(), ready)
}

fn ds_status(c: &Cluster) -> DaemonSetStatus {
    c.store()
        .daemonset(&ObjectKey::new("default", "ds"))
        .unwrap()
        .status
        .clone()
}

fn set_image(c: &mut Cluster, image: &str) {
    c.update_daemonset("default", "ds", |d| {
        d.spec.template.spec.containers[0].image = image.into()
    })
    .unwrap();
}

/// Per node: (live pods, available pods, unavailable pods of the current template).
fn census(c: &Cluster) -> BTreeMap<String, (usize, usize, usize)> {
    let ds = c
        .store()
        .daemonset(&ObjectKey::new("default", "ds"))
        .unwrap();
    let image = &ds.spec.template.spec.containers[0].image;
    let mut out = BTreeMap::new();
    for name in c.store().nodes().keys() {
        let live: Vec<&Pod> = c
            .store()
            .pods_on_node(name)
            .filter(|p| !p.metadata.is_being_deleted())
            .collect();
        let available = live.iter().filter(|p| p.is_available(0, c.now())).count();
        let new_unavailable = live
            .iter()
            .filter(|p| &p.spec.containers[0].image == image && !p.is_available(0, c.now()))
            .count();
        out.insert(name.clone(), (live.len(), available, new_unavailable));
    }
    out
}

fn all_updated(c: &Cluster, image: &str) -> bool {
    c.store().pods().len() == c.store().nodes().len()
        && c.store()
            .pods()
            .values()
            .all(|p| p.spec.containers[0].image == image && p.is_ready())
}

/// C45 TestDaemonSetUpdatesPods as a property over time: with maxUnavailable 2, never more than
/// two nodes lack an available pod, and the first sync deletes exactly two old pods.
#[test]
fn g45_max_unavailable_2_holds_at_every_sampled_instant() {
    let mut c = setup(5, 2, 0);
    set_image(&mut c, "img:v2");
    let deleting = c
        .store()
        .pods()
        .values()
        .filter(|p| p.metadata.is_being_deleted())
        .count();
    assert_eq!(deleting, 2);
    for _ in 0..400 {
        let lacking = census(&c)
            .values()
            .filter(|(_, avail, _)| *avail == 0)
            .count();
        assert!(lacking <= 2, "{lacking} nodes without an available pod");
        c.advance(100);
    }
    assert!(all_updated(&c, "img:v2"));
}

/// C46 TestDaemonSetUpdatesPodsWithMaxSurge: maxSurge 2: no node ever holds more than two pods,
/// at most two nodes hold an unavailable new pod, and no node is ever without an available pod.
#[test]
fn g46_max_surge_2_keeps_every_node_available() {
    let mut c = setup(5, 0, 2);
    set_image(&mut c, "img:v2");
    for _ in 0..400 {
        let census = census(&c);
        assert!(census.values().all(|(live, _, _)| *live <= 2), "{census:?}");
        assert!(
            census
                .values()
                .filter(|(_, _, new_unavail)| *new_unavail > 0)
                .count()
                <= 2
        );
        assert!(
            census.values().all(|(_, avail, _)| *avail >= 1),
            "{census:?}"
        );
        c.advance(100);
    }
    assert!(all_updated(&c, "img:v2"));
}

/// C48 TestDaemonSetUpdatesWhenNewPodIsNotReady: new pods never become ready (an unpullable
/// image): exactly maxUnavailable old pods are replaced and the rollout stalls there.
#[test]
fn g48_rollout_stalls_on_pods_that_never_become_ready() {
    let mut c = setup(5, 3, 0);
    c.set_image_pullable("img:bad", false);
    set_image(&mut c, "img:bad");
    assert!(c.settle(600_000).settled);
    let pods: Vec<&Pod> = c.store().pods().values().map(|p| &**p).collect();
    assert_eq!(
        pods.iter()
            .filter(|p| p.spec.containers[0].image == "img:bad")
            .count(),
        3
    );
    assert_eq!(
        pods.iter()
            .filter(|p| p.spec.containers[0].image == "img:v1" && p.is_ready())
            .count(),
        2
    );
    let s = &c
        .store()
        .daemonset(&ObjectKey::new("default", "ds"))
        .unwrap()
        .status;
    assert_eq!((s.updated_number_scheduled, s.number_available), (3, 2));
}

/// Spec §9, the upstream "rollback without unnecessary restarts" flow: pods still on the old
/// template are not restarted by the rollback; only the broken new pod is replaced.
#[test]
fn rollback_does_not_restart_pods_already_on_that_template() {
    let mut c = setup(3, 1, 0);
    let before: Vec<String> = c
        .store()
        .pods()
        .keys()
        .map(|k| k.name.to_string())
        .collect();
    c.set_image_pullable("img:bad", false);
    set_image(&mut c, "img:bad");
    assert!(c.settle(600_000).settled);
    let survivors: Vec<String> = c
        .store()
        .pods()
        .values()
        .filter(|p| p.spec.containers[0].image == "img:v1")
        .map(|p| p.name().to_string())
        .collect();
    assert_eq!(survivors.len(), 2, "the rollout is stuck after one node");
    set_image(&mut c, "img:v1");
    assert!(c.settle(600_000).settled);
    assert!(all_updated(&c, "img:v1"));
    for name in &survivors {
        assert!(before.contains(name));
        assert!(
            c.store().pod(&ObjectKey::new("default", name)).is_some(),
            "{name} was restarted"
        );
    }
    // Three revisions were seen; the rolled-back template got a new revision number (spec §9).
    let revs: Vec<i64> = c.store().revisions().values().map(|r| r.revision).collect();
    assert_eq!(revs.len(), 2);
    assert!(revs.contains(&3));
}

/// OnDelete: a template change replaces nothing until a pod is deleted; the replacement uses
/// the current template (spec §8).
#[test]
fn on_delete_replaces_only_deleted_pods() {
    let mut c = setup(2, 1, 0);
    c.update_daemonset("default", "ds", |d| {
        d.spec.update_strategy = DaemonSetUpdateStrategy {
            type_: ON_DELETE.into(),
            rolling_update: None,
        };
        d.spec.template.spec.containers[0].image = "img:v2".into();
    })
    .unwrap();
    assert!(c.settle(600_000).settled);
    assert!(
        c.store()
            .pods()
            .values()
            .all(|p| p.spec.containers[0].image == "img:v1")
    );
    let victim = c.store().pods().keys().next().unwrap().name.clone();
    c.delete_pod("default", &victim, None, false, false)
        .unwrap();
    assert!(c.settle(600_000).settled);
    let images: Vec<&str> = c
        .store()
        .pods()
        .values()
        .map(|p| p.spec.containers[0].image.as_str())
        .collect();
    assert_eq!(images.iter().filter(|i| **i == "img:v2").count(), 1);
    assert_eq!(images.len(), 2);
}

/// C49 TestDaemonSetUpdatesSomeOldPodsNotReady: maxUnavailable 2; the first rollout leaves two
/// new pods that never become ready. A second template change deletes exactly those two (old and
/// unavailable: replaced regardless of the budget, which they already fill); the three ready old
/// pods stay.
#[test]
fn g49_second_update_replaces_only_the_unavailable_pods() {
    let mut c = setup(5, 2, 0);
    c.set_image_pullable("img:bad2", false);
    c.set_image_pullable("img:bad3", false);
    set_image(&mut c, "img:bad2");
    assert_eq!(terminating(&c).len(), 2);
    assert!(c.settle(600_000).settled);
    let (v1, v1_ready) = running(&c, "img:v1");
    let (bad2, _) = running(&c, "img:bad2");
    assert_eq!((v1.len(), v1_ready, bad2.len()), (3, 3, 2));

    set_image(&mut c, "img:bad3");
    let all: Vec<String> = v1.iter().chain(&bad2).cloned().collect();
    let mut bad2_sorted = bad2.clone();
    bad2_sorted.sort();
    assert_eq!(
        gone(&c, &all),
        bad2_sorted,
        "only the unavailable pods are deleted"
    );
    assert!(c.settle(600_000).settled);
    assert_eq!(running(&c, "img:v1"), (v1, 3));
    assert_eq!(running(&c, "img:bad3").0.len(), 2);
}

/// Pods of the current template, pinned to `node`, for the pure `rollingUpdate` cases.
fn pod_on(node: &str, hash: &str, ready: bool) -> Pod {
    let mut p = Pod::default();
    p.metadata.name = format!("{node}-{hash}").into();
    p.metadata.namespace = "default".into();
    p.metadata
        .labels
        .insert(keys::CONTROLLER_REVISION_HASH.into(), hash.into());
    p.spec.node_name = node.into();
    p.status.conditions = vec![PodCondition {
        type_: "Ready".into(),
        status: if ready { "True" } else { "False" }.into(),
        last_transition_time: Some(Time(0)),
        ..Default::default()
    }]
    .into();
    p
}

fn everywhere(nodes: &[String]) -> BTreeMap<String, ShouldRun> {
    nodes
        .iter()
        .map(|n| {
            (
                n.clone(),
                ShouldRun {
                    should_run: true,
                    should_continue_running: true,
                },
            )
        })
        .collect()
}

/// C51 TestDaemonSetUpdatesAllOldNotReadyPodsAndNewNotReadyPods: 100 nodes, maxUnavailable 10;
/// 88 new unavailable pods, 2 old unavailable, 10 old available. One sync deletes the two
/// unavailable old pods and nothing else (the budget is spent by the new ones).
#[test]
fn g51_unavailable_old_pods_are_replaced_beyond_a_spent_budget() {
    let ds = rolling_ds("img", 10, 0);
    let nodes: Vec<String> = (0..100).map(|i| format!("node-{i:03}")).collect();
    let pods: Vec<Pod> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| match i {
            0..88 => pod_on(n, "new", false),
            88..90 => pod_on(n, "old", false),
            _ => pod_on(n, "old", true),
        })
        .collect();
    let m: NodePodRefs = pods
        .iter()
        .map(|p| (p.spec.node_name.to_string(), vec![p]))
        .collect();
    let plan = rolling_update(&ds, &everywhere(&nodes), m, "new", Time(1000)).unwrap();
    let deleted: Vec<&str> = plan.delete.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(deleted, ["node-088-old", "node-089-old"]);
    assert!(plan.create_on.is_empty());
}

/// C52 TestDaemonSetUpdatesAllOldPodsNotReady: pods that never became ready are all replaced at
/// once, whatever maxUnavailable (3) says.
#[test]
fn g52_all_unavailable_old_pods_are_replaced_at_once() {
    let mut c = cluster(5);
    c.set_image_pullable("img:never", false);
    c.create_daemonset(rolling_ds("img:never", 3, 0)).unwrap();
    assert!(c.settle(600_000).settled);
    let (never, ready) = running(&c, "img:never");
    assert_eq!((never.len(), ready), (5, 0));
    set_image(&mut c, "img:v2");
    assert_eq!(gone(&c, &never).len(), 5);
    assert!(c.settle(600_000).settled);
    assert!(all_updated(&c, "img:v2"));
}

/// C54 TestDaemonSetUpdatesNoTemplateChanged: OnDelete → RollingUpdate{maxUnavailable: 3}
/// without a template change bumps the generation, not the template generation, and replaces
/// nothing.
#[test]
fn g54_strategy_change_alone_replaces_nothing() {
    let mut c = cluster(5);
    let mut ds = rolling_ds("img:v1", 1, 0);
    ds.spec.update_strategy = DaemonSetUpdateStrategy {
        type_: ON_DELETE.into(),
        rolling_update: None,
    };
    c.create_daemonset(ds).unwrap();
    assert!(c.settle(600_000).settled);
    let before: Vec<ObjectKey> = c.store().pods().keys().collect();
    c.update_daemonset("default", "ds", |d| {
        d.spec.update_strategy = rolling_ds("", 3, 0).spec.update_strategy;
    })
    .unwrap();
    assert!(terminating(&c).is_empty());
    assert!(c.settle(600_000).settled);
    let after: Vec<ObjectKey> = c.store().pods().keys().collect();
    assert_eq!(before, after);
    let ds = c
        .store()
        .daemonset(&ObjectKey::new("default", "ds"))
        .unwrap();
    assert_eq!(ds.metadata.more.generation, 2);
    assert_eq!(ds.template_generation(), Some(1));
    assert_eq!(c.store().revisions().len(), 1);
}

/// C55 TestGetUnavailableNumbers: (maxSurge, maxUnavailable, desired, empty entries added).
#[test]
fn g55_updated_desired_node_counts() {
    fn case(
        nodes: usize,
        with_pod: &[usize],
        mu: Option<IntOrString>,
        ms: Option<IntOrString>,
    ) -> (i64, i64, i64, usize) {
        let mut ds = rolling_ds("img", 0, 0);
        ds.spec.update_strategy.rolling_update = Some(RollingUpdateDaemonSet {
            max_unavailable: mu,
            max_surge: ms,
        });
        let names: Vec<String> = (0..nodes).map(|i| format!("node-{i}")).collect();
        let pods: Vec<Pod> = with_pod
            .iter()
            .map(|i| pod_on(&names[*i], "h", true))
            .collect();
        let mut m: NodePodRefs = pods
            .iter()
            .map(|p| (p.spec.node_name.to_string(), vec![p]))
            .collect();
        let before = m.len();
        let (s, u, d) = updated_desired_node_counts(&ds, &everywhere(&names), &mut m).unwrap();
        (s, u, d, m.len() - before)
    }
    use IntOrString::{Int, String as Pct};
    assert_eq!(case(0, &[], Some(Int(0)), None), (0, 0, 0, 0));
    assert_eq!(case(2, &[0, 1], Some(Int(1)), None), (0, 1, 2, 0));
    assert_eq!(case(2, &[0], Some(Int(0)), None), (0, 1, 2, 1));
    assert_eq!(case(2, &[0], Some(Int(0)), Some(Int(0))), (0, 1, 2, 1));
    assert_eq!(
        case(2, &[0, 1], Some(Pct("50%".into())), None),
        (0, 1, 2, 0)
    );
    assert_eq!(
        case(2, &[0, 1], Some(Int(0)), Some(Pct("50%".into()))),
        (1, 0, 2, 0)
    );
    assert_eq!(
        case(2, &[0, 1], Some(Int(0)), Some(Pct("100%".into()))),
        (2, 0, 2, 0)
    );
    // node-1's pod terminating still fills its entry; node-2 is empty: ceil(1.5) = 2.
    assert_eq!(
        case(3, &[0, 1], Some(Pct("50%".into())), None),
        (0, 2, 3, 1)
    );
}

/// minReadySeconds (spec §3.4, §8.4): a new pod counts as available only minReadySeconds after
/// it became ready, so with maxUnavailable 1 the next old pod is deleted no sooner than that.
#[test]
fn min_ready_seconds_paces_the_rollout() {
    let mut c = cluster(3);
    let mut ds = rolling_ds("img:v1", 1, 0);
    ds.spec.min_ready_seconds = 10;
    c.create_daemonset(ds).unwrap();
    assert!(c.settle(600_000).settled);
    set_image(&mut c, "img:v2");
    let mut deleted_at: BTreeMap<String, i64> = BTreeMap::new();
    let mut ready_not_available = false;
    for _ in 0..1200 {
        for name in terminating(&c) {
            deleted_at.entry(name).or_insert(c.elapsed_millis());
        }
        let s = ds_status(&c);
        ready_not_available |= s.number_ready > s.number_available;
        let lacking = census(&c)
            .values()
            .filter(|(_, avail, _)| *avail == 0)
            .count();
        // census() ignores minReadySeconds; availability per the status must hold too.
        assert!(lacking <= 1);
        assert!(s.number_unavailable <= 1, "{s:?}");
        c.advance(100);
    }
    assert!(all_updated(&c, "img:v2"));
    assert!(ready_not_available, "a pod was ready but not yet available");
    let mut times: Vec<i64> = deleted_at.values().copied().collect();
    times.sort();
    assert_eq!(times.len(), 3);
    for w in times.windows(2) {
        assert!(w[1] - w[0] >= 10_000, "deletions too close: {times:?}");
    }
}

/// A surge rollout onto an image that never becomes ready stalls with one surge pod and every
/// old pod still serving (maxSurge 1, maxUnavailable 0).
#[test]
fn surge_rollout_stalls_with_every_old_pod_serving() {
    let mut c = setup(4, 0, 1);
    c.set_image_pullable("img:bad", false);
    set_image(&mut c, "img:bad");
    assert!(c.settle(600_000).settled);
    assert_eq!(running(&c, "img:v1").1, 4);
    let (bad, ready) = running(&c, "img:bad");
    assert_eq!((bad.len(), ready), (1, 0));
    let s = ds_status(&c);
    assert_eq!((s.number_available, s.updated_number_scheduled), (4, 0));
}

/// The upstream integration test TestDaemonSetRollingUpdateWithTolerations (maxSurge 1): nodes
/// tainted zone-y (0, 1), zone-z (2, 3), zone-common (4, 5), all NoSchedule. Moving the
/// toleration from zone-y to zone-z creates pods on the zone-z nodes at once, one surge pod on a
/// zone-common node, and keeps the zone-y pods until the others are available (7 pods); in the
/// end the pods follow the tolerations.
#[test]
fn rolling_update_with_tolerations_moves_pods() {
    let mut c = Cluster::new();
    for i in 0..6 {
        let zone = [
            "zone-y",
            "zone-y",
            "zone-z",
            "zone-z",
            "zone-common",
            "zone-common",
        ][i];
        let mut n = node(&format!("node-{i}"), StringMap::new());
        n.spec.taints = vec![Taint::new(zone, "", "NoSchedule")];
        c.create_node(n).unwrap();
    }
    let tolerate = |keys: &[&str]| -> Vec<Toleration> {
        keys.iter()
            .map(|k| Toleration {
                key: k.to_string().into(),
                operator: "Exists".into(),
                ..Default::default()
            })
            .collect()
    };
    let nodes_with_pods = |c: &Cluster| -> Vec<String> {
        c.store()
            .nodes()
            .keys()
            .filter(|n| c.store().pods_on_node(n).next().is_some())
            .cloned()
            .collect()
    };
    let live = |c: &Cluster| {
        c.store()
            .pods()
            .values()
            .filter(|p| !p.metadata.is_being_deleted())
            .count()
    };
    let set_tolerations = |c: &mut Cluster, t: Vec<Toleration>| {
        c.update_daemonset("default", "ds", |d| {
            d.spec.template.spec.tolerations = t.into()
        })
        .unwrap();
    };
    let mut ds = rolling_ds("img", 0, 1);
    ds.spec.template.spec.tolerations = tolerate(&["zone-y", "zone-common"]).into();
    c.create_daemonset(ds).unwrap();
    assert!(c.settle(600_000).settled);
    assert_eq!(
        nodes_with_pods(&c),
        ["node-0", "node-1", "node-4", "node-5"]
    );

    set_tolerations(&mut c, tolerate(&["zone-z", "zone-common"]));
    assert_eq!(live(&c), 7, "2 new on zone-z, 1 surge, 4 old");
    assert!(c.settle(600_000).settled);
    assert_eq!(
        nodes_with_pods(&c),
        ["node-2", "node-3", "node-4", "node-5"]
    );
    let s = ds_status(&c);
    assert_eq!(
        (
            s.desired_number_scheduled,
            s.updated_number_scheduled,
            s.number_available
        ),
        (4, 4, 4)
    );

    set_tolerations(&mut c, tolerate(&["zone-y", "zone-z", "zone-common"]));
    assert_eq!(live(&c), 7, "2 new on zone-y, 1 surge, 4 old");
    assert!(c.settle(600_000).settled);
    assert_eq!(nodes_with_pods(&c).len(), 6);
    let s = ds_status(&c);
    assert_eq!(
        (
            s.desired_number_scheduled,
            s.updated_number_scheduled,
            s.number_available
        ),
        (6, 6, 6)
    );

    set_tolerations(&mut c, Vec::new());
    assert!(c.settle(600_000).settled);
    assert!(nodes_with_pods(&c).is_empty());
    assert_eq!(ds_status(&c).desired_number_scheduled, 0);
}

/// A surge pod becomes available minReadySeconds after it is ready; the controller must come
/// back then to retire the old pod, although the status (which reads the oldest pod) does not
/// change. (Found by the rolling-update property test.)
#[test]
fn surge_with_min_ready_seconds_retires_old_pods() {
    let mut c = cluster(2);
    let mut ds = rolling_ds("img:v1", 0, 1);
    ds.spec.min_ready_seconds = 5;
    c.create_daemonset(ds).unwrap();
    assert!(c.settle(600_000).settled);
    set_image(&mut c, "img:v2");
    assert!(c.settle(600_000).settled);
    assert!(all_updated(&c, "img:v2"));
    let s = ds_status(&c);
    assert_eq!((s.updated_number_scheduled, s.number_available), (2, 2));
}

/// Readiness (spec §3.4): with a readiness probe's initialDelaySeconds the new pod is Ready only
/// that long after its container starts, and with maxUnavailable 1 the next old pod waits for it.
#[test]
fn readiness_probe_delay_paces_the_rollout() {
    let mut c = setup(3, 1, 0);
    let t0 = c.elapsed_millis();
    c.update_daemonset("default", "ds", |d| {
        let container = &mut d.spec.template.spec.containers[0];
        container.image = "img:v2".into();
        let mut probe = Probe {
            initial_delay_seconds: Some(20),
            ..Default::default()
        };
        probe
            .extra
            .insert("tcpSocket".into(), serde_json::json!({"port": 80}));
        container.readiness_probe = Some(probe);
    })
    .unwrap();
    assert!(c.settle(600_000).settled);
    assert!(all_updated(&c, "img:v2"));
    assert!(
        c.elapsed_millis() - t0 >= 3 * 20_000,
        "three nodes one after the other, each Ready 20 s after its start: {}ms",
        c.elapsed_millis() - t0
    );
}

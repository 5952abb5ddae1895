//! Rolling updates (spec §8, §9; conformance-cases.md section G), observed on the virtual clock:
//! at sampled instants the budget holds, and the rollout ends with every pod updated.

use crate::api::*;
use crate::cluster::Cluster;
use crate::testutil::{daemonset, labels, node};
use std::collections::BTreeMap;

fn setup(nodes: usize, max_unavailable: i64, max_surge: i64) -> Cluster {
    let mut c = Cluster::new();
    for i in 0..nodes {
        c.create_node(node(&format!("node-{i}"), StringMap::new()))
            .unwrap();
    }
    let mut ds = daemonset("ds", labels(&[("app", "ds")]), "c", "img:v1");
    ds.spec.update_strategy = DaemonSetUpdateStrategy {
        type_: ROLLING_UPDATE.into(),
        rolling_update: Some(RollingUpdateDaemonSet {
            max_unavailable: Some(IntOrString::Int(max_unavailable)),
            max_surge: Some(IntOrString::Int(max_surge)),
        }),
    };
    c.create_daemonset(ds).unwrap();
    assert!(c.settle(600_000).settled);
    c
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
fn c45_max_unavailable_2_holds_at_every_sampled_instant() {
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
fn c46_max_surge_2_keeps_every_node_available() {
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
fn c48_rollout_stalls_on_pods_that_never_become_ready() {
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
    let before: Vec<String> = c.store().pods().keys().map(|k| k.name.clone()).collect();
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
    c.delete_pod("default", &victim, None, false).unwrap();
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

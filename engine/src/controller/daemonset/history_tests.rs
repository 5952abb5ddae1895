//! ControllerRevisions (spec §2.2, §9; conformance-cases.md C56): what every template change
//! writes, revisionHistoryLimit cleanup, the rollback bump, and claiming.

use crate::api::*;
use crate::cluster::Cluster;
use crate::testutil::{daemonset, labels, node};

fn cluster(nodes: usize, strategy: &str, limit: i64) -> Cluster {
    let mut c = Cluster::new();
    for i in 0..nodes {
        c.create_node(node(&format!("node-{i}"), StringMap::new()))
            .unwrap();
    }
    let mut ds = daemonset("ds", labels(&[("app", "ds")]), "c", "img:1");
    ds.spec.update_strategy.type_ = strategy.into();
    ds.spec.revision_history_limit = Some(limit);
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

fn the_ds(c: &Cluster) -> DaemonSet {
    c.store()
        .daemonset(&ObjectKey::new("default", "ds"))
        .unwrap()
        .clone()
}

/// (revision number, image) of every revision, by number.
fn revisions(c: &Cluster) -> Vec<(i64, String)> {
    let mut out: Vec<(i64, String)> = c
        .store()
        .revisions()
        .values()
        .map(|r| {
            let t = super::history::template_of(r).unwrap();
            (r.revision, t.spec.containers[0].image.clone())
        })
        .collect();
    out.sort();
    out
}

/// Spec §2.2 and §9: a template change bumps generation and templateGeneration, and the
/// controller writes a revision named `<ds>-<hash>` whose hash label the new pods carry, with
/// the `pod-template-generation` label.
#[test]
fn template_change_writes_revision_and_pod_labels() {
    let mut c = cluster(2, ROLLING_UPDATE, 10);
    set_image(&mut c, "img:2");
    assert!(c.settle(600_000).settled);
    let ds = the_ds(&c);
    assert_eq!(ds.metadata.more.generation, 2);
    assert_eq!(ds.template_generation(), Some(2));
    assert_eq!(ds.status.observed_generation, 2);
    let current = c
        .store()
        .revisions()
        .values()
        .find(|r| r.revision == 2)
        .unwrap();
    let hash = current.metadata.labels[keys::CONTROLLER_REVISION_HASH].clone();
    assert_eq!(current.metadata.name, format!("ds-{hash}"));
    for p in c.store().pods().values() {
        assert_eq!(p.metadata.labels[keys::CONTROLLER_REVISION_HASH], hash);
        assert_eq!(p.metadata.labels[keys::POD_TEMPLATE_GENERATION], "2");
    }
}

/// revisionHistoryLimit 2: after five templates only the current revision and the two newest
/// old ones remain.
#[test]
fn revision_history_limit_keeps_the_newest_old_revisions() {
    let mut c = cluster(2, ROLLING_UPDATE, 2);
    for i in 2..=5 {
        set_image(&mut c, &format!("img:{i}"));
        assert!(c.settle(600_000).settled);
    }
    assert_eq!(
        revisions(&c),
        [
            (3, "img:3".into()),
            (4, "img:4".into()),
            (5, "img:5".into())
        ]
    );
}

/// revisionHistoryLimit 0 leaves only the current revision.
#[test]
fn revision_history_limit_zero_keeps_only_the_current_revision() {
    let mut c = cluster(2, ROLLING_UPDATE, 0);
    set_image(&mut c, "img:2");
    assert!(c.settle(600_000).settled);
    assert_eq!(revisions(&c), [(2, "img:2".into())]);
}

/// Cleanup spares revisions whose hash live pods still carry (OnDelete keeps the old pods): with
/// limit 1 and three later templates, revision 1 stays while its pods live; revisions 2 and 3
/// (no pods) go beyond the limit.
#[test]
fn cleanup_spares_revisions_of_live_pods() {
    let mut c = cluster(2, ON_DELETE, 1);
    for i in 2..=4 {
        set_image(&mut c, &format!("img:{i}"));
        assert!(c.settle(600_000).settled);
    }
    let revs = revisions(&c);
    assert!(revs.contains(&(1, "img:1".into())), "{revs:?}");
    assert!(revs.contains(&(4, "img:4".into())), "{revs:?}");
    assert_eq!(revs.len(), 2, "{revs:?}");
    // Once the old pods are gone, revision 1 is cleaned up too.
    let pods: Vec<String> = c
        .store()
        .pods()
        .keys()
        .map(|k| k.name.to_string())
        .collect();
    for p in pods {
        c.delete_pod("default", &p, None, false, false).unwrap();
    }
    assert!(c.settle(600_000).settled);
    set_image(&mut c, "img:5");
    assert!(c.settle(600_000).settled);
    assert_eq!(revisions(&c), [(4, "img:4".into()), (5, "img:5".into())]);
}

/// Spec §9: going back to an earlier template reuses its revision with a new number.
#[test]
fn rollback_bumps_the_revision_number() {
    let mut c = cluster(2, ROLLING_UPDATE, 10);
    set_image(&mut c, "img:2");
    assert!(c.settle(600_000).settled);
    set_image(&mut c, "img:1");
    assert!(c.settle(600_000).settled);
    assert_eq!(revisions(&c), [(2, "img:2".into()), (3, "img:1".into())]);
    assert_eq!(the_ds(&c).template_generation(), Some(3));
}

/// C56 TestControlledHistories: an orphan revision matching the selector in the DaemonSet's
/// namespace is adopted; one in another namespace is not.
#[test]
fn g56_controlled_histories_adopt_orphans_in_the_namespace_only() {
    let mut c = cluster(1, ROLLING_UPDATE, 10);
    let orphan = |ns: &str| ControllerRevision {
        api_version: "apps/v1".into(),
        kind: "ControllerRevision".into(),
        metadata: ObjectMeta {
            name: "orphan".into(),
            namespace: ns.into(),
            labels: labels(&[("app", "ds"), (keys::CONTROLLER_REVISION_HASH, "orphan")]).into(),
            ..Default::default()
        },
        data: serde_json::json!({"spec": {"template": {"$patch": "replace"}}}),
        revision: 7,
    };
    c.w.store.put_revision(orphan("default"));
    c.w.store.put_revision(orphan("other"));
    c.reconcile();
    let uid = the_ds(&c).metadata.uid.to_string();
    let owner = |ns: &str| {
        c.store()
            .revisions()
            .get(&ObjectKey::new(ns, "orphan"))
            .unwrap()
            .metadata
            .controller_ref()
            .map(|r| r.uid.clone())
    };
    assert_eq!(owner("default"), Some(uid));
    assert_eq!(owner("other"), None);
}

//! C74 (kubectl `pkg/cmd/drain/drain_test.go` `TestDrain`, DaemonSet cases) and the rest of
//! kubectl's drain filters, on a node `node` running one pod of the DaemonSet `ds`.

use super::*;
use crate::api::{ObjectKey, phase};
use crate::cluster::{Cascade, Cluster};
use crate::kubectl::Context;
use crate::kubectl::apply::patcher::{apply_daemonset, apply_node};
use crate::testutil::{l1, new_daemonset, node};
use serde_json::json;

const NODE: &str = "node";

/// A cluster with `node` and the DaemonSet `ds` (optionally with an emptyDir volume), settled:
/// one DS pod runs on the node. Returns the cluster and the pod's key.
fn cluster_with_ds_pod(empty_dir: bool) -> (Cluster, ObjectKey) {
    let mut c = Cluster::new();
    apply_node(&mut c, node(NODE, Default::default())).unwrap();
    let mut ds = new_daemonset("ds");
    if empty_dir {
        ds.spec.template.spec.settings.extra.insert(
            "volumes".into(),
            json!([{"name": "scratch", "emptyDir": {}}]),
        );
    }
    apply_daemonset(&mut c, ds).unwrap();
    c.settle(60_000);
    let key = c
        .store()
        .pods()
        .iter()
        .find(|(_, p)| p.metadata.labels == l1().into() || p.metadata.labels.contains_key("name"))
        .map(|(k, _)| k.clone())
        .expect("the DaemonSet's pod");
    (c, key)
}

fn args(ignore_daemonsets: bool, force: bool) -> DrainOptions {
    DrainOptions {
        node: NODE.into(),
        ignore_daemonsets,
        force,
        delete_emptydir_data: false,
        grace_period: None,
        timeout: None,
    }
}

fn run_drain(c: &mut Cluster, a: &DrainOptions) -> Out {
    let mut out = Out::default();
    let mut ctx = Context {
        cluster: c,
        stdin: None,
        files: None,
    };
    run(&mut ctx, a, &mut out);
    out
}

#[test]
fn c74_daemonset_pod_without_ignore_daemonsets_is_fatal_and_not_deleted() {
    let (mut c, pod) = cluster_with_ds_pod(false);
    let uid = c.store().pod(&pod).unwrap().metadata.uid.clone();
    let out = run_drain(&mut c, &args(false, false));
    let p = format!("default/{}", pod.name);
    assert_eq!(
        out.text,
        format!(
            "node/node cordoned\n\
             error: unable to drain node \"node\" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): {p}, continuing command...\n\
             There are pending nodes to be drained:\n node\n\
             cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): {p}\n"
        )
    );
    assert!(out.failed);
    assert_eq!(c.store().pod(&pod).unwrap().metadata.uid, uid);
    assert!(c.store().node(NODE).unwrap().spec.unschedulable);
}

#[test]
fn c74_succeeded_daemonset_pod_may_be_deleted() {
    let (mut c, pod) = cluster_with_ds_pod(false);
    c.w.store
        .update_pod(&pod, |p| p.status.phase = phase::SUCCEEDED.into());
    let list = pods_for_deletion(&c, NODE, &args(false, false));
    assert_eq!(list, vec![(pod, Verdict::Delete)]);
}

#[test]
fn c74_ignore_daemonsets_leaves_the_pod_and_drains() {
    let (mut c, pod) = cluster_with_ds_pod(false);
    let uid = c.store().pod(&pod).unwrap().metadata.uid.clone();
    let out = run_drain(&mut c, &args(true, false));
    assert_eq!(
        out.text,
        format!(
            "node/node cordoned\nWarning: ignoring DaemonSet-managed Pods: default/{}\nnode/node drained\n",
            pod.name
        )
    );
    assert!(!out.failed);
    assert_eq!(c.store().pod(&pod).unwrap().metadata.uid, uid);
}

#[test]
fn c74_daemonset_pod_with_empty_dir_and_ignore_daemonsets_is_only_warned_about() {
    let (mut c, pod) = cluster_with_ds_pod(true);
    let out = run_drain(&mut c, &args(true, false));
    assert!(
        out.text.contains(&format!(
            "Warning: ignoring DaemonSet-managed Pods: default/{}\n",
            pod.name
        )),
        "{}",
        out.text
    );
    assert!(out.text.ends_with("node/node drained\n"));
    assert!(c.store().pod(&pod).is_some());
}

#[test]
fn c74_orphaned_pod_needs_force_then_is_evicted_with_a_warning() {
    let (mut c, pod) = cluster_with_ds_pod(false);
    c.delete_daemonset("default", "ds", Cascade::Orphan)
        .unwrap();
    let p = format!("default/{}", pod.name);

    let out = run_drain(&mut c, &args(true, false));
    assert!(out.failed);
    assert!(out.text.ends_with(&format!(
        "cannot delete Pods that declare no controller (use --force to override): {p}\n"
    )));
    assert!(c.store().pod(&pod).is_some());

    let out = run_drain(&mut c, &args(true, true));
    assert_eq!(
        out.text,
        format!(
            "node/node already cordoned\n\
             Warning: deleting Pods that declare no controller: {p}\n\
             evicting pod {p}\n\
             pod/{} evicted\n\
             node/node drained\n",
            pod.name
        )
    );
    assert!(c.store().pod(&pod).is_none());
}

/// A DS pod whose DaemonSet is gone: the GET's NotFound error is fatal; with `--force` the pod
/// may go, and the warning is lost to the next filter's verdict, as in kubectl (checked on the
/// filters alone: the garbage collector would remove the pod).
#[test]
fn daemonset_pod_of_a_missing_daemonset() {
    let (mut c, pod) = cluster_with_ds_pod(false);
    c.w.store.remove_daemonset(&ObjectKey::new("default", "ds"));
    let p = c.store().pod(&pod).unwrap().clone();
    let msg = "daemonsets.apps \"ds\" not found".to_string();
    assert_eq!(verdict(&c, &p, &args(false, false)), Verdict::Error(msg));
    assert_eq!(verdict(&c, &p, &args(false, true)), Verdict::Delete);
}

#[test]
fn local_storage_and_mirror_pods() {
    let (mut c, pod) = cluster_with_ds_pod(false);
    c.delete_daemonset("default", "ds", Cascade::Orphan)
        .unwrap();
    c.w.store.update_pod(&pod, |p| {
        p.spec
            .settings
            .extra
            .insert("volumes".into(), json!([{"name": "s", "emptyDir": {}}]));
    });
    let p = c.store().pod(&pod).unwrap().clone();
    assert_eq!(
        verdict(&c, &p, &args(false, true)),
        Verdict::Error(LOCAL_STORAGE_FATAL.into())
    );
    let mut a = args(false, true);
    a.delete_emptydir_data = true;
    // The local-storage warning is dropped by the next filter's (kubectl's TODO).
    assert_eq!(
        verdict(&c, &p, &a),
        Verdict::Warn {
            delete: true,
            message: UNMANAGED_WARNING.into()
        }
    );
    let mut mirror = p.clone();
    mirror
        .metadata
        .annotations
        .insert(MIRROR_ANNOTATION.into(), "x".into());
    assert_eq!(verdict(&c, &mirror, &args(false, false)), Verdict::Skip);
}

#[test]
fn several_errors_are_listed_in_brackets_then_one_a_line() {
    let mut out = Out::default();
    fail(&mut out, "n", &["a: x".into(), "b: y".into()]);
    assert_eq!(
        out.text,
        "error: unable to drain node \"n\" due to error: [a: x, b: y], continuing command...\n\
         There are pending nodes to be drained:\n n\na: x\nb: y\n"
    );
}

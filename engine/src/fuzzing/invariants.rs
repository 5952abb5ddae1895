//! What must hold in a cluster whatever was done to it (issue 10): at every instant, no node holds
//! two live pods of one DaemonSet unless the DaemonSet surges (then at most two), and a node that
//! no longer exists holds at most two (spec §7: the controller leaves them to PodGC); once
//! settled, the status numbers agree with the pods (spec §11) and no pod is bound to a node that
//! no longer exists (PodGC has run).

use crate::api::DaemonSet;
use crate::cluster::Cluster;
use crate::placement::node_should_run_daemon_pod;
use std::collections::BTreeMap;

/// The invariants broken, described; empty when all hold. `settled`: the last command was a
/// `sim settle` that settled.
pub fn check(c: &Cluster, settled: bool) -> Vec<String> {
    let mut broken = Vec::new();
    for ds in c.store().daemonsets().values() {
        if ds.metadata.is_being_deleted() {
            continue;
        }
        live_pods_per_node(c, ds, &mut broken);
        if settled {
            status_matches_pods(c, ds, &mut broken);
        }
    }
    if settled {
        for rs in c.store().replicasets().values() {
            replicaset_has_its_replicas(c, rs, &mut broken);
        }
        for p in c.store().pods().values() {
            if !p.spec.node_name.is_empty() && c.store().node(&p.spec.node_name).is_none() {
                broken.push(format!(
                    "pod {} is bound to node {} that no longer exists",
                    p.metadata.name, p.spec.node_name
                ));
            }
        }
    }
    broken
}

fn owned_by<'a>(c: &'a Cluster, ds: &'a DaemonSet) -> impl Iterator<Item = &'a crate::api::Pod> {
    c.store()
        .pods_owned_by(&ds.metadata.uid.as_str())
        .filter(|p| !p.metadata.is_being_deleted())
}

fn live_pods_per_node(c: &Cluster, ds: &DaemonSet, broken: &mut Vec<String>) {
    let mut per_node: BTreeMap<&str, usize> = BTreeMap::new();
    for p in owned_by(c, ds).filter(|p| !p.is_terminal()) {
        *per_node.entry(p.spec.node_name.as_str()).or_default() += 1;
    }
    let surge = ds.allows_surge();
    for (node, n) in per_node {
        if node.is_empty() {
            continue;
        }
        // Spec §7 (`manage`): pods bound to a node that no longer exists are neither counted nor
        // deleted by the controller, whatever its strategy has become since; PodGC removes them
        // after its quarantine. It never creates pods there, so the two of a surge are the most.
        let most = if surge || c.store().node(node).is_none() {
            2
        } else {
            1
        };
        if n > most {
            broken.push(format!(
                "DaemonSet {} has {n} live pods on node {node} (at most {most})",
                ds.metadata.name
            ));
        }
    }
}

fn status_matches_pods(c: &Cluster, ds: &DaemonSet, broken: &mut Vec<String>) {
    let desired = c
        .store()
        .nodes()
        .values()
        .filter(|n| node_should_run_daemon_pod(n, ds).should_run)
        .count() as i64;
    let s = &ds.status;
    let mut check = |ok: bool, what: String| {
        if !ok {
            broken.push(format!("DaemonSet {}: {what}", ds.metadata.name));
        }
    };
    check(
        s.desired_number_scheduled == desired,
        format!(
            "desiredNumberScheduled {} but {desired} nodes should run it",
            s.desired_number_scheduled
        ),
    );
    check(
        s.number_available <= s.number_ready,
        "numberAvailable > numberReady".into(),
    );
    check(
        s.number_ready <= s.current_number_scheduled,
        "numberReady > currentNumberScheduled".into(),
    );
    check(
        s.current_number_scheduled <= s.desired_number_scheduled,
        "currentNumberScheduled > desiredNumberScheduled".into(),
    );
    check(
        s.number_unavailable == s.desired_number_scheduled - s.number_available,
        "numberUnavailable != desired - available".into(),
    );
    check(
        s.updated_number_scheduled <= s.current_number_scheduled.max(desired),
        "updatedNumberScheduled > scheduled".into(),
    );
}

/// Once settled, a ReplicaSet that is not being deleted has `spec.replicas` live pods, and its
/// status says so (`calculateStatus`).
fn replicaset_has_its_replicas(c: &Cluster, rs: &crate::api::ReplicaSet, broken: &mut Vec<String>) {
    if rs.metadata.is_being_deleted() {
        return;
    }
    let live = c
        .store()
        .pods_owned_by(&rs.metadata.uid.as_str())
        .filter(|p| !p.is_terminal() && !p.metadata.is_being_deleted())
        .count() as i64;
    if live != rs.replicas() || rs.status.replicas != live {
        broken.push(format!(
            "replicaset {}: {live} live pods, spec.replicas {}, status.replicas {}",
            rs.metadata.name,
            rs.replicas(),
            rs.status.replicas
        ));
    }
}

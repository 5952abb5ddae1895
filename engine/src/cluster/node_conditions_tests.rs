//! Nodes registered at one instant share their conditions, and a change to one node's stays its
//! own.

use crate::api::StringMap;
use crate::cluster::{Cluster, NodeReadiness};
use crate::testutil::node;

#[test]
fn nodes_registered_together_share_conditions_until_one_changes() {
    let mut c = Cluster::new();
    for name in ["a", "b"] {
        c.create_node(node(name, StringMap::new())).unwrap();
    }
    let conditions =
        |c: &Cluster, name: &str| c.store().node(name).unwrap().status.conditions.clone();
    assert!(conditions(&c, "a").same(&conditions(&c, "b")), "one copy");
    c.set_node_readiness("a", NodeReadiness::NotReady).unwrap();
    let ready = |c: &Cluster, name: &str| {
        c.store()
            .node(name)
            .unwrap()
            .condition_status("Ready")
            .map(str::to_owned)
    };
    assert_eq!(ready(&c, "a").as_deref(), Some("False"));
    assert_eq!(
        ready(&c, "b").as_deref(),
        Some("True"),
        "b's copy is untouched"
    );
}

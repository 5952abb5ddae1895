//! Nodes registered at one instant share their conditions, and a change to one node's stays its
//! own; a registered node holds no spare room and no second copy of its name or constants.

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

/// A registered node's labels (the manifest's grown by registration) and annotations (the
/// last-applied one alone) are kept without spare room: 10,000 pasted nodes held ~240 B each.
#[test]
fn a_registered_nodes_maps_have_no_spare_room() {
    let mut c = Cluster::new();
    let mut n = node("a", [("zone".to_string(), "z".to_string())].into());
    n.metadata.annotations.insert("note".into(), "x".into());
    c.create_node(n).unwrap();
    let meta = &c.store().node("a").unwrap().metadata;
    assert_eq!(meta.labels.len(), 6, "zone and registration's five");
    assert_eq!(meta.labels.capacity(), meta.labels.len());
    assert_eq!(meta.annotations.capacity(), 1);
}

/// A registered node's name is the store's copy, its Hostname address that same string, and
/// its apiVersion and kind the constants: no allocation of their own.
#[test]
fn a_registered_node_shares_its_name_and_constants() {
    let mut c = Cluster::new();
    c.create_node(node("a", StringMap::new())).unwrap();
    let n = c.store().node("a").unwrap();
    let hostname = n.status.addresses.iter().find(|a| a.type_ == "Hostname");
    assert!(hostname.unwrap().address.same(&n.metadata.name));
    let held = c.w.store.held_node_name("a");
    assert!(held.same(&c.store().node("a").unwrap().metadata.name));
    let n = c.store().node("a").unwrap();
    assert!(matches!(n.api_version, std::borrow::Cow::Borrowed("v1")));
    assert!(matches!(n.kind, std::borrow::Cow::Borrowed("Node")));
}

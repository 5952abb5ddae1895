//! The pods' template is kept between syncs: nodes registered one by one (a pasted NodeList,
//! one sync and one pod each) get pods that share the template's parts, and a changed
//! template builds a new one.

use crate::api::{Pod, Toleration};
use crate::cluster::Cluster;
use crate::testutil::{l1, new_daemonset, node};

fn pod_on(c: &Cluster, node_name: &str) -> Pod {
    let pod = c.store().pods_on_node(node_name).next();
    pod.expect("a pod on the node").clone()
}

#[test]
fn pods_of_nodes_registered_one_by_one_share_the_template() {
    let mut c = Cluster::new();
    let mut ds = new_daemonset("foo");
    // A toleration of its own: the pods' list is the template's merged with the defaults.
    let toleration = Toleration::exists("example.com/dedicated", "NoSchedule");
    ds.spec.template.spec.tolerations.push(toleration);
    c.create_daemonset(ds).unwrap();
    for name in ["a", "b"] {
        c.create_node(node(name, l1())).unwrap();
    }
    let (a, b) = (pod_on(&c, "a"), pod_on(&c, "b"));
    assert_eq!(a.spec.tolerations.len(), 7);
    assert!(a.spec.tolerations.same(&b.spec.tolerations), "one list");
    assert!(a.metadata.labels.same(&b.metadata.labels), "one label map");
    assert!(
        a.metadata.more.same(&b.metadata.more),
        "one owner reference"
    );

    // A new template: the next node's pod is built from it, not from the kept one.
    c.update_daemonset("default", "foo", |ds| {
        ds.spec.template.spec.tolerations.clear();
    })
    .unwrap();
    c.create_node(node("c", l1())).unwrap();
    let pod = pod_on(&c, "c");
    assert_eq!(pod.spec.tolerations.len(), 6, "the defaults alone");
    assert!(!pod.spec.tolerations.same(&a.spec.tolerations));
}

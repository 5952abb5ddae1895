//! The reader's cost on the page's big paste (issue 20): the text of one NodeList of N nodes
//! (the shape of scripts/bench/manifests.mjs) read, checked and decoded into `Node`s by
//! `manifest::decode_each`, each object dropped at once: the YAML reader and the decode into
//! API types, nothing applied. For callgrind:
//! `valgrind --tool=callgrind target/release/examples/read_nodes [NODES]`.

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let mut yaml = String::from("apiVersion: v1\nkind: NodeList\nitems:\n");
    for i in 0..n {
        yaml.push_str(&format!(
            "- apiVersion: v1\n  kind: Node\n  metadata:\n    name: node-{i:05}\n    labels:\n      topology.kubernetes.io/zone: zone-{}\n",
            i % 3
        ));
    }
    let mut objects = 0;
    let validation = dsplay_engine::manifest::FieldValidation::Strict;
    let stop = dsplay_engine::manifest::decode_each(&yaml, validation, &mut |o, _| {
        assert!(o.is_ok(), "{:?}", o.err());
        objects += 1;
    });
    assert!(stop.is_none(), "{stop:?}");
    println!("{objects} objects from {} bytes", yaml.len());
}

//! The gallery: real DaemonSets (`engine/testdata/fixtures/`) in scenarios that each show one
//! behaviour. A preset is a saved state like any link: a scenario-language script, replayed on
//! an empty cluster; the editor shows the last DaemonSet it applies.

/// One preset of the gallery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// Its name in links (`"preset":"kube-proxy"`) and in `data-preset` of embeds.
    pub id: &'static str,
    pub title: &'static str,
    pub script: &'static str,
}

macro_rules! preset {
    ($id:literal, $title:literal) => {
        Preset {
            id: $id,
            title: $title,
            script: include_str!(concat!("scripts/", $id, ".txt")),
        }
    };
}

/// The gallery, in the order the menu lists it.
pub const PRESETS: &[Preset] = &[
    preset!(
        "fluentd-elasticsearch",
        "fluentd-elasticsearch: tolerating the control plane"
    ),
    preset!("kube-proxy", "kube-proxy: tolerating every taint"),
    preset!(
        "node-selector",
        "nodeSelector logger=fluentd on two of three nodes"
    ),
    preset!("node-exporter", "node-exporter on every node"),
    preset!("calico-node", "calico-node with hostNetwork"),
    preset!("rolling-update", "RollingUpdate with maxUnavailable 1"),
    preset!("surge-rollout", "A surge rollout with maxSurge 20%"),
    preset!("on-delete", "OnDelete: pods change only when deleted"),
    preset!(
        "stuck-rollout",
        "A rollout stuck on an unpullable image, rolled back"
    ),
    preset!("drain", "Drain with and without --ignore-daemonsets"),
    preset!("not-ready", "A node turning NotReady"),
    preset!(
        "deployment-as-daemonset",
        "A Deployment turned into a DaemonSet, and its error"
    ),
];

/// The preset the page opens on: pods appear at once and turn Running within seconds.
pub const DEFAULT: &str = "fluentd-elasticsearch";

pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

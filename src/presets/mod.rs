//! The gallery: real DaemonSets (`engine/testdata/fixtures/`) in scenarios that each show one
//! behaviour. A preset is a saved state like any link: a scenario-language script, replayed on
//! an empty cluster; the editor shows the last DaemonSet it applies.

use crate::i18n::Msg;

/// One preset of the gallery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// Its name in links (`"preset":"kube-proxy"`) and in `data-preset` of embeds.
    pub id: &'static str,
    /// What the menu shows, and the tooltip that says what it shows (the catalogue's).
    pub title: Msg,
    pub about: Msg,
    pub script: &'static str,
}

macro_rules! preset {
    ($id:literal, $title:ident, $about:ident) => {
        Preset {
            id: $id,
            title: Msg::$title,
            about: Msg::$about,
            script: include_str!(concat!("scripts/", $id, ".txt")),
        }
    };
}

/// The gallery, in the order the menu lists it.
pub const PRESETS: &[Preset] = &[
    preset!("fluentd-elasticsearch", PresetFluentd, PresetFluentdAbout),
    preset!("kube-proxy", PresetKubeProxy, PresetKubeProxyAbout),
    preset!("node-selector", PresetNodeSelector, PresetNodeSelectorAbout),
    preset!("node-exporter", PresetNodeExporter, PresetNodeExporterAbout),
    preset!("calico-node", PresetCalico, PresetCalicoAbout),
    preset!(
        "rolling-update",
        PresetRollingUpdate,
        PresetRollingUpdateAbout
    ),
    preset!("surge-rollout", PresetSurge, PresetSurgeAbout),
    preset!("on-delete", PresetOnDelete, PresetOnDeleteAbout),
    preset!("stuck-rollout", PresetStuck, PresetStuckAbout),
    preset!("drain", PresetDrain, PresetDrainAbout),
    preset!("not-ready", PresetNotReady, PresetNotReadyAbout),
    preset!(
        "deployment-as-daemonset",
        PresetDeployment,
        PresetDeploymentAbout
    ),
];

/// The preset the page opens on: pods appear at once and turn Running within seconds.
pub const DEFAULT: &str = "fluentd-elasticsearch";

pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::PRESETS;
    use dsplay_engine::suite::test_source;

    /// Every preset runs as `dsplay test` runs a tutorial's scenario: its expect lines hold and
    /// every command that fails is one the preset means to fail (`expect failed`).
    #[test]
    fn every_preset_passes_dsplay_test() {
        for p in PRESETS {
            for r in test_source(p.script, p.id, None) {
                assert!(r.passed, "{}:\n{}", r.name, r.details);
            }
        }
    }
}

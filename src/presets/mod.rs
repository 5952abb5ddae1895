//! The gallery: real DaemonSets (`engine/testdata/fixtures/`) in scenarios that each show one
//! behaviour. A preset is a saved state like any link: a scenario-language script, replayed on
//! an empty cluster; the editor shows the last DaemonSet it applies.

use crate::i18n::Msg;

/// One preset of the gallery, as the menu shows it. Its script is [`script`]'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// Its name in links (`"preset":"kube-proxy"`) and in `data-preset` of embeds.
    pub id: &'static str,
    /// What the menu shows, and the tooltip that says what it shows (the catalogue's).
    pub title: Msg,
    pub about: Msg,
}

/// The gallery ([`PRESETS`]) and each preset's script ([`script`]) from one list: the page's
/// module links the menu and not the scripts, which only the model replays.
macro_rules! presets {
    ($(($id:literal, $title:ident, $about:ident),)*) => {
        /// The gallery, in the order the menu lists it.
        pub const PRESETS: &[Preset] = &[$(Preset {
            id: $id,
            title: Msg::$title,
            about: Msg::$about,
        }),*];

        /// The script of the preset `id`.
        pub fn script(id: &str) -> Option<&'static str> {
            match id {
                $($id => Some(include_str!(concat!("scripts/", $id, ".txt"))),)*
                _ => None,
            }
        }
    };
}

presets! {
    ("fluentd-elasticsearch", PresetFluentd, PresetFluentdAbout),
    ("kube-proxy", PresetKubeProxy, PresetKubeProxyAbout),
    ("node-selector", PresetNodeSelector, PresetNodeSelectorAbout),
    ("node-exporter", PresetNodeExporter, PresetNodeExporterAbout),
    ("calico-node", PresetCalico, PresetCalicoAbout),
    ("rolling-update", PresetRollingUpdate, PresetRollingUpdateAbout),
    ("surge-rollout", PresetSurge, PresetSurgeAbout),
    ("on-delete", PresetOnDelete, PresetOnDeleteAbout),
    ("stuck-rollout", PresetStuck, PresetStuckAbout),
    ("drain", PresetDrain, PresetDrainAbout),
    ("not-ready", PresetNotReady, PresetNotReadyAbout),
    ("deployment-as-daemonset", PresetDeployment, PresetDeploymentAbout),
}

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
            let script = super::script(p.id).expect("every preset has a script");
            for r in test_source(script, p.id, None) {
                assert!(r.passed, "{}:\n{}", r.name, r.details);
            }
        }
    }
}

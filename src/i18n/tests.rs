//! The catalogues against each other, and the "Why?" sentences against the engine's.

use super::explain::sentence;
use super::*;
use crate::playground::Playground;
use std::collections::BTreeSet;

/// Messages that are the same words in English and in Chinese: names and notations.
/// (`surge` is the name of what maxSurge makes, as the Kubernetes docs in Chinese keep it.)
const SAME_AS_ENGLISH: &[Msg] = &[Msg::FieldCpu, Msg::Surge];

/// Messages that Simplified and Traditional Chinese write with the same characters.
const SAME_IN_BOTH_SCRIPTS: &[Msg] = &[
    Msg::FooterVersion,
    Msg::NextStep,
    Msg::Stop,
    Msg::StepByStep,
    Msg::LessonStepOf,
    Msg::LessonNext,
    Msg::LessonHint,
    Msg::LessonSolution,
    Msg::IntroDismiss,
    Msg::NodeDone,
    Msg::NodeRolling,
    Msg::NodeWaiting,
    Msg::Play,
    Msg::Speed,
    Msg::FieldTaintsHint,
    Msg::FieldCpu,
    Msg::PodsOn,
    Msg::EmptySlotsOn,
    Msg::ListSeparator,
    Msg::ClauseSeparator,
    Msg::SentenceSeparator,
    Msg::DaemonSets,
    Msg::UpToDateOf,
    Msg::AvailableOf,
    Msg::UpToDateCount,
    Msg::AvailableCount,
    Msg::Events,
    Msg::ColumnReason,
    Msg::Share,
    Msg::PresetFluentd,
    Msg::PresetCalico,
    Msg::Surge,
    Msg::Revisions,
];

#[test]
fn every_language_has_the_same_placeholders() {
    for &msg in Msg::ALL {
        let en: BTreeSet<&str> = placeholders(text(Lang::En, msg)).into_iter().collect();
        for lang in [Lang::ZhHans, Lang::ZhHant] {
            let other: BTreeSet<&str> = placeholders(text(lang, msg)).into_iter().collect();
            assert_eq!(other, en, "{msg:?} in {}", lang.tag());
        }
    }
}

#[test]
fn nothing_is_left_in_english() {
    for &msg in Msg::ALL {
        let en = text(Lang::En, msg);
        for lang in [Lang::ZhHans, Lang::ZhHant] {
            let other = text(lang, msg);
            assert_eq!(
                other == en,
                SAME_AS_ENGLISH.contains(&msg),
                "{msg:?} in {}: {other:?} (add it to SAME_AS_ENGLISH if it is a name)",
                lang.tag()
            );
        }
        let hans = text(Lang::ZhHans, msg);
        let hant = text(Lang::ZhHant, msg);
        assert_eq!(
            hans == hant,
            SAME_IN_BOTH_SCRIPTS.contains(&msg),
            "{msg:?}: {hans:?} / {hant:?} (add it to SAME_IN_BOTH_SCRIPTS if it is right in both)"
        );
    }
}

#[test]
fn only_the_chinese_sentence_separator_is_empty() {
    for lang in Lang::ALL {
        for &msg in Msg::ALL {
            let empty = text(lang, msg).is_empty();
            let allowed = msg == Msg::SentenceSeparator && lang != Lang::En;
            assert_eq!(empty, allowed, "{msg:?} in {}", lang.tag());
        }
    }
}

/// Spot checks of the usage the catalogues promise: Taiwan's words in Traditional, the
/// Kubernetes documentation's in Simplified.
#[test]
fn each_script_uses_its_own_words() {
    let all = |lang| {
        Msg::ALL
            .iter()
            .map(|m| text(lang, *m))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let hans = all(Lang::ZhHans);
    let hant = all(Lang::ZhHant);
    for word in ["节点", "污点", "容忍度", "滚动更新", "守护进程集"] {
        assert!(hans.contains(word), "zh-Hans lacks {word}");
    }
    for word in ["節點", "污點", "容忍度", "滾動更新", "預設", "檔案", "連結"] {
        assert!(hant.contains(word), "zh-Hant lacks {word}");
    }
    // Mainland words that Taiwan says otherwise, and Simplified characters.
    for word in [
        "默认", "链接", "信息", "节点", "进程", "回滚", "软件", "设置",
    ] {
        assert!(!hant.contains(word), "zh-Hant has {word}");
    }
}

#[test]
fn placeholders_are_filled_and_unknown_ones_kept() {
    assert_eq!(
        format(Lang::En, Msg::NodeCountMany, &[("n", &3)]),
        "3 nodes"
    );
    assert_eq!(
        format(Lang::ZhHant, Msg::NodeCountMany, &[("n", &3)]),
        "3 個節點"
    );
    assert_eq!(
        fill("a {x} {y} {} {not a name} {", |n| (n == "x")
            .then(|| "1".into())),
        "a 1 {y} {} {not a name} {"
    );
    assert_eq!(placeholders("{a} and {b}, {a}"), ["a", "b", "a"]);
}

#[test]
fn kept_messages_are_said_in_the_language_of_the_moment() {
    let inner = Text::new(Msg::LinkDamaged);
    let outer = Text::new(Msg::AutosaveUnreadable).text_arg("error", inner);
    assert_eq!(
        outer.to_string(),
        "Your last autosave could not be read (The link is damaged or cut short: it does not decode.)"
    );
    assert_eq!(
        outer.render(Lang::ZhHans),
        "无法读取你上次自动保存的内容（链接已损坏或被截断：无法解码。）"
    );
    let texts = [Text::new(Msg::LinkNotOpened), Text::new(Msg::WorkAsItWas)];
    assert_eq!(
        paragraph(Lang::En, &texts),
        "This link could not be opened. Your work is as it was."
    );
    assert_eq!(
        paragraph(Lang::ZhHant, &texts),
        "無法開啟此連結。你的工作維持原狀。"
    );
}

/// Nodes and DaemonSets that between them give every kind of placement reason.
const NODES: &str = "\
apiVersion: v1
kind: Node
metadata:
  name: plain
---
apiVersion: v1
kind: Node
metadata:
  name: gpu
  labels:
    disk: ssd
spec:
  taints:
  - key: dedicated
    value: gpu
    effect: NoSchedule
---
apiVersion: v1
kind: Node
metadata:
  name: evicting
  labels:
    disk: hdd
spec:
  taints:
  - key: a
    value: b
    effect: NoExecute
  - key: c
    effect: NoSchedule
---
apiVersion: v1
kind: Node
metadata:
  name: preferring
  labels:
    disk: ssd
spec:
  taints:
  - key: soft
    value: x
    effect: PreferNoSchedule
  - key: node-role.kubernetes.io/control-plane
    effect: NoSchedule
---
apiVersion: v1
kind: Node
metadata:
  name: cordoned
spec:
  unschedulable: true
  taints:
  - key: node.kubernetes.io/unschedulable
    effect: NoSchedule
";

fn daemonset(name: &str, pod_spec: &str) -> String {
    format!(
        "\
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: {name}
spec:
  selector:
    matchLabels:
      app: {name}
  template:
    metadata:
      labels:
        app: {name}
    spec:
{pod_spec}      containers:
      - name: c
        image: busybox:1
"
    )
}

fn explained_cluster() -> Playground {
    let mut p = Playground::empty();
    p.run_with_stdin("kubectl apply -f -", NODES);
    let sets = [
        daemonset("plain", ""),
        daemonset(
            "tolerant",
            "      tolerations:\n      - key: dedicated\n        operator: Exists\n      - key: node-role.kubernetes.io/control-plane\n        effect: NoSchedule\n        operator: Exists\n",
        ),
        daemonset("selective", "      nodeSelector:\n        disk: ssd\n"),
        daemonset(
            "affine",
            "      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n            - matchExpressions:\n              - key: disk\n                operator: In\n                values: [hdd]\n            - matchFields:\n              - key: metadata.name\n                operator: In\n                values: [plain]\n",
        ),
        daemonset("pinned", "      nodeName: plain\n"),
        daemonset(
            "hungry",
            "      tolerations:\n      - operator: Exists\n",
        )
        .replace(
            "image: busybox:1\n",
            "image: busybox:1\n        resources:\n          requests:\n            cpu: \"1000\"\n",
        ),
    ];
    for ds in &sets {
        let out = p.run_with_stdin("kubectl apply -f -", ds);
        assert!(!out.is_error, "{}", out.output);
    }
    p.settle();
    p
}

#[test]
fn the_english_why_is_the_engines_summary_and_chinese_keeps_kubernetes_words() {
    let p = explained_cluster();
    let mut seen = BTreeSet::new();
    for node in ["plain", "gpu", "evicting", "preferring", "cordoned"] {
        for e in p.explanations(node) {
            let slot = &e.slot;
            for r in &slot.placement.reasons {
                seen.insert(
                    format!("{r:?}")
                        .split([' ', '{'])
                        .next()
                        .unwrap_or("")
                        .to_string(),
                );
            }
            assert_eq!(
                sentence(Lang::En, slot),
                slot.summary(),
                "{} on {node}",
                e.daemonset
            );
            for lang in [Lang::ZhHans, Lang::ZhHant] {
                let said = sentence(lang, slot);
                assert!(!said.contains('{'), "{said}");
                assert!(said.contains(node), "{said}");
                for t in &slot.placement.reasons {
                    if let dsplay_engine::placement::Reason::TaintNotTolerated { taint } = t {
                        assert!(said.contains(&taint.to_string()), "{said}");
                    }
                }
                if let Some(w) = slot.pods.iter().find_map(|p| p.waiting.as_deref()) {
                    assert!(said.contains(w), "the scheduler's words stay: {said}");
                }
                assert!(
                    said.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{said}"
                );
            }
        }
    }
    for kind in [
        "NodeNameMatched",
        "NodeNameMismatch",
        "NodeSelectorMatched",
        "NodeSelectorMismatch",
        "NodeAffinityTermFailed",
        "NodeAffinityMatched",
        "TaintNotTolerated",
        "TaintToleratedByDefault",
        "TaintToleratedByUser",
        "PreferNoScheduleIgnored",
    ] {
        assert!(seen.contains(kind), "no case gives {kind}: {seen:?}");
    }
}

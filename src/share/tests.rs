//! The link codec and the scenario round trip, natively.

use super::*;
use crate::playground::{NodeAction, Playground};
use crate::presets::PRESETS;

fn pods(p: &mut Playground) -> String {
    p.run("kubectl get pods -A -o wide").output
}

/// A session with nodes, an apply, clock ticks, a node action and a console command.
fn worked() -> Playground {
    let mut p = restore(&Scenario {
        preset: Some("fluentd-elasticsearch".into()),
        ..Scenario::default()
    })
    .unwrap();
    for _ in 0..25 {
        p.tick(100);
    }
    p.node_action("node-1", &NodeAction::Cordon);
    p.set_speed(10);
    p.tick(100);
    p.add_nodes(2);
    p.console("kubectl label node node-3 disk=ssd");
    p.tick(100);
    p.manifest.push_str("# edited, not applied\n");
    p.select(Some("node-2"));
    p
}

#[test]
fn a_link_rebuilds_the_same_cluster() {
    let mut p = worked();
    let link = encode(&snapshot(&p));
    assert!(link.starts_with("v1:"));
    let mut q = restore(&decode(&link).unwrap()).unwrap();
    assert_eq!(q.elapsed_millis(), p.elapsed_millis());
    assert_eq!(pods(&mut q), pods(&mut p));
    assert_eq!(
        q.run("kubectl get events -A").output,
        p.run("kubectl get events -A").output
    );
    assert_eq!(
        q.run("kubectl get nodes --show-labels").output,
        p.run("kubectl get nodes --show-labels").output
    );
    assert_eq!(q.manifest, p.manifest);
    assert_eq!(q.selected_node.as_deref(), Some("node-2"));
    assert_eq!((q.speed, q.playing), (10, true));
}

/// Download YAML reads outside the scenario: the link is the same after it. A link made when it
/// ran its two `kubectl get` commands through the console's path still has them, and replays
/// them as the console shows any command.
#[test]
fn download_yaml_leaves_links_as_they_were_and_old_links_replay() {
    let mut p = worked();
    let before = snapshot(&p);
    let yaml = p.export_yaml();
    assert_eq!(snapshot(&p), before);

    let mut old = worked();
    let printed = [
        old.run("kubectl get ds -A -o yaml").output,
        old.run("kubectl get nodes -o yaml").output,
    ];
    assert_eq!(yaml, format!("{}---\n{}", printed[0], printed[1]));
    old.tick(100);
    let mut q = restore(&snapshot(&old)).unwrap();
    let reads: Vec<&str> = q
        .transcript()
        .iter()
        .filter(|e| e.command.ends_with("-o yaml"))
        .map(|e| e.output.as_str())
        .collect();
    assert_eq!(reads, printed);
    assert_eq!(q.elapsed_millis(), old.elapsed_millis());
    assert_eq!(pods(&mut q), pods(&mut old));
}

#[test]
fn ticks_replay_as_one_advance() {
    // The engine must give the same cluster for ten ticks as for their sum.
    let mut a = worked();
    let mut b = restore(&snapshot(&a)).unwrap();
    for _ in 0..50 {
        a.tick(100);
    }
    b.run("sim advance 50s");
    assert_eq!(pods(&mut a), pods(&mut b));
}

#[test]
fn the_script_is_stable_through_a_round_trip() {
    let p = worked();
    let script = p.log().script();
    let q = restore(&snapshot(&p)).unwrap();
    assert_eq!(q.log().script(), script);
}

#[test]
fn unreplayable_commands_are_left_out() {
    let mut p = Playground::empty();
    p.console("kubectl apply -f - <<EOF");
    p.console("# a comment");
    p.console("kubectl get nodes \\");
    p.run("kubectl get ds\nkubectl get pods");
    p.console("sim advance 1s");
    assert_eq!(p.log().script(), "sim advance 1s\n");
}

#[test]
fn here_documents_pick_a_free_delimiter() {
    let mut p = Playground::empty();
    p.run_with_stdin("kubectl apply -f -", "apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n  annotations:\n    note: |\n      EOF\n");
    let script = p.log().script();
    assert!(script.contains("<<'EOF1'"), "{script}");
    let q = restore(&Scenario {
        script,
        ..Scenario::default()
    })
    .unwrap();
    assert!(q.session().cluster().store().node("a").is_some());
}

#[test]
fn every_preset_replays_without_a_script_error() {
    for preset in PRESETS {
        let script = crate::presets::script(preset.id).expect("a script");
        check_script(script).unwrap_or_else(|e| panic!("{}: {e}", preset.id));
        let p = restore(&Scenario {
            preset: Some(preset.id.into()),
            ..Scenario::default()
        })
        .unwrap();
        assert!(!p.transcript().is_empty(), "{}", preset.id);
        assert!(p.manifest.contains("kind: DaemonSet"), "{}", preset.id);
    }
}

#[test]
fn a_failed_apply_of_the_editor_text_is_marked_again() {
    let mut p = Playground::empty();
    p.manifest = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\nspec:\n  selector:\n    matchLabels:\n      a: b\n  template:\n    metadata:\n      labels:\n        a: c\n    spec:\n      containers:\n      - name: c\n        image: busybox\n".into();
    p.apply_manifest();
    let error = p.apply_error.clone().expect("the selector does not match");
    let q = restore(&snapshot(&p)).unwrap();
    assert_eq!(q.apply_error, Some(error));
}

#[test]
fn embeds_give_yaml_nodes_and_apply() {
    let yaml = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\nspec:\n  selector:\n    matchLabels:\n      a: b\n  template:\n    metadata:\n      labels:\n        a: b\n    spec:\n      containers:\n      - name: c\n        image: busybox\n";
    let json = format!(
        r#"{{"nodes":3,"manifest":{},"apply":true}}"#,
        serde_json::to_string(yaml).unwrap()
    );
    let s = decode(&format!("j1:{}", base64url::encode(json.as_bytes()))).unwrap();
    let mut p = restore(&s).unwrap();
    assert_eq!(p.session().cluster().store().nodes().len(), 3);
    assert_eq!(pods(&mut p).lines().count(), 4);
}

#[test]
fn versions_and_anchors() {
    assert!(is_scenario("v1:abc") && is_scenario("j1:x") && is_scenario("v27:"));
    assert!(
        !is_scenario("main") && !is_scenario("") && !is_scenario("v:x") && !is_scenario("x1:y")
    );
    let e = decode("v2:abc").unwrap_err();
    assert!(e.to_string().contains("newer version"), "{e}");
    assert!(decode("main").is_err());
}

#[test]
fn garbage_and_truncation_are_refused_with_a_sentence() {
    let link = encode(&snapshot(&worked()));
    for bad in [
        "v1:",
        "v1:!!!!",
        "v1:AAAA",
        &link[..link.len() / 2],
        &link[..link.len() - 3],
        &link.replace('A', "B"),
        "j1:bm90IGpzb24",
        "j1:eyJzY3JpcHQiOjV9",
        "j1:eyJ1bmtub3duIjoxfQ",
    ] {
        let e = decode(bad).expect_err(bad);
        assert!(e.to_string().ends_with('.'), "{e}");
    }
}

#[test]
fn limits_hold_before_anything_runs() {
    let long = format!("v1:{}", "A".repeat(MAX_LINK_CHARS));
    assert!(decode(&long).unwrap_err().to_string().contains("too long"));
    // A zip bomb: 64 MB of spaces packs into a short link, and stops unpacking at the cap.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 64 << 20], 9);
    let link = format!("v1:{}", base64url::encode(&bomb));
    assert!(link.len() < MAX_LINK_CHARS);
    assert!(
        decode(&link)
            .unwrap_err()
            .to_string()
            .contains("more than 16 MB")
    );
    let many = Scenario {
        script: "kubectl get ds\n".repeat(MAX_COMMANDS + 1),
        ..Scenario::default()
    };
    assert!(
        decode(&encode(&many))
            .unwrap_err()
            .to_string()
            .contains("at most 5000")
    );
    let slow = Scenario {
        script: "sim advance 8000h\n".into(),
        ..Scenario::default()
    };
    assert!(
        decode(&encode(&slow))
            .unwrap_err()
            .to_string()
            .contains("days")
    );
    // Issue 24 item 3: the clock's final run to `view.time` is held to the same 30 days (it
    // allowed u32::MAX ms, 49.7 days).
    let late = Scenario {
        view: crate::share::View {
            time: 40 * 24 * 3600 * 1000,
            ..Default::default()
        },
        ..Scenario::default()
    };
    assert!(
        decode(&encode(&late))
            .unwrap_err()
            .to_string()
            .contains("30 days"),
        "a final tick past 30 days is refused"
    );
    let unclosed = Scenario {
        script: "kubectl apply -f - <<EOF\nkind: Node\n".into(),
        ..Scenario::default()
    };
    assert!(decode(&encode(&unclosed)).is_err());
    let nodes = Scenario {
        nodes: Some(100_000),
        ..Scenario::default()
    };
    assert!(decode(&encode(&nodes)).is_err());
    let preset = Scenario {
        preset: Some("nope".into()),
        ..Scenario::default()
    };
    assert!(
        decode(&encode(&preset))
            .unwrap_err()
            .to_string()
            .contains("preset")
    );
}

#[test]
fn a_replaced_playground_numbers_its_transcript_after_the_old_one() {
    let mut p = worked();
    p.console("kubectl get ds");
    let last = p.transcript().last().unwrap().id;
    let next = restore(&Scenario::default()).unwrap();
    p.run("kubectl get nodes");
    p.replace(next);
    assert!(p.transcript().is_empty() || p.transcript()[0].id > last);
    p.run("kubectl get nodes");
    assert!(p.transcript().last().unwrap().id > last + 1);
}

/// Issue 11: a link may carry the page's language; links made before it still open, and a
/// language this version does not speak is no error.
#[test]
fn a_link_carries_the_language_and_old_links_still_open() {
    let p = worked();
    let old = encode(&snapshot(&p));
    assert_eq!(decode(&old).unwrap().lang, None);
    let with = Scenario {
        lang: Some("zh-Hant".into()),
        ..snapshot(&p)
    };
    let link = encode(&with);
    assert!(link.starts_with("v1:"));
    assert_eq!(decode(&link).unwrap().lang.as_deref(), Some("zh-Hant"));
    let later = Scenario {
        lang: Some("tlh".into()),
        ..snapshot(&p)
    };
    assert!(restore(&decode(&encode(&later)).unwrap()).is_ok());
    // embed.js's `#j1:` JSON may give it too.
    let json = r#"{"lang":"zh-Hans","nodes":2}"#;
    let j1 = format!("j1:{}", base64url::encode(json.as_bytes()));
    assert_eq!(decode(&j1).unwrap().lang.as_deref(), Some("zh-Hans"));
}

/// The reasons a link does not open are kept as messages, said in the page's language.
#[test]
fn link_errors_are_said_in_every_language() {
    use crate::i18n::Lang;
    let e = decode("v9:abc").unwrap_err();
    assert!(e.0.render(Lang::En).contains("newer version"));
    assert!(e.0.render(Lang::ZhHans).contains("更新版本"));
    assert!(e.0.render(Lang::ZhHant).contains("較新版本"));
    assert!(e.0.render(Lang::ZhHant).contains("v9"));
}

/// A link is the scenario's whole JSON deflated at level 9, as links have always been written
/// (the encoder deflates as it writes, without the whole JSON).
#[test]
fn a_link_is_the_whole_json_deflated() {
    let mut p = worked();
    let nodes: String = (0..2000)
        .map(|i| format!("- apiVersion: v1\n  kind: Node\n  metadata:\n    name: node-{i:05}\n"))
        .collect();
    p.edit_manifest(format!("apiVersion: v1\nkind: NodeList\nitems:\n{nodes}"));
    let scenario = crate::share::snapshot(&p);
    let json = serde_json::to_vec(&scenario).unwrap();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    assert_eq!(
        encode(&scenario),
        format!("{VERSION}:{}", base64url::encode(&packed))
    );
}

/// A work of more than 2 MB of JSON (a 20,000-node NodeList in the editor) reopens from its
/// link: the cap on what a link unpacks to was 2 MB, under what a pasted 10,000-node NodeList
/// and its Apply write (2.4 MB).
#[test]
fn a_large_pasted_node_list_reopens_from_its_link() {
    let mut p = worked();
    let nodes: String = (0..20_000)
        .map(|i| {
            format!(
                "- apiVersion: v1\n  kind: Node\n  metadata:\n    name: node-{i:05}\n    labels:\n      topology.kubernetes.io/zone: zone-{}\n",
                i % 3
            )
        })
        .collect();
    p.edit_manifest(format!("apiVersion: v1\nkind: NodeList\nitems:\n{nodes}"));
    let scenario = crate::share::snapshot(&p);
    assert!(serde_json::to_vec(&scenario).unwrap().len() > 2 << 20);
    let link = encode(&scenario);
    assert!(link.len() <= MAX_LINK_CHARS, "{} characters", link.len());
    let back = decode(&link).expect("the link opens");
    assert_eq!(back.manifest, scenario.manifest);
}

//! The model, natively: the command each action runs, what the transcript shows, and what the
//! views read from the cluster.

use super::*;
use std::sync::Arc;

fn commands(p: &Playground) -> Vec<&str> {
    p.transcript().iter().map(|e| e.command.as_str()).collect()
}

fn last(p: &Playground) -> &Entry {
    p.transcript().last().expect("a transcript entry")
}

fn node<'a>(views: &'a [Arc<NodeView>], name: &str) -> &'a NodeView {
    views
        .iter()
        .find(|n| n.name == name)
        .unwrap_or_else(|| panic!("no node {name}"))
}

/// The taints of a card as kubectl prints them.
fn taint_texts(n: &NodeView) -> Vec<&str> {
    n.taints.iter().map(|t| t.text.as_str()).collect()
}

#[test]
fn the_default_scenario_applies_three_nodes_and_fluentd_and_plays() {
    let p = Playground::new();
    assert_eq!(commands(&p), ["kubectl apply -f -", "kubectl apply -f -"]);
    assert_eq!(p.transcript()[0].stdin.as_deref(), Some(DEFAULT_NODES));
    assert_eq!(
        p.transcript()[0].output,
        "node/control-plane created\nnode/node-1 created\nnode/node-2 created\n"
    );
    assert_eq!(p.transcript()[1].stdin.as_deref(), Some(DEFAULT_MANIFEST));
    assert_eq!(
        p.transcript()[1].output,
        "daemonset.apps/fluentd-elasticsearch created\n"
    );
    assert!(p.playing);
    assert_eq!(p.apply_error, None);

    let views = p.node_views();
    assert_eq!(
        views.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(),
        ["control-plane", "node-1", "node-2"]
    );
    let cp = node(&views, "control-plane");
    assert_eq!(cp.role.as_deref(), Some("control-plane"));
    assert_eq!(
        taint_texts(cp),
        ["node-role.kubernetes.io/control-plane:NoSchedule"]
    );
    assert_eq!(
        cp.labels,
        [(
            "node-role.kubernetes.io/control-plane".to_string(),
            String::new()
        )]
    );
    // kubernetes.io/{arch,os,hostname} and beta.kubernetes.io/{arch,os}, as kubelet registers.
    assert_eq!(cp.standard_labels, 5);
    assert_eq!(node(&views, "node-1").role, None);
    // The pods exist at once (ContainerCreating), one per node, the control plane included.
    for n in &views {
        assert_eq!(n.pods.len(), 1, "{}", n.name);
        assert!(n.pods[0].name.starts_with("fluentd-elasticsearch-"));
        assert_eq!(n.pods[0].state, PodState::ContainerCreating);
        assert_eq!(n.pods[0].revision, Some(1));
        assert_eq!(n.status, "Ready");
    }
    assert!(
        p.ds_table()
            .starts_with("NAMESPACE     NAME                    DESIRED"),
        "{}",
        p.ds_table()
    );
}

#[test]
fn settling_makes_every_pod_ready() {
    let mut p = Playground::new();
    let out = p.settle();
    assert_eq!(last(&p).command, "sim settle");
    assert_eq!(out.output, "settled at 3s\n");
    assert!(p.node_views().iter().all(|n| {
        n.pods
            .iter()
            .all(|c| c.state == PodState::Ready && c.label == "Ready")
    }));
    let ds = p.daemonset_views();
    assert_eq!(ds.len(), 1);
    assert_eq!((ds[0].desired, ds[0].updated, ds[0].available), (3, 3, 3));
    assert!(
        p.ds_table()
            .contains("fluentd-elasticsearch   3         3         3"),
        "{}",
        p.ds_table()
    );
}

#[test]
fn apply_runs_kubectl_apply_with_the_editor_text_and_keeps_it_on_error() {
    let mut p = Playground::empty();
    let bad = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: bad\n spec: x\n  foo: [\n";
    p.manifest = bad.to_string();
    let out = p.apply_manifest();
    assert!(out.is_error);
    assert_eq!(last(&p).command, "kubectl apply -f -");
    assert_eq!(last(&p).stdin.as_deref(), Some(bad));
    assert!(last(&p).is_error);
    let error = p.apply_error.clone().expect("an apply error");
    assert_eq!(error.message, out.output);
    // The engine locates the problem in the text (line 5, where ` spec:` breaks the mapping;
    // kubectl's message keeps go-yaml's own count, line 4).
    assert_eq!(
        (error.line, error.column),
        (Some(5), Some(2)),
        "{}",
        error.message
    );
    assert_eq!(p.manifest, bad, "the text is never lost");

    // A good apply clears the error.
    p.manifest = DEFAULT_MANIFEST.to_string();
    assert!(!p.apply_manifest().is_error);
    assert_eq!(p.apply_error, None);
}

/// An unknown field is marked at its key, though kubectl's message names no line.
#[test]
fn apply_error_marks_an_unknown_field_at_its_key() {
    let mut p = Playground::empty();
    p.manifest =
        "apiVersion: v1\nkind: Node\nmetadata:\n  name: a\nspec:\n  unschedulabel: true\n".into();
    assert!(p.apply_manifest().is_error);
    let error = p.apply_error.clone().expect("an apply error");
    assert!(
        error
            .message
            .contains("strict decoding error: unknown field \"spec.unschedulabel\""),
        "{}",
        error.message
    );
    assert_eq!((error.line, error.column), (Some(6), Some(3)));
}

#[test]
fn add_node_applies_node_manifests_named_after_the_highest() {
    let mut p = Playground::new();
    p.add_nodes(1);
    assert_eq!(last(&p).command, "kubectl apply -f -");
    assert_eq!(
        last(&p).stdin.as_deref(),
        Some("apiVersion: v1\nkind: Node\nmetadata:\n  name: node-3\n")
    );
    assert_eq!(last(&p).output, "node/node-3 created\n");
    p.add_nodes(2);
    assert_eq!(
        last(&p).output,
        "node/node-4 created\nnode/node-5 created\n"
    );
    p.settle();
    assert_eq!(
        node(&p.node_views(), "node-5").pods[0].state,
        PodState::Ready
    );
}

#[test]
fn node_actions_run_their_kubectl_and_sim_commands() {
    let cases = [
        (NodeAction::Cordon, "kubectl cordon node-1"),
        (NodeAction::Uncordon, "kubectl uncordon node-1"),
        (
            NodeAction::Drain,
            "kubectl drain node-1 --ignore-daemonsets",
        ),
        (NodeAction::NotReady, "sim node node-1 not-ready"),
        (NodeAction::Ready, "sim node node-1 ready"),
        (NodeAction::Unreachable, "sim node node-1 unreachable"),
        (
            NodeAction::Label("disk=ssd".into()),
            "kubectl label node node-1 disk=ssd",
        ),
        (
            NodeAction::Label("disk-".into()),
            "kubectl label node node-1 disk-",
        ),
        (
            NodeAction::Taint {
                key_value: "dedicated=x".into(),
                effect: "NoExecute".into(),
            },
            "kubectl taint node node-1 dedicated=x:NoExecute",
        ),
        (
            NodeAction::Untaint("dedicated:NoExecute-".into()),
            "kubectl taint node node-1 dedicated:NoExecute-",
        ),
        (
            NodeAction::Untaint("gpu:NoSchedule-".into()),
            "kubectl taint node node-1 gpu:NoSchedule-",
        ),
        (NodeAction::Delete, "kubectl delete node node-1"),
    ];
    let mut p = Playground::new();
    for (action, command) in cases {
        assert_eq!(action.command("node-1"), command);
        p.node_action("node-1", &action);
        assert_eq!(last(&p).command, command);
    }
}

/// The card's × on a taint runs the removal the engine names for it.
#[test]
fn a_cards_taint_is_removed_by_the_engines_removal_argument() {
    let mut p = Playground::empty();
    let out = p.run_with_stdin(
        "kubectl apply -f -",
        "apiVersion: v1\nkind: Node\nmetadata:\n  name: tainted\nspec:\n  taints:\n  - {key: dedicated, value: x, effect: NoExecute}\n  - {key: gpu, effect: NoSchedule}\n",
    );
    assert!(!out.is_error, "{}", out.output);
    let card = node(&p.node_views(), "tainted").clone();
    let removals: Vec<&str> = card.taints.iter().map(|t| t.removal.as_str()).collect();
    assert_eq!(removals, ["dedicated:NoExecute-", "gpu:NoSchedule-"]);
    p.node_action(
        "tainted",
        &NodeAction::Untaint(card.taints[0].removal.clone()),
    );
    assert_eq!(
        last(&p).command,
        "kubectl taint node tainted dedicated:NoExecute-"
    );
    assert_eq!(last(&p).output, "node/tainted untainted\n");
    assert_eq!(
        taint_texts(node(&p.node_views(), "tainted")),
        ["gpu:NoSchedule"]
    );
}

/// "Download YAML" reads: the text is what the two `kubectl get` commands print, and neither
/// the transcript nor the scenario a link keeps gets a line.
#[test]
fn export_yaml_is_a_read_outside_the_command_log() {
    let mut p = Playground::new();
    p.settle();
    let transcript = p.transcript().to_vec();
    let script = p.log().script();
    let yaml = p.export_yaml();
    assert_eq!(p.transcript(), transcript.as_slice());
    assert_eq!(p.log().script(), script);
    let ds = p.run("kubectl get ds -A -o yaml").output;
    let nodes = p.run("kubectl get nodes -o yaml").output;
    assert_eq!(yaml, format!("{ds}---\n{nodes}"));
    assert!(
        yaml.contains("kind: DaemonSet") && yaml.contains("kind: Node"),
        "{yaml}"
    );
}

#[test]
fn node_actions_change_what_the_cards_show() {
    let mut p = Playground::new();
    p.settle();
    p.node_action("node-1", &NodeAction::Cordon);
    assert_eq!(last(&p).output, "node/node-1 cordoned\n");
    let n1 = node(&p.node_views(), "node-1").clone();
    assert!(n1.cordoned);
    assert_eq!(n1.status, "Ready,SchedulingDisabled");
    // A DaemonSet pod stays on a cordoned node.
    assert_eq!(n1.pods.len(), 1);

    p.node_action("node-1", &NodeAction::Label("disk=ssd".into()));
    assert_eq!(last(&p).output, "node/node-1 labeled\n");
    assert!(
        node(&p.node_views(), "node-1")
            .labels
            .contains(&("disk".to_string(), "ssd".to_string()))
    );

    p.node_action(
        "node-2",
        &NodeAction::Taint {
            key_value: "dedicated=x".into(),
            effect: "NoExecute".into(),
        },
    );
    assert_eq!(last(&p).output, "node/node-2 tainted\n");
    let n2 = node(&p.node_views(), "node-2").clone();
    assert_eq!(taint_texts(&n2), ["dedicated=x:NoExecute"]);
    assert_eq!(n2.pods[0].state, PodState::Terminating);
    p.settle();
    assert!(node(&p.node_views(), "node-2").pods.is_empty());
    let why = p.explanations("node-2");
    assert_eq!(why.len(), 1);
    assert_eq!(why[0].daemonset, "kube-system/fluentd-elasticsearch");
    assert!(
        why[0].slot.summary().contains("dedicated"),
        "{}",
        why[0].slot.summary()
    );

    p.node_action("node-2", &NodeAction::NotReady);
    let n2 = node(&p.node_views(), "node-2").clone();
    assert!(!n2.ready);
    assert_eq!(n2.status, "NotReady");

    p.node_action("node-2", &NodeAction::Delete);
    assert_eq!(last(&p).output, "node \"node-2\" deleted\n");
    assert!(p.node_views().iter().all(|n| n.name != "node-2"));
    assert_eq!(
        p.selected_node, None,
        "a deleted node is no longer selected"
    );
}

#[test]
fn form_text_stays_arguments_of_one_command() {
    assert_eq!(shell_words("a=b  c=d"), "a=b c=d");
    assert_eq!(shell_words("it's"), r"'it'\''s'");
    assert_eq!(shell_words("#x"), "'#x'");
    assert_eq!(shell_words("a;b"), "'a;b'");
    let mut p = Playground::new();
    p.node_action("node-1", &NodeAction::Label("note=it's #1".into()));
    assert_eq!(
        last(&p).command,
        r"kubectl label node node-1 'note=it'\''s' '#1'"
    );
    // The engine saw two arguments and rejected them as kubectl would, nothing else ran.
    assert!(last(&p).is_error, "{}", last(&p).output);
}

/// The page's Step on a playing clock holds it, as the intro tells a new reader ("The clock is
/// playing: Pause and Step hold it"), and advances one second; Play goes on from there.
#[test]
fn step_holds_a_playing_clock() {
    let mut p = Playground::new();
    p.play();
    assert!(p.playing);
    p.step();
    assert!(!p.playing);
    assert_eq!(p.elapsed_millis(), 1000);
    p.play();
    p.tick(TICK_MILLIS);
    assert!(p.elapsed_millis() > 1000);
}

#[test]
fn clock_step_settle_and_ticks() {
    let mut p = Playground::new();
    p.step();
    assert_eq!(last(&p).command, "sim advance 1s");
    assert_eq!(p.elapsed_millis(), 1000);
    let entries = p.transcript().len();

    p.play(); // Step held the clock
    p.set_speed(10);
    assert_eq!(p.tick_command(TICK_MILLIS), "sim advance 1000ms");
    p.tick(TICK_MILLIS);
    assert_eq!(p.elapsed_millis(), 2000);
    assert_eq!(p.transcript().len(), entries, "ticks are not echoed");

    p.set_speed(3); // not offered: ignored
    assert_eq!(p.speed, 10);
    p.pause();
    p.tick(TICK_MILLIS);
    assert_eq!(p.elapsed_millis(), 2000, "a paused clock does not move");
    p.play();
    p.set_speed(100);
    p.tick(TICK_MILLIS);
    assert_eq!(p.elapsed_millis(), 12_000);
    assert_eq!(format_elapsed(p.elapsed_millis()), "12s");
}

/// Seed 004 in the page: the editor holds a Deployment's dump with only its kind changed; the
/// console's `kubectl apply -f - --validate=false` sends the editor's text, and the API server
/// drops the unknown fields (fieldValidation=Ignore).
#[test]
fn console_dash_f_dash_reads_the_editor() {
    let mut p = Playground::new();
    let manifest = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: rng\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: rng}\n  template:\n    metadata:\n      labels: {app: rng}\n    spec:\n      containers:\n      - name: rng\n        image: dockercoins/rng:v0.1\n";
    p.edit_manifest(manifest.into());
    let out = p.console("kubectl apply -f -").expect("ran");
    assert!(out.is_error);
    assert!(
        out.output.contains("unknown field \"spec.replicas\""),
        "{}",
        out.output
    );
    let out = p
        .console("kubectl apply -f - --validate=false")
        .expect("ran");
    assert!(!out.is_error, "{}", out.output);
    assert_eq!(out.output, "daemonset.apps/rng created\n");
    assert_eq!(last(&p).stdin.as_deref(), Some(manifest));
}

#[test]
fn the_console_runs_lines_and_echoes_them() {
    let mut p = Playground::new();
    assert_eq!(p.console("   "), None);
    let out = p.console("  kubectl get nodes ").expect("ran");
    assert!(!out.is_error);
    let entry = last(&p);
    assert_eq!(entry.command, "kubectl get nodes");
    assert_eq!(entry.stdin, None);
    assert!(
        entry
            .output
            .starts_with("NAME            STATUS   ROLES           AGE   VERSION\n"),
        "{}",
        entry.output
    );

    let out = p.console("kubectl frobnicate").expect("ran");
    assert!(out.is_error);
    assert!(last(&p).is_error);
    let out = p.console("helm install").expect("ran");
    assert!(out.is_error);
    assert!(
        last(&p).output.starts_with("dsplay: "),
        "{}",
        last(&p).output
    );

    p.clear_transcript();
    assert!(p.transcript().is_empty());
}

#[test]
fn history_remembers_the_console_lines_trimmed_and_not_blank_ones_or_huge_pastes() {
    let mut h = History::default();
    for line in [
        "   ",
        "  kubectl get nodes ",
        "kubectl frobnicate",
        "helm install",
        &"sim advance 1s\n".repeat(1_000_000),
    ] {
        h.remember(line);
    }
    assert_eq!(
        h.lines(),
        ["kubectl get nodes", "kubectl frobnicate", "helm install"]
    );
}

#[test]
fn history_walks_back_and_forth_and_gives_back_the_draft() {
    let mut h = History::default();
    assert_eq!(h.older("x"), None);
    h.push("one");
    h.push("two");
    h.push("two");
    assert_eq!(h.lines(), ["one", "two"]);
    assert_eq!(h.older("typing"), Some("two".into()));
    assert_eq!(h.older("two"), Some("one".into()));
    assert_eq!(h.older("one"), None);
    assert_eq!(h.newer(), Some("two".into()));
    assert_eq!(h.newer(), Some("typing".into()));
    assert_eq!(h.newer(), None);
}

#[test]
fn the_transcript_keeps_the_newest_entries() {
    let mut p = Playground::empty();
    for _ in 0..TRANSCRIPT_LIMIT + 5 {
        p.run("sim advance 1ms");
    }
    assert_eq!(p.transcript().len(), TRANSCRIPT_LIMIT);
    let ids: Vec<u64> = p.transcript().iter().map(|e| e.id).collect();
    assert_eq!(ids[0], 6);
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn selecting_a_node_shows_one_explanation_per_daemonset() {
    let mut p = Playground::new();
    p.select(Some("control-plane"));
    assert_eq!(p.selected_node.as_deref(), Some("control-plane"));
    let why = p.explanations("control-plane");
    assert_eq!(why.len(), 1);
    assert!(!why[0].slot.summary().is_empty());
    p.select(Some("no-such-node"));
    assert_eq!(p.selected_node, None);
}

#[test]
fn elapsed_time_reads_like_a_clock() {
    assert_eq!(format_elapsed(0), "0s");
    assert_eq!(format_elapsed(2_500), "2.5s");
    assert_eq!(format_elapsed(59_990), "59.9s");
    assert_eq!(format_elapsed(72_000), "1m12s");
    assert_eq!(format_elapsed(3_605_000), "1h0m5s");
}

#[test]
fn next_node_names_count_from_the_highest() {
    let existing = [
        "control-plane".to_string(),
        "node-1".into(),
        "node-7".into(),
        "node-x".into(),
    ];
    assert_eq!(
        commands::next_node_names(existing.iter(), 2),
        ["node-8", "node-9"]
    );
    assert_eq!(commands::next_node_names([].iter(), 1), ["node-1"]);
}

#[test]
fn the_event_timeline_is_in_virtual_time_and_filters_by_object() {
    let mut p = Playground::new();
    p.settle();
    let all = p.event_views("");
    assert!(
        all.iter().any(
            |e| e.reason == "SuccessfulCreate" && e.object == "daemonset/fluentd-elasticsearch"
        )
    );
    assert_eq!(all.first().map(|e| e.at.as_str()), Some("0s"));
    assert!(
        all.iter().any(|e| e.reason == "Started" && e.at == "3s"),
        "{all:#?}"
    );
    let pods = p.event_views("POD/");
    assert!(!pods.is_empty());
    assert!(pods.iter().all(|e| e.object.starts_with("pod/")));
    assert!(p.event_views("no-such-object").is_empty());
    // The timeline does not change as time passes.
    p.tick(TICK_MILLIS);
    assert_eq!(p.event_views(""), all);
}

#[test]
fn a_changed_template_rolls_out_node_by_node() {
    let mut p = Playground::new();
    p.settle();
    p.manifest = DEFAULT_MANIFEST.replace("fluentd:v2.5.2", "fluentd:v2.6.0");
    assert_eq!(
        p.apply_manifest().output,
        "daemonset.apps/fluentd-elasticsearch configured\n"
    );
    let revisions = |p: &Playground| -> Vec<(Option<i64>, PodState)> {
        p.node_views()
            .iter()
            .flat_map(|n| n.pods.iter().map(|c| (c.revision, c.state)))
            .collect()
    };
    // maxUnavailable 1: one old pod goes at a time.
    let now = revisions(&p);
    assert_eq!(
        now.iter()
            .filter(|(_, s)| *s == PodState::Terminating)
            .count(),
        1,
        "{now:?}"
    );
    p.settle();
    assert!(
        revisions(&p)
            .iter()
            .all(|r| *r == (Some(2), PodState::Ready)),
        "{:?}",
        revisions(&p)
    );
}

/// Settle in slices (the page's Settle) ends where one `sim settle` ends, with the same
/// transcript line and the same pods, on a scenario long enough to need many slices.
#[test]
fn a_sliced_settle_ends_as_one_settle() {
    fn scenario() -> Playground {
        let mut p = Playground::new();
        p.settle();
        p.add_nodes(40);
        p.run("kubectl set image ds/fluentd-elasticsearch -n kube-system fluentd-elasticsearch=quay.io/fluentd_elasticsearch/fluentd:v5.0.0");
        p
    }
    let mut whole = scenario();
    let expected = whole.settle();
    let mut sliced = scenario();
    sliced.start_settle();
    assert!(sliced.is_settling());
    let mut slices = 0;
    while !sliced.settle_slice() {
        slices += 1;
        assert!(slices < 10_000, "the settle never ended");
    }
    assert!(slices > 1, "{slices}");
    assert!(!sliced.is_settling());
    assert_eq!(last(&sliced).command, "sim settle");
    assert_eq!(last(&sliced).output, expected.output);
    assert_eq!(sliced.node_views(), whole.node_views());
    assert_eq!(sliced.elapsed_millis(), whole.elapsed_millis());
}

/// The dense view colours a node by its pods' most urgent state.
#[test]
fn a_node_summary_is_its_most_urgent_pod_state() {
    let mut p = Playground::new();
    p.settle();
    let views = p.node_views();
    assert_eq!(node(&views, "node-1").summary(), Some(PodState::Ready));
    p.run("kubectl taint node node-1 k=v:NoExecute");
    let views = p.node_views();
    assert_eq!(
        node(&views, "node-1").summary(),
        Some(PodState::Terminating)
    );
    p.settle();
    let views = p.node_views();
    assert_eq!(node(&views, "node-1").summary(), None);
    assert_eq!(
        node(&views, "node-1").missing,
        ["kube-system/fluentd-elasticsearch"]
    );
    assert!(node(&views, "node-2").missing.is_empty());
}

/// The Add node form's fields become Node manifests, applied as one `kubectl apply -f -`.
#[test]
fn add_node_form_fields_become_node_manifests() {
    let mut p = Playground::empty();
    let spec = NewNodes {
        name: "gpu".into(),
        labels: "accelerator=nvidia, zone=a".into(),
        taints: "gpu=true other:NoExecute".into(),
        effect: "NoSchedule".into(),
        cpu: "8".into(),
        memory: "32Gi".into(),
        pods: "110".into(),
    };
    let out = p.add_nodes_with(&spec, 2);
    assert!(!out.is_error, "{}", out.output);
    assert_eq!(out.output, "node/gpu-1 created\nnode/gpu-2 created\n");
    let views = p.node_views();
    let gpu = node(&views, "gpu-2");
    assert!(
        gpu.labels
            .contains(&("accelerator".into(), "nvidia".into()))
    );
    assert_eq!(taint_texts(gpu), ["gpu=true:NoSchedule", "other:NoExecute"]);
    let node = p.session().cluster().store().node("gpu-1").expect("gpu-1");
    assert_eq!(
        node.status.allocatable.get("memory").map(|q| q.to_string()),
        Some("32Gi".to_string())
    );
    // Whatever is typed stays data: a quote or a newline cannot break out of the YAML.
    let spec = NewNodes {
        name: "x\"\n  labels: {a: b}".into(),
        ..NewNodes::default()
    };
    let out = p.add_nodes_with(&spec, 1);
    assert!(out.is_error, "{}", out.output);
    // A bad effect is the API server's error, not a panic.
    let spec = NewNodes {
        taints: "k:Sometimes".into(),
        ..NewNodes::default()
    };
    assert!(p.add_nodes_with(&spec, 1).is_error);
}

#[test]
fn pressure_toggles_run_sim_node_pressure() {
    let mut p = Playground::new();
    let on = NodeAction::Pressure {
        kind: "memory".into(),
        on: true,
    };
    assert_eq!(on.command("node-1"), "sim node node-1 pressure memory on");
    assert!(!p.node_action("node-1", &on).is_error);
    assert_eq!(
        node(&p.node_views(), "node-1").conditions,
        ["MemoryPressure"]
    );
    let off = NodeAction::Pressure {
        kind: "memory".into(),
        on: false,
    };
    assert!(!p.node_action("node-1", &off).is_error);
    assert!(node(&p.node_views(), "node-1").conditions.is_empty());
}

#[test]
fn revision_history_lists_templates_and_rolls_back() {
    let mut p = Playground::new();
    p.settle();
    p.run("kubectl set image ds/fluentd-elasticsearch -n kube-system fluentd-elasticsearch=quay.io/fluentd_elasticsearch/fluentd:v2.6.0");
    p.settle();
    let revs = p.revision_views();
    assert_eq!(revs.len(), 2, "{revs:?}");
    assert_eq!(revs[0].revision, 1);
    assert_eq!(
        revs[0].images,
        "quay.io/fluentd_elasticsearch/fluentd:v2.5.2"
    );
    assert!(!revs[0].current && revs[1].current);
    let out = p.roll_back("kube-system", "fluentd-elasticsearch", 1);
    assert!(!out.is_error, "{}", out.output);
    assert_eq!(
        last(&p).command,
        "kubectl rollout undo ds/fluentd-elasticsearch -n kube-system --to-revision=1"
    );
    let revs = p.revision_views();
    let current = revs.iter().find(|r| r.current).expect("a current revision");
    assert_eq!(
        current.images,
        "quay.io/fluentd_elasticsearch/fluentd:v2.5.2"
    );
}

#[test]
fn a_node_with_capacity_shows_what_its_pods_request() {
    let mut p = Playground::new();
    let spec = NewNodes {
        name: "big".into(),
        cpu: "4".into(),
        memory: "16Gi".into(),
        pods: "110".into(),
        ..NewNodes::default()
    };
    assert!(!p.add_nodes_with(&spec, 1).is_error);
    p.settle();
    let views = p.node_views();
    // fluentd-elasticsearch requests 100m CPU and 200Mi memory.
    assert_eq!(
        node(&views, "big").usage,
        ["cpu 100m/4", "memory 200Mi/16Gi", "pods 1/110"]
    );
}

/// Issue 10: a pasted input over the engine's 10 MB is refused; the transcript shows it cut (the
/// history does not keep it: `History::remember`), and nothing changed.
#[test]
fn a_huge_console_paste_is_refused_shown_cut_and_not_remembered() {
    let mut p = Playground::new();
    let elapsed = p.elapsed_millis();
    let huge = "sim advance 1s\n".repeat(1_000_000);
    let out = p.console(&huge).expect("it ran");
    assert!(out.is_error);
    assert!(last(&p).output.starts_with("dsplay: the input has"));
    assert!(last(&p).command.len() < 2_100);
    assert!(last(&p).command.ends_with("bytes in all)"));
    assert_eq!(p.elapsed_millis(), elapsed);
}

const OTHER_DS: &str = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: other}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec: {containers: [{name: c, image: i}]}\n";

/// The editor shows the DaemonSet that runs: one applied from the console (or a script played
/// step by step) takes its place, unless the learner typed in it since the page last set it.
#[test]
fn the_editor_follows_daemonsets_applied_elsewhere_until_the_learner_types() {
    let mut p = Playground::new();
    p.run_with_stdin("kubectl apply -f -", OTHER_DS);
    assert_eq!(p.manifest, OTHER_DS);
    // A failed apply changes nothing.
    p.run_with_stdin("kubectl apply -f -", "kind: DaemonSet\nnot: valid\n");
    assert_eq!(p.manifest, OTHER_DS);
    p.edit_manifest("# mine\n".to_string());
    assert!(p.manifest_edited());
    p.run_with_stdin("kubectl apply -f -", DEFAULT_MANIFEST);
    assert_eq!(p.manifest, "# mine\n", "the learner's text stays");
    // Once applied, the editor's text is what runs, and follows again.
    p.edit_manifest(OTHER_DS.to_string());
    p.apply_manifest();
    assert!(!p.manifest_edited());
    p.run_with_stdin("kubectl apply -f -", DEFAULT_MANIFEST);
    assert_eq!(p.manifest, DEFAULT_MANIFEST);
}

/// The default scenario's editor starts with what to try: the preset's own comments give way
/// to the page's words, and a learner's text is never touched.
#[test]
fn the_editor_header_replaces_leading_comments_until_the_learner_types() {
    let mut p = Playground::new();
    p.manifest = "# old\n# comments\napiVersion: apps/v1\nkind: DaemonSet\n".into();
    p.set_editor_header("# Try this.\n# And that.");
    assert_eq!(
        p.manifest,
        "# Try this.\n# And that.\napiVersion: apps/v1\nkind: DaemonSet\n"
    );
    p.set_editor_header("# 试试这个。");
    assert_eq!(
        p.manifest,
        "# 试试这个。\napiVersion: apps/v1\nkind: DaemonSet\n"
    );
    p.edit_manifest("# mine\nkind: DaemonSet\n".into());
    p.set_editor_header("# Try this.");
    assert_eq!(p.manifest, "# mine\nkind: DaemonSet\n");
}

/// "New node options" names nodes exactly: one name as written, a list of names, or a name
/// ending in a number counting on from it (issue 18: `k8s-master-0` stayed `k8s-master-0-1`).
#[test]
fn new_nodes_are_named_as_the_learner_writes_them() {
    let names = |name: &str, count| {
        NewNodes {
            name: name.into(),
            ..NewNodes::default()
        }
        .names(std::iter::empty(), count)
    };
    assert_eq!(names("k8s-master-0", 1), ["k8s-master-0"]);
    assert_eq!(names("k8s-01", 3), ["k8s-01", "k8s-02", "k8s-03"]);
    assert_eq!(names("k8s-master-0", 2), ["k8s-master-0", "k8s-master-1"]);
    assert_eq!(
        names("k8s-master-01, k8s-01 k8s-02", 1),
        ["k8s-master-01", "k8s-01", "k8s-02"]
    );
    assert_eq!(names("web", 2), ["web-1", "web-2"]);
    assert_eq!(names("", 2), ["node-1", "node-2"]);
}

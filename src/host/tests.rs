use super::Host;
use super::protocol::{Reply, Request};
use crate::playground::{NodeAction, Playground};

fn host() -> Host {
    let mut h = Host::new(Playground::new());
    h.handle(Request::Pause, || true);
    h
}

fn send(h: &mut Host, request: Request) -> Reply {
    h.handle(request, || true)
}

#[test]
fn the_first_update_carries_every_part_and_an_unchanged_model_sends_none() {
    let mut h = host();
    let first = h.update();
    assert!(first.clock.is_some() && first.editor.is_some() && first.nodes.is_some());
    assert!(first.daemonsets.is_some() && first.revisions.is_some() && first.ds_table.is_some());
    assert!(first.events.is_some() && first.why.is_some() && first.transcript.is_some());
    assert!(first.selected.is_some() && first.player.is_some() && first.lesson.is_some());
    assert_eq!(first.nodes.map(|n| n.value.len()), Some(3));
    assert_eq!(h.update(), Default::default());
}

#[test]
fn the_requests_that_only_read_change_no_part() {
    let mut h = host();
    h.update();
    for read in [
        Request::HistoryOlder {
            current: String::new(),
        },
        Request::HistoryNewer,
        Request::ExportYaml,
        Request::Script,
        Request::Link { lang: "en".into() },
    ] {
        assert!(read.reads_only());
        send(&mut h, read);
        assert_eq!(h.update(), Default::default());
    }
    assert!(!Request::Step.reads_only());
}

#[test]
fn a_paused_tick_changes_nothing_a_playing_tick_sends_the_clock_with_a_new_version() {
    let mut h = host();
    let first = h.update();
    send(&mut h, Request::Tick { wall_millis: 100 });
    assert_eq!(h.update(), Default::default());
    send(&mut h, Request::Play);
    send(&mut h, Request::Tick { wall_millis: 100 });
    let u = h.update();
    let clock = u.clock.expect("the clock moved");
    assert!(clock.version > first.clock.expect("sent first").version);
    assert!(clock.value.playing);
    assert_eq!(
        clock.value.elapsed_millis,
        Playground::new().elapsed_millis() + 100
    );
    // Ticks are not echoed, and the editor did not change.
    assert!(u.transcript.is_none() && u.editor.is_none());
}

#[test]
fn a_console_request_runs_the_same_command_path_as_the_playground() {
    let mut h = host();
    let mut twin = Playground::new();
    twin.pause();
    h.update();
    let reply = send(
        &mut h,
        Request::Console {
            line: "kubectl cordon node-1".into(),
        },
    );
    let out = twin.console("kubectl cordon node-1").expect("a command");
    assert_eq!(
        reply,
        Reply::Output {
            output: out.output,
            is_error: out.is_error
        }
    );
    let u = h.update();
    assert_eq!(
        u.transcript.expect("the command was echoed").value,
        twin.transcript()
    );
    let nodes = u.nodes.expect("a card changed").value;
    assert!(nodes.iter().any(|n| n.name == "node-1" && n.cordoned));
    assert_eq!(
        send(
            &mut h,
            Request::HistoryOlder {
                current: String::new()
            }
        ),
        Reply::Line(Some("kubectl cordon node-1".into()))
    );
}

#[test]
fn a_settle_in_frames_ends_where_one_sim_settle_ends() {
    let mut h = host();
    let mut twin = Playground::new();
    twin.pause();
    send(
        &mut h,
        Request::NodeAction {
            node: "node-2".into(),
            action: NodeAction::Drain,
        },
    );
    twin.node_action("node-2", &NodeAction::Drain);
    send(&mut h, Request::StartSettle);
    assert!(h.update().clock.expect("settling shows").value.settling);
    // One slice per frame, as on a busy page.
    let mut frames = 0;
    while send(&mut h, Request::SettleFrame) != Reply::Done(true) {
        frames += 1;
        assert!(frames < 10_000, "the settle never ended");
    }
    twin.settle();
    let u = h.update();
    assert!(!u.clock.expect("settled").value.settling);
    let last =
        |t: &[crate::playground::Entry]| t.last().map(|e| (e.command.clone(), e.output.clone()));
    assert_eq!(
        last(&u.transcript.expect("echoed").value),
        last(twin.transcript())
    );
    assert_eq!(h.playground().elapsed_millis(), twin.elapsed_millis());
}

#[test]
fn selecting_a_node_sends_its_explanations_and_filtering_sends_the_events() {
    let mut h = host();
    h.update();
    send(
        &mut h,
        Request::Select {
            node: Some("node-1".into()),
        },
    );
    let u = h.update();
    assert_eq!(
        u.selected.expect("selected").value.as_deref(),
        Some("node-1")
    );
    let why = u.why.expect("explained").value;
    assert_eq!(why.explanations, h.playground().explanations("node-1"));
    assert!(!why.explanations.is_empty());
    assert!(u.nodes.is_none() && u.events.is_none());

    send(
        &mut h,
        Request::FilterEvents {
            filter: "no-such-object".into(),
        },
    );
    assert_eq!(h.update().events.expect("filtered").value, Vec::new());
}

#[test]
fn a_script_that_does_not_read_loads_nothing_and_says_why() {
    let mut h = host();
    h.update();
    let reply = send(
        &mut h,
        Request::LoadScript {
            script: "kubectl apply -f - <<EOF\nkind: Node\n".into(),
        },
    );
    let Reply::Loaded(Err(why)) = reply else {
        panic!("loaded: {reply:?}");
    };
    assert!(!why.is_empty());
    assert!(h.update().player.is_none());

    let reply = send(
        &mut h,
        Request::LoadScript {
            script: "kubectl get nodes\nsim advance 1s\n".into(),
        },
    );
    assert_eq!(reply, Reply::Loaded(Ok(())));
    let player = h.update().player.expect("a script").value.expect("loaded");
    assert_eq!((player.position, player.len, player.running), (0, 2, false));
    assert_eq!(player.rows[1].text, "sim advance 1s");
    send(&mut h, Request::NextStep);
    let player = h.update().player.expect("moved").value.expect("loaded");
    assert_eq!(player.position, 1);
}

#[test]
fn a_link_opened_again_gives_the_same_link_and_a_bad_one_leaves_the_work() {
    let mut h = host();
    send(
        &mut h,
        Request::Console {
            line: "kubectl label node node-1 disk=ssd".into(),
        },
    );
    let link = |h: &mut Host| match send(h, Request::Link { lang: "en".into() }) {
        Reply::Text(link) => link,
        other => panic!("a link: {other:?}"),
    };
    let before = link(&mut h);
    let scenario = crate::share::decode(&before).expect("our own link reads");
    let mut other = host();
    assert_eq!(
        send(
            &mut other,
            Request::Open {
                scenario: Some(scenario)
            }
        ),
        Reply::Opened(Ok(()))
    );
    assert_eq!(link(&mut other), before);

    let bad = crate::share::Scenario {
        preset: Some("no-such-preset".into()),
        ..Default::default()
    };
    let reply = send(
        &mut other,
        Request::Open {
            scenario: Some(bad),
        },
    );
    assert!(matches!(reply, Reply::Opened(Err(_))), "{reply:?}");
    assert_eq!(link(&mut other), before);
}

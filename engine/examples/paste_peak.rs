//! The engine's memory on the page's big paste (issue 20): one NodeList of N nodes (the shape of
//! scripts/bench/manifests.mjs) applied through `Session::execute`, as the page's model does, then
//! settled. Prints the live heap and its high-water mark (a counting allocator) around each step.
//!
//! Usage: `cargo run -p dsplay-engine --example paste_peak [--release] -- [NODES | FILE]`; a FILE
//! is a NodeList as written, such as a real cluster's from scripts/bench/real-nodes.mjs.

use dsplay_engine::bench::alloc::CountingAlloc;
use dsplay_engine::runner::Session;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc::new();

fn node_list(n: usize) -> String {
    let mut s = String::from("apiVersion: v1\nkind: NodeList\nitems:\n");
    for i in 0..n {
        s.push_str(&format!(
            "- apiVersion: v1\n  kind: Node\n  metadata:\n    name: node-{i:05}\n    labels:\n      topology.kubernetes.io/zone: zone-{}\n",
            i % 3
        ));
    }
    s
}

fn mb(b: usize) -> String {
    format!("{:.1} MB", b as f64 / 1e6)
}

fn step(s: &mut Session, line: &str, stdin: Option<&str>) -> (usize, usize) {
    let before = ALLOC.live();
    ALLOC.reset_peak();
    let start = std::time::Instant::now();
    let out = s.execute(line, stdin);
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    assert!(!out.is_error, "{}", out.output.lines().last().unwrap_or(""));
    let (peak, live) = (ALLOC.peak(), ALLOC.live());
    println!(
        "{line:<22} live before {:>9}  peak {:>9}  after {:>9}  (output {} B)  {ms:.0} ms",
        mb(before),
        mb(peak),
        mb(live),
        out.output.len()
    );
    drop(out);
    (peak, ALLOC.live())
}

fn main() {
    let arg = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "10000".to_string());
    let yaml = match arg.parse() {
        Ok(n) => node_list(n),
        Err(_) => std::fs::read_to_string(&arg).expect("a NodeList file"),
    };
    let n = yaml.matches("\n  kind: Node\n").count().max(1);
    println!("{n} nodes, {} bytes of YAML", yaml.len());
    // `PRESET_ONLY=1`: the default preset's part alone (for a heap profiler's single peak).
    if std::env::var_os("PRESET_ONLY").is_some() {
        return with_default_preset(&yaml, n);
    }
    // Reading alone (parse, check, decode; each object dropped at once): the parse's own peak.
    let before = ALLOC.live();
    ALLOC.reset_peak();
    let validation = dsplay_engine::manifest::FieldValidation::Strict;
    let stop = dsplay_engine::manifest::decode_each(&yaml, validation, &mut |_, _| {});
    assert!(stop.is_none(), "{stop:?}");
    println!(
        "{:<22} live before {:>9}  peak {:>9}",
        "read only",
        mb(before),
        mb(ALLOC.peak())
    );
    let mut s = Session::new();
    let base = ALLOC.live();
    let (_, kept) = step(&mut s, "kubectl apply -f -", Some(&yaml));
    println!("  retained per node after apply: {} B", (kept - base) / n);
    step(&mut s, "sim settle", None);
    println!(
        "  live after settle: {} ({} B a node)",
        mb(ALLOC.live()),
        ALLOC.live() / n
    );
    drop(s);
    // As in the page, whose default scenario has a DaemonSet: the apply also creates a pod on
    // every node (the controllers run after each command).
    println!("with a DaemonSet on every node:");
    let mut s = Session::new();
    let ds = dsplay_engine::bench::manifests::rolling_daemonset(
        "agent",
        "registry.k8s.io/agent:1.0",
        "1",
    );
    step(&mut s, "kubectl apply -f -", Some(&ds));
    let base = ALLOC.live();
    let (_, kept) = step(&mut s, "kubectl apply -f -", Some(&yaml));
    println!("  retained per node after apply: {} B", (kept - base) / n);
    step(&mut s, "sim settle", None);
    drop(s);
    with_default_preset(&yaml, n);
}

fn with_default_preset(yaml: &str, n: usize) {
    // The page's default preset (src/presets, fluentd-elasticsearch: 3 nodes, a DaemonSet with
    // two tolerations, requests, limits and volumes), replayed as the worker opens it.
    println!("after the page's default preset:");
    let mut s = Session::new();
    let preset = include_str!("../../src/presets/scripts/fluentd-elasticsearch.txt");
    for line in dsplay_engine::script::read_script(preset).expect("the preset reads") {
        s.run_script_line(&line).expect("a command");
    }
    let base = ALLOC.live();
    let (_, kept) = step(&mut s, "kubectl apply -f -", Some(yaml));
    println!("  retained per node after apply: {} B", (kept - base) / n);
    step(&mut s, "sim settle", None);
    println!(
        "  live after settle: {} ({} B a node above the preset)",
        mb(ALLOC.live()),
        (ALLOC.live() - base) / n
    );
}

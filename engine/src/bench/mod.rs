//! The scenarios of the benchmark report (issue 9), run through [`Session::execute`], the same
//! command path as the console, the CLI and the page. Pure and clock-agnostic: the caller passes
//! a millisecond stopwatch (`std::time::Instant` natively, `performance.now()` in the browser)
//! and, where it has one, a [`alloc::CountingAlloc`] for the memory figures. The native
//! `dsbench` binary and the WebAssembly bench page run the same code.

pub mod alloc;
pub mod manifests;

use crate::runner::Session;
use serde::Serialize;

/// One measured figure.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Measurement {
    /// Which scenario (`create-and-settle`, `rollout`, `label-change`).
    pub scenario: &'static str,
    pub nodes: usize,
    pub daemonsets: usize,
    /// Pods in the store at the end.
    pub pods: usize,
    /// Wall-clock milliseconds for the measured step.
    pub millis: f64,
    /// Milliseconds the thread ran on a processor during the step, where the host can tell
    /// (natively on Linux): on a shared machine wall-clock also counts the time spent waiting
    /// for a core.
    pub cpu_millis: Option<f64>,
    /// Placement decisions evaluated and DaemonSet syncs run during the step.
    pub evaluations: u64,
    pub syncs: u64,
    /// Virtual time the step covered, in milliseconds.
    pub virtual_millis: i64,
    /// Live heap bytes at the end, when an allocator counts them.
    pub heap_bytes: Option<usize>,
    /// Allocations made during the step, when an allocator counts them (steadier than
    /// wall-clock on a shared machine).
    pub allocations: Option<usize>,
}

/// What the scenarios need from their host.
pub trait Host {
    /// A monotonic clock in milliseconds.
    fn now_ms(&self) -> f64;
    /// Live heap bytes, if counted.
    fn heap_bytes(&self) -> Option<usize>;
    /// Allocations made so far, if counted.
    fn allocations(&self) -> Option<usize> {
        None
    }
    /// Processor time this thread has used so far, in milliseconds, if the host can tell.
    fn cpu_ms(&self) -> Option<f64> {
        None
    }
}

/// The processor time in `/proc/<pid>/task/<tid>/schedstat` (its first field, nanoseconds on
/// a CPU), in milliseconds; `None` for any other text.
pub fn schedstat_cpu_ms(text: &str) -> Option<f64> {
    let nanos: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanos as f64 / 1e6)
}

/// How many label changes the label scenario times (it reports the median).
const LABEL_CHANGES: usize = 11;

/// The DaemonSets of the create scenario.
pub const DAEMONSETS: usize = 20;

/// Runs one command and panics with its output if it failed: the scenarios are fixed inputs, so a
/// failure is a bug in the benchmark.
fn run(s: &mut Session, line: &str, stdin: Option<&str>) -> String {
    let out = s.execute(line, stdin);
    if out.is_error {
        let tail: Vec<&str> = out.output.lines().rev().take(5).collect();
        panic!("bench command failed: {line}\n{}", tail.join("\n"));
    }
    out.output
}

fn apply_all(s: &mut Session, docs: &[String]) {
    for d in docs {
        run(s, "kubectl apply -f -", Some(d));
    }
}

/// A timed step: runs `f` and records what it cost.
fn measure(
    host: &dyn Host,
    s: &mut Session,
    scenario: &'static str,
    nodes: usize,
    daemonsets: usize,
    f: impl FnOnce(&mut Session),
) -> Measurement {
    let (evals, syncs, virt) = counters(s);
    let allocs = host.allocations();
    let cpu = host.cpu_ms();
    let start = host.now_ms();
    f(s);
    let millis = host.now_ms() - start;
    let cpu_millis = host.cpu_ms().zip(cpu).map(|(b, a)| b - a);
    let allocations = host.allocations().zip(allocs).map(|(b, a)| b - a);
    let (evals2, syncs2, virt2) = counters(s);
    Measurement {
        scenario,
        nodes,
        daemonsets,
        pods: s.cluster().store().pods().len(),
        millis,
        cpu_millis,
        evaluations: evals2 - evals,
        syncs: syncs2 - syncs,
        virtual_millis: virt2 - virt,
        heap_bytes: host.heap_bytes(),
        allocations,
    }
}

fn counters(s: &Session) -> (u64, u64, i64) {
    let c = s.cluster();
    (
        c.placement_evaluations(),
        c.daemonset_syncs(),
        c.elapsed_millis(),
    )
}

/// Create `nodes` nodes (one apply of a NodeList, settled), then measure: applying `daemonsets`
/// DaemonSets and settling until every pod is Ready; then one label change on one node, settled.
/// Returns the measurements and the session, for memory accounting by the caller.
pub fn create_and_label(host: &dyn Host, nodes: usize, daemonsets: usize) -> Vec<Measurement> {
    let mut s = Session::new();
    let node_yaml = manifests::node_lists(nodes);
    let base_heap = host.heap_bytes();
    let mut out = vec![measure(host, &mut s, "create-nodes", nodes, 0, |s| {
        apply_all(s, &node_yaml);
        run(s, "sim settle", None);
    })];
    if let (Some(before), Some(after)) = (base_heap, host.heap_bytes()) {
        out[0].heap_bytes = Some(after.saturating_sub(before));
    }
    let ds_yaml = manifests::daemonsets(daemonsets);
    out.push(measure(
        host,
        &mut s,
        "apply-daemonsets",
        nodes,
        daemonsets,
        |s| {
            run(s, "kubectl apply -f -", Some(&ds_yaml));
        },
    ));
    out.push(measure(host, &mut s, "settle", nodes, daemonsets, |s| {
        run(s, "sim settle --timeout 1h", None);
    }));
    // The median of several changes on different nodes: a single one is at the mercy of the
    // allocator (glibc consolidates its free lists at odd moments).
    let mut changes: Vec<Measurement> = (0..LABEL_CHANGES)
        .map(|i| {
            let target = manifests::node_name((nodes / 2 + i * 7) % nodes.max(1));
            measure(host, &mut s, "label-change", nodes, daemonsets, |s| {
                run(
                    s,
                    &format!("kubectl label node {target} bench=v{i} --overwrite"),
                    None,
                );
                run(s, "sim settle", None);
            })
        })
        .collect();
    changes.sort_by(|a, b| a.millis.total_cmp(&b.millis));
    out.push(changes.swap_remove(LABEL_CHANGES / 2));
    out
}

/// A full rollout of one DaemonSet over `nodes` nodes: a settled cluster, a new image applied,
/// then settled until every node runs the new template. `max_unavailable` is the strategy's
/// `maxUnavailable` (an integer or a percentage).
pub fn rollout(host: &dyn Host, nodes: usize, max_unavailable: &str) -> Vec<Measurement> {
    let mut s = Session::new();
    apply_all(&mut s, &manifests::node_lists(nodes));
    let v1 =
        manifests::rolling_daemonset("bench-roll", "registry.k8s.io/pause:3.9", max_unavailable);
    run(&mut s, "kubectl apply -f -", Some(&v1));
    run(&mut s, "sim settle --timeout 1h", None);
    let v2 =
        manifests::rolling_daemonset("bench-roll", "registry.k8s.io/pause:3.10", max_unavailable);
    let scenario = if max_unavailable == "1" {
        "rollout"
    } else {
        "rollout-10pct"
    };
    vec![measure(host, &mut s, scenario, nodes, 1, |s| {
        run(s, "kubectl apply -f -", Some(&v2));
        run(s, "sim settle --timeout 8000h", None);
        let updated = s
            .cluster()
            .store()
            .daemonsets()
            .values()
            .map(|d| d.status.updated_number_scheduled)
            .sum::<i64>();
        assert_eq!(updated as usize, nodes, "the rollout did not finish");
    })]
}

#[cfg(test)]
mod tests;

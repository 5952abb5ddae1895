//! `dsbench`: the engine's benchmark scenarios, natively, as JSON lines on standard output
//! (`scripts/bench.sh` adds the WebAssembly run and writes the report).
//!
//! Usage: `dsbench [--sizes 100,1000,10000] [--rollout-sizes 100,1000,10000]`

use dsplay_engine::bench::{self, Host, alloc::CountingAlloc};
use std::time::Instant;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc::new();

struct Native(Instant);

impl Host for Native {
    fn now_ms(&self) -> f64 {
        self.0.elapsed().as_secs_f64() * 1000.0
    }
    fn heap_bytes(&self) -> Option<usize> {
        Some(ALLOC.live())
    }
    fn allocations(&self) -> Option<usize> {
        Some(ALLOC.allocations())
    }
    fn cpu_ms(&self) -> Option<f64> {
        // Linux's per-thread scheduler statistics; elsewhere the report shows wall-clock only.
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|t| bench::schedstat_cpu_ms(&t))
    }
}

fn sizes(args: &[String], flag: &str, default: &[usize]) -> Result<Vec<usize>, String> {
    match args.iter().position(|a| a == flag) {
        None => Ok(default.to_vec()),
        Some(i) => args
            .get(i + 1)
            .ok_or(format!("{flag} needs a list such as 100,1000"))?
            .split(',')
            .map(|s| s.parse().map_err(|_| format!("{flag}: not a number: {s}")))
            .collect(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed = sizes(&args, "--sizes", &[100, 1000, 10_000])
        .and_then(|c| sizes(&args, "--rollout-sizes", &[100, 1000, 10_000]).map(|r| (c, r)));
    let (create, rollouts) = match parsed {
        Ok(v) => v,
        Err(e) => {
            eprintln!("dsbench: {e}");
            std::process::exit(2);
        }
    };
    let host = Native(Instant::now());
    let mut all = Vec::new();
    for n in create {
        all.extend(bench::create_and_label(&host, n, bench::DAEMONSETS));
    }
    for n in rollouts {
        all.extend(bench::rollout(&host, n, "1"));
        all.extend(bench::rollout(&host, n, "10%"));
    }
    for m in &all {
        match serde_json::to_string(m) {
            Ok(line) => println!("{line}"),
            Err(e) => eprintln!("dsbench: {e}"),
        }
    }
    // The most heap live at once over the whole run: a WebAssembly memory keeps its peak.
    eprintln!("dsbench: peak heap {} B", ALLOC.peak());
}

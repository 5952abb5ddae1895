#!/usr/bin/env bash
# The benchmark report (issue 9): measures the engine natively and as WebAssembly in Chromium,
# the page's frame rate during a rollout, the tab's memory while a 10,000-node NodeList pasted
# into the page settles, and the site's load size and time beside a minimal Leptos page built in
# the same run; writes docs/benchmarks.md.
#
#   scripts/bench.sh                     # sizes 100, 1000, 10000 (several minutes)
#   BENCH_SIZES=100,1000 scripts/bench.sh   # a quicker run
set -euo pipefail
source "$(dirname "$0")/lib.sh"

sizes=${BENCH_SIZES:-100,1000,10000}
tdir=${CARGO_TARGET_DIR:-target}
out=target/bench
mkdir -p "$out"

bash scripts/setup.sh --browser

say "native engine (dsbench, release)"
cargo build --release --offline -p dsplay-engine --bin dsbench
"$tdir/release/dsbench" --sizes "$sizes" --rollout-sizes "$sizes" >"$out/native.jsonl"

say "native engine (dsbench, the native profile: opt-level 3)"
cargo build --profile native --offline -p dsplay-engine --bin dsbench
"$tdir/native/dsbench" --sizes "$sizes" --rollout-sizes "$sizes" >"$out/native3.jsonl"

# The profile the site's model is built with (Cargo.toml, index.html): the engine at opt-level 2.
say "engine as WebAssembly (the worker's profile, as the site's model)"
cargo build --profile worker --offline --target wasm32-unknown-unknown -p dsplay-bench-wasm
rm -rf "$out/wasm" && mkdir -p "$out/wasm"
wasm-bindgen --target web --no-typescript --out-dir "$out/wasm" \
  "$tdir/wasm32-unknown-unknown/worker/dsplay_bench_wasm.wasm"
cp scripts/bench/wasm.html "$out/wasm/index.html"

say "the site and a minimal Leptos page (release builds)"
bash scripts/build.sh
rm -rf "$out/hello"
(cd bench/hello && trunk build --release --offline --public-url "$PUBLIC_URL" --dist "../../$out/hello")

say "in Chromium: WebAssembly engine, frame rate, load, a pasted NodeList"
node scripts/bench/browser.mjs --sizes "$sizes" --out "$out"

say "report"
node scripts/bench/report.mjs --out "$out" --report docs/benchmarks.md
say "wrote docs/benchmarks.md"

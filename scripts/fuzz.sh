#!/usr/bin/env bash
# Runs one cargo-fuzz target for a while, on one core, then minimises its corpus.
#   scripts/fuzz.sh [TARGET] [SECONDS]      (defaults: manifest_decode, 600)
# Targets: manifest_decode, script_parse, engine_commands (engine/fuzz/); share_link (fuzz/).
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). Not part of CI: the
# crashes it finds become regression tests, and `cargo test` replays the corpus.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

target=${1:-manifest_decode}
seconds=${2:-600}
if [[ -f "$ROOT/engine/fuzz/fuzz_targets/$target.rs" ]]; then
  cd "$ROOT/engine/fuzz"
elif [[ -f "$ROOT/fuzz/fuzz_targets/$target.rs" ]]; then
  cd "$ROOT/fuzz"
else
  die "no fuzz target $target (see the list at the top of $0)"
fi
mkdir -p "corpus/$target" "seeds/$target"

say "fuzzing $target for ${seconds}s"
# First directory: where new inputs go; the seeds are read only.
cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048

# Inputs are cut to 512 bytes here so that the committed corpus stays small.
say "minimising corpus/$target"
cargo +nightly fuzz cmin "$target" "corpus/$target" -- -max_len=512

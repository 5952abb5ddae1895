#!/usr/bin/env bash
# Installs what is missing (browser included), then runs every check in order, going on after a
# failure. Ends with the gzipped site size and a last line "N passed, N failed": every cargo and
# browser test counts one, and so do the fmt, clippy and build steps.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

passed=0
failed=0
failures=()
timings=()
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

summary() {
  echo
  for line in "${timings[@]}"; do echo "$line"; done
  for name in "${failures[@]}"; do echo "FAILED: $name"; done
  echo "$passed passed, $failed failed"
}

# One step that counts as one test.
step() {
  local name=$1 start=$SECONDS
  shift
  say "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
  fi
  timings+=("$(printf '%5ds  %s' $((SECONDS - start)) "$name")")
}

# A step reporting individual tests: $2 is an awk program printing "passed failed" from the
# report file $3 (the step's own output when that is "-").
counted_step() {
  local name=$1 count=$2 report=$3 start=$SECONDS out="$log/step.out" status=0 p f
  shift 3
  say "$name"
  "$@" 2>&1 | tee "$out" || status=$?
  [[ "$report" == - ]] && report=$out
  read -r p f < <(awk "$count" "$report" 2>/dev/null || echo 0 0)
  # A failure that reported no failed test (a build error, a crash) still counts once.
  if [[ $status -ne 0 && $f -eq 0 ]]; then f=1; fi
  passed=$((passed + p))
  failed=$((failed + f))
  if [[ $f -gt 0 ]]; then failures+=("$name ($f)"); fi
  timings+=("$(printf '%5ds  %s: %d passed, %d failed' $((SECONDS - start)) "$name" "$p" "$f")")
}

# Awk programs (single quotes on purpose). cargo prints "test result: ok. 3 passed; 0 failed; ..."
# per test binary; node --test's TAP ends with "# pass N", "# fail N", "# cancelled N".
# shellcheck disable=SC2016
cargo_counts='/^test result:/ { p += $4; f += $6 } END { print p + 0, f + 0 }'
# shellcheck disable=SC2016
tap_counts='/^# pass / { p = $3 } /^# (fail|cancelled) / { f += $3 } END { print p + 0, f + 0 }'

start=$SECONDS
if ! bash "$ROOT/scripts/setup.sh" --browser; then
  failed=1
  failures+=("setup: see the message above")
  summary
  exit 1
fi
timings+=("$(printf '%5ds  %s' $((SECONDS - start)) "setup")")

step "cargo fmt --all --check" cargo fmt --all --check
step "cargo clippy --workspace --all-targets -- -D warnings" \
  cargo clippy --workspace --all-targets --locked -- -D warnings
counted_step "cargo test --workspace" "$cargo_counts" - cargo test --workspace --locked
# The oracle's scenario generator (issue 19); PyYAML comes with mkdocs from setup.sh --browser.
if python3 -c 'import yaml' 2>/dev/null; then
  step "oracle scenario generator (tools/oracle/test_generate.py)" \
    python3 -m unittest -q "$ROOT/tools/oracle/test_generate.py"
else
  say "oracle scenario generator: skipped (PyYAML is not installed)"
fi
step "release build (trunk build --release --offline --public-url $PUBLIC_URL)" \
  bash "$ROOT/scripts/build.sh"
# Readable progress on the console, TAP in a file for the counts.
counted_step "browser end-to-end tests" "$tap_counts" "$log/e2e.tap" \
  node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$log/e2e.tap" tests/e2e/*.test.mjs

echo
bash "$ROOT/scripts/site-size.sh" || true
summary
[[ $failed -eq 0 ]]

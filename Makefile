# The two commands of the README: `make run` and `make test`. The scripts do the work.
.PHONY: run test build setup bench oracle

# Install what is missing, then serve the playground with live reload on 127.0.0.1.
run:
	bash scripts/run.sh

# Install what is missing (browser too), then run every check; ends with "N passed, N failed".
test:
	bash scripts/test.sh

# The release build as deployed to GitHub Pages (used by .github/workflows/pages.yml).
build:
	bash scripts/setup.sh
	bash scripts/build.sh

# Only install what is missing.
setup:
	bash scripts/setup.sh --browser

# Measure the engine (native and WebAssembly), the page's frame rate and load; writes
# docs/benchmarks.md. BENCH_SIZES=100,1000 make bench for a quicker run.
bench:
	bash scripts/bench.sh

# Random scenarios through the real DaemonSet controller and through dsplay (issue 19); skips
# with a message when the oracle (tools/oracle/setup.sh, ~/.cache/dsoracle) is not built.
# ORACLE_SEED=1 ORACLE_COUNT=100 make oracle; differences land in target/oracle/.
# ORACLE_MINUTES=30 stops after 30 minutes and reports the scenarios run so far.
oracle:
	cargo build --release --locked -p dsplay-engine --bin dsplay
	@# the project's driver, rebuilt in seconds where the Kubernetes tree is already extracted
	@if [ -f $${DSORACLE_HOME:-$$HOME/.cache/dsoracle}/src/deps/github.com/openshift/kubernetes/go.work ]; then bash tools/oracle/setup.sh; fi
	@# the minimised findings both sides must agree on (tools/oracle/findings, docs/fidelity.md)
	DSPLAY=target/release/dsplay python3 -m unittest -q tools/oracle/test_findings.py
	DSPLAY=target/release/dsplay python3 tools/oracle/run.py --seed $${ORACLE_SEED:-1} --count $${ORACLE_COUNT:-100} --minutes $${ORACLE_MINUTES:-0} --jobs $${ORACLE_JOBS:-2}

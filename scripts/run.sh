#!/usr/bin/env bash
# Installs what is missing, then serves the playground with live reload on 127.0.0.1.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

bash "$ROOT/scripts/setup.sh"

port=${PORT:-8080}
say "DaemonSet Playground: http://127.0.0.1:$port$PUBLIC_URL (after the first build; Ctrl-C stops)"
# Served under the same sub-path as on GitHub Pages, so path mistakes show up here first.
exec trunk serve --offline --address 127.0.0.1 --port "$port" --public-url "$PUBLIC_URL"

# Sourced by the other scripts: where things are, pinned versions, small helpers.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1

# cargo-installed tools, then the npm ones (wasm-opt from binaryen).
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/node_modules/.bin:$PATH"

# Used by the scripts that source this file.
# shellcheck disable=SC2034
{
  TRUNK_VERSION=0.21.14
  BINARYEN_VERSION=132
  MDBOOK_VERSION=0.5.4
  # Where the site is served from: the Pages workflow passes the repository's own path
  # (actions/configure-pages: /NAME/ for a project page or a fork, / for a custom domain); a
  # local build is served as this project's page, where tests/e2e/server.mjs serves it.
  PUBLIC_URL=${PUBLIC_URL:-/daemonset-playground/}
  # Debian's; CI runners may point these at their own Chrome.
  CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
  CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
}

say() { printf '==> %s\n' "$*"; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# The version of a package in Cargo.lock (the first one, if several).
lock_version() {
  awk -v want="name = \"$1\"" '$0 == want { getline; gsub(/^version = "|"$/, ""); print; exit }' Cargo.lock
}

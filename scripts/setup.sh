#!/usr/bin/env bash
# Installs whatever is missing to build the site, and with --browser also to test it.
# Each tool is skipped when already installed at the pinned version, so a second run takes seconds.
# Everything comes from the package registries (crates.io, npm, Debian): no downloaded binaries.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

want_browser=false
[[ "${1:-}" == "--browser" ]] && want_browser=true

require() {
  command -v "$1" >/dev/null || die "$1 is missing: $2"
}

# A cargo-installed tool whose `--version` prints "<name> <version>".
cargo_tool() {
  local bin=$1 crate=$2 version=$3
  shift 3
  local have
  have=$("$bin" --version 2>/dev/null | awk '{ print $2 }') || true
  if [[ "$have" == "$version" ]]; then
    say "$bin $version: installed"
  else
    say "$bin: installing $crate $version with cargo (several minutes the first time)"
    cargo install "$crate" --version "$version" "$@"
  fi
}

wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32-unknown-unknown target: installed"
  else
    say "wasm32-unknown-unknown target: installing with rustup"
    rustup target add wasm32-unknown-unknown
  fi
}

# Trunk reads the wasm-bindgen pin in Trunk.toml; the crate's version is in Cargo.lock.
wasm_bindgen_version() {
  local locked pinned
  locked=$(lock_version wasm-bindgen)
  [[ -n "$locked" ]] || die "wasm-bindgen is not in Cargo.lock"
  pinned=$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' Trunk.toml)
  [[ "$pinned" == "$locked" ]] ||
    die "Trunk.toml pins wasm_bindgen = \"$pinned\" but Cargo.lock has $locked: make them equal"
  echo "$locked"
}

# npm ci only when package-lock.json changed since the last install.
npm_packages() {
  local stamp=node_modules/.package-lock.sha256 sum
  sum=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$sum" ]]; then
    say "npm packages: installed"
  else
    say "npm packages: npm ci (playwright-core without a browser, binaryen for wasm-opt)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
    echo "$sum" >"$stamp"
  fi
  wasm-opt --version | grep -q "version $BINARYEN_VERSION\b" ||
    die "wasm-opt on PATH is not binaryen $BINARYEN_VERSION: $(command -v wasm-opt)"
}

browser() {
  if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
    say "chromium and chromedriver: installed"
  elif [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    say "chromium and chromedriver: installing with apt-get"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  else
    die "the browser tests need $CHROMIUM and $CHROMEDRIVER. Install them, then run again:
    sudo apt-get install chromium chromium-driver     (Debian, Ubuntu)"
  fi
}

# MkDocs Material: Debian's package puts it among mkdocs' themes, PyPI's is a module.
material_theme() {
  [[ -d /usr/share/mkdocs/themes/material ]] || python3 -c 'import material' 2>/dev/null
}

# The tutorial tools the embed tests build real sites with (tests/e2e/sites.test.mjs; it skips
# a tool that is missing): Hugo and MkDocs with the Material theme from Debian, mdBook from
# crates.io.
site_tools() {
  if command -v hugo >/dev/null && command -v mkdocs >/dev/null && material_theme; then
    say "hugo, mkdocs and mkdocs-material: installed"
  elif [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    say "hugo, mkdocs and mkdocs-material: installing with apt-get"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y hugo mkdocs mkdocs-material python3-yaml; } ||
      say "they could not be installed: their site tests are skipped"
  else
    say "no hugo or mkdocs: their site tests are skipped (sudo apt-get install hugo mkdocs mkdocs-material)"
  fi
  # `mdbook --version` prints "mdbook v0.5.4".
  if [[ "$(mdbook --version 2>/dev/null)" == "mdbook v$MDBOOK_VERSION" ]]; then
    say "mdbook $MDBOOK_VERSION: installed"
  else
    say "mdbook: installing $MDBOOK_VERSION with cargo (a few minutes the first time)"
    cargo install mdbook --version "$MDBOOK_VERSION" --locked ||
      say "mdbook could not be installed: its site test is skipped"
  fi
}

# CJK fonts, so that the Chinese pages' screenshots show glyphs (the tests pass without them).
cjk_fonts() {
  if command -v fc-list >/dev/null && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    say "Noto CJK fonts: installed"
  elif [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    say "Noto CJK fonts: installing with apt-get (fonts-noto-cjk)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-noto-cjk ||
      say "fonts-noto-cjk could not be installed: Chinese screenshots will show boxes"
  else
    say "no Noto CJK fonts: Chinese screenshots will show boxes (sudo apt-get install fonts-noto-cjk)"
  fi
}

require cargo "install Rust 1.95 with rustup"
require rustup "install Rust 1.95 with rustup"
require node "install Node.js 20 or newer (with npm)"
require npm "install Node.js 20 or newer (with npm)"

wasm_target
cargo_tool trunk trunk "$TRUNK_VERSION" --locked
# Assigned first so that set -e stops here when the versions disagree.
bindgen_version=$(wasm_bindgen_version)
# No --locked: wasm-bindgen-cli's own lock file pins a crate the registry no longer serves.
cargo_tool wasm-bindgen wasm-bindgen-cli "$bindgen_version"
npm_packages
if $want_browser; then
  browser
  cjk_fonts
  site_tools
fi

say "crates: cargo fetch --locked (later steps run offline)"
cargo fetch --locked --quiet

#!/usr/bin/env bash
# Prints the gzipped size of the built site: the sum of gzip -9 sizes of dist's html, js, wasm, css,
# then the two WebAssembly modules apart: the page's (Leptos, the views; with its JS glue) and the
# model's, run in a Web Worker (engine, YAML, kubectl; worker_loader-HASH.js and worker-HASH_bg.wasm).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

shopt -s nullglob
total=0
page=0
page_raw=0
model=0
model_raw=0
for file in dist/*.html dist/*.js dist/*.wasm dist/*.css; do
  size=$(gzip -9 -c "$file" | wc -c)
  raw=$(wc -c < "$file")
  printf '  %8d  %s\n' "$size" "$file"
  total=$((total + size))
  case "$file" in
    dist/worker*) model=$((model + size)); model_raw=$((model_raw + raw)) ;;
    dist/daemonset-playground-*) page=$((page + size)); page_raw=$((page_raw + raw)) ;;
  esac
done
[[ $total -gt 0 ]] || die "dist/ is empty: build the site first"
printf 'Page module (wasm + JS): %d bytes raw, %d gzipped\n' "$page_raw" "$page"
printf 'Model module, Web Worker (wasm + JS): %d bytes raw, %d gzipped\n' "$model_raw" "$model"
awk -v n="$total" 'BEGIN { printf "Site size (gzip -9): %d bytes (%.1f KB)\n", n, n / 1024 }'

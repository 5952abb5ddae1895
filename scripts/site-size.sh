#!/usr/bin/env bash
# Prints the gzipped size of the built site: the sum of gzip -9 sizes of dist's html, js, wasm, css.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

shopt -s nullglob
total=0
for file in dist/*.html dist/*.js dist/*.wasm dist/*.css; do
  size=$(gzip -9 -c "$file" | wc -c)
  printf '  %8d  %s\n' "$size" "$file"
  total=$((total + size))
done
[[ $total -gt 0 ]] || die "dist/ is empty: build the site first"
awk -v n="$total" 'BEGIN { printf "Site size (gzip -9): %d bytes (%.1f KB)\n", n, n / 1024 }'

#!/usr/bin/env bash
# The release build of the site, exactly as deployed to GitHub Pages (run setup.sh first).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# A failed build must leave no dist/ behind, or the browser tests would test the previous one.
rm -rf dist
trunk build --release --offline --public-url "$PUBLIC_URL"
# GitHub Pages answers unknown paths with 404.html: deep links get the app too.
cp dist/index.html dist/404.html

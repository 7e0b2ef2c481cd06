#!/usr/bin/env bash
# Benchmarks (not tests): builds release, then prints and writes (JSON) the
# size of what the first question needs and the time to it, unthrottled and
# mobile-throttled. RUNS=5 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
trunk build --release
cd e2e && node bench/measure.mjs

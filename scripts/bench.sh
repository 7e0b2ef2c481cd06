#!/usr/bin/env bash
# Benchmarks (not tests: scripts/test.sh never runs this). Builds the release
# site twice, as shipped into dist/ and with every bank 4× the size into
# dist-scale4/, then checks the budgets of issue 10 (e2e/bench/measure.mjs):
# PASS/FAIL per budget, a summary, and every figure in
# bench/results/latest.json. A report: it exits 0 when budgets fail.
# RUNS=5 browser runs per timing, RUNS_LH=3 Lighthouse runs per page. Ends
# with scripts/wasm-weight.sh (twiggy).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/scripts/split:$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Lighthouse 12.2.3, pinned in bench/tools (12.x is the last line for Node
# 20). Installed by lockfile, and again only when the lockfile changes, the
# way setup.sh does it for tools/ and e2e/. It never downloads a browser:
# it drives Debian's Chromium.
stamp=bench/tools/node_modules/.lock-stamp
sum=$(sha256sum bench/tools/package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
  say "npm: installing bench/tools (Lighthouse)"
  (cd bench/tools && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  echo "$sum" > "$stamp"
fi

say "release build into dist/"
trunk build --release

# The growth budget's build: build.rs gives each exam's bank 4× as many
# questions when CERT_BANK_SCALE=4. Its own target dir, so the normal build
# stays cached and neither build picks up the other's banks (postbuild.py
# reads them from CARGO_TARGET_DIR). If it fails, the budget is reported as
# not measured rather than measured against a stale dist-scale4/.
say "release build with CERT_BANK_SCALE=4 into dist-scale4/"
rm -rf dist-scale4
if ! CERT_BANK_SCALE=4 CARGO_TARGET_DIR="$PWD/target/scale4" trunk build --release --dist dist-scale4; then
  echo "bench: the CERT_BANK_SCALE=4 build failed; the growth budget will be 'not measured'." >&2
  rm -rf dist-scale4
fi

say "measuring"
export CHROME_PATH=/usr/bin/chromium
root=$PWD
cd e2e && node bench/measure.mjs "$root/dist" "$root/dist-scale4"

# Where the wasm's weight is: twiggy's ten biggest items, code by crate,
# and what leptos_router weighs (README's benchmark section records them).
cd "$root"
say "wasm weight (twiggy)"
bash scripts/wasm-weight.sh

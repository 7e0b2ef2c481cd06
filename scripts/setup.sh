#!/usr/bin/env bash
# Installs what building and testing need, and nothing that is already there
# at the right version: safe to run every time, fast when all is present.
# Pins: trunk 0.22.1; wasm-bindgen-cli = Cargo.lock's wasm-bindgen; wasm-opt
# from npm binaryen 132 (tools/package-lock.json; Debian's binaryen 108 breaks
# the app); Debian's chromium, chromium-driver and brotli; npm packages by
# lockfile; wasm-split-cli 0.2.4 (wasm_split_cli_support). See shared/TOOLCHAIN.md for why each pin is what it is.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

TRUNK_VERSION=0.22.1

# 1. Debian packages.
# package:command — a command already on PATH (however installed) is enough.
missing=()
for pair in chromium:chromium chromium-driver:chromedriver brotli:brotli python3:python3 nodejs:node npm:npm; do
  pkg=${pair%%:*} cmd=${pair#*:}
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt: installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup: adding wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 3. Trunk (its rust-version is ahead of stable; it builds and runs fine).
if ! trunk --version 2>/dev/null | grep -q " ${TRUNK_VERSION}\$"; then
  say "cargo: installing trunk ${TRUNK_VERSION} (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version
fi

# 4. wasm-bindgen-cli at exactly Cargo.lock's version (--locked fails: its
#    lockfile pins a crate missing from the index).
wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${wb}\$"; then
  say "cargo: installing wasm-bindgen-cli ${wb}"
  cargo install wasm-bindgen-cli --version "$wb" --force
fi
if ! grep -q "^wasm_bindgen = \"${wb}\"" Trunk.toml; then
  echo "Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen (${wb})." >&2
  exit 1
fi

# 4b. The splitter that cuts the release wasm into one chunk per page
#     (scripts/split/wasm-bindgen runs it; the crate cargo-leptos uses).
WASM_SPLIT_VERSION=0.2.4
# (it has no --version: ask cargo what it installed.)
if ! command -v wasm-split-cli >/dev/null 2>&1 \
  || ! cargo install --list | grep -qx "wasm_split_cli_support v${WASM_SPLIT_VERSION}:"; then
  say "cargo: installing wasm-split-cli ${WASM_SPLIT_VERSION} (about 1 minute)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi

# 5. npm packages, by lockfile, reinstalled only when the lockfile changed.
npm_ci() {
  local dir=$1 stamp="$1/node_modules/.lock-stamp" sum
  sum=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
    say "npm: installing $dir"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    echo "$sum" > "$stamp"
  fi
}
npm_ci tools
npm_ci e2e
wasm-opt --version | grep -q "version_132" || { echo "wasm-opt is not binaryen 132" >&2; exit 1; }

# 6. Crates, so that Trunk's offline build finds them.
cargo fetch --quiet

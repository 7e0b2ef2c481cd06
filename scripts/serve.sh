#!/usr/bin/env bash
# Command 1: install what is missing, build the release app, and serve it on
# 127.0.0.1 exactly as a static host would (no rewrite rules).
#   PORT=8080 by default; PUBLIC_URL=/prep/diagnostic/ to build for a sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/scripts/split:$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
port=${PORT:-8080}
public_url=${PUBLIC_URL:-/}
trunk build --release --public-url "$public_url"
root=dist
if [ "$public_url" != "/" ]; then
  # Serve the build under its sub-path, as the host would.
  root=$(mktemp -d)
  mkdir -p "$root${public_url%/}"
  cp -r dist/. "$root${public_url%/}/"
fi
echo
echo "Cert Diagnostic is at http://127.0.0.1:${port}${public_url}  (Ctrl+C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root"

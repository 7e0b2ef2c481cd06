#!/usr/bin/env bash
# Where the wasm's weight is (part of the benchmark, not the tests): the
# main module every page loads first, as shipped but with its function names
# kept, through the same wasm-opt -Oz, then twiggy (pinned): the ten biggest
# items, the code per crate, and the upper bound of each lever issue 21
# names (leptos_router's own and generic code; serde_json). The main module
# is the one the last `trunk build --release` split off (target/split/, the
# split wrapper's output); without it, the unsplit module is weighed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
if [ "$(twiggy --version 2>/dev/null)" != "twiggy 0.8.0" ]; then
  cargo install twiggy --version 0.8.0 --locked
fi
out=target/wasm-weight
rm -rf "$out" && mkdir -p "$out"
main=target/split/cert-diagnostic.wasm
if [ -f "$main" ]; then
  wasm-bindgen --target web --keep-debug --keep-lld-exports --out-dir "$out" "$main"
else
  cargo build --release --target wasm32-unknown-unknown --bin cert-diagnostic
  wasm-bindgen --target web --keep-debug --out-dir "$out" target/wasm32-unknown-unknown/release/cert-diagnostic.wasm
fi
# The same passes as index.html's data-wasm-opt-params, names kept.
wasm-opt -Oz --debuginfo --enable-mutable-globals --enable-nontrapping-float-to-int \
  --enable-bulk-memory --enable-bulk-memory-opt --enable-sign-ext --enable-reference-types \
  --enable-multivalue --enable-call-indirect-overlong \
  "$out/cert-diagnostic_bg.wasm" -o "$out/named.wasm"
echo "Ten biggest items (bytes as shipped, names kept for this count only):"
twiggy top -n 12 "$out/named.wasm" | grep -v '"function names" subsection\|custom section'
twiggy top -n 100000 -f csv "$out/named.wasm" > "$out/top.csv"
# The shipped file's brotli size, to put raw shares into shipped bytes.
shipped=$(node -e "const z=require('zlib'),fs=require('fs');const f=fs.readdirSync('dist').find(f=>/^cert-diagnostic-.*_bg\.wasm$/.test(f));console.log(z.brotliCompressSync(fs.readFileSync('dist/'+f),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length)")
python3 - "$out/top.csv" "$shipped" <<'PY'
import csv, re, sys, collections
rows = [r for r in csv.DictReader(open(sys.argv[1])) if "section" not in r["Name"]]
by = collections.Counter()
router = json = 0
for r in rows:
    name, size = r["Name"], int(r["ShallowSize"])
    if "leptos_router" in name or "either_of" in name:
        router += size
    if "serde_json" in name:
        json += size
    m = re.match(r"[<&\s]*(?:mut\s+)?([a-z_][a-z0-9_]*)", name)
    by[m.group(1) if m else "other"] += size
total = sum(by.values())
print(f"\nCode and data by crate (of {total / 1024:.0f} KB raw):")
for k, v in by.most_common(16):
    print(f"  {v / 1024:8.1f} KB  {k}")
shipped = int(sys.argv[2])
print(f"\nleptos_router (its own and its generic code, with either_of): {router / 1024:.1f} KB raw, "
      f"{100 * router / total:.1f} % of the code: about {router / total * shipped / 1024:.0f} KB "
      f"of the shipped {shipped / 1024:.0f} KB brotli")
print(f"serde_json (its parser and its Deserializer's code for our types, which another parser "
      f"would need in its own form): {json / 1024:.1f} KB raw, "
      f"{100 * json / total:.1f} %: about {json / total * shipped / 1024:.0f} KB brotli")
PY

#!/usr/bin/env python3
"""Trunk post-build hook: finishes the static site in Trunk's staging dir.

1. Content-Security-Policy in every page, allowing Trunk's inline loader by
   its hash (computed here from the built file: no 'unsafe-inline').
2. The base path as a <meta> instead of <base> (the policy says
   base-uri 'none'); manifest and icon links.
3. Each exam's question bank (built by build.rs as an index and small
   pieces, each named by content hash) into banks/; an exam's pages
   preload its index.
4. index.html at every route path, so deep links and reloads work on any
   static host with no rewrite rules. The paths are fixed per exam, so the
   list comes from content/exams.toml.
5. sw.js: precaches every file of this build under a cache name derived
   from the files' contents.
"""
import base64
import hashlib
import json
import os
import pathlib
import re
import shutil
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist"))
base = os.environ.get("TRUNK_PUBLIC_URL") or "/"
if not base.endswith("/"):
    base += "/"
index = staging / "index.html"
if not index.exists():
    sys.exit(f"postbuild: no index.html in {staging}")
html = index.read_text(encoding="utf-8")

# 1. The policy, with the inline loader's hash.
inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
if not inline:
    sys.exit("postbuild: Trunk's inline loader script was not found")
hashes = " ".join("'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in inline)
csp = (
    "default-src 'self'; "
    f"script-src 'self' 'wasm-unsafe-eval' {hashes}; "
    "style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; object-src 'none'"
)

# 2. Base path, manifest, icon; the policy first in <head>.
html, n = re.subn(r"<base[^>]*>", "", html)
if n != 1:
    sys.exit("postbuild: expected one <base> from Trunk's data-trunk-public-url")
head_start = (
    f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
    f'<meta name="app-base" content="{base}">'
    f'<link rel="manifest" href="{base}manifest.webmanifest">'
    f'<link rel="icon" href="{base}icon.svg" type="image/svg+xml">'
    '<meta name="theme-color" content="#0b5cad">'
)
html = re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + head_start, html, count=1)
if "Content-Security-Policy" not in html:
    # Minified HTML may omit <head>: put it right after the charset.
    html = re.sub(r"(<meta charset=[^>]*>)", lambda m: m.group(1) + head_start, html, count=1)
if "Content-Security-Policy" not in html:
    sys.exit("postbuild: could not place the Content-Security-Policy")
index.write_text(html, encoding="utf-8")

for name in ("manifest.webmanifest", "icon.svg"):
    shutil.copyfile(ROOT / "public" / name, staging / name)

# 3. The banks this build embedded the hashes of (build.rs writes them
#    beside the wasm target's profile directory).
target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target") / "wasm32-unknown-unknown"
profiles = [os.environ["TRUNK_PROFILE"]] if os.environ.get("TRUNK_PROFILE") else ["release", "debug"]
manifests = [target / p / "banks" / "manifest.json" for p in profiles]
manifests = [m for m in manifests if m.exists()]
if not manifests:
    sys.exit(
        f"postbuild: no bank manifest under {target} (build.rs writes it when content changes; "
        "run `touch build.rs` and build again)"
    )
manifest_path = max(manifests, key=lambda m: m.stat().st_mtime)
bank_files = json.loads(manifest_path.read_text(encoding="utf-8"))
(staging / "banks").mkdir(exist_ok=True)
for exam_id, names in bank_files.items():
    for name in names:
        shutil.copyfile(manifest_path.parent / name, staging / "banks" / name)

# 4. Every route path gets the page; an exam's pages preload its bank.
catalog = tomllib.loads((ROOT / "content" / "exams.toml").read_text(encoding="utf-8"))
routes = {"history": html, "shared": html}
for exam in catalog["exam"]:
    name = (bank_files.get(exam["id"]) or [None])[0]
    if name is None:
        sys.exit(f"postbuild: no bank file for exam {exam['id']} in {manifest_path}")
    preload = f'<link rel="preload" href="{base}banks/{name}" as="fetch" crossorigin>'
    page = html.replace('<meta name="theme-color"', preload + '<meta name="theme-color"', 1)
    for route in (f"exam/{exam['id']}", f"exam/{exam['id']}/quiz", f"exam/{exam['id']}/practice", f"exam/{exam['id']}/results"):
        routes[route] = page
for route, page in routes.items():
    (staging / route).mkdir(parents=True, exist_ok=True)
    (staging / route / "index.html").write_text(page, encoding="utf-8")

# 5. The service worker, over every file of this build.
files = sorted(p for p in staging.rglob("*") if p.is_file() and p.name not in ("sw.js", ".trunk-lock"))
digest = hashlib.sha256()
urls = []
for p in files:
    rel = p.relative_to(staging).as_posix()
    digest.update(rel.encode() + b"\0" + p.read_bytes())
    urls.append(base + rel)
sw = (ROOT / "scripts" / "sw.js").read_text(encoding="utf-8")
sw = sw.replace("__CACHE__", "cert-diagnostic-" + digest.hexdigest()[:16])
sw = sw.replace("__BASE__", base).replace("__FILES__", json.dumps(urls))
(staging / "sw.js").write_text(sw, encoding="utf-8")
print(
    f"postbuild: CSP with {len(inline)} inline hash(es); {len(bank_files)} banks; "
    f"{len(routes)} route pages; sw.js precaches {len(urls)} files"
)

#!/usr/bin/env python3
"""Trunk post-build hook: finishes the static site in Trunk's staging dir.

1. Content-Security-Policy in every page, allowing Trunk's inline loader by
   its hash (computed here from the built file: no 'unsafe-inline').
2. The base path as a <meta> instead of <base> (the policy says
   base-uri 'none'); manifest and icon links.
3. index.html at every route path, so deep links and reloads work on any
   static host with no rewrite rules. The paths are fixed per exam, so the
   list comes from content/exams.toml.
4. sw.js: precaches every file of this build under a cache name derived
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

# 3. Every route path gets the page.
catalog = tomllib.loads((ROOT / "content" / "exams.toml").read_text(encoding="utf-8"))
routes = ["history", "shared"]
for exam in catalog["exam"]:
    routes += [f"exam/{exam['id']}", f"exam/{exam['id']}/quiz", f"exam/{exam['id']}/results"]
for route in routes:
    (staging / route).mkdir(parents=True, exist_ok=True)
    shutil.copyfile(index, staging / route / "index.html")

# 4. The service worker, over every file of this build.
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
print(f"postbuild: CSP with {len(inline)} inline hash(es); {len(routes)} route pages; sw.js precaches {len(urls)} files")

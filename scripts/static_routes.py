#!/usr/bin/env python3
"""Trunk post-build hook: writes index.html at every route path of the app,
so that reloading or opening a deep link works on any static host with no
rewrite rules (python3 -m http.server, GitHub Pages, S3...).

The app's paths are fixed per exam (what varies rides in the query string),
so the list comes from content/exams.toml: adding an exam needs nothing here.
"""
import os
import pathlib
import shutil
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist"))
index = staging / "index.html"
if not index.exists():
    sys.exit(f"static_routes: no index.html in {staging}")

catalog = tomllib.loads((ROOT / "content" / "exams.toml").read_text(encoding="utf-8"))
paths = ["history", "shared"]
for exam in catalog["exam"]:
    paths += [f"exam/{exam['id']}", f"exam/{exam['id']}/quiz", f"exam/{exam['id']}/results"]

for p in paths:
    target = staging / p
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(index, target / "index.html")
print(f"static_routes: index.html at {len(paths)} route paths")

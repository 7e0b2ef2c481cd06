#!/usr/bin/env python3
"""mk_be.py BATCH -> READING/be-BATCH.md, the editor's brief when a fresh
reader has already done the blind reading (it starts at step 2)."""
import sys

from briefs import READING

b = sys.argv[1]
t = (READING / "BLIND-EDITOR.md").read_text()
i, j = t.index("## 1. Blind reading"), t.index("## 2. Strict edit")
t = (t[:i] + "## 1. Blind reading (done)\n"
     f"A fresh reader has already answered every stem blind: {READING}/{b}/answers-blind.txt\n"
     "(numbers follow blind.txt and editor.txt). Read it in step 2: act on every note.\n\n" + t[j:])
t = t.replace("keeping each question's `id`, `revises`, domain and task",
              "keeping each question's `id`, `revises` (if any), domain and task")
(READING / f"be-{b}.md").write_text(t.replace("<B>", b))

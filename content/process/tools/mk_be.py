import sys
b=sys.argv[1]
t=open("/work/reading/BLIND-EDITOR.md").read()
i=t.index("## 1. Blind reading"); j=t.index("## 2. Strict edit")
t=t[:i]+f"## 1. Blind reading (done)\nA fresh reader has already answered every stem blind: /work/reading/{b}/answers-blind.txt\n(numbers follow blind.txt and editor.txt). Read it in step 2: act on every note.\n\n"+t[j:]
t=t.replace("keeping each question's `id`, `revises`, domain and task","keeping each question's `id`, `revises` (if any), domain and task")
open(f"/work/reading/be-{b}.md","w").write(t.replace("<B>",b))

#!/usr/bin/env python3
"""The reading process of content/REVIEW.md, for one batch of questions.

  reading.py views BATCH_FILE OUT_DIR [ID ...]
      writes what each reader may see, keys left out, options shuffled:
        OUT_DIR/options-only.txt  the options alone (stem hidden)
        OUT_DIR/blind.txt         stem and options
        OUT_DIR/editor.txt        everything, with keys and explanations
        OUT_DIR/map.json          which letter is which option (not for readers)
      with ids, only those questions (a second reading after fixes)
  reading.py summary OUT_DIR
      the batch's figures for REVIEW.md, each question in its final form,
      by the latest fresh reading of it: the first reading (OUT_DIR), then
      each round k (OUT_DIR/r<k>), which read what the fix before it changed
      (OUT_DIR/changed*.txt) or, when a reading had to be redone, the whole
      batch
  reading.py score OUT_DIR options-only|blind ANSWERS_FILE
      compares a reader's answers with the keys and prints the figures
      REVIEW.md records: hits (options-only) or agreement (blind), the
      questions picked with a stated cue, and the disagreements.

A reader's answers file has one line per question: `7: B | cue: ...` (the
cue is what made the pick, or `none`), `7: B, D` for two answers.
"""
import json
import random
import re
import sys
import tomllib
from pathlib import Path

LETTERS = "ABCDEFG"


def load(batch_file):
    with open(batch_file, "rb") as f:
        return tomllib.load(f)["question"]


def views(batch_file, out, only=()):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    qs = [q for q in load(batch_file) if not only or q["id"] in only]
    rng = random.Random(Path(batch_file).stem + str(out))
    options_only, blind, editor, mapping = [], [], [], []
    for n, q in enumerate(qs, 1):
        order = list(range(len(q["option"])))
        rng.shuffle(order)
        keys = sorted(LETTERS[k] for k, i in enumerate(order) if q["option"][i]["correct"])
        mapping.append({"n": n, "id": q["id"], "keys": keys})
        choose = f"  (choose {len(keys)})" if len(keys) > 1 else ""
        opts = [f"  {LETTERS[k]}. {q['option'][i]['text']}" for k, i in enumerate(order)]
        options_only.append(f"{n}.{choose}\n" + "\n".join(opts))
        stem = " ".join(q["stem"].split())
        blind.append(f"{n}. {stem}\n" + "\n".join(opts))
        why = [
            f"  {LETTERS[k]}. [{'KEY' if q['option'][i]['correct'] else 'wrong'}] {q['option'][i]['text']}\n"
            f"     why: {' '.join(q['option'][i]['why'].split())}"
            for k, i in enumerate(order)
        ]
        editor.append(
            f"{n}. [{q['id']}, {q['difficulty']}, task {q['task']}]"
            + (f" excludes {q['excludes']}" if q.get("excludes") else "")
            + f"\n{stem}\n"
            + "\n".join(why)
            + (f"\n  references: {q.get('references', [])}")
        )
    (out / "options-only.txt").write_text("\n\n".join(options_only) + "\n")
    (out / "blind.txt").write_text("\n\n".join(blind) + "\n")
    (out / "editor.txt").write_text("\n\n".join(editor) + "\n")
    (out / "map.json").write_text(json.dumps(mapping, indent=1) + "\n")
    print(f"{len(qs)} questions: views in {out}")


LINE = re.compile(r"^\s*(\d+)\s*[:.)]\s*([A-G](?:\s*[,&/ ]\s*[A-G])*)\s*(?:\|\s*(?:cue\s*:)?\s*(.*))?$", re.I)


def answers(answers_file):
    got = {}
    for line in Path(answers_file).read_text().splitlines():
        m = LINE.match(line)
        if m:
            picks = sorted(set(re.findall(r"[A-G]", m.group(2).upper())))
            got[int(m.group(1))] = (picks, (m.group(3) or "").strip())
    return got


def marks(out, answers_file):
    """Per question id: (picked the key, the cue it named if it did)."""
    mapping = json.loads((Path(out) / "map.json").read_text())
    got = answers(answers_file)
    out = {}
    for m in mapping:
        picks, cue = got.get(m["n"], ([], ""))
        hit = picks == m["keys"]
        # "none", "none (a guess between B and D)", "guess": no cue named.
        named = bool(cue) and not re.match(r"(none|no cue|guess|-)\b", cue.strip().lower())
        out[m["id"]] = (hit, cue if hit and named else "")
    return out


def summary(out):
    out = Path(out)
    final_o = marks(out, out / "answers-options.txt")
    final_b = marks(out, out / "answers-blind.txt")
    n = len(final_o)
    print(f"questions {n}; first options-only reading {sum(h for h, _ in final_o.values())}/{n}")
    # Each fix round k lists what it changed in changed.txt (k = 2),
    # changed2.txt (k = 3), ...; its fresh reading is in OUT_DIR/r<k>.
    for k in range(2, 10):
        listed = out / ("changed.txt" if k == 2 else f"changed{k - 1}.txt")
        reread = out / f"r{k}"
        if not listed.exists():
            break
        changed = set(re.findall(r"[a-z]+-\d+\.\d+-\d{3}(?:-r\d+)?", listed.read_text()))
        if not (reread / "answers-options.txt").exists():
            print(f"round {k}: {len(changed)} changed, not read again yet")
            break
        o = marks(reread, reread / "answers-options.txt")
        b = marks(reread, reread / "answers-blind.txt")
        print(f"round {k}: {len(changed)} changed; read again: options-only {sum(h for h, _ in o.values())}/{len(o)}, "
              f"blind agreement {sum(h for h, _ in b.values())}/{len(b)}")
        # A round's reading is of the batch as it stood after the fixes
        # before it, so every question it read (the changed ones, or the
        # whole batch when a reading had to be redone) counts in that form;
        # a later round overrides what it changes and reads again.
        final_o.update(o)
        final_b.update(b)
    hits = sum(h for h, _ in final_o.values())
    cued = [q for q, (_, c) in final_o.items() if c]
    agree = sum(h for h, _ in final_b.values())
    print(f"FINAL options-only hit rate {hits}/{n} = {hits / n:.0%}; picked with a stated cue {len(cued)}; "
          f"key agreement {agree}/{n}")
    for q in cued:
        print(f"  cued in its final form: {q}: {final_o[q][1]}")
    for q, (h, _) in final_b.items():
        if not h:
            print(f"  blind disagreement in its final form: {q}")


def score(out, kind, answers_file):
    mapping = {m["n"]: m for m in json.loads((Path(out) / "map.json").read_text())}
    got = answers(answers_file)
    hits, cued, disagree, missing = 0, [], [], []
    for n, m in sorted(mapping.items()):
        if n not in got:
            missing.append(n)
            continue
        picks, cue = got[n]
        if picks == m["keys"]:
            hits += 1
            if cue and not re.match(r"(none|no cue|guess|-)\b", cue.strip().lower()):
                cued.append((m["id"], cue))
        else:
            disagree.append((m["id"], picks, m["keys"]))
    total = len(mapping)
    if kind == "options-only":
        print(f"options-only: {hits}/{total} picked the key ({hits / total:.0%}); picked with a stated cue: {len(cued)}")
        for qid, cue in cued:
            print(f"  cued  {qid}: {cue}")
    else:
        print(f"blind: {hits}/{total} agree with the key ({hits / total:.0%})")
        for qid, picks, keys in disagree:
            print(f"  disagree {qid}: reader {','.join(picks)} key {','.join(keys)}")
    if missing:
        print(f"  no answer for: {missing}")


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "views":
        views(sys.argv[2], sys.argv[3], set(sys.argv[4:]))
    elif len(sys.argv) == 3 and sys.argv[1] == "summary":
        summary(sys.argv[2])
    elif len(sys.argv) == 5 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)

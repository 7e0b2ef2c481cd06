#!/usr/bin/env python3
"""Checks a batch file of re-written questions before it is read.

Usage: batch_check.py content/batches/<batch>.toml

Parses the file and prints the format errors and the cheap cues a test-wise
reader uses (content.md rule 3): absolutes in options, the key the longest or
the shortest option more often than chance, the key alone echoing a stem
word. A flag is a place to look, not a verdict; the reading process decides.
The same cues are what `cargo run --bin bank-stats` reports for whole banks.
"""
import re
import sys
import tomllib

# A word of its own: "read-only" is a name, not an absolute (as in stats.rs).
ABSOLUTES = re.compile(
    r"(?<![\w-])(always|never|only|guarantees?|guaranteed|completely|entirely|"
    r"all of the above|none of the above)(?![\w-])",
    re.I,
)
STOP = set(
    """a an the and or of to in on for with by from at as is are be been being
    that this these those which what who whom whose when where why how it its
    their they them there than then so such not no can could should would will
    must may might do does did done has have had use uses used using into onto
    over under without within across each every any some all more most less least
    other another same new company team needs need wants want must requires required
    requirement requirements meet meets solution option options aws amazon service
    services""".split()
)


def words(text):
    return {
        w
        for w in re.findall(r"[a-z0-9][a-z0-9+-]*", text.lower())
        if len(w) >= 4 and w not in STOP
    }


def main(path):
    with open(path, "rb") as f:
        data = tomllib.load(f)
    qs = data.get("question", [])
    flags, errors = [], []
    longest = shortest = single = 0
    ids = set()
    for q in qs:
        qid = q.get("id", "?")
        if qid in ids:
            errors.append(f"{qid}: id used twice")
        ids.add(qid)
        # `revises` only for a re-write; a new question (bank growth) has none.
        for key in ("id", "domain", "task", "difficulty", "stem", "option"):
            if key not in q:
                errors.append(f"{qid}: missing {key}")
        opts = q.get("option", [])
        keys = [o for o in opts if o.get("correct")]
        wrong = [o for o in opts if not o.get("correct")]
        for o in opts:
            if len(o.get("why", "").split()) < 6:
                errors.append(f"{qid}: option {o.get('text', '')[:40]!r} needs a fuller why")
        if len(keys) == 1:
            single += 1
            if len(opts) != 4:
                errors.append(f"{qid}: single answer needs 4 options, has {len(opts)}")
            lens = [len(o["text"]) for o in opts]
            k = len(keys[0]["text"])
            if k == max(lens) and lens.count(k) == 1:
                longest += 1
            if k == min(lens) and lens.count(k) == 1:
                shortest += 1
        elif len(keys) >= 2:
            if len(opts) < 5:
                errors.append(f"{qid}: multiple response needs 5 options")
            words_n = {2: "two", 3: "three"}.get(len(keys), "?")
            if not q.get("stem", "").rstrip().endswith(f"(Choose {words_n}.)"):
                errors.append(f"{qid}: stem must end with (Choose {words_n}.)")
        else:
            errors.append(f"{qid}: no correct option")
        for o in opts:
            m = ABSOLUTES.search(o["text"])
            if m:
                role = "key" if o.get("correct") else "distractor"
                flags.append(f"{qid}: absolute {m.group(0)!r} in {role}: {o['text'][:60]!r}")
        stem = words(q.get("stem", ""))
        in_wrong = set().union(*(words(o["text"]) for o in wrong)) if wrong else set()
        for o in keys:
            echo = (words(o["text"]) & stem) - in_wrong
            if echo:
                flags.append(f"{qid}: key alone echoes stem word(s) {sorted(echo)}")
    if single:
        lr, sr = longest / single, shortest / single
        print(f"{len(qs)} questions, {single} single answer: key longest {lr:.0%}, shortest {sr:.0%} (chance 25%)")
        if lr > 0.30:
            flags.append(f"key is the longest option in {lr:.0%} of single-answer questions (keep it near 25%)")
        if sr > 0.35:
            flags.append(f"key is the shortest option in {sr:.0%} of single-answer questions")
    for e in errors:
        print("ERROR", e)
    for f in flags:
        print("look:", f)
    if not errors and not flags:
        print("no flags")
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))

#!/usr/bin/env python3
"""Lands a read batch of re-written questions in its exam's bank.

Usage: merge_batch.py BATCH_FILE --on YYYY-MM-DD --why "one line"

A question of the batch either names the question it replaces (`revises`)
or is new (bank growth: it goes after the last question of its task, with
`checked = <on>`; its id must not be in the bank or the archive).
A question that revises another:
That question moves, whole and word for word, to content/archive/<exam>.toml
with `retired = { on, why, replaced_by }`, so that attempts, review cards and
links made with it still show what was asked; the new question takes its
place in the bank (same position, so the bank stays grouped by task) with
`checked = <on>`, the day it passed the reading. The build then validates
both files (content.md), and the app never draws an archived question again.
"""
import argparse
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = "[[question]]"


def blocks(text):
    """Splits a bank's text into (preamble lines, [(question block, tail
    lines)]): a block runs from its header to the next, less trailing
    comments and blank lines (those head the next section and stay put)."""
    lines = text.split("\n")
    starts = [i for i, l in enumerate(lines) if l.strip() == HEADER]
    if not starts:
        return lines, []
    out = []
    for k, s in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        body = lines[s:end]
        tail = []
        while body and (not body[-1].strip() or body[-1].lstrip().startswith("#")):
            tail.insert(0, body.pop())
        out.append(("\n".join(body), tail))
    return lines[: starts[0]], out


def block_id(block):
    m = re.search(r'^id\s*=\s*"([^"]+)"', block, re.M)
    return m.group(1) if m else None


def with_line_after(block, key, line):
    """The block with `line` inserted after its first `key = "..."` line."""
    return re.sub(rf'^({key}\s*=\s*"[^"]+"\n)', lambda m: m.group(1) + line + "\n", block + "\n", count=1, flags=re.M).rstrip("\n")


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("batch")
    ap.add_argument("--on", required=True)
    ap.add_argument("--why", required=True)
    args = ap.parse_args()
    batch_path = Path(args.batch)
    batch_text = batch_path.read_text()
    new_qs = tomllib.loads(batch_text)["question"]
    _, new_blocks = blocks(batch_text)
    exam = {"aip": "aip-c01", "clf": "clf-c02"}[new_qs[0]["id"].split("-")[0]]
    bank_path = ROOT / "content" / "banks" / f"{exam}.toml"
    archive_path = ROOT / "content" / "archive" / f"{exam}.toml"
    pre, old_blocks = blocks(bank_path.read_text())
    by_id = {block_id(b): k for k, (b, _) in enumerate(old_blocks)}
    checked = f"checked = {toml_str(args.on)}"
    archived = []
    added = {}
    for q, (block, _) in zip(new_qs, new_blocks):
        if "revises" not in q:
            # A new question (bank growth): it goes after the last question
            # of its task, so the bank stays grouped by task.
            if q["id"] in by_id:
                raise SystemExit(f"{q['id']} is already in {bank_path}")
            new_block = block.rstrip()
            if "checked" not in q:
                new_block = with_line_after(new_block, "task", checked)
            added.setdefault(q["task"], []).append(new_block)
            continue
        old = q["revises"]
        if old not in by_id:
            raise SystemExit(f"{q['id']} revises {old}, which is not in {bank_path}")
        k = by_id[old]
        old_block, tail = old_blocks[k]
        retired = f"retired = {{ on = {toml_str(args.on)}, why = {toml_str(args.why)}, replaced_by = {toml_str(q['id'])} }}"
        archived.append(with_line_after(old_block, "id", retired))
        new_block = block.rstrip()
        if "checked" not in q:
            new_block = with_line_after(new_block, "revises", checked)
        old_blocks[k] = (new_block, tail)
    # `excludes` is symmetric (content.md): a batch question that names a
    # bank question gets the reverse entry written into that question.
    batch_ids = {q["id"] for q in new_qs}
    for q in new_qs:
        for other in q.get("excludes", []):
            if other in batch_ids:
                continue
            if other not in by_id:
                raise SystemExit(f"{q['id']} excludes {other}, which is neither in the batch nor in {bank_path}")
            k = by_id[other]
            block, tail = old_blocks[k]
            m = re.search(r'^excludes\s*=\s*\[(.*)\]\s*$', block, re.M)
            if m:
                listed = re.findall(r'"([^"]+)"', m.group(1))
                if q["id"] not in listed:
                    listed.append(q["id"])
                    line = "excludes = [" + ", ".join(toml_str(x) for x in listed) + "]"
                    block = block[: m.start()] + line + block[m.end():]
            else:
                block = with_line_after(block, "task", f"excludes = [{toml_str(q['id'])}]")
            old_blocks[k] = (block, tail)
    last_of_task = {}
    for k, (block, _) in enumerate(old_blocks):
        m = re.search(r'^task\s*=\s*"([^"]+)"', block, re.M)
        if m:
            last_of_task[m.group(1)] = k
    for task in added:
        if task not in last_of_task:
            raise SystemExit(f"task {task} has no question in {bank_path} to place new ones after")
    after = {last_of_task[task]: news for task, news in added.items()}
    lines = list(pre)
    for k, (block, tail) in enumerate(old_blocks):
        lines += block.split("\n")
        for nb in after.get(k, []):
            lines += ["", ""] + nb.split("\n")
        lines += tail or [""]
    text = "\n".join(lines).rstrip("\n") + "\n"
    bank_path.write_text(text)
    if archive_path.exists():
        archive = archive_path.read_text().rstrip("\n") + "\n\n"
    else:
        archive = (
            f"# {exam.upper()} archive: questions taken out of the bank, kept word for word so that\n"
            "# attempts, review cards and links made with them still show what was asked.\n"
            "# Never drawn again; ids never reused. Written by scripts/merge_batch.py.\n\n"
        )
    if archived:
        archive_path.parent.mkdir(exist_ok=True)
        archive_path.write_text(archive + "\n\n".join(archived) + "\n")
    n_new = sum(len(v) for v in added.values())
    print(f"{len(archived) + n_new} questions of {batch_path.name} landed in {bank_path.name}: "
          f"{len(archived)} re-written (originals archived), {n_new} new")


if __name__ == "__main__":
    main()

"""What the brief scripts share: where the scratch folder and the checkout
are, each exam's code and what rule 5 (the exam's level) says to its writers,
and how a brief's placeholders are filled."""
import os
from pathlib import Path

READING = Path(os.environ.get("READING", "/work/reading"))   # the briefs copied from content/process, and each batch's reading
MAIN = Path(os.environ.get("MAIN", "/work/main"))      # the checkout

CODE = {"clf-c02": "CLF-C02", "aip-c01": "AIP-C01"}

LEVEL = {
    "clf-c02": "CLF-C02 is foundational: recognise and apply one concept in a short scenario; "
    "difficulty honest (easy = one fact; medium = apply a concept; hard = close alternatives).",
    "aip-c01": "AIP-C01 is professional: a scenario with at least two constraints where two or more "
    "options would work in general and only the key meets all of them; recall of a single "
    "setting at most one question in ten; difficulty honest, mostly medium and hard.",
}


def fill(template, batch, exam, task, **more):
    """The brief `template` (a file in READING) for `batch`, placeholders filled."""
    text = (READING / template).read_text()
    subs = {"<BATCH>": batch, "<EXAM>": exam, "<TASK>": task, "<CODE>": CODE[exam], "<LEVEL>": LEVEL[exam]}
    subs.update({f"<{k}>": str(v) for k, v in more.items()})
    for k, v in subs.items():
        text = text.replace(k, v)
    return text


def write_brief(batch, text):
    out = READING / f"brief-{batch}.md"
    out.write_text(text)
    print(out.name)

"""What rule 5 (the exam's level) says to a writer of each exam."""

CODE = {"clf-c02": "CLF-C02", "aip-c01": "AIP-C01"}

LEVEL = {
    "clf-c02": "CLF-C02 is foundational: recognise and apply one concept in a short scenario; "
    "difficulty honest (easy = one fact; medium = apply a concept; hard = close alternatives).",
    "aip-c01": "AIP-C01 is professional: a scenario with at least two constraints where two or more "
    "options would work in general and only the key meets all of them; recall of a single "
    "setting at most one question in ten; difficulty honest, mostly medium and hard.",
}

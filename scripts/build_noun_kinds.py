"""Build src/dateline/data/noun_kinds.tsv: what common nouns usually name (people, a group, an abstraction).

    .venv/bin/python scripts/build_noun_kinds.py ENGLISH_WORDNET

ENGLISH_WORDNET is a checkout of https://github.com/globalwordnet/english-wordnet (Open English
WordNet, CC BY 4.0, derived from Princeton WordNet under the WordNet License): the script reads its
``src/yaml/entries-*.yaml``. The event stage asks this table (``lexicon.noun_kinds``) two
questions: whether a bare subject names people ("Lenders froze their support", "investigators
detained the governor") though no role word of ``roles.tsv`` covers it, and whether what one
fights or attacks is an abstraction ("fought corruption", "attack this problem"), no party.

Kept, for one-word lowercase nouns, by the lexicographer file of the first (most frequent) sense:
``person`` (``noun.person``: "lender", "investigator"); ``group`` (``noun.group``: "court",
"party", "government"; also a place whose next senses are a body of people: "state", "country");
``abstract`` (a state, attribute, process, idea, feeling, phenomenon, message or happening:
"poverty", "corruption", "inflation", "problem", "proposal", "fire"). Only the facts (a word and
the kind of its sense) are kept; no definition or other text of WordNet is copied.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data" / "noun_kinds.tsv"
# WordNet lexicographer file numbers, the second field of a sense key ("lender%1:18:00::").
PERSON, GROUP, LOCATION = 18, 14, 15
# noun.attribute, cognition, communication, event, feeling, phenomenon, process, state
ABSTRACT = (7, 9, 10, 11, 12, 19, 22, 26)
KINDS = {PERSON: "person", GROUP: "group", **{number: "abstract" for number in ABSTRACT}}
SENSE_FILE = re.compile(r"%1:(\d\d):")
# How many senses after a first place sense may make a word a body ("state": a territory, then a
# politically organised body of people).
BODY_AFTER_PLACE = 2


def sense_files(noun: dict) -> list[int]:
    """The lexicographer file of each sense of one noun entry, in WordNet's order."""
    files = []
    for sense in noun.get("sense", []):
        found = SENSE_FILE.search(sense.get("id", ""))
        if found:
            files.append(int(found.group(1)))
    return files


def kind_of(files: list[int]) -> str | None:
    """'person', 'group' or 'abstract' by the noun's usual sense, else None."""
    if not files:
        return None
    if files[0] in KINDS:
        return KINDS[files[0]]
    if files[0] == LOCATION and GROUP in files[1 : 1 + BODY_AFTER_PLACE]:
        return "group"
    return None


def noun_kinds(wordnet: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((wordnet / "src" / "yaml").glob("entries-*.yaml")):
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for lemma, parts in entries.items():
            noun = parts.get("n") if isinstance(parts, dict) else None
            if not noun or not re.fullmatch(r"[a-z][a-z-]*[a-z]", str(lemma)):
                continue
            kind = kind_of(sense_files(noun))
            if kind is not None:
                found[str(lemma)] = kind
    return found


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    found = noun_kinds(Path(sys.argv[1]))
    lines = ["# word\tkind\t# what a noun usually names (Open English WordNet, CC BY 4.0; see NOTICE)"]
    lines += [f"{word}\t{kind}" for word, kind in sorted(found.items())]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(found)} nouns -> {OUTPUT}")


if __name__ == "__main__":
    main()

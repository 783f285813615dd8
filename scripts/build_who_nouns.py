"""Build src/dateline/data/who_nouns.tsv: common nouns whose usual sense is a person or a group of people.

    .venv/bin/python scripts/build_who_nouns.py ENGLISH_WORDNET

ENGLISH_WORDNET is a checkout of https://github.com/globalwordnet/english-wordnet (Open English
WordNet, CC BY 4.0, derived from Princeton WordNet under the WordNet License): the script reads its
``src/yaml/entries-*.yaml``. A bare or indefinite subject such as "Lenders froze their support" or
"investigators detained the governor" names who acted even when no role word of ``roles.tsv``
covers it; the event stage asks this table whether the noun names people (``lexicon.who_noun``).

Kept: one-word lowercase nouns whose first (most frequent) sense is in WordNet's ``noun.person``
("lender", "investigator") or ``noun.group`` ("court", "party", "government") lexicographer file,
and nouns whose first sense is a place but whose next ones are a body of people ("state",
"country"). Only the facts (a word and the kind of its sense) are kept; no definition or other
text of WordNet is copied.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data" / "who_nouns.tsv"
# WordNet lexicographer file numbers, the second field of a sense key ("lender%1:18:00::").
PERSON, GROUP, LOCATION = 18, 14, 15
KINDS = {PERSON: "person", GROUP: "group"}
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
    """'person' or 'group' when the noun's usual sense says who, else None."""
    if not files:
        return None
    if files[0] in KINDS:
        return KINDS[files[0]]
    if files[0] == LOCATION and GROUP in files[1 : 1 + BODY_AFTER_PLACE]:
        return "group"
    return None


def who_nouns(wordnet: Path) -> dict[str, str]:
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
    found = who_nouns(Path(sys.argv[1]))
    lines = [
        "# word\tkind\t# nouns whose usual sense is a person or a group (Open English WordNet, CC BY 4.0; see NOTICE)"
    ]
    lines += [f"{word}\t{kind}" for word, kind in sorted(found.items())]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(found)} nouns -> {OUTPUT}")


if __name__ == "__main__":
    main()

"""Compare dateline's hand-written event triggers with the CAMEO verb dictionary (PETRARCH 2).

A review aid, not a source of entries: it reads ../shared/data/phoenix-dictionaries/CAMEO.2.0.txt
and the CAMEO -> PLOVER table, and prints (1) verbs whose bare CAMEO code maps to a PLOVER type
other than dateline's entry for that verb and (2) CAMEO verbs with a bare code that dateline
lacks, most patterns first. Nothing it reads is written into the repository.

    python scripts/check_event_lexicon.py [--shared ../shared/data] [--top 80]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from dateline.extract.events import triggers


def plover_table(path: Path) -> dict[str, str]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d+):\s*([A-Z]+)", line)
        if match:
            table[match.group(1)] = match.group(2)
    return table


def to_plover(code: str, table: dict[str, str]) -> str | None:
    code = code.split(":")[0].strip()
    for length in (len(code), 3, 2):
        if code[:length] in table:
            return table[code[:length]]
    return None


def verb_blocks(path: Path) -> list[tuple[list[str], str | None, list[str]]]:
    """(verb forms, bare code, pattern codes) for each block of the dictionary."""
    blocks = []
    current: tuple[list[str], str | None, list[str]] | None = None
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#")[0].rstrip()
        header = re.match(r"^---\s+(\S.*?)\s+\[([^\]]*)\]\s+---", raw)
        if header:
            current = ([], None if header.group(2).startswith("-") else header.group(2), [])
            blocks.append(current)
            continue
        if current is None or not line.strip():
            continue
        if line.startswith("-"):
            codes = re.findall(r"\[([0-9:]+)\]", line)
            current[2].extend(codes)
        elif re.match(r"^[+A-Z]", line):
            word = re.sub(r"\{.*", "", line).strip().lstrip("+").rstrip("_").replace("_", " ").lower()
            if word:
                current[0].append(word)
    return blocks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    parser.add_argument("--top", type=int, default=80)
    args = parser.parse_args()
    cameo = args.shared / "phoenix-dictionaries" / "CAMEO.2.0.txt"
    mapping = args.shared / "plover-gsr" / "CAMEO2PLOVER-2021.txt"
    if not cameo.is_file() or not mapping.is_file():
        raise SystemExit(f"needs {cameo} and {mapping} (the shared benchmark data beside the checkout)")
    table = plover_table(mapping)
    ours = {
        lemma: [e.type for e in entries if e.with_ is None]
        for (lemma, pos), entries in triggers().items()
        if pos == "VERB"
    }
    disagree, missing = [], []
    for forms, bare, patterns in verb_blocks(cameo):
        types = Counter(t for t in (to_plover(c, table) for c in patterns) if t)
        bare_type = to_plover(bare, table) if bare else None
        for form in forms:
            mine = ours.get(form)
            if mine and bare_type and bare_type not in mine:
                disagree.append((form, mine, bare_type, types.most_common(3)))
            elif form not in ours and " " not in form and (bare_type or types):
                missing.append((sum(types.values()), form, bare_type, types.most_common(3)))
    print("== dateline's type differs from the bare CAMEO code's PLOVER type")
    for form, mine, bare_type, common in disagree:
        print(f"{form:16} ours {mine} cameo {bare_type} patterns {common}")
    print("== CAMEO verbs dateline lacks (bare type, pattern types)")
    for count, form, bare_type, common in sorted(missing, reverse=True)[: args.top]:
        print(f"{form:16} bare {bare_type} patterns {common} ({count})")


if __name__ == "__main__":
    main()

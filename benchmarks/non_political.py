"""Disasters, accidents, crime and sport against political violence: which are coded as violence?

    .venv/bin/python benchmarks/non_political.py

Reads benchmarks/data/non_political_snippets.jsonl: one-sentence snippets written for dateline
(invented places and names) that are no political violence (floods, storms, crashes, fires,
disease, common crime, sport) or are (attacks, shelling, arrests, protests). Prints, for each
set, the share that gets an ASSAULT, COERCE or PROTEST event. The issue that asked for this
found a third of real disaster snippets coded ASSAULT or PROTEST.

Two sets: the snippets the rules of ``extract/event_non_political`` were written with, and 30
written after those rules were frozen, never used to change them. The second is the fairer
figure, though the same hands wrote both.
"""

from __future__ import annotations

import json
from pathlib import Path

from dateline.model import Article
from dateline.pipeline import records

SNIPPETS = Path(__file__).resolve().parent / "data" / "non_political_snippets.jsonl"
VIOLENT = {"ASSAULT", "COERCE", "PROTEST"}


def main() -> None:
    rows = [json.loads(line) for line in SNIPPETS.open(encoding="utf-8") if line.strip()]
    articles = [Article(id=r["id"], text=r["text"], published="2025-03-12") for r in rows]
    coded = {}
    for record in records(articles):
        coded[record.id] = sorted({e.type for e in record.events if e.type in VIOLENT})
    for part in dict.fromkeys(r["set"] for r in rows):
        print(part)
        for political in (False, True):
            group = [r for r in rows if r["political"] is political and r["set"] == part]
            hit = [r for r in group if coded[r["id"]]]
            label = "political violence" if political else "no political violence"
            print(
                f"  {label}: {len(hit)} of {len(group)} coded {'/'.join(sorted(VIOLENT))} ({len(hit) / len(group):.2f})"
            )
            for r in group:
                if bool(coded[r["id"]]) is not political:
                    print(f"    {r['id']}: {coded[r['id']] or 'nothing'} | {r['text']}")


if __name__ == "__main__":
    main()

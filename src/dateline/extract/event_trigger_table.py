"""The trigger table: the rows that say which words are events of which type.

The table is ``data/event_triggers.tsv`` (hand-written from the PLOVER definitions; see
docs/events.md), plus the tables named in ``$DATELINE_EVENT_TRIGGERS``. A row is ``lemma, pos,
with, type, mode``: a word, the dependent it may ask for ("call for", "open fire"), its PLOVER type
(or ``NONE``: that word with that dependent is no event) and its mode. Which words of a sentence
fire, and with which row, is decided in ``event_triggers`` (nouns in ``event_noun_triggers``); each
word that fires is a ``Found``: its row, its words and its clause, which the later stages read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

TRIGGERS_ENV = "DATELINE_EVENT_TRIGGERS"

# A table row of this type says that the word with that dependent is no event at all.
NOT_AN_EVENT = "NONE"


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    with_: str | None
    type: str
    mode: str | None


@dataclass
class Found:
    """A word that fires with a row of the table: a trigger found in a text."""

    token: Token  # the trigger's head word
    entry: Trigger
    span: tuple[int, int]  # character offsets of the trigger words
    clause: Token  # the verb whose clause the event belongs to
    dependent: Token | None = None  # the word an entry asked for ("troops" in "ordered troops")
    through_verb: bool = False  # a noun done by its clause's subject ("held talks", "after talks with")
    received: bool = False  # a noun its clause's subject undergoes ("received aid from", "faces sanctions")
    # a noun that names its parties ("the Oskel-Pellane talks", "her talks with the Fund") and no verb
    # does: often a second mention of an act the story states elsewhere (event_named_nouns.restated)
    by_parties: bool = False


def char_span(first: Token, last: Token) -> tuple[int, int]:
    """The character offsets from one word to another, in either order."""
    if last.i < first.i:
        first, last = last, first
    return first.idx, last.idx + len(last.text)


def read_triggers(text: str) -> list[Trigger]:
    """Rows of a trigger table (``lemma, pos, with, type, mode``; '#' lines are comments)."""
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 5)[:5]
        lemma, pos, with_, type_, mode = (c.strip() for c in cells)
        rows.append(Trigger(lemma, pos, with_ or None, type_, mode or None))
    return rows


def extra_trigger_files() -> list[Path]:
    """Trigger tables added by the user: ``$DATELINE_EVENT_TRIGGERS``, paths separated by os.pathsep."""
    value = os.environ.get(TRIGGERS_ENV, "")
    return [Path(p) for p in value.split(os.pathsep) if p]


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], list[Trigger]]:
    """(lemma, pos) -> entries, the ones that ask for a dependent first.

    The shipped table comes first; tables named in ``$DATELINE_EVENT_TRIGGERS`` add to it, and
    where both have a row for the same word and dependent, the shipped row wins.
    """
    text = resources.files("dateline.data").joinpath("event_triggers.tsv").read_text(encoding="utf-8")
    rows = read_triggers(text)
    for path in extra_trigger_files():
        rows += read_triggers(path.read_text(encoding="utf-8"))
    table: dict[tuple[str, str], list[Trigger]] = {}
    seen: set[tuple[str, str, str | None]] = set()
    for entry in rows:
        if (entry.lemma, entry.pos, entry.with_) in seen:
            continue
        seen.add((entry.lemma, entry.pos, entry.with_))
        table.setdefault((entry.lemma, entry.pos), []).append(entry)
    for entries in table.values():
        entries.sort(key=lambda e: e.with_ is None)
    return table

"""Filters of the Store's reads: what a list, the timeline or the network may be asked for, checked
for values it cannot take (a 400 on the web that says what to write), and a user's words as an
FTS5 query."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from typing import Any

from dateline.model import EVENT_TYPES, MODALITIES, QUOTE_KINDS, SOURCE_TYPES

# What a filter may be: a value outside these is a 400 that lists them, never a silent empty list.
CHOICES = {
    "kind": QUOTE_KINDS,
    "source_type": SOURCE_TYPES,
    "event_type": EVENT_TYPES,
    "modality": MODALITIES,
}
# A search's size: every word is an FTS5 term, and 2,000 prefix terms cost seconds of CPU.
MAX_QUERY_WORDS = 32
MAX_QUERY_CHARS = 500
_FTS_TOKEN = re.compile(r'"([^"]+)"|(\w+\*?)')
FTS_WORD = re.compile(r"\w+")  # a word FTS5 indexes: a query without one matches nothing


@dataclass
class Filters:
    """Every filter a list, the timeline or the network takes; None means "any"."""

    q: str | None = None
    actor: str | None = None  # actor key: the speaker of a quote, an actor of an event
    recipient: str | None = None  # actor key: a recipient of an event
    source_type: str | None = None
    outlet: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY, inclusive
    date_to: str | None = None
    country: str | None = None  # ISO alpha-3 of a place the article mentions
    # A place key ("g<geonameid>" or "n-<folded name>", the id ``places`` lists): events at that
    # place, quotes whose sentence names it, articles that mention it.
    place: str | None = None
    kind: str | None = None  # quote kind
    event_type: str | None = None
    modality: str | None = None
    main: bool | None = None  # events: only each sentence's main events (governed_by is null)
    # Quotes and events whose confidence is at least this (0-1); those with none (older records) go.
    min_confidence: float | None = None

    @classmethod
    def of(cls, values: dict[str, Any]) -> Filters:
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known - {"type"}
        if unknown:
            raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        data = {k: v for k, v in values.items() if k in known and v not in (None, "")}
        if values.get("type") not in (None, ""):
            data["event_type"] = values["type"]
        return cls(**data).checked()

    def checked(self) -> Filters:
        """The filters, or a ValueError (a 400 on the web) that says what a bad value should be."""
        for name, allowed in CHOICES.items():
            value = getattr(self, name)
            if value is not None and value not in allowed:
                raise ValueError(f"{name} {value!r}: one of {', '.join(allowed)}")
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and not is_date(str(value)):
                raise ValueError(f"{name} {value!r}: write a real date as YYYY-MM-DD, YYYY-MM or YYYY")
        if self.min_confidence is not None:
            self.min_confidence = confidence_value(self.min_confidence)
        if self.q is not None and (len(self.q) > MAX_QUERY_CHARS or len(self.q.split()) > MAX_QUERY_WORDS):
            raise ValueError(
                f"the search is too long: at most {MAX_QUERY_WORDS} words and {MAX_QUERY_CHARS} characters"
            )
        return self


def confidence_value(value: Any) -> float:
    """A confidence cut as a number from 0 to 1, or a ValueError that says so."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not 0.0 <= number <= 1.0:  # NaN fails too
        raise ValueError(f"min_confidence {value!r}: a number from 0 to 1, such as 0.7")
    return number


def is_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real day, month or year."""
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return False
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def fts5_query(q: str) -> str:
    """A user's words as an FTS5 query: every word (or "quoted phrase") must occur; word* is a prefix.

    Quoting each token keeps FTS5 operators and punctuation in user input from being syntax.
    """
    parts = []
    for phrase, word in _FTS_TOKEN.findall(q):
        if phrase:
            words = FTS_WORD.findall(phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
        elif word:
            prefix = word.endswith("*")
            parts.append(f'"{word.rstrip("*")}"' + ("*" if prefix else ""))
    return " ".join(parts)


def day_bound(value: str, upper: bool) -> str:
    """A full day for a date filter: 2025 -> 2025-01-01 (from) or 2025-12-31 (to); 2025-03 likewise."""
    value = value.strip()[:10]
    if len(value) == 4:
        return value + ("-12-31" if upper else "-01-01")
    if len(value) == 7:
        return value + ("-31" if upper else "-01")
    return value

"""Character-level helpers shared by the extractors: quotation regions and paragraphs."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:  # spaCy is loaded by the stages that parse, never by importing this module
    from spacy.tokens import Doc

T = TypeVar("T")

OPENING_QUOTES = "\u201c"  # “
CLOSING_QUOTES = "\u201d"  # ”
STRAIGHT_QUOTE = '"'
DOUBLED_APOSTROPHE = "''"  # the New York Times' quotation mark, opening and closing alike
QUOTE_TOKENS = frozenset({'"', "\u201c", "\u201d", DOUBLED_APOSTROPHE, "``"})


# A short reporting clause between commas inside a quotation: ', he said, ' or ', said Ilse Marrow, '.
_SPEAKER = r"(?:he|she|they|we|I|(?:[A-Z][\w'.\u2019-]*\s+){0,3}[A-Z][\w'.\u2019-]*)"
_SPEECH = r"(?:said|says|added|adds|continued|explained|argued|insisted|wrote|noted|told\s+\w+)"
PARENTHETICAL = re.compile(rf",\s+(?:{_SPEAKER}\s+{_SPEECH}|(?:said|says|added)\s+{_SPEAKER}),\s+")


@dataclass(frozen=True)
class QuotedRegion:
    """Text between a pair of quotation marks: ``start``/``end`` exclude the marks."""

    start: int
    end: int


_TEXT_KEY = "dateline.text"
_QUOTATIONS_KEY = "dateline.quotations"


def text_of(doc: Doc) -> str:
    """``doc.text``, kept with the doc: spaCy joins every token again at each read, and every stage
    of one article reads it."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, the unit news paragraphs come in."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def quotations_of(doc: Doc) -> list[QuotedRegion]:
    """``quoted_regions`` of the doc's text, kept with the doc: the entity and attribution stages
    both ask."""
    found = doc.user_data.get(_QUOTATIONS_KEY)
    if not isinstance(found, tuple):
        found = doc.user_data[_QUOTATIONS_KEY] = tuple(quoted_regions(text_of(doc)))
    return list(found)


def quoted_regions(text: str) -> list[QuotedRegion]:
    """Pairs of quotation marks, per paragraph, so one stray mark cannot swallow the article.

    Curly quotes pair by direction; straight quotes (and doubled apostrophes, '') alternate
    open/close. A paragraph that
    opens a quote without closing it (the wire convention for a quote running on into the
    next paragraph) yields a region running to the end of the paragraph.
    """
    regions: list[QuotedRegion] = []
    for para_start, para_end in paragraphs(text):
        open_at: int | None = None  # the first character inside the quotation
        i = para_start
        while i < para_end:
            ch = text[i]
            width = 2 if text.startswith(DOUBLED_APOSTROPHE, i) else 1
            if ch == STRAIGHT_QUOTE or width == 2:
                if open_at is None:
                    open_at = i + width
                elif _opens_only(text, i, width, para_start, para_end):
                    # The quotation before was never closed (a dropped mark): it ends with its first
                    # sentence, and this mark opens the next one, so the pairing does not flip.
                    regions.append(QuotedRegion(open_at, _first_sentence_end(text, open_at, i)))
                    open_at = i + width
                else:
                    regions.append(QuotedRegion(open_at, i))
                    open_at = None
                i += width
                continue
            if ch in OPENING_QUOTES and open_at is None:
                open_at = i + 1
            elif ch in CLOSING_QUOTES and open_at is not None:
                regions.append(QuotedRegion(open_at, i))
                open_at = None
            elif ch in OPENING_QUOTES and _closes_here(text, i, para_end):
                regions.append(QuotedRegion(open_at or i, i))  # an opening mark typed for a closing one
                open_at = None
            elif ch in CLOSING_QUOTES and (i == para_start or text[i - 1].isspace()):
                open_at = i + 1  # a closing mark typed for an opening one: ”Like this.”
            i += 1
        if open_at is not None and para_end - open_at > 0:
            regions.append(QuotedRegion(open_at, para_end))
    return [part for r in regions if r.end > r.start for part in _split_at_parenthetical(text, r)]


def _opens_only(text: str, i: int, width: int, para_start: int, para_end: int) -> bool:
    """A straight mark after a space and before a word ('said, "Unless') can only open."""
    before = text[i - 1] if i > para_start else " "
    after = text[i + width] if i + width < para_end else " "
    return (before.isspace() or before in "([") and not after.isspace() and after not in ".,;:!?)"


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\u201c\"])")


def _first_sentence_end(text: str, start: int, limit: int) -> int:
    found = _SENTENCE_END.search(text, start, limit)
    return found.end() if found else limit


def _closes_here(text: str, i: int, para_end: int) -> bool:
    """An opening mark followed by a space, punctuation or the paragraph end can only close."""
    return i + 1 >= para_end or text[i + 1].isspace() or text[i + 1] in ".,;:!?)"


def _split_at_parenthetical(text: str, region: QuotedRegion) -> list[QuotedRegion]:
    """'"We will not sign, Marrow said, a paper that gives away our coast.": the reporting
    clause set inside the quotation marks is no part of the quotation."""
    match = PARENTHETICAL.search(text, region.start, region.end)
    if match is None:
        return [region]
    return [QuotedRegion(region.start, match.start() + 1), QuotedRegion(match.end(), region.end)]


def inside_any(position: int, regions: list[QuotedRegion]) -> bool:
    return any(r.start <= position < r.end for r in regions)


class RegionIndex:
    """Quoted regions in text order, with the ones near a position found by bisection.

    Every stage asks about the quotations near a cue, a pronoun or a span; a scan of all of them
    per question makes a long article cost the square of its length. ``quoted_regions`` gives
    regions sorted, non-empty and disjoint, so the ones whose start (or end) falls in a range are
    a slice of the list. Each method returns exactly the regions of its docstring, in list order;
    for regions not so ordered (made by hand) it scans them all, with the same result.
    """

    def __init__(self, regions: list[QuotedRegion]) -> None:
        self.regions = regions
        self.starts = [r.start for r in regions]
        self.ends = [r.end for r in regions]
        self.ordered = all(r.start < r.end for r in regions) and all(
            a.end <= b.start for a, b in zip(regions, regions[1:], strict=False)
        )

    def contains(self, position: int) -> bool:
        """Whether ``position`` is inside a region (``inside_any``)."""
        if not self.ordered:
            return inside_any(position, self.regions)
        i = bisect.bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.ends[i]

    def starting(self, low: int, high: int) -> list[QuotedRegion]:
        """The regions with ``low <= start <= high``."""
        if not self.ordered:
            return [r for r in self.regions if low <= r.start <= high]
        return self.regions[bisect.bisect_left(self.starts, low) : bisect.bisect_right(self.starts, high)]

    def ending(self, low: int, high: int) -> list[QuotedRegion]:
        """The regions with ``low <= end <= high``."""
        if not self.ordered:
            return [r for r in self.regions if low <= r.end <= high]
        return self.regions[bisect.bisect_left(self.ends, low) : bisect.bisect_right(self.ends, high)]

    def reaching(self, low: int, high: int) -> list[QuotedRegion]:
        """The regions with ``end >= low`` and ``start < high``."""
        if not self.ordered:
            return [r for r in self.regions if r.end >= low and r.start < high]
        return self.regions[bisect.bisect_left(self.ends, low) : bisect.bisect_left(self.starts, high)]

    def overlapping(self, start: int, end: int) -> list[QuotedRegion]:
        """The regions with ``r.start < end and start < r.end``."""
        if not self.ordered:
            return [r for r in self.regions if r.start < end and start < r.end]
        return self.regions[bisect.bisect_right(self.ends, start) : bisect.bisect_left(self.starts, end)]

    def last_ending_by(self, position: int) -> QuotedRegion | None:
        """The region with the greatest ``end <= position`` (the first such, as ``max`` picks)."""
        if not self.ordered:
            return max((r for r in self.regions if r.end <= position), key=lambda r: r.end, default=None)
        i = bisect.bisect_right(self.ends, position) - 1
        return self.regions[i] if i >= 0 else None

    def holding(self, position: int) -> QuotedRegion | None:
        """The first region with ``start <= position < end``."""
        if not self.ordered:
            return next((r for r in self.regions if r.start <= position < r.end), None)
        i = bisect.bisect_right(self.starts, position) - 1
        return self.regions[i] if i >= 0 and position < self.ends[i] else None

    def first_starting_after(self, position: int, limit: int) -> QuotedRegion | None:
        """The first region with ``position < start <= limit``."""
        return next(iter(self.starting(position + 1, limit)), None)


class SpanOwners(Generic[T]):
    """Spans of text and what owns each (a draft and its content spans), with the owners of the
    spans that hold a position found by bisection over the starts, back as far as the longest span
    reaches, instead of a scan of every owner's every span."""

    def __init__(self, owned: Iterable[tuple[int, int, T]]) -> None:
        self.entries = list(owned)  # (start, end, owner), in the owners' order
        self.order = sorted(range(len(self.entries)), key=lambda k: self.entries[k][0])
        self.starts = [self.entries[k][0] for k in self.order]
        self.reach = max((end - start for start, end, _ in self.entries), default=0)

    def holding(self, position: int) -> list[T]:
        """The owners of a span with ``start <= position < end``, each once, in the order given."""
        low = bisect.bisect_right(self.starts, position - max(self.reach, 0))  # earlier ones end by then
        high = bisect.bisect_right(self.starts, position)
        found = sorted(k for k in self.order[low:high] if position < self.entries[k][1])
        owners: list[T] = []
        for k in found:
            owner = self.entries[k][2]
            if not any(owner is known for known in owners):
                owners.append(owner)
        return owners


class SpanSet:
    """Fixed (start, end) spans, asked whether any overlaps a range, by bisection: of the spans
    starting before the range ends, the furthest-reaching one tells. The same answer as
    ``any(s < end and start < e for s, e in spans)``, in log time."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self.starts, end)  # the spans with s < end
        return before > 0 and self.reach[before - 1] > start

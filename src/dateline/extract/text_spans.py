"""Character-level helpers shared by the extractors: quotation regions and paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, the unit news paragraphs come in."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


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

"""Character-level helpers shared by the extractors: quotation regions and paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING_QUOTES = "\u201c"  # “
CLOSING_QUOTES = "\u201d"  # ”
STRAIGHT_QUOTE = '"'


@dataclass(frozen=True)
class QuotedRegion:
    """Text between a pair of quotation marks: ``start``/``end`` exclude the marks."""

    start: int
    end: int

    @property
    def outer_start(self) -> int:
        return self.start - 1

    @property
    def outer_end(self) -> int:
        return self.end + 1


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, the unit news paragraphs come in."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def quoted_regions(text: str) -> list[QuotedRegion]:
    """Pairs of quotation marks, per paragraph, so one stray mark cannot swallow the article.

    Curly quotes pair by direction; straight quotes alternate open/close. A paragraph that
    opens a quote without closing it (the wire convention for a quote running on into the
    next paragraph) yields a region running to the end of the paragraph.
    """
    regions: list[QuotedRegion] = []
    for para_start, para_end in paragraphs(text):
        open_at: int | None = None
        for i in range(para_start, para_end):
            ch = text[i]
            if ch == STRAIGHT_QUOTE:
                if open_at is None:
                    open_at = i
                else:
                    regions.append(QuotedRegion(open_at + 1, i))
                    open_at = None
            elif ch in OPENING_QUOTES and open_at is None:
                open_at = i
            elif ch in CLOSING_QUOTES and open_at is not None:
                regions.append(QuotedRegion(open_at + 1, i))
                open_at = None
        if open_at is not None and para_end - open_at > 1:
            regions.append(QuotedRegion(open_at + 1, para_end))
    return [r for r in regions if r.end > r.start]


def inside_any(position: int, regions: list[QuotedRegion]) -> bool:
    return any(r.start <= position < r.end for r in regions)

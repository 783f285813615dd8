"""Highlighting text from character offsets, never from the text itself.

The article text is untrusted: it may hold ``<script>`` or quote characters meant to break out of an
attribute. So highlighting never searches or rewrites the text as markup. It cuts the text at every
span boundary, escapes each piece on its own, and wraps the pieces in elements whose class names and
attributes come only from the marks (kinds from a fixed list, labels escaped). The result is a
``Markup`` that Jinja's autoescape leaves as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# The kinds a mark may have, in the order their classes are written; the CSS gives each its colour.
KINDS = ("quote", "speaker", "cue", "entity", "event", "place", "date", "focus")


@dataclass(frozen=True)
class Mark:
    """A highlighted run of the text: ``text[start:end]`` is one speaker, quote, cue, entity, ..."""

    start: int
    end: int
    kind: str  # one of KINDS
    label: str = ""  # shown as a tooltip: what the run is ("quote Q3: Ilse Marrow, direct")
    anchor: str | None = None  # an element id placed where the run starts, for links to it


def segments(text: str, marks: Iterable[Mark], offset: int = 0) -> list[tuple[str, list[Mark]]]:
    """Cut ``text`` at every mark boundary: each piece with the marks covering all of it.

    ``offset`` is where ``text`` starts in the article, for when ``text`` is one sentence of it and
    the marks carry article offsets. Marks are clipped to the text; empty ones are dropped.
    """
    length = len(text)
    clipped = []
    for mark in marks:
        start, end = max(mark.start - offset, 0), min(mark.end - offset, length)
        if start < end and mark.kind in KINDS:
            clipped.append((start, end, mark))
    cuts = sorted({0, length, *(s for s, _, _ in clipped), *(e for _, e, _ in clipped)})
    pieces: list[tuple[str, list[Mark]]] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [m for s, e, m in clipped if s <= left and e >= right]
        pieces.append((text[left:right], covering))
    return pieces


def render(text: str, marks: Sequence[Mark], offset: int = 0) -> Markup:
    """The text as HTML: every piece escaped, marked pieces in ``<span class="hl k-KIND">``.

    Anchors (``<a class="anchor" id="...">``) go just before the piece where their mark starts, so a
    link to ``#q-Q3`` lands on the quote.
    """
    anchors: dict[int, list[str]] = {}
    for mark in marks:
        if mark.anchor and 0 <= mark.start - offset <= len(text):
            anchors.setdefault(mark.start - offset, []).append(mark.anchor)
    out: list[str] = []
    position = 0
    for piece, covering in segments(text, marks, offset):
        for anchor in anchors.pop(position, []):
            out.append(f'<a class="anchor" id="{escape(anchor)}"></a>')
        out.append(_piece(piece, covering))
        position += len(piece)
    for rest in anchors.values():  # anchors at the very end of the text
        out.extend(f'<a class="anchor" id="{escape(anchor)}"></a>' for anchor in rest)
    return Markup("".join(out))


def _piece(piece: str, covering: list[Mark]) -> str:
    if not covering:
        return str(escape(piece))
    kinds = sorted({m.kind for m in covering}, key=KINDS.index)
    classes = " ".join(["hl", *(f"k-{kind}" for kind in kinds)])
    labels = "; ".join(dict.fromkeys(m.label for m in covering if m.label))
    title = f' title="{escape(labels)}"' if labels else ""
    return f'<span class="{classes}"{title}>{escape(piece)}</span>'

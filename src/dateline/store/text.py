"""Small text helpers the store needs: content hashes, actor keys and sentence context spans.

They work on the record's own text and offsets only, so a stored item can always be shown
with the sentence around it without running spaCy again.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from typing import Protocol

# A sentence ends at . ! or ? (closing quotes and brackets may follow) before white space, or
# at a line break. Wire copy puts one paragraph per line, so line breaks are strong boundaries.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+|\n+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_WORD = re.compile(r"\w+(?:['\u2019]\w+)?")


class HasContent(Protocol):
    """What a content hash is computed from: an Article or a Record both have these fields."""

    id: str
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


def content_hash(doc: HasContent) -> str:
    """A SHA-256 over what a reader gave for the article, not over what the pipeline made of it.

    The same input therefore hashes the same whether it comes as an Article (before parsing,
    so the CLI can skip stored articles without running spaCy) or as a Record.
    """
    digest = hashlib.sha256()
    for part in (doc.text, doc.title, doc.published, doc.outlet, doc.url):
        digest.update(b"\x1f" if part is None else part.encode("utf-8") + b"\x1e")
    return digest.hexdigest()[:32]


def fold(name: str) -> str:
    """Case and diacritics folded, punctuation runs made one hyphen: "Ilse  Marrów" -> "ilse-marrow"."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_ALNUM.sub("-", plain.casefold()).strip("-")


def actor_key(entity_type: str, name: str) -> str:
    """The id of an actor across articles: entity type plus the folded canonical name."""
    return f"{entity_type.lower()}-{fold(name) or 'unnamed'}"


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin (always starting with 0), from punctuation and line breaks."""
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        if match.end() < len(text):
            starts.append(match.end())
    return starts


def context_bounds(text: str, starts: list[int], start: int, end: int) -> tuple[int, int]:
    """The smallest run of whole sentences holding ``text[start:end]``, without outer white space."""
    first = bisect.bisect_right(starts, start) - 1
    last = bisect.bisect_left(starts, max(end, start + 1))
    left = starts[max(first, 0)]
    right = starts[last] if last < len(starts) else len(text)
    while right > left and text[right - 1].isspace():
        right -= 1
    while left < right and text[left].isspace():
        left += 1
    return left, max(right, min(end, len(text)))


def word_count(text: str) -> int:
    return len(_WORD.findall(text))

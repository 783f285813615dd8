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
# Letters NFKD leaves whole: written as their plain Latin forms, so "Kılıçdaroğlu" folds like "Kilicdaroglu".
_LETTERS = str.maketrans(
    {"ı": "i", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ħ": "h", "æ": "ae", "œ": "oe", "þ": "th", "ß": "ss"}
)
_DROPPED = re.compile(r"[.'\u2019\u2018`\u00b4\u02bb\u02bc]")  # "U.S." = "US", "O'Neill" = "ONeill"
_NOT_ALNUM = re.compile(r"[\W_]+")  # any run of what is no letter or digit, of whatever script
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
    """Case and diacritics folded, full stops and apostrophes dropped, other punctuation and spacing made
    one hyphen, a leading "the" dropped: "Ilse  Marrów" -> "ilse-marrow", "al - Assad" = "al-Assad",
    "Erdoğan" = "Erdogan", "U.S." = "US". Letters of other scripts stay (folded in case)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_LETTERS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LETTERS)
    folded = _NOT_ALNUM.sub("-", _DROPPED.sub("", plain)).strip("-")
    return folded[4:] if folded.startswith("the-") else folded


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


# ---- actors across articles ---------------------------------------------------------------------

# Plural nouns that end in no "s", and common group words a sentence may capitalise: with any
# lower-case one-word plural ("residents"), the names an unnamed group goes by.
_GROUP_PLURALS = frozenset(
    [
        "people",
        "women",
        "men",
        "children",
        "police",
        "staff",
        "personnel",
        "clergy",
        "youth",
        "folk",
        "officials",
        "authorities",
        "residents",
        "civilians",
        "protesters",
        "demonstrators",
        "soldiers",
        "troops",
        "terrorists",
        "militants",
        "rebels",
        "fighters",
        "journalists",
        "reporters",
        "analysts",
        "experts",
        "critics",
        "officers",
        "workers",
        "students",
        "teachers",
        "families",
        "citizens",
        "voters",
        "lawmakers",
        "leaders",
        "diplomats",
        "sources",
        "witnesses",
        "villagers",
        "refugees",
        "migrants",
        "farmers",
        "doctors",
        "medics",
        "activists",
        "observers",
        "mediators",
        "investigators",
        "prosecutors",
    ]
)
_PLAIN_WORD = re.compile(r"[^\W\d_]+")


def plain_plural(name: str) -> bool:
    """Whether a name is a plain plural noun ("officials", "people", "Residents"), not a proper name
    ("Houthis" is capitalised and no common group word; "Ilse Marrow" is two words)."""
    word = name.strip()
    if not _PLAIN_WORD.fullmatch(word):
        return False
    lower = word.casefold()
    if lower in _GROUP_PLURALS:
        return True
    return word == lower and len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def looks_generic(entity_type: str, name: str, code: str | None) -> bool:
    """For records written before ``Entity.generic``: an unnamed group with no code whose name is a
    plain plural noun names no one in particular."""
    return entity_type == "GROUP" and not code and plain_plural(name)


def last_word(folded: str) -> str:
    """The last word of a folded name: where a surname lookup starts ("recep-tayyip-erdogan" -> "erdogan")."""
    return folded.rsplit("-", 1)[-1]


def fuller_forms(folded: str, code: str | None, others: dict[str, str | None]) -> list[str]:
    """The fuller names ``folded`` is a shorter form of, among ``others`` (folded name -> code): those
    ending with its words ("erdogan" in "recep-tayyip-erdogan"), with the same code where both have
    one, and not themselves shorter forms of another such name ("tayyip-erdogan" gives way to
    "recep-tayyip-erdogan"). Exactly one: the short name joins it; none or several: it stays itself."""
    tail = "-" + folded
    found = [
        other
        for other, other_code in others.items()
        if other.endswith(tail) and (not code or not other_code or code == other_code)
    ]
    return sorted(f for f in found if not any(g != f and g.endswith("-" + f) for g in found))

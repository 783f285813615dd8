"""Plain text: one file may hold several articles, each starting at a headline.

Paragraphs are the blank-line-separated blocks of the text when it has blank lines
between paragraphs (hard-wrapped lines inside a block belong to one paragraph), else
its lines. A paragraph is *headline-like* when it is short, does not end with sentence
punctuation and the next paragraph is a body paragraph: longer, and ending like a
sentence. A headline starts a new article once the current one has a body paragraph;
a headline at the start of the text is just the first article's title.

Each article's text is the exact slice of the (newline-normalised) text from its first
paragraph, headline included, to the end of its last, so offsets into it stay
meaningful against the file.
"""

from __future__ import annotations

import re

from dateline.model import Article
from dateline.read.common import normalise_newlines

# A headline has at least this many and at most this many words, and at most this many characters.
MIN_HEADLINE_WORDS = 2
MAX_HEADLINE_WORDS = 20
MAX_HEADLINE_CHARS = 160
# At the start of an article, a title may be followed by this many more short lines (a standfirst,
# a byline) before the first body paragraph.
MAX_HEADING_RUN = 3
# A dateline alone on a line has at most this many words.
MAX_DATELINE_WORDS = 12

# A body paragraph ends like a sentence.
SENTENCE_END = frozenset(".!?\"”'’…")
# A headline ends with none of these: sentence punctuation, a clause break, a closing bracket
# (a sign-off such as "(Editing by ...)") or a dash (a dateline such as "GENEVA (Reuters) -").
NOT_HEADLINE_END = SENTENCE_END | frozenset(",;:)]-–—")
_HEADLINE_START_PUNCT = frozenset("\"“'‘")

_BLOCK_BREAK = re.compile(r"\n(?:[^\S\n]*\n)+")  # one or more blank (or whitespace-only) lines
_LINE_BREAK = re.compile(r"\n")
_AGENCY_TAIL = re.compile(r"\([A-Z][^()]{0,40}\)\s*$")  # "... (Reuters)": a dateline, not a headline
_BYLINE = re.compile(r"^by\s+\S", re.IGNORECASE)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph, trimmed of surrounding whitespace.

    Blank-line-separated blocks when the text has a blank line between paragraphs, else lines.
    """
    lo = len(text) - len(text.lstrip())
    hi = len(text.rstrip())
    if lo >= hi:
        return []
    breaks = _BLOCK_BREAK if _BLOCK_BREAK.search(text, lo, hi) else _LINE_BREAK
    spans = []
    start = lo
    for match in breaks.finditer(text, lo, hi):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, hi))
    trimmed = []
    for s, e in spans:
        chunk = text[s:e]
        s2 = s + len(chunk) - len(chunk.lstrip())
        e2 = s + len(chunk.rstrip())
        if s2 < e2:
            trimmed.append((s2, e2))
    return trimmed


def _ends_sentence(para: str) -> bool:
    return para[-1] in SENTENCE_END


def _is_byline(para: str) -> bool:
    return bool(_BYLINE.match(para))


def _heading_ish(para: str) -> bool:
    """Short, not ending with punctuation: could be a headline (or a byline) by its shape alone."""
    words = para.split()
    first = para[0]
    return (
        MIN_HEADLINE_WORDS <= len(words) <= MAX_HEADLINE_WORDS
        and len(para) <= MAX_HEADLINE_CHARS
        and para[-1] not in NOT_HEADLINE_END
        and any(c.isalpha() for c in para)
        and (first.isupper() or first.isdigit() or first in _HEADLINE_START_PUNCT)
        and not _AGENCY_TAIL.search(para)
    )


def _is_dateline(para: str) -> bool:
    """A dateline on a line of its own ("GENEVA, March 3 (Reuters) -"): it leads into the body."""
    return len(para.split()) <= MAX_DATELINE_WORDS and (para[-1] in "-–—" or bool(_AGENCY_TAIL.search(para)))


def _is_body(paras: list[str], i: int, than: str) -> bool:
    """Whether paragraph ``i`` (after any dateline lines) is a body paragraph: ends like a sentence
    and is longer than the headline ``than``."""
    while i < len(paras) and _is_dateline(paras[i]):
        i += 1
    return i < len(paras) and _ends_sentence(paras[i]) and len(paras[i]) > len(than)


def _article_start(paras: list[str], i: int) -> int | None:
    """Where a new article starts if paragraph ``i`` is headline-like (else None).

    A byline ("By ...") right before the body moves the start back to the headline before it.
    """
    para = paras[i]
    if not _heading_ish(para) or not _is_body(paras, i + 1, para):
        return None
    if _is_byline(para) and i > 0 and _heading_ish(paras[i - 1]) and not _is_byline(paras[i - 1]):
        return i - 1
    return i


def _title(paras: list[str], start: int, end: int) -> str | None:
    """The article's headline: its first paragraph, when only short lines lead from it to the body."""
    first = paras[start]
    if not _heading_ish(first) or _is_byline(first):
        return None
    for i in range(start + 1, min(end, start + 2 + MAX_HEADING_RUN)):
        if _is_body(paras, i, first):
            return " ".join(first.split())
        if not (_heading_ish(paras[i]) or _is_dateline(paras[i])):
            return None
    return None


def split_articles(text: str) -> list[tuple[int, int, str | None]]:
    """Split text into articles: (start, end, title) for each, in order.

    ``text[start:end]`` runs from the article's first paragraph (its headline, if any) to the
    end of its last paragraph; ``title`` is the headline with its whitespace collapsed, or None.
    Whitespace-only text has no articles.
    """
    spans = paragraphs(text)
    if not spans:
        return []
    paras = [text[s:e] for s, e in spans]
    # sentences[k]: how many of the first k paragraphs end like a sentence (are body paragraphs)
    sentences = [0]
    for para in paras:
        sentences.append(sentences[-1] + _ends_sentence(para))
    starts = [0]
    for i in range(1, len(paras)):
        start = _article_start(paras, i)
        # a headline starts a new article only once the current one has a body paragraph
        if start is not None and start > starts[-1] and sentences[start] > sentences[starts[-1]]:
            starts.append(start)
    bounds = [*starts, len(paras)]
    return [
        (spans[a][0], spans[b - 1][1], _title(paras, a, b)) for a, b in zip(bounds, bounds[1:], strict=False)
    ]


def read_text(text: str, *, stem: str, source: str | None = None) -> list[Article]:
    """The articles of one plain-text document: ids ``stem``, ``stem#2``, ``stem#3``, ...

    ``text`` is normalised to ``\\n`` line endings first; article offsets refer to that.
    """
    text = normalise_newlines(text)
    articles = []
    for n, (start, end, title) in enumerate(split_articles(text), 1):
        id = stem if n == 1 else f"{stem}#{n}"
        articles.append(Article(id=id, text=text[start:end], title=title, source=source))
    return articles

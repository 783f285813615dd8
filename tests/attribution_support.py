"""What the attribution tests ask of one invented text: its attributions, and them by cue."""

from __future__ import annotations

from spacy.language import Language

from dateline.extract.attributions import find_attributions
from dateline.extract.entities import find_entities
from dateline.model import Quote


def quotes_of(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    return find_attributions(doc, find_entities(doc))


def by_cue(quotes: list[Quote]) -> dict[str, tuple[str | None, list[str]]]:
    """Cue lemma -> (speaker text, content texts) of each attribution."""
    return {
        q.cue_lemma or "": (q.speaker.text if q.speaker else None, [s.text for s in q.content])
        for q in quotes
    }

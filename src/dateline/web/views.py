"""What the article page shows, computed from one record dict (``Record.to_dict()`` form).

Pure functions, no database: the marks that highlight the text and the "voices" panel (who is
quoted, how many words each side gets, named against anonymous sources).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from dateline.web.highlight import Mark

NAMED = {"named_person", "named_organization"}
ANONYMOUS = {"anonymous_person", "unnamed_group"}


def record_marks(record: dict[str, Any], focus: tuple[int, int] | None = None) -> list[Mark]:
    """Every highlight of the article: quotes, speakers, cues, entities, events, places, dates.

    ``focus`` is one extra span (from a link that points at a sentence) drawn around the others.
    """
    names = {e["id"]: e["name"] for e in record.get("entities", [])}
    marks: list[Mark] = []
    for entity in record.get("entities", []):
        label = f"{entity['type']} {entity['name']}"
        for i, mention in enumerate(entity.get("mentions", [])):
            marks.append(_mark(mention, "entity", label, f"m-{entity['id']}-{i}"))
    for quote in record.get("quotes", []):
        speaker = quote.get("speaker")
        who = names.get((speaker or {}).get("entity") or "", (speaker or {}).get("text", "unknown speaker"))
        label = f"quote {quote['id']} ({quote['kind']}): {who}"
        for i, content in enumerate(quote.get("content", [])):
            marks.append(_mark(content, "quote", label, f"q-{quote['id']}" if i == 0 else None))
        if speaker:
            marks.append(_mark(speaker, "speaker", f"speaker of {quote['id']}: {who}"))
        if quote.get("cue"):
            marks.append(_mark(quote["cue"], "cue", f"cue of {quote['id']} ({quote.get('cue_lemma')})"))
    for event in record.get("events", []):
        actors = ", ".join(names.get(a, a) for a in event.get("actors", []))
        recipients = ", ".join(names.get(r, r) for r in event.get("recipients", []))
        label = f"event {event['id']} {event['type']}: {actors or '?'} → {recipients or '?'}"
        marks.append(_mark(event["trigger"], "event", label, f"v-{event['id']}"))
    for place in record.get("places", []):
        label = f"place {place['name']} ({place.get('country') or '?'})"
        for i, mention in enumerate(place.get("mentions", [])):
            marks.append(_mark(mention, "place", label, f"p-{place['id']}-{i}"))
    for date in record.get("dates", []):
        marks.append(_mark(date, "date", f"date {date.get('value') or '?'}"))
    if focus is not None:
        marks.append(Mark(focus[0], focus[1], "focus", "the sentence you followed", "focus"))
    return marks


def _mark(span: dict[str, Any], kind: str, label: str, anchor: str | None = None) -> Mark:
    return Mark(int(span["start"]), int(span["end"]), kind, label, anchor)


@dataclass
class Voice:
    """One speaker of the article and what the story gives them."""

    name: str
    entity: str | None
    source_type: str
    quotes: int = 0
    words: int = 0
    quote_ids: list[str] = field(default_factory=list)


@dataclass
class Voices:
    """The source balance of one story."""

    speakers: list[Voice]
    named_words: int
    anonymous_words: int
    other_words: int

    @property
    def total_words(self) -> int:
        return self.named_words + self.anonymous_words + self.other_words


def voices(record: dict[str, Any]) -> Voices:
    """Who is quoted and how many words of content each gets, most words first."""
    names = {e["id"]: e["name"] for e in record.get("entities", [])}
    by_speaker: dict[str, Voice] = {}
    side_words: dict[str, int] = defaultdict(int)
    for quote in record.get("quotes", []):
        speaker = quote.get("speaker") or {}
        entity = speaker.get("entity")
        name = names.get(entity or "", speaker.get("text") or "unknown speaker")
        source_type = quote.get("source_type") or "unknown"
        key = entity or f"text:{name.lower()}"
        voice = by_speaker.setdefault(key, Voice(name, entity, source_type))
        words = sum(len(c["text"].split()) for c in quote.get("content", []))
        voice.quotes += 1
        voice.words += words
        voice.quote_ids.append(quote["id"])
        side_words[side(source_type)] += words
    speakers = sorted(by_speaker.values(), key=lambda v: (-v.words, v.name))
    return Voices(speakers, side_words["named"], side_words["anonymous"], side_words["other"])


def side(source_type: str | None) -> str:
    """named, anonymous or other (documents, media, unknown): the split the voices panel counts."""
    if source_type in NAMED:
        return "named"
    if source_type in ANONYMOUS:
        return "anonymous"
    return "other"

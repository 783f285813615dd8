"""One record to the rows of the store's tables, keeping every offset and a sentence context.

Pure functions over a ``Record``: the database keys (article, entity, quote, place pks) are
passed in once the rows they depend on are inserted, so the same code serves SQLite and
PostgreSQL and can be tested without a database.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline import knowledge
from dateline.model import SCHEMA_VERSION, Article, Entity, Event, Place, Quote, Record, Span
from dateline.store import near_duplicates as near
from dateline.store.text import actor_key, context_bounds, fold, looks_generic, sentence_starts, word_count

Row = dict[str, Any]
CONTENT_JOINER = " … "


def is_failed(record: Record) -> bool:
    """A document failed when it has errors and the pipeline produced nothing from it."""
    return bool(record.errors) and not (
        record.entities or record.quotes or record.events or record.places or record.dates
    )


def day_of(value: str | None) -> str:
    """The ISO day of a date or datetime string, or "" when there is none to read."""
    if not value:
        return ""
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return ""


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class Context:
    """Sentence boundaries of one record's text, found once and used for every item in it."""

    text: str
    starts: list[int]

    @classmethod
    def of(cls, text: str) -> Context:
        return cls(text, sentence_starts(text))

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        return context_bounds(self.text, self.starts, start, end)

    def span(self, start: int, end: int) -> dict[str, Any]:
        left, right = self.bounds(start, end)
        return {"start": left, "end": right, "text": self.text[left:right]}


def plain(value: Any) -> Any:
    """``dataclasses.asdict`` without its deep copies: several times faster on a whole record, and
    the same result for the model's types (dataclasses of str, int, float, None, lists)."""
    if hasattr(value, "__dataclass_fields__"):
        return {k: plain(v) for k, v in vars(value).items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def record_dict(record: Record) -> dict[str, Any]:
    """``Record.to_dict()``, faster: "schema" first, then the fields in order."""
    data = plain(record)
    return {"schema": data.pop("schema"), **data}


def record_json(record: Record) -> str:
    """The record as the articles table keeps it: JSON without the text (a column of its own)."""
    data = record_dict(record)
    data.pop("text")
    return json.dumps(data, ensure_ascii=False)


def article_of(record_json: str, text: str) -> Article:
    """The article a stored record was extracted from, as the reader gave it."""
    data = json.loads(record_json)
    return Article(
        id=data["id"], text=text, title=data.get("title"), published=data.get("published"),
        outlet=data.get("outlet"), url=data.get("url"), source=data.get("source"),
    )  # fmt: skip


def signature_rows(record: Record, article_pk: int) -> tuple[list[Row], list[Row]]:
    """The rows that let a later copy of this article be found: its MinHash signature and band keys
    (none for a text too short to judge; see ``near_duplicates``)."""
    sig = near.signature(record.text)
    if sig is None:
        return [], []
    signature = {"article_pk": article_pk, "article_id": record.id, "signature": near.to_bytes(sig)}
    return [signature], [{"band": key, "article_pk": article_pk} for key in near.band_keys(sig)]


def duplicate_row(article: Article, content_hash: str, of_id: str, similarity: float) -> Row:
    return {
        "id": article.id, "content_hash": content_hash, "of_id": of_id, "similarity": similarity,
        "source": article.source, "title": article.title, "published": article.published,
        "outlet": article.outlet, "url": article.url, "ingested_at": now(),
    }  # fmt: skip


def article_row(record: Record, content_hash: str) -> Row:
    return {
        "id": record.id,
        "content_hash": content_hash,
        "source": record.source,
        "title": record.title,
        "published": record.published,
        "day": day_of(record.published),
        "outlet": record.outlet,
        "url": record.url,
        "text": record.text,
        "record": record_json(record),
        "n_quotes": len(record.quotes),
        "n_events": len(record.events),
        "n_entities": len(record.entities),
        "ingested_at": now(),
    }


def error_rows(record: Record, content_hash: str, failed: bool) -> list[Row]:
    stamp = now()
    seen: set[tuple[str, str]] = set()
    rows = []
    for error in record.errors:
        if (error.stage, error.code) in seen:
            continue  # one row per stage and code: the unique key of the errors table
        seen.add((error.stage, error.code))
        rows.append(
            {
                "article_id": record.id,
                "content_hash": content_hash,
                "source": record.source,
                "stage": error.stage,
                "code": error.code,
                "message": error.message,
                "failed": int(failed),
                "ingested_at": stamp,
            }
        )
    return rows


@lru_cache(maxsize=65536)
def _country_named(name: str) -> str | None:
    from dateline.extract.places import resolve_country_code  # the gazetteer loads on first use only

    return resolve_country_code(name)


@lru_cache(maxsize=512)
def country_name(code: str) -> str | None:
    """The gazetteer's name of a country (ISO alpha-3), or None for a code that is no country (IGO)."""
    from dateline.extract.gazetteer import load_gazetteer

    entry = load_gazetteer().country(code.upper()) if len(code) == 3 and code.isalpha() else None
    return entry.name if entry else None


def entity_country(entity: Entity) -> str | None:
    """The country a GPE entity stands for as a whole, or None (a city, a region, an unknown place).

    "US", "United States" and "America" name the USA; so does "Washington" when the shipped actor
    knowledge coded it (the capital for its government). A name that is a country's but carries
    another country's code is left alone: something is off, and a city must not become a country.
    """
    if entity.type != "GPE":
        return None
    named = _country_named(entity.name)
    if named and (not entity.code or entity.code == named):
        return named
    if entity.code and entity.coded_by == "knowledge" and country_name(entity.code):
        return entity.code.upper()
    return None


def entity_key(entity: Entity) -> tuple[str, str, str | None]:
    """(actor key, actor name, country) of an entity: a country entity is keyed by its country's name,
    whatever the article called it; any other by its type and folded name."""
    country = entity_country(entity)
    name = country_name(country) if country else None
    if country and name:
        return actor_key("GPE", name), name, country
    known = _known(entity)
    if known is not None:
        return actor_key(entity.type, known), known, None
    return actor_key(entity.type, entity.name), entity.name, None


def _known(entity: Entity) -> str | None:
    """The shipped knowledge's name for a person or organisation ("VOA" -> "Voice of America",
    "Trump" -> "Donald Trump"), so that every article's form of it is one actor."""
    if entity.type not in {"PERSON", "ORG"} or entity.generic:
        return None
    found = knowledge.known_actor(entity.name, entity.type)
    return found.name if found is not None and found.type == entity.type else None


def is_generic(record: Record, entity: Entity) -> bool:
    """The entity's own flag; for a record of an older schema, which has none, the plain-plural test."""
    if entity.generic:
        return True
    return record.schema != SCHEMA_VERSION and looks_generic(entity.type, entity.name, entity.code)


def actor_specs(record: Record) -> dict[str, tuple[str, str, str | None]]:
    """Actor key -> (name, type, country) for the record's entities."""
    specs: dict[str, tuple[str, str, str | None]] = {}
    for e in record.entities:
        key, name, country = entity_key(e)
        specs.setdefault(key, (name, "GPE" if country else e.type, country))
    return specs


def entity_rows(record: Record, article_pk: int, actor_pks: dict[str, int]) -> list[Row]:
    return [
        {
            "article_pk": article_pk,
            "local_id": e.id,
            "actor_pk": actor_pks[entity_key(e)[0]],
            "name": e.name,
            "type": e.type,
            "code": e.code,
            "sector": e.sector,
            "titles": json.dumps(e.titles, ensure_ascii=False),
            "n_mentions": len(e.mentions),
            "coded_by": e.coded_by,
            "generic": int(is_generic(record, e)),
        }
        for e in record.entities
    ]


def mention_rows(
    entities: list[Entity],
    article_pk: int,
    entity_pks: dict[str, int],
    actor_of: dict[str, int],
    ctx: Context,
) -> list[Row]:
    rows = []
    for entity in entities:
        for m in entity.mentions:
            left, right = ctx.bounds(m.start, m.end)
            rows.append(
                {
                    "article_pk": article_pk,
                    "entity_pk": entity_pks[entity.id],
                    "actor_pk": actor_of[entity.id],
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "context_start": left,
                    "context_end": right,
                }
            )
    return rows


def quote_row(
    record: Record,
    quote: Quote,
    article_pk: int,
    actor_of: dict[str, int],
    ctx: Context,
    names: dict[str, str] | None = None,
) -> Row:
    names = names if names is not None else {e.id: e.name for e in record.entities}
    speaker = quote.speaker
    entity = speaker.entity if speaker else None
    spans = [s for s in quote.content] + [s for s in (speaker, quote.cue) if s is not None]
    start = min((s.start for s in spans), default=0)
    end = max((s.end for s in spans), default=0)
    left, right = ctx.bounds(start, end)
    content_text = CONTENT_JOINER.join(s.text for s in quote.content)
    return {
        "article_pk": article_pk,
        "article_id": record.id,
        "local_id": quote.id,
        "kind": quote.kind,
        "source_type": quote.source_type,
        "medium": quote.medium,
        "confidence": quote.confidence,
        "speaker_start": speaker.start if speaker else None,
        "speaker_end": speaker.end if speaker else None,
        "speaker_text": speaker.text if speaker else None,
        "speaker_entity": entity,
        "actor_pk": actor_of.get(entity) if entity else None,
        "speaker_name": names.get(entity or "", speaker.text if speaker else None),
        "cue_start": quote.cue.start if quote.cue else None,
        "cue_end": quote.cue.end if quote.cue else None,
        "cue_text": quote.cue.text if quote.cue else None,
        "cue_lemma": quote.cue_lemma,
        "content": spans_json(quote.content),
        "content_text": content_text,
        "words": word_count(content_text),
        "context_start": left,
        "context_end": right,
        "outlet": record.outlet,
        "day": day_of(record.published),
    }


def quote_subject_rows(
    quote: Quote, quote_pk: int, article_pk: int, entities: list[Entity], actor_of: dict[str, int]
) -> list[Row]:
    """The actors mentioned inside the quote's content (not the speaker's own mention)."""
    found: dict[int, Row] = {}
    for entity in entities:
        for m in entity.mentions:
            if any(c.start <= m.start and m.end <= c.end for c in quote.content):
                pk = actor_of[entity.id]
                found[pk] = {"article_pk": article_pk, "quote_pk": quote_pk, "actor_pk": pk}
    return list(found.values())


def place_key(place: Place) -> str:
    return f"g{place.geonameid}" if place.geonameid else f"n-{fold(place.name)}"


def place_rows(record: Record, article_pk: int, ctx: Context) -> list[Row]:
    return [
        {
            "article_pk": article_pk,
            "local_id": p.id,
            "key": place_key(p),
            "name": p.name,
            "geonameid": p.geonameid,
            "lat": p.lat,
            "lon": p.lon,
            "country": p.country,
            "feature": p.feature,
            "n_mentions": len(p.mentions),
            "mentions": json.dumps(
                [{**span_dict(m), "context": ctx.span(m.start, m.end)} for m in p.mentions],
                ensure_ascii=False,
            ),
        }
        for p in record.places
    ]


def event_row(
    record: Record,
    event: Event,
    article_pk: int,
    place_pks: dict[str, int],
    quote_pks: dict[str, int],
    ctx: Context,
) -> Row:
    left, right = ctx.bounds(event.trigger.start, event.trigger.end)
    date = event.date
    event_day = day_of(date.value) if date and date.precision == "day" else ""
    return {
        "article_pk": article_pk,
        "article_id": record.id,
        "local_id": event.id,
        "type": event.type,
        "mode": event.mode,
        "modality": event.modality,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "trigger_text": event.trigger.text,
        "place_pk": place_pks.get(event.place) if event.place else None,
        "date_text": date.text if date else None,
        "date_value": date.value if date else None,
        "date_precision": date.precision if date else None,
        "quote_pk": quote_pks.get(event.quote) if event.quote else None,
        "governed_by": event.governed_by,
        "confidence": event.confidence,
        "actors_from": event.actors_from,
        "context_start": left,
        "context_end": right,
        "outlet": record.outlet,
        "day": event_day or day_of(record.published),
    }


def event_actor_rows(event: Event, event_pk: int, article_pk: int, actor_of: dict[str, int]) -> list[Row]:
    rows = []
    for role, ids in (("actor", event.actors), ("recipient", event.recipients)):
        for position, local in enumerate(ids):
            rows.append(
                {
                    "article_pk": article_pk,
                    "event_pk": event_pk,
                    "role": role,
                    "position": position,
                    "entity_local_id": local,
                    "actor_pk": actor_of.get(local),
                }
            )
    return rows


def date_rows(record: Record, article_pk: int) -> list[Row]:
    return [
        {
            "article_pk": article_pk,
            "text": d.text,
            "start": d.start,
            "end": d.end,
            "value": d.value,
            "precision": d.precision,
        }
        for d in record.dates
    ]


def span_dict(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def spans_json(spans: list[Span]) -> str:
    return json.dumps([span_dict(s) for s in spans], ensure_ascii=False)

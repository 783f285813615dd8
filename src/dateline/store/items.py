"""Rows of the Store's tables as the JSON-ready items its reads return: a quote, an event, an
article, an actor or a place, each with the spans that support it."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.engine import Row


def span_item(start: Any, end: Any, text: Any) -> dict[str, Any] | None:
    if start is None:
        return None
    return {"start": start, "end": end, "text": text}


def labelled(kind: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    label = "quote" if kind == "quotes" else "article"
    return [{"item": label, **item} for item in items]


# ---- items ---------------------------------------------------------------------------------------


def _article_ref(r: Row[Any]) -> dict[str, Any]:
    return {
        "article_id": r.article_id,
        "article_title": r.article_title,
        "published": r.published,
        "outlet": r.outlet,
        "day": r.day or None,
    }


def quote_item(r: Row[Any]) -> dict[str, Any]:
    speaker = span_item(r.speaker_start, r.speaker_end, r.speaker_text)
    if speaker is not None:
        generic = bool(r.actor_generic)
        speaker.update(
            {"entity": r.speaker_entity, "actor": None if generic else r.actor_key,
             "name": (None if generic else r.actor_name) or r.speaker_text, "generic": generic}
        )  # fmt: skip
    return {
        "id": r.pk,
        "quote_id": r.local_id,
        **_article_ref(r),
        "kind": r.kind,
        "source_type": r.source_type,
        "medium": r.medium,
        "confidence": r.confidence,
        "speaker": speaker,
        "speaker_name": r.speaker_name,
        "cue": span_item(r.cue_start, r.cue_end, r.cue_text),
        "cue_lemma": r.cue_lemma,
        "content": json.loads(r.content),
        "text": r.content_text,
        "words": r.words,
        "context": {"start": r.context_start, "end": r.context_end, "text": r.context_text},
    }


def event_item(r: Row[Any], actors: list[dict[str, Any]], recipients: list[dict[str, Any]]) -> dict[str, Any]:
    place = None
    if r.place_id is not None:
        place = {
            "id": r.place_id,
            "name": r.place_name,
            "country": r.place_country,
            "lat": r.place_lat,
            "lon": r.place_lon,
        }
    date = None
    if r.date_text is not None:
        date = {"text": r.date_text, "value": r.date_value, "precision": r.date_precision}
    return {
        "id": r.pk,
        "event_id": r.local_id,
        **_article_ref(r),
        "type": r.type,
        "mode": r.mode,
        "modality": r.modality,
        "trigger": {"start": r.trigger_start, "end": r.trigger_end, "text": r.trigger_text},
        "actors": actors,
        "recipients": recipients,
        "place": place,
        "date": date,
        "quote": r.quote_pk,
        "governed_by": r.governed_by,
        "confidence": r.confidence,
        "actors_from": r.actors_from,
        "event_day": r.day or None,
        "context": {"start": r.context_start, "end": r.context_end, "text": r.context_text},
    }


def article_item(r: Row[Any]) -> dict[str, Any]:
    return {
        "id": r.id, "title": r.title, "published": r.published, "day": r.day or None, "outlet": r.outlet,
        "url": r.url, "source": r.source, "quotes": r.n_quotes, "events": r.n_events, "entities": r.n_entities,
        "lead": r.lead,
    }  # fmt: skip


def actor_item(r: Row[Any], examples: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": r.key, "name": r.name, "type": r.type, "code": r.code, "sector": r.sector,
        "articles": r.articles, "mentions": int(r.mentions or 0), "quotes": r.quotes,
        "aliases": [name for name, _n in json.loads(r.aliases or "[]")], "examples": examples,
    }  # fmt: skip


def place_item(r: Row[Any], examples: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": r.key, "name": r.name, "country": r.country, "feature": r.feature, "geonameid": r.geonameid,
        "lat": r.lat, "lon": r.lon, "articles": r.articles, "mentions": int(r.mentions or 0), "examples": examples,
    }  # fmt: skip

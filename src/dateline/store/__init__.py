"""The store: records in a database (SQLite by default, PostgreSQL as the server option).

Contract (the web layer, the CLI and the exports code against exactly this)::

    from dateline.store import open_store, Store, IngestReport
    store = open_store(url)   # None -> "sqlite:///data/dateline.db"; "x.db" -> SQLite file;
                              # "sqlite:///path"; "postgresql://user@host:port/db" (psycopg 3)
    report = store.ingest(records, batch_size=100)   # Iterable[Record] -> IngestReport
        # report.added, .unchanged, .replaced, .failed, .failed_ids
    store.is_stored(article_or_record) -> bool        # same input id and same content hash stored
    store.engine, store.tables                        # SQLAlchemy Engine; namespace of Tables
    store.dialect                                     # "sqlite" or "postgresql"
    store.close()

Idempotency: an article is keyed on its input id (``Record.id``) plus a content hash of what
the reader gave (text, title, published, outlet, url; see ``text.content_hash``). Same id and
hash: left alone ("unchanged"). Same id, new hash: the stored version is replaced whole
("replaced"); the store keeps one version per input id. Each batch is one transaction, so an
interrupted ingest leaves whole batches, and a re-run adds the rest without duplicates. A failed
document (errors and nothing extracted: empty, binary, not_english, ...) is not stored as an
article; its errors go to the errors table (``failed`` true), once per id + hash + stage + code.
A stored article whose pipeline had a stage fail keeps its errors there too (``failed`` false).

Reads (all return JSON-ready dicts; lists are ``{"items": [...], "next_cursor": str | None,
"prev_cursor": str | None}``; pass ``next_cursor`` back as ``cursor=`` for the next page and
``prev_cursor`` as ``before=`` for the page before it; ``limit`` is capped at 500; a bad cursor, or
``cursor`` and ``before`` together, raises ValueError). Every list takes ``sort`` (``paging``:
TEXT_SORTS, EVENT_SORTS, ACTOR_SORTS, PLACE_SORTS; another value raises ValueError)::

    store.articles(q=None, outlet=None, date_from=None, date_to=None, country=None, actor=None,
                   source_type=None, kind=None, event_type=None, sort=None, cursor=None, before=None, limit=50)
        item: {id, title, published, day, outlet, url, source, quotes, events, entities, lead}
        sort: "newest" (the default, with or without q), "oldest", "relevance" (with q only)
    store.articles_by_ids([input ids]) -> [article item], newest first
    store.article(article_id, min_confidence=None) -> dict | None   (at a cut, as confident_only)
        Record.to_dict() plus "store": {pk, content_hash, ingested_at, day,
        actors: {entity id -> actor key}, quotes: {quote id -> quote item id},
        events: {event id -> event item id}, places: {place id -> place key}}
    store.actors(q=None, type=None, code=None, sector=None, cursor=None, limit=50, sort=None, before=None)
        item: {id (actor key, e.g. "person-ilse-marrow"), name, type, code, sector, articles,
               mentions, quotes, aliases: [name], examples: [{article_id, start, end, text, context}]}
        one item per canonical actor (a country whatever its name, a surname joined to the one
        fuller name; see docs/store.md), never a generic group; q matches any name, accents folded
    store.actor(actor_id) -> dict | None   (a joined name's key answers with its canonical actor)
        {actor, titles: [[title, n]], quotes_by, quotes_about, events_as_actor,
         events_as_recipient (each {"items", "total", ...}), timeline: [{day, kind, type, count}],
         partners: [{actor, name, count, event_ids}], co_mentioned: [{actor, name, count, article_ids}]}
    store.find_actor(text) -> actor id | None   (an id as it is, else the actor a name means)
    store.count_actors(q, type, code, sector), count_quotes(**filters), count_events(**filters),
    store.count_places(q, country) -> int      (how many rows the list has: one COUNT, same WHERE)
    store.quotes(q=None, actor=None, source_type=None, outlet=None, date_from=None, date_to=None,
                 country=None, kind=None, event_type=None, min_confidence=None, sort=None, cursor=None,
                 before=None, limit=50)
        item: {id, quote_id, article_id, article_title, published, outlet, day, kind, source_type,
               medium, speaker: {start, end, text, entity, actor, name} | None, speaker_name,
               cue: span | None, cue_lemma, content: [span], text, words, context: span}
    store.quotes_by_pk([ids]) -> [quote item]
    store.events(type=None, actor=None, recipient=None, outlet=None, date_from=None, date_to=None,
                 country=None, modality=None, sort=None, cursor=None, before=None, limit=50)
        item: {id, event_id, article_id, article_title, published, outlet, day, type, mode, modality,
               trigger: span, actors/recipients: [{entity, actor, name, mentions: [span]}],
               place: {id, name, country, lat, lon} | None, date: {text, value, precision} | None,
               quote: quote item id | None, event_day, context: span}
    store.events_by_pk([ids]) -> [event item], newest first
    store.places(q=None, country=None, cursor=None, limit=50, sort=None, before=None)
        item: {id (place key), name, country, feature, geonameid, lat, lon, articles, mentions,
               examples: [{article_id, start, end, text, context}]}
    store.place(place_key) -> places item | None
    store.find_place(text) -> place key | None   (a key as it is, else the place a name means)
    store.place_names(limit=60) -> [(name, country)], store.actor_names(limit=60) -> [(name, type, code)]
        the first places and actors their lists give, without examples: the desk's name suggestions
    store.place_counts(**filters) -> [{id, name, country, lat, lon, events, types: {type: n}, quotes}]
        places with coordinates: the filtered events at each and the filtered quotes whose sentence
        names it (what the desk's map draws), most first; places with neither left out
    store.search(q, kinds=("quotes", "articles"), cursor=None, limit=50, facets=True, sort=None,
                 before=None, **filters)
        {"items": [{"item": "quote" | "article", ...item}], "next_cursor", "prev_cursor",
         "facets": {"speaker" | "actor" | "source_type" | "outlet" | "event_type" | "month": [[value, count]]},
         "facets_scope": {"quotes": n, "articles": n, "limit": 2000, "complete": bool}}
        facets count the latest 2,000 matches of each kind ("complete" false: there were more);
        "actor" counts the speakers by actor id, "event_type" the items whose article reports one,
        "month" runs newest first
    store.search_totals(q, kinds, **filters) -> {"quotes": n, "articles": n}
    store.facets(Filters(...), kinds) -> the facets alone (same scope)
    store.facets_with_scope(Filters(...), kinds, scope=2000) -> (facets, facets_scope)
    store.timeline(**filters) -> [{"day", "kind": "quote" | "event", "type", "count"}]
        quotes by source type, events by PLOVER type; days with a known date only
    store.network(max_edges=1000, **filters) -> {"nodes": [{id, name, type, code, sector, count}],
                                 "edges": [{source, target, type, count, event_ids}],
                                 "truncated": {edges_total, edges_shown}  (only when edges were left out)}
        the heaviest max_edges edges (None: all; exports take all); nodes are then their ends
    store.errors(cursor=None, limit=50, before=None)
        item: {id, article_id, content_hash, source, stage, code, message, failed, ingested_at}
    store.counts(tables=None) -> {table name: rows}   (those named, else every table)

A span is ``{"start", "end", "text"}`` with ``article.text[start:end] == text``; ``context`` is the
sentence(s) holding the item (see ``text.context_bounds``). Filters: ``actor``/``recipient`` are
actor keys; ``date_from``/``date_to`` take YYYY-MM-DD, YYYY-MM or YYYY (inclusive) and compare the
publication day (events: their own date when known to the day); ``country`` is ISO alpha-3 of a
place the article mentions; ``place`` is a place key (events at that place, quotes whose sentence
names it, articles that mention it); ``type``/``event_type`` is a PLOVER event type. ``q`` is full-text
search: every word must occur ("quoted phrase", word* prefix; PostgreSQL reads it with
websearch_to_tsquery, so -word excludes there). Ordering: newest publication day first, then
latest ingested, with or without ``q``; ``sort`` turns it round or ranks by relevance.

Exports (``dateline.export``; the CLI's ``dateline export`` and the API share them)::

    from dateline.export import EXPORTS, FORMATS, export, export_bytes
    export(store, what, fmt, out: TextIO, **filters) -> int (items written)
        what: "quotes" | "events" | "entities" | "network"
        fmt: "csv" | "jsonl" (quotes, events, entities), "plover" (events), "gexf" (network)
    export_bytes(store, what, fmt, **filters) -> (bytes, media_type)
    FORMATS[what] -> the formats allowed for it; MEDIA_TYPES[fmt] -> content type
"""

from __future__ import annotations

from dateline.store.core import DEFAULT_URL, IngestReport, Store, StoreError, database_url, open_store
from dateline.store.filters import Filters
from dateline.store.paging import decode_cursor, encode_cursor

__all__ = [
    "DEFAULT_URL",
    "Filters",
    "IngestReport",
    "Store",
    "database_url",
    "decode_cursor",
    "encode_cursor",
    "open_store",
    "StoreError",
]

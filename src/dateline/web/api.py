"""The REST API under /api: thin routes over the store's read methods and the exports.

Every list answers ``{"items": [...], "next_cursor": str | null, "prev_cursor": str | null}``
(``cursor`` pages on, ``before`` back) and takes ``sort``; a bad cursor, filter or sort value is a
400 with the reason, an unknown id a 404. The API is read-only unless the app was made with
``read_only=False``, which adds ``POST /api/records`` (``write_router``).
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from dateline.model import Record
from dateline.store import Store
from dateline.web.security import without_paths

router = APIRouter(prefix="/api", tags=["read"])
write_router = APIRouter(prefix="/api", tags=["write"])

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page (at most 500).")]
Cursor = Annotated[str | None, Query(description="The next_cursor of the previous page.")]
Before = Annotated[
    str | None, Query(description="The prev_cursor of a page: the page before it (instead of cursor).")
]
TextSort = Annotated[
    str | None,
    Query(description="newest (the default), oldest, or relevance (best match first; needs q)."),
]
EventSort = Annotated[str | None, Query(description="newest (the default) or oldest, by the event's day.")]
Text = Annotated[
    str | None, Query(description='Full-text query: every word must occur; "a phrase"; word* prefix.')
]


class Page(BaseModel):
    """One page of a list: pass ``next_cursor`` back as ``cursor`` for the next page (null on the last),
    ``prev_cursor`` as ``before`` for the page before (null on the first)."""

    items: list[dict[str, Any]]
    next_cursor: str | None
    prev_cursor: str | None = None


class SearchPage(Page):
    """A page of search results, with facet counts {facet: [[value, count], ...]} over the latest matches
    (``facets_scope`` says how many, and whether that was all of them)."""

    facets: dict[str, list[list[Any]]] | None = None
    facets_scope: dict[str, Any] | None = None  # what the facets counted: {quotes, articles, limit, complete}


class ActorDetail(BaseModel):
    actor: dict[str, Any]
    titles: list[list[Any]]
    quotes_by: dict[str, Any]
    quotes_about: dict[str, Any]
    events_as_actor: dict[str, Any]
    events_as_recipient: dict[str, Any]
    timeline: list[dict[str, Any]]
    partners: list[dict[str, Any]]
    co_mentioned: list[dict[str, Any]]


def common_filters(
    actor: Annotated[
        str | None,
        Query(
            description="Actor id (e.g. person-ilse-marrow): the speaker of a "
            "quote, an actor of an event, an actor an article names."
        ),
    ] = None,
    source_type: Annotated[
        str | None, Query(description="Quote source type: named_person, anonymous_person, ...")
    ] = None,
    event_type: Annotated[str | None, Query(description="PLOVER event type (CONSULT, ACCUSE, ...).")] = None,
    outlet: Annotated[str | None, Query(description="The outlet that published the article.")] = None,
    country: Annotated[str | None, Query(description="ISO alpha-3 of a place the article mentions.")] = None,
    place: Annotated[
        str | None,
        Query(
            description="Place id (as /api/places lists it, e.g. g2660646): events at the place, quotes "
            "whose sentence names it, articles that mention it."
        ),
    ] = None,
    date_from: Annotated[
        str | None, Query(pattern=DATE, description="YYYY-MM-DD, YYYY-MM or YYYY (inclusive).")
    ] = None,
    date_to: Annotated[
        str | None, Query(pattern=DATE, description="YYYY-MM-DD, YYYY-MM or YYYY (inclusive).")
    ] = None,
    min_confidence: Annotated[
        float | None,
        Query(ge=0, le=1, description="Quotes and events with a confidence of at least this (0-1)."),
    ] = None,
) -> dict[str, Any]:
    """The filters most endpoints share; only those given are passed on."""
    values = {"actor": actor, "source_type": source_type, "event_type": event_type, "outlet": outlet,
              "country": country, "place": place, "date_from": date_from, "date_to": date_to,
              "min_confidence": min_confidence}  # fmt: skip
    return {k: v for k, v in values.items() if v not in (None, "")}


Filters = Annotated[dict[str, Any], Depends(common_filters)]
Kind = Annotated[str | None, Query(description="Quote kind: direct, mixed or indirect.")]
Recipient = Annotated[str | None, Query(description="Actor id of an event's recipient.")]
Modality = Annotated[str | None, Query(description="Event modality: asserted, reported, future, ...")]
MainOnly = Annotated[
    bool, Query(description="Events: only each sentence's main events, not those another event governs.")
]


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(store_of)]


def _given(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v not in (None, "")}


def _call(method: Any, *args: Any, **kwargs: Any) -> Any:
    """Run a store read; a ValueError (a bad cursor, a bad filter value) becomes a 400."""
    try:
        return method(*args, **kwargs)
    except (ValueError, TypeError) as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc


@router.get("/articles", response_model=Page, summary="Articles, newest first")
def articles(store: StoreDep, filters: Filters, q: Text = None, kind: Kind = None, cursor: Cursor = None,
             before: Before = None, sort: TextSort = None, limit: Limit = 50) -> Any:  # fmt: skip
    """Articles (without their full text; ``lead`` is the first 280 characters) matching the filters."""
    return without_paths(
        _call(
            store.articles,
            cursor=cursor,
            before=before,
            sort=sort,
            limit=limit,
            **filters,
            **_given(q=q, kind=kind),
        )
    )


@router.get("/articles/{article_id:path}", summary="One article: the full record")
def article(
    store: StoreDep,
    article_id: Annotated[str, Path(description="The input id; URL-encode # and /.")],
    min_confidence: Annotated[
        float | None,
        Query(
            ge=0,
            le=1,
            description="Only the quotes and events of at least this confidence (0-1), "
            "cut as `dateline extract --min-confidence` cuts them.",
        ),
    ] = None,
) -> Any:
    """The whole record (schema dateline/5: text, entities, quotes, events, places, dates) plus ``store``:
    the actor id of each entity and the list ids of its quotes and events, and ``also_published``: the
    near-duplicates of it other outlets published (stored as links, not extracted again)."""
    found = store.article(article_id, min_confidence=min_confidence)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
    copies = [without_paths(copy) for copy in store.copies_of(article_id)]
    return {**without_paths(found), "also_published": copies}


@router.get("/actors", response_model=Page, summary="Actors across articles")
def actors(
    store: StoreDep,
    q: Annotated[str | None, Query(description="Part of the name.")] = None,
    type: Annotated[str | None, Query(description="Entity type: PERSON, ORG, GPE, ...")] = None,
    code: Annotated[str | None, Query(description="Country code (ISO alpha-3, IGO, NGO).")] = None,
    sector: Annotated[str | None, Query(description="Sector: GOV, MIL, ...")] = None,
    cursor: Cursor = None,
    before: Before = None,
    sort: Annotated[
        str | None,
        Query(
            description="A column, -column for descending: -articles (the default), articles, name, -name, "
            "-mentions, mentions, -quotes, quotes."
        ),
    ] = None,
    limit: Limit = 50,
) -> Any:
    """Actors (entities merged across articles on type + folded name), most widely reported first; each
    with example mentions (article id, span, sentence)."""
    return _call(store.actors, q=q, type=type, code=code, sector=sector, cursor=cursor, before=before, sort=sort,
                 limit=limit)  # fmt: skip


@router.get("/actors/{actor_id}", response_model=ActorDetail, summary="One actor")
def actor(store: StoreDep, actor_id: str, limit: Limit = 50) -> Any:
    """Quotes by and about the actor, events as actor and as recipient, titles, a timeline, the actors
    it shares events with (``partners``) and articles with (``co_mentioned``)."""
    found = _call(store.actor, actor_id, limit=limit)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no actor {actor_id!r}")
    return found


@router.get("/quotes", response_model=Page, summary="Quotes (attributions)")
def quotes(store: StoreDep, filters: Filters, q: Text = None, kind: Kind = None, cursor: Cursor = None,
           before: Before = None, sort: TextSort = None, limit: Limit = 50) -> Any:  # fmt: skip
    """Quotes with speaker, cue and content spans and the sentence around them (``context``)."""
    return _call(store.quotes, cursor=cursor, before=before, sort=sort, limit=limit, **filters,
                 **_given(q=q, kind=kind))  # fmt: skip


@router.get("/events", response_model=Page, summary="Events (PLOVER)")
def events(
    store: StoreDep,
    filters: Filters,
    type: Annotated[str | None, Query(description="PLOVER event type; the same as event_type.")] = None,
    recipient: Recipient = None,
    modality: Modality = None,
    main: MainOnly = False,
    cursor: Cursor = None,
    before: Before = None,
    sort: EventSort = None,
    limit: Limit = 50,
) -> Any:
    """Events with trigger span, actors and recipients (with their mentions in the sentence), place,
    date, and the sentence (``context``). ``date_from``/``date_to`` compare the event's own day when
    known, else the publication day."""
    given = _given(event_type=type, recipient=recipient, modality=modality, main=main or None)
    return _call(store.events, cursor=cursor, before=before, sort=sort, limit=limit, **{**filters, **given})


@router.get("/places", response_model=Page, summary="Places across articles")
def places(
    store: StoreDep,
    q: Annotated[str | None, Query(description="Part of the name.")] = None,
    country: Annotated[str | None, Query(description="ISO alpha-3.")] = None,
    cursor: Cursor = None,
    before: Before = None,
    sort: Annotated[
        str | None,
        Query(
            description="A column, -column for descending: -articles (the default), articles, name, -name, "
            "-mentions, mentions."
        ),
    ] = None,
    limit: Limit = 50,
) -> Any:
    """Places (one per gazetteer id), most reported first, with example mentions and sentences."""
    return _call(store.places, q=q, country=country, cursor=cursor, before=before, sort=sort, limit=limit)


@router.get("/places/{place_id}", summary="One place")
def place(store: StoreDep, place_id: str) -> Any:
    """A place as ``/api/places`` lists it; its events and quotes are ``/api/events?place=ID`` and
    ``/api/quotes?place=ID``."""
    found = store.place(place_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no place {place_id!r}")
    return found


@router.get("/map", summary="Places with their event and quote counts")
def place_counts(store: StoreDep, filters: Filters, recipient: Recipient = None, kind: Kind = None,
                 modality: Modality = None) -> list[dict[str, Any]]:  # fmt: skip
    """``[{id, name, country, lat, lon, events, types: {event type: n}, quotes}]``: every place with
    coordinates that has matching events at it or matching quotes naming it in their sentence, most
    first (what the desk's map draws)."""
    return _call(store.place_counts, **filters, **_given(recipient=recipient, kind=kind, modality=modality))  # type: ignore[no-any-return]


@router.get("/search", response_model=SearchPage, summary="Full-text search with facets")
def search(
    store: StoreDep,
    filters: Filters,
    q: Annotated[str, Query(min_length=1, description='Words to find; "a phrase"; word* prefix.')],
    kinds: Annotated[
        list[str], Query(description="What to search: quotes, articles (repeat the parameter).")
    ] = [  # noqa: B006
        "quotes",
        "articles",
    ],
    kind: Kind = None,
    facets: Annotated[
        bool, Query(description="Count facets (over the latest 2,000 matches of each kind).")
    ] = True,
    cursor: Cursor = None,
    before: Before = None,
    sort: TextSort = None,
    limit: Limit = 50,
) -> Any:
    """Quotes, then articles, matching ``q``, newest first (``sort``: oldest, relevance); each item
    says which it is (``item``). Facets count matches by speaker, actor, source type, outlet, event
    type and month, over the latest 2,000 matches of each kind (``facets_scope.complete`` is true
    when that was every match)."""
    unknown = set(kinds) - {"quotes", "articles"}
    if unknown:
        raise HTTPException(status_code=400, detail=f"unknown kinds: {', '.join(sorted(unknown))}")
    return _call(store.search, q, kinds=kinds, cursor=cursor, before=before, sort=sort, limit=limit, facets=facets,
                 **filters, **_given(kind=kind))  # fmt: skip


@router.get("/timeline", summary="Quotes and events per day")
def timeline(store: StoreDep, filters: Filters, q: Text = None, kind: Kind = None, recipient: Recipient = None,
             modality: Modality = None) -> list[dict[str, Any]]:  # fmt: skip
    """``[{day, kind: quote|event, type, count}]``: quotes per day by source type, events per day by
    PLOVER type, days with a known date only."""
    return _call(store.timeline, **filters, **_given(q=q, kind=kind, recipient=recipient, modality=modality))  # type: ignore[no-any-return]


@router.get("/network", summary="The actor network")
def network(store: StoreDep, filters: Filters, recipient: Recipient = None, modality: Modality = None) -> Any:
    """Nodes (actors with the number of events they are in) and directed edges actor -> recipient per
    event type, with the ids of the events behind each edge."""
    return _call(store.network, **filters, **_given(recipient=recipient, modality=modality))


@router.get("/errors", response_model=Page, summary="Documents that failed")
def errors(store: StoreDep, cursor: Cursor = None, before: Before = None, limit: Limit = 50) -> Any:
    """Failed documents (``failed`` true: not stored) and stored ones where one stage failed."""
    return without_paths(_call(store.errors, cursor=cursor, before=before, limit=limit))


EXPORT_FILES = {
    "quotes.csv": ("quotes", "csv"),
    "quotes.jsonl": ("quotes", "jsonl"),
    "events.csv": ("events", "csv"),
    "events.jsonl": ("events", "jsonl"),
    "events.plover.json": ("events", "plover"),
    "entities.csv": ("entities", "csv"),
    "entities.jsonl": ("entities", "jsonl"),
    "network.gexf": ("network", "gexf"),
}


@router.get(
    "/export/{filename}",
    summary="Exports: CSV, JSON Lines, PLOVER JSON, GEXF",
    responses={
        200: {
            "content": {
                "text/csv": {},
                "application/x-ndjson": {},
                "application/json": {},
                "application/gexf+xml": {},
            }
        }
    },  # fmt: skip
)
def export(
    store: StoreDep,
    filters: Filters,
    filename: Annotated[str, Path(description=", ".join(EXPORT_FILES))],
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description="Quotes: words to find (the search syntax); entities: part of the name.",
        ),
    ] = None,
    kind: Kind = None,
    recipient: Recipient = None,
    modality: Modality = None,
    main: MainOnly = False,
    type: Annotated[str | None, Query(description="events: PLOVER type, the same as event_type.")] = None,
    entity_type: Annotated[str | None, Query(description="entities only: PERSON, ORG, GPE, ...")] = None,
    code: Annotated[str | None, Query(description="entities only: country code.")] = None,
    sector: Annotated[str | None, Query(description="entities only: sector.")] = None,
    sort: Annotated[
        str | None,
        Query(
            description="The order of the rows, as the list takes it (quotes: newest, oldest, relevance; "
            "events: newest, oldest; entities: -articles, name, ...); not for the network."
        ),
    ] = None,
) -> Response:
    """The whole filtered set as a file (no paging): quotes, events or entities as CSV or JSON Lines,
    events as PLOVER-style JSON, the actor network as GEXF; the same rows the list with the same
    parameters shows. Entities take their own filters (``q``, ``entity_type``, ``code``, ``sector``);
    the others take the list filters, and quotes ``q`` too."""
    from dateline.export import export_bytes

    if filename not in EXPORT_FILES:
        raise HTTPException(
            status_code=404, detail=f"no export {filename!r}; try one of {', '.join(EXPORT_FILES)}"
        )
    what, fmt = EXPORT_FILES[filename]
    if q and what not in {"quotes", "entities"}:
        raise HTTPException(
            status_code=400, detail=f"q filters quotes and entities; {what} have no text to search"
        )
    if sort and what == "network":
        raise HTTPException(
            status_code=400, detail="sort orders quotes, events and entities; a network has no order"
        )
    if what == "entities":
        chosen = _given(q=q, type=entity_type, code=code, sector=sector, sort=sort)
    else:
        given = _given(
            q=q,
            kind=kind,
            recipient=recipient,
            modality=modality,
            event_type=type,
            main=main or None,
            sort=sort,
        )
        chosen = {**filters, **given}
    body, media_type = _call(export_bytes, store, what, fmt, **chosen)
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(content=body, media_type=media_type, headers=headers)


class IngestResult(BaseModel):
    added: int
    unchanged: int
    replaced: int
    failed: int
    failed_ids: list[str]


@write_router.post("/records", response_model=IngestResult, summary="Add records (only when not read-only)")
def add_records(
    store: StoreDep,
    records: Annotated[
        list[dict[str, Any]], Body(description="Records (schema dateline/5 or older) as a JSON list.")
    ],
) -> Any:
    """Store records written by ``dateline extract``; the same article twice is stored once."""
    try:
        parsed = [Record.from_dict(r) for r in records]
    except (KeyError, TypeError, ValueError) as exc:
        raise HTTPException(status_code=422, detail=f"not a dateline record: {exc}") from exc
    report = store.ingest(parsed)
    return json.loads(json.dumps(vars(report)))

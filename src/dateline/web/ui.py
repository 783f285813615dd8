"""The HTML pages: search with facets, article, actor, timeline, network, and the sentence lists.

Every page is rendered on the server from Jinja2 templates with autoescape on for every template, so
data is text unless a helper here built it as ``Markup`` from escaped pieces (highlighting, charts).
Every count and chart mark links to a list page (quotes, events, articles) filtered to the sentences
behind it; every sentence links to its place in the article (``/articles/ID?hl=START-END#anchor``).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from dateline.model import EVENT_TYPES
from dateline.store import Filters, Store
from dateline.store.filters import confidence_value, is_date
from dateline.store.paging import ACTOR_SORTS, EVENT_SORTS, PLACE_SORTS, TEXT_SORTS
from dateline.store.queries import UNRESOLVED
from dateline.web import forms, queries
from dateline.web.chart_views import TimelineLinks, network_view, show_all, thresholds, timeline_view
from dateline.web.chart_views import day_chart as _day_chart  # the actor page's chart
from dateline.web.charts import event_colours
from dateline.web.highlight import Mark, render
from dateline.web.maps import Spot, map_legend, spot_colour, view_around, world_map
from dateline.web.security import without_paths
from dateline.web.views import record_marks, side, voices

router = APIRouter(include_in_schema=False)

# Autoescape on for every template whatever its name: no page can forget it.
ENV = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
templates = Jinja2Templates(env=ENV)

FILTERS = ("actor", "recipient", "source_type", "event_type", "outlet", "country", "place", "date_from",
           "date_to", "kind", "modality", "min_confidence")  # fmt: skip
EVENT_ONLY_FILTERS = ("recipient", "modality")  # filters quotes and articles have no field for
QUOTE_ONLY_FILTERS = ("source_type", "kind")  # filters events have no field for
ACTOR_FILTERS = ("q", "type", "code", "sector")  # what the actors list takes
PAGE = 30
HOME_COUNTS = ("articles", "quotes", "events", "actors", "errors")  # the search page's cards, with no query
MAP_PLACES = 300  # the map draws (and its table lists) the places with most sentences


# ---- URLs --------------------------------------------------------------------------------------


def article_url(article_id: str, anchor: str | None = None, hl: tuple[int, int] | None = None) -> str:
    """The article page; ``hl`` outlines a span (the sentence followed) and ``anchor`` scrolls to it."""
    url = f"/articles/{quote(article_id, safe='')}"
    if hl is not None:
        url += f"?hl={hl[0]}-{hl[1]}"
    return url + (f"#{quote(anchor, safe='')}" if anchor else "")


def actor_url(actor_id: str) -> str:
    return f"/actors/{quote(actor_id, safe='')}"


def place_url(place_key: str, **filters: Any) -> str:
    """A place's page: its events and the quotes naming it, under the filters given."""
    return list_url(f"/places/{quote(place_key, safe='')}", **filters)


def web_url(url: str | None) -> str | None:
    """An article's own address, only when it is http(s): a ``javascript:`` URL is no link."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def list_url(path: str, **params: Any) -> str:
    given = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(given)}" if given else path


def day_url(path: str, day: str, **params: Any) -> str:
    return list_url(path, date_from=day, date_to=day, **params)


def with_params(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters changed (None removes one)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = str(value)
    return list_url(request.url.path, **params)


# ---- item helpers used by the templates ------------------------------------------------------


def sentence(item: dict[str, Any]) -> Markup:
    """The item's sentence (``context``) with the item's own spans highlighted."""
    context = item.get("context") or {}
    if not context:
        return Markup("")
    marks: list[Mark] = []
    for span in item.get("content") or []:
        marks.append(Mark(span["start"], span["end"], "quote"))
    for key, kind in (("speaker", "speaker"), ("cue", "cue"), ("trigger", "event")):
        span = item.get(key)
        if isinstance(span, dict) and "start" in span:
            marks.append(Mark(span["start"], span["end"], kind))
    for party in (item.get("actors") or []) + (item.get("recipients") or []):
        for span in party.get("mentions") or []:
            marks.append(Mark(span["start"], span["end"], "entity", party.get("name") or ""))
    if "start" in item and "context" in item and not marks:  # an actor's or a place's mention
        marks.append(Mark(item["start"], item["end"], item.get("mark", "entity")))
    return render(context["text"], marks, offset=context["start"])


def context_range(item: dict[str, Any]) -> tuple[int, int] | None:
    context = item.get("context")
    return (context["start"], context["end"]) if context else None


def speaker_of(item: dict[str, Any]) -> dict[str, Any]:
    speaker = item.get("speaker") or {}
    return {"name": speaker.get("name") or item.get("speaker_name") or "unknown speaker",
            "actor_id": speaker.get("actor")}  # fmt: skip


def article_line(item: dict[str, Any]) -> Markup:
    title = item.get("article_title") or item.get("article_id")
    bits = [f'<a href="{Markup.escape(article_url(item["article_id"]))}">{Markup.escape(title)}</a>']
    for key in ("outlet", "day"):
        if item.get(key):
            bits.append(str(Markup.escape(item[key])))
    return Markup(" · ".join(bits))


def _filters(request: Request) -> dict[str, str]:
    """The filters this page was asked for; a date that is no date is a 400 saying how to write it."""
    given = {k: v for k in FILTERS if (v := request.query_params.get(k, "").strip())}
    for key in ("date_from", "date_to"):
        if key in given and not is_date(given[key]):
            raise HTTPException(
                status_code=400,
                detail=f"{key} {given[key]!r}: write a real date as YYYY-MM-DD, YYYY-MM or YYYY",
            )
    if "min_confidence" in given:
        try:
            confidence_value(given["min_confidence"])
        except ValueError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from exc
    return given


def _page_context(request: Request, **extra: Any) -> dict[str, Any]:
    store: Store = request.app.state.store
    filters = _filters(request)
    labels = queries.actor_names(store, [filters.get("actor", ""), filters.get("recipient", "")])
    place = store.place(filters["place"]) if "place" in filters else None

    def label_of(key: str, value: str) -> str:
        if key in ("actor", "recipient"):
            return labels.get(value, value)
        return str(place["name"]) if key == "place" and place else value

    def remove(**changes: Any) -> str:
        return with_params(request, **changes, **dict.fromkeys(forms.PAGING))

    unknown = [(k, v) for k, v in filters.items() if k in ("actor", "recipient") and v not in labels]
    unknown += [("place", filters["place"])] if "place" in filters and place is None else []
    return {
        "request": request,
        "filters": filters,
        "chips": forms.chips(filters, label_of, remove),
        "unknown": unknown,
        "q": request.query_params.get("q", ""),
        "with_params": lambda **changes: with_params(request, **changes),
        **extra,
    }


def _tidy(request: Request) -> Response | None:
    """Where a submitted form should land: the same page without the fields left empty (a form sends
    them all) and with an actor's or a place's name turned into its id, so that every address of a
    view is its one short form; None when the address is that already."""
    store: Store = request.app.state.store
    given = [(k, v.strip()) for k, v in request.query_params.multi_items()]
    kept = []
    for key, value in given:
        if key in ("actor", "recipient") and value:
            value = store.find_actor(value) or value
        elif key == "place" and value:
            value = store.find_place(value) or value
        if value:
            kept.append((key, value))
    if kept == list(request.query_params.multi_items()):
        return None
    target = request.url.path + (f"?{urlencode(kept)}" if kept else "")
    return RedirectResponse(target, status_code=303)


def plural(n: int, word: str) -> str:
    return f"{forms.thousands(n)} {word}" if n == 1 else f"{forms.thousands(n)} {word}s"


# Helpers every template and macro may call: they need nothing from the request.
ENV.globals.update(
    plural=plural,
    article_url=article_url, actor_url=actor_url, place_url=place_url, list_url=list_url, day_url=day_url,
    sentence=sentence,
    context_range=context_range, speaker_of=speaker_of, article_line=article_line, web_url=web_url,
)  # fmt: skip


def _without(filters: dict[str, str], keys: tuple[str, ...]) -> dict[str, str]:
    return {k: v for k, v in filters.items() if k not in keys}


def _text_filters(request: Request) -> dict[str, str]:
    """The text query and the filters quotes and articles take: what their lists and exports apply."""
    q = request.query_params.get("q", "").strip()
    return {**({"q": q} if q else {}), **_without(_filters(request), EVENT_ONLY_FILTERS)}


def _sort(request: Request) -> str | None:
    """The order asked for; "relevance" only counts with words to rank (the form offers it only
    then, but a query cleared in the box would otherwise turn the page into an error)."""
    sort = request.query_params.get("sort") or None
    if sort == "relevance" and not request.query_params.get("q", "").strip():
        return None
    return sort


def _paging(request: Request) -> dict[str, Any]:
    """The cursor (next pages), before (previous pages) and order a list page was asked for."""
    params = request.query_params
    return {
        "cursor": params.get("cursor") or None,
        "before": params.get("before") or None,
        "sort": _sort(request),
    }


def _text_list(request: Request, fetch: Any) -> Any:
    """A page of quotes or articles: the text query, the paging and the filters that apply to them."""
    return _call(fetch, limit=PAGE, **_paging(request), **_text_filters(request))


def _with_sort(request: Request, filters: dict[str, str]) -> dict[str, str]:
    """Filters plus the page's order: what an export of the view takes, so that it keeps that order."""
    sort = _sort(request)
    return {**filters, "sort": sort} if sort else filters


QUOTE_FORM = ("q", "actor", "kind", "source_type", "country", "outlet", "place", "date_from", "date_to",
              "min_confidence")  # fmt: skip
EVENT_FORM = ("actor", "recipient", "event_type", "modality", "country", "outlet", "place", "date_from", "date_to",
              "min_confidence")  # fmt: skip
ACTOR_FORM = ("q", "type", "code", "sector")
PLACE_FORM = ("q", "country")


def _datalists(store: Store, names: tuple[str, ...]) -> dict[str, list[tuple[str, str]]]:
    """Suggestions for the name boxes: the most widely reported actors and places (from their indexes)."""
    lists: dict[str, list[tuple[str, str]]] = {}
    if {"actor", "recipient"} & set(names):
        lists["actor-names"] = [
            (name, " · ".join(filter(None, (typ, code)))) for name, typ, code in store.actor_names(60)
        ]
    if "place" in names:
        lists["place-names"] = [(name, country or "") for name, country in store.place_names(limit=60)]
    return lists


def _names_shown(store: Store, params: dict[str, str]) -> dict[str, str]:
    """The actor and place ids of the filters as their names, for the form's text boxes, where the
    name finds that same id again when the form is sent back (else the box keeps the id)."""
    shown: dict[str, str] = {}
    names = queries.actor_names(store, [params.get("actor", ""), params.get("recipient", "")])
    for key in ("actor", "recipient"):
        name = names.get(params.get(key, ""))
        if name and store.find_actor(name) == params[key]:
            shown[key] = name
    place = store.place(params["place"]) if params.get("place") else None
    if place and store.find_place(place["name"]) == params["place"]:
        shown["place"] = place["name"]
    return shown


def _listing(
    request: Request, page: str, names: tuple[str, ...], sorts: tuple[str, ...], result: dict[str, Any],
    total: int, total_text: str,
) -> dict[str, Any]:  # fmt: skip
    """What every list page shows around its rows: the filter form, how many rows match ("168
    quotes"), the pager."""
    store: Store = request.app.state.store
    params = {k: v for k, v in request.query_params.items() if v}
    shown = _names_shown(store, params)
    form = forms.filter_form(request.url.path, page, names, params, _datalists(store, names), sorts, shown)
    link = lambda **changes: with_params(request, **changes)  # noqa: E731
    return {"form": form, "total": total, "total_text": total_text,
            "pager": forms.pager(result, params, total, PAGE, link)}  # fmt: skip


def _call(method: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return method(*args, **kwargs)
    except (ValueError, TypeError) as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc


def _render(request: Request, name: str, **extra: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, _page_context(request, **extra))


# ---- pages ---------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    """Search across quotes and articles with facets; without a query, the latest quotes."""
    store: Store = request.app.state.store
    if (moved := _tidy(request)) is not None:
        return moved
    filters = _filters(request)
    q = request.query_params.get("q", "").strip()
    quote_filters = _without(filters, EVENT_ONLY_FILTERS)
    if q:
        result = _call(store.search, q, limit=PAGE, **_paging(request), **quote_filters)
        facets, scope = result["facets"], result.get("facets_scope") or {}
        found = store.search_totals(q, **quote_filters)
        total = found["quotes"] + found["articles"]
        total_text = f"{plural(found['quotes'], 'quote')} and {plural(found['articles'], 'article')}"
    else:
        result = _call(store.quotes, limit=PAGE, **_paging(request), **quote_filters)
        facets, scope = store.facets_with_scope(Filters.of(quote_filters), ("quotes",))
        total = store.count_quotes(**quote_filters)
        total_text = plural(total, "quote")
    listing = _listing(request, "search", QUOTE_FORM, TEXT_SORTS, result, total, total_text)
    return _render(
        request, "search.html", result=result, scope=scope,
        facet_groups=_facets(request, store, facets, "Quotes and articles" if q else "Quotes"),
        counts=store.counts(HOME_COUNTS) if not q and not filters else None,
        export=_with_sort(request, _text_filters(request)), listing=listing,
    )  # fmt: skip


FACET_TITLES = {"speaker": "Speaker", "source_type": "Source type", "outlet": "Outlet",
                "event_type": "{items} whose article reports", "month": "Month"}  # fmt: skip
# The event type facet counts the listed quotes and articles by the events their article reports
# (what its filter keeps), not the events themselves: its title and the note under it say so.
FACET_HINTS = {
    "event_type": "counts the {items_lower} listed, not events: each once for every type its article reports"
}


def _facets(
    request: Request, store: Store, facets: dict[str, list[list[Any]]], items: str = "Quotes"
) -> list[dict[str, Any]]:
    """Each facet value with its count and the link that adds (or, when on, removes) its filter;
    ``items``: what the counts count ("Quotes", or "Quotes and articles" for a search)."""
    groups = []
    for name, title in FACET_TITLES.items():
        if name == "speaker":
            entries = _speaker_entries(request, store, facets)
        else:
            entries = [
                _facet_entry(request, name, str(value), count) for value, count in facets.get(name, [])
            ]
        title = title.format(items=items)
        hint = FACET_HINTS.get(name)
        groups.append({
            "name": name, "title": title, "entries": entries,
            "hint": hint.format(items_lower=items.lower()) if hint else None,
        })  # fmt: skip
    return groups


def _speaker_entries(
    request: Request, store: Store, facets: dict[str, list[list[Any]]]
) -> list[dict[str, Any]]:
    """The speakers: each actor (the store's ``actor`` facet, by id) linked to the actor filter, and
    the speakers with no entity behind their words, which nothing can filter on, unlinked."""
    params = request.query_params
    names = queries.actor_names(store, [str(key) for key, _n in facets.get("actor", [])])
    entries = []
    for key, count in facets.get("actor", []):
        on = params.get("actor") == key
        href = with_params(request, actor=None if on else key, **dict.fromkeys(forms.PAGING))
        entries.append({"value": names.get(key, key), "count": count, "href": href, "on": on, "title": None})
    hint = "speakers the text names with no entity behind them (a pronoun, an unnamed source)"
    entries += [
        {"value": UNRESOLVED, "count": count, "href": None, "on": False, "title": hint}
        for value, count in facets.get("speaker", []) if value == UNRESOLVED
    ]  # fmt: skip
    return sorted(entries, key=lambda e: -int(e["count"]))


def _facet_entry(request: Request, name: str, value: str, count: int) -> dict[str, Any]:
    """A value of the source type, outlet, event type or month facet; a month sets both date bounds
    (one "month" chip), and is on when the bounds are that month however they were written."""
    params = request.query_params
    paging = dict.fromkeys(forms.PAGING)
    if name == "month":
        low, high = params.get("date_from", ""), params.get("date_to", "")
        on = bool(low and high) and forms.date_chip(low, high) == ("month", value)
        href = with_params(request, date_from=None if on else value, date_to=None if on else value, **paging)
    else:
        on = params.get(name) == value
        href = with_params(request, **{name: None if on else value}, **paging)
    return {"value": value, "count": count, "href": href, "on": on, "title": None}


@router.get("/articles", response_class=HTMLResponse)
def article_list(request: Request) -> HTMLResponse:
    store: Store = request.app.state.store
    ids = [i for i in request.query_params.get("ids", "").split(",") if i]
    if ids:
        result = {"items": store.articles_by_ids(ids), "next_cursor": None}
    else:
        result = _text_list(request, store.articles)
    return _render(request, "articles.html", result=result)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    """The text with every span highlighted, the voices panel, and the record's lists."""
    store: Store = request.app.state.store
    cut = _filters(request).get("min_confidence")  # checked there: a bad cut is a 400
    record = store.article(article_id, min_confidence=None if cut is None else float(cut))
    if record is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
    focus = _focus(request.query_params.get("hl"), len(record["text"]))
    stored = record.get("store", {})
    cut_form = forms.confidence_field(cut or "")
    cut_line = None
    if cut is not None:
        cut_line = (f"At min. confidence {cut}: {len(record['quotes'])} of {plural(len(stored.get('quotes', {})), 'quote')}"
                    f" and {len(record['events'])} of {plural(len(stored.get('events', {})), 'event')} shown.")  # fmt: skip
    actor_of = record.get("store", {}).get("actors", {})
    names = {e["id"]: e["name"] for e in record["entities"]}
    panel = voices(record)
    return _render(
        request, "article.html", record=record, text_html=render(record["text"], record_marks(record, focus)),
        voices=panel, side=side, actor_of=actor_of, names=names, focus=focus, place_map=_article_map(record),
        place_keys=record.get("store", {}).get("places", {}), copies=store.copies_of(article_id),
        cut=cut, cut_form=cut_form, cut_line=cut_line, hl=request.query_params.get("hl"),
    )  # fmt: skip


def _focus(value: str | None, length: int) -> tuple[int, int] | None:
    """``hl=START-END`` from a sentence link, when it makes sense for this text."""
    if not value:
        return None
    try:
        start, end = (int(x) for x in value.split("-", 1))
    except ValueError:
        return None
    return (start, end) if 0 <= start < end <= length else None


@router.get("/actors", response_class=HTMLResponse)
def actor_list(request: Request) -> Response:
    store: Store = request.app.state.store
    if (moved := _tidy(request)) is not None:
        return moved
    params = request.query_params
    chosen = {k: v for k in ACTOR_FILTERS if (v := params.get(k, "").strip())}
    result = _call(store.actors, limit=PAGE, **_paging(request), **chosen)
    # The export takes an actor's type as entity_type ("type" is the events' PLOVER type there).
    export = {("entity_type" if k == "type" else k): v for k, v in _with_sort(request, chosen).items()}
    total = store.count_actors(**chosen)
    listing = _listing(request, "actors", ACTOR_FORM, (), result, total, plural(total, "actor"))
    headers = _sort_headers(request, ACTOR_SORTS, {"name": "actor", "articles": "articles", "mentions": "mentions",
                                                   "quotes": "quotes"})  # fmt: skip
    return _render(request, "actors.html", result=result, export=export, listing=listing, headers=headers)


def _sort_headers(
    request: Request, sorts: tuple[str, ...], labels: dict[str, str]
) -> dict[str, dict[str, Any]]:
    """The sortable columns' headers of a table, each linked to its order."""
    current = request.query_params.get("sort", "")
    link = lambda **changes: with_params(request, **changes)  # noqa: E731
    return {
        column: forms.sort_header(column, label, current, sorts[0], link, numeric=column != "name")
        for column, label in labels.items()
    }


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str) -> Response:
    """Quotes by and about the actor, events both ways, titles, a timeline, who they deal with."""
    store: Store = request.app.state.store
    data = store.actor(actor_id, limit=20)
    if data is None:
        raise HTTPException(status_code=404, detail=f"no actor {actor_id!r}")
    if data["actor"]["id"] != actor_id:  # a shorter name that joined a fuller actor: show it at its own id
        return RedirectResponse(actor_url(data["actor"]["id"]), status_code=301)
    link = {
        "quoted": lambda day: day_url("/quotes", day, actor=actor_id),
        "as actor": lambda day: day_url("/events", day, actor=actor_id),
        "as recipient": lambda day: day_url("/events", day, recipient=actor_id),
    }
    chart = _day_chart(
        data["timeline"], lambda row: link[row["type"]](row["day"]),
        lambda day: day_url("/quotes", day, actor=actor_id), f"{data['actor']['name']}: quotes and events per {{unit}}",
    )  # fmt: skip
    rows = _call(store.place_counts, actor=actor_id)[:MAP_PLACES]
    place_map = _small_map(
        rows, {"actor": actor_id}, f"Places of {data['actor']['name']}'s events and quotes"
    )
    return _render(request, "actor.html", data=data, actor=data["actor"], chart=chart, place_map=place_map)


@router.get("/quotes", response_class=HTMLResponse)
def quote_list(request: Request) -> Response:
    store: Store = request.app.state.store
    if (moved := _tidy(request)) is not None:
        return moved
    result = _text_list(request, store.quotes)
    total = _call(store.count_quotes, **_text_filters(request))
    listing = _listing(request, "quotes", QUOTE_FORM, TEXT_SORTS, result, total, plural(total, "quote"))
    return _render(
        request,
        "quotes.html",
        result=result,
        export=_with_sort(request, _text_filters(request)),
        listing=listing,
    )


@router.get("/events", response_class=HTMLResponse)
def event_list(request: Request) -> Response:
    store: Store = request.app.state.store
    if (moved := _tidy(request)) is not None:
        return moved
    ids = [int(i) for i in request.query_params.get("ids", "").split(",") if i.strip().isdigit()]
    filters = _without(_filters(request), QUOTE_ONLY_FILTERS)
    if ids:
        result: dict[str, Any] = {"items": store.events_by_pk(ids), "next_cursor": None, "prev_cursor": None}
        total = len(result["items"])
    else:
        result = _call(store.events, limit=PAGE, **_paging(request), **filters)
        total = store.count_events(**filters)
    listing = _listing(request, "events", EVENT_FORM, EVENT_SORTS, result, total, plural(total, "event"))
    return _render(
        request, "events.html", result=result, ids=ids, export=_with_sort(request, filters), listing=listing
    )


@router.get("/places", response_class=HTMLResponse)
def place_list(request: Request) -> Response:
    store: Store = request.app.state.store
    if (moved := _tidy(request)) is not None:
        return moved
    params = request.query_params
    chosen = {k: v for k in ("q", "country") if (v := params.get(k, "").strip())}
    result = _call(store.places, limit=PAGE, **_paging(request), **chosen)
    ids = queries.place_article_ids(store, [p["id"] for p in result["items"]])
    total = store.count_places(**chosen)
    listing = _listing(request, "places", PLACE_FORM, (), result, total, plural(total, "place"))
    headers = _sort_headers(
        request, PLACE_SORTS, {"name": "place", "articles": "articles", "mentions": "mentions"}
    )
    return _render(request, "places.html", result=result, article_ids=ids, listing=listing, headers=headers)


@router.get("/places/{place_key}", response_class=HTMLResponse)
def place_page(request: Request, place_key: str) -> HTMLResponse:
    """One place: the events at it and the quotes whose sentence names it, under the page's filters."""
    store: Store = request.app.state.store
    place = store.place(place_key)
    if place is None:
        raise HTTPException(status_code=404, detail=f"no place {place_key!r}")
    filters = _without(_filters(request), ("place",))
    event_filters, quote_filters = (
        _without(filters, QUOTE_ONLY_FILTERS),
        _without(filters, EVENT_ONLY_FILTERS),
    )
    events = _call(store.events, place=place_key, limit=PAGE, **event_filters)
    quotes = _call(store.quotes, place=place_key, limit=PAGE, **quote_filters)
    counted = _call(store.place_counts, only=place_key, **filters)
    counts = counted[0] if counted else {**place, "events": 0, "quotes": 0, "types": {}}
    located = place["lat"] is not None and place["lon"] is not None
    place_map = _small_map([counts], filters, f"Where {place['name']} is") if located else None
    return _render(
        request, "place.html", place=place, events=events, quotes=quotes, place_map=place_map, counts=counts,
        event_filters=event_filters, quote_filters=quote_filters,
    )  # fmt: skip


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    """Places on a world map: a circle per place sized by its events and quotes, coloured by its most
    frequent event type, each linked to the place's sentences; a table lists the same places."""
    store: Store = request.app.state.store
    filters = _filters(request)
    rows = _call(store.place_counts, **filters)
    shown = rows[:MAP_PLACES]
    spots = _spots(shown, _without(filters, ("place",)))
    svg = world_map(spots, "Places of events and quotes", highlight=filters.get("country"))
    legend = map_legend(
        event_colours(t for r in shown for t in r["types"]), any(not r["types"] for r in shown)
    )
    return _render(
        request, "map.html", svg=svg, legend=legend, places=shown, spots={s.key: s for s in spots},
        total=len(rows), event_filters=_without(filters, QUOTE_ONLY_FILTERS),
        quote_filters=_without(filters, EVENT_ONLY_FILTERS), event_types=EVENT_TYPES,
    )  # fmt: skip


def _main_type(types: dict[str, int]) -> str | None:
    """A place's most frequent event type (a tie goes to the first by name); None without events."""
    return min(types, key=lambda t: (-types[t], t)) if types else None


def _counted_title(row: dict[str, Any]) -> str:
    """A circle's tooltip: "Oskel (VDR): 2 events (AID 1, CONSULT 1), 1 quote"."""
    types = ", ".join(f"{t} {n}" for t, n in sorted(row["types"].items(), key=lambda kv: (-kv[1], kv[0])))
    name = f"{row['name']} ({row['country']})" if row.get("country") else row["name"]
    return f"{name}: {plural(row['events'], 'event')}{f' ({types})' if types else ''}, {plural(row['quotes'], 'quote')}"


def _spots(rows: list[dict[str, Any]], filters: dict[str, str]) -> list[Spot]:
    """``place_counts`` rows as circles linked to each place's page under the same filters."""
    spots = []
    for row in rows:
        main = _main_type(row["types"])
        spots.append(
            Spot(row["id"], row["name"], row["lon"], row["lat"], row["events"] + row["quotes"], spot_colour(main),
                 place_url(row["id"], **filters), _counted_title(row), main or "")
        )  # fmt: skip
    return spots


def _small_map(rows: list[dict[str, Any]], filters: dict[str, str], title: str) -> Markup | None:
    """A map framing just these places (None without any): for the actor and place pages."""
    spots = _spots(rows, filters)
    return _framed(spots, title) if spots else None


def _framed(spots: list[Spot], title: str) -> Markup:
    return world_map(spots, title, view_around([(s.lon, s.lat) for s in spots]), css="map small")


def _article_map(record: dict[str, Any]) -> Markup | None:
    """The article's places with coordinates, sized by their mentions, coloured by the most frequent
    type of the events the article places there; each circle leads to the first mention in the text."""
    types: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for event in record.get("events", []):
        if event.get("place"):
            types[event["place"]][event["type"]] += 1
    spots = []
    for place in record.get("places", []):
        if place.get("lat") is None or place.get("lon") is None:
            continue
        here, mentions = dict(types[place["id"]]), len(place.get("mentions") or [])
        main = _main_type(here)
        detail = ", ".join(f"{t} {n}" for t, n in sorted(here.items()))
        title = f"{place['name']}: {plural(mentions, 'mention')}" + (f"; events {detail}" if detail else "")
        spots.append(Spot(place["id"], place["name"], place["lon"], place["lat"], mentions, spot_colour(main),
                          f"#p-{place['id']}-0", title, main or ""))  # fmt: skip
    return _framed(spots, "The article's places") if spots else None


@router.get("/errors", response_class=HTMLResponse)
def error_list(request: Request) -> HTMLResponse:
    store: Store = request.app.state.store
    params = request.query_params
    paging = {"cursor": params.get("cursor") or None, "before": params.get("before") or None}
    result = without_paths(_call(store.errors, limit=PAGE, **paging))
    return _render(request, "errors.html", result=result)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request) -> HTMLResponse:
    """Events per period by type and quotes per period by source type, each bar linked to its
    sentences and listed in a table below, over the dates asked for, every date (``all=1``) or else
    the dense range of them (``chart_views.timeline_view``)."""
    store: Store = request.app.state.store
    filters = _filters(request)
    rows = _call(store.timeline, **filters)
    shared = _without(filters, ("date_from", "date_to"))
    quote_shared, event_shared = _without(shared, EVENT_ONLY_FILTERS), _without(shared, QUOTE_ONLY_FILTERS)
    links = TimelineLinks(
        lambda day, typ: day_url("/events", day, **{**event_shared, "event_type": typ}),
        lambda day: day_url("/events", day, **event_shared),
        # No filter lists just the quotes of no known source type: their piece links nowhere rather
        # than to every quote of the day.
        lambda day, typ: None if typ == "unknown" else day_url("/quotes", day, **{**quote_shared, "source_type": typ}),
        lambda day: day_url("/quotes", day, **quote_shared),
        lambda low, high: with_params(request, date_from=low, date_to=high, all=None),
        with_params(request, date_from=None, date_to=None, all=1),
        with_params(request, date_from=None, date_to=None, all=None),
    )  # fmt: skip
    view = timeline_view(rows, filters, show_all(request.query_params), links)
    return _render(request, "timeline.html", **view)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    """Actors as nodes, events from actor to recipient as arrows, within the thresholds asked for
    (``min_events``, ``actors``); each arrow links to its events, each node to its actor, and a table
    lists the arrows drawn."""
    store: Store = request.app.state.store
    filters = _filters(request)
    limits = thresholds(request.query_params)
    data = _call(store.network, **filters)
    event_filters = _without(filters, (*QUOTE_ONLY_FILTERS, "actor", "recipient"))

    def edge_href(source: str, target: str, typ: str | None) -> str:
        typed = {"event_type": typ} if typ else {}
        return list_url("/events", **{"actor": source, "recipient": target, **event_filters, **typed})

    view = network_view(data, limits, actor_url, edge_href)
    return _render(request, "network.html", **view, event_filters=event_filters)

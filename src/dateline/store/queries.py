"""The read side of the Store: filtered lists with keyset cursors both ways, counts, search with
facets, the actor page, timeline and network. Every method returns JSON-ready dicts; every quote,
event, entity and place item carries the spans that support it and its sentence ``context``.

Ordering (``sort``; see ``paging``): lists run newest first by day, then by primary key (``day``
desc, ``pk`` desc), a full-text query (``q``) too; "oldest" turns that round, and "relevance" ranks
a text query's matches (SQLite FTS5 ``bm25``, PostgreSQL ``ts_rank``). Aggregates (actors, places)
run by count, then key, or by the column asked for. A cursor is the sort key of an item shown,
base64 JSON: pages stay stable while rows are added elsewhere.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Double,
    Engine,
    Integer,
    Select,
    Subquery,
    Text,
    and_,
    any_,
    cast,
    column,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    tuple_,
    union_all,
)
from sqlalchemy.engine import Connection, Row

from dateline.model import EVENT_TYPES, MODALITIES, QUOTE_KINDS, SOURCE_TYPES
from dateline.store.fts_walk import fts_candidates
from dateline.store.paging import (
    ACTOR_SORTS,
    EVENT_SORTS,
    TEXT_SORTS,
    Order,
    Walk,
    column_order,
    decode_cursor,
    encode_cursor,
    keyed,
    page_limit,
    page_rows,
    sort_value,
    walk_steps,
)
from dateline.store.schema import TABLES
from dateline.store.summaries import quote_places
from dateline.store.text import fold

T = TABLES
FACET_SIZE = 20
# The network keeps its heaviest edges: a graph of more cannot be drawn or read.
MAX_EDGES = 1_000
# Chunks of matches a text search by day reads in ingest order before it asks whether to walk the
# day index instead (see Reads._by_day).
BUDGET = 4
# Facets count at most this many of the latest matches of each kind (see Reads.facets_with_scope).
FACET_SCOPE = 2_000
FACETS = ("speaker", "actor", "source_type", "outlet", "event_type", "month")
# The speaker facet's value for a speaker the text gives with no entity behind it ("I", "it", "who").
UNRESOLVED = "unresolved"
SEARCH_KINDS = ("quotes", "articles")
# What a filter may be: a value outside these is a 400 that lists them, never a silent empty list.
CHOICES = {
    "kind": QUOTE_KINDS,
    "source_type": SOURCE_TYPES,
    "event_type": EVENT_TYPES,
    "modality": MODALITIES,
}
# A search's size: every word is an FTS5 term, and 2,000 prefix terms cost seconds of CPU.
MAX_QUERY_WORDS = 32
MAX_QUERY_CHARS = 500
_FTS_TOKEN = re.compile(r'"([^"]+)"|(\w+\*?)')
_FTS_WORD = re.compile(r"\w+")

_quotes_fts = table("quotes_fts", column("rowid", Integer), column("quotes_fts"))
_articles_fts = table("articles_fts", column("rowid", Integer), column("articles_fts"))


@dataclass
class Filters:
    """Every filter a list, the timeline or the network takes; None means "any"."""

    q: str | None = None
    actor: str | None = None  # actor key: the speaker of a quote, an actor of an event
    recipient: str | None = None  # actor key: a recipient of an event
    source_type: str | None = None
    outlet: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY, inclusive
    date_to: str | None = None
    country: str | None = None  # ISO alpha-3 of a place the article mentions
    # A place key ("g<geonameid>" or "n-<folded name>", the id ``places`` lists): events at that
    # place, quotes whose sentence names it, articles that mention it.
    place: str | None = None
    kind: str | None = None  # quote kind
    event_type: str | None = None
    modality: str | None = None
    main: bool | None = None  # events: only each sentence's main events (governed_by is null)
    # Quotes and events whose confidence is at least this (0-1); those with none (older records) go.
    min_confidence: float | None = None

    @classmethod
    def of(cls, values: dict[str, Any]) -> Filters:
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known - {"type"}
        if unknown:
            raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        data = {k: v for k, v in values.items() if k in known and v not in (None, "")}
        if values.get("type") not in (None, ""):
            data["event_type"] = values["type"]
        return cls(**data).checked()

    def checked(self) -> Filters:
        """The filters, or a ValueError (a 400 on the web) that says what a bad value should be."""
        for name, allowed in CHOICES.items():
            value = getattr(self, name)
            if value is not None and value not in allowed:
                raise ValueError(f"{name} {value!r}: one of {', '.join(allowed)}")
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and not is_date(str(value)):
                raise ValueError(f"{name} {value!r}: write a real date as YYYY-MM-DD, YYYY-MM or YYYY")
        if self.min_confidence is not None:
            self.min_confidence = confidence_value(self.min_confidence)
        if self.q is not None and (len(self.q) > MAX_QUERY_CHARS or len(self.q.split()) > MAX_QUERY_WORDS):
            raise ValueError(
                f"the search is too long: at most {MAX_QUERY_WORDS} words and {MAX_QUERY_CHARS} characters"
            )
        return self


def confidence_value(value: Any) -> float:
    """A confidence cut as a number from 0 to 1, or a ValueError that says so."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not 0.0 <= number <= 1.0:  # NaN fails too
        raise ValueError(f"min_confidence {value!r}: a number from 0 to 1, such as 0.7")
    return number


def is_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real day, month or year."""
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return False
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def fts5_query(q: str) -> str:
    """A user's words as an FTS5 query: every word (or "quoted phrase") must occur; word* is a prefix.

    Quoting each token keeps FTS5 operators and punctuation in user input from being syntax.
    """
    parts = []
    for phrase, word in _FTS_TOKEN.findall(q):
        if phrase:
            words = _FTS_WORD.findall(phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
        elif word:
            prefix = word.endswith("*")
            parts.append(f'"{word.rstrip("*")}"' + ("*" if prefix else ""))
    return " ".join(parts)


def _day_bound(value: str, upper: bool) -> str:
    """A full day for a date filter: 2025 -> 2025-01-01 (from) or 2025-12-31 (to); 2025-03 likewise."""
    value = value.strip()[:10]
    if len(value) == 4:
        return value + ("-12-31" if upper else "-01-01")
    if len(value) == 7:
        return value + ("-31" if upper else "-01")
    return value


def _span(start: Any, end: Any, text: Any) -> dict[str, Any] | None:
    if start is None:
        return None
    return {"start": start, "end": end, "text": text}


class Reads:
    """Read methods of the Store; the class using it provides ``engine`` and ``dialect``."""

    engine: Engine
    dialect: str

    # ---- full-text conditions ------------------------------------------------------------------

    def _quote_match(self, q: str) -> ColumnElement[bool]:
        if self.dialect == "postgresql":
            return literal_column("quotes.tsv").op("@@")(func.websearch_to_tsquery("english", q))
        match = select(_quotes_fts.c.rowid).where(_quotes_fts.c.quotes_fts.op("MATCH")(fts5_query(q)))
        return T.quotes.c.pk.in_(match)

    def _article_match(self, q: str) -> ColumnElement[bool]:
        if self.dialect == "postgresql":
            return literal_column("articles.tsv").op("@@")(func.websearch_to_tsquery("english", q))
        match = select(_articles_fts.c.rowid).where(_articles_fts.c.articles_fts.op("MATCH")(fts5_query(q)))
        return T.articles.c.pk.in_(match)

    @staticmethod
    def _blank_query(q: str | None) -> bool:
        return q is not None and not _FTS_WORD.search(q)

    # ---- filter conditions per table -----------------------------------------------------------

    def _members(self, key: str, conn: Connection | None = None) -> list[int]:
        """The rows of the actor ``key`` names (its own and every shorter name joining it), looked up
        first so that a filter on one row stays an equality its index walks in order. A joined key
        ("person-erdogan") names its canonical actor's rows too."""
        ac, named = T.actors, T.actors.alias("named")
        canon = (
            select(func.coalesce(named.c.canonical_pk, named.c.pk))
            .where(named.c.key == key)
            .scalar_subquery()
        )
        # coalesce(ac.canonical_pk, ac.pk) = canon, written so that the pk and canonical_pk indexes
        # answer it: a comparison of two coalesces scanned the whole actors table.
        query = (
            select(ac.c.pk)
            .where(or_(ac.c.canonical_pk == canon, and_(ac.c.pk == canon, ac.c.canonical_pk.is_(None))))
            .order_by(ac.c.pk)
        )
        if conn is not None:  # a caller holding a connection must not wait for a second one
            return [pk for (pk,) in conn.execute(query)]
        with self.engine.connect() as own:
            return [pk for (pk,) in own.execute(query)]

    def _of_actor(self, col: ColumnElement[Any], key: str) -> ColumnElement[bool]:
        """``col`` (an actor pk column) is one of the rows of the actor ``key``."""
        members = self._members(key)
        if len(members) == 1:
            return col == members[0]
        return col.in_(members)  # none: an empty IN, false

    @staticmethod
    def _dated(day: ColumnElement[str], f: Filters) -> list[ColumnElement[bool]]:
        where = []
        if f.date_from:
            where.append(day >= _day_bound(f.date_from, upper=False))
        if f.date_to:
            where += [day <= _day_bound(f.date_to, upper=True), day != ""]
        return where

    @staticmethod
    def _in_country(article_pk: ColumnElement[int], country: str) -> ColumnElement[bool]:
        p = T.places.alias("country_filter")
        return exists().where(p.c.article_pk == article_pk, p.c.country == country.upper())

    @staticmethod
    def _place_rows(key: str) -> Select[Any]:
        """The places rows of one place (one per article mentioning it), through its index."""
        return select(T.places.c.pk).where(T.places.c.key == key)

    def _names_place(self, qt: Any, key: str) -> ColumnElement[bool]:
        """The quote's sentence holds a mention of the place ``key``: its quote links (written at
        ingest, see ``summaries.quote_places``) say so."""
        ql = quote_places
        return qt.c.pk.in_(select(ql.c.quote_pk).where(ql.c.key == key))

    def _quote_where(self, f: Filters, match: bool = True) -> list[ColumnElement[bool]]:
        qt = T.quotes
        where: list[ColumnElement[bool]] = []
        if f.q and match:
            where.append(self._quote_match(f.q))
        if f.actor:
            where.append(self._of_actor(qt.c.actor_pk, f.actor))
        for name in ("source_type", "outlet", "kind"):
            value = getattr(f, name)
            if value:
                where.append(qt.c[name] == value)
        where += self._dated(qt.c.day, f)
        if f.country:
            where.append(self._in_country(qt.c.article_pk, f.country))
        if f.event_type:
            ev = T.events.alias("event_filter")
            where.append(exists().where(ev.c.article_pk == qt.c.article_pk, ev.c.type == f.event_type))
        if f.place:
            where.append(self._names_place(qt, f.place))
        if f.min_confidence is not None:
            where.append(qt.c.confidence >= f.min_confidence)
        return where

    def _event_where(self, f: Filters) -> list[ColumnElement[bool]]:
        ev, ea = T.events, T.event_actors.alias("role_filter")
        where: list[ColumnElement[bool]] = []
        if f.event_type:
            where.append(ev.c.type == f.event_type)
        for name in ("modality", "outlet"):
            value = getattr(f, name)
            if value:
                where.append(ev.c[name] == value)
        if f.main:
            where.append(ev.c.governed_by.is_(None))
        if f.min_confidence is not None:
            where.append(ev.c.confidence >= f.min_confidence)
        for role, key in (("actor", f.actor), ("recipient", f.recipient)):
            if key:
                # IN, not EXISTS: the actor's few events come from its index, instead of a walk
                # through every event by day testing each.
                where.append(
                    ev.c.pk.in_(
                        select(ea.c.event_pk).where(ea.c.role == role, self._of_actor(ea.c.actor_pk, key))
                    )
                )
        where += self._dated(ev.c.day, f)
        if f.country:
            where.append(self._in_country(ev.c.article_pk, f.country))
        if f.place:
            where.append(ev.c.place_pk.in_(self._place_rows(f.place)))
        if f.q:
            # The articles FTS condition names the articles table itself, so it cannot be aliased.
            where.append(
                ev.c.article_pk.in_(select(T.articles.c.pk).where(self._article_match(f.q)).correlate(None))
            )
        return where

    def _article_where(self, f: Filters, match: bool = True) -> list[ColumnElement[bool]]:
        a = T.articles
        where: list[ColumnElement[bool]] = []
        if f.q and match:
            where.append(self._article_match(f.q))
        if f.outlet:
            where.append(a.c.outlet == f.outlet)
        where += self._dated(a.c.day, f)
        if f.country:
            where.append(self._in_country(a.c.pk, f.country))
        if f.place:
            where.append(a.c.pk.in_(select(T.places.c.article_pk).where(T.places.c.key == f.place)))
        if f.actor:
            e = T.entities.alias("entity_filter")
            where.append(exists().where(e.c.article_pk == a.c.pk, self._of_actor(e.c.actor_pk, f.actor)))
        quote_only = {k: getattr(f, k) for k in ("source_type", "kind") if getattr(f, k)}
        if quote_only:
            qt = T.quotes.alias("quote_filter")
            where.append(
                exists().where(qt.c.article_pk == a.c.pk, *[qt.c[k] == v for k, v in quote_only.items()])
            )
        if f.event_type:
            ev = T.events.alias("event_filter")
            where.append(exists().where(ev.c.article_pk == a.c.pk, ev.c.type == f.event_type))
        return where

    # ---- quotes --------------------------------------------------------------------------------

    def _quote_select(self) -> Select[Any]:
        qt, a, ac, canon = T.quotes, T.articles, T.actors, T.actors.alias("canon")
        context = func.substr(a.c.text, qt.c.context_start + 1, qt.c.context_end - qt.c.context_start)
        return select(
            qt, a.c.title.label("article_title"), a.c.published, canon.c.key.label("actor_key"),
            canon.c.name.label("actor_name"), ac.c.generic.label("actor_generic"), context.label("context_text"),
        ).select_from(
            qt.join(a, a.c.pk == qt.c.article_pk).outerjoin(ac, ac.c.pk == qt.c.actor_pk)
            .outerjoin(canon, canon.c.pk == func.coalesce(ac.c.canonical_pk, ac.c.pk))
        )  # fmt: skip

    def _matched(
        self, query: Select[Any], f: Filters, kind: str, sort: str = "newest"
    ) -> tuple[Select[Any], Order]:
        """``query`` over quotes or articles narrowed by ``f``, and the order its pages follow.

        With ``q`` on SQLite the FTS5 table is joined (its ``bm25`` ranks the matches for "relevance").
        "newest" and "oldest" run by day, whether or not there is a query ("latest", the facets' own
        order, by ingest: what FTS5 and the primary key give without a sort).
        """
        table, fts = (T.quotes, _quotes_fts) if kind == "quotes" else (T.articles, _articles_fts)
        where = self._quote_where if kind == "quotes" else self._article_where
        if f.q and self.dialect == "sqlite":
            query = query.join(fts, fts.c.rowid == table.c.pk).where(
                self._fts_match(kind, f.q), *where(f, match=False)
            )
        else:
            query = query.where(*where(f))
        if sort == "relevance" and f.q:
            # Best first: bm25 is lower for a better match, ts_rank higher; ties go to the latest row.
            rank = self._rank(kind, f.q)
            return query, [(rank, self.dialect == "postgresql"), (table.c.pk, True)]
        if sort == "latest" and f.q:
            return query, [(fts.c.rowid if self.dialect == "sqlite" else table.c.pk, True)]
        desc = sort != "oldest"
        return query, [(table.c.day, desc), (table.c.pk, desc)]

    @staticmethod
    def _fts_match(kind: str, q: str) -> ColumnElement[bool]:
        fts = _quotes_fts if kind == "quotes" else _articles_fts
        return fts.c[fts.name].op("MATCH")(fts5_query(q))

    def _by_day(
        self, conn: Connection, columns: Select[Any], f: Filters, kind: str, sort: str, walk: Walk, limit: int
    ) -> tuple[Select[Any], Order]:
        """A text search's page by day on SQLite, without sorting every match by day.

        ``fts_walk`` reads the matches in ingest order from the page's key: when articles came in about
        the order they were published, the next few matches are the page. When a few chunks have not
        settled it (a store filled out of order) and the words are common, the day index is walked
        instead, asking FTS5 about each row: a few hundred rows, however many match. Otherwise the walk
        reads on, through every match at worst (fewer than ``_common``).
        """
        table, fts = (T.quotes, _quotes_fts) if kind == "quotes" else (T.articles, _articles_fts)
        where = self._quote_where if kind == "quotes" else self._article_where
        desc = sort != "oldest"
        order = [(table.c.day, desc), (table.c.pk, desc)]
        steps, bound, key = walk_steps(order, walk)
        match = self._fts_match(kind, str(f.q))
        conditions = [*where(f, match=False), *([bound] if bound is not None else [])]
        want = page_limit(limit) + 1
        pks = fts_candidates(conn, fts, table, match, conditions, steps[0][1], key, want, self._among, BUDGET)
        if pks is None and self._is_common(conn, kind, match, want, str(f.q)):
            probe = exists().where(fts.c.rowid == table.c.pk, match)
            return columns.where(*where(f, match=False), probe), order
        if pks is None:
            pks = (
                fts_candidates(conn, fts, table, match, conditions, steps[0][1], key, want, self._among) or []
            )
        return columns.where(self._among(table.c.pk, pks)), order

    def _is_common(self, conn: Connection, kind: str, match: ColumnElement[bool], want: int, q: str) -> bool:
        """Whether words match so many rows that walking the day index and asking FTS5 about each row
        (about 30 µs a row, ``want`` over the share of rows matching) costs less than sorting every
        match (about 1 µs a match). Plain words only: FTS5 answers about one row slowly for a prefix
        (many words) or a phrase."""
        if re.search(r'[*"]', q):
            return False
        table, fts = (T.quotes, _quotes_fts) if kind == "quotes" else (T.articles, _articles_fts)
        rows = conn.execute(select(func.max(table.c.pk))).scalar() or 0
        common = max(1_000, int(math.sqrt(30 * want * rows)))
        counted = select(func.count()).select_from(select(fts.c.rowid).where(match).limit(common).subquery())
        return int(conn.execute(counted).scalar_one()) >= common

    def _rank(self, kind: str, q: str) -> ColumnElement[float]:
        """How well each match of ``q`` fits: SQLite's BM25 over the FTS5 table (article titles weigh
        twice their text), PostgreSQL's ts_rank over the tsvector, divided by 1 + log(length) as BM25
        also discounts long texts. As a double, so that a cursor holding it compares exactly."""
        if self.dialect == "postgresql":
            query = func.websearch_to_tsquery("english", q)
            rank = func.ts_rank(literal_column(f"{kind}.tsv"), query, 1)
            return cast(rank, Double)
        if kind == "quotes":
            return func.bm25(literal_column(_quotes_fts.name), type_=Double)
        return func.bm25(literal_column(_articles_fts.name), 2.0, 1.0, type_=Double)

    def _walk_text(self, kind: str, f: Filters, sort: str | None, walk: Walk, limit: int) -> dict[str, Any]:
        """A page of quotes or articles: ``store.quotes`` and ``store.articles``, and the search's steps."""
        order_by = sort_value(sort, TEXT_SORTS, f.q)
        if self._blank_query(f.q):
            return {"items": [], "next_cursor": None, "prev_cursor": None}
        columns = self._quote_select() if kind == "quotes" else self._article_columns()
        with self.engine.connect() as conn:
            if f.q and self.dialect == "sqlite" and order_by != "relevance":
                matched, order = self._by_day(conn, columns, f, kind, order_by, walk, limit)
            else:
                matched, order = self._matched(columns, f, kind, order_by)
            rows, next_cursor, prev_cursor = page_rows(conn, keyed(matched, order), order, walk, limit)
        item = quote_item if kind == "quotes" else article_item
        return {"items": [item(r) for r in rows], "next_cursor": next_cursor, "prev_cursor": prev_cursor}

    def quotes(
        self,
        cursor: str | None = None,
        limit: int = 50,
        sort: str | None = None,
        before: str | None = None,
        **filters: Any,
    ) -> dict[str, Any]:
        """Quotes matching ``filters`` (see ``Filters``); ``q`` searches their content. ``sort``: newest
        (the default), oldest, or relevance (with ``q``). ``before``: the page before that cursor."""
        return self._walk_text("quotes", Filters.of(filters), sort, Walk(cursor, before), limit)

    def count_quotes(self, **filters: Any) -> int:
        """How many quotes ``quotes`` lists under the same filters: one COUNT with its WHERE."""
        return self._count_text("quotes", Filters.of(filters))

    def _count_text(self, kind: str, f: Filters) -> int:
        if self._blank_query(f.q):
            return 0
        table = T.quotes if kind == "quotes" else T.articles
        if self.dialect == "sqlite" and f.q and Filters(q=f.q) == f:
            # Words alone: FTS5 counts its own matches, without reading a row of the table.
            fts = _quotes_fts if kind == "quotes" else _articles_fts
            query = select(func.count()).select_from(fts).where(self._fts_match(kind, f.q))
        else:
            query = self._matched(select(func.count()).select_from(table), f, kind)[0]
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def quotes_by_pk(self, pks: Sequence[int]) -> list[dict[str, Any]]:
        if not pks:
            return []
        with self.engine.connect() as conn:
            rows = conn.execute(self._quote_select().where(T.quotes.c.pk.in_(list(pks))))
            by_pk = {r.pk: quote_item(r) for r in rows}
        return [by_pk[pk] for pk in pks if pk in by_pk]

    # ---- events --------------------------------------------------------------------------------

    def _event_select(self) -> Select[Any]:
        ev, a, p = T.events, T.articles, T.places
        context = func.substr(a.c.text, ev.c.context_start + 1, ev.c.context_end - ev.c.context_start)
        return select(
            ev, a.c.title.label("article_title"), a.c.published, context.label("context_text"),
            p.c.local_id.label("place_id"), p.c.name.label("place_name"), p.c.country.label("place_country"),
            p.c.lat.label("place_lat"), p.c.lon.label("place_lon"),
        ).select_from(ev.join(a, a.c.pk == ev.c.article_pk).outerjoin(p, p.c.pk == ev.c.place_pk))  # fmt: skip

    def events(
        self,
        cursor: str | None = None,
        limit: int = 50,
        sort: str | None = None,
        before: str | None = None,
        **filters: Any,
    ) -> dict[str, Any]:
        """Events matching ``filters`` (``type``, ``actor``, ``recipient``, ``modality``, ...); ``sort``:
        newest (the default) or oldest, by the event's day. ``before``: the page before that cursor."""
        f = Filters.of(filters)
        walk = Walk(cursor, before)
        ev = T.events
        desc = sort_value(sort, EVENT_SORTS) == "newest"
        order = [(ev.c.day, desc), (ev.c.pk, desc)]
        query = keyed(self._event_select().where(*self._event_where(f)), order)
        with self.engine.connect() as conn:
            rows, next_cursor, prev_cursor = page_rows(conn, query, order, walk, limit)
            items = self._event_items(conn, rows)
        return {"items": items, "next_cursor": next_cursor, "prev_cursor": prev_cursor}

    def count_events(self, **filters: Any) -> int:
        """How many events ``events`` lists under the same filters: one COUNT with its WHERE."""
        f = Filters.of(filters)
        query = select(func.count()).select_from(T.events).where(*self._event_where(f))
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def events_by_pk(self, pks: Sequence[int]) -> list[dict[str, Any]]:
        """Event items for these list ids (a network edge's or a partner's ``event_ids``), newest first."""
        if not pks:
            return []
        ev = T.events
        query = self._event_select().where(ev.c.pk.in_(list(pks))).order_by(ev.c.day.desc(), ev.c.pk.desc())
        with self.engine.connect() as conn:
            return self._event_items(conn, list(conn.execute(query)))

    def _event_items(self, conn: Connection, rows: list[Row[Any]]) -> list[dict[str, Any]]:
        if not rows:
            return []
        ea, ac, e, m = T.event_actors, T.actors, T.entities, T.mentions
        canon = T.actors.alias("canon")
        pks = [r.pk for r in rows]
        people = conn.execute(
            select(
                ea.c.event_pk,
                ea.c.role,
                ea.c.position,
                ea.c.entity_local_id,
                canon.c.key,
                canon.c.name,
                ac.c.generic,
            )
            .select_from(
                ea.outerjoin(ac, ac.c.pk == ea.c.actor_pk).outerjoin(
                    canon, canon.c.pk == func.coalesce(ac.c.canonical_pk, ac.c.pk)
                )
            )
            .where(ea.c.event_pk.in_(pks))
            .order_by(ea.c.event_pk, ea.c.role, ea.c.position)
        ).all()
        article_of = {r.pk: r for r in rows}
        # Only the mentions of the entities these events name, each in its own article: an article
        # holds hundreds of others, and a local id ("e3") names another entity in every article.
        named = sorted(
            {
                (article_of[p.event_pk].article_pk, p.entity_local_id)
                for p in people
                if p.entity_local_id is not None
            }
        )
        spans: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
        for mention in conn.execute(
            select(m.c.article_pk, e.c.local_id, m.c.start, m.c.end, m.c.text)
            .select_from(m.join(e, e.c.pk == m.c.entity_pk))
            .where(
                m.c.article_pk.in_(sorted({a for a, _ in named})),  # the index to the few articles
                tuple_(e.c.article_pk, e.c.local_id).in_(named),
            )
            .order_by(m.c.start)
        ):
            spans[(mention.article_pk, mention.local_id)].append(
                {"start": mention.start, "end": mention.end, "text": mention.text}
            )
        by_event: dict[int, dict[str, list[dict[str, Any]]]] = defaultdict(
            lambda: {"actor": [], "recipient": []}
        )
        for person in people:
            row = article_of[person.event_pk]
            inside = [
                s
                for s in spans.get((row.article_pk, person.entity_local_id), [])
                if row.context_start <= s["start"] and s["end"] <= row.context_end
            ]
            by_event[person.event_pk][person.role].append(
                {
                    "entity": person.entity_local_id,
                    "actor": None if person.generic else person.key,  # a generic group is no actor
                    "name": person.name,
                    "generic": bool(person.generic),
                    "mentions": inside,
                }
            )
        return [event_item(r, by_event[r.pk]["actor"], by_event[r.pk]["recipient"]) for r in rows]

    # ---- articles ------------------------------------------------------------------------------

    @staticmethod
    def _article_columns() -> Select[Any]:
        """An article list item's columns: everything but the text, of which the lead (280 characters)."""
        a = T.articles
        return select(
            a.c.pk, a.c.id, a.c.title, a.c.published, a.c.day, a.c.outlet, a.c.url, a.c.source,
            a.c.n_quotes, a.c.n_events, a.c.n_entities, func.substr(a.c.text, 1, 280).label("lead"),
        )  # fmt: skip

    def articles(
        self,
        cursor: str | None = None,
        limit: int = 50,
        sort: str | None = None,
        before: str | None = None,
        **filters: Any,
    ) -> dict[str, Any]:
        """Articles matching ``filters`` (``q`` searches title and text), without full text; ``sort`` and
        ``before`` as for ``quotes``."""
        return self._walk_text("articles", Filters.of(filters), sort, Walk(cursor, before), limit)

    def articles_by_ids(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """Article list items for these input ids, newest first (unknown ids left out)."""
        if not ids:
            return []
        a = T.articles
        query = self._article_columns().where(a.c.id.in_(list(ids))).order_by(a.c.day.desc(), a.c.pk.desc())
        with self.engine.connect() as conn:
            return [article_item(r) for r in conn.execute(query)]

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The full record (Record.to_dict()) plus "store": pk, hash, ingest time, and the store ids
        of its entities (actor keys), quotes, events and places (place keys), for links."""
        a, e, ac, qt, ev = T.articles, T.entities, T.actors, T.quotes, T.events
        with self.engine.connect() as conn:
            row = conn.execute(select(a).where(a.c.id == article_id)).first()
            if row is None:
                return None
            canon = T.actors.alias("canon")
            actor_keys = {
                r.local_id: None if r.generic else r.key
                for r in conn.execute(
                    select(e.c.local_id, e.c.generic, canon.c.key)
                    .join(ac, ac.c.pk == e.c.actor_pk)
                    .join(canon, canon.c.pk == func.coalesce(ac.c.canonical_pk, ac.c.pk))
                    .where(e.c.article_pk == row.pk)
                )
            }
            quote_pks = {
                r.local_id: r.pk
                for r in conn.execute(select(qt.c.local_id, qt.c.pk).where(qt.c.article_pk == row.pk))
            }
            event_pks = {
                r.local_id: r.pk
                for r in conn.execute(select(ev.c.local_id, ev.c.pk).where(ev.c.article_pk == row.pk))
            }
            place_keys = {
                r.local_id: r.key
                for r in conn.execute(
                    select(T.places.c.local_id, T.places.c.key).where(T.places.c.article_pk == row.pk)
                )
            }
        record = json.loads(row.record)
        record["text"] = row.text
        ordered = {
            k: record[k] for k in ("schema", "id", "source", "title", "published", "outlet", "url", "text")
        }
        ordered.update(record)
        ordered["store"] = {
            "pk": row.pk,
            "content_hash": row.content_hash,
            "ingested_at": row.ingested_at,
            "day": row.day or None,
            "actors": actor_keys,
            "quotes": quote_pks,
            "events": event_pks,
            "places": place_keys,
        }
        return ordered

    # ---- actors --------------------------------------------------------------------------------

    def _actor_query(
        self, q: str | None, type: str | None, code: str | None, sector: str | None
    ) -> Select[Any]:
        """The listed actors (canonical, not generic) matching the actors list's filters."""
        ac = T.actors
        query = select(ac).where(ac.c.articles > 0, ac.c.generic == 0)
        if q:
            named = T.actors.alias("named")
            folded = fold(q)
            said = func.lower(named.c.aliases).contains(q.lower(), autoescape=True)
            hit = or_(named.c.folded.contains(folded, autoescape=True), said) if folded else said
            query = query.where(
                ac.c.pk.in_(select(func.coalesce(named.c.canonical_pk, named.c.pk)).where(hit))
            )
        for name, value in (("type", type), ("code", code), ("sector", sector)):
            if value:
                query = query.where(ac.c[name] == value)
        return query

    def actors(
        self,
        q: str | None = None,
        type: str | None = None,
        code: str | None = None,
        sector: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
        sort: str | None = None,
        before: str | None = None,
    ) -> dict[str, Any]:
        """Actors across articles, most widely reported first, with example mentions and aliases.

        One item per canonical actor (see ``core.refresh_actors``); generic groups are none. ``q`` finds
        an actor by any of its names, accents and punctuation folded ("Erdogan" = "Erdoğan", "America"
        finds the United States): it reads the names (a scan of the actors table, not of entities).
        ``sort``: a column of ``ACTOR_SORTS`` ("-articles", the default; "name", "-quotes", ...).
        """
        walk = Walk(cursor, before)
        ac = T.actors
        columns = {
            "articles": ac.c.articles,
            "name": ac.c.name,
            "mentions": ac.c.mentions,
            "quotes": ac.c.quotes,
        }
        order = column_order(sort_value(sort, ACTOR_SORTS), columns, ac.c.key)
        paged = keyed(self._actor_query(q, type, code, sector), order)
        with self.engine.connect() as conn:
            rows, next_cursor, prev_cursor = page_rows(conn, paged, order, walk, limit)
            examples = self._mention_examples(conn, [r.pk for r in rows], per_actor=3)
        items = [actor_item(r, examples.get(r.pk, [])) for r in rows]
        return {"items": items, "next_cursor": next_cursor, "prev_cursor": prev_cursor}

    def actor_names(self, limit: int = 60) -> list[tuple[str, str, str | None]]:
        """(name, type, code) of the first ``limit`` actors ``actors`` lists: the actor box's
        suggestions, without the example mentions a list item carries."""
        ac = T.actors
        query = (
            self._actor_query(None, None, None, None).order_by(ac.c.articles.desc(), ac.c.key).limit(limit)
        )
        with self.engine.connect() as conn:
            return [(r.name, r.type, r.code) for r in conn.execute(query)]

    def count_actors(
        self,
        q: str | None = None,
        type: str | None = None,
        code: str | None = None,
        sector: str | None = None,
    ) -> int:
        """How many actors ``actors`` lists under the same filters."""
        query = select(func.count()).select_from(self._actor_query(q, type, code, sector).subquery())
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def find_actor(self, text: str) -> str | None:
        """The actor id a person means by ``text``: an actor id stays as it is; else the actor of that
        name (case and accents folded; a shorter name gives the actor it joined), the most widely
        reported when several share it; else the most widely reported actor one of whose names holds
        it ("Marrow", "America"). None when no actor fits."""
        text = text.strip()
        if not text:
            return None
        ac, named = T.actors, T.actors.alias("named")
        exact = (
            select(ac.c.key)
            .join(named, func.coalesce(named.c.canonical_pk, named.c.pk) == ac.c.pk)
            .where(named.c.folded == fold(text), ac.c.articles > 0, ac.c.generic == 0)
            .order_by(ac.c.articles.desc(), ac.c.key)
            .limit(1)
        )
        with self.engine.connect() as conn:
            if conn.execute(select(ac.c.key).where(ac.c.key == text)).first() is not None:
                return text
            found = conn.execute(exact).scalar() if fold(text) else None
        if found is None:
            first = self.actors(q=text, limit=1)["items"]
            found = first[0]["id"] if first else None
        return found

    def _mention_examples(
        self, conn: Connection, actor_pks: list[int], per_actor: int
    ) -> dict[int, list[dict[str, Any]]]:
        """The first mentions of each actor, with article id and sentence: an actor's supporting spans."""
        if not actor_pks:
            return {}
        m, a, ac = T.mentions, T.articles, T.actors
        canonical_of = {
            pk: canonical
            for pk, canonical in conn.execute(
                select(ac.c.pk, func.coalesce(ac.c.canonical_pk, ac.c.pk)).where(
                    or_(ac.c.canonical_pk.in_(actor_pks), ac.c.pk.in_(actor_pks))
                )
            )
            if canonical in actor_pks
        }
        # Each row's first mentions from its index, as a UNION of small ordered queries: a
        # window over every mention of widely reported actors costs far more.
        firsts = [
            select(m.c.pk).where(m.c.actor_pk == pk).order_by(m.c.pk).limit(per_actor).subquery().select()
            for pk in sorted(canonical_of)
        ]
        picked = union_all(*firsts).subquery("picked")
        context = func.substr(a.c.text, m.c.context_start + 1, m.c.context_end - m.c.context_start)
        query = (
            select(m, a.c.id.label("article_id"), context.label("context_text"))
            .join(a, a.c.pk == m.c.article_pk)
            .where(m.c.pk.in_(select(picked.c.pk)))
            .order_by(m.c.actor_pk, m.c.pk)
        )
        found: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for r in conn.execute(query.order_by(None).order_by(m.c.pk)):
            if len(found[canonical_of[r.actor_pk]]) >= per_actor:
                continue
            found[canonical_of[r.actor_pk]].append(
                {
                    "article_id": r.article_id,
                    "start": r.start,
                    "end": r.end,
                    "text": r.text,
                    "context": {"start": r.context_start, "end": r.context_end, "text": r.context_text},
                }
            )
        return found

    def actor(self, actor_id: str, limit: int = 50) -> dict[str, Any] | None:
        """Everything about one actor: quotes by and about, events both ways, titles, timeline, partners.

        A shorter name's key ("person-erdogan") that joined a fuller actor answers with that actor
        (its ``actor.id`` says which); a generic group's key answers None, like an unknown one.
        """
        ac, e, qs, ea = T.actors, T.entities, T.quote_subjects, T.event_actors
        named = T.actors.alias("named")
        with self.engine.connect() as conn:
            row = conn.execute(
                select(ac)
                .join(named, func.coalesce(named.c.canonical_pk, named.c.pk) == ac.c.pk)
                .where(named.c.key == actor_id, ac.c.articles > 0, ac.c.generic == 0)
            ).first()
            if row is None:
                return None
            key = row.key
            members = self._members(key, conn)
            titles: Counter[str] = Counter()
            for (raw,) in conn.execute(select(e.c.titles).where(e.c.actor_pk.in_(members))):
                titles.update(json.loads(raw))
            about = select(qs.c.quote_pk).where(qs.c.actor_pk.in_(members)).distinct()
            about_pks = [pk for (pk,) in conn.execute(about.order_by(qs.c.quote_pk.desc()).limit(limit))]
            about_total = conn.execute(select(func.count()).select_from(about.subquery())).scalar_one()
            role_totals: dict[str, int] = {
                role: n
                for role, n in conn.execute(
                    select(ea.c.role, func.count(func.distinct(ea.c.event_pk)))
                    .where(ea.c.actor_pk.in_(members))
                    .group_by(ea.c.role)
                )
            }
            examples = self._mention_examples(conn, [row.pk], per_actor=10).get(row.pk, [])
            partners = self._partners(conn, members)
            co_mentioned = self._co_mentioned(conn, members)
        quotes_by = self.quotes(actor=key, limit=limit)
        return {
            "actor": actor_item(row, examples),
            "titles": [[t, n] for t, n in sorted(titles.items(), key=lambda kv: (-kv[1], kv[0]))],
            "quotes_by": {**quotes_by, "total": row.quotes},
            "quotes_about": {"items": self.quotes_by_pk(about_pks), "total": about_total},
            "events_as_actor": {
                **self.events(actor=key, limit=limit),
                "total": role_totals.get("actor", 0),
            },
            "events_as_recipient": {
                **self.events(recipient=key, limit=limit),
                "total": role_totals.get("recipient", 0),
            },
            "timeline": self._actor_timeline(members),
            "partners": partners,
            "co_mentioned": co_mentioned,
        }

    def _actor_timeline(self, members: list[int]) -> list[dict[str, Any]]:
        qt, ev, ea = T.quotes, T.events, T.event_actors
        with self.engine.connect() as conn:
            said = conn.execute(
                select(qt.c.day, func.count())
                .where(qt.c.actor_pk.in_(members), qt.c.day != "")
                .group_by(qt.c.day)
            ).all()
            acted = conn.execute(
                select(ev.c.day, ea.c.role, func.count(func.distinct(ev.c.pk)))
                .join(ea, ea.c.event_pk == ev.c.pk)
                .where(ea.c.actor_pk.in_(members), ev.c.day != "")
                .group_by(ev.c.day, ea.c.role)
            ).all()
        out = [{"day": d, "kind": "quote", "type": "quoted", "count": n} for d, n in said]
        out += [{"day": d, "kind": "event", "type": f"as {role}", "count": n} for d, role, n in acted]
        return sorted(out, key=lambda x: (x["day"], x["kind"], x["type"]))

    def _partners(self, conn: Connection, members: list[int], top: int = 15) -> list[dict[str, Any]]:
        """Actors sharing events with this one (either side), most events first, with the event ids."""
        ea = T.event_actors
        base, canon = T.actors.alias("base"), T.actors.alias("canon")
        other = ea.alias("other")
        mine = ea.alias("mine")
        shared = (
            select(canon.c.key, canon.c.name, mine.c.event_pk.label("item"))
            .select_from(
                mine.join(other, other.c.event_pk == mine.c.event_pk)
                .join(base, base.c.pk == other.c.actor_pk)
                .join(canon, canon.c.pk == func.coalesce(base.c.canonical_pk, base.c.pk))
            )
            .where(mine.c.actor_pk.in_(members), other.c.actor_pk.not_in(members), base.c.generic == 0)
            .distinct()
        )
        return _top_sharing(conn, shared.subquery(), "event_ids", top)

    def _co_mentioned(self, conn: Connection, members: list[int], top: int = 15) -> list[dict[str, Any]]:
        """Actors named in the same articles, most shared articles first, with those article ids."""
        e, a = T.entities, T.articles
        base, canon = T.actors.alias("base"), T.actors.alias("canon")
        other = e.alias("other")
        mine = e.alias("mine")
        shared = (
            select(canon.c.key, canon.c.name, a.c.id.label("item"))
            .select_from(
                mine.join(other, other.c.article_pk == mine.c.article_pk)
                .join(base, base.c.pk == other.c.actor_pk)
                .join(canon, canon.c.pk == func.coalesce(base.c.canonical_pk, base.c.pk))
                .join(a, a.c.pk == mine.c.article_pk)
            )
            .where(
                mine.c.actor_pk.in_(members),
                other.c.actor_pk.not_in(members),
                base.c.generic == 0,
                canon.c.type.in_(["PERSON", "ORG", "GROUP"]),
            )
            .distinct()
        )
        return _top_sharing(conn, shared.subquery(), "article_ids", top)

    # ---- search, facets ------------------------------------------------------------------------

    def search(
        self,
        q: str,
        kinds: Sequence[str] = SEARCH_KINDS,
        cursor: str | None = None,
        limit: int = 50,
        facets: bool = True,
        sort: str | None = None,
        before: str | None = None,
        **filters: Any,
    ) -> dict[str, Any]:
        """Quotes, then articles, matching ``q`` and ``filters``; facets count every match.

        Items carry "item" ("quote" or "article"; a quote's own "kind" is direct/mixed/indirect). The
        cursor walks the quotes first, then the articles, so a page can hold both; ``before`` walks
        back. ``sort`` (newest, oldest, relevance) orders each kind.
        """
        kinds = [k for k in SEARCH_KINDS if k in kinds]
        f = Filters.of({**filters, "q": q})
        order_by = sort_value(sort, TEXT_SORTS, q)
        Walk(cursor, before)  # refuses both at once
        if self._blank_query(q) or not kinds:
            empty: dict[str, Any] = {"items": [], "next_cursor": None, "prev_cursor": None}
            return {**empty, "facets": {name: [] for name in FACETS}}
        if before:
            found = self._search_back(kinds, f, order_by, _position(before, kinds), limit)
        else:
            found = self._search_on(kinds, f, order_by, _position(cursor, kinds), limit)
        items, next_cursor, prev_cursor = found
        result: dict[str, Any] = {"items": items, "next_cursor": next_cursor, "prev_cursor": prev_cursor}
        if facets:
            result["facets"], result["facets_scope"] = self.facets_with_scope(f, kinds)
        return result

    def search_totals(self, q: str, kinds: Sequence[str] = SEARCH_KINDS, **filters: Any) -> dict[str, int]:
        """How many quotes and articles ``search`` walks through: ``{"quotes": n, "articles": n}``,
        one COUNT per kind with the search's WHERE (a kind not searched counts 0)."""
        f = Filters.of({**filters, "q": q})
        return {kind: self._count_text(kind, f) if kind in kinds else 0 for kind in SEARCH_KINDS}

    def _search_on(
        self, kinds: list[str], f: Filters, sort: str, start: tuple[int, str | None], limit: int
    ) -> tuple[list[dict[str, Any]], str | None, str | None]:
        """A search page from ``start`` on: [kind index, cursor in that kind (None: its start)]."""
        k, inner = start
        items: list[dict[str, Any]] = []
        next_cursor = prev_cursor = None
        while k < len(kinds) and len(items) < limit:
            page = self._walk_text(kinds[k], f, sort, Walk(cursor=inner), limit - len(items))
            if page["items"] and not items:
                prev_cursor = self._search_prev(kinds, f, k, page["prev_cursor"])
            items += _labelled(kinds[k], page["items"])
            if page["next_cursor"]:
                return items, encode_cursor([k, page["next_cursor"]]), prev_cursor
            k, inner = k + 1, None
            if len(items) >= limit and any(self._has_match(kind, f) for kind in kinds[k:]):
                next_cursor = encode_cursor([k, None])
        return items, next_cursor, prev_cursor

    def _search_back(
        self, kinds: list[str], f: Filters, sort: str, start: tuple[int, str | None], limit: int
    ) -> tuple[list[dict[str, Any]], str | None, str | None]:
        """The search page before ``start``: back through its kind, then the kinds before from their end."""
        k, inner = start
        if inner is None:  # before a kind's start: the end of the kind before it
            k -= 1
        items: list[dict[str, Any]] = []
        next_cursor = None
        while k >= 0:
            walk = Walk(before=inner) if inner else Walk(from_end=True)
            page = self._walk_text(kinds[k], f, sort, walk, limit - len(items))
            if page["items"] and not items:  # the page's last item: the next page follows it
                next_cursor = encode_cursor([k, page["next_cursor"]] if inner else [k + 1, None])
            items = _labelled(kinds[k], page["items"]) + items
            if page["prev_cursor"]:
                return items, next_cursor, encode_cursor([k, page["prev_cursor"]])
            if len(items) >= limit:
                return items, next_cursor, self._search_prev(kinds, f, k, None)
            k, inner = k - 1, None
        return items, next_cursor, None

    def _search_prev(self, kinds: list[str], f: Filters, k: int, inner: str | None) -> str | None:
        """The ``before`` of a search page whose first item is of ``kinds[k]``: before that item when its
        kind has more before it (``inner``), else before the kind's start when a kind before has matches."""
        if inner:
            return encode_cursor([k, inner])
        if any(self._has_match(kind, f) for kind in kinds[:k]):
            return encode_cursor([k, None])
        return None

    def _has_match(self, kind: str, f: Filters) -> bool:
        table = T.quotes if kind == "quotes" else T.articles
        query = self._matched(select(table.c.pk), f, kind)[0].limit(1)
        with self.engine.connect() as conn:
            return conn.execute(query).first() is not None

    def facets(self, f: Filters, kinds: Sequence[str] = SEARCH_KINDS) -> dict[str, list[list[Any]]]:
        """Counts of matching items by speaker, actor, source type, outlet, event type and month (top 20 each).

        See ``facets_with_scope``; this gives the counts alone.
        """
        return self.facets_with_scope(f, kinds)[0]

    def facets_with_scope(
        self, f: Filters, kinds: Sequence[str] = SEARCH_KINDS, scope: int = FACET_SCOPE
    ) -> tuple[dict[str, list[list[Any]]], dict[str, Any]]:
        """The facets, and what they counted: ``{"quotes": n, "articles": n, "limit", "complete"}``.

        Speaker (by name), actor (the speakers who are actors, by the id the ``actor`` filter takes)
        and source type count matching quotes; outlet, month and event type count the matching quotes
        and articles together, event type each item whose article reports an event of that type: the
        items its filter (``event_type``) keeps. Months run newest first, the others most first.
        Facets count the latest ``scope`` matches of each kind: exact for any focused search, and a
        bounded cost (instead of a scan of every quote) for a word found in most of a million quotes;
        "complete" says which of the two a result is.
        """
        totals: dict[str, Counter[Any]] = {name: Counter() for name in FACETS}
        counted = {"quotes": 0, "articles": 0}
        articles_listed: list[int] = []  # the article of each item counted, once per item
        # One query per kind fetches the facet columns of the latest matches; Python counts them.
        with self.engine.connect() as conn:
            if "quotes" in kinds:
                counted["quotes"], of_quotes = self._count_quote_facets(conn, f, scope, totals)
                articles_listed += of_quotes
            if "articles" in kinds:
                a = T.articles
                latest, order = self._matched(select(a.c.pk, a.c.outlet, a.c.day), f, "articles", "latest")
                rows = conn.execute(latest.order_by(*[col.desc() for col, _desc in order]).limit(scope)).all()
                counted["articles"] = len(rows)
                for pk, outlet, day in rows:
                    totals["outlet"][outlet] += 1
                    totals["month"][day[:7]] += 1
                    articles_listed.append(pk)
            types_of = self._event_types_of(conn, sorted(set(articles_listed)))
            for article_pk in articles_listed:
                totals["event_type"].update(types_of.get(article_pk, ()))
        facets = {name: _ranked_facet(name, counter) for name, counter in totals.items()}
        complete = all(n < scope for n in counted.values())
        return facets, {**counted, "limit": scope, "complete": complete}

    def _count_quote_facets(
        self, conn: Connection, f: Filters, scope: int, totals: dict[str, Counter[Any]]
    ) -> tuple[int, list[int]]:
        """Add the latest ``scope`` matching quotes to the facet counts; how many, and their articles."""
        qt = T.quotes
        cols = select(
            qt.c.article_pk, qt.c.actor_pk, qt.c.speaker_start, qt.c.source_type, qt.c.outlet, qt.c.day
        )
        latest, order = self._matched(cols, f, "quotes", "latest")
        rows = conn.execute(latest.order_by(*[col.desc() for col, _desc in order]).limit(scope)).all()
        if not rows:
            return 0, []
        # Whole columns at once: per-row attribute access costs more than the query here.
        article_pks, actor_pks, starts, source_types, outlets, days = zip(*rows, strict=True)
        speakers = self._speakers(conn, actor_pks, starts)
        totals["speaker"].update(name for name, _key in speakers)
        totals["actor"].update(key for _name, key in speakers)
        totals["source_type"].update(source_types)
        totals["outlet"].update(outlets)
        totals["month"].update(day[:7] for day in days)
        return len(rows), list(article_pks)

    def _event_types_of(self, conn: Connection, article_pks: list[int]) -> dict[int, set[str]]:
        """The event types each of these articles reports."""
        if not article_pks:
            return {}
        ev = T.events
        # The ids go in as one JSON/array parameter, not thousands of bound parameters.
        query = select(ev.c.article_pk, ev.c.type).where(self._among(ev.c.article_pk, article_pks)).distinct()
        found: dict[int, set[str]] = defaultdict(set)
        for article_pk, typ in conn.execute(query):
            found[article_pk].add(typ)
        return found

    def _speakers(
        self, conn: Connection, actor_pks: Sequence[int | None], starts: Sequence[int | None]
    ) -> list[tuple[str | None, str | None]]:
        """The speaker facet's value of each quote and its actor id: its canonical actor's name and key;
        "unresolved" (no actor) for a speaker the text names with no entity behind it (a pronoun, "a
        diplomat who ..."); (None, None), not counted, for a generic group ("officials") and for a
        quote with no speaker at all."""
        ac, canon = T.actors, T.actors.alias("canon")
        wanted = sorted({pk for pk in actor_pks if pk is not None})
        named: dict[int, tuple[str | None, str | None]] = {}
        for start in range(0, len(wanted), 900):
            for pk, generic, name, key in conn.execute(
                select(ac.c.pk, ac.c.generic, canon.c.name, canon.c.key)
                .join(canon, canon.c.pk == func.coalesce(ac.c.canonical_pk, ac.c.pk))
                .where(ac.c.pk.in_(wanted[start : start + 900]))
            ):
                named[pk] = (None, None) if generic else (name, key)
        unresolved: tuple[str | None, str | None] = (UNRESOLVED, None)
        return [
            named.get(pk, (None, None))
            if pk is not None
            else (unresolved if begins is not None else (None, None))
            for pk, begins in zip(actor_pks, starts, strict=True)
        ]

    def _among(self, col: Any, values: list[int]) -> ColumnElement[bool]:
        """``col IN values`` with the values passed as one parameter (a JSON array on SQLite, an
        array on PostgreSQL): fast to bind however many there are."""
        if self.dialect == "postgresql":
            return col == any_(literal(values, ARRAY(Integer)))
        each = func.json_each(json.dumps(values)).table_valued("value")
        return col.in_(select(each.c.value))

    # ---- timeline, network ---------------------------------------------------------------------

    def timeline(self, **filters: Any) -> list[dict[str, Any]]:
        """Quotes per day by source type and events per day by type (days with a known date only)."""
        f = Filters.of(filters)
        if self._blank_query(f.q):
            return []  # a search of no words ("'", "*") matches nothing
        qt, ev = T.quotes, T.events
        out: list[dict[str, Any]] = []
        with self.engine.connect() as conn:
            # Grouped on the bare columns so the (day, source_type) index serves it in order;
            # a missing source type becomes "unknown" here.
            said: Counter[tuple[str, str]] = Counter()
            for day, typ, n in conn.execute(
                select(qt.c.day, qt.c.source_type, func.count())
                .where(*self._quote_where(f), qt.c.day != "")
                .group_by(qt.c.day, qt.c.source_type)
            ):
                said[(day, typ or "unknown")] += n
            out += [{"day": d, "kind": "quote", "type": t, "count": n} for (d, t), n in said.items()]
            for day, typ, n in conn.execute(
                select(ev.c.day, ev.c.type, func.count())
                .where(*self._event_where(f), ev.c.day != "")
                .group_by(ev.c.day, ev.c.type)
            ):
                out.append({"day": day, "kind": "event", "type": typ, "count": n})
        return sorted(out, key=lambda x: (x["day"], x["kind"], x["type"]))

    def network(self, max_edges: int | None = MAX_EDGES, **filters: Any) -> dict[str, Any]:
        """Actor-to-actor edges (actor -> recipient, per event type) over the filtered events.

        At most ``max_edges`` edges, the heaviest (None: all); when some are left out, the nodes are
        the ends of the edges kept and "truncated" says how many there were. Node counts are the
        events an actor is in, on either side.
        """
        f = Filters.of(filters)
        ev, ea, ac = T.events, T.event_actors, T.actors
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(ev.c.pk, ev.c.type, ea.c.role, ea.c.actor_pk)
                .join(ea, ea.c.event_pk == ev.c.pk)
                .where(*self._event_where(f), ea.c.actor_pk.is_not(None))
                .order_by(ev.c.pk, ea.c.role, ea.c.position)
            ).all()
            # Each row's canonical actor: a shorter name is drawn as the fuller one, and a generic
            # group ("officials") is no node at all.
            canonical_of: dict[int, int | None] = {}
            involved = sorted({r.actor_pk for r in rows})
            for start in range(0, len(involved), 900):
                for pk, canonical, generic in conn.execute(
                    select(ac.c.pk, func.coalesce(ac.c.canonical_pk, ac.c.pk), ac.c.generic).where(
                        ac.c.pk.in_(involved[start : start + 900])
                    )
                ):
                    canonical_of[pk] = None if generic else canonical
            sides: dict[int, tuple[list[int], list[int]]] = {}
            types: dict[int, str] = {}
            for pk, typ, role, base_pk in rows:
                actor_pk = canonical_of.get(base_pk)
                if actor_pk is None:
                    continue
                side = sides.get(pk)
                if side is None:
                    side = sides[pk] = ([], [])
                    types[pk] = typ
                side[0 if role == "actor" else 1].append(actor_pk)
            involvement: Counter[int] = Counter()
            edges: dict[tuple[int, int, str], list[int]] = defaultdict(list)
            for pk, (sources, targets) in sides.items():
                involvement.update(set(sources) | set(targets))
                for source in dict.fromkeys(sources):
                    for target in dict.fromkeys(targets):
                        if source != target:
                            edges[(source, target, types[pk])].append(pk)
            total = len(edges)
            kept = list(edges.items())
            if max_edges is not None and total > max_edges:
                kept = heapq.nlargest(max_edges, kept, key=lambda kv: len(kv[1]))
                ends = {pk for (source, target, _), _pks in kept for pk in (source, target)}
                involvement = Counter({pk: n for pk, n in involvement.items() if pk in ends})
            return self._network_output(conn, kept, total, involvement)

    @staticmethod
    def _network_output(
        conn: Connection,
        kept: list[tuple[tuple[int, int, str], list[int]]],
        total: int,
        involvement: Counter[int],
    ) -> dict[str, Any]:
        """The network as ``network`` returns it: ``kept`` edges ((source, target, type) of canonical
        actor rows, with their event ids) of ``total``, and the events each node is in."""
        ac = T.actors
        info = {}
        for start in range(0, len(involvement), 900):
            chunk = list(involvement)[start : start + 900]
            for r in conn.execute(
                select(ac.c.pk, ac.c.key, ac.c.name, ac.c.code, ac.c.sector, ac.c.type).where(
                    ac.c.pk.in_(chunk)
                )
            ):
                info[r.pk] = r
        nodes = [
            {"id": info[pk].key, "name": info[pk].name, "type": info[pk].type, "code": info[pk].code,
             "sector": info[pk].sector, "count": n}
            for pk, n in sorted(involvement.items(), key=lambda kv: (-kv[1], info[kv[0]].key))
        ]  # fmt: skip
        edge_list = [
            {"source": info[s].key, "target": info[t].key, "type": typ, "count": len(pks), "event_ids": sorted(pks)}
            for (s, t, typ), pks in sorted(kept, key=lambda kv: (-len(kv[1]), info[kv[0][0]].key, info[kv[0][1]].key, kv[0][2]))
        ]  # fmt: skip
        result: dict[str, Any] = {"nodes": nodes, "edges": edge_list}
        if len(kept) < total:
            result["truncated"] = {"edges_total": total, "edges_shown": len(kept)}
        return result

    # ---- errors, counts ------------------------------------------------------------------------

    def errors(self, cursor: str | None = None, limit: int = 50, before: str | None = None) -> dict[str, Any]:
        """Documents that failed (``failed`` true: not stored) or had a stage fail, latest first."""
        er = T.errors
        order = [(er.c.pk, True)]
        with self.engine.connect() as conn:
            rows, next_cursor, prev_cursor = page_rows(
                conn, keyed(select(er), order), order, Walk(cursor, before), limit
            )
        items = [
            {
                "id": r.pk, "article_id": r.article_id, "content_hash": r.content_hash, "source": r.source,
                "stage": r.stage, "code": r.code, "message": r.message, "failed": bool(r.failed),
                "ingested_at": r.ingested_at,
            }
            for r in rows
        ]  # fmt: skip
        return {"items": items, "next_cursor": next_cursor}

    def counts(self, tables: Iterable[str] | None = None) -> dict[str, int]:
        """Rows per table (those named in ``tables``, else every one): for a dashboard header, which
        need not count the millions of rows of the tables it does not show, and for tests."""
        wanted = set(tables) if tables is not None else None
        with self.engine.connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(tbl)).scalar_one()
                for name, tbl in vars(T).items()
                if wanted is None or name in wanted
            }


def _position(cursor: str | None, kinds: Sequence[str]) -> tuple[int, str | None]:
    """A search cursor: [index of the kind, the cursor inside that kind or None]; [0, None] without one."""
    if not cursor:
        return 0, None
    position = decode_cursor(cursor)
    if (
        len(position) != 2
        or not isinstance(position[0], int)
        or not 0 <= position[0] < len(kinds)
        or not (position[1] is None or isinstance(position[1], str))
    ):
        raise ValueError(f"invalid cursor {cursor!r}")
    return position[0], position[1]


def _ranked_facet(name: str, counter: Counter[Any]) -> list[list[Any]]:
    """A facet's top values with their counts: months newest first (a calendar reads in order), the
    others most first, ties by value; empty values (no outlet, no date) left out."""
    entries = [(value, n) for value, n in counter.items() if value not in (None, "")]
    if name == "month":
        entries.sort(key=lambda kv: str(kv[0]), reverse=True)
    else:
        entries.sort(key=lambda kv: (-kv[1], str(kv[0])))
    return [[value, n] for value, n in entries[:FACET_SIZE]]


def _labelled(kind: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
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
    speaker = _span(r.speaker_start, r.speaker_end, r.speaker_text)
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
        "cue": _span(r.cue_start, r.cue_end, r.cue_text),
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


__all__ = ["Filters", "Reads", "decode_cursor", "encode_cursor", "fts5_query", "is_date"]


def _top_sharing(conn: Connection, shared: Subquery, ids_key: str, top: int) -> list[dict[str, Any]]:
    """``shared``: distinct (key, name, item) rows, an actor and an item it shares -> the ``top``
    actors sharing the most items, each with its count and up to 50 of those item ids under
    ``ids_key``. The database groups, in one pass, into one row per actor with its items as a JSON
    array: a busy actor shares thousands of items with hundreds of others, too many rows to hand to
    Python one by one. Ties and ids are ordered here, in Python's order, so that SQLite and
    PostgreSQL (whose collations differ) agree."""
    items: ColumnElement[Any] = (
        func.json_group_array(shared.c.item)
        if conn.dialect.name == "sqlite"
        else cast(func.json_agg(shared.c.item), Text)
    )
    counts = conn.execute(
        select(shared.c.key, shared.c.name, func.count().label("n"), items.label("items")).group_by(
            shared.c.key, shared.c.name
        )
    ).all()
    return [
        {"actor": r.key, "name": r.name, "count": r.n, ids_key: sorted(json.loads(r.items))[:50]}
        for r in sorted(counts, key=lambda r: (-r.n, r.key))[:top]
    ]

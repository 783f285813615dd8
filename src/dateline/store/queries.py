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

import heapq
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Double,
    Engine,
    Integer,
    Select,
    and_,
    any_,
    bindparam,
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
)
from sqlalchemy.engine import Connection, Row

from dateline.confidence import confident_only
from dateline.model import Record
from dateline.store.cut import cut_items, lender_kept, main_at
from dateline.store.filters import (
    FTS_WORD,
    Filters,
    confidence_value,
    day_bound,
    fts5_query,
    is_date,
)
from dateline.store.fts_walk import fts_candidates
from dateline.store.items import (
    article_item,
    event_item,
    quote_item,
)
from dateline.store.paging import (
    EVENT_SORTS,
    TEXT_SORTS,
    Order,
    Walk,
    decode_cursor,
    encode_cursor,
    keyed,
    page_limit,
    page_rows,
    sort_value,
    walk_steps,
)
from dateline.store.schema import TABLES, canonical_pk_of
from dateline.store.summaries import quote_places

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

_quotes_fts = table("quotes_fts", column("rowid", Integer), column("quotes_fts"))
_articles_fts = table("articles_fts", column("rowid", Integer), column("articles_fts"))


def _members_query() -> Select[Any]:
    """The actor rows a key names: coalesce(canonical_pk, pk) equal to the key's, written so that
    the pk and canonical_pk indexes answer it (a comparison of two coalesces scanned the whole
    actors table). Built once: every list filtered by an actor asks it."""
    ac, named = T.actors, T.actors.alias("named")
    canon = select(canonical_pk_of(named)).where(named.c.key == bindparam("key")).scalar_subquery()
    return (
        select(ac.c.pk)
        .where(or_(ac.c.canonical_pk == canon, and_(ac.c.pk == canon, ac.c.canonical_pk.is_(None))))
        .order_by(ac.c.pk)
    )


_MEMBERS = _members_query()


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
        return q is not None and not FTS_WORD.search(q)

    # ---- filter conditions per table -----------------------------------------------------------

    def _members(self, key: str, conn: Connection | None = None) -> list[int]:
        """The rows of the actor ``key`` names (its own and every shorter name joining it), looked up
        first so that a filter on one row stays an equality its index walks in order. A joined key
        ("person-erdogan") names its canonical actor's rows too."""
        query, params = _MEMBERS, {"key": key}
        if conn is not None:  # a caller holding a connection must not wait for a second one
            return [pk for (pk,) in conn.execute(query, params)]
        with self.engine.connect() as own:
            return [pk for (pk,) in own.execute(query, params)]

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
            where.append(day >= day_bound(f.date_from, upper=False))
        if f.date_to:
            where += [day <= day_bound(f.date_to, upper=True), day != ""]
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
            reported = [ev.c.article_pk == qt.c.article_pk, ev.c.type == f.event_type]
            if f.min_confidence is not None:  # an event the cut removes is not reported there
                reported.append(ev.c.confidence >= f.min_confidence)
            where.append(exists().where(*reported))
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
        # At a cut, what ``confident_only`` leaves (see ``store.cut``): a governed event whose
        # governors are all removed is a main event, and actors taken from a removed event are gone.
        if f.main:
            where.append(main_at(ev, f.min_confidence))
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
                if role == "actor" and f.min_confidence is not None:
                    where.append(lender_kept(ev, f.min_confidence))
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
            .outerjoin(canon, canon.c.pk == canonical_pk_of(ac))
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
            items = self._event_items(conn, rows, f.min_confidence)
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

    def _event_items(
        self, conn: Connection, rows: list[Row[Any]], cut: float | None = None
    ) -> list[dict[str, Any]]:
        """The items of these events rows, with their actors and recipients; at a ``cut``, as it
        leaves them (``store.cut.cut_items``)."""
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
                ea.outerjoin(ac, ac.c.pk == ea.c.actor_pk).outerjoin(canon, canon.c.pk == canonical_pk_of(ac))
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
        items = [event_item(r, by_event[r.pk]["actor"], by_event[r.pk]["recipient"]) for r in rows]
        if cut is not None:
            cut_items(conn, rows, items, cut)
        return items

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

    def article(self, article_id: str, min_confidence: float | None = None) -> dict[str, Any] | None:
        """The full record (Record.to_dict()) plus "store": pk, hash, ingest time, and the store ids
        of its entities (actor keys), quotes, events and places (place keys), for links.
        ``min_confidence``: its quotes and events as ``confidence.confident_only`` cuts them."""
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
                    .join(canon, canon.c.pk == canonical_pk_of(ac))
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
        if min_confidence is not None:
            cut = confident_only(Record.from_dict(record), confidence_value(min_confidence)).to_dict()
            ordered["quotes"], ordered["events"] = cut["quotes"], cut["events"]
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
            # Grouped on the bare columns, which an index covers under a source-type filter;
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
        lent = (
            [] if f.min_confidence is None else [or_(ea.c.role != "actor", lender_kept(ev, f.min_confidence))]
        )
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(ev.c.pk, ev.c.type, ea.c.role, ea.c.actor_pk)
                .join(ea, ea.c.event_pk == ev.c.pk)
                .where(*self._event_where(f), ea.c.actor_pk.is_not(None), *lent)
                .order_by(ev.c.pk, ea.c.role, ea.c.position)
            ).all()
            # Each row's canonical actor: a shorter name is drawn as the fuller one, and a generic
            # group ("officials") is no node at all.
            canonical_of: dict[int, int | None] = {}
            involved = sorted({r.actor_pk for r in rows})
            for start in range(0, len(involved), 900):
                for pk, canonical, generic in conn.execute(
                    select(ac.c.pk, canonical_pk_of(ac), ac.c.generic).where(
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


__all__ = ["Filters", "Reads", "decode_cursor", "encode_cursor", "fts5_query", "is_date"]

"""Summary tables every ingest keeps, so that the desk's place list, map, place filter and timeline
read a few hundred rows instead of grouping every row of the store on each request (issue 16).

* ``place_stats``: one row per place key, what grouping the places table by key gives (the least
  name, country, feature, gazetteer id and coordinates, as SQL's ``min`` picks them; the articles and
  mentions; the first row), and the quotes whose sentence names the place at a row with
  coordinates. ``uniform`` says every row of the key agrees on name, country, feature, id and
  coordinates: a filter on those columns then keeps all of the key's rows or none of them, so the
  key's row answers it (``summary_reads`` groups the rows of any other key as before).
* ``quote_places``: the places a quote's sentence names (a mention of the place lies within the
  quote's ``context``), written once at ingest instead of met with each place's JSON spans on
  every read; ``located`` when one such place row has coordinates (what the map counts).
* ``place_types``: events per place key and event type, at place rows with coordinates: the map.
* ``daily_counts``: quotes per day and source type, events per day and type: the timeline.

Upkeep, inside the ingest's transaction (``core``): ``add_article`` once an article's rows are in
adds what they count; ``forget_article`` before an article's rows go takes its counts off and marks
its place keys dirty (a least name cannot be taken off); ``settle`` at the end of the batch counts the
dirty keys again from their rows. ``set_up`` fills everything from the rows once, for a store from
before these tables or one whose rows were written around the ingest (a bulk loader); ``rebuild``
does it on demand.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Float,
    Index,
    Integer,
    PrimaryKeyConstraint,
    Select,
    String,
    Table,
    and_,
    bindparam,
    case,
    delete,
    exists,
    func,
    inspect,
    literal_column,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from dateline.store import edge_summaries as edges
from dateline.store.schema import TABLES, metadata

T = TABLES
CHUNK = 900  # values per IN list: under SQLite's old limit of 999 bound parameters
REBUILD_ARTICLES = 2_000  # articles whose quotes and places a rebuild reads at once

place_stats = Table(
    "place_stats",
    metadata,
    Column("key", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("country", String),
    Column("feature", String, nullable=False),
    Column("geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("articles", Integer, nullable=False),  # distinct articles with a row of the key
    Column("mentions", Integer, nullable=False),  # the rows' n_mentions, summed
    Column("n_rows", Integer, nullable=False),  # places rows of the key: what set_up checks
    Column("first_pk", Integer, nullable=False),
    Column("quotes", Integer, nullable=False),  # quote_places rows of the key that are located
    Column("uniform", Integer, nullable=False),
    Column("dirty", Integer, nullable=False, default=0, server_default="0"),
)
# The places list runs by articles descending, then key: the index has that order (per country too).
Index("ix_place_stats_rank", place_stats.c.articles.desc(), place_stats.c.key)
Index("ix_place_stats_country", place_stats.c.country, place_stats.c.articles.desc(), place_stats.c.key)
# The dirty keys only (a partial index): ``settle`` finds them at the end of every batch without
# reading every key of the store. Queries spell the condition as the index does (``DIRTY``, a literal
# 1, not a bound parameter), or neither database could tell that the index answers them.
DIRTY = literal_column("1", Integer)
Index(
    "ix_place_stats_dirty",
    place_stats.c.key,
    sqlite_where=place_stats.c.dirty == DIRTY,
    postgresql_where=place_stats.c.dirty == DIRTY,
)

quote_places = Table(
    "quote_places",
    metadata,
    Column("quote_pk", Integer, nullable=False),
    Column("key", String, nullable=False),
    Column("article_pk", Integer, nullable=False),
    Column("located", Integer, nullable=False),
    PrimaryKeyConstraint("quote_pk", "key", name="pk_quote_places"),
    Index("ix_quote_places_key", "key", "located", "quote_pk"),
    # One article's links by key (``add_article`` counts the located ones per key): with the article
    # alone SQLite took the key's index and read every quote of a busy place (issue 14).
    Index("ix_quote_places_article_key", "article_pk", "key", "located"),
)
# What the article's links were found by before, in older stores: replaced by the one above.
OLD_INDEXES = {"quote_places": ("ix_quote_places_article",)}

place_types = Table(
    "place_types",
    metadata,
    Column("key", String, nullable=False),
    Column("type", String, nullable=False),
    Column("events", Integer, nullable=False),
    PrimaryKeyConstraint("key", "type", name="pk_place_types"),
)

daily_counts = Table(
    "daily_counts",
    metadata,
    Column("kind", String, nullable=False),  # "quote" or "event"
    Column("day", String, nullable=False),  # as the rows have it: "" when unknown
    Column("type", String, nullable=False),  # a quote's source type ("unknown" for none), an event's type
    Column("n", Integer, nullable=False),
    PrimaryKeyConstraint("kind", "day", "type", name="pk_daily_counts"),
)

# Which definition of the summaries a store holds: bumped whenever what one holds changes, so that
# every store fills them again (``rebuild``) the first time a dateline that reads them opens it.
summary_state = Table(
    "summary_state",
    metadata,
    Column("name", String, primary_key=True),
    Column("version", Integer, nullable=False),
)
VERSION = 1

SUMMARIES = (place_stats, quote_places, place_types, daily_counts)
# A place's articles in order (the places list's links to them), read from the index alone.
PLACE_ARTICLES = Index("ix_places_key_article", T.places.c.key, T.places.c.article_pk)
# The places' index of the key alone, in stores from before PLACE_ARTICLES: dropped when opened.
OLD_PLACE_INDEX = "ix_places_key"
# The place columns a list filters on and shows: a key is uniform when its rows agree on all of them.
_SHOWN = ("name", "country", "feature", "geonameid", "lat", "lon")


# ---- what the rows count -----------------------------------------------------------------------


def place_groups(where: ColumnElement[bool], quotes_where: ColumnElement[bool] | None = None) -> Select[Any]:
    """place_stats rows for the places rows matching ``where``, grouped by key. Their quotes count the
    located quote_places rows of the key (also matching ``quotes_where`` when given)."""
    p, ql = T.places, quote_places
    quoted = select(func.count()).where(ql.c.key == p.c.key, ql.c.located == 1)
    if quotes_where is not None:
        quoted = quoted.where(quotes_where)
    return (
        select(
            p.c.key, func.min(p.c.name).label("name"), func.min(p.c.country).label("country"),
            func.min(p.c.feature).label("feature"), func.min(p.c.geonameid).label("geonameid"),
            func.min(p.c.lat).label("lat"), func.min(p.c.lon).label("lon"),
            func.count(func.distinct(p.c.article_pk)).label("articles"),
            func.coalesce(func.sum(p.c.n_mentions), 0).label("mentions"), func.count().label("n_rows"),
            func.min(p.c.pk).label("first_pk"), quoted.scalar_subquery().label("quotes"),
            _uniform(p).label("uniform"),
        )
        .where(where)
        .group_by(p.c.key)
    )  # fmt: skip


def _uniform(p: Table) -> ColumnElement[int]:
    """1 when the grouped rows agree on every shown column (nulls included), else 0."""
    same = []
    for name in _SHOWN:
        col = p.c[name]
        agree = func.min(col) == func.max(col)
        same.append(or_(func.count(col) == 0, and_(func.count(col) == func.count(), agree)))
    return case((and_(*same), 1), else_=0)


def _place_type_groups(where: ColumnElement[bool]) -> Select[Any]:
    """(key, event type, events) at located place rows, for the events matching ``where``."""
    ev, p = T.events, T.places
    return (
        select(p.c.key, ev.c.type, func.count())
        .join(p, p.c.pk == ev.c.place_pk)
        .where(where, p.c.lat.is_not(None), p.c.lon.is_not(None))
        .group_by(p.c.key, ev.c.type)
    )


def _day_groups(article_where: Any) -> list[Select[Any]]:
    """(kind, day, type, n) queries: quotes by day and source type, events by day and type."""
    qt, ev = T.quotes, T.events
    source = _source_type(qt.c.source_type)
    return [
        select(qt.c.day, source, func.count()).where(article_where(qt)).group_by(qt.c.day, source),
        select(ev.c.day, ev.c.type, func.count()).where(article_where(ev)).group_by(ev.c.day, ev.c.type),
    ]


def _source_type(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """A quote's source type as the timeline shows it: none (or empty) is "unknown"."""
    return case((or_(column.is_(None), column == ""), "unknown"), else_=column)


def quote_links(
    article_pk: int, places: Iterable[Sequence[Any]], quotes: Iterable[Sequence[Any]]
) -> list[dict[str, Any]]:
    """quote_places rows of one article: ``places`` are (key, lat, lon, mentions JSON) rows, ``quotes``
    (pk, context_start, context_end) rows. A quote names a place when one of the place's mention
    spans lies within the quote's context, as the place filter has always read it."""
    spans: dict[str, list[tuple[Any, Any, bool]]] = defaultdict(list)
    for key, lat, lon, mentions in places:
        located = lat is not None and lon is not None
        for mention in json.loads(mentions or "[]"):
            start, end = mention.get("start"), mention.get("end")
            if isinstance(start, (int, float)) and isinstance(end, (int, float)):
                spans[key].append((start, end, located))
    rows = []
    for pk, left, right in quotes:
        for key in sorted(spans):
            inside = [located for start, end, located in spans[key] if start >= left and end <= right]
            if inside:
                rows.append(
                    {"quote_pk": pk, "key": key, "article_pk": article_pk, "located": int(any(inside))}
                )
    return rows


# ---- upkeep ---------------------------------------------------------------------------------------


def add_article(conn: Connection, article_pk: int) -> None:
    """Add one article's rows, all inserted, to the summaries."""
    st, at = _statements(conn.dialect.name), {"b_article": article_pk}
    places = conn.execute(st.places_of, at).all()
    if places:
        links = quote_links(article_pk, places, conn.execute(st.quotes_of, at).all())
        if links:
            conn.execute(quote_places.insert(), links)
        conn.execute(st.merge_places, at)
        _tally(conn, place_types, _rows(conn, st.types_of, at), +1)
    _tally(conn, daily_counts, _day_rows(conn, at), +1)
    edges.add_article(conn, article_pk)


def forget_article(conn: Connection, article_pk: int) -> None:
    """Take one article's rows, about to be deleted, off the summaries: its counts by type and day
    go now, its place keys are counted again by ``settle`` once its rows are gone."""
    st, at = _statements(conn.dialect.name), {"b_article": article_pk}
    conn.execute(st.mark_dirty, at)
    _tally(conn, place_types, _rows(conn, st.types_of, at), -1)
    conn.execute(st.drop_links, at)
    _tally(conn, daily_counts, _day_rows(conn, at), -1)
    edges.forget_article(conn, article_pk)


def settle(conn: Connection) -> None:
    """Count the dirty place keys and network edges again from their rows (one with none left goes)."""
    edges.settle(conn)
    ps = place_stats
    keys = [key for (key,) in conn.execute(select(ps.c.key).where(ps.c.dirty == DIRTY))]
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        conn.execute(delete(ps).where(ps.c.key.in_(chunk)))
        _insert_groups(conn, place_groups(T.places.c.key.in_(chunk)))


def set_up(conn: Connection) -> None:
    """Fill the summaries from the rows when they do not hold what the rows count: a store from
    before them, or rows written around ``Store.ingest``. Looked up cheaply first (row counts, one
    row of each), so that opening a store that is up to date writes nothing."""
    present = {i["name"] for i in inspect(conn).get_indexes("places")}
    if PLACE_ARTICLES.name not in present:
        PLACE_ARTICLES.create(conn)  # a store from before it (a new one has it with its table)
    if OLD_PLACE_INDEX in present:  # it led with the key, as PLACE_ARTICLES does: nothing read needs it
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {OLD_PLACE_INDEX}")  # another process may be first
    _index_summaries(conn)
    if _stale(conn):
        rebuild(conn)
    elif conn.execute(select(exists().where(place_stats.c.dirty == DIRTY))).scalar() or edges.has_dirty(conn):
        settle(conn)


def _index_summaries(conn: Connection) -> None:
    """Give the summary tables of a store from before them the indexes added since, and drop those
    they replace. Looked up first: creating or dropping takes a lock a reader must not queue for."""
    for table in (*SUMMARIES, *edges.EDGE_SUMMARIES):
        present = {i["name"] for i in inspect(conn).get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in present:
                index.create(conn)
        for name in OLD_INDEXES.get(table.name, ()):
            if name in present:
                conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")  # another process may be first


def _stale(conn: Connection) -> bool:
    state = summary_state
    if conn.execute(select(state.c.version).where(state.c.name == "summaries")).scalar() != VERSION:
        return True
    placed = conn.execute(select(func.count()).select_from(T.places)).scalar_one()
    counted = conn.execute(select(func.coalesce(func.sum(place_stats.c.n_rows), 0))).scalar_one()
    if int(placed) != int(counted):
        return True
    # Each summary holds something exactly when the rows it counts are there.
    held = {
        daily_counts: (T.quotes, T.events),
        edges.actor_events: (
            T.event_actors.select().where(T.event_actors.c.actor_pk.is_not(None)).subquery(),
        ),
    }
    for summary, sources in held.items():
        rows = any(conn.execute(select(exists().select_from(source))).scalar() for source in sources)
        if rows != bool(conn.execute(select(exists().select_from(summary))).scalar()):
            return True
    return False


def rebuild(conn: Connection) -> None:
    """Every summary again, from the rows: the quote links article by article, the rest grouped."""
    for table in SUMMARIES:
        conn.execute(delete(table))
    p, qt = T.places, T.quotes
    bounds = conn.execute(select(func.min(p.c.article_pk), func.max(p.c.article_pk))).one()
    if bounds[0] is not None:
        for low in range(bounds[0], bounds[1] + 1, REBUILD_ARTICLES):
            high = low + REBUILD_ARTICLES - 1
            places: dict[int, list[Any]] = defaultdict(list)
            for row in conn.execute(
                select(p.c.article_pk, p.c.key, p.c.lat, p.c.lon, p.c.mentions).where(
                    p.c.article_pk.between(low, high)
                )
            ):
                places[row[0]].append(row[1:])
            quotes: dict[int, list[Any]] = defaultdict(list)
            for row in conn.execute(
                select(qt.c.article_pk, qt.c.pk, qt.c.context_start, qt.c.context_end).where(
                    qt.c.article_pk.between(low, high)
                )
            ):
                quotes[row[0]].append(row[1:])
            links = [
                link for pk in sorted(places) for link in quote_links(pk, places[pk], quotes.get(pk, []))
            ]
            if links:
                conn.execute(quote_places.insert(), links)
    _insert_groups(conn, place_groups(true()))
    _tally(conn, place_types, _rows(conn, _place_type_groups(true())), +1)
    _tally(conn, daily_counts, _day_rows(conn, None), +1)
    edges.rebuild(conn)
    conn.execute(delete(summary_state))
    conn.execute(summary_state.insert().values(name="summaries", version=VERSION))


# ---- helpers --------------------------------------------------------------------------------------


def _insert_groups(conn: Connection, groups: Select[Any]) -> None:
    columns = [c.name for c in place_stats.c if c.name != "dirty"]
    conn.execute(place_stats.insert().from_select(columns, groups))


@dataclass(frozen=True)
class _Statements:
    """The upkeep's statements for one article (``b_article``), built once per dialect: building
    SQLAlchemy expressions costs more than running them for one article's few rows."""

    places_of: Select[Any]  # (key, lat, lon, mentions) of its places rows
    quotes_of: Select[Any]  # (pk, context_start, context_end) of its quotes
    types_of: Select[Any]  # (key, event type, events) at its located places
    days_of: tuple[Select[Any], Select[Any]]  # (day, source type, quotes), (day, event type, events)
    merge_places: Any
    mark_dirty: Any
    drop_links: Any
    add: dict[str, Any]  # per counting table: the upsert that adds a count
    take: dict[
        str, tuple[Any, Any]
    ]  # per counting table: the update taking a count off, the emptied rows' delete


@lru_cache(maxsize=4)
def _statements(dialect: str) -> _Statements:
    article = bindparam("b_article", type_=Integer)
    p, qt, ev = T.places, T.quotes, T.events
    source = _source_type(qt.c.source_type)
    add, take = {}, {}
    for table in (place_types, daily_counts):
        *keys, count = [c.name for c in table.c]
        insert = _insert_of(dialect)(table)
        added = {count: table.c[count] + insert.excluded[count]}
        add[table.name] = insert.on_conflict_do_update(index_elements=[table.c[k] for k in keys], set_=added)
        match = and_(*[table.c[k] == bindparam(f"b_{k}") for k in keys])
        take[table.name] = (
            update(table).where(match).values({count: table.c[count] - bindparam("b_taken")}),
            delete(table).where(match, table.c[count] <= 0),
        )
    return _Statements(
        places_of=select(p.c.key, p.c.lat, p.c.lon, p.c.mentions).where(p.c.article_pk == article),
        quotes_of=select(qt.c.pk, qt.c.context_start, qt.c.context_end).where(qt.c.article_pk == article),
        types_of=_place_type_groups(ev.c.article_pk == article),
        days_of=(
            select(qt.c.day, source, func.count())
            .where(qt.c.article_pk == article)
            .group_by(qt.c.day, source),
            select(ev.c.day, ev.c.type, func.count())
            .where(ev.c.article_pk == article)
            .group_by(ev.c.day, ev.c.type),
        ),
        merge_places=_merge_places(dialect, article),
        mark_dirty=update(place_stats)
        .where(place_stats.c.key.in_(select(p.c.key).where(p.c.article_pk == article)))
        .values(dirty=1),
        drop_links=delete(quote_places).where(quote_places.c.article_pk == article),
        add=add,
        take=take,
    )


def _merge_places(dialect: str, article: Any) -> Any:
    """The upsert adding one new article's places, grouped by key, to place_stats: counts add up (the
    article is counted nowhere yet); the least values stay least as SQL compares them (the
    database's collation, not Python's); a key stays uniform only while the new rows agree with it."""
    ps, p = place_stats, T.places
    groups = place_groups(p.c.article_pk == article, quote_places.c.article_pk == article)
    columns = [c.name for c in ps.c if c.name != "dirty"]
    insert = _insert_of(dialect)(ps).from_select(columns, groups)
    new = insert.excluded
    agree = [ps.c[name].is_not_distinct_from(new[name]) for name in _SHOWN]
    merged: dict[str, Any] = {name: _least(ps.c[name], new[name]) for name in (*_SHOWN, "first_pk")}
    merged.update({name: ps.c[name] + new[name] for name in ("articles", "mentions", "n_rows", "quotes")})
    merged["uniform"] = case((and_(ps.c.uniform == 1, new.uniform == 1, *agree), 1), else_=0)
    return insert.on_conflict_do_update(index_elements=[ps.c.key], set_=merged)


def _least(old: ColumnElement[Any], new: ColumnElement[Any]) -> ColumnElement[Any]:
    """The lesser of two values as SQL's ``min`` picks it: nulls never win."""
    return case((new.is_(None), old), (old.is_(None), new), (new < old, new), else_=old)


def _rows(
    conn: Connection, query: Select[Any], params: dict[str, Any] | None = None
) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in conn.execute(query, params or {})]


def _day_rows(conn: Connection, at: dict[str, Any] | None) -> list[tuple[Any, ...]]:
    """daily_counts rows of one article (``at``), or of every row (None)."""
    if at is None:
        quotes, events = _day_groups(lambda _t: true())
    else:
        quotes, events = _statements(conn.dialect.name).days_of
    return [("quote", *row) for row in _rows(conn, quotes, at)] + [
        ("event", *row) for row in _rows(conn, events, at)
    ]


def _tally(conn: Connection, table: Table, rows: list[tuple[Any, ...]], sign: int) -> None:
    """Add (``sign`` 1) or take off (-1) counts: ``rows`` hold the table's key columns, then a count.
    A count taken down to nothing takes its row with it."""
    if not rows:
        return
    st = _statements(conn.dialect.name)
    *keys, count = [c.name for c in table.c]
    if sign > 0:
        conn.execute(st.add[table.name], [dict(zip([*keys, count], row, strict=True)) for row in rows])
        return
    where = [{f"b_{k}": v for k, v in zip(keys, row, strict=False)} for row in rows]
    taken, emptied = st.take[table.name]
    conn.execute(taken, [{**w, "b_taken": row[-1]} for w, row in zip(where, rows, strict=True)])
    conn.execute(emptied, where)


def _insert_of(dialect: str) -> Any:
    return postgresql.insert if dialect == "postgresql" else sqlite.insert

"""The reads the summary tables (``summaries``) answer: the places list, one place, the map's counts
and the unfiltered timeline. ``SummaryReads`` extends the lists of ``queries.Reads``, the actor
pages of ``actor_reads`` and the search of ``search_reads``; the Store is one.

Each answers what grouping the rows answered before, row for row and in the same order: a places
list or a map reads one summary row per place key (a few hundred rows, whatever the store holds)
instead of grouping a row per article and matching every quote's sentence with JSON spans. What a
summary cannot say exactly is read from the rows as before: the lists' name and country filters for
the (rare) keys whose rows disagree on those columns, and the map and timeline under any filter
(the quote links still spare the map the JSON spans).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, Select, Table, func, select, union_all
from sqlalchemy.engine import Connection

from dateline.store import edge_summaries
from dateline.store.actor_reads import ActorReads
from dateline.store.filters import Filters
from dateline.store.items import place_item
from dateline.store.paging import PLACE_SORTS, Walk, column_order, keyed, page_rows, sort_value
from dateline.store.queries import MAX_EDGES
from dateline.store.schema import TABLES
from dateline.store.search_reads import SearchReads
from dateline.store.summaries import daily_counts, place_stats, place_types, quote_places

T = TABLES
CHUNK = 900  # values per IN list
ARMS = 200  # SELECTs per UNION: SQLite allows 500 at most
# Conditions on a place table's columns (place_stats' or places'): what a list's filters keep.
Match = Callable[[Table], list[ColumnElement[bool]]]


def _place_match(q: str | None, country: str | None) -> Match | None:
    """The places list's filters (name contains ``q``, in ``country``), None without any."""
    if not q and not country:
        return None

    def match(table: Table) -> list[ColumnElement[bool]]:
        where = []
        if q:
            where.append(func.lower(table.c.name).contains(q.lower(), autoescape=True))
        if country:
            where.append(table.c.country == country.upper())
        return where

    return match


def _stats_columns() -> Select[Any]:
    """place_stats as the rows' grouping gives it (``_row_groups``' columns, in its order)."""
    ps = place_stats
    return select(
        ps.c.key, ps.c.name, ps.c.country, ps.c.feature, ps.c.geonameid, ps.c.lat, ps.c.lon,
        ps.c.articles, ps.c.mentions, ps.c.first_pk,
    )  # fmt: skip


def _row_groups() -> Select[Any]:
    """One row per place key grouped from the places rows: what place_stats holds, for rows a filter
    keeps only some of."""
    p = T.places
    return select(
        p.c.key, func.min(p.c.name).label("name"), func.min(p.c.country).label("country"),
        func.min(p.c.feature).label("feature"), func.min(p.c.geonameid).label("geonameid"),
        func.min(p.c.lat).label("lat"), func.min(p.c.lon).label("lon"),
        func.count(func.distinct(p.c.article_pk)).label("articles"), func.sum(p.c.n_mentions).label("mentions"),
        func.min(p.c.pk).label("first_pk"),
    ).group_by(p.c.key)  # fmt: skip


class SummaryReads(ActorReads, SearchReads):
    """The Store's reads, with those the summary tables answer."""

    # ---- places --------------------------------------------------------------------------------

    @staticmethod
    def _place_source(match: Match | None) -> Select[Any] | CompoundSelect:
        """One row per place key over the places rows ``match`` keeps (every row: None).

        A uniform key's rows all pass a filter on its shown columns or none does, so its summary row
        answers; a key whose rows disagree is grouped from the rows that pass, as before.
        """
        if match is None:
            return _stats_columns()
        ps = place_stats
        mixed = select(ps.c.key).where(ps.c.uniform == 0)
        return union_all(
            _stats_columns().where(ps.c.uniform == 1, *match(ps)),
            _row_groups().where(*match(T.places), T.places.c.key.in_(mixed)),
        )

    def places(
        self,
        q: str | None = None,
        country: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
        sort: str | None = None,
        before: str | None = None,
    ) -> dict[str, Any]:
        """Places across articles (one per gazetteer id, else per folded name), most reported first;
        ``sort``: a column of ``PLACE_SORTS`` ("-articles", the default; "name", "-mentions", ...)."""
        walk = Walk(cursor, before)
        grouped = self._place_source(_place_match(q, country)).subquery("grouped")
        columns = {"articles": grouped.c.articles, "name": grouped.c.name, "mentions": grouped.c.mentions}
        order = column_order(sort_value(sort, PLACE_SORTS), columns, grouped.c.key)
        with self.engine.connect() as conn:
            rows, next_cursor, prev_cursor = page_rows(
                conn, keyed(select(grouped), order), order, walk, limit
            )
            examples = self._place_examples(conn, [r.key for r in rows])
        items = [place_item(r, examples.get(r.key, [])) for r in rows]
        return {"items": items, "next_cursor": next_cursor, "prev_cursor": prev_cursor}

    def count_places(self, q: str | None = None, country: str | None = None) -> int:
        """How many places ``places`` lists under the same filters."""
        query = select(func.count()).select_from(self._place_source(_place_match(q, country)).subquery())
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def place_names(self, limit: int = 60) -> list[tuple[str, str | None]]:
        """(name, country) of the first ``limit`` places ``places`` lists: the place box's suggestions,
        without the examples a list item carries."""
        ps = place_stats
        query = select(ps.c.name, ps.c.country).order_by(ps.c.articles.desc(), ps.c.key).limit(limit)
        with self.engine.connect() as conn:
            return [(name, country) for name, country in conn.execute(query)]

    def find_place(self, text: str) -> str | None:
        """The place id a person means by ``text``: a place id stays as it is; else the most reported
        place of that name (case ignored); else the most reported place whose name holds it. None when
        no place fits."""
        text = text.strip()
        if not text:
            return None
        ps = place_stats
        named = self._place_source(lambda t: [func.lower(t.c.name) == text.lower()]).subquery("named")
        best = select(named.c.key).order_by(named.c.articles.desc(), named.c.key).limit(1)
        with self.engine.connect() as conn:
            if conn.execute(select(ps.c.key).where(ps.c.key == text)).first() is not None:
                return text
            found = conn.execute(best).scalar()
        if found is None:
            first = self.places(q=text, limit=1)["items"]
            found = first[0]["id"] if first else None
        return found

    def place(self, key: str) -> dict[str, Any] | None:
        """One place by its key (a ``places`` item id), as ``places`` lists it; None when unknown."""
        with self.engine.connect() as conn:
            row = conn.execute(_stats_columns().where(place_stats.c.key == key)).first()
            if row is None:
                return None
            return place_item(row, self._place_examples(conn, [key]).get(key, []))

    def _place_examples(
        self, conn: Connection, keys: list[str], per_place: int = 3
    ) -> dict[str, list[dict[str, Any]]]:
        """The first mention of each of the first ``per_place`` rows of each key, with its article id.
        Each key's first rows come from its index, as a UNION of small ordered queries: a window over
        every row of widely reported places costs far more."""
        if not keys:
            return {}
        p, a = T.places, T.articles
        found: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for start in range(0, len(keys), ARMS):
            firsts = [
                select(p.c.pk).where(p.c.key == key).order_by(p.c.pk).limit(per_place).subquery().select()
                for key in keys[start : start + ARMS]
            ]
            picked = union_all(*firsts).subquery("picked")
            query = (
                select(p.c.key, p.c.mentions, a.c.id)
                .join(a, a.c.pk == p.c.article_pk)
                .where(p.c.pk.in_(select(picked.c.pk)))
                .order_by(p.c.pk)
            )
            for r in conn.execute(query):
                for mention in _first_mentions(r.mentions):
                    found[r.key].append({"article_id": r.id, **mention})
        return found

    # ---- the map -------------------------------------------------------------------------------

    def place_counts(self, only: str | None = None, **filters: Any) -> list[dict[str, Any]]:
        """Places with coordinates and the filtered events at them and quotes naming them: what a map
        draws. Per place ``{id, name, country, lat, lon, events, types: {event type: n}, quotes}``,
        most events and quotes first; a place with neither under the filters is left out.

        Events count by their place; a quote counts for each place a mention of which lies in its
        sentence (``context``), the same sentences ``place=<id>`` lists. ``only``: the counts of that
        one place (a place's page), the rows of no other place read. Without filters the counts come
        from the summaries alone.
        """
        f = Filters.of(filters)
        if self._blank_query(f.q):
            return []
        with self.engine.connect() as conn:
            if f == Filters():
                types, quotes = self._summary_counts(conn, only)
            else:
                types = self._events_per_place(conn, f, only)
                quotes = self._quotes_per_place(conn, f, only)
            keys = sorted(set(types) | set(quotes))
            found = self._located(conn, keys)
        counted = [
            {**found[key], "events": sum(types.get(key, {}).values()), "types": dict(sorted(types.get(key, {}).items())),
             "quotes": quotes.get(key, 0)}
            for key in keys if key in found
        ]  # fmt: skip
        return sorted(counted, key=lambda c: (-(c["events"] + c["quotes"]), c["id"]))

    @staticmethod
    def _summary_counts(
        conn: Connection, only: str | None
    ) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
        """Events per located place and type, and located quotes per place, of every row."""
        pt, ps = place_types, place_stats
        types: dict[str, dict[str, int]] = defaultdict(dict)
        typed = select(pt.c.key, pt.c.type, pt.c.events)
        quoted = select(ps.c.key, ps.c.quotes).where(ps.c.quotes > 0)
        if only is not None:
            typed, quoted = typed.where(pt.c.key == only), quoted.where(ps.c.key == only)
        for key, typ, n in conn.execute(typed):
            types[key][typ] = n
        return types, {key: n for key, n in conn.execute(quoted)}

    def _events_per_place(self, conn: Connection, f: Filters, only: str | None) -> dict[str, dict[str, int]]:
        ev, p = T.events, T.places
        one = [p.c.key == only] if only is not None else []
        rows = conn.execute(
            select(p.c.key, ev.c.type, func.count())
            .join(p, p.c.pk == ev.c.place_pk)
            .where(*self._event_where(f), p.c.lat.is_not(None), p.c.lon.is_not(None), *one)
            .group_by(p.c.key, ev.c.type)
        )
        found: dict[str, dict[str, int]] = defaultdict(dict)
        for key, typ, n in rows:
            found[key][typ] = n
        return found

    def _quotes_per_place(self, conn: Connection, f: Filters, only: str | None) -> dict[str, int]:
        """Quotes per place whose sentence holds a mention of one of the place's rows with coordinates
        (counted once each): the matching quotes met with their quote links."""
        qt, ql = T.quotes, quote_places
        matched = self._matched(select(qt.c.pk), f, "quotes")[0].subquery("matched")
        one = [ql.c.key == only] if only is not None else []
        rows = conn.execute(
            select(ql.c.key, func.count(func.distinct(ql.c.quote_pk)))
            .select_from(ql.join(matched, matched.c.pk == ql.c.quote_pk))
            .where(ql.c.located == 1, *one)
            .group_by(ql.c.key)
        )
        return {key: n for key, n in rows}

    def _located(self, conn: Connection, keys: list[str]) -> dict[str, dict[str, Any]]:
        """Name, country and coordinates of these place keys (those with coordinates), over their rows
        with coordinates: a uniform key's summary row, the rows of any other."""
        ps, p = place_stats, T.places
        found: dict[str, dict[str, Any]] = {}
        mixed: list[str] = []
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start : start + CHUNK]
            for key, name, country, lat, lon, uniform in conn.execute(
                select(ps.c.key, ps.c.name, ps.c.country, ps.c.lat, ps.c.lon, ps.c.uniform).where(
                    ps.c.key.in_(chunk)
                )
            ):
                if not uniform:
                    mixed.append(key)
                elif lat is not None and lon is not None:
                    found[key] = {"id": key, "name": name, "country": country, "lat": lat, "lon": lon}
        for start in range(0, len(mixed), CHUNK):
            for r in conn.execute(
                select(
                    p.c.key, func.min(p.c.name), func.min(p.c.country), func.min(p.c.lat), func.min(p.c.lon)
                )
                .where(p.c.key.in_(mixed[start : start + CHUNK]), p.c.lat.is_not(None), p.c.lon.is_not(None))
                .group_by(p.c.key)
            ):
                found[r[0]] = {"id": r[0], "name": r[1], "country": r[2], "lat": r[3], "lon": r[4]}
        return found

    # ---- the network ---------------------------------------------------------------------------

    def network(self, max_edges: int | None = MAX_EDGES, **filters: Any) -> dict[str, Any]:
        """Actor-to-actor edges (actor -> recipient, per event type) over the filtered events; see
        ``Reads.network``. Unfiltered and cut to ``max_edges``, from the network's summaries."""
        if max_edges is None or Filters.of(filters) != Filters():
            return super().network(max_edges, **filters)
        with self.engine.connect() as conn:
            kept, total, involvement = edge_summaries.network(conn, max_edges)
            return self._network_output(conn, kept, total, involvement)

    # ---- the timeline --------------------------------------------------------------------------

    def timeline(self, **filters: Any) -> list[dict[str, Any]]:
        """Quotes per day by source type and events per day by type (days with a known date only);
        without filters or with a date range alone, from the daily counts (one row per day, kind and
        type, as the list has)."""
        f = Filters.of(filters)
        if replace(f, date_from=None, date_to=None) != Filters():
            return super().timeline(**filters)
        dc = daily_counts
        with self.engine.connect() as conn:
            query = select(dc.c.kind, dc.c.day, dc.c.type, dc.c.n).where(
                dc.c.day != "", *self._dated(dc.c.day, f)
            )
            rows = conn.execute(query).all()
        out = [{"day": day, "kind": kind, "type": typ, "count": n} for kind, day, typ, n in rows]
        return sorted(out, key=lambda x: (x["day"], x["kind"], x["type"]))


def _first_mentions(mentions: str) -> list[dict[str, Any]]:
    """A places row's first mention span (with its context): the example a list item shows."""
    return list(json.loads(mentions)[:1])

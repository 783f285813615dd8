"""The desk's place, map, timeline and network reads as they were before the summary tables
(issue 16): every one grouped from the rows on each call, the place filter met each quote with the
places' JSON spans. ``tests/test_store_summaries.py`` checks that the summaries answer the same.

``ReferenceReads`` is ``queries.Reads`` (whose unfiltered ``timeline`` and ``network`` still walk
every row) with the place methods of that time put back, verbatim; it reads a store's engine.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, and_, cast, func, literal, select, true
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Connection

from dateline.store import Store
from dateline.store.filters import Filters
from dateline.store.items import place_item
from dateline.store.paging import PLACE_SORTS, Walk, column_order, keyed, page_rows, sort_value
from dateline.store.queries import Reads
from dateline.store.schema import TABLES as T


class ReferenceReads(Reads):
    """The reads over ``store``'s engine as they were: no summary table read."""

    def __init__(self, store: Store) -> None:
        self.engine = store.engine
        self.dialect = store.dialect

    def _mention_spans(
        self, mentions: ColumnElement[str]
    ) -> tuple[Any, ColumnElement[Any], ColumnElement[Any]]:
        """A places row's ``mentions`` (a JSON list of spans) as rows to join, with each span's start
        and end: json_each on SQLite, jsonb_array_elements on PostgreSQL (the column is text there)."""
        if self.dialect == "postgresql":
            spans = func.jsonb_array_elements(cast(mentions, JSONB)).table_valued("value").alias("span")
            value = spans.c.value
            return spans, cast(value.op("->>")("start"), Integer), cast(value.op("->>")("end"), Integer)
        spans = func.json_each(mentions).table_valued("value").alias("span")
        return spans, func.json_extract(spans.c.value, "$.start"), func.json_extract(spans.c.value, "$.end")

    def _names_place(self, qt: Any, key: str) -> ColumnElement[bool]:
        """The quote's sentence holds a mention of the place ``key``. The articles mentioning the
        place come first from the places index; the spans are read for those alone."""
        p = T.places.alias("place_filter")
        spans, start, end = self._mention_spans(p.c.mentions)
        inside = (
            select(literal(1))
            .select_from(p.join(spans, true()))
            .where(p.c.article_pk == qt.c.article_pk, p.c.key == key)
            .where(start >= qt.c.context_start, end <= qt.c.context_end)
        )
        mentioned = select(T.places.c.article_pk).where(T.places.c.key == key)
        return and_(qt.c.article_pk.in_(mentioned), inside.exists())

    # ---- places --------------------------------------------------------------------------------

    def _place_query(self, q: str | None, country: str | None) -> Select[Any]:
        p = T.places
        query = self._place_groups()
        if q:
            query = query.where(func.lower(p.c.name).contains(q.lower(), autoescape=True))
        if country:
            query = query.where(p.c.country == country.upper())
        return query

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
        grouped = self._place_query(q, country).subquery("grouped")
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
        query = select(func.count()).select_from(self._place_query(q, country).subquery())
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def find_place(self, text: str) -> str | None:
        """The place id a person means by ``text``: a place id stays as it is; else the most reported
        place of that name (case ignored); else the most reported place whose name holds it. None when
        no place fits."""
        text = text.strip()
        if not text:
            return None
        p = T.places
        named = self._place_groups().where(func.lower(p.c.name) == text.lower()).subquery("named")
        best = select(named.c.key).order_by(named.c.articles.desc(), named.c.key).limit(1)
        with self.engine.connect() as conn:
            if conn.execute(select(p.c.key).where(p.c.key == text).limit(1)).first() is not None:
                return text
            found = conn.execute(best).scalar()
        if found is None:
            first = self.places(q=text, limit=1)["items"]
            found = first[0]["id"] if first else None
        return found

    @staticmethod
    def _place_groups() -> Select[Any]:
        """One row per place key: its name, country, coordinates and how often it is reported."""
        p = T.places
        return select(
            p.c.key, func.min(p.c.name).label("name"), func.min(p.c.country).label("country"),
            func.min(p.c.feature).label("feature"), func.min(p.c.geonameid).label("geonameid"),
            func.min(p.c.lat).label("lat"), func.min(p.c.lon).label("lon"),
            func.count(func.distinct(p.c.article_pk)).label("articles"), func.sum(p.c.n_mentions).label("mentions"),
            func.min(p.c.pk).label("first_pk"),
        ).group_by(p.c.key)  # fmt: skip

    def place(self, key: str) -> dict[str, Any] | None:
        """One place by its key (a ``places`` item id), as ``places`` lists it; None when unknown."""
        with self.engine.connect() as conn:
            row = conn.execute(self._place_groups().where(T.places.c.key == key)).first()
            if row is None:
                return None
            return place_item(row, self._place_examples(conn, [key]).get(key, []))

    def place_counts(self, only: str | None = None, **filters: Any) -> list[dict[str, Any]]:
        """Places with coordinates and the filtered events at them and quotes naming them: what a map
        draws. Per place ``{id, name, country, lat, lon, events, types: {event type: n}, quotes}``,
        most events and quotes first; a place with neither under the filters is left out.

        Events count by their place; a quote counts for each place a mention of which lies in its
        sentence (``context``), the same sentences ``place=<id>`` lists. ``only``: the counts of that
        one place (a place's page), the rows of no other place read.
        """
        f = Filters.of(filters)
        if self._blank_query(f.q):
            return []
        with self.engine.connect() as conn:
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
        """Quotes per place whose sentence holds one of the place's mentions (counted once each).

        The places' mention spans are read out of their JSON once, first (a materialised CTE), and
        then met with the quotes of their article: joined the other way, each place's JSON was parsed
        again for every quote of its article."""
        qt = T.quotes
        columns = select(qt.c.pk, qt.c.article_pk, qt.c.context_start, qt.c.context_end)
        quotes = self._matched(columns, f, "quotes")[0].subquery("matched")
        p = T.places
        spans, start, end = self._mention_spans(p.c.mentions)
        one = [p.c.key == only] if only is not None else []
        located = (
            select(p.c.key, p.c.article_pk, start.label("start"), end.label("end"))
            .select_from(p.join(spans, true()))
            .where(p.c.lat.is_not(None), p.c.lon.is_not(None), *one)
            .cte("located_spans")
            .prefix_with("MATERIALIZED")
        )
        rows = conn.execute(
            select(located.c.key, func.count(func.distinct(quotes.c.pk)))
            .select_from(located.join(quotes, quotes.c.article_pk == located.c.article_pk))
            .where(located.c.start >= quotes.c.context_start, located.c.end <= quotes.c.context_end)
            .group_by(located.c.key)
        )
        return {key: n for key, n in rows}

    def _located(self, conn: Connection, keys: list[str]) -> dict[str, dict[str, Any]]:
        """Name, country and coordinates of these place keys (those with coordinates)."""
        p = T.places
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(keys), 900):
            for r in conn.execute(
                select(
                    p.c.key, func.min(p.c.name), func.min(p.c.country), func.min(p.c.lat), func.min(p.c.lon)
                )
                .where(p.c.key.in_(keys[start : start + 900]), p.c.lat.is_not(None), p.c.lon.is_not(None))
                .group_by(p.c.key)
            ):
                found[r[0]] = {"id": r[0], "name": r[1], "country": r[2], "lat": r[3], "lon": r[4]}
        return found

    def _place_examples(
        self, conn: Connection, keys: list[str], per_place: int = 3
    ) -> dict[str, list[dict[str, Any]]]:
        if not keys:
            return {}
        p, a = T.places, T.articles
        number = func.row_number().over(partition_by=p.c.key, order_by=p.c.pk).label("n")
        inner = (
            select(p.c.key, p.c.article_pk, p.c.mentions, number).where(p.c.key.in_(keys)).subquery("ranked")
        )
        query = (
            select(inner.c.key, inner.c.mentions, a.c.id)
            .join(a, a.c.pk == inner.c.article_pk)
            .where(inner.c.n <= per_place)
        )
        found: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in conn.execute(query.order_by(inner.c.key, inner.c.n)):
            for mention in json.loads(r.mentions)[:1]:
                found[r.key].append({"article_id": r.id, **mention})
        return found

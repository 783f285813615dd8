"""The Store's search: quotes then articles matching a query under filters, both ways through the
pages, with facets that count what is listed."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    select,
)
from sqlalchemy.engine import Connection

from dateline.store.filters import (
    Filters,
)
from dateline.store.items import (
    labelled,
)
from dateline.store.paging import (
    TEXT_SORTS,
    Walk,
    decode_cursor,
    encode_cursor,
    sort_value,
)
from dateline.store.queries import FACET_SCOPE, FACET_SIZE, FACETS, SEARCH_KINDS, UNRESOLVED, Reads
from dateline.store.schema import TABLES, canonical_pk_of

T = TABLES


class SearchReads(Reads):
    """Search and its facets, over the filters and lists of ``Reads``."""

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
            items += labelled(kinds[k], page["items"])
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
            items = labelled(kinds[k], page["items"]) + items
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
            types_of = self._event_types_of(conn, sorted(set(articles_listed)), f.min_confidence)
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

    def _event_types_of(
        self, conn: Connection, article_pks: list[int], cut: float | None = None
    ) -> dict[int, set[str]]:
        """The event types each of these articles reports (at a ``cut``, in the events it keeps: what
        the ``event_type`` filter keeps there)."""
        if not article_pks:
            return {}
        ev = T.events
        # The ids go in as one JSON/array parameter, not thousands of bound parameters.
        kept = [] if cut is None else [ev.c.confidence >= cut]
        query = (
            select(ev.c.article_pk, ev.c.type)
            .where(self._among(ev.c.article_pk, article_pks), *kept)
            .distinct()
        )
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
                .join(canon, canon.c.pk == canonical_pk_of(ac))
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

"""The read side of the Store: filtered lists with keyset cursors, search with facets, the actor
page, timeline and network. Every method returns JSON-ready dicts; every quote, event, entity
and place item carries the spans that support it and its sentence ``context``.

Ordering: lists run newest first by day, then by primary key (``day`` desc, ``pk`` desc); a
full-text query (``q``) orders by primary key alone (the latest ingested first), which both
SQLite FTS5 and PostgreSQL's GIN index can serve without ranking every match. Aggregates
(actors, places) run by count, then key. A cursor is the sort key of the last item shown,
base64 JSON: pages stay stable while rows are added elsewhere.
"""

from __future__ import annotations

import base64
import datetime as dt
import heapq
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Engine,
    Integer,
    Select,
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
    true,
    union_all,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Connection, Row
from sqlalchemy.exc import DBAPIError

from dateline.model import EVENT_TYPES, MODALITIES, QUOTE_KINDS, SOURCE_TYPES
from dateline.store.schema import TABLES
from dateline.store.text import fold

T = TABLES
MAX_LIMIT = 500
FACET_SIZE = 20
# The network keeps its heaviest edges: a graph of more cannot be drawn or read.
MAX_EDGES = 1_000
# Facets count at most this many of the latest matches of each kind (see Reads.facets_with_scope).
FACET_SCOPE = 2_000
FACETS = ("speaker", "source_type", "outlet", "event_type", "month")
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


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps(list(values), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    """The sort key a cursor holds; ValueError for anything that is not a cursor this store made."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except Exception as exc:
        raise ValueError(f"invalid cursor {cursor!r}") from exc
    if not isinstance(values, list) or not all(v is None or isinstance(v, (str, int, float)) for v in values):
        raise ValueError(f"invalid cursor {cursor!r}")
    return values


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


def _keyset(order: Sequence[tuple[ColumnElement[Any], bool]], values: Sequence[Any]) -> ColumnElement[bool]:
    """Rows after ``values`` in ``order`` ((column, descending) pairs): the keyset condition."""
    clauses = []
    for i, (col, desc) in enumerate(order):
        equal = [order[j][0] == values[j] for j in range(i)]
        step = col < values[i] if desc else col > values[i]
        clauses.append(and_(*equal, step))
    return or_(*clauses)


def _fits(value: Any, col: ColumnElement[Any]) -> bool:
    """Whether a cursor value has the type of the column it is compared with (SQLite would not say)."""
    try:
        expected = col.type.python_type
    except NotImplementedError:
        return True
    return isinstance(value, expected) and not isinstance(value, bool)


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

    def _members(self, key: str) -> list[int]:
        """The rows of the actor ``key`` names (its own and every shorter name joining it), looked up
        first so that a filter on one row stays an equality its index walks in order. A joined key
        ("person-erdogan") names its canonical actor's rows too."""
        ac, named = T.actors, T.actors.alias("named")
        query = (
            select(ac.c.pk)
            .join(named, func.coalesce(named.c.canonical_pk, named.c.pk) == func.coalesce(ac.c.canonical_pk, ac.c.pk))
            .where(named.c.key == key)
            .order_by(ac.c.pk)
        )  # fmt: skip
        with self.engine.connect() as conn:
            members = [pk for (pk,) in conn.execute(query)]
        return members

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

    # ---- paging --------------------------------------------------------------------------------

    def _page(
        self,
        conn: Connection,
        query: Select[Any],
        order: Sequence[tuple[ColumnElement[Any], bool]],
        cursor: str | None,
        limit: int,
    ) -> tuple[list[Row[Any]], str | None]:
        limit = max(1, min(int(limit), MAX_LIMIT))
        if cursor:
            values = decode_cursor(cursor)
            if len(values) != len(order) or not all(map(_fits, values, [col for col, _ in order])):
                raise ValueError(f"invalid cursor {cursor!r}")
            query = query.where(_keyset(order, values))
        query = query.order_by(*[col.desc() if desc else col.asc() for col, desc in order]).limit(limit + 1)
        if cursor:
            try:
                rows = list(conn.execute(query))
            except DBAPIError as exc:  # a forged cursor with values of the wrong type
                conn.rollback()
                raise ValueError(f"invalid cursor {cursor!r}") from exc
        else:
            rows = list(conn.execute(query))
        if len(rows) <= limit:
            return rows, None
        rows = rows[:limit]
        last = rows[-1]._mapping
        return rows, encode_cursor([last[f"_k{i}"] for i in range(len(order))])

    @staticmethod
    def _keyed(query: Select[Any], order: Sequence[tuple[ColumnElement[Any], bool]]) -> Select[Any]:
        return query.add_columns(*[col.label(f"_k{i}") for i, (col, _desc) in enumerate(order)])

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
        self, query: Select[Any], f: Filters, kind: str
    ) -> tuple[Select[Any], list[tuple[ColumnElement[Any], bool]]]:
        """``query`` over quotes or articles narrowed by ``f``, and the order its pages follow.

        With ``q`` on SQLite the FTS5 table is joined and the order is its rowid (the row's pk),
        so FTS5 hands matches over newest first and the page stops after ``limit`` of them
        instead of collecting every match of a common word.
        """
        table, fts = (T.quotes, _quotes_fts) if kind == "quotes" else (T.articles, _articles_fts)
        where = self._quote_where if kind == "quotes" else self._article_where
        if f.q and self.dialect == "sqlite":
            query = query.join(fts, fts.c.rowid == table.c.pk).where(
                fts.c[fts.name].op("MATCH")(fts5_query(f.q)), *where(f, match=False)
            )
            return query, [(fts.c.rowid, True)]
        query = query.where(*where(f))
        if f.q:
            return query, [(table.c.pk, True)]
        return query, [(table.c.day, True), (table.c.pk, True)]

    def quotes(self, cursor: str | None = None, limit: int = 50, **filters: Any) -> dict[str, Any]:
        """Quotes matching ``filters`` (see ``Filters``), newest first; ``q`` searches their content."""
        f = Filters.of(filters)
        if self._blank_query(f.q):
            return {"items": [], "next_cursor": None}
        matched, order = self._matched(self._quote_select(), f, "quotes")
        query = self._keyed(matched, order)
        with self.engine.connect() as conn:
            rows, next_cursor = self._page(conn, query, order, cursor, limit)
        return {"items": [quote_item(r) for r in rows], "next_cursor": next_cursor}

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

    def events(self, cursor: str | None = None, limit: int = 50, **filters: Any) -> dict[str, Any]:
        """Events matching ``filters`` (``type``, ``actor``, ``recipient``, ``modality``, ...), newest first."""
        f = Filters.of(filters)
        ev = T.events
        order = [(ev.c.day, True), (ev.c.pk, True)]
        query = self._keyed(self._event_select().where(*self._event_where(f)), order)
        with self.engine.connect() as conn:
            rows, next_cursor = self._page(conn, query, order, cursor, limit)
            items = self._event_items(conn, rows)
        return {"items": items, "next_cursor": next_cursor}

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
        article_pks = sorted({r.article_pk for r in rows})
        spans: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
        for mention in conn.execute(
            select(m.c.article_pk, e.c.local_id, m.c.start, m.c.end, m.c.text)
            .select_from(m.join(e, e.c.pk == m.c.entity_pk))
            .where(m.c.article_pk.in_(article_pks))
            .order_by(m.c.start)
        ):
            spans[(mention.article_pk, mention.local_id)].append(
                {"start": mention.start, "end": mention.end, "text": mention.text}
            )
        by_event: dict[int, dict[str, list[dict[str, Any]]]] = defaultdict(
            lambda: {"actor": [], "recipient": []}
        )
        article_of = {r.pk: r for r in rows}
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

    def articles(self, cursor: str | None = None, limit: int = 50, **filters: Any) -> dict[str, Any]:
        """Articles matching ``filters`` (``q`` searches title and text), newest first, without full text."""
        f = Filters.of(filters)
        if self._blank_query(f.q):
            return {"items": [], "next_cursor": None}
        a = T.articles
        columns: Select[Any] = select(
            a.c.pk, a.c.id, a.c.title, a.c.published, a.c.day, a.c.outlet, a.c.url, a.c.source,
            a.c.n_quotes, a.c.n_events, a.c.n_entities, func.substr(a.c.text, 1, 280).label("lead"),
        )  # fmt: skip
        query, order = self._matched(columns, f, "articles")
        with self.engine.connect() as conn:
            rows, next_cursor = self._page(conn, self._keyed(query, order), order, cursor, limit)
        return {"items": [article_item(r) for r in rows], "next_cursor": next_cursor}

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

    def actors(
        self,
        q: str | None = None,
        type: str | None = None,
        code: str | None = None,
        sector: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> dict[str, Any]:
        """Actors across articles, most widely reported first, with example mentions and aliases.

        One item per canonical actor (see ``core.refresh_actors``); generic groups are none. ``q`` finds
        an actor by any of its names, accents and punctuation folded ("Erdogan" = "Erdoğan", "America"
        finds the United States): it reads the names (a scan of the actors table, not of entities).
        """
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
        order = [(ac.c.articles, True), (ac.c.key, False)]
        paged = self._keyed(query, order)
        with self.engine.connect() as conn:
            rows, next_cursor = self._page(conn, paged, order, cursor, limit)
            examples = self._mention_examples(conn, [r.pk for r in rows], per_actor=3)
        items = [actor_item(r, examples.get(r.pk, [])) for r in rows]
        return {"items": items, "next_cursor": next_cursor}

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
            members = self._members(key)
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
        rows = conn.execute(
            select(canon.c.key, canon.c.name, mine.c.event_pk)
            .select_from(
                mine.join(other, other.c.event_pk == mine.c.event_pk)
                .join(base, base.c.pk == other.c.actor_pk)
                .join(canon, canon.c.pk == func.coalesce(base.c.canonical_pk, base.c.pk))
            )
            .where(mine.c.actor_pk.in_(members), other.c.actor_pk.not_in(members), base.c.generic == 0)
            .distinct()
        ).all()
        return _ranked_actors(((r.key, r.name, r.event_pk) for r in rows), "event_ids", top)

    def _co_mentioned(self, conn: Connection, members: list[int], top: int = 15) -> list[dict[str, Any]]:
        """Actors named in the same articles, most shared articles first, with those article ids."""
        e, a = T.entities, T.articles
        base, canon = T.actors.alias("base"), T.actors.alias("canon")
        other = e.alias("other")
        mine = e.alias("mine")
        rows = conn.execute(
            select(canon.c.key, canon.c.name, a.c.id)
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
        ).all()
        return _ranked_actors(((r.key, r.name, r.id) for r in rows), "article_ids", top)

    # ---- places --------------------------------------------------------------------------------

    def places(
        self, q: str | None = None, country: str | None = None, cursor: str | None = None, limit: int = 50
    ) -> dict[str, Any]:
        """Places across articles (one per gazetteer id, else per folded name), most reported first."""
        p = T.places
        query = self._place_groups()
        if q:
            query = query.where(func.lower(p.c.name).contains(q.lower(), autoescape=True))
        if country:
            query = query.where(p.c.country == country.upper())
        grouped = query.subquery("grouped")
        order = [(grouped.c.articles, True), (grouped.c.key, False)]
        with self.engine.connect() as conn:
            rows, next_cursor = self._page(conn, self._keyed(select(grouped), order), order, cursor, limit)
            examples = self._place_examples(conn, [r.key for r in rows])
        items = [place_item(r, examples.get(r.key, [])) for r in rows]
        return {"items": items, "next_cursor": next_cursor}

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

    def place_counts(self, **filters: Any) -> list[dict[str, Any]]:
        """Places with coordinates and the filtered events at them and quotes naming them: what a map
        draws. Per place ``{id, name, country, lat, lon, events, types: {event type: n}, quotes}``,
        most events and quotes first; a place with neither under the filters is left out.

        Events count by their place; a quote counts for each place a mention of which lies in its
        sentence (``context``), the same sentences ``place=<id>`` lists.
        """
        f = Filters.of(filters)
        if self._blank_query(f.q):
            return []
        with self.engine.connect() as conn:
            types = self._events_per_place(conn, f)
            quotes = self._quotes_per_place(conn, f)
            keys = sorted(set(types) | set(quotes))
            found = self._located(conn, keys)
        counted = [
            {**found[key], "events": sum(types.get(key, {}).values()), "types": dict(sorted(types.get(key, {}).items())),
             "quotes": quotes.get(key, 0)}
            for key in keys if key in found
        ]  # fmt: skip
        return sorted(counted, key=lambda c: (-(c["events"] + c["quotes"]), c["id"]))

    def _events_per_place(self, conn: Connection, f: Filters) -> dict[str, dict[str, int]]:
        ev, p = T.events, T.places
        rows = conn.execute(
            select(p.c.key, ev.c.type, func.count())
            .join(p, p.c.pk == ev.c.place_pk)
            .where(*self._event_where(f), p.c.lat.is_not(None), p.c.lon.is_not(None))
            .group_by(p.c.key, ev.c.type)
        )
        found: dict[str, dict[str, int]] = defaultdict(dict)
        for key, typ, n in rows:
            found[key][typ] = n
        return found

    def _quotes_per_place(self, conn: Connection, f: Filters) -> dict[str, int]:
        """Quotes per place whose sentence holds one of the place's mentions (counted once each)."""
        qt = T.quotes
        columns = select(qt.c.pk, qt.c.article_pk, qt.c.context_start, qt.c.context_end)
        quotes = self._matched(columns, f, "quotes")[0].subquery("matched")
        p = T.places
        spans, start, end = self._mention_spans(p.c.mentions)
        rows = conn.execute(
            select(p.c.key, func.count(func.distinct(quotes.c.pk)))
            .select_from(quotes.join(p, p.c.article_pk == quotes.c.article_pk).join(spans, true()))
            .where(p.c.lat.is_not(None), p.c.lon.is_not(None))
            .where(start >= quotes.c.context_start, end <= quotes.c.context_end)
            .group_by(p.c.key)
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

    # ---- search, facets ------------------------------------------------------------------------

    def search(
        self,
        q: str,
        kinds: Sequence[str] = SEARCH_KINDS,
        cursor: str | None = None,
        limit: int = 50,
        facets: bool = True,
        **filters: Any,
    ) -> dict[str, Any]:
        """Quotes, then articles, matching ``q`` and ``filters``; facets count every match.

        Items carry "item" ("quote" or "article"; a quote's own "kind" is direct/mixed/indirect). The cursor walks the quotes first, then the
        articles, so a page can hold both.
        """
        kinds = [k for k in SEARCH_KINDS if k in kinds]
        f = Filters.of({**filters, "q": q})
        if self._blank_query(q) or not kinds:
            return {"items": [], "next_cursor": None, "facets": {name: [] for name in FACETS}}
        position: list[Any] = decode_cursor(cursor) if cursor else [0, None]
        if len(position) != 2 or not isinstance(position[0], int) or position[0] >= len(kinds):
            raise ValueError(f"invalid cursor {cursor!r}")
        kind_index: int = position[0]
        page_cursor: str | None = position[1]
        items: list[dict[str, Any]] = []
        next_cursor = None
        while kind_index < len(kinds) and len(items) < limit:
            lister = self.quotes if kinds[kind_index] == "quotes" else self.articles
            page = lister(cursor=page_cursor, limit=limit - len(items), **filters, q=q)
            label = "quote" if kinds[kind_index] == "quotes" else "article"
            items += [{"item": label, **item} for item in page["items"]]
            if page["next_cursor"]:
                next_cursor = encode_cursor([kind_index, page["next_cursor"]])
                break
            kind_index += 1
            page_cursor = None
            if kind_index < len(kinds) and len(items) >= limit:
                next_cursor = encode_cursor([kind_index, None])
        result: dict[str, Any] = {"items": items, "next_cursor": next_cursor}
        if facets:
            result["facets"], result["facets_scope"] = self.facets_with_scope(f, kinds)
        return result

    def facets(self, f: Filters, kinds: Sequence[str] = SEARCH_KINDS) -> dict[str, list[list[Any]]]:
        """Counts of matching items by speaker, source type, outlet, event type and month (top 20 each).

        See ``facets_with_scope``; this gives the counts alone.
        """
        return self.facets_with_scope(f, kinds)[0]

    def facets_with_scope(
        self, f: Filters, kinds: Sequence[str] = SEARCH_KINDS, scope: int = FACET_SCOPE
    ) -> tuple[dict[str, list[list[Any]]], dict[str, Any]]:
        """The facets, and what they counted: ``{"quotes": n, "articles": n, "limit", "complete"}``.

        Speaker and source type count matching quotes; outlet and month count matching quotes and
        articles together; event type counts the events of the matching articles (or, when only
        quotes are searched, of the articles holding the matching quotes). Facets count the latest
        ``scope`` matches of each kind: exact for any focused search, and a bounded cost (instead
        of a scan of every quote) for a word found in most of a million quotes; "complete" says
        which of the two a result is.
        """
        qt, a, ev = T.quotes, T.articles, T.events
        totals: dict[str, Counter[Any]] = {name: Counter() for name in FACETS}
        counted = {"quotes": 0, "articles": 0}
        holders: Any = None  # the articles whose events the event type facet counts
        # One query per kind fetches the facet columns of the latest matches; Python counts them.
        with self.engine.connect() as conn:
            if "quotes" in kinds:
                cols = select(
                    qt.c.pk, qt.c.article_pk, qt.c.actor_pk, qt.c.speaker_start, qt.c.source_type, qt.c.outlet,
                    qt.c.day,
                )  # fmt: skip
                latest, order = self._matched(cols, f, "quotes")
                rows = conn.execute(latest.order_by(*[col.desc() for col, _desc in order]).limit(scope)).all()
                counted["quotes"] = len(rows)
                if rows:
                    # Whole columns at once: per-row attribute access costs more than the query here.
                    _pks, article_pks, actor_pks, starts, source_types, outlets, days = zip(
                        *rows, strict=True
                    )
                    totals["speaker"].update(self._speaker_names(conn, actor_pks, starts))
                    totals["source_type"].update(source_types)
                    totals["outlet"].update(outlets)
                    totals["month"].update(day[:7] for day in days)
                    holders = sorted(set(article_pks))
            if "articles" in kinds:
                latest, order = self._matched(select(a.c.pk, a.c.outlet, a.c.day), f, "articles")
                rows = conn.execute(latest.order_by(*[col.desc() for col, _desc in order]).limit(scope)).all()
                counted["articles"] = len(rows)
                if rows:
                    article_pks, outlets, days = zip(*rows, strict=True)
                    totals["outlet"].update(outlets)
                    totals["month"].update(day[:7] for day in days)
                    holders = list(article_pks)
                else:
                    holders = []
            if holders:
                # The ids go in as one JSON/array parameter, not thousands of bound parameters.
                types = (
                    select(ev.c.type, func.count())
                    .where(self._among(ev.c.article_pk, holders))
                    .group_by(ev.c.type)
                )
                totals["event_type"].update(dict(conn.execute(types).all()))  # type: ignore[arg-type]
        facets = {
            name: [[value, n] for value, n in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))
                   if value not in (None, "")][:FACET_SIZE]
            for name, counter in totals.items()
        }  # fmt: skip
        complete = all(n < scope for n in counted.values())
        return facets, {**counted, "limit": scope, "complete": complete}

    def _speaker_names(
        self, conn: Connection, actor_pks: Sequence[int | None], starts: Sequence[int | None]
    ) -> list[str | None]:
        """The speaker facet's value of each quote: its canonical actor's name; "unresolved" for a
        speaker the text names with no entity behind it (a pronoun, "a diplomat who ..."); None (not
        counted) for a generic group ("officials") and for a quote with no speaker at all."""
        ac, canon = T.actors, T.actors.alias("canon")
        wanted = sorted({pk for pk in actor_pks if pk is not None})
        names: dict[int, str | None] = {}
        for start in range(0, len(wanted), 900):
            for pk, generic, name in conn.execute(
                select(ac.c.pk, ac.c.generic, canon.c.name)
                .join(canon, canon.c.pk == func.coalesce(ac.c.canonical_pk, ac.c.pk))
                .where(ac.c.pk.in_(wanted[start : start + 900]))
            ):
                names[pk] = None if generic else name
        return [
            names.get(pk) if pk is not None else (UNRESOLVED if begins is not None else None)
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

    def errors(self, cursor: str | None = None, limit: int = 50) -> dict[str, Any]:
        """Documents that failed (``failed`` true: not stored) or had a stage fail, latest first."""
        er = T.errors
        order = [(er.c.pk, True)]
        with self.engine.connect() as conn:
            rows, next_cursor = self._page(conn, self._keyed(select(er), order), order, cursor, limit)
        items = [
            {
                "id": r.pk, "article_id": r.article_id, "content_hash": r.content_hash, "source": r.source,
                "stage": r.stage, "code": r.code, "message": r.message, "failed": bool(r.failed),
                "ingested_at": r.ingested_at,
            }
            for r in rows
        ]  # fmt: skip
        return {"items": items, "next_cursor": next_cursor}

    def counts(self) -> dict[str, int]:
        """Rows per table: for a dashboard header and for tests."""
        with self.engine.connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(tbl)).scalar_one()
                for name, tbl in vars(T).items()
            }


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


def _ranked_actors(rows: Iterable[tuple[str, str, Any]], ids_key: str, top: int) -> list[dict[str, Any]]:
    """(actor key, name, shared item id) rows -> the ``top`` actors sharing the most items, each
    with its count and up to 50 of those item ids under ``ids_key``."""
    grouped: dict[str, dict[str, Any]] = {}
    for key, name, item in rows:
        entry = grouped.setdefault(key, {"actor": key, "name": name, "count": 0, ids_key: []})
        entry["count"] += 1
        entry[ids_key].append(item)
    ranked = sorted(grouped.values(), key=lambda x: (-x["count"], x["actor"]))[:top]
    for entry in ranked:
        entry[ids_key] = sorted(entry[ids_key])[:50]
    return ranked

"""The actor network's summaries, kept by every ingest beside ``summaries``' (issue 16): the
unfiltered network reads its heaviest edges from an index instead of every event of the store.

* ``event_pairs``: one row per event and pair of actor rows it joins (one of its actors, one of its
  recipients, the two rows different), with each row's first position on its side of the event.
* ``actor_edges``: those pairs per source row, target row and event type: how many events, and the
  first of them with the pair's positions in it: where ``Reads.network``, walking the events in
  order, first meets the edge (what decides between equally heavy edges at the cut).
* ``actor_events``: the events each actor row is in, on either side: a node's count.

They count actor rows, not the canonical actors the network draws: which actor a row is shown as
(``actors.canonical_pk``) and which rows are generic groups change as articles come in, so the
network maps rows to actors when it reads (``network``). A row that is its own canonical actor, has
no other row joining it and is no generic group is *regular*: its edges are the summary's, exactly.
The events of every other row are read and mapped as ``Reads.network`` maps them.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Column,
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
    func,
    literal_column,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from dateline.store.schema import TABLES, canonical_pk_of, metadata

T = TABLES
CHUNK = 900  # values per IN list
TRIPLES = 300  # (source, target, type) triples per IN list: three parameters each
REBUILD_ARTICLES = 2_000

event_pairs = Table(
    "event_pairs",
    metadata,
    Column("event_pk", Integer, nullable=False),
    Column("article_pk", Integer, nullable=False),
    Column("type", String, nullable=False),
    Column("source_pk", Integer, nullable=False),
    Column("target_pk", Integer, nullable=False),
    Column("spos", Integer, nullable=False),  # the source row's first position among the event's actors
    Column("tpos", Integer, nullable=False),  # the target row's first position among its recipients
    PrimaryKeyConstraint("source_pk", "target_pk", "type", "event_pk", name="pk_event_pairs"),
    Index("ix_event_pairs_article", "article_pk"),
)

actor_edges = Table(
    "actor_edges",
    metadata,
    Column("source_pk", Integer, nullable=False),
    Column("target_pk", Integer, nullable=False),
    Column("type", String, nullable=False),
    Column("events", Integer, nullable=False),
    Column("first_event", Integer, nullable=False),
    Column("spos", Integer, nullable=False),
    Column("tpos", Integer, nullable=False),
    Column("dirty", Integer, nullable=False, default=0, server_default="0"),
    PrimaryKeyConstraint("source_pk", "target_pk", "type", name="pk_actor_edges"),
    Index("ix_actor_edges_target", "target_pk"),
)
# The dirty edges only (a partial index, its condition spelled with a literal as the queries spell
# it): ``settle`` finds them at the end of every batch without reading every edge of the store.
DIRTY = literal_column("1", Integer)
Index(
    "ix_actor_edges_dirty",
    actor_edges.c.source_pk,
    actor_edges.c.target_pk,
    actor_edges.c.type,
    sqlite_where=actor_edges.c.dirty == DIRTY,
    postgresql_where=actor_edges.c.dirty == DIRTY,
)
# Heaviest first, then in the order the events meet them: the network's cut walks this index.
Index(
    "ix_actor_edges_rank",
    actor_edges.c.events.desc(),
    actor_edges.c.first_event,
    actor_edges.c.spos,
    actor_edges.c.tpos,
)

actor_events = Table(
    "actor_events",
    metadata,
    Column("actor_pk", Integer, primary_key=True, autoincrement=False),
    Column("events", Integer, nullable=False),
)

EDGE_SUMMARIES = (event_pairs, actor_edges, actor_events)

Edge = tuple[int, int, str]  # (source, target, event type)
Order = tuple[int, int, int]  # (first event, source position, target position): when an edge is met


# ---- what an article's rows count -------------------------------------------------------------------


def event_rows(roles: Iterable[Sequence[Any]]) -> dict[int, tuple[dict[int, int], dict[int, int]]]:
    """(event pk, role, position, actor row) rows -> per event, its actor rows on each side (actors,
    recipients) with each one's first position; rows with no actor left out."""
    sides: dict[int, tuple[dict[int, int], dict[int, int]]] = {}
    for event_pk, role, position, actor_pk in roles:
        if actor_pk is None:
            continue
        side = sides.setdefault(event_pk, ({}, {}))[0 if role == "actor" else 1]
        side[actor_pk] = min(side.get(actor_pk, position), position)
    return sides


def pair_rows(article_pk: int, types: dict[int, str], roles: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    """event_pairs rows of one article's events (``types``: event pk -> type)."""
    rows = []
    for event_pk, (sources, targets) in sorted(event_rows(roles).items()):
        for source, spos in sources.items():
            for target, tpos in targets.items():
                if source != target:
                    rows.append({"event_pk": event_pk, "article_pk": article_pk, "type": types[event_pk],
                                 "source_pk": source, "target_pk": target, "spos": spos, "tpos": tpos})  # fmt: skip
    return rows


def _article_roles(conn: Connection, article_pk: int) -> tuple[dict[int, str], list[Any]]:
    st, at = _statements(conn.dialect.name), {"b_article": article_pk}
    types: dict[int, str] = dict(conn.execute(st.types_of, at).all())
    return types, list(conn.execute(st.roles_of, at).all())


def _events_per_actor(roles: Iterable[Sequence[Any]]) -> list[tuple[int, int]]:
    """(actor row, events it is in) over these event_actors rows."""
    seen: dict[int, set[int]] = defaultdict(set)
    for event_pk, _role, _position, actor_pk in roles:
        if actor_pk is not None:
            seen[actor_pk].add(event_pk)
    return sorted((actor_pk, len(events)) for actor_pk, events in seen.items())


# ---- upkeep ------------------------------------------------------------------------------------------


def add_article(conn: Connection, article_pk: int) -> None:
    """Add one inserted article's events to the network's summaries."""
    types, roles = _article_roles(conn, article_pk)
    if not roles:
        return
    pairs = pair_rows(article_pk, types, roles)
    if pairs:
        conn.execute(event_pairs.insert(), pairs)
        _merge_edges(conn, pairs)
    _count_actors(conn, _events_per_actor(roles), +1)


def forget_article(conn: Connection, article_pk: int) -> None:
    """Take one article's events, about to be deleted, off: its edges are counted again by ``settle``."""
    st, at = _statements(conn.dialect.name), {"b_article": article_pk}
    triples = conn.execute(st.triples_of, at).all()
    if triples:
        conn.execute(st.mark_dirty, [{"b_s": s, "b_t": t, "b_y": y} for s, t, y in triples])
        conn.execute(st.drop_pairs, at)
    _count_actors(conn, _events_per_actor(_article_roles(conn, article_pk)[1]), -1)


def settle(conn: Connection) -> None:
    """Count the dirty edges again from their pairs (an edge with none left goes): one primary-key
    lookup per edge (SQLite meets a list of row values by scanning the whole table)."""
    ae = actor_edges
    edges = [
        {"b_s": s, "b_t": t, "b_y": y}
        for s, t, y in conn.execute(
            select(ae.c.source_pk, ae.c.target_pk, ae.c.type).where(ae.c.dirty == DIRTY)
        )
    ]
    if edges:
        st = _statements(conn.dialect.name)
        conn.execute(st.drop_edge, edges)
        conn.execute(st.count_edge, edges)


def has_dirty(conn: Connection) -> bool:
    return (
        conn.execute(select(actor_edges.c.dirty).where(actor_edges.c.dirty == DIRTY).limit(1)).first()
        is not None
    )


def rebuild(conn: Connection) -> None:
    """The network's summaries again, from the events and their actors."""
    for table in EDGE_SUMMARIES:
        conn.execute(delete(table))
    ev, ea = T.events, T.event_actors
    bounds = conn.execute(select(func.min(ev.c.article_pk), func.max(ev.c.article_pk))).one()
    if bounds[0] is not None:
        for low in range(bounds[0], bounds[1] + 1, REBUILD_ARTICLES):
            span = (low, low + REBUILD_ARTICLES - 1)
            events = select(ev.c.pk, ev.c.type).where(ev.c.article_pk.between(*span))
            types: dict[int, str] = dict(conn.execute(events).all())
            roles: dict[int, list[Any]] = defaultdict(list)
            for row in conn.execute(
                select(ea.c.article_pk, ea.c.event_pk, ea.c.role, ea.c.position, ea.c.actor_pk).where(
                    ea.c.article_pk.between(*span)
                )
            ):
                roles[row[0]].append(row[1:])
            pairs = [pair for pk in sorted(roles) for pair in pair_rows(pk, types, roles[pk])]
            if pairs:
                conn.execute(event_pairs.insert(), pairs)
    _insert_edges(conn, None)
    counted = select(ea.c.actor_pk, func.count(func.distinct(ea.c.event_pk))).where(
        ea.c.actor_pk.is_not(None)
    )
    _count_actors(conn, [tuple(r) for r in conn.execute(counted.group_by(ea.c.actor_pk))], +1)


def _insert_edges(conn: Connection, where: Any) -> None:
    """actor_edges rows grouped from the event pairs matching ``where`` (None: every pair), with the
    positions of each edge's first event."""
    conn.execute(_edges_from_pairs(where))


def _edges_from_pairs(where: Any) -> Any:
    """The insert of ``_insert_edges``."""
    ep = event_pairs
    grouped = select(
        ep.c.source_pk,
        ep.c.target_pk,
        ep.c.type,
        func.count().label("events"),
        func.min(ep.c.event_pk).label("first"),
    )
    if where is not None:
        grouped = grouped.where(where)
    g = grouped.group_by(ep.c.source_pk, ep.c.target_pk, ep.c.type).subquery("g")
    first = ep.alias("first")
    rows = (
        select(g.c.source_pk, g.c.target_pk, g.c.type, g.c.events, g.c.first, first.c.spos, first.c.tpos)
        .join(first, and_(first.c.source_pk == g.c.source_pk, first.c.target_pk == g.c.target_pk,
                          first.c.type == g.c.type, first.c.event_pk == g.c.first))
    )  # fmt: skip
    names = ["source_pk", "target_pk", "type", "events", "first_event", "spos", "tpos"]
    return actor_edges.insert().from_select(names, rows)


def _merge_edges(conn: Connection, pairs: list[dict[str, Any]]) -> None:
    """Add one article's pairs to actor_edges: events add up; the first event stays the earliest."""
    grouped: dict[Edge, dict[str, Any]] = {}
    for pair in pairs:  # in event order: an edge's first pair is its first event's
        key = (pair["source_pk"], pair["target_pk"], pair["type"])
        if key in grouped:
            grouped[key]["events"] += 1
        else:
            grouped[key] = {"source_pk": key[0], "target_pk": key[1], "type": key[2], "events": 1,
                            "first_event": pair["event_pk"], "spos": pair["spos"], "tpos": pair["tpos"]}  # fmt: skip
    conn.execute(_statements(conn.dialect.name).merge_edges, list(grouped.values()))


def _count_actors(conn: Connection, counts: list[tuple[int, int]], sign: int) -> None:
    """Add (``sign`` 1) or take off (-1) events per actor row; a row counted down to none goes."""
    if not counts:
        return
    st = _statements(conn.dialect.name)
    if sign > 0:
        conn.execute(st.add_actors, [{"actor_pk": pk, "events": n} for pk, n in counts])
        return
    taken, emptied = st.take_actors
    conn.execute(taken, [{"b_pk": pk, "b_n": n} for pk, n in counts])
    conn.execute(emptied, [{"b_pk": pk} for pk, _n in counts])


@dataclass(frozen=True)
class _Statements:
    """The upkeep's statements for one article (``b_article``), built once per dialect."""

    types_of: Select[Any]  # (pk, type) of its events
    roles_of: Select[Any]  # (event, role, position, actor row) of its events' actors and recipients
    triples_of: Select[Any]  # the (source, target, type) of its pairs
    mark_dirty: Any
    drop_edge: Any  # one edge (``b_s``, ``b_t``, ``b_y``) out of actor_edges
    count_edge: Any  # one edge into actor_edges, counted from its pairs
    drop_pairs: Any
    merge_edges: Any
    add_actors: Any
    take_actors: tuple[Any, Any]


@lru_cache(maxsize=4)
def _statements(dialect: str) -> _Statements:
    article = bindparam("b_article", type_=Integer)
    ev, ea, ep, ae, ac = T.events, T.event_actors, event_pairs, actor_edges, actor_events
    insert = _insert_of(dialect)
    edge = and_(
        ae.c.source_pk == bindparam("b_s"), ae.c.target_pk == bindparam("b_t"), ae.c.type == bindparam("b_y")
    )
    new_edge = insert(ae)
    earlier = new_edge.excluded.first_event < ae.c.first_event
    merged = {"events": ae.c.events + new_edge.excluded.events}
    merged.update(
        {
            name: case((earlier, new_edge.excluded[name]), else_=ae.c[name])
            for name in ("first_event", "spos", "tpos")
        }
    )
    counted = insert(ac)
    one = ac.c.actor_pk == bindparam("b_pk")
    return _Statements(
        types_of=select(ev.c.pk, ev.c.type).where(ev.c.article_pk == article),
        roles_of=select(ea.c.event_pk, ea.c.role, ea.c.position, ea.c.actor_pk).where(ea.c.article_pk == article),
        triples_of=select(ep.c.source_pk, ep.c.target_pk, ep.c.type).where(ep.c.article_pk == article).distinct(),
        mark_dirty=update(ae).where(edge).values(dirty=1),
        drop_edge=delete(ae).where(edge),
        count_edge=_edges_from_pairs(and_(ep.c.source_pk == bindparam("b_s"), ep.c.target_pk == bindparam("b_t"),
                                          ep.c.type == bindparam("b_y"))),
        drop_pairs=delete(ep).where(ep.c.article_pk == article),
        merge_edges=new_edge.on_conflict_do_update(index_elements=[ae.c.source_pk, ae.c.target_pk, ae.c.type],
                                                   set_=merged),
        add_actors=counted.on_conflict_do_update(index_elements=[ac.c.actor_pk],
                                                 set_={"events": ac.c.events + counted.excluded.events}),
        take_actors=(update(ac).where(one).values(events=ac.c.events - bindparam("b_n")),
                     delete(ac).where(one, ac.c.events <= 0)),
    )  # fmt: skip


def _insert_of(dialect: str) -> Any:
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


# ---- the network, read -----------------------------------------------------------------------------


@dataclass
class Mapped:
    """Edges met by mapping event rows to canonical actors, with where each was first met."""

    events: dict[Edge, list[int]] = field(default_factory=dict)
    first: dict[Edge, Order] = field(default_factory=dict)
    involvement: Counter[int] = field(default_factory=Counter)


def network(conn: Connection, max_edges: int) -> tuple[list[tuple[Edge, list[int]]], int, Counter[int]]:
    """The unfiltered network's kept edges (with their event ids), how many edges there are, and the
    events each node is in: what ``Reads.network`` finds walking every event, read from the
    summaries for regular rows and from the events of every other row."""
    joined, generic = _actor_classes(conn)
    merged = set(joined.values())
    irregular = set(joined) | merged
    excluded = irregular | generic
    mapped = _mapped(conn, irregular, merged)
    total = _regular_total(conn, excluded) + len(mapped.events)
    if total > max_edges:  # the heaviest, of equal weights those met first; nodes are their ends
        ranked = _regular_top(conn, excluded, max_edges)
        ranked += [(mapped.first[edge], len(pks), edge) for edge, pks in mapped.events.items()]
        ranked.sort(key=lambda r: (-r[1], r[0]))
        chosen = [edge for _order, _n, edge in ranked[:max_edges]]
        ends = {pk for source, target, _typ in chosen for pk in (source, target)}
        involvement = _involvement(conn, ends - merged)
        involvement.update({pk: n for pk, n in mapped.involvement.items() if pk in ends})
    else:  # every edge, and every actor in an event
        chosen = [edge for _order, _n, edge in _regular_top(conn, excluded, None)] + list(mapped.events)
        involvement = _involvement(conn, None, excluded)
        involvement.update(mapped.involvement)
    ids = _regular_event_ids(conn, [edge for edge in chosen if edge not in mapped.events])
    kept = [(edge, mapped.events[edge] if edge in mapped.events else ids[edge]) for edge in chosen]
    return kept, total, involvement


def _actor_classes(conn: Connection) -> tuple[dict[int, int], set[int]]:
    """Rows joining another actor (row -> its canonical actor), and the generic groups' rows."""
    ac = T.actors
    joined = {
        pk: canonical
        for pk, canonical in conn.execute(
            select(ac.c.pk, ac.c.canonical_pk).where(
                ac.c.canonical_pk.is_not(None), ac.c.canonical_pk != ac.c.pk
            )
        )
    }
    generic = {pk for (pk,) in conn.execute(select(ac.c.pk).where(ac.c.generic != 0))}
    return joined, generic


def _mapped(conn: Connection, irregular: set[int], merged: set[int]) -> Mapped:
    """The edges with an end at a canonical actor other rows join (``merged``), from the events of the
    ``irregular`` rows mapped as ``Reads.network`` maps them, and those actors' event counts."""
    found = Mapped()
    if not irregular:
        return found
    ev, ea, ac = T.events, T.event_actors, T.actors
    events: set[int] = set()
    rows_of = sorted(irregular)
    for start in range(0, len(rows_of), CHUNK):
        chunk = rows_of[start : start + CHUNK]
        events.update(pk for (pk,) in conn.execute(select(ea.c.event_pk).where(ea.c.actor_pk.in_(chunk))))
    ordered = sorted(events)
    rows: list[Any] = []
    for start in range(0, len(ordered), CHUNK):
        rows += conn.execute(
            select(ev.c.pk, ev.c.type, ea.c.role, ea.c.position, ea.c.actor_pk)
            .join(ea, ea.c.event_pk == ev.c.pk)
            .where(ev.c.pk.in_(ordered[start : start + CHUNK]), ea.c.actor_pk.is_not(None))
        ).all()
    actors = sorted({r.actor_pk for r in rows})
    canonical_of: dict[int, int | None] = {}
    for start in range(0, len(actors), CHUNK):
        for pk, canonical, generic in conn.execute(
            select(ac.c.pk, canonical_pk_of(ac), ac.c.generic).where(
                ac.c.pk.in_(actors[start : start + CHUNK])
            )
        ):
            canonical_of[pk] = None if generic else canonical
    types = {r.pk: r.type for r in rows}
    mapped = [(r.pk, r.role, r.position, canonical_of.get(r.actor_pk)) for r in rows]
    for event_pk, (sources, targets) in sorted(event_rows(mapped).items()):
        found.involvement.update(pk for pk in {*sources, *targets} if pk in merged)
        for source, spos in sources.items():
            for target, tpos in targets.items():
                if source != target and (source in merged or target in merged):
                    edge = (source, target, types[event_pk])
                    found.events.setdefault(edge, []).append(event_pk)
                    found.first.setdefault(edge, (event_pk, spos, tpos))
    return found


def _regular_total(conn: Connection, excluded: set[int]) -> int:
    """How many summary edges join two regular rows: all of them, less those touching another row."""
    ae = actor_edges
    total = int(conn.execute(select(func.count()).select_from(ae)).scalar_one())
    others = sorted(excluded)
    touching: set[Edge] = set()
    for start in range(0, len(others), CHUNK):
        chunk = others[start : start + CHUNK]
        for row in conn.execute(
            select(ae.c.source_pk, ae.c.target_pk, ae.c.type).where(
                or_(ae.c.source_pk.in_(chunk), ae.c.target_pk.in_(chunk))
            )
        ):
            touching.add(tuple(row))  # type: ignore[arg-type]
    return total - len(touching)


def _regular_top(conn: Connection, excluded: set[int], most: int | None) -> list[tuple[Order, int, Edge]]:
    """The heaviest ``most`` edges between regular rows (every one: None), in the order the network's
    cut takes them: heaviest first, then as the events meet them."""
    ae = actor_edges
    query = select(
        ae.c.source_pk, ae.c.target_pk, ae.c.type, ae.c.events, ae.c.first_event, ae.c.spos, ae.c.tpos
    )
    order = [ae.c.events.desc(), ae.c.first_event, ae.c.spos, ae.c.tpos]
    found: list[tuple[Order, int, Edge]] = []
    after: tuple[int, int, int, int] | None = None
    step = (most or 0) + 256
    while most is None or len(found) < most:
        page = query
        if after is not None:  # the next rows in the index's order (keyset: no offset to skip)
            n, first, spos, tpos = after
            page = page.where(
                or_(
                    ae.c.events < n,
                    and_(
                        ae.c.events == n,
                        tuple_(ae.c.first_event, ae.c.spos, ae.c.tpos) > tuple_(first, spos, tpos),
                    ),
                )
            )
        rows = conn.execute(page.order_by(*order).limit(step if most is not None else None)).all()
        for s, t, typ, n, first, spos, tpos in rows:
            if s not in excluded and t not in excluded:
                found.append(((first, spos, tpos), n, (s, t, typ)))
        if most is None or len(rows) < step:
            break
        last = rows[-1]
        after = (last.events, last.first_event, last.spos, last.tpos)
    return found[:most] if most is not None else found


def _involvement(conn: Connection, rows: set[int] | None, excluded: set[int] | None = None) -> Counter[int]:
    """Events per regular actor row: of these ``rows``, or (None) of every row not ``excluded``."""
    ae = actor_events
    found: Counter[int] = Counter()
    if rows is None:
        for pk, n in conn.execute(select(ae.c.actor_pk, ae.c.events)):
            if pk not in (excluded or set()):
                found[pk] = n
        return found
    wanted = sorted(rows)
    for start in range(0, len(wanted), CHUNK):
        found.update(
            dict(
                conn.execute(
                    select(ae.c.actor_pk, ae.c.events).where(ae.c.actor_pk.in_(wanted[start : start + CHUNK]))
                ).all()
            )
        )
    return found


def _regular_event_ids(conn: Connection, edges: list[Edge]) -> dict[Edge, list[int]]:
    """The events of each of these edges between regular rows, from their pairs: a lookup in the
    pairs' primary key per edge (SQLite meets a list of row values by scanning the whole index, so
    there the edges go in as one JSON list that drives the lookups)."""
    ep = event_pairs
    found: dict[Edge, list[int]] = defaultdict(list)
    columns = select(ep.c.source_pk, ep.c.target_pk, ep.c.type, ep.c.event_pk)
    if conn.dialect.name == "sqlite":
        wanted = (
            func.json_each(json.dumps([list(edge) for edge in edges])).table_valued("value").alias("wanted")
        )
        value = wanted.c.value
        same = [ep.c.source_pk == func.json_extract(value, "$[0]"), ep.c.target_pk == func.json_extract(value, "$[1]"),
                ep.c.type == func.json_extract(value, "$[2]")]  # fmt: skip
        queries = [columns.select_from(wanted.join(ep, and_(*same)))] if edges else []
    else:
        queries = [
            columns.where(
                tuple_(ep.c.source_pk, ep.c.target_pk, ep.c.type).in_(edges[start : start + TRIPLES])
            )
            for start in range(0, len(edges), TRIPLES)
        ]
    for query in queries:
        for s, t, typ, pk in conn.execute(query):
            found[(s, t, typ)].append(pk)
    return found

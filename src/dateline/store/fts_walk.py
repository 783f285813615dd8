"""A text search's newest (or oldest) matches on SQLite, without sorting every match by day.

FTS5 hands its matches over in rowid order (the row's primary key: the order of ingest) from any
rowid on, and can stop anywhere; the lists want them by day. News is mostly ingested in about the
order it is published, so the matches that come next by day are nearly always the next ones by
rowid: read the matches a chunk at a time from the page's key on (the latest ingested for a first
page, newest first), keep the first ``want`` by day, and stop as soon as the day index shows that no
row not read can come before the last of them. A store ingested out of order reads more (at worst
every match, what sorting them all costs), never a wrong page. A word found in half of a million
quotes costs a chunk or two instead of a sort of 500,000 rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, literal, or_, select
from sqlalchemy.engine import Connection

FIRST_CHUNK = 256
LAST_CHUNK = 16_384

Among = Callable[[Any, list[int]], ColumnElement[bool]]


def fts_candidates(
    conn: Connection,
    fts: Any,
    table: Table,
    match: ColumnElement[bool],
    conditions: Sequence[ColumnElement[bool]],
    desc: bool,
    key: Sequence[Any] | None,
    want: int,
    among: Among,
    budget: int | None = None,
) -> list[int] | None:
    """The keys of the first ``want`` rows of ``table`` by (day, pk), both descending when ``desc``,
    after the page's ``key`` ((day, pk), None from the start), among the rows the FTS5 condition
    ``match`` finds that meet ``conditions`` (the other filters and the keyset bound of ``key``).
    ``among(column, values)`` is the store's one-parameter IN. None when ``budget`` chunks of
    matches did not settle it."""
    walk = _Walk(conn, fts, table, match, conditions, desc, want, among)
    start = int(key[1]) if key else None
    found = walk.read(start, budget)
    if found is not None and key and walk.may_lie_behind(key, found):
        found = walk.read(None, budget)  # ingested out of order around the key: read from the end instead
    return None if found is None else [pk for _day, pk in found]


class _Walk:
    def __init__(self, conn: Connection, fts: Any, table: Table, match: ColumnElement[bool],
                 conditions: Sequence[ColumnElement[bool]], desc: bool, want: int, among: Among) -> None:  # fmt: skip
        self.conn, self.fts, self.table, self.match = conn, fts, table, match
        self.conditions, self.desc, self.want, self.among = conditions, desc, want, among

    def read(self, start: int | None, budget: int | None) -> list[tuple[str, int]] | None:
        """The first ``want`` (day, pk) in order among the matches read from rowid ``start`` on; None
        when ``budget`` chunks were read without settling it."""
        best: list[tuple[str, int]] = []
        edge, chunk = start, FIRST_CHUNK  # every row not read yet lies beyond ``edge``
        reads = 0
        while budget is None or reads < budget:
            reads += 1
            rowids = self._next_matches(edge, chunk)
            if rowids:
                t = self.table
                found = self.conn.execute(
                    select(t.c.day, t.c.pk).where(self.among(t.c.pk, rowids), *self.conditions)
                )
                best = sorted([*best, *((day, pk) for day, pk in found)], reverse=self.desc)[: self.want]
                edge = rowids[-1]
            if len(rowids) < chunk or (edge is not None and self._settled(best, edge)):
                return best
            chunk = min(chunk * 2, LAST_CHUNK)
        return None

    def _next_matches(self, edge: int | None, chunk: int) -> list[int]:
        """The next ``chunk`` matches past ``edge`` in rowid order (descending when ``desc``)."""
        rowid = self.fts.c.rowid
        query = select(rowid).where(self.match)
        if edge is not None:
            query = query.where(rowid < edge if self.desc else rowid > edge)
        return [
            r for (r,) in self.conn.execute(query.order_by(rowid.desc() if self.desc else rowid).limit(chunk))
        ]

    def _settled(self, best: list[tuple[str, int]], edge: int) -> bool:
        """Whether no row beyond ``edge`` can come before the last of ``best``: none has a later day
        (an earlier one, oldest first). A row of the same day comes after it anyway, its key lying
        past ``edge``, so past every key read. The day index answers, reading later days only."""
        if len(best) < self.want:
            return False
        t, day = self.table, best[-1][0]
        beyond = and_(t.c.day > day, t.c.pk < edge) if self.desc else and_(t.c.day < day, t.c.pk > edge)
        return not self._any(beyond)

    def _any(self, *conditions: ColumnElement[bool]) -> bool:
        """Whether a row meets ``conditions``, read from the day index (left to itself, SQLite walks
        the table by key from ``edge``, thousands of rows, instead of the few days asked about)."""
        t = self.table
        index = f"ix_{t.name}_day"
        query = (
            select(literal(1)).select_from(t).where(*conditions).with_hint(t, f"INDEXED BY {index}", "sqlite")
        )
        return self.conn.execute(select(query.exists())).scalar() is True

    def may_lie_behind(self, key: Sequence[Any], best: list[tuple[str, int]]) -> bool:
        """Whether a row on the other side of the key's rowid (never read) may belong on the page:
        after the key by day, and before the last row found (or anywhere, when the page is not full).
        Read from the day index over the page's days only; the words are not checked, so a yes can
        be wrong (then the page is read again from the end), a no never is."""
        t, (key_day, key_pk) = self.table, key
        if self.desc:
            behind = [t.c.pk > key_pk, t.c.day < key_day]
            if len(best) == self.want:
                day, pk = best[-1]
                behind.append(or_(t.c.day > day, and_(t.c.day == day, t.c.pk > pk)))
        else:
            behind = [t.c.pk < key_pk, t.c.day > key_day]
            if len(best) == self.want:
                day, pk = best[-1]
                behind.append(or_(t.c.day < day, and_(t.c.day == day, t.c.pk < pk)))
        return self._any(*behind)

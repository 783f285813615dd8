"""Keyset pages in both directions, and the orders a list may be asked for.

A cursor is the sort key of one item, base64 JSON. ``cursor`` asks for the items after that key,
``before`` for the items before it (the page before the one that item starts): both are keyset
conditions an index can walk, never an offset, so paging stays fast and stable while rows are
added elsewhere. A page says where the next one starts (``next_cursor``, the key of its last item)
and where the previous one ends (``prev_cursor``, the key of its first item), each None at an end.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_
from sqlalchemy.engine import Connection, Row
from sqlalchemy.exc import DBAPIError

MAX_LIMIT = 500

# The orders each list takes as ``sort`` (the first is its default); anything else is a ValueError
# (a 400 on the web) that lists these. A column name sorts ascending, "-name" descending.
TEXT_SORTS = ("newest", "oldest", "relevance")  # quotes, articles, search; relevance ranks a text query
EVENT_SORTS = ("newest", "oldest")
ACTOR_SORTS = ("-articles", "articles", "name", "-name", "-mentions", "mentions", "-quotes", "quotes")
PLACE_SORTS = ("-articles", "articles", "name", "-name", "-mentions", "mentions")

Order = Sequence[tuple[ColumnElement[Any], bool]]  # (column, descending) pairs, the last one unique


def sort_value(sort: str | None, allowed: Sequence[str], q: str | None = None) -> str:
    """The order asked for, its list's default when none; a ValueError that names the allowed ones."""
    if sort in (None, ""):
        return allowed[0]
    if sort not in allowed:
        raise ValueError(f"sort {sort!r}: one of {', '.join(allowed)}")
    if sort == "relevance" and not (q or "").strip():
        raise ValueError("sort 'relevance' ranks the matches of a text search: give q too")
    return str(sort)


def column_order(sort: str, columns: Mapping[str, ColumnElement[Any]], tiebreak: ColumnElement[Any]) -> Order:
    """A table's order from a sort value such as "-articles": that column, then ``tiebreak`` ascending
    (unique, so that the keyset never skips or repeats rows that tie)."""
    name = sort.lstrip("-")
    return [(columns[name], sort.startswith("-")), (tiebreak, False)]


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


def _keyset(order: Order, values: Sequence[Any]) -> ColumnElement[bool]:
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
    if expected is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, expected) and not isinstance(value, bool)


def keyed(query: Select[Any], order: Order) -> Select[Any]:
    """``query`` with its sort key as columns ``_k0``, ``_k1``, ...: what a cursor is made of."""
    return query.add_columns(*[col.label(f"_k{i}") for i, (col, _desc) in enumerate(order)])


@dataclass
class Walk:
    """Where a page starts: after ``cursor``, before ``before``, or (``from_end``) at the list's end."""

    cursor: str | None = None
    before: str | None = None
    from_end: bool = False

    def __post_init__(self) -> None:
        if self.cursor and self.before:
            raise ValueError("give cursor (the next page) or before (the previous page), not both")

    @property
    def backward(self) -> bool:
        return bool(self.before) or self.from_end


def page_limit(limit: int) -> int:
    return max(1, min(int(limit), MAX_LIMIT))


def walk_steps(order: Order, walk: Walk) -> tuple[Order, ColumnElement[bool] | None, list[Any] | None]:
    """The order a page is read in (reversed for a backward page), the keyset condition of its key
    and the key's values (both None at an end of the list); a ValueError for a cursor that does not
    fit the order."""
    steps = [(col, desc != walk.backward) for col, desc in order]
    key = walk.before if walk.backward else walk.cursor
    if not key:
        return steps, None, None
    values = decode_cursor(key)
    if len(values) != len(order) or not all(map(_fits, values, [col for col, _ in order])):
        raise ValueError(f"invalid cursor {key!r}")
    return steps, _keyset(steps, values), values


def page_rows(
    conn: Connection, query: Select[Any], order: Order, walk: Walk, limit: int
) -> tuple[list[Row[Any]], str | None, str | None]:
    """One page of ``query`` (made by ``keyed``) in ``order``: its rows, next cursor and previous cursor.

    A backward page is read in the reversed order from its key (or from the end) and turned round,
    so both directions cost what a forward page costs.
    """
    limit = page_limit(limit)
    steps, bound, _values = walk_steps(order, walk)
    if bound is not None:
        query = query.where(bound)
    query = query.order_by(*[col.desc() if desc else col.asc() for col, desc in steps]).limit(limit + 1)
    try:
        rows = list(conn.execute(query))
    except DBAPIError as exc:  # a forged cursor with values of the wrong type
        if bound is None:
            raise
        conn.rollback()
        raise ValueError(f"invalid cursor {walk.before or walk.cursor!r}") from exc
    more = len(rows) > limit
    rows = rows[:limit]
    if not rows:
        return rows, None, None
    if walk.backward:
        rows.reverse()
        # A page read backward from a key is followed by the page that key started.
        return (
            rows,
            (_key_of(rows[-1], order) if walk.before else None),
            (_key_of(rows[0], order) if more else None),
        )
    return (
        rows,
        (_key_of(rows[-1], order) if more else None),
        (_key_of(rows[0], order) if bound is not None else None),
    )


def _key_of(row: Row[Any], order: Order) -> str:
    return encode_cursor([row._mapping[f"_k{i}"] for i in range(len(order))])

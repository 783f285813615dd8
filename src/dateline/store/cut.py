"""The confidence cut (``min_confidence``) on stored events, as ``confidence.confident_only`` makes it on
a record: every list, count, network and export read at a cut gives what ``dateline extract
--min-confidence`` would have stored.

Quotes and events below the cut (or with none) go. An event the cut removes takes with it the actors
other events took from it (``actors_from``): a kept event whose lender is gone has no actors, so an
actor filter no longer finds it and the network draws no edge from them. A kept event governed by a
removed one hangs on the next kept governor up its chain (none: it is a main event), and one told in a
removed quote no longer points at it.

The SQL conditions go into the WHERE of the reads (lender and governors are looked up by the article's
index, among its few events); ``cut_items`` rewrites a page of items with one query per page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.engine import Connection, Row

from dateline.store.schema import TABLES as T

# How far up a chain of governors the ``main`` filter looks for a kept one: a chain is a sentence's
# clauses ("accused ... of attacking ... killing"), and deeper ones are not found in news.
GOVERNOR_DEPTH = 4


def lender_kept(ev: Any, cut: float) -> ColumnElement[bool]:
    """The event ``ev`` keeps its actors at ``cut``: it names its own, or the event it takes them
    from (``actors_from``, in the same article) is kept."""
    lender = T.events.alias("lender")
    return or_(
        ev.c.actors_from.is_(None),
        exists().where(
            lender.c.article_pk == ev.c.article_pk,
            lender.c.local_id == ev.c.actors_from,
            lender.c.confidence >= cut,
        ),
    )


def governor_kept(ev: Any, cut: float, depth: int = GOVERNOR_DEPTH) -> ColumnElement[bool]:
    """Some event up ``ev``'s chain of governors (``governed_by``) is kept at ``cut``: then it is
    no main event there."""
    governor = T.events.alias(f"governor_{depth}")
    above: ColumnElement[bool] = governor.c.confidence >= cut
    if depth > 1:
        above = or_(above, governor_kept(governor, cut, depth - 1))
    return exists().where(
        governor.c.article_pk == ev.c.article_pk, governor.c.local_id == ev.c.governed_by, above
    )


def main_at(ev: Any, cut: float | None) -> ColumnElement[bool]:
    """``ev`` is one of its sentence's main events: governed by none, or at a cut by none kept."""
    if cut is None:
        return ev.c.governed_by.is_(None)
    return or_(ev.c.governed_by.is_(None), ~governor_kept(ev, cut))


def cut_items(
    conn: Connection, rows: Sequence[Row[Any]], items: Sequence[dict[str, Any]], cut: float
) -> None:
    """Event items (``items.event_item`` of ``rows``, the events table's rows) as the cut leaves them,
    in place: actors taken from a removed event dropped, ``governed_by`` moved up to the next kept
    governor, a removed quote unlinked. One query for the events of the page's articles that matter,
    one for its quotes."""
    touched = [
        (row.article_pk, item)
        for row, item in zip(rows, items, strict=True)
        if item["actors_from"] is not None or item["governed_by"] is not None
    ]
    if touched:
        ev = T.events
        articles = sorted({article_pk for article_pk, _item in touched})
        events: dict[tuple[int, str], tuple[str | None, float | None]] = {}
        for start in range(0, len(articles), 500):
            for article_pk, local_id, governed_by, confidence in conn.execute(
                select(ev.c.article_pk, ev.c.local_id, ev.c.governed_by, ev.c.confidence).where(
                    ev.c.article_pk.in_(articles[start : start + 500])
                )
            ):
                events[(article_pk, local_id)] = (governed_by, confidence)

        def kept(article_pk: int, local_id: str) -> bool:
            return (events.get((article_pk, local_id), (None, None))[1] or 0.0) >= cut

        for article_pk, item in touched:
            if item["actors_from"] is not None and not kept(article_pk, item["actors_from"]):
                item["actors"], item["actors_from"] = [], None
            governor, seen = item["governed_by"], set()
            while governor is not None and not kept(article_pk, governor) and governor not in seen:
                seen.add(governor)
                governor = events.get((article_pk, governor), (None, None))[0]
            item["governed_by"] = governor
    quoted = sorted({i["quote"] for i in items if i["quote"] is not None})
    if quoted:
        qt = T.quotes
        kept_quotes = {
            pk for (pk,) in conn.execute(select(qt.c.pk).where(qt.c.pk.in_(quoted), qt.c.confidence >= cut))
        }
        for item in items:
            if item["quote"] is not None and item["quote"] not in kept_quotes:
                item["quote"] = None


__all__ = ["GOVERNOR_DEPTH", "cut_items", "governor_kept", "lender_kept", "main_at"]

"""Reads the UI needs beyond the store's own methods, over ``store.engine`` and ``store.tables``.

Kept small and read-only. Item shapes come from the store (its ``_event_select``/``_event_items``),
so an event listed here looks exactly like one from ``store.events``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Row, func, select

from dateline.store import Store


def events_by_ids(store: Store, ids: Sequence[int]) -> list[dict[str, Any]]:
    """Event items for these list ids (as in a network edge's or a partner's ``event_ids``), newest first."""
    if not ids:
        return []
    ev = store.tables.events
    query = store._event_select().where(ev.c.pk.in_(list(ids))).order_by(ev.c.day.desc(), ev.c.pk.desc())
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
        return store._event_items(conn, list(rows))


def actor_keys_by_name(store: Store, names: Iterable[str]) -> dict[str, str]:
    """Speaker name -> the actor of that name quoted most, for names that are actors' names.

    The speaker facet counts quotes by ``speaker_name`` (the actor's name, else the speaker's words);
    linking a facet value to the actor filter needs the actor behind the name. Candidates come from
    the actors table by name: canonical actors only (a joined shorter name shows no counts), never a
    generic group, ranked by the quotes count each keeps, so no quote scan.
    """
    wanted = [n for n in dict.fromkeys(names) if n]
    if not wanted:
        return {}
    ac = store.tables.actors
    query = select(ac.c.name, ac.c.key, ac.c.quotes.label("n")).where(
        ac.c.name.in_(wanted), ac.c.articles > 0, ac.c.generic == 0
    )
    best: dict[str, tuple[int, str]] = {}
    with store.engine.connect() as conn:
        for name, key, n in conn.execute(query):
            if n and (name not in best or (-n, key) < (-best[name][0], best[name][1])):
                best[name] = (n, key)
    return {name: key for name, (_, key) in best.items()}


def actor_names(store: Store, keys: Iterable[str]) -> dict[str, str]:
    """Actor id -> name, for filter labels."""
    wanted = [k for k in dict.fromkeys(keys) if k]
    if not wanted:
        return {}
    ac = store.tables.actors
    with store.engine.connect() as conn:
        return {
            key: name for key, name in conn.execute(select(ac.c.key, ac.c.name).where(ac.c.key.in_(wanted)))
        }


def articles_by_ids(store: Store, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Article list items (as ``store.articles`` gives them) for these input ids, newest first."""
    if not ids:
        return []
    a = store.tables.articles
    query = (
        select(
            a.c.pk, a.c.id, a.c.title, a.c.published, a.c.day, a.c.outlet, a.c.url, a.c.source,
            a.c.n_quotes, a.c.n_events, a.c.n_entities, func.substr(a.c.text, 1, 280).label("lead"),
        )
        .where(a.c.id.in_(list(ids)))
        .order_by(a.c.day.desc(), a.c.pk.desc())
    )  # fmt: skip
    from dateline.store.queries import article_item

    with store.engine.connect() as conn:
        return [article_item(cast(Row[Any], r)) for r in conn.execute(query)]


def place_article_ids(store: Store, keys: Iterable[str], most: int = 100) -> dict[str, list[str]]:
    """Place key -> the ids of the articles that mention it (at most ``most``), for the places list's counts."""
    wanted = [k for k in dict.fromkeys(keys) if k]
    if not wanted:
        return {}
    p, a = store.tables.places, store.tables.articles
    query = (
        select(p.c.key, a.c.id)
        .join(a, a.c.pk == p.c.article_pk)
        .where(p.c.key.in_(wanted))
        .order_by(p.c.key, a.c.pk)
    )
    found: dict[str, list[str]] = {}
    with store.engine.connect() as conn:
        for key, article_id in conn.execute(query):
            ids = found.setdefault(key, [])
            if len(ids) < most and article_id not in ids:
                ids.append(article_id)
    return found

"""Reads the UI needs beyond the store's own methods, over ``store.engine`` and ``store.tables``
(the store's public contract). Kept small and read-only; items come from the store's own methods.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from dateline.store import Store


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

"""Reads the UI needs beyond the store's own methods, over ``store.engine`` and ``store.tables``
(the store's public contract). Kept small and read-only; items come from the store's own methods.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, union_all

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
    """Place key -> the ids of the articles that mention it (the first ``most``, in storage order),
    for the places list's counts. Each key's first articles come from the places index by key and
    article, as a UNION of small ordered queries: not every row of the busiest places."""
    wanted = [k for k in dict.fromkeys(keys) if k]
    if not wanted:
        return {}
    p, a = store.tables.places, store.tables.articles
    firsts = [
        select(p.c.key, p.c.article_pk).where(p.c.key == key).distinct().order_by(p.c.article_pk).limit(most)
        .subquery().select()
        for key in wanted
    ]  # fmt: skip
    picked = union_all(*firsts).subquery("picked")
    query = select(picked.c.key, a.c.id).join(a, a.c.pk == picked.c.article_pk).order_by(picked.c.key, a.c.pk)
    found: dict[str, list[str]] = {}
    with store.engine.connect() as conn:
        for key, article_id in conn.execute(query):
            found.setdefault(key, []).append(article_id)
    return found

"""The Store's reads about actors: the actor lists, name lookups, and the actor page (quotes by and
about, events both ways, titles, a timeline, partners and the actors named beside it)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    Text,
    cast,
    func,
    or_,
    select,
    union_all,
)
from sqlalchemy.engine import Connection

from dateline.store.items import (
    actor_item,
)
from dateline.store.paging import (
    ACTOR_SORTS,
    Walk,
    column_order,
    keyed,
    page_rows,
    sort_value,
)
from dateline.store.queries import Reads
from dateline.store.schema import TABLES, canonical_pk_of
from dateline.store.text import fold

T = TABLES


class ActorReads(Reads):
    """Actor lists and the actor page, over the filters and lists of ``Reads``."""

    # ---- actors --------------------------------------------------------------------------------

    def _actor_query(
        self, q: str | None, type: str | None, code: str | None, sector: str | None
    ) -> Select[Any]:
        """The listed actors (canonical, not generic) matching the actors list's filters."""
        ac = T.actors
        query = select(ac).where(ac.c.articles > 0, ac.c.generic == 0)
        if q:
            named = T.actors.alias("named")
            folded = fold(q)
            said = func.lower(named.c.aliases).contains(q.lower(), autoescape=True)
            hit = or_(named.c.folded.contains(folded, autoescape=True), said) if folded else said
            query = query.where(ac.c.pk.in_(select(canonical_pk_of(named)).where(hit)))
        for name, value in (("type", type), ("code", code), ("sector", sector)):
            if value:
                query = query.where(ac.c[name] == value)
        return query

    def actors(
        self,
        q: str | None = None,
        type: str | None = None,
        code: str | None = None,
        sector: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
        sort: str | None = None,
        before: str | None = None,
    ) -> dict[str, Any]:
        """Actors across articles, most widely reported first, with example mentions and aliases.

        One item per canonical actor (see ``core.refresh_actors``); generic groups are none. ``q`` finds
        an actor by any of its names, accents and punctuation folded ("Erdogan" = "Erdoğan", "America"
        finds the United States): it reads the names (a scan of the actors table, not of entities).
        ``sort``: a column of ``ACTOR_SORTS`` ("-articles", the default; "name", "-quotes", ...).
        """
        walk = Walk(cursor, before)
        ac = T.actors
        columns = {
            "articles": ac.c.articles,
            "name": ac.c.name,
            "mentions": ac.c.mentions,
            "quotes": ac.c.quotes,
        }
        order = column_order(sort_value(sort, ACTOR_SORTS), columns, ac.c.key)
        paged = keyed(self._actor_query(q, type, code, sector), order)
        with self.engine.connect() as conn:
            rows, next_cursor, prev_cursor = page_rows(conn, paged, order, walk, limit)
            examples = self._mention_examples(conn, [r.pk for r in rows], per_actor=3)
        items = [actor_item(r, examples.get(r.pk, [])) for r in rows]
        return {"items": items, "next_cursor": next_cursor, "prev_cursor": prev_cursor}

    def actor_names(self, limit: int = 60) -> list[tuple[str, str, str | None]]:
        """(name, type, code) of the first ``limit`` actors ``actors`` lists: the actor box's
        suggestions, without the example mentions a list item carries."""
        ac = T.actors
        query = (
            self._actor_query(None, None, None, None).order_by(ac.c.articles.desc(), ac.c.key).limit(limit)
        )
        with self.engine.connect() as conn:
            return [(r.name, r.type, r.code) for r in conn.execute(query)]

    def count_actors(
        self,
        q: str | None = None,
        type: str | None = None,
        code: str | None = None,
        sector: str | None = None,
    ) -> int:
        """How many actors ``actors`` lists under the same filters."""
        query = select(func.count()).select_from(self._actor_query(q, type, code, sector).subquery())
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def find_actor(self, text: str) -> str | None:
        """The actor id a person means by ``text``: an actor id stays as it is; else the actor of that
        name (case and accents folded; a shorter name gives the actor it joined), the most widely
        reported when several share it; else the most widely reported actor one of whose names holds
        it ("Marrow", "America"). None when no actor fits."""
        text = text.strip()
        if not text:
            return None
        ac, named = T.actors, T.actors.alias("named")
        exact = (
            select(ac.c.key)
            .join(named, canonical_pk_of(named) == ac.c.pk)
            .where(named.c.folded == fold(text), ac.c.articles > 0, ac.c.generic == 0)
            .order_by(ac.c.articles.desc(), ac.c.key)
            .limit(1)
        )
        with self.engine.connect() as conn:
            if conn.execute(select(ac.c.key).where(ac.c.key == text)).first() is not None:
                return text
            found = conn.execute(exact).scalar() if fold(text) else None
        if found is None:
            first = self.actors(q=text, limit=1)["items"]
            found = first[0]["id"] if first else None
        return found

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
                select(ac.c.pk, canonical_pk_of(ac)).where(
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
                .join(named, canonical_pk_of(named) == ac.c.pk)
                .where(named.c.key == actor_id, ac.c.articles > 0, ac.c.generic == 0)
            ).first()
            if row is None:
                return None
            key = row.key
            members = self._members(key, conn)
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
        shared = (
            select(canon.c.key, canon.c.name, mine.c.event_pk.label("item"))
            .select_from(
                mine.join(other, other.c.event_pk == mine.c.event_pk)
                .join(base, base.c.pk == other.c.actor_pk)
                .join(canon, canon.c.pk == canonical_pk_of(base))
            )
            .where(mine.c.actor_pk.in_(members), other.c.actor_pk.not_in(members), base.c.generic == 0)
            .distinct()
        )
        return top_sharing(conn, shared.subquery(), "event_ids", top)

    def _co_mentioned(self, conn: Connection, members: list[int], top: int = 15) -> list[dict[str, Any]]:
        """Actors named in the same articles, most shared articles first, with those article ids."""
        e, a = T.entities, T.articles
        base, canon = T.actors.alias("base"), T.actors.alias("canon")
        other = e.alias("other")
        mine = e.alias("mine")
        shared = (
            select(canon.c.key, canon.c.name, a.c.id.label("item"))
            .select_from(
                mine.join(other, other.c.article_pk == mine.c.article_pk)
                .join(base, base.c.pk == other.c.actor_pk)
                .join(canon, canon.c.pk == canonical_pk_of(base))
                .join(a, a.c.pk == mine.c.article_pk)
            )
            .where(
                mine.c.actor_pk.in_(members),
                other.c.actor_pk.not_in(members),
                base.c.generic == 0,
                canon.c.type.in_(["PERSON", "ORG", "GROUP"]),
            )
            .distinct()
        )
        return top_sharing(conn, shared.subquery(), "article_ids", top)


def top_sharing(conn: Connection, shared: Subquery, ids_key: str, top: int) -> list[dict[str, Any]]:
    """``shared``: distinct (key, name, item) rows, an actor and an item it shares -> the ``top``
    actors sharing the most items, each with its count and up to 50 of those item ids under
    ``ids_key``. The database groups, in one pass, into one row per actor with its items as a JSON
    array: a busy actor shares thousands of items with hundreds of others, too many rows to hand to
    Python one by one. Ties and ids are ordered here, in Python's order, so that SQLite and
    PostgreSQL (whose collations differ) agree."""
    items: ColumnElement[Any] = (
        func.json_group_array(shared.c.item)
        if conn.dialect.name == "sqlite"
        else cast(func.json_agg(shared.c.item), Text)
    )
    counts = conn.execute(
        select(shared.c.key, shared.c.name, func.count().label("n"), items.label("items")).group_by(
            shared.c.key, shared.c.name
        )
    ).all()
    return [
        {"actor": r.key, "name": r.name, "count": r.n, ids_key: sorted(json.loads(r.items))[:50]}
        for r in sorted(counts, key=lambda r: (-r.n, r.key))[:top]
    ]

"""Actor aggregates kept up to date by every ingest: counts, the name, code and sector seen most
often, aliases, and the one actor a short person name stands for.

A batch records what it adds and takes away (``ActorDelta``: per actor row, the totals of the
articles it inserted minus those of the articles it deleted). ``refresh_actors`` adds that to the
running totals (``actor_totals``, ``actor_variants``) and derives the actors' columns from them, so a
batch costs the same whatever the size of the store: a busy actor ("United States", named in most
articles) is refreshed from its few totals rows, never from every entity it has.
``refresh_actors(conn, None)`` recomputes everything from the entities and quotes themselves: it
fills the totals of a store from before them, and repairs a store whose totals went wrong.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, String, bindparam, delete, func, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from dateline.store.schema import TABLES, actor_totals, actor_variants
from dateline.store.text import fuller_forms, last_word

TOTALS = ("articles", "mentions", "quotes", "entities", "generic")  # the columns of actor_totals
ARTICLES, MENTIONS, QUOTES, ENTITIES, GENERIC = range(len(TOTALS))  # their places in a delta's list
KINDS = ("name", "code", "sector")  # the entity columns actor_variants counts the values of


@dataclass
class ActorDelta:
    """What one batch changed in the actors' totals, filled as its articles are inserted and deleted.

    ``totals``: actor pk -> change of each of ``TOTALS``; ``variants``: (actor pk, kind, value) ->
    change of its count; ``articles``: one (+1 inserted or -1 deleted, the actor rows it names) per
    article, for the distinct articles of actors several rows join.
    """

    totals: defaultdict[int, list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0] * len(TOTALS))
    )
    variants: Counter[tuple[int, str, str]] = field(default_factory=Counter)
    articles: list[tuple[int, frozenset[int]]] = field(default_factory=list)

    def add(self, sign: int, entities: Iterable[Mapping[Any, Any]], speakers: Iterable[int | None]) -> None:
        """One article's entity rows (actor_pk, name, code, sector, n_mentions, generic) and the actor
        pk of each of its quotes; ``sign`` +1 for an article inserted, -1 for one deleted."""
        named: set[int] = set()
        for row in entities:
            pk = row["actor_pk"]
            named.add(pk)
            totals = self.totals[pk]
            totals[MENTIONS] += sign * row["n_mentions"]
            totals[ENTITIES] += sign
            totals[GENERIC] += sign * int(row["generic"])
            for kind in KINDS:
                if row[kind] is not None:
                    self.variants[(pk, kind, row[kind])] += sign
        for pk in named:  # an article counts once for an actor, however many of its entities name it
            self.totals[pk][ARTICLES] += sign
        for speaker in speakers:
            if speaker is not None:
                self.totals[speaker][QUOTES] += sign
        if named:
            self.articles.append((sign, frozenset(named)))


def folded_columns(key: str) -> dict[str, str]:
    """The folded name of an actor key (its part after the type) and that name's last word."""
    folded = key.split("-", 1)[1] if "-" in key else key
    return {"folded": folded, "last_word": last_word(folded)}


def refresh_actors(conn: Connection, delta: ActorDelta | None) -> None:
    """Bring the actors a batch touched (``delta``; None: every actor, from scratch) up to date.

    0. The batch's changes are added to the running totals (None: they are recomputed from the rows).
    1. Each touched row gets its folded name and its ``generic`` flag (most of its entities generic).
    2. Short person names are resolved again wherever a touched person shares their last word: a row
       joins (``canonical_pk``) the one fuller person actor with entities that ends with its words
       (``text.fuller_forms``), else stands for itself. So a later article that brings a second
       "... Erdogan" makes "Erdogan" its own actor again, and one that brings the first fuller name
       joins it. Only rows sharing a touched last word are read (an index lookup), never the table,
       with their totals: as many rows as there are such names, whatever the articles naming them.
    3. Every canonical actor whose members may have changed gets its counts, the name, code and
       sector seen most often, and its aliases, from its members' totals; a joined row shows none.
       The distinct articles of an actor several rows join are counted from its entities when its
       rows changed (rare: a new fuller name), else moved by the batch's own articles.
    """
    if delta is None:
        _rebuild_totals(conn)
        touched = _base_facts(conn, None)
    elif delta.totals:
        _apply(conn, delta)
        touched = _base_facts(conn, sorted(delta.totals))
    else:
        return
    canonical_of = {pk: facts["canonical"] for pk, facts in touched.items()}
    regrouped, moved = _resolve_short_names(conn, touched)
    canonical_of.update(moved)
    dirty = regrouped | {facts["canonical"] for facts in touched.values()}
    joined = None if delta is None else _joined_articles(delta, canonical_of)
    _aggregate(conn, dirty, regrouped, joined)


# ---- step 0: the running totals -------------------------------------------------------------------


def _rebuild_totals(conn: Connection) -> None:
    """The totals recomputed from every entity and quote stored."""
    t, v, e, qt = actor_totals, actor_variants, TABLES.entities, TABLES.quotes
    conn.execute(delete(t))
    conn.execute(delete(v))
    counts = select(
        e.c.actor_pk, func.count(func.distinct(e.c.article_pk)), func.coalesce(func.sum(e.c.n_mentions), 0),
        literal(0, Integer), func.count(), func.coalesce(func.sum(e.c.generic), 0),
    ).group_by(e.c.actor_pk)  # fmt: skip
    conn.execute(t.insert().from_select(["actor_pk", *TOTALS], counts))
    spoken = conn.execute(
        select(qt.c.actor_pk, func.count()).where(qt.c.actor_pk.is_not(None)).group_by(qt.c.actor_pk)
    ).all()
    if spoken:
        statement = update(t).where(t.c.actor_pk == bindparam("b_pk")).values(quotes=bindparam("b_n"))
        conn.execute(statement, [{"b_pk": pk, "b_n": n} for pk, n in spoken])
    for kind in KINDS:
        col = e.c[kind]
        tally = select(e.c.actor_pk, literal(kind, String), col, func.count())
        conn.execute(
            v.insert().from_select(
                ["actor_pk", "kind", "value", "n"], tally.where(col.is_not(None)).group_by(e.c.actor_pk, col)
            )
        )


def _apply(conn: Connection, delta: ActorDelta) -> None:
    """Add the batch's changes to the totals, in SQL (``n = n + change``), so that two ingests
    committing at once on PostgreSQL both count; rows that fall to zero are removed."""
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    t, v = actor_totals, actor_variants
    rows = [{"actor_pk": pk, **dict(zip(TOTALS, values, strict=True))}
            for pk, values in sorted(delta.totals.items()) if any(values)]  # fmt: skip
    if rows:
        statement = insert(t)
        set_ = {c: t.c[c] + statement.excluded[c] for c in TOTALS}
        conn.execute(statement.on_conflict_do_update(index_elements=[t.c.actor_pk], set_=set_), rows)
    variants = [{"actor_pk": pk, "kind": kind, "value": value, "n": n}
                for (pk, kind, value), n in sorted(delta.variants.items()) if n]  # fmt: skip
    if variants:
        statement = insert(v)
        conn.execute(
            statement.on_conflict_do_update(
                index_elements=[v.c.actor_pk, v.c.kind, v.c.value], set_={"n": v.c.n + statement.excluded.n}
            ),
            variants,
        )
    pks = sorted(delta.totals)
    for start in range(0, len(pks), 900):
        chunk = pks[start : start + 900]
        conn.execute(delete(t).where(t.c.actor_pk.in_(chunk), t.c.entities == 0))
        conn.execute(delete(v).where(v.c.actor_pk.in_(chunk), v.c.n == 0))


def _joined_articles(delta: ActorDelta, canonical_of: dict[int, int]) -> Counter[int]:
    """Per canonical actor: the batch's inserted articles naming any of its rows, minus its deleted ones."""
    change: Counter[int] = Counter()
    for sign, named in delta.articles:
        for canonical in {canonical_of.get(pk, pk) for pk in named}:
            change[canonical] += sign
    return change


# ---- step 1: folded names and generic flags --------------------------------------------------------


def _base_facts(conn: Connection, pks: list[int] | None) -> dict[int, dict[str, Any]]:
    """Touched rows: pk -> {type, last_word, canonical}; their folded columns and generic flags are set."""
    ac, t = TABLES.actors, actor_totals
    facts: dict[int, dict[str, Any]] = {}
    updates = []
    for chunk in _chunks(pks):
        generic: dict[int, bool] = {}
        for pk, flagged, n in conn.execute(
            select(t.c.actor_pk, t.c.generic, t.c.entities).where(_among(t.c.actor_pk, chunk))
        ):
            generic[pk] = n > 0 and 2 * flagged >= n
        for pk, key, typ, canonical in conn.execute(
            select(ac.c.pk, ac.c.key, ac.c.type, ac.c.canonical_pk).where(_among(ac.c.pk, chunk))
        ):
            columns = folded_columns(key)
            is_generic = generic.get(pk, False)
            facts[pk] = {"type": typ, "last_word": columns["last_word"], "canonical": canonical or pk,
                         "generic": is_generic}  # fmt: skip
            updates.append({"b_pk": pk, "b_folded": columns["folded"], "b_last_word": columns["last_word"],
                            "b_generic": int(is_generic), "b_canonical": canonical or pk})  # fmt: skip
    if updates:
        statement = update(ac).where(ac.c.pk == bindparam("b_pk"))
        conn.execute(
            statement.values(folded=bindparam("b_folded"), last_word=bindparam("b_last_word"),
                             generic=bindparam("b_generic"), canonical_pk=bindparam("b_canonical")),
            updates,
        )  # fmt: skip
    return facts


# ---- step 2: short person names ---------------------------------------------------------------------


def _resolve_short_names(
    conn: Connection, touched: dict[int, dict[str, Any]]
) -> tuple[set[int], dict[int, int]]:
    """Point every person row sharing a last word with a touched person at its canonical actor.

    Returns the canonical actors, old and new, of the rows whose pointer changed (their members
    changed), and those rows' new canonical actors. Reads the rows sharing a touched last word and
    their totals: as many as there are such names, whatever the number of articles naming them.
    """
    ac = TABLES.actors
    words = sorted({f["last_word"] for f in touched.values() if f["type"] == "PERSON"})
    rows: dict[int, Any] = {}
    for start in range(0, len(words), 900):
        chunk = words[start : start + 900]
        for row in conn.execute(
            select(ac.c.pk, ac.c.folded, ac.c.last_word, ac.c.canonical_pk, ac.c.generic).where(
                ac.c.type == "PERSON", ac.c.last_word.in_(chunk)
            )
        ):
            rows[row.pk] = row
    if not rows:
        return set(), {}
    alive, code_of = _alive_and_codes(conn, sorted(rows))
    by_word: dict[str, dict[str, int]] = defaultdict(dict)
    for pk, row in rows.items():
        if pk in alive and not row.generic:
            by_word[row.last_word][row.folded] = pk
    longer = _longer_names(by_word)
    target: dict[int, int] = {}
    for pk, row in rows.items():
        target[pk] = pk
        if pk in alive and not row.generic:
            # Only the names ending with this one can be fuller forms of it: the same answer as
            # offering every name sharing its last word, without comparing each with each.
            names = by_word[row.last_word]
            others = {f: code_of.get(names[f]) for f in longer.get(row.folded, ())}
            fuller = fuller_forms(row.folded, code_of.get(pk), others)
            if len(fuller) == 1:
                target[pk] = by_word[row.last_word][fuller[0]]
    for pk in target:  # a fuller name is normally canonical itself; follow a chain to its end if not
        seen = {pk}
        while target[target[pk]] != target[pk] and target[pk] not in seen:
            seen.add(target[pk])
            target[pk] = target[target[pk]]
    changed = [pk for pk, row in rows.items() if (row.canonical_pk or pk) != target[pk]]
    if changed:
        statement = (
            update(ac).where(ac.c.pk == bindparam("b_pk")).values(canonical_pk=bindparam("b_canonical"))
        )
        conn.execute(statement, [{"b_pk": pk, "b_canonical": target[pk]} for pk in changed])
    regrouped = {rows[pk].canonical_pk or pk for pk in changed} | {target[pk] for pk in changed}
    return regrouped, {pk: target[pk] for pk in changed}


def _longer_names(by_word: dict[str, dict[str, int]]) -> dict[str, list[str]]:
    """Folded name -> the names among ``by_word``'s that end with it after a hyphen ("erdogan" ->
    ["recep-tayyip-erdogan", "tayyip-erdogan"]): each name filed under each of its shorter tails."""
    longer: dict[str, list[str]] = defaultdict(list)
    for names in by_word.values():
        for folded in names:
            parts = folded.split("-")
            for cut in range(1, len(parts)):
                longer["-".join(parts[cut:])].append(folded)
    return longer


def _alive_and_codes(conn: Connection, pks: list[int]) -> tuple[set[int], dict[int, str | None]]:
    """Which rows still have entities, and the code each has most often (from the totals)."""
    t, v = actor_totals, actor_variants
    alive: set[int] = set()
    codes: dict[int, Counter[str]] = defaultdict(Counter)
    for start in range(0, len(pks), 900):
        chunk = pks[start : start + 900]
        alive.update(conn.execute(select(t.c.actor_pk).where(t.c.actor_pk.in_(chunk))).scalars())
        for pk, code, n in conn.execute(
            select(v.c.actor_pk, v.c.value, v.c.n).where(v.c.actor_pk.in_(chunk), v.c.kind == "code")
        ):
            if code:
                codes[pk][code] += n
    return alive, {pk: _most_common(c) for pk, c in codes.items()}


# ---- step 3: the canonical actors' columns ------------------------------------------------------


@dataclass
class _Members:
    """The totals of the member rows of the actors being refreshed."""

    articles: dict[int, int] = field(default_factory=dict)
    mentions: Counter[int] = field(default_factory=Counter)
    quotes: Counter[int] = field(default_factory=Counter)
    tallies: dict[str, dict[int, Counter[str]]] = field(
        default_factory=lambda: {kind: defaultdict(Counter) for kind in KINDS}
    )


def _aggregate(
    conn: Connection, canonical_pks: set[int], regrouped: set[int], joined: Counter[int] | None
) -> None:
    """Counts, name, code, sector and aliases of these actors over all rows that join them.

    ``joined`` (None: count every actor's articles afresh) moves the distinct articles of an actor
    several rows join, unless its rows changed (``regrouped``)."""
    if not canonical_pks:
        return
    ac = TABLES.actors
    members: dict[int, list[int]] = defaultdict(list)
    info: dict[int, Any] = {}
    wanted = sorted(canonical_pks)
    for start in range(0, len(wanted), 900):
        chunk = wanted[start : start + 900]
        for row in conn.execute(select(ac.c.pk, ac.c.canonical_pk, ac.c.name, ac.c.country).where(
            ac.c.canonical_pk.in_(chunk) | ac.c.pk.in_(chunk)
        )):  # fmt: skip
            info[row.pk] = row
    for pk, row in info.items():
        canonical = row.canonical_pk or pk
        if canonical in canonical_pks:
            members[canonical].append(pk)
    rows: list[dict[str, Any]] = []
    moved: list[dict[str, Any]] = []  # the actors whose articles the batch moves, not sets
    zeroed = {pk for pk, row in info.items() if (row.canonical_pk or pk) != pk}
    for pk in sorted(zeroed):
        rows.append({"b_pk": pk, "b_articles": 0, "b_mentions": 0, "b_quotes": 0, "b_aliases": "[]",
                     "b_name": info[pk].name, "b_code": None, "b_sector": None})  # fmt: skip
    totals = _member_totals(conn, sorted(pk for group in members.values() for pk in group))
    for canonical, group in members.items():
        names: Counter[str] = Counter()
        code: Counter[str] = Counter()
        sector: Counter[str] = Counter()
        for pk in group:
            names.update(totals.tallies["name"][pk])
            code.update(totals.tallies["code"][pk])
            sector.update(totals.tallies["sector"][pk])
        row = info[canonical]
        own = totals.tallies["name"][canonical]
        # A country keeps its gazetteer name; any other actor is named as its own entities name it
        # most often (the fuller name, not a joined surname); one with no entities left keeps its name.
        name = row.name if row.country or not own else _best_name(own)
        aliases = [[n, k] for n, k in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))]
        values = {
            "b_pk": canonical, "b_mentions": sum(totals.mentions[pk] for pk in group),
            "b_quotes": sum(totals.quotes[pk] for pk in group), "b_aliases": json.dumps(aliases, ensure_ascii=False),
            "b_name": name, "b_code": _most_common(code), "b_sector": _most_common(sector),
        }  # fmt: skip
        if len(group) == 1:
            rows.append({**values, "b_articles": totals.articles.get(canonical, 0)})
        elif joined is None or canonical in regrouped:  # articles shared by two members count once
            rows.append({**values, "b_articles": _distinct_articles(conn, group)})
        else:
            moved.append({**values, "b_articles": joined.get(canonical, 0)})
    _write(conn, rows, moved)


def _member_totals(conn: Connection, pks: list[int]) -> _Members:
    t, v = actor_totals, actor_variants
    found = _Members()
    for start in range(0, len(pks), 900):
        chunk = pks[start : start + 900]
        for pk, articles, mentions, quotes in conn.execute(
            select(t.c.actor_pk, t.c.articles, t.c.mentions, t.c.quotes).where(t.c.actor_pk.in_(chunk))
        ):
            found.articles[pk] = articles
            found.mentions[pk] = mentions
            found.quotes[pk] = quotes
        for pk, kind, value, n in conn.execute(
            select(v.c.actor_pk, v.c.kind, v.c.value, v.c.n).where(v.c.actor_pk.in_(chunk))
        ):
            found.tallies[kind][pk][value] += n
    return found


def _distinct_articles(conn: Connection, group: list[int]) -> int:
    """The articles naming any of these rows, read from their entities (an index range per row)."""
    e = TABLES.entities
    query = select(func.count(func.distinct(e.c.article_pk))).where(e.c.actor_pk.in_(group))
    return int(conn.execute(query).scalar_one())


def _write(conn: Connection, rows: list[dict[str, Any]], moved: list[dict[str, Any]]) -> None:
    """Set the actors' columns; those in ``moved`` get their articles moved by ``b_articles`` in SQL."""
    ac = TABLES.actors
    columns = ("mentions", "quotes", "aliases", "name", "code", "sector")
    values: dict[str, Any] = {k: bindparam(f"b_{k}") for k in columns}
    statement = update(ac).where(ac.c.pk == bindparam("b_pk"))
    if rows:
        conn.execute(statement.values({**values, "articles": bindparam("b_articles")}), rows)
    if moved:
        conn.execute(statement.values({**values, "articles": ac.c.articles + bindparam("b_articles")}), moved)


def _best_name(counts: Counter[str]) -> str:
    """The name used most often; on a tie one in mixed case ("Mirelle") before a dateline's capitals
    ("MIRELLE"), then the alphabetically first."""
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0].isupper(), kv[0]))[0]


def _most_common(counts: Counter[str]) -> str | None:
    """The value seen most often; ties go to the alphabetically first, so the choice is stable."""
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _among(col: Any, chunk: list[int] | None) -> Any:
    """``col`` in ``chunk``; None means every actor (any non-null value)."""
    return col.in_(chunk) if chunk is not None else col.is_not(None)


def _chunks(pks: list[int] | None, size: int = 900) -> Iterator[list[int] | None]:
    if pks is None:
        yield None
        return
    for start in range(0, len(pks), size):
        yield pks[start : start + size]

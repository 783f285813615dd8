"""Actor aggregates kept incrementally (store.aggregates) equal a full recompute from the stored rows,
on SQLite and PostgreSQL: whatever the batch sizes and the order, with articles shared by several
names of one actor, replaced articles, an article replaced by one naming nobody, surnames that join a
fuller name and leave it again. A store from before the running totals gets them filled when opened.
Every article is invented (real country names: a country is recognised by its name)."""

from __future__ import annotations

import dataclasses
import json
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

import desk_records
from conftest import store_url
from dateline.model import Entity, Quote, Record, Span, Speaker
from dateline.store import Store, open_store
from dateline.store.aggregates import _longer_names, refresh_actors
from dateline.store.schema import TABLES, actor_totals, actor_variants
from dateline.store.text import fuller_forms
from store_records import corpus, edited, filler, second_ozdal, summit_opening, summit_reply

Snapshot = dict[str, list[tuple[Any, ...]]]


def story(id_: str, text: str, *named: tuple[str, str, str | None, str | None], quoted: int = 0) -> Record:
    """An article naming ``named`` (name, type, code, sector), each where the text first says it; the
    first ``quoted`` of them speak a quote ("said" after their name)."""
    entities, quotes = [], []
    for number, (name, type_, code, sector) in enumerate(named, 1):
        start = text.index(name)
        spans = [Span(start, start + len(name), name)]
        entities.append(Entity(f"E{number}", name, type_, code, sector, [], spans, generic=name.islower()))
        if number <= quoted:
            cue = text.index("said", start)
            content = Span(cue + 5, len(text.rstrip()), text[cue + 5 : len(text.rstrip())])
            quotes.append(Quote(f"Q{number}", "indirect", Speaker(*_bounds(spans[0]), name, f"E{number}"),
                                Span(cue, cue + 4, "said"), "say", [content], "named_person", None))  # fmt: skip
    return Record(id=id_, source=None, title=id_, published="2025-06-05", outlet="Test Wire", url=None,
                  text=text, entities=entities, quotes=quotes)  # fmt: skip


def _bounds(span: Span) -> tuple[int, int]:
    return span.start, span.end


OZDAL = ("Seren Balkır Özdal", "PERSON", "VAL", "GOV")


def records() -> list[Record]:
    """Overlapping stories, then new versions of some: the sequence every test here ingests."""
    both = story("both-names", "Seren Balkır Özdal arrived. Ozdal said the US would wait.\n", OZDAL,
                 ("Ozdal", "PERSON", None, None), ("US", "GPE", "USA", None), quoted=2)  # fmt: skip
    capitals = story("capitals", "MIRELLE said prices would rise. officials agreed.\n",
                     ("MIRELLE", "PERSON", None, "BUS"), ("officials", "GROUP", None, "GOV"), quoted=1)  # fmt: skip
    mixed = story("mixed-case", "Mirelle said rates would fall. Officials agreed with America.\n",
                  ("Mirelle", "PERSON", "DRS", "BUS"), ("Officials", "GROUP", None, "GOV"),
                  ("America", "GPE", "USA", "GOV"), quoted=1)  # fmt: skip
    reply = summit_reply()
    reply.entities[0].code = "DRS"  # the surname now carries the banker's code: it leaves the minister
    reply.text += " "
    return [
        *corpus(), summit_opening(), summit_reply(), both, capitals, filler(1), filler(2), mixed,
        *desk_records.desk_records(),  # its "port-talks" replaces the store's own
        *desk_records.summit_records(),
        second_ozdal(),  # a second fuller "... Ozdal": the surname stands for itself again
        edited(second_ozdal(), "Rates will rise, a banker said.\n"),  # names nobody: the banker is gone
        reply,
        dataclasses.replace(filler(2), text=filler(2).text + "More later.\n"),  # new text, same facts
        edited(both, "Nobody was named.\n"),
        second_ozdal(),  # back again
    ]  # fmt: skip


def shuffled(items: list[Record], seed: int) -> list[Record]:
    """``items`` in another order, the versions of one input still in theirs (the last one stays)."""
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    slots: dict[str, list[int]] = defaultdict(list)
    for index in order:
        slots[items[index].id].append(index)
    queues = {key: sorted(indexes) for key, indexes in slots.items()}
    return [items[queues[items[index].id].pop(0)] for index in order]


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """Opens a new empty store on each call (PostgreSQL: the test database, emptied; the previous
    store is closed first)."""
    opened: list[Store] = []

    def make() -> Store:
        for store in opened:
            store.close()
        store = open_store(store_url(request, tmp_path / f"store{len(opened)}"))
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def snapshot(store: Store) -> Snapshot:
    """The actors table and the running totals, row by row, in key order."""
    ac, t, v = TABLES.actors, actor_totals, actor_variants
    with store.engine.connect() as conn:
        return {
            "actors": [tuple(r) for r in conn.execute(select(ac).order_by(ac.c.pk))],
            "totals": [tuple(r) for r in conn.execute(select(t).order_by(t.c.actor_pk))],
            "variants": [
                tuple(r) for r in conn.execute(select(v).order_by(v.c.actor_pk, v.c.kind, v.c.value))
            ],
        }


def recomputed(store: Store) -> Snapshot:
    """The same after everything is recomputed from the stored entities and quotes."""
    with store.engine.begin() as conn:
        refresh_actors(conn, None)
    return snapshot(store)


def by_key(rows: list[tuple[Any, ...]]) -> dict[str, tuple[Any, ...]]:
    """Actor rows keyed by actor key, the canonical actor as its key: comparable across orders."""
    columns = [c.name for c in TABLES.actors.columns]
    named = [dict(zip(columns, row, strict=True)) for row in rows]
    key_of = {r["pk"]: r["key"] for r in named}
    return {r["key"]: (*(r[c] for c in columns if c not in ("pk", "canonical_pk")), key_of[r["canonical_pk"]])
            for r in named}  # fmt: skip


@pytest.mark.parametrize("batch_size", [1, 3, 100])
def test_incremental_aggregates_equal_a_full_recompute(fresh: Callable[[], Store], batch_size: int) -> None:
    store = fresh()
    report = store.ingest(records(), batch_size=batch_size)
    assert (report.added, report.replaced, report.failed) == (16, 6, 2)
    kept = snapshot(store)
    assert kept == recomputed(store)
    # What the sequence left: the surname, coded as the banker is in its latest article, joined him.
    actors = {a["id"]: a for a in store.actors(limit=500)["items"]}
    assert actors["person-seren-balkir-ozdal"]["articles"] == 2 and "person-ozdal" not in actors
    deniz = actors["person-deniz-ozdal"]
    assert deniz["articles"] == 3 and set(deniz["aliases"]) == {"Deniz Ozdal", "Ozdal"}
    assert actors["gpe-united-states"]["articles"] == 5  # two of its names in one article count once


def test_batch_sizes_and_orders_store_the_same_actors(fresh: Callable[[], Store]) -> None:
    """Every batch size stores the same table, keys included; another order the same actors by key."""
    snapshots = []
    for batch_size in (1, 4, 100):
        store = fresh()
        store.ingest(records(), batch_size=batch_size)
        snapshots.append(snapshot(store))
    assert snapshots[0] == snapshots[1] == snapshots[2]
    for seed in (3, 11):
        store = fresh()
        store.ingest(shuffled(records(), seed), batch_size=3)
        again = snapshot(store)
        assert again == recomputed(store)
        assert by_key(again["actors"]) == by_key(snapshots[0]["actors"])


def test_each_canonical_actor_counts_what_its_rows_say(fresh: Callable[[], Store]) -> None:
    """Counts, code, sector and aliases of every actor against the stored entities and quotes themselves."""
    store = fresh()
    store.ingest(shuffled(records(), 5), batch_size=2)
    ac, e, qt = TABLES.actors, TABLES.entities, TABLES.quotes
    with store.engine.connect() as conn:
        actors = conn.execute(select(ac)).all()
        entities = conn.execute(select(e)).all()
        speakers = Counter(conn.execute(select(qt.c.actor_pk)).scalars())
    members: dict[int, set[int]] = defaultdict(set)
    for actor in actors:
        members[actor.canonical_pk].add(actor.pk)
    for actor in actors:
        if actor.canonical_pk != actor.pk:  # joined: its counts are its canonical actor's
            assert (actor.articles, actor.mentions, actor.quotes, actor.aliases) == (0, 0, 0, "[]")
            continue
        own = [row for row in entities if row.actor_pk in members[actor.pk]]
        names = Counter(row.name for row in own)
        assert actor.articles == len({row.article_pk for row in own}), actor.key
        assert actor.mentions == sum(row.n_mentions for row in own), actor.key
        assert actor.quotes == sum(speakers[pk] for pk in members[actor.pk]), actor.key
        assert json.loads(actor.aliases) == sorted(map(list, names.items()), key=lambda kv: (-kv[1], kv[0]))
        for column in ("code", "sector"):
            seen = Counter(getattr(row, column) for row in own if getattr(row, column) is not None)
            best = min(seen.items(), key=lambda kv: (-kv[1], kv[0]))[0] if seen else None
            assert getattr(actor, column) == best, (actor.key, column)
    named = {a.key: a.name for a in actors}
    assert named["person-mirelle"] == "Mirelle"  # on a tie, mixed case before a dateline's capitals


def test_a_batch_reads_no_entities_but_its_own(fresh: Callable[[], Store]) -> None:
    """Refreshing a busy actor reads its totals, not every entity naming it: a batch's statements read
    entities only of the articles it replaces, whatever the store holds."""
    store = fresh()
    store.ingest([filler(n) for n in range(30)], batch_size=10)  # one clerk in every article
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        store.ingest([filler(30), edited(filler(3), "Nothing was filed.\n")])
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "FROM entities" in s]
    assert reads and all("entities.article_pk =" in s for s in reads), reads
    clerk = store.actors(q="Ben Oaks")["items"][0]
    assert (clerk["articles"], clerk["quotes"]) == (30, 30)


def test_a_store_from_before_the_totals_gets_them_when_opened(fresh: Callable[[], Store]) -> None:
    store = fresh()
    items = records()
    store.ingest(items[:12], batch_size=5)
    expected = snapshot(store)
    with store.engine.begin() as conn:  # as the previous version of the store left it
        conn.exec_driver_sql("DROP TABLE actor_variants")
        conn.exec_driver_sql("DROP TABLE actor_totals")
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    reopened = open_store(url)
    try:
        assert snapshot(reopened) == expected
        reopened.ingest(items[12:], batch_size=5)  # and later batches keep them
        assert snapshot(reopened) == recomputed(reopened)
    finally:
        reopened.close()


def test_a_full_recompute_repairs_wrong_totals(fresh: Callable[[], Store]) -> None:
    store = fresh()
    store.ingest(records(), batch_size=7)
    expected = snapshot(store)
    with store.engine.begin() as conn:
        conn.execute(actor_totals.update().values(articles=actor_totals.c.articles + 5))
        conn.execute(actor_variants.delete().where(actor_variants.c.kind == "name"))
        conn.execute(TABLES.actors.update().values(articles=0, aliases="[]"))
    assert recomputed(store) == expected


def test_fuller_forms_among_the_longer_names_only_are_those_among_all() -> None:
    """Step 2 offers ``fuller_forms`` only the names ending with the short one: the same answer as
    offering every name sharing its last word, for names of one to four words, codes or none."""
    rng = random.Random(2)
    words = ["ana", "velt", "ozdal", "seren", "balkir", "al", "qirsan"]
    for _ in range(200):
        names = {"-".join(rng.choices(words, k=rng.randint(1, 4))) for _ in range(rng.randint(1, 12))}
        by_word: dict[str, dict[str, int]] = defaultdict(dict)
        for pk, name in enumerate(sorted(names)):
            by_word[name.rsplit("-", 1)[-1]][name] = pk
        codes = {name: rng.choice([None, "VAL", "DRS"]) for name in names}
        longer = _longer_names(by_word)
        for name in names:
            every = {f: codes[f] for f in by_word[name.rsplit("-", 1)[-1]] if f != name}
            offered = {f: codes[f] for f in longer.get(name, ())}
            assert fuller_forms(name, codes[name], offered) == fuller_forms(name, codes[name], every)

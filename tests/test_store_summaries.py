"""The summary tables (issue 16) answer what grouping the rows answered: the places list, a place, the
name lookups, the map's counts, the place filter, the timeline and the network are each compared with
the reads of before (``summary_reference``) on a store of the tests' records, after articles were
replaced, on SQLite and PostgreSQL. The summaries a run of ingests keeps equal those filled from the
rows at once, and an older store (or rows written around the ingest) gets them when it is opened."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select, text

from conftest import store_url
from dateline.model import Place, Record
from dateline.store import Store, open_store
from dateline.store.edge_summaries import EDGE_SUMMARIES
from dateline.store.paging import PLACE_SORTS
from dateline.store.pgcluster import reset_database
from dateline.store.summaries import PLACE_ARTICLES, SUMMARIES, VERSION, daily_counts, rebuild, summary_state
from desk_records import Story, desk_records, hostile_record, summit_records
from list_records import list_records
from map_records import geneva_round
from store_records import edited
from summary_reference import ReferenceReads

MARROW = "person-ilse-marrow"


def crowded(version: int) -> Record:
    """One event with several actors on each side: a shorter name and the fuller one it joins (one
    actor drawn once), a generic group, a country named twice; and places whose rows disagree with
    other articles' rows of the same key (a name in capitals, a latitude without longitude).
    ``version`` 2 is an edit of it: other places and events, so replacing it moves the counts."""
    s = Story(
        "crowded-hall", "Everyone meets in the hall", "2025-06-04", "Harbour Wire",
        "Everyone meets in the hall\n"
        "Ozdal and Seren Balkır Özdal with officials met America, Marrow and the US in GENEVA.\n"
        f'"Marrow will sign in Oskel," Ozdal said{" again" if version == 2 else ""}.\n',
    )  # fmt: skip
    short = s.entity("Ozdal", "PERSON", ["Ozdal"])
    full = s.entity("Seren Balkır Özdal", "PERSON", ["Seren Balkır Özdal"], "VAL", "GOV")
    officials = s.entity("officials", "GROUP", ["officials"], None, "GOV")
    s.record.entities[-1].generic = True
    america = s.entity("America", "GPE", ["America"], "USA")
    marrow = s.entity("Ilse Marrow", "PERSON", ["Marrow"], "VDR", "GOV")
    us = s.entity("US", "GPE", ["US"], "USA")
    geneva = s.place("GENEVA", "CHE", ["GENEVA"], 46.2, 6.15)
    oskel = s.place("Oskel", None, ["Oskel"], 44.1, 21.3)
    s.record.places[-1].lon = None if version == 1 else 21.3  # a row of n-oskel with no longitude
    s.quote("direct", "Ozdal", short, "said", ["Marrow will sign in Oskel,"], "named_person")
    s.event("CONSULT", "met", [short, full, officials, short], [america, marrow, us, full], day="2025-06-04",
            place=geneva)  # fmt: skip
    if version == 2:
        s.event("AGREE", "will sign", [marrow], [america], day="2025-06-04", place=oskel)
    return s.record


def odd_places() -> Record:
    """A place row with coordinates but no country, of a key other rows give a country."""
    s = Story("odd-places", "Brel and Geneva", "2025-04-05", "Lakeside Post",
              "Brel and Geneva\nTalks moved from Brel to Geneva.\n")  # fmt: skip
    s.record.places.append(
        Place("P1", "Geneva", None, 46.2, 6.15, None, "city", [s.span("Geneva", after=20)])
    )
    return s.record


def first_records() -> list[Record]:
    return [*desk_records(), hostile_record(), geneva_round(), *summit_records(), *list_records(), crowded(1),
            odd_places()]  # fmt: skip


def replacements() -> list[Record]:
    """New versions: one with nothing extracted any more, one with other items, one moved in time."""
    port = desk_records()[0]
    later = list_records()[2]
    later.published, later.text = "2025-05-30", later.text + " "
    return [edited(port, port.text + "\nCorrection appended.\n"), crowded(2), later]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(store_url(request, tmp_path_factory.mktemp("summaries")))
    opened.ingest(first_records())
    report = opened.ingest(replacements())
    assert report.replaced == 3
    yield opened
    opened.close()


@pytest.fixture
def old(store: Store) -> ReferenceReads:
    return ReferenceReads(store)


def walked(read: Callable[..., dict[str, Any]], **kwargs: Any) -> list[list[dict[str, Any]]]:
    """Every page of a list, two items at a time, forward and then back from its last page."""
    pages, cursor = [], None
    while True:
        page = read(limit=2, cursor=cursor, **kwargs)
        pages.append(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            break
    before = page["prev_cursor"]
    while before:
        page = read(limit=2, before=before, **kwargs)
        pages.append(page["items"])
        before = page["prev_cursor"]
    return pages


def keys(store: Store) -> list[str]:
    return [p["id"] for p in store.places(limit=500)["items"]]


FILTERS = [
    (None, None),
    ("e", None),
    ("GEN", None),
    ("geneva", None),
    (None, "che"),
    ("a", "CHE"),
    ("zzz", None),
]


def test_the_places_list_is_the_rows_grouped(store: Store, old: ReferenceReads) -> None:
    assert len(keys(store)) >= 8
    for sort in PLACE_SORTS:
        for q, country in FILTERS:
            got, expected = walked(store.places, q=q, country=country, sort=sort), walked(old.places, q=q,
                                                                                           country=country, sort=sort)  # fmt: skip
            assert got == expected, (sort, q, country)
    for q, country in FILTERS:
        assert store.count_places(q=q, country=country) == old.count_places(q=q, country=country), (
            q,
            country,
        )


def test_rows_that_disagree_are_grouped_as_before(store: Store, old: ReferenceReads) -> None:
    geneva = store.place("n-geneva")
    assert geneva is not None and geneva == old.place("n-geneva")
    assert geneva["articles"] == 3 and geneva["name"] in ("GENEVA", "Geneva"), "the least name (collation's)"
    # A filter keeps only some of the key's rows: they are counted, as before.
    (lower,) = store.places(q="geneva")["items"]
    assert lower["articles"] == 3
    assert store.places(q="Genev")["items"] == old.places(q="Genev")["items"]
    assert [p["articles"] for p in store.places(country="CHE")["items"] if p["id"] == "n-geneva"] == [2]


def test_one_place_and_the_name_lookups_are_as_before(store: Store, old: ReferenceReads) -> None:
    for key in [*keys(store), "n-nowhere"]:
        assert store.place(key) == old.place(key), key
    names = [p["name"] for p in store.places(limit=500)["items"]]
    for name in [
        *names,
        *(n.lower() for n in names),
        *(n[:3] for n in names),
        "geneva",
        "zzz",
        "",
        " Oskel ",
    ]:
        assert store.find_place(name) == old.find_place(name), name
    assert store.place_names(5) == [(p["name"], p["country"]) for p in store.places(limit=5)["items"]]


MAP_FILTERS: list[dict[str, str]] = [
    {}, {"actor": MARROW}, {"country": "CHE"}, {"date_from": "2025-04"}, {"q": "Marrow"}, {"event_type": "CONSULT"},
    {"source_type": "named_person"}, {"outlet": "Harbour Wire"}, {"q": "'"},
]  # fmt: skip


def test_the_map_counts_are_as_before(store: Store, old: ReferenceReads) -> None:
    assert store.place_counts() and any(r["quotes"] for r in store.place_counts())
    for filters in MAP_FILTERS:
        assert store.place_counts(**filters) == old.place_counts(**filters), filters
        for key in [*keys(store), "n-nowhere"]:
            assert store.place_counts(only=key, **filters) == old.place_counts(only=key, **filters), (
                key,
                filters,
            )


def test_the_place_filter_lists_the_quotes_it_did(store: Store, old: ReferenceReads) -> None:
    for key in keys(store):
        for filters in ({}, {"actor": "person-seren-balkir-ozdal"}, {"q": "sign"}):
            got = store.quotes(place=key, limit=500, **filters)
            assert got == old.quotes(place=key, limit=500, **filters), (key, filters)
            assert store.count_quotes(place=key, **filters) == old.count_quotes(place=key, **filters)
    assert store.quotes(place="n-oskel")["items"], "a place named in a quote's sentence"


def test_the_timeline_is_as_before(store: Store, old: ReferenceReads) -> None:
    assert store.timeline() == old.timeline()
    assert store.timeline(actor=MARROW) == old.timeline(actor=MARROW)
    days = sorted({row["day"] for row in old.timeline()})
    assert len(days) > 2
    # A date range alone is read from the daily counts too: every bound form, a range holding no day.
    for bounds in ({"date_from": days[1]}, {"date_to": days[-2]}, {"date_from": days[1], "date_to": days[1]},
                   {"date_from": days[0][:7], "date_to": days[-1][:4]}, {"date_from": "1999", "date_to": "1999"}):  # fmt: skip
        assert store.timeline(**bounds) == old.timeline(**bounds), bounds
    assert store.timeline(date_from=days[1], outlet="Harbour Wire") == old.timeline(
        date_from=days[1], outlet="Harbour Wire"
    )


def test_the_network_is_as_before_wherever_it_is_cut(store: Store, old: ReferenceReads) -> None:
    whole = old.network(max_edges=None)
    assert len(whole["edges"]) > 10 and store.network(max_edges=None) == whole
    for most in (1, 2, 3, 4, 5, 7, 10, 15, len(whole["edges"]) - 1, len(whole["edges"]), 1_000):
        assert store.network(max_edges=most) == old.network(max_edges=most), most
    joined = store.network()["nodes"]
    assert "person-seren-balkir-ozdal" in {n["id"] for n in joined}
    assert "person-ozdal" not in {n["id"] for n in joined}, "a shorter name is drawn as the fuller one"


def summary_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    with store.engine.connect() as conn:
        return {
            t.name: sorted((tuple(r) for r in conn.execute(select(t))), key=repr)
            for t in (*SUMMARIES, *EDGE_SUMMARIES)
        }


def test_what_the_ingests_kept_is_what_the_rows_count(store: Store) -> None:
    kept = summary_rows(store)
    assert all(kept.values()), "every summary holds rows"
    with store.engine.begin() as conn:
        rebuild(conn)
    assert summary_rows(store) == kept


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_an_older_store_gets_its_summaries_when_opened(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = str(tmp_path / "older.db")
    if backend == "postgresql":
        url = request.getfixturevalue("postgres_url")
        reset_database(url)
    fresh = open_store(url)
    fresh.ingest([*desk_records(), geneva_round(), *summit_records()])
    expected = summary_rows(fresh)
    with fresh.engine.begin() as conn:  # as a store from before them: no summaries, no index
        for table in (*SUMMARIES, *EDGE_SUMMARIES, summary_state):
            conn.execute(text(f"DROP TABLE {table.name}"))
        conn.execute(text(f"DROP INDEX {PLACE_ARTICLES.name}"))
    fresh.close()
    reopened = open_store(url)
    assert summary_rows(reopened) == expected
    with reopened.engine.connect() as conn:
        assert PLACE_ARTICLES.name in {i["name"] for i in inspect(conn).get_indexes("places")}
    with reopened.engine.begin() as conn:  # rows written around the ingest (a bulk loader): emptied
        for table in (*SUMMARIES, *EDGE_SUMMARIES):
            conn.execute(table.delete())
    reopened.close()
    again = open_store(url)
    assert summary_rows(again) == expected
    assert again.place_counts() == ReferenceReads(again).place_counts()
    with again.engine.begin() as conn:  # summaries of an earlier definition: filled again
        conn.execute(summary_state.update().values(version=VERSION - 1))
        conn.execute(daily_counts.delete().where(daily_counts.c.kind == "event"))
    again.close()
    latest = open_store(url)
    assert summary_rows(latest) == expected
    latest.close()

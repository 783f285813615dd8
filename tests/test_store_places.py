"""The store's place reads on SQLite and PostgreSQL: the ``place`` filter of the lists (events at the
place, quotes whose sentence names it, articles mentioning it), ``place`` and ``place_counts``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import store_url
from dateline.store import Store, open_store
from desk_records import desk_records, hostile_record
from map_records import EVIL_KEY, geneva_round

MARROW = "person-ilse-marrow"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(store_url(request, tmp_path_factory.mktemp("places")))
    opened.ingest([*desk_records(), hostile_record(), geneva_round()])
    yield opened
    opened.close()


def counts(store: Store, **filters: str) -> dict[str, tuple[int, dict[str, int], int]]:
    return {r["id"]: (r["events"], r["types"], r["quotes"]) for r in store.place_counts(**filters)}


def test_place_counts_count_events_by_type_and_quotes_naming_the_place(store: Store) -> None:
    assert counts(store) == {
        "n-oskel": (2, {"AID": 1, "CONSULT": 1}, 1),
        "n-geneva": (1, {"CONSULT": 1}, 1),
        "n-brel": (0, {}, 1),
        EVIL_KEY: (1, {"PROTEST": 1}, 0),
    }, "a place without coordinates (Narn) is never counted"
    first = store.place_counts()[0]
    assert first == {"id": "n-oskel", "name": "Oskel", "country": None, "lat": 44.1, "lon": 21.3, "events": 2,
                     "types": {"AID": 1, "CONSULT": 1}, "quotes": 1}  # fmt: skip


def test_place_counts_take_the_list_filters(store: Store) -> None:
    assert counts(store, event_type="CONSULT") == {
        "n-oskel": (1, {"CONSULT": 1}, 0),
        "n-geneva": (1, {"CONSULT": 1}, 1),
    }
    assert counts(store, date_from="2025-04") == {
        "n-geneva": (1, {"CONSULT": 1}, 1),
        EVIL_KEY: (1, {"PROTEST": 1}, 0),
    }
    assert counts(store, country="CHE") == counts(store, date_from="2025-04"), "the Geneva story's places"
    assert counts(store, actor=MARROW) == {
        "n-oskel": (1, {"CONSULT": 1}, 0),
        "n-geneva": (1, {"CONSULT": 1}, 1),
    }
    assert counts(store, outlet="Meridian Ledger") == {"n-brel": (0, {}, 1)}
    assert counts(store, source_type="named_organization") == {
        "n-oskel": (2, {"AID": 1, "CONSULT": 1}, 1), "n-geneva": (1, {"CONSULT": 1}, 0), EVIL_KEY: (1, {"PROTEST": 1}, 0),
    }, "a quote-only filter narrows the quotes alone, as on the lists"  # fmt: skip
    assert counts(store, event_type="SANCTION") == {}


def test_the_place_filter_lists_the_sentences_a_place_counts(store: Store) -> None:
    for row in store.place_counts():
        events = store.events(place=row["id"])["items"]
        quotes = store.quotes(place=row["id"])["items"]
        assert len(events) == row["events"] and len(quotes) == row["quotes"], row["id"]
        assert all(e["place"]["name"] == row["name"] for e in events)
        assert all(row["name"] in q["context"]["text"] for q in quotes)
    (brel,) = store.quotes(place="n-brel")["items"]
    assert brel["text"] == "Valdoria has a week to open the road,"
    assert {a["id"] for a in store.articles(place="n-oskel")["items"]} == {"port-talks", "aid-appeal"}
    assert [a["id"] for a in store.articles(place="n-narn")["items"]] == ["geneva-round"]
    assert store.events(place="n-nowhere")["items"] == [] and store.quotes(place="n-nowhere")["items"] == []


def test_the_place_filter_combines_with_the_others(store: Store) -> None:
    assert [e["type"] for e in store.events(place="n-oskel", event_type="AID")["items"]] == ["AID"]
    assert store.quotes(place="n-oskel", actor=MARROW)["items"] == []
    timeline = store.timeline(place="n-oskel")
    assert sum(r["count"] for r in timeline if r["kind"] == "event") == 2
    assert sum(r["count"] for r in timeline if r["kind"] == "quote") == 1
    assert store.search("food", place="n-oskel")["items"][0]["text"] == "it had sent food to Oskel"


def test_one_place_by_its_key_and_the_article_knows_its_place_keys(store: Store) -> None:
    geneva = store.place("n-geneva")
    assert geneva is not None
    assert (geneva["name"], geneva["country"], geneva["lat"], geneva["articles"], geneva["mentions"]) == (
        "Geneva", "CHE", 46.2, 1, 3,
    )  # fmt: skip
    assert geneva["examples"][0]["article_id"] == "geneva-round"
    assert store.place("n-nowhere") is None
    record = store.article("geneva-round") or {}
    assert record["store"]["places"] == {"P1": "n-geneva", "P2": EVIL_KEY, "P3": "n-narn"}

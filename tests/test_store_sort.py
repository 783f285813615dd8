"""The store's lists, on SQLite and PostgreSQL: every ``sort`` is really ordered and stable across
pages, relevance ranks the row that says the words most first, totals equal the rows a walk over every
page yields, ``before`` walks back to the very page the walk came from, names resolve to ids, and the
facets link what they count. Over the invented Lakeland stories of ``list_records``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from conftest import store_url
from dateline.store import Filters, Store, open_store
from dateline.store.paging import ACTOR_SORTS, EVENT_SORTS, PLACE_SORTS
from list_records import WATER_MOST, WATER_ONCE, list_records


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(store_url(request, tmp_path_factory.mktemp("sorted")))
    assert opened.ingest(list_records()).added == 9
    yield opened
    opened.close()


def walk(fetch: Callable[..., dict[str, Any]], limit: int, **params: Any) -> list[list[dict[str, Any]]]:
    """Every page of a list, first to last, through next_cursor."""
    pages, cursor = [], None
    while True:
        page = fetch(cursor=cursor, limit=limit, **params)
        pages.append(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            return pages
        assert len(pages) < 100


def ids(items: list[dict[str, Any]]) -> list[Any]:
    return [(i.get("item"), i["id"]) for i in items]


def flat(pages: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return [item for page in pages for item in page]


def is_ordered(keys: list[tuple[Any, ...]]) -> bool:
    return all(a <= b for a, b in zip(keys, keys[1:], strict=False))


def test_quotes_and_events_run_newest_or_oldest_first_on_every_page(store: Store) -> None:
    for fetch, sorts in ((store.quotes, ("newest", "oldest")), (store.events, EVENT_SORTS)):
        for sort in sorts:
            items = flat(walk(fetch, 4, sort=sort))
            assert len(items) == 18 and len({i["id"] for i in items}) == 18
            days = [(i.get("event_day") or i["day"] or "", i["id"]) for i in items]
            # Newest: latest day first, then the latest row; oldest the other way round (undated first).
            assert is_ordered(days if sort == "oldest" else days[::-1]), (fetch.__name__, sort, days)
            assert ids(items) == ids(fetch(sort=sort, limit=100)["items"]), "pages join into the one list"
    assert store.quotes(limit=1)["items"][0]["day"] == "2025-04-12"
    assert store.quotes(sort="oldest", limit=1)["items"][0]["day"] is None  # the undated story


def test_a_text_search_runs_newest_first_unless_asked_for_relevance(store: Store) -> None:
    newest = store.quotes(q="water")["items"]
    assert [q["text"] for q in newest] == [f"{WATER_ONCE},", f"{WATER_MOST},"]
    ranked = store.quotes(q="water", sort="relevance")["items"]
    assert [q["text"] for q in ranked] == [f"{WATER_MOST},", f"{WATER_ONCE},"], "four times beats once"
    assert [q["text"] for q in store.quotes(q="water", sort="oldest")["items"]] == [
        f"{WATER_MOST},",
        f"{WATER_ONCE},",
    ]
    found = store.search("water", facets=False)["items"]
    assert [i["day"] for i in found] == ["2025-04-12", "2025-01-05", "2025-04-12", "2025-01-05"]
    assert [i["item"] for i in found] == ["quote", "quote", "article", "article"]
    best = store.search("water", sort="relevance", facets=False)["items"]
    assert [(i["item"], i["day"]) for i in best][:2] == [("quote", "2025-01-05"), ("quote", "2025-04-12")]


def test_relevance_is_stable_across_pages(store: Store) -> None:
    # "lake" is in every second quote and every title: many matches, ranked, walked one at a time.
    for fetch in (store.quotes, store.articles):
        one_by_one = flat(walk(fetch, 1, q="lake", sort="relevance"))
        whole = fetch(q="lake", sort="relevance", limit=100)["items"]
        assert ids(one_by_one) == ids(whole) and len(whole) == len({i["id"] for i in whole}) > 5
    items = flat(walk(store.search, 3, q="lake", sort="relevance", facets=False))
    assert len(items) == len(set(ids(items))) == store.count_quotes(q="lake") + 9


def test_actors_and_places_sort_by_each_column_on_every_page(store: Store) -> None:
    for fetch, sorts in ((store.actors, ACTOR_SORTS), (store.places, PLACE_SORTS)):
        for sort in sorts:
            column, descending = sort.lstrip("-"), sort.startswith("-")
            items = flat(walk(fetch, 2, sort=sort))
            assert ids(items) == ids(fetch(sort=sort, limit=100)["items"])
            values = [i[column] for i in items]
            assert values == sorted(values, reverse=descending), (sort, values)
            # Ties go by id, A to Z, whichever way the column runs.
            for a, b in zip(items, items[1:], strict=False):
                if a[column] == b[column]:
                    assert a["id"] < b["id"], (sort, a["id"], b["id"])
    by_name = [a["id"] for a in store.actors(sort="name")["items"]]
    assert by_name.index("org-mirren") + 1 == by_name.index("person-mirren"), "two Mirrens, by id"


@pytest.mark.parametrize("limit", [1, 2, 4])
def test_previous_then_next_returns_to_the_same_page(store: Store, limit: int) -> None:
    lists: list[tuple[Callable[..., dict[str, Any]], dict[str, Any]]] = [
        (store.quotes, {}), (store.quotes, {"sort": "oldest", "outlet": "Lake Courier"}),
        (store.quotes, {"q": "lake", "sort": "relevance"}), (store.events, {"sort": "oldest"}),
        (store.articles, {}), (store.actors, {"sort": "name"}), (store.places, {"sort": "-mentions"}),
        (store.search, {"q": "lake", "facets": False}), (store.search, {"q": "water OR lake", "sort": "oldest", "facets": False}),
    ]  # fmt: skip
    for fetch, params in lists:
        pages: list[dict[str, Any]] = []
        cursor = None
        while True:
            pages.append(fetch(cursor=cursor, limit=limit, **params))
            cursor = pages[-1]["next_cursor"]
            if not cursor:
                break
        assert pages[0]["prev_cursor"] is None
        for i in range(1, len(pages)):
            back = fetch(before=pages[i]["prev_cursor"], limit=limit, **params)
            assert ids(back["items"]) == ids(pages[i - 1]["items"]), (fetch.__name__, params, i)
            assert (back["prev_cursor"] is None) == (i == 1), "the first page says it is the first"
            again = fetch(cursor=back["next_cursor"], limit=limit, **params)
            assert ids(again["items"]) == ids(pages[i]["items"]), (fetch.__name__, params, i)


def test_totals_equal_the_rows_a_walk_over_every_page_yields(store: Store) -> None:
    quote_filters: list[dict[str, Any]] = [
        {}, {"q": "lake"}, {"actor": "person-orla-venn"}, {"outlet": "Hill Gazette", "kind": "direct"},
        {"date_from": "2025-02", "date_to": "2025-03-16"}, {"min_confidence": 0.7}, {"country": "HLD"},
        {"source_type": "named_organization"}, {"place": "n-ardo"}, {"q": "nothing-like-this"},
    ]  # fmt: skip
    for filters in quote_filters:
        assert store.count_quotes(**filters) == len(flat(walk(store.quotes, 3, **filters))), filters
    event_filters: list[dict[str, Any]] = [
        {}, {"event_type": "ACCUSE"}, {"recipient": "person-piet-sarro"}, {"modality": "reported"},
        {"min_confidence": 0.6, "country": "LKL"}, {"date_from": "2025-03", "date_to": "2025-03"},
    ]  # fmt: skip
    for filters in event_filters:
        assert store.count_events(**filters) == len(flat(walk(store.events, 3, **filters))), filters
    for filters in ({}, {"q": "mirren"}, {"type": "ORG"}, {"code": "HLD"}):
        assert store.count_actors(**filters) == len(flat(walk(store.actors, 2, **filters))), filters
    for filters in ({}, {"q": "ar"}, {"country": "hld"}):
        assert store.count_places(**filters) == len(flat(walk(store.places, 2, **filters))), filters
    found = flat(walk(store.search, 4, q="lake", facets=False))
    totals = store.search_totals("lake")
    assert totals == {"quotes": sum(i["item"] == "quote" for i in found), "articles": 9}


def test_a_sort_outside_the_list_is_refused_and_says_what_is_allowed(store: Store) -> None:
    with pytest.raises(ValueError, match="newest, oldest, relevance"):
        store.quotes(sort="loudest")
    with pytest.raises(ValueError, match="give q"):
        store.quotes(sort="relevance")
    with pytest.raises(ValueError, match="newest, oldest"):
        store.events(sort="relevance")
    with pytest.raises(ValueError, match="-articles"):
        store.actors(sort="age")
    with pytest.raises(ValueError, match="sort"):
        store.places(sort="quotes")
    with pytest.raises(ValueError, match="not both"):
        store.quotes(cursor=store.quotes(limit=1)["next_cursor"], before="x")
    # A cursor of one order is no cursor of another whose key has other types.
    name_cursor = store.actors(sort="name", limit=1)["next_cursor"]
    with pytest.raises(ValueError, match="invalid cursor"):
        store.actors(cursor=name_cursor)


def test_names_resolve_to_the_ids_the_filters_take(store: Store) -> None:
    assert store.find_actor("person-orla-venn") == "person-orla-venn"
    assert store.find_actor("orla venn") == "person-orla-venn"
    assert store.find_actor("Venn") == "person-orla-venn"  # a part of a name
    assert store.find_actor("Mirren") == "person-mirren", "the most widely reported of two namesakes"
    assert store.find_actor("Nobody at all") is None and store.find_actor("  ") is None
    assert store.find_place("ardo") == "n-ardo" and store.find_place("Kess") == "n-kessel"
    assert store.find_place("n-tolva") == "n-tolva" and store.find_place("Atlantis") is None


def test_each_speaker_facet_value_filters_exactly_its_quotes(store: Store) -> None:
    facets, _scope = store.facets_with_scope(Filters(), ("quotes",))
    # Two actors named Mirren: one speaker name, two actors, each counted and filtered on its own.
    assert dict(facets["speaker"])["Mirren"] == 3
    actors = dict(facets["actor"])
    assert actors["person-mirren"] == 2 and actors["org-mirren"] == 1
    for key, count in facets["actor"]:
        listed = store.quotes(actor=key, limit=100)["items"]
        assert len(listed) == count and {q["speaker"]["actor"] for q in listed} == {key}


def test_months_run_newest_first_and_event_types_count_what_their_filter_lists(store: Store) -> None:
    for kinds in (("quotes",), ("quotes", "articles")):
        facets, _scope = store.facets_with_scope(Filters(q="lake"), kinds)
        months = [m for m, _n in facets["month"]]
        assert months == sorted(months, reverse=True) and len(months) == 4
        for typ, count in facets["event_type"]:
            if kinds == ("quotes",):
                assert store.count_quotes(q="lake", event_type=typ) == count, typ
            else:
                assert sum(store.search_totals("lake", event_type=typ).values()) == count, typ
    facets, _scope = store.facets_with_scope(Filters(), ("quotes",))
    assert dict(facets["event_type"]) == {"CONSULT": 18, "ACCUSE": 6, "AID": 6}, "quotes, not events"


@pytest.mark.parametrize("common", [True, False, None])
def test_sqlite_pages_a_search_by_day_the_same_whichever_way_it_reads(
    store: Store, common: bool | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite reads a text search's matches in ingest order until a few chunks settle the page, else
    a common word's off the day index (``Reads._by_day``): each way gives the order a sort of every
    match gives, on every page, both ways. (True: straight to the day index; False: the budget
    spent at once, reading on; None: as it comes.)"""
    if store.dialect != "sqlite":
        pytest.skip("PostgreSQL sorts its matches by day itself")

    def by_day(q: str, sort: str, **filters: Any) -> list[Any]:
        # Every match (relevance sorts them all in SQL), put in day order here.
        every = (
            store.quotes(q=q, sort="relevance", limit=500, **filters)["items"] if q != "nothing-here" else []
        )
        return ids(sorted(every, key=lambda i: (i["day"] or "", i["id"]), reverse=sort == "newest"))

    expected = {
        (q, sort, key): by_day(q, sort, **dict([key] if key else []))
        for q in ("lake", "water", "everyone", "nothing-here") for sort in ("newest", "oldest")
        for key in (None, ("outlet", "Hill Gazette"), ("min_confidence", 0.5))
    }  # fmt: skip
    assert sum(len(v) for v in expected.values()) > 40
    if common is not None:
        monkeypatch.setattr("dateline.store.queries.BUDGET", 0)
        monkeypatch.setattr(type(store), "_is_common", lambda *args: common)
    for (q, sort, key), whole in expected.items():
        params = {"q": q, "sort": sort, **dict([key] if key else [])}
        pages = walk(store.quotes, 3, **params)
        assert ids(flat(pages)) == whole, (common, params)
        for i in range(1, len(pages)):
            first = store.quotes(limit=3, **params)
            cursor = first["next_cursor"]
            for _ in range(i - 1):
                cursor = store.quotes(cursor=cursor, limit=3, **params)["next_cursor"]
            page = store.quotes(cursor=cursor, limit=3, **params)
            assert ids(store.quotes(before=page["prev_cursor"], limit=3, **params)["items"]) == ids(
                pages[i - 1]
            )
    days = [i["day"] or "" for i in flat(walk(store.articles, 2, q="lake"))]
    assert days == sorted(days, reverse=True) and len(days) == 9


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_a_store_ingested_out_of_order_still_pages_a_search_by_day(
    tmp_path: Any, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite reads a rarer word's matches in ingest order, a chunk at a time (here one or two rows,
    so that it must decide when to stop), and stops when the day index says no unread row can come
    first: stories ingested in any order (seed 0: in order) still give every page right."""
    import random

    from dateline.store import fts_walk

    monkeypatch.setattr(fts_walk, "FIRST_CHUNK", 1)
    monkeypatch.setattr(fts_walk, "LAST_CHUNK", 2)
    stories = list_records()
    if seed:
        random.Random(seed).shuffle(stories)
    shuffled = open_store(str(tmp_path / "shuffled.db"))
    shuffled.ingest(stories)
    for q in ("lake", "everyone", "water"):
        every = shuffled.quotes(q=q, sort="relevance", limit=500)["items"]
        for sort in ("newest", "oldest"):
            expected = sorted(every, key=lambda i: (i["day"] or "", i["id"]), reverse=sort == "newest")
            pages = walk(shuffled.quotes, 2, q=q, sort=sort)
            assert ids(flat(pages)) == ids(expected), (seed, q, sort)
            cursor = None
            for i in range(len(pages)):
                here = shuffled.quotes(cursor=cursor, limit=2, q=q, sort=sort)
                assert ids(here["items"]) == ids(pages[i])
                if i:
                    back = shuffled.quotes(before=here["prev_cursor"], limit=2, q=q, sort=sort)
                    assert ids(back["items"]) == ids(pages[i - 1]), (seed, q, sort, i)
                cursor = here["next_cursor"]
    shuffled.close()

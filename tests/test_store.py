"""The store against SQLite and PostgreSQL alike: idempotent ingest, errors, every filter, cursors,
full-text search, facets, timeline, network, the actor page, and sentence context on every item."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import store_url
from dateline.model import Record
from dateline.store import Filters, Store, encode_cursor, open_store
from dateline.store.filters import fts5_query
from dateline.store.pgcluster import reset_database
from dateline.store.text import actor_key, context_bounds, fold, fuller_forms, looks_generic, sentence_starts
from store_records import (
    PORT_TEXT,
    across_articles,
    corpus,
    edited,
    filler,
    harbour_reply,
    market_notes,
    not_english,
    port_talks,
    second_ozdal,
)

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    opened = open_store(store_url(request, tmp_path))
    yield opened
    opened.close()


@pytest.fixture
def filled(store: Store) -> Store:
    report = store.ingest(corpus())
    assert (report.added, report.unchanged, report.failed) == (4, 0, 2)
    return store


def test_sqlite_store_uses_wal_and_fts5(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "x.db"))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert {"articles_fts", "quotes_fts", "articles", "quotes", "errors"} <= names
    store.close()


def test_postgres_store_has_tsvector_gin_indexes(postgres_url: str) -> None:
    reset_database(postgres_url)
    store = open_store(postgres_url)
    with store.engine.connect() as conn:
        indexes = {
            r[0]: r[1]
            for r in conn.exec_driver_sql(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('quotes', 'articles')"
            )
        }
    assert "USING gin (tsv)" in indexes["ix_quotes_tsv"]
    assert "USING gin (tsv)" in indexes["ix_articles_tsv"]
    store.close()


def test_ingest_twice_stores_once(filled: Store) -> None:
    before = filled.counts()
    again = filled.ingest(corpus())
    assert (again.added, again.unchanged, again.replaced, again.failed) == (0, 4, 0, 2)
    assert filled.counts() == before
    assert before["articles"] == 4
    assert before["quotes"] == 3 + 1 + 1
    assert before["events"] == 3


def test_failed_documents_land_in_the_errors_table_with_their_reason(filled: Store) -> None:
    items = filled.errors()["items"]
    by_id = {(e["article_id"], e["code"]): e for e in items}
    assert set(by_id) == {("le-port", "not_english"), ("blank", "empty"), ("bridge-opening", "dates_failed")}
    assert by_id[("le-port", "not_english")]["failed"] is True
    assert by_id[("le-port", "not_english")]["stage"] == "language"
    assert "English" in by_id[("le-port", "not_english")]["message"]
    assert by_id[("bridge-opening", "dates_failed")]["failed"] is False  # stored, one stage failed
    assert filled.article("le-port") is None
    assert filled.article("bridge-opening") is not None


def test_changed_content_replaces_the_stored_version(filled: Store) -> None:
    new = edited(port_talks(), "Talks on the Velmar port were postponed.\n")
    report = filled.ingest([new])
    assert (report.added, report.replaced, report.unchanged) == (0, 1, 0)
    article = filled.article("port-talks")
    assert article is not None
    assert article["text"] == new.text
    assert article["quotes"] == [] and article["events"] == []
    counts = filled.counts()
    assert counts["articles"] == 4
    assert counts["quotes"] == 2  # the old version's three quotes are gone
    assert counts["events"] == 1 and counts["event_actors"] == 2
    assert filled.quotes(q="ready")["items"] == []
    # Actor counts follow: the navy was only in the old version; Ana Velt is left in one article.
    assert filled.actor("org-drosnan-navy") is None
    assert "org-drosnan-navy" not in {a["id"] for a in filled.actors(limit=100)["items"]}
    velt = filled.actor("person-ana-velt")
    assert velt is not None and (velt["actor"]["articles"], velt["actor"]["quotes"]) == (1, 0)
    assert [a["id"] for a in filled.articles(q="postponed")["items"]] == ["port-talks"]
    assert filled.ingest([new]).unchanged == 1


def test_a_document_that_failed_then_succeeds_clears_its_errors(store: Store) -> None:
    store.ingest([not_english()])
    assert [e["article_id"] for e in store.errors()["items"]] == ["le-port"]
    fixed = edited(not_english(), "The port of Velmar reopened on Monday.\n")
    fixed.errors = []
    assert store.ingest([fixed]).added == 1
    assert store.errors()["items"] == []


def test_interrupted_ingest_resumes_without_duplicates(store: Store) -> None:
    records = corpus() + [filler(n) for n in range(5)]

    def interrupted() -> Iterator[Record]:
        for index, record in enumerate(records):
            if index == 5:
                raise KeyboardInterrupt  # Ctrl-C in the middle of the third batch
            yield record

    with pytest.raises(KeyboardInterrupt):
        store.ingest(interrupted(), batch_size=2)
    assert store.counts()["articles"] == 3  # two batches committed: port, reply, (failed), market
    report = store.ingest(records, batch_size=2)
    assert (report.added, report.unchanged, report.failed) == (6, 3, 2)
    counts = store.counts()
    assert counts["articles"] == 9
    assert counts["quotes"] == 5 + 5
    ids = [a["id"] for a in store.articles(limit=100)["items"]]
    assert len(ids) == len(set(ids)) == 9


def test_actors_are_keyed_across_articles_with_diacritics_folded(filled: Store) -> None:
    assert actor_key("PERSON", "Ána  Vélt") == actor_key("PERSON", "ana velt") == "person-ana-velt"
    velt = filled.actor("person-ana-velt")
    assert velt is not None
    assert velt["actor"]["articles"] == 2
    assert velt["actor"]["code"] == "VAL" and velt["actor"]["sector"] == "GOV"
    assert velt["titles"] == [["Minister", 1]]
    # The Drosnan navy's code is the one its entities carry; Velmar's is the one seen (one None, one VAL).
    velmar = filled.actor("gpe-velmar")
    assert velmar is not None and velmar["actor"]["code"] == "VAL"


def test_actor_page_gathers_quotes_events_timeline_and_partners(filled: Store) -> None:
    velt = filled.actor("person-ana-velt")
    assert velt is not None
    assert [q["text"] for q in velt["quotes_by"]["items"]] == [
        "We are ready,",
        "the port would reopen next week",
    ]
    assert velt["quotes_by"]["total"] == 2
    assert [e["type"] for e in velt["events_as_actor"]["items"]] == ["CONSULT"]
    assert [e["type"] for e in velt["events_as_recipient"]["items"]] == ["THREATEN"]
    partners = {p["actor"]: p for p in velt["partners"]}
    assert set(partners) == {"org-drosnan-navy", "person-ilo-brask"}
    assert all(p["count"] == 1 and len(p["event_ids"]) == 1 for p in partners.values())
    assert {(t["day"], t["type"]) for t in velt["timeline"]} == {
        ("2025-03-10", "quoted"), ("2025-03-10", "as actor"), ("2025-03-11", "as recipient"),
    }  # fmt: skip
    navy = filled.actor("org-drosnan-navy")
    assert navy is not None
    about = navy["quotes_about"]["items"]
    assert [q["text"] for q in about] == ["The Drosnan navy blockaded the harbour on Monday"]
    assert filled.actor("person-nobody") is None


def test_quote_filters(filled: Store) -> None:
    def texts(**filters: object) -> set[str]:
        return {q["text"] for q in filled.quotes(**filters)["items"]}

    assert texts(actor="person-ana-velt") == {"the port would reopen next week", "We are ready,"}
    assert texts(source_type="anonymous_person") == {"Prices of bread rose again in Lyon"}
    assert texts(outlet="Coastal Wire") == {
        "the blockade of the harbour would hold until Velmar paid its debts"
    }
    assert texts(kind="direct") == {"We are ready,"}
    assert texts(country="FRA") == {"Prices of bread rose again in Lyon"}
    assert len(texts(country="CZE")) == 3
    assert texts(date_from="2025-04") == {"Prices of bread rose again in Lyon"}
    assert len(texts(date_from="2025-03-11", date_to="2025-03-11")) == 1
    assert len(texts(date_to="2025-03")) == 4
    assert len(texts(event_type="THREATEN")) == 1
    assert texts(actor="person-ana-velt", kind="indirect") == {"the port would reopen next week"}
    with pytest.raises(TypeError):
        filled.quotes(speaker="x")


def test_event_filters_and_items(filled: Store) -> None:
    def types(**filters: object) -> list[str]:
        return sorted(e["type"] for e in filled.events(**filters)["items"])

    assert types() == ["COERCE", "CONSULT", "THREATEN"]
    assert types(type="COERCE") == ["COERCE"]
    assert types(actor="org-drosnan-navy") == ["COERCE"]
    assert types(recipient="org-drosnan-navy") == ["CONSULT"]
    assert types(recipient="person-ana-velt") == ["THREATEN"]
    assert types(outlet="Coastal Wire") == ["THREATEN"]
    assert types(country="CZE") == ["COERCE", "CONSULT"]
    assert types(modality="negated") == []
    assert types(date_from="2025-03-11") == ["THREATEN"]
    coerce = filled.events(type="COERCE")["items"][0]
    assert coerce["trigger"]["text"] == "blockaded"
    assert coerce["place"]["name"] == "Ostrava"
    assert coerce["date"] == {"text": "on Monday", "value": "2025-03-10", "precision": "day"}
    assert coerce["actors"][0]["actor"] == "org-drosnan-navy"
    navy = PORT_TEXT.index("Drosnan navy")
    assert coerce["actors"][0]["mentions"] == [{"start": navy, "end": navy + 12, "text": "Drosnan navy"}]
    assert coerce["recipients"][0]["name"] == "Velmar"
    assert coerce["context"]["text"] == "The Drosnan navy blockaded the harbour on Monday, officials said."
    quote = filled.quotes_by_pk([coerce["quote"]])[0]
    assert quote["quote_id"] == "Q3"


def test_article_filters_and_record_round_trip(filled: Store) -> None:
    def ids(**filters: object) -> list[str]:
        return [a["id"] for a in filled.articles(**filters)["items"]]

    assert ids() == ["market-notes", "bridge-opening", "harbour-reply", "port-talks"]
    assert ids(outlet="Harbour Gazette") == ["bridge-opening", "port-talks"]
    assert ids(country="FRA") == ["market-notes"]
    assert ids(actor="person-ilo-brask") == ["harbour-reply"]
    assert ids(q="blockade") == ["market-notes", "harbour-reply", "port-talks"]  # latest ingested first
    assert ids(date_from="2025-03-11", date_to="2025-03-31") == ["bridge-opening", "harbour-reply"]
    original = port_talks()
    stored = filled.article("port-talks")
    assert stored is not None
    meta = stored.pop("store")
    assert stored == original.to_dict()
    assert meta["actors"]["E1"] == "person-ana-velt" and set(meta["quotes"]) == {"Q1", "Q2", "Q3"}


def test_every_item_carries_spans_that_match_the_text(filled: Store) -> None:
    texts = {a: filled.article(a)["text"] for a in ("port-talks", "harbour-reply", "market-notes")}  # type: ignore[index]
    quotes = filled.quotes()["items"]
    assert len(quotes) == 5
    for q in quotes:
        text = texts[q["article_id"]]
        spans = [*q["content"], q["cue"], q["speaker"]]
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"]
        ctx = q["context"]
        assert text[ctx["start"] : ctx["end"]] == ctx["text"]
        assert all(ctx["start"] <= s["start"] and s["end"] <= ctx["end"] for s in spans)
    for event in filled.events()["items"]:
        text = texts[event["article_id"]]
        trigger, ctx = event["trigger"], event["context"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]
        assert ctx["start"] <= trigger["start"] < trigger["end"] <= ctx["end"]
        assert text[ctx["start"] : ctx["end"]] == ctx["text"]
    for actor in filled.actors(limit=100)["items"]:
        assert actor["examples"], actor["id"]
        for example in actor["examples"]:
            ctx = filled.article(example["article_id"])["text"]  # type: ignore[index]
            assert ctx[example["start"] : example["end"]] == example["text"]
            assert (
                example["context"]["start"] <= example["start"]
                and example["end"] <= example["context"]["end"]
            )


def test_sentence_context_bounds() -> None:
    text = 'He said "Stop." Then he left.\nA new line, no full stop\nLast one.'
    starts = sentence_starts(text)
    assert context_bounds(text, starts, 3, 7) == (0, 15)  # "said" -> the first sentence, quote included
    assert text[slice(*context_bounds(text, starts, 21, 25))] == "Then he left."
    assert text[slice(*context_bounds(text, starts, 5, 25))] == 'He said "Stop." Then he left.'
    assert text[slice(*context_bounds(text, starts, 32, 35))] == "A new line, no full stop"


def test_cursor_pages_are_complete_and_stable(store: Store) -> None:
    store.ingest([filler(n) for n in range(23)])
    seen: list[int] = []
    cursor = None
    pages = 0
    while True:
        page = store.quotes(cursor=cursor, limit=5)
        seen += [q["id"] for q in page["items"]]
        pages += 1
        if pages == 2:
            store.ingest([filler(n) for n in range(100, 104)])  # new rows mid-walk must not shift pages
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen))
    days = [q["day"] for q in store.quotes_by_pk(seen)]
    assert days == sorted(days, reverse=True)
    everything = [q["id"] for q in store.quotes(limit=500)["items"]]
    first_pages = set(everything) - set(seen)
    # Only rows newer than the cursor position may be missed, never rows that were there before.
    assert {q["article_id"] for q in store.quotes_by_pk(sorted(first_pages))} <= {
        f"filler-{n:03d}" for n in range(100, 104)
    }
    assert len(set(everything)) == 27
    with pytest.raises(ValueError):
        store.quotes(cursor="not-a-cursor")
    with pytest.raises(ValueError):  # well-formed, but the values have the wrong types
        store.quotes(cursor=encode_cursor(["2025-05-01", "not a number"]))
    assert store.quotes(limit=1)["items"]  # the store still answers


def test_actor_and_place_lists_page_by_count(filled: Store) -> None:
    first = filled.actors(limit=3)
    rest = filled.actors(cursor=first["next_cursor"], limit=100)
    items = first["items"] + rest["items"]
    assert len({a["id"] for a in items}) == len(items) == filled.counts()["actors"]
    counts = [a["articles"] for a in items]
    assert counts == sorted(counts, reverse=True)
    assert [a["id"] for a in filled.actors(q="velt")["items"]] == ["person-ana-velt"]
    assert {a["id"] for a in filled.actors(type="GPE")["items"]} == {"gpe-velmar"}
    assert {a["id"] for a in filled.actors(code="DRS")["items"]} == {"org-drosnan-navy", "person-ilo-brask"}
    assert {a["id"] for a in filled.actors(sector="BUS")["items"]} == {"person-trader"}
    places = filled.places()["items"]
    assert {p["name"] for p in places} == {"Ostrava", "Velmar", "Lyon"}
    assert [p["name"] for p in filled.places(country="FRA")["items"]] == ["Lyon"]
    lyon = filled.places(q="lyo")["items"][0]
    assert lyon["examples"][0]["context"]["text"].startswith("Prices of bread")


def test_full_text_search_and_facets(filled: Store) -> None:
    result = filled.search("blockade")
    kinds = [(i["item"], i.get("article_id") or i.get("id")) for i in result["items"]]
    quotes = [k for k in kinds if k[0] == "quote"]
    articles = [k for k in kinds if k[0] == "article"]
    # Stemmed: "blockade" also finds "blockaded".
    assert [k[1] for k in quotes] == ["harbour-reply", "port-talks"]
    assert [k[1] for k in articles] == ["market-notes", "harbour-reply", "port-talks"]
    assert kinds == quotes + articles  # quotes first, then articles
    facets = result["facets"]
    assert facets["speaker"] == [["Ilo Brask", 1], ["officials", 1]]
    assert dict(facets["source_type"]) == {"named_person": 1, "unnamed_group": 1}
    # Outlet and month count matching quotes and articles together.
    assert dict(facets["outlet"]) == {"Coastal Wire": 2, "Harbour Gazette": 2}
    assert dict(facets["month"]) == {"2025-03": 4, "2025-04": 1}
    # Event type counts the listed items whose article reports such an event: a quote and its article.
    assert dict(facets["event_type"]) == {"COERCE": 2, "CONSULT": 2, "THREATEN": 2}
    # Stemming: "blockaded" finds "blockade"; a quoted phrase must occur as such.
    assert {q["article_id"] for q in filled.quotes(q="blockades")["items"]} == {"harbour-reply", "port-talks"}
    assert [q["article_id"] for q in filled.quotes(q='"bread rose"')["items"]] == ["market-notes"]
    assert filled.quotes(q='"rose bread"')["items"] == []
    assert [q["speaker_name"] for q in filled.quotes(q="Brask")["items"]] == [
        "Ilo Brask"
    ]  # speaker is searchable
    # Filters narrow a search; punctuation and operators in the query are words, not syntax.
    assert (
        filled.search("blockade", outlet="Harbour Gazette", kinds=("quotes",))["items"][0]["quote_id"] == "Q3"
    )
    for odd in ['AND OR "', "(NEAR", "*", "-", "'; DROP TABLE quotes; --"]:
        filled.search(odd)
    assert filled.counts()["quotes"] == 5
    assert fts5_query('ready AND "the port" x*') == '"ready" "AND" "the port" "x"*'


def test_search_cursor_walks_quotes_then_articles(filled: Store) -> None:
    seen = []
    cursor = None
    while True:
        page = filled.search("harbour", cursor=cursor, limit=2, facets=False)
        seen += [(i["item"], i["id"]) for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen))
    assert sum(1 for k, _ in seen if k == "quote") == 2
    assert sum(1 for k, _ in seen if k == "article") == 3


def test_timeline_counts_quotes_and_events_per_day(filled: Store) -> None:
    timeline = filled.timeline()
    assert {"day": "2025-03-10", "kind": "event", "type": "COERCE", "count": 1} in timeline
    assert {"day": "2025-03-10", "kind": "quote", "type": "named_person", "count": 2} in timeline
    assert {"day": "2025-04-02", "kind": "quote", "type": "anonymous_person", "count": 1} in timeline
    assert sum(t["count"] for t in timeline if t["kind"] == "quote") == 5
    # An event type keeps that type's events, and the quotes of the articles reporting one.
    assert filled.timeline(type="THREATEN") == [
        {"day": "2025-03-11", "kind": "event", "type": "THREATEN", "count": 1},
        {"day": "2025-03-11", "kind": "quote", "type": "named_person", "count": 1},
    ]


def test_network_links_actors_to_recipients_with_event_ids(filled: Store) -> None:
    network = filled.network()
    edges = {(e["source"], e["target"], e["type"]): e for e in network["edges"]}
    assert set(edges) == {
        ("org-drosnan-navy", "gpe-velmar", "COERCE"),
        ("person-ana-velt", "org-drosnan-navy", "CONSULT"),
        ("person-ilo-brask", "person-ana-velt", "THREATEN"),
    }
    threat = edges[("person-ilo-brask", "person-ana-velt", "THREATEN")]
    assert threat["count"] == 1
    assert filled.events(type="THREATEN")["items"][0]["id"] == threat["event_ids"][0]
    nodes = {n["id"]: n for n in network["nodes"]}
    assert nodes["person-ana-velt"]["count"] == 2 and nodes["org-drosnan-navy"]["count"] == 2
    assert {e["type"] for e in filled.network(outlet="Coastal Wire")["edges"]} == {"THREATEN"}
    assert "truncated" not in network
    heaviest = filled.network(max_edges=1)
    assert len(heaviest["edges"]) == 1 and heaviest["truncated"] == {"edges_total": 3, "edges_shown": 1}
    edge = heaviest["edges"][0]
    assert {n["id"] for n in heaviest["nodes"]} == {edge["source"], edge["target"]}


def test_two_records_of_one_run_with_the_same_id_store_once(store: Store) -> None:
    report = store.ingest([market_notes(), market_notes(), harbour_reply()])
    assert (report.added, report.unchanged) == (2, 1)
    assert not_english().id not in {a["id"] for a in store.articles()["items"]}


def test_facets_count_a_bounded_scope_of_the_latest_matches(store: Store) -> None:
    store.ingest([filler(n) for n in range(12)])
    facets, scope = store.facets_with_scope(Filters(q="filed"), kinds=("quotes",), scope=5)
    assert scope == {"quotes": 5, "articles": 0, "limit": 5, "complete": False}
    assert facets["speaker"] == [["Ben Oaks", 5]]
    facets, scope = store.facets_with_scope(Filters(q="filed"), scope=100)
    assert scope["complete"] is True and (scope["quotes"], scope["articles"]) == (12, 12)
    assert facets["outlet"] == [["Filler Times", 24]]
    assert store.search("filed", limit=3)["facets_scope"]["complete"] is True


def test_a_store_from_before_the_actor_counts_gains_them(tmp_path: Path) -> None:
    path = str(tmp_path / "old.db")
    store = open_store(path)
    store.ingest(corpus())
    with store.engine.begin() as conn:  # the actors table as the first version of the store made it
        conn.exec_driver_sql("DROP INDEX ix_actors_rank")
        for column in ("articles", "mentions", "quotes"):
            conn.exec_driver_sql(f"ALTER TABLE actors DROP COLUMN {column}")
    store.close()
    reopened = open_store(path)
    velt = reopened.actor("person-ana-velt")
    assert velt is not None and (velt["actor"]["articles"], velt["actor"]["quotes"]) == (2, 2)
    reopened.close()


def test_the_governing_event_is_stored_and_served(store: Store) -> None:
    record = port_talks()
    record.events[1].governed_by = "V1"
    store.ingest([record])
    items = {e["event_id"]: e for e in store.events()["items"]}
    assert items["V1"]["governed_by"] is None and items["V2"]["governed_by"] == "V1"
    assert [e["event_id"] for e in store.events(main=True)["items"]] == ["V1"]
    assert {t["type"] for t in store.timeline() if t["kind"] == "event"} == {"COERCE", "CONSULT"}
    assert {t["type"] for t in store.timeline(main=True) if t["kind"] == "event"} == {"COERCE"}


def test_a_store_from_before_governed_events_gains_the_column(tmp_path: Path) -> None:
    path = str(tmp_path / "old.db")
    store = open_store(path)
    store.ingest(corpus())
    with store.engine.begin() as conn:  # the events table as record schema 1 left it
        conn.exec_driver_sql("ALTER TABLE events DROP COLUMN governed_by")
    store.close()
    reopened = open_store(path)
    assert {e["governed_by"] for e in reopened.events()["items"]} == {None}
    record = port_talks()
    record.events[1].governed_by = "V1"
    record.text += " "  # new content: replaces the stored version
    reopened.ingest([record])
    assert [e["governed_by"] for e in reopened.events(type="CONSULT")["items"]] == ["V1"]
    reopened.close()


def test_articles_stored_under_an_older_record_schema_are_extracted_again(store: Store) -> None:
    store.ingest(corpus())
    with store.engine.begin() as conn:  # as an earlier dateline wrote them
        conn.exec_driver_sql("UPDATE articles SET record = REPLACE(record, 'dateline/5', 'dateline/1')")
    assert store.is_stored(port_talks()) is False
    report = store.ingest(corpus())
    assert (report.added, report.unchanged, report.replaced) == (0, 0, 4)
    assert store.is_stored(port_talks()) is True
    again = store.ingest(corpus())
    assert (again.unchanged, again.replaced) == (4, 0)


# ---- one actor across articles ---------------------------------------------------------------------

OZDAL, US, QIRSAN = "person-seren-balkir-ozdal", "gpe-united-states", "person-nadim-al-qirsan"


@pytest.fixture
def summits(store: Store) -> Store:
    report = store.ingest(across_articles())
    assert report.added == 2
    return store


def ranked(store: Store, **filters: object) -> dict[str, dict[str, object]]:
    return {a["id"]: a for a in store.actors(limit=500, **filters)["items"]}  # type: ignore[arg-type]


def test_names_fold_accents_punctuation_and_other_scripts() -> None:
    assert fold("Erdoğan") == fold("Erdogan") == "erdogan"
    assert fold("al - Assad") == fold("Al-Assad") == "al-assad"
    assert fold("Kılıçdaroğlu") == "kilicdaroglu" and fold("U.S.") == "us"
    assert fold("Путин") == "путин"  # another script keeps its letters, not "unnamed"
    assert fuller_forms("erdogan", None, {"recep-tayyip-erdogan": "TUR", "tayyip-erdogan": None}) == [
        "recep-tayyip-erdogan"
    ]
    assert fuller_forms("erdogan", "TUR", {"recep-tayyip-erdogan": "GRC"}) == []  # codes differ
    assert len(fuller_forms("ozdal", None, {"seren-ozdal": None, "deniz-ozdal": None})) == 2
    assert looks_generic("GROUP", "officials", None) and looks_generic("GROUP", "People", None)
    assert not looks_generic("GROUP", "Houthis", None) and not looks_generic("GROUP", "officials", "USA")
    assert not looks_generic("PERSON", "officials", None) and not looks_generic(
        "GROUP", "two ministers", None
    )


def test_one_actor_per_real_actor_across_articles(summits: Store) -> None:
    actors = ranked(summits)
    ozdal = actors[OZDAL]
    assert ozdal["name"] == "Seren Balkır Özdal" and ozdal["articles"] == 2 and ozdal["quotes"] == 1
    assert set(ozdal["aliases"]) == {"Seren Balkır Özdal", "Ozdal"}  # type: ignore[arg-type]
    assert "person-ozdal" not in actors  # the surname joined the fuller name
    us = actors[US]
    assert (us["name"], us["code"], us["articles"]) == ("United States", "USA", 2)
    assert set(us["aliases"]) == {"United States", "US", "America", "Washington"}  # type: ignore[arg-type]
    assert not {k for k in actors if k.startswith("gpe-") and k != US}
    qirsan = actors[QIRSAN]
    assert qirsan["quotes"] == 2 and set(qirsan["aliases"]) == {"Nadim al-Qirsan", "Al - Qirsan"}  # type: ignore[arg-type]
    # Generic groups are mentions, never actors to rank.
    assert not [a for a in actors.values() if a["name"] in ("women", "Protesters")]
    assert set(actors) == {OZDAL, US, QIRSAN}
    # Name search folds accents and finds an actor by any of its names.
    assert list(ranked(summits, q="Ozdal")) == list(ranked(summits, q="Özdal")) == [OZDAL]
    assert list(ranked(summits, q="america")) == [US]
    assert list(ranked(summits, q="al-qirsan")) == list(ranked(summits, q="AL - QIRSAN")) == [QIRSAN]
    # Mentions, quotes and events of every name are the actor's.
    assert {ex["text"] for ex in ozdal["examples"]} == {"Seren Balkır Özdal", "Ozdal"}  # type: ignore[union-attr]
    assert [q["speaker"]["actor"] for q in summits.quotes(actor=OZDAL)["items"]] == [OZDAL]
    assert {e["article_id"] for e in summits.events(actor=US)["items"]} == {"summit-opening", "summit-reply"}
    record = summits.article("summit-reply")
    assert record is not None
    assert record["store"]["actors"] == {"E1": OZDAL, "E2": US, "E3": US, "E4": QIRSAN, "E5": None}


def test_the_actor_page_of_a_joined_name_is_its_actor(summits: Store) -> None:
    page = summits.actor("person-ozdal")
    assert page is not None and page["actor"]["id"] == OZDAL
    assert page == summits.actor(OZDAL)
    assert page["quotes_by"]["total"] == 1 and page["events_as_actor"]["total"] == 2
    assert page["events_as_recipient"]["total"] == 3  # walked out, marched (women), did not answer
    assert [p["actor"] for p in page["partners"]] == [US]  # the women who marched are no partner
    assert page["titles"] == [["Foreign Minister", 1]]
    # The surname's quote and events are on the fuller name's timeline (events dated by publication).
    assert {(t["day"], t["type"]) for t in page["timeline"]} == {
        ("2025-06-02", "as actor"), ("2025-06-02", "as recipient"), ("2025-06-03", "quoted"),
        ("2025-06-03", "as actor"), ("2025-06-03", "as recipient"),
    }  # fmt: skip
    assert summits.actor("group-women") is None  # a generic group has no actor page
    events = summits.events(recipient=OZDAL)["items"]
    marched = [e for e in events if e["type"] == "PROTEST"][0]
    assert marched["actors"][0]["actor"] is None and marched["actors"][0]["generic"] is True


def test_network_draws_each_actor_once_and_no_generic_group(summits: Store) -> None:
    network = summits.network()
    assert sorted(n["id"] for n in network["nodes"]) == sorted([OZDAL, US])
    edges = {(e["source"], e["target"], e["type"]): e["count"] for e in network["edges"]}
    assert edges == {(OZDAL, US, "CONSULT"): 1, (US, OZDAL, "REJECT"): 2, (OZDAL, US, "DEMAND"): 1}
    # Counts are the events each is in, a protest by a generic group against Washington included.
    assert {n["id"]: n["count"] for n in network["nodes"]} == {OZDAL: 5, US: 5}


def test_speaker_facet_counts_actors_and_unresolved_speakers_never_a_pronoun(summits: Store) -> None:
    facets, _scope = summits.facets_with_scope(Filters(), ("quotes",))
    assert facets["speaker"] == [["Nadim al-Qirsan", 2], ["unresolved", 2], ["Seren Balkır Özdal", 1]]
    # The quotes of an unresolved speaker stay searchable, with the words the text gave.
    assert [q["speaker"]["text"] for q in summits.quotes(q="listens")["items"]] == ["I"]


def test_a_later_article_can_make_a_surname_ambiguous_and_its_replacement_resolves_it(summits: Store) -> None:
    assert summits.ingest([second_ozdal()]).added == 1
    actors = ranked(summits)
    assert actors["person-ozdal"]["articles"] == 1 and actors["person-ozdal"]["aliases"] == ["Ozdal"]
    assert actors[OZDAL]["articles"] == 1 and "person-deniz-ozdal" in actors
    assert summits.actor("person-ozdal")["actor"]["id"] == "person-ozdal"  # type: ignore[index]
    assert "person-ozdal" in {n["id"] for n in summits.network()["nodes"]}
    # Ingesting again adds nothing and changes nothing.
    before = summits.actors(limit=500)
    assert summits.ingest([*across_articles(), second_ozdal()]).unchanged == 3
    assert summits.actors(limit=500) == before
    # The banker's article is replaced by one naming nobody: "Ozdal" is one person's surname again.
    assert summits.ingest([edited(second_ozdal(), "Rates will rise, a banker said.\n")]).replaced == 1
    actors = ranked(summits)
    assert "person-ozdal" not in actors and "person-deniz-ozdal" not in actors
    assert actors[OZDAL]["articles"] == 2


def test_a_surname_joins_only_a_fuller_name_with_its_code(store: Store) -> None:
    reply = across_articles()[1]
    reply.entities[0].code = "DRS"  # the banker's country, not the minister's
    store.ingest([across_articles()[0], reply, second_ozdal()])
    actors = ranked(store)
    assert "person-ozdal" not in actors
    assert set(actors["person-deniz-ozdal"]["aliases"]) == {"Deniz Ozdal", "Ozdal"}  # type: ignore[arg-type]
    assert actors[OZDAL]["aliases"] == ["Seren Balkır Özdal"]


def test_entities_keep_coded_by_and_generic(summits: Store) -> None:
    e = summits.tables.entities
    with summits.engine.connect() as conn:
        rows = {r.name: (r.coded_by, r.generic) for r in conn.execute(e.select())}
    assert rows["Washington"] == ("knowledge", 1 - 1) and rows["women"] == (None, 1)
    assert rows["Seren Balkır Özdal"] == ("phrase", 0)


def test_an_older_record_without_the_flag_keeps_plain_plural_groups_out(store: Store) -> None:
    old = dataclasses.replace(port_talks(), schema="dateline/1")  # "officials" has no generic flag
    store.ingest([old])
    assert "group-officials" not in ranked(store)
    facets, _ = store.facets_with_scope(Filters(), ("quotes",))
    assert "officials" not in dict(facets["speaker"])
    assert store.quotes(q="blockaded")["items"][0]["speaker"]["text"] == "officials"


def test_a_store_from_before_canonical_actors_migrates(tmp_path: Path) -> None:
    path = str(tmp_path / "old.db")
    store = open_store(path)
    store.ingest([*across_articles(), dataclasses.replace(port_talks(), schema="dateline/1")])
    with store.engine.begin() as conn:  # the actors and entities tables as the previous store made them
        for index in ("ix_actors_canonical", "ix_actors_last_word"):
            conn.exec_driver_sql(f"DROP INDEX {index}")
        for column in ("canonical_pk", "folded", "last_word", "country", "generic", "aliases"):
            conn.exec_driver_sql(f"ALTER TABLE actors DROP COLUMN {column}")
        for column in ("coded_by", "generic"):
            conn.exec_driver_sql(f"ALTER TABLE entities DROP COLUMN {column}")
        conn.exec_driver_sql("UPDATE actors SET articles = 0")
    store.close()
    reopened = open_store(path)
    actors = ranked(reopened)
    assert actors[OZDAL]["articles"] == 2 and "person-ozdal" not in actors
    # Stored entities had no flag: the plain plurals ("women", "officials") are generic now.
    assert "group-women" not in actors and "group-officials" not in actors
    assert reopened.actor("person-ozdal")["actor"]["id"] == OZDAL  # type: ignore[index]
    reopened.close()


def test_a_known_actor_is_one_actor_whatever_each_article_calls_it(store: Store) -> None:
    from dateline.model import Entity, Span

    def record(id_: str, text: str, name: str, type_: str) -> Record:
        made = Record(
            id=id_, source=None, title=None, published="2025-03-01", outlet=None, url=None, text=text
        )
        made.entities = [Entity("E1", name, type_, "USA", "MED", [], [Span(0, len(name), name)])]
        return made

    store.ingest([
        record("a", "VOA reported the vote.", "VOA", "ORG"),
        record("b", "Voice of America reported the vote.", "Voice of America", "ORG"),
    ])  # fmt: skip
    found = store.actors(type="ORG")["items"]
    assert [(a["name"], a["articles"]) for a in found] == [("Voice of America", 2)]

"""The REST API, endpoint by endpoint, against SQLite and PostgreSQL: filters, cursors, spans, exports,
read-only by default."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import store_url
from dateline.model import Record, RecordError
from dateline.store import Store, open_store
from dateline.web import create_app
from desk_records import desk_records, hostile_record

BACKENDS = ["sqlite", "postgresql"]
MARROW, REYL = "person-ilse-marrow", "person-tomas-reyl"


def failed_record() -> Record:
    return Record(id="empty-one", source="empty-one.txt", title=None, published=None, outlet=None, url=None,
                  text="", errors=[RecordError("read", "empty", "the file is empty")])  # fmt: skip


@pytest.fixture(scope="module", params=BACKENDS)
def desk_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(store_url(request, tmp_path_factory.mktemp("api")))
    report = store.ingest([*desk_records(), hostile_record(), failed_record()])
    assert (report.added, report.failed) == (4, 1)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(desk_store: Store) -> TestClient:
    return TestClient(base_url="http://127.0.0.1", app=create_app(store=desk_store))


def get(client: TestClient, path: str, status: int = 200, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    return response.json()


def walk(client: TestClient, path: str, limit: int, **params: Any) -> list[dict[str, Any]]:
    """Every item of a list, page by page through next_cursor."""
    items, cursor, pages = [], None, 0
    while True:
        page = get(client, path, limit=limit, **({"cursor": cursor} if cursor else {}), **params)
        assert len(page["items"]) <= limit
        items += page["items"]
        pages += 1
        cursor = page["next_cursor"]
        if not cursor:
            return items
        assert pages < 50


def texts(client: TestClient) -> dict[str, str]:
    return {
        a["id"]: get(client, f"/api/articles/{quote(a['id'])}")["text"]
        for a in walk(client, "/api/articles", 10)
    }


def quote(value: str) -> str:
    from urllib.parse import quote as q

    return q(value, safe="")


def assert_span(text: str, span: dict[str, Any]) -> None:
    assert text[span["start"] : span["end"]] == span["text"]


def test_openapi_and_docs_describe_every_read_endpoint(client: TestClient) -> None:
    spec = get(client, "/openapi.json")
    paths = set(spec["paths"])
    expected = {
        "/api/articles", "/api/articles/{article_id}", "/api/actors", "/api/actors/{actor_id}", "/api/quotes",
        "/api/events", "/api/places", "/api/search", "/api/timeline", "/api/network", "/api/errors",
        "/api/export/{filename}",
    }  # fmt: skip
    assert expected <= paths, paths
    methods = {m for item in spec["paths"].values() for m in item}
    assert methods == {"get"}, "read-only: no write endpoint is published"
    assert not any(p.startswith(("/articles", "/actors", "/timeline")) for p in paths), (
        "pages stay out of the API"
    )
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


def test_read_only_by_default_and_writes_only_when_asked(client: TestClient, tmp_path: Path) -> None:
    record = desk_records()[0].to_dict()
    assert client.post("/api/records", json=[record]).status_code in (404, 405)
    writable = TestClient(
        base_url="http://127.0.0.1", app=create_app(str(tmp_path / "w.db"), read_only=False)
    )
    response = writable.post("/api/records", json=[record, record])
    assert response.status_code == 200, response.text
    assert (response.json()["added"], response.json()["unchanged"]) == (1, 1)
    assert get(writable, "/api/articles/port-talks")["title"] == record["title"]
    assert writable.post("/api/records", json=[{"schema": "dateline/9"}]).status_code == 422


def test_articles_filter_and_page_with_a_cursor(client: TestClient) -> None:
    everything = walk(client, "/api/articles", 1)
    assert sorted(a["id"] for a in everything) == [
        "aid-appeal",
        "grain-sanctions",
        "hostile<b>",
        "port-talks",
    ]
    assert len({a["id"] for a in everything}) == 4, "no article twice across pages"
    assert [a["day"] for a in everything] == sorted((a["day"] for a in everything), reverse=True)
    ids = lambda **p: {a["id"] for a in get(client, "/api/articles", **p)["items"]}  # noqa: E731
    assert ids(outlet="Harbour Wire") == {"port-talks", "aid-appeal"}
    assert ids(date_from="2025-03-11", date_to="2025-03-11") == {"grain-sanctions"}
    assert ids(date_from="2025-03") == {"port-talks", "grain-sanctions", "aid-appeal", "hostile<b>"}
    assert ids(q="grain") == {"port-talks", "grain-sanctions"}
    assert ids(q="convoys") == {"port-talks", "grain-sanctions", "aid-appeal"}, (
        "stemmed: convoy matches convoys"
    )
    assert ids(actor=MARROW) == {"port-talks", "grain-sanctions"}
    assert ids(event_type="AID") == {"aid-appeal"}
    assert ids(source_type="anonymous_person") == {"port-talks"}
    first = get(client, "/api/articles", outlet="Harbour Wire")["items"][0]
    assert {"id", "title", "published", "outlet", "quotes", "events", "entities", "lead"} <= set(first)
    assert "cursor" in get(client, "/api/articles", 400, cursor="not-a-cursor")["detail"]
    get(client, "/api/articles", 422, date_from="March")
    get(client, "/api/articles", 422, limit=0)


def test_article_by_id_is_the_whole_record_and_ids_are_url_encoded(client: TestClient) -> None:
    record = get(client, "/api/articles/port-talks")
    assert record["schema"] == "dateline/5"
    assert [q["id"] for q in record["quotes"]] == ["Q1", "Q2", "Q3"]
    assert [e["type"] for e in record["events"]] == ["CONSULT", "AGREE", "ACCUSE"]
    assert record["store"]["actors"]["E1"] == MARROW
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert_span(record["text"], mention)
    hostile = get(client, f"/api/articles/{quote('hostile<b>')}")
    assert "<script>alert(1)</script>" in hostile["text"], (
        "the API returns text as it is: escaping is the UI's job"
    )
    assert get(client, "/api/articles/nope", 404)["detail"] == "no article 'nope'"


def test_actors_list_and_actor_page_data(client: TestClient) -> None:
    people = walk(client, "/api/actors", 2, type="PERSON")
    assert {MARROW, REYL} <= {a["id"] for a in people}
    assert all(a["type"] == "PERSON" for a in people)
    marrow = next(a for a in people if a["id"] == MARROW)
    assert (marrow["articles"], marrow["quotes"], marrow["code"], marrow["sector"]) == (2, 1, "VDR", "GOV")
    text = texts(client)
    for example in marrow["examples"]:
        assert_span(text[example["article_id"]], example)
        assert_span(text[example["article_id"]], example["context"])
    assert {a["id"] for a in get(client, "/api/actors", q="relief")["items"]} == {"org-world-relief-agency"}
    detail = get(client, f"/api/actors/{MARROW}")
    assert detail["actor"]["name"] == "Ilse Marrow"
    assert detail["titles"] == [["Foreign Minister", 2]]
    assert (detail["quotes_by"]["total"], detail["events_as_actor"]["total"]) == (1, 4)
    assert detail["events_as_recipient"]["total"] == 0
    assert detail["partners"][0]["actor"] == REYL and detail["partners"][0]["count"] == 3
    assert {(t["day"], t["type"], t["count"]) for t in detail["timeline"]} == {
        ("2025-03-10", "quoted", 1), ("2025-03-10", "as actor", 2), ("2025-03-11", "as actor", 2),
    }  # fmt: skip
    get(client, "/api/actors/person-nobody", 404)


def test_quotes_carry_their_spans_and_sentence_and_filter(client: TestClient) -> None:
    text = texts(client)
    everything = walk(client, "/api/quotes", 2)
    assert len(everything) == 7 and len({q["id"] for q in everything}) == 7
    for item in everything:
        article = text[item["article_id"]]
        for span in [*item["content"], item["cue"], item["speaker"], item["context"]]:
            assert_span(article, span)
        ctx = item["context"]
        assert ctx["start"] <= item["content"][0]["start"] and item["content"][-1]["end"] <= ctx["end"]
    by = lambda **p: [q["quote_id"] + "@" + q["article_id"] for q in get(client, "/api/quotes", **p)["items"]]  # noqa: E731
    assert by(actor=MARROW) == ["Q1@port-talks"]
    assert sorted(by(source_type="anonymous_person")) == ["Q2@port-talks", "Q3@port-talks"]
    assert sorted(by(outlet="Meridian Ledger")) == ["Q1@grain-sanctions"]
    assert sorted(by(kind="indirect", date_from="2025-03-12")) == ["Q1@aid-appeal"]
    assert sorted(by(q="hungry")) == ["Q2@aid-appeal"]
    marrow = get(client, "/api/quotes", actor=MARROW)["items"][0]
    assert marrow["speaker"]["actor"] == MARROW and marrow["speaker"]["name"] == "Ilse Marrow"
    assert marrow["words"] == 10


def test_events_carry_trigger_parties_and_sentence_and_filter(client: TestClient) -> None:
    text = texts(client)
    everything = walk(client, "/api/events", 3)
    assert len(everything) == 8
    for item in everything:
        article = text[item["article_id"]]
        assert_span(article, item["trigger"])
        assert_span(article, item["context"])
        for party in item["actors"] + item["recipients"]:
            for mention in party["mentions"]:
                assert_span(article, mention)
    kinds = lambda **p: sorted(e["type"] for e in get(client, "/api/events", **p)["items"])  # noqa: E731
    assert kinds(type="ACCUSE") == ["ACCUSE", "ACCUSE"]
    assert kinds(event_type="ACCUSE") == ["ACCUSE", "ACCUSE"]
    assert kinds(actor=MARROW, recipient=REYL) == ["AGREE", "CONSULT", "REJECT"]
    assert kinds(recipient="gpe-valdoria") == ["ACCUSE", "THREATEN"]
    assert kinds(modality="reported") == ["ACCUSE", "AGREE"]
    assert kinds(date_from="2025-03-12", date_to="2025-03-12") == ["AGREE", "AID"]
    consult = get(client, "/api/events", type="CONSULT")["items"][0]
    assert consult["mode"] == "meet" and consult["place"]["name"] == "Oskel"
    assert [a["name"] for a in consult["actors"]] == ["Ilse Marrow"]
    assert [m["text"] for m in consult["actors"][0]["mentions"]] == ["Ilse Marrow"]


def test_places(client: TestClient) -> None:
    places = get(client, "/api/places")["items"]
    oskel = next(p for p in places if p["name"] == "Oskel")
    assert (oskel["articles"], oskel["mentions"]) == (2, 3)
    text = texts(client)
    for example in oskel["examples"]:
        assert_span(text[example["article_id"]], example)
    assert [p["name"] for p in get(client, "/api/places", q="bre")["items"]] == ["Brel"]


def test_search_with_facets_kinds_filters_and_cursor(client: TestClient) -> None:
    result = get(client, "/api/search", q="road")
    assert {(i["item"], i["article_id"] if i["item"] == "quote" else i["id"]) for i in result["items"]} == {
        ("quote", "grain-sanctions"), ("quote", "aid-appeal"), ("article", "grain-sanctions"), ("article", "aid-appeal"),
    }  # fmt: skip
    facets = result["facets"]
    assert set(facets) == {"speaker", "actor", "source_type", "outlet", "event_type", "month"}
    assert result["facets_scope"]["complete"] is True and result["facets_scope"]["quotes"] == 2
    assert sorted(facets["speaker"]) == [["Dana Ilk", 1], ["Tomas Reyl", 1]]
    assert ["2025-03", 4] in facets["month"]
    only_quotes = get(client, "/api/search", q="road", kinds="quotes", outlet="Harbour Wire")
    assert [(i["item"], i["speaker_name"]) for i in only_quotes["items"]] == [("quote", "Dana Ilk")]
    paged = walk(client, "/api/search", 1, q="road")
    assert len(paged) == 4
    get(client, "/api/search", 422)
    assert "kinds" in get(client, "/api/search", 400, q="road", kinds="people")["detail"]


def test_timeline_counts_quotes_and_events_per_day(client: TestClient) -> None:
    rows = get(client, "/api/timeline")
    events = {(r["day"], r["type"]): r["count"] for r in rows if r["kind"] == "event"}
    assert events == {
        ("2025-03-10", "ACCUSE"): 1, ("2025-03-10", "AGREE"): 1, ("2025-03-10", "CONSULT"): 1,
        ("2025-03-11", "ACCUSE"): 1, ("2025-03-11", "REJECT"): 1, ("2025-03-11", "THREATEN"): 1,
        ("2025-03-12", "AGREE"): 1, ("2025-03-12", "AID"): 1,
    }  # fmt: skip
    assert sum(r["count"] for r in rows if r["kind"] == "quote") == 7
    only = get(client, "/api/timeline", actor=MARROW)
    assert sum(r["count"] for r in only if r["kind"] == "event") == 4


def test_network_edges_run_from_actor_to_recipient(client: TestClient) -> None:
    network = get(client, "/api/network")
    edges = {(e["source"], e["target"], e["type"]): e["count"] for e in network["edges"]}
    assert (
        edges[(MARROW, REYL, "CONSULT")] == 1
        and edges[("org-karesh-defence-ministry", "gpe-valdoria", "THREATEN")] == 1
    )
    assert (REYL, MARROW, "CONSULT") not in edges
    nodes = {n["id"]: n for n in network["nodes"]}
    assert nodes[MARROW]["count"] == 4 and nodes[MARROW]["name"] == "Ilse Marrow"
    assert all(e["source"] in nodes and e["target"] in nodes for e in network["edges"])
    accused = get(client, "/api/network", event_type="ACCUSE")
    assert {e["type"] for e in accused["edges"]} == {"ACCUSE"}


def test_errors_list_failed_documents(client: TestClient) -> None:
    errors = get(client, "/api/errors")["items"]
    assert [(e["article_id"], e["code"], e["failed"]) for e in errors] == [("empty-one", "empty", True)]


def test_exports_in_every_format(client: TestClient) -> None:
    def download(name: str, **params: Any) -> tuple[str, str]:
        response = client.get(f"/api/export/{name}", params=params)
        assert response.status_code == 200, response.text
        assert name in response.headers["content-disposition"]
        return response.text, response.headers["content-type"]

    body, kind = download("quotes.csv")
    assert kind.startswith("text/csv") and len(list(csv.DictReader(io.StringIO(body)))) == 7
    body, _ = download("quotes.csv", actor=MARROW)
    assert [r["speaker_actor"] for r in csv.DictReader(io.StringIO(body))] == [MARROW]
    body, kind = download("quotes.jsonl")
    assert kind.startswith("application/x-ndjson") and len([json.loads(x) for x in body.splitlines()]) == 7
    body, _ = download("events.csv", type="ACCUSE")
    assert len(list(csv.DictReader(io.StringIO(body)))) == 2
    body, _ = download("events.jsonl")
    assert len(body.splitlines()) == 8
    body, kind = download("events.plover.json")
    assert kind.startswith("application/json") and len(json.loads(body)["events"]) == 8
    body, _ = download("entities.csv", entity_type="PERSON")
    assert {r["type"] for r in csv.DictReader(io.StringIO(body))} == {"PERSON"}
    body, _ = download("entities.jsonl")
    assert MARROW in {json.loads(x)["id"] for x in body.splitlines()}
    body, _ = download("network.gexf")
    root = ET.fromstring(body.encode())
    assert root.tag.endswith("gexf") and len([e for e in root.iter() if e.tag.endswith("edge")]) >= 7
    assert client.get("/api/export/quotes.xlsx").status_code == 404


def test_events_and_their_export_can_keep_only_main_events(tmp_path: Path) -> None:
    record = desk_records()[0]
    assert len(record.events) >= 2
    record.events[1].governed_by = record.events[0].id
    store = open_store(str(tmp_path / "main.db"))
    store.ingest([record])
    client = TestClient(base_url="http://127.0.0.1", app=create_app(store=store))
    every = get(client, "/api/events")["items"]
    main = get(client, "/api/events", main="true")["items"]
    assert len(main) == len(every) - 1 and all(e["governed_by"] is None for e in main)
    exported = client.get("/api/export/events.jsonl", params={"main": "true"}).text.splitlines()
    assert len(exported) == len(main)
    store.close()


OZDAL, US = "person-seren-balkir-ozdal", "gpe-united-states"


def test_the_api_serves_one_actor_per_real_actor_with_its_aliases(summit_client: TestClient) -> None:
    actors = {a["id"]: a for a in get(summit_client, "/api/actors")["items"]}
    assert set(actors) == {OZDAL, US}  # no "person-ozdal", no "group-people", no "group-officials"
    assert actors[OZDAL]["aliases"] == ["Ozdal", "Seren Balkır Özdal"]
    assert (actors[OZDAL]["articles"], actors[OZDAL]["quotes"]) == (2, 1)
    assert set(actors[US]["aliases"]) == {"United States", "US", "America", "Washington"}
    assert actors[US]["articles"] == 2 and actors[US]["name"] == "United States"
    for q in ("Ozdal", "Özdal", "özdal"):
        assert [a["id"] for a in get(summit_client, "/api/actors", q=q)["items"]] == [OZDAL]
    assert [a["id"] for a in get(summit_client, "/api/actors", q="Washington")["items"]] == [US]
    joined = get(summit_client, "/api/actors/person-ozdal")
    assert joined["actor"]["id"] == OZDAL and joined["events_as_recipient"]["total"] == 1
    get(summit_client, "/api/actors/group-officials", status=404)
    quotes = get(summit_client, "/api/quotes", actor="person-ozdal")["items"]
    assert [q["speaker"]["actor"] for q in quotes] == [OZDAL]


def test_the_api_network_and_facets_hold_no_generic_group_or_pronoun(summit_client: TestClient) -> None:
    network = get(summit_client, "/api/network")
    assert sorted(n["id"] for n in network["nodes"]) == sorted([OZDAL, US])
    assert {(e["source"], e["target"]) for e in network["edges"]} == {(OZDAL, US), (US, OZDAL)}
    facets = get(summit_client, "/api/search", q="listens OR deal OR talks")["facets"]
    speakers = dict(facets["speaker"])
    assert "I" not in speakers and "officials" not in speakers and "Officials" not in speakers
    everything = get(summit_client, "/api/search", q="Nobody")["facets"]["speaker"]
    assert everything == [["unresolved", 1]]
    # The generic group's quote is still found by its words.
    found = get(summit_client, "/api/search", q="talks were over", kinds=["quotes"])["items"]
    assert [q["speaker"]["text"] for q in found] == ["Officials"] and found[0]["speaker"]["actor"] is None
    body = summit_client.get("/api/export/entities.csv").text
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(body))}
    assert set(rows) == {OZDAL, US} and rows[OZDAL]["aliases"] == "Ozdal; Seren Balkır Özdal"
    gexf = ET.fromstring(summit_client.get("/api/export/network.gexf").content)
    assert sorted(n.get("id") for n in gexf.iter() if n.tag.endswith("}node")) == sorted([OZDAL, US])


def test_an_export_holds_exactly_the_rows_its_list_shows(client: TestClient) -> None:
    quotes = get(client, "/api/quotes", limit=100)["items"]
    word = max(re.findall(r"[A-Za-z]{5,}", quotes[0]["text"]), key=len)
    listed = [q["id"] for q in get(client, "/api/quotes", q=word, limit=100)["items"]]
    assert 0 < len(listed) < len(quotes)
    body = client.get("/api/export/quotes.csv", params={"q": word}).text
    assert sorted(int(r["id"]) for r in csv.DictReader(io.StringIO(body))) == sorted(listed)
    people = [a["id"] for a in get(client, "/api/actors", q="mar", type="PERSON", limit=100)["items"]]
    body = client.get("/api/export/entities.csv", params={"q": "mar", "entity_type": "PERSON"}).text
    assert [r["id"] for r in csv.DictReader(io.StringIO(body))] == people and MARROW in people


def test_an_export_refuses_a_text_query_it_cannot_apply(client: TestClient) -> None:
    response = client.get("/api/export/events.csv", params={"q": "talks"})
    assert response.status_code == 400 and "q filters quotes and entities" in response.json()["detail"]

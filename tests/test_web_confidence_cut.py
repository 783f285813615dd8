"""The desk at a confidence cut: the store's lists, counts, network, exports and article page give at
``min_confidence`` what ``dateline extract --min-confidence`` gives (``confidence.confident_only``),
the cut field takes any cut in hundredths and shows the suggested one, and the event facet says what
it counts. Invented story: a reporter jailed by a minister, whose later acts borrow her actors."""

from __future__ import annotations

import copy
import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import store_url
from dateline.confidence import confident_only
from dateline.extract.event_filter import suggested_min_confidence
from dateline.model import Entity, Event, Quote, Record
from dateline.store import Store, open_store
from dateline.web import create_app
from store_records import At

CUT = 0.49  # the suggested cut the review tried
TEXT = (
    "Minister Hana Qorvel ordered the arrest of the reporter Ilo Dask in Karesh.\n"
    "She then fined the Open Press Union and banned its newsletter, officials said.\n"
    "The union condemned the ban.\n"
)


def jailed() -> Record:
    at = At(TEXT)
    return Record(
        id="karesh-press",
        source=None,
        title="Karesh minister jails a reporter",
        published="2025-04-02",
        outlet="Coast Wire",
        url=None,
        text=TEXT,
        entities=[
            Entity("E1", "Hana Qorvel", "PERSON", "KRS", "GOV", ["Minister"], [at.span("Hana Qorvel")]),
            Entity("E2", "Ilo Dask", "PERSON", None, "MED", [], [at.span("Ilo Dask")]),
            Entity("E3", "Open Press Union", "ORG", None, "MED", [], [at.span("Open Press Union")]),
            Entity("E4", "officials", "GROUP", None, "GOV", [], [at.span("officials")]),
        ],
        quotes=[
            Quote(
                "Q1",
                "indirect",
                at.speaker("officials", "E4"),
                at.span("said"),
                "say",
                [at.span("She then fined the Open Press Union and banned its newsletter")],
                "unnamed_group",
                None,
                confidence=0.3,
            ),
            Quote(
                "Q2",
                "indirect",
                at.speaker("The union", None),
                at.span("condemned"),
                "condemn",
                [at.span("the ban")],
                "unnamed_group",
                None,
                confidence=0.8,
            ),
        ],  # fmt: skip
        events=[
            # The lender, below the cut: the two acts after it take her from it.
            Event("V1", "COERCE", "arrest", "asserted", ["E1"], ["E2"], at.span("arrest"), confidence=0.4),
            Event(
                "V2",
                "SANCTION",
                "fine",
                "reported",
                ["E1"],
                ["E3"],
                at.span("fined"),
                quote="Q1",
                actors_from="V1",
                confidence=0.8,
            ),
            # Governed by the fine, which the cut keeps: it stays governed by it.
            Event(
                "V3",
                "SANCTION",
                "ban",
                "reported",
                ["E1"],
                ["E3"],
                at.span("banned"),
                quote="Q1",
                actors_from="V1",
                governed_by="V2",
                confidence=0.7,
            ),
            # Governed by the arrest alone: a main event at the cut.
            Event(
                "V4",
                "ACCUSE",
                None,
                "asserted",
                ["E3"],
                ["E1"],
                at.span("condemned"),
                governed_by="V1",
                confidence=0.9,
            ),
        ],  # fmt: skip
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cut") / "cut.db")
    store = open_store(path)
    store.ingest([jailed()])
    store.close()
    return path


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(store_url(request, tmp_path_factory.mktemp("cut-store")))
    opened.ingest([jailed()])
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store=store), base_url="http://127.0.0.1")


def extracted() -> dict[str, Event]:
    """What ``dateline extract --min-confidence CUT`` writes for the story."""
    return {e.id: e for e in confident_only(copy.deepcopy(jailed()), CUT).events}


def actor_key(client: TestClient, entity: str) -> str:
    return str(client.get("/api/articles/karesh-press").json()["store"]["actors"][entity])


def test_the_api_events_at_a_cut_are_those_extract_writes(client: TestClient) -> None:
    items = client.get("/api/events", params={"min_confidence": CUT}).json()["items"]
    want = extracted()
    assert {i["event_id"] for i in items} == set(want) == {"V2", "V3", "V4"}
    quote_pk = client.get("/api/articles/karesh-press").json()["store"]["quotes"]
    for item in items:
        event = want[item["event_id"]]
        assert [a["entity"] for a in item["actors"]] == event.actors
        assert [r["entity"] for r in item["recipients"]] == event.recipients
        assert item["actors_from"] == event.actors_from
        assert item["governed_by"] == event.governed_by
        assert item["quote"] == (quote_pk[event.quote] if event.quote else None)
    fine = next(i for i in items if i["event_id"] == "V2")
    assert fine["actors"] == [] and fine["actors_from"] is None and fine["quote"] is None
    # With no cut, the stored record as it is.
    whole = {i["event_id"]: i for i in client.get("/api/events").json()["items"]}
    assert [a["entity"] for a in whole["V2"]["actors"]] == ["E1"] and whole["V2"]["actors_from"] == "V1"
    assert whole["V4"]["governed_by"] == "V1"


def test_an_actor_filter_at_a_cut_leaves_out_actors_taken_from_a_removed_event(
    client: TestClient, store: Store
) -> None:
    minister = actor_key(client, "E1")
    as_actor = client.get("/api/events", params={"actor": minister}).json()["items"]
    assert {i["event_id"] for i in as_actor} == {"V1", "V2", "V3"}
    at_cut = client.get("/api/events", params={"actor": minister, "min_confidence": CUT}).json()["items"]
    assert at_cut == []
    assert store.count_events(actor=minister, min_confidence=CUT) == 0
    # As a recipient she stays: the union's condemnation names her in its own clause.
    received = client.get("/api/events", params={"recipient": minister, "min_confidence": CUT}).json()
    assert [i["event_id"] for i in received["items"]] == ["V4"]
    page = client.get("/events", params={"actor": minister, "min_confidence": CUT}).text
    assert "0 events" in page


def test_main_events_at_a_cut_include_those_whose_governors_are_all_removed(client: TestClient) -> None:
    main = client.get("/api/events", params={"main": "true", "min_confidence": CUT}).json()["items"]
    assert {i["event_id"] for i in main} == {e.id for e in extracted().values() if e.governed_by is None}
    assert {i["event_id"] for i in main} == {"V2", "V4"}
    assert {i["event_id"] for i in client.get("/api/events", params={"main": "true"}).json()["items"]} == {
        "V1",
        "V2",
    }


def test_the_network_and_the_exports_at_a_cut_draw_no_borrowed_actor(client: TestClient) -> None:
    minister, union = actor_key(client, "E1"), actor_key(client, "E3")
    whole = client.get("/api/network").json()
    assert any(e["source"] == minister and e["target"] == union for e in whole["edges"])
    cut = client.get("/api/network", params={"min_confidence": CUT}).json()
    assert [(e["source"], e["target"]) for e in cut["edges"]] == [(union, minister)]
    rows = list(csv.DictReader(io.StringIO(client.get(f"/api/export/events.csv?min_confidence={CUT}").text)))
    by_id = {r["event_id"]: r for r in rows}
    assert set(by_id) == {"V2", "V3", "V4"}
    assert by_id["V2"]["actors"] == "" and by_id["V2"]["actors_from"] == ""
    assert by_id["V4"]["actors"] == "Open Press Union"
    gexf = client.get(f"/api/export/network.gexf?min_confidence={CUT}").text
    assert gexf.count("<edge ") == 1


def test_the_export_command_at_a_cut_matches_extract(db: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dateline.cli import app

    result = CliRunner().invoke(
        app, ["export", "events", "--db", db, "--format", "csv", "--min-confidence", str(CUT)]
    )
    assert result.exit_code == 0, result.output
    rows = {r["event_id"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert {k: r["actors"] for k, r in rows.items()} == {"V2": "", "V3": "", "V4": "Open Press Union"}


def _number_field(page: str) -> str:
    found = re.search(r'<input id="filter-min_confidence"[^>]*>', page)
    assert found, "no min. confidence field"
    return found.group(0)


@pytest.mark.parametrize("path", ["/", "/quotes", "/events", "/articles/karesh-press"])
def test_the_cut_field_takes_the_suggested_cut_and_shows_it(client: TestClient, path: str) -> None:
    suggested = suggested_min_confidence()
    assert suggested is not None
    page = client.get(path, params={"min_confidence": f"{suggested:.2f}"}).text
    field = _number_field(page)
    assert f'value="{suggested:.2f}"' in field
    step = re.search(r'step="([^"]+)"', field)
    assert step is not None
    # The browser accepts a value when (value - min) is a whole number of steps: every hundredth is.
    assert step.group(1) in ("0.01", "any")
    assert f"suggested: {suggested:.2f}" in page
    # A cut of more decimals, from a URL, is not blocked either.
    odd = _number_field(client.get(path, params={"min_confidence": "0.495"}).text)
    assert 'step="any"' in odd


def test_the_article_page_shows_each_confidence_and_honours_a_cut(client: TestClient) -> None:
    page = client.get("/articles/karesh-press").text
    for shown in ("0.40", "0.80", "0.70", "0.90", "0.30"):
        assert f'<td class="num confidence">{shown}</td>' in page
    cut = client.get("/articles/karesh-press", params={"min_confidence": CUT}).text
    assert 'href="#v-V1"' not in cut and 'href="#v-V2"' in cut
    assert 'href="#q-Q1"' not in cut and 'href="#q-Q2"' in cut
    assert "2 of 4 events" not in cut and "3 of 4 events" in cut and "1 of 2 quotes" in cut
    # The fine's row names no actor: the arrest it took the minister from is gone.
    fine = re.search(r'<tr><td><a href="#v-V2">V2</a></td>.*?</tr>', cut, re.S)
    assert fine is not None and "Hana Qorvel" not in fine.group(0)
    assert client.get("/articles/karesh-press", params={"min_confidence": "lots"}).status_code == 400
    api = client.get("/api/articles/karesh-press", params={"min_confidence": CUT}).json()
    record = confident_only(copy.deepcopy(jailed()), CUT).to_dict()
    assert api["events"] == record["events"] and api["quotes"] == record["quotes"]
    assert len(client.get("/api/articles/karesh-press").json()["events"]) == 4


def test_the_event_facet_says_it_counts_quotes_and_articles_not_events(client: TestClient) -> None:
    home = client.get("/").text
    assert "Quotes whose article reports" in home and "Event in the article" not in home
    assert "counts the quotes listed, not events" in home
    search = client.get("/", params={"q": "ban"}).text
    assert "Quotes and articles whose article reports" in search
    assert "listed, not events" in search


def test_at_a_cut_an_article_reports_only_the_events_the_cut_keeps(client: TestClient) -> None:
    page = client.get("/", params={"min_confidence": CUT}).text
    facet = re.search(r'<ul data-facet="event_type">(.*?)</ul>', page, re.S)
    assert facet is not None
    counts = dict(re.findall(r">([A-Z]+)</a> <span class=\"count\">(\d+)</span>", facet.group(1)))
    assert counts == {"ACCUSE": "1", "SANCTION": "1"}  # the arrest is below the cut
    for typ, n in [*counts.items(), ("COERCE", "0")]:
        listed = client.get("/api/quotes", params={"event_type": typ, "min_confidence": CUT}).json()["items"]
        assert len(listed) == int(n), typ

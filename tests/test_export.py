"""Exports parse back: CSV with its header, JSON Lines, PLOVER-style JSON, GEXF as XML; from the CLI too."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import store_url
from dateline.cli import app
from dateline.export import ENTITY_COLUMNS, EVENT_COLUMNS, GEXF_NS, PAGE, QUOTE_COLUMNS, export, export_bytes
from dateline.store import Store, open_store
from store_records import across_articles, corpus, filler

runner = CliRunner()


@pytest.fixture(params=["sqlite", "postgresql"])
def filled(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    store = open_store(store_url(request, tmp_path))
    store.ingest(corpus())
    yield store
    store.close()


def exported(store: Store, what: str, fmt: str, **filters: object) -> str:
    out = io.StringIO()
    export(store, what, fmt, out, **filters)
    return out.getvalue()


def test_quotes_csv_has_its_header_and_traceable_rows(filled: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(exported(filled, "quotes", "csv"))))
    assert list(rows[0]) == QUOTE_COLUMNS
    assert len(rows) == 5
    velt = [r for r in rows if r["speaker_actor"] == "person-ana-velt"]
    assert {r["content"] for r in velt} == {"the port would reopen next week", "We are ready,"}
    for row in rows:
        text = filled.article(row["article_id"])["text"]  # type: ignore[index]
        assert text[int(row["context_start"]) : int(row["context_end"])] == row["context"]
    filtered = list(csv.DictReader(io.StringIO(exported(filled, "quotes", "csv", outlet="Coastal Wire"))))
    assert [r["speaker"] for r in filtered] == ["Ilo Brask"]


def test_quotes_and_entities_jsonl_parse_line_by_line(filled: Store) -> None:
    quotes = [json.loads(line) for line in exported(filled, "quotes", "jsonl").splitlines()]
    assert len(quotes) == 5 and all(q["context"]["text"] for q in quotes)
    entities = [json.loads(line) for line in exported(filled, "entities", "jsonl").splitlines()]
    assert {e["id"] for e in entities} >= {"person-ana-velt", "org-drosnan-navy", "person-ilo-brask"}
    rows = list(csv.DictReader(io.StringIO(exported(filled, "entities", "csv"))))
    assert list(rows[0]) == ENTITY_COLUMNS
    velt = next(r for r in rows if r["id"] == "person-ana-velt")
    assert (velt["articles"], velt["quotes"], velt["code"]) == ("2", "2", "VAL")


def test_events_csv_jsonl_and_plover(filled: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(exported(filled, "events", "csv"))))
    assert list(rows[0]) == EVENT_COLUMNS
    coerce = next(r for r in rows if r["type"] == "COERCE")
    assert (coerce["actors"], coerce["recipients"], coerce["place"], coerce["date"]) == (
        "Drosnan navy", "Velmar", "Ostrava", "2025-03-10",
    )  # fmt: skip
    lines = [json.loads(line) for line in exported(filled, "events", "jsonl").splitlines()]
    by_id = {e["id"]: e for e in lines}  # the CSV carries what --min-confidence cuts on, and taken actors
    for row in rows:
        item = by_id[int(row["id"])]
        assert row["confidence"] == ("" if item["confidence"] is None else str(item["confidence"]))
        assert row["actors_from"] == (item["actors_from"] or "")
    assert sorted(e["type"] for e in lines) == ["COERCE", "CONSULT", "THREATEN"]
    plover = json.loads(exported(filled, "events", "plover"))
    events = {e["event"]: e for e in plover["events"]}
    assert set(events) == {"COERCE", "CONSULT", "THREATEN"}
    threat = events["THREATEN"]
    assert threat["actor"]["name"] == "Ilo Brask" and threat["recipient"]["id"] == "person-ana-velt"
    assert threat["id"] == "harbour-reply/V1" and threat["date"] == "2025-03-11"
    assert events["COERCE"]["location"]["country"] == "CZE"
    assert "warned" in threat["text"]


def test_network_gexf_is_valid_xml_with_nodes_and_edges(filled: Store) -> None:
    body, media = export_bytes(filled, "network", "gexf")
    assert media == "application/gexf+xml"
    root = ET.fromstring(body)
    ns = {"g": GEXF_NS}
    assert root.tag == f"{{{GEXF_NS}}}gexf"
    nodes = {n.get("id"): n.get("label") for n in root.iterfind(".//g:node", ns)}
    edges = [(e.get("source"), e.get("target"), e.get("label")) for e in root.iterfind(".//g:edge", ns)]
    assert nodes["person-ilo-brask"] == "Ilo Brask"
    assert ("person-ilo-brask", "person-ana-velt", "THREATEN") in edges
    assert all(s in nodes and t in nodes for s, t, _ in edges)
    assert len(edges) == 3


def test_exports_walk_every_page(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "many.db"))
    store.ingest([filler(n) for n in range(PAGE + 7)])
    rows = list(csv.DictReader(io.StringIO(exported(store, "quotes", "csv"))))
    assert len(rows) == PAGE + 7 == len({r["id"] for r in rows})
    store.close()


def test_a_format_an_export_does_not_have_is_refused(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "x.db"))
    with pytest.raises(ValueError, match="cannot export"):
        exported(store, "quotes", "gexf")
    store.close()


def test_export_command_writes_files(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    store = open_store(str(db))
    store.ingest(corpus())
    store.close()
    target = tmp_path / "out" / "events.json"
    result = runner.invoke(
        app, ["export", "events", "--db", str(db), "--format", "plover", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(target.read_text())["events"]) == 3
    result = runner.invoke(app, ["export", "network", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert ET.fromstring(result.stdout.split("\n", 1)[1]).tag.endswith("gexf")
    result = runner.invoke(app, ["export", "quotes", "--db", str(db), "--format", "plover"])
    assert result.exit_code != 0
    assert "quotes exports as csv or jsonl" in result.output


def test_export_command_can_keep_only_main_events(tmp_path: Path) -> None:
    records = corpus()
    records[0].events[1].governed_by = "V1"  # port talks: the talks governed by the blockade
    db = tmp_path / "main.db"
    store = open_store(str(db))
    store.ingest(records)
    store.close()
    every = runner.invoke(app, ["export", "events", "--db", str(db), "--format", "jsonl"])
    main = runner.invoke(app, ["export", "events", "--db", str(db), "--format", "jsonl", "--main-only"])
    assert every.exit_code == 0 and main.exit_code == 0, every.output + main.output
    assert len(every.stdout.splitlines()) == 3
    assert [json.loads(line)["governed_by"] for line in main.stdout.splitlines()] == [None, None]


def test_entities_and_the_network_export_one_actor_per_real_actor(filled: Store) -> None:
    filled.ingest(across_articles())
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(exported(filled, "entities", "csv")))}
    ozdal, us = rows["person-seren-balkir-ozdal"], rows["gpe-united-states"]
    assert set(ozdal["aliases"].split("; ")) == {"Seren Balkır Özdal", "Ozdal"} and ozdal["articles"] == "2"
    assert set(us["aliases"].split("; ")) == {"United States", "US", "America", "Washington"}
    assert "person-ozdal" not in rows and "group-women" not in rows and "group-protesters" not in rows
    assert rows["person-nadim-al-qirsan"]["quotes"] == "2"
    root = ET.fromstring(exported(filled, "network", "gexf").split("\n", 1)[1])
    nodes = [n.get("id") for n in root.iter(f"{{{GEXF_NS}}}node")]
    assert len(nodes) == len(set(nodes))
    assert {"person-seren-balkir-ozdal", "gpe-united-states"} <= set(nodes)
    assert not {"person-ozdal", "group-women", "group-protesters", "gpe-us", "gpe-america"} & set(nodes)
    labels = {n.get("id"): n.get("label") for n in root.iter(f"{{{GEXF_NS}}}node")}
    assert labels["gpe-united-states"] == "United States"

"""The desk against hostile visitors: formula cells in CSV, other sites' Host headers, the security
headers, search syntax and sizes, impossible filter values, and listening beyond loopback."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dateline.cli import app as cli
from dateline.export import neutralised
from dateline.store import Store, open_store
from dateline.web import create_app
from dateline.web.security import shown_source
from desk_records import Story

FORMULA = "=cmd|' /C calc'!A0"
LISTS = ["/quotes", "/events", "/actors", "/places", "/search", "/timeline", "/network", "/articles"]


def formula_record() -> Story:
    s = Story(
        "formula-one", "A formula in a quote", "2025-03-12", "Harbour Wire",
        "A formula in a quote\n"
        f'"{FORMULA} and more," Tomas Reyl said on Wednesday.\n',
    )  # fmt: skip
    reyl = s.entity("Tomas Reyl", "PERSON", ["Tomas Reyl"])
    s.quote("direct", "Tomas Reyl", reyl, "said", [f"{FORMULA} and more,"], "named_person")
    return s


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(str(tmp_path_factory.mktemp("security") / "desk.db"))
    record = formula_record().record
    record.source = "/home/ana/corpus/2019/formula-one.txt"
    opened.ingest([record])
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store=store), base_url="http://127.0.0.1")


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_that_would_start_a_formula_is_text(value: str) -> None:
    assert neutralised(value) == "'" + value


def test_other_cells_are_unchanged() -> None:
    assert [neutralised(v) for v in ["Tomas Reyl", "a - b", 3, -2.5, None]] == [
        "Tomas Reyl",
        "a - b",
        3,
        -2.5,
        None,
    ]


def test_a_csv_export_never_hands_a_spreadsheet_a_formula(client: TestClient) -> None:
    response = client.get("/api/export/quotes.csv")
    assert response.status_code == 200
    cells = [cell for row in csv.reader(io.StringIO(response.text)) for cell in row]
    assert any(FORMULA in cell for cell in cells)
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_a_request_for_another_host_reads_nothing(store: Store) -> None:
    rebinding = TestClient(create_app(store=store), base_url="http://attacker.example")
    response = rebinding.get("/api/quotes")
    assert response.status_code == 400
    assert "Reyl" not in response.text


def test_a_host_given_to_serve_is_answered(store: Store) -> None:
    named = TestClient(create_app(store=store, hosts=["desk.lan"]), base_url="http://desk.lan:8000")
    assert named.get("/api/quotes").status_code == 200


@pytest.mark.parametrize("path", ["/", "/quotes", "/api/quotes", "/docs", "/redoc", "/static/desk.css"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "object-src 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


def test_the_desk_pages_run_no_script(client: TestClient) -> None:
    policy = client.get("/quotes").headers["content-security-policy"]
    assert (
        "script-src 'self';" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )


@pytest.mark.parametrize("q", ["'", '"', "*", "(", "\\", "NEAR(", ")", "^", ":", "a AND", "-"])
def test_search_syntax_is_never_a_server_error(client: TestClient, q: str) -> None:
    for path in [*LISTS, *(f"/api{p}" for p in LISTS)]:
        response = client.get(path, params={"q": q})
        assert response.status_code < 500, (path, q)


def test_a_search_too_long_to_run_is_a_400_that_says_why(client: TestClient) -> None:
    response = client.get("/api/quotes", params={"q": " ".join(["w*"] * 2000)})
    assert response.status_code == 400
    assert "at most" in response.json()["detail"]


@pytest.mark.parametrize(
    ("name", "value", "hint"),
    [
        ("date_from", "2018-13-45", "real date"),
        ("date_to", "2025-02-30", "real date"),
        ("kind", "shouted", "direct"),
        ("source_type", "rumour", "named_person"),
        ("modality", "maybe", "asserted"),
        ("type", "PARTY", "ASSAULT"),
    ],
)
def test_an_impossible_filter_value_is_a_400_that_says_what_to_write(
    client: TestClient, name: str, value: str, hint: str
) -> None:
    path = "/api/events" if name in {"modality", "type"} else "/api/quotes"
    response = client.get(path, params={name: value})
    assert response.status_code == 400
    assert hint in response.json()["detail"]


def test_listening_beyond_loopback_needs_an_explicit_flag(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 2
    assert "--expose" in result.output


def test_a_date_of_the_wrong_shape_is_a_422_as_documented(client: TestClient) -> None:
    assert client.get("/api/quotes", params={"date_to": "yesterday"}).status_code == 422


@pytest.mark.parametrize(
    ("given", "shown"),
    [("/home/ana/corpus/2019/story.txt", "story.txt"), ("C:\\corpus\\story.txt", "story.txt"),
     ("-", "-"), ("https://example.org/a/story", "https://example.org/a/story"), (None, None)],
)  # fmt: skip
def test_the_desk_shows_an_input_by_its_file_name(given: str | None, shown: str | None) -> None:
    assert shown_source(given) == shown


def test_no_response_shows_the_servers_folders(client: TestClient) -> None:
    for path in [
        "/api/articles",
        "/api/articles/formula-one",
        "/api/errors",
        "/articles/formula-one",
        "/errors",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "/home/ana" not in response.text, path
    assert client.get("/api/articles/formula-one").json()["source"] == "formula-one.txt"

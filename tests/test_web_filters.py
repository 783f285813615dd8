"""The desk's list pages with their filter forms, over SQLite and PostgreSQL: a form submitted as a
browser would (every field, empty ones too) narrows the list exactly as the same filters in the URL
do, the total is the number of rows the pages hold, previous and next pages lead back and forth, the
tables and lists sort, a bad sort is a 400, and the search page's facets filter what they count.
Over the invented Lakeland stories of ``list_records``."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from fastapi.testclient import TestClient

from conftest import store_url
from dateline.store import Store, open_store
from dateline.web import create_app
from list_records import WATER_MOST, list_records

ORLA, PIET = "person-orla-venn", "person-piet-sarro"


class Screen(HTMLParser):
    """What a page shows that these tests read: the rows' ids, the links by ``rel``, the chips, the
    total, and the filter form's controls as a browser would submit them (each with whether a label
    holds it)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[str] = []
        self.rel: dict[str, str] = {}
        self.total: int | None = None
        self.controls: list[dict[str, Any]] = []
        self.action: str | None = None
        self.chips: list[tuple[str, str]] = []
        self.facets: dict[str, list[dict[str, Any]]] = {}
        self.headers: dict[str, tuple[str, str | None]] = {}
        self._form = self._chips = False
        self._labels = 0
        self.label_for: dict[str, str] = {}  # control id -> its label's text
        self._label_target: str | None = None
        self._select: dict[str, Any] | None = None
        self._text: list[str] = []
        self._link: dict[str, str | None] | None = None
        self._facet: str | None = None
        self._entry: dict[str, Any] | None = None
        self._count = False
        self._th: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = str(a.get("class") or "").split()
        if tag in ("li", "tr") and a.get("data-id") is not None and (tag == "tr" or "item" in classes):
            self.rows.append(str(a["data-id"]))
        if tag == "p" and "total" in classes:
            self.total = int(str(a["data-total"]))
        if tag == "p" and "chips" in classes:
            self._chips = True
        if tag == "ul" and a.get("data-facet"):
            self._facet = str(a["data-facet"])
            self.facets[self._facet] = []
        if tag == "li" and self._facet:
            self._entry = {"text": "", "href": None, "on": "active" in classes, "count": ""}
            self.facets[self._facet].append(self._entry)
        if tag == "span" and self._entry is not None:
            self._count = "count" in classes
        if tag == "a" and self._entry is not None:
            self._entry["href"] = a.get("href")
        if tag == "th":
            self._th = a.get("aria-sort") or ""
        if tag == "a":
            if a.get("rel"):
                self.rel[str(a["rel"])] = str(a["href"])
            self._link, self._text = a, []
        if tag == "form" and "filter-form" in classes:
            self._form, self.action = True, str(a["action"])
        if not self._form:
            return
        if tag == "label":
            self._labels += 1
            self._label_target, self._text = a.get("for"), []
        elif tag == "input":
            self.controls.append({"name": a["name"], "type": a.get("type"), "value": a.get("value") or "",
                                  "labelled": self._labels > 0, "attrs": a})  # fmt: skip
        elif tag == "select":
            self._select = {"name": a["name"], "type": "select", "value": None, "labelled": self._labels > 0,
                            "options": [], "attrs": a}  # fmt: skip
        elif tag == "option" and self._select is not None:
            self._select["options"].append(a.get("value"))
            if "selected" in a:
                self._select["value"] = a.get("value")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link is not None:
            text = "".join(self._text).strip()
            href = str(self._link.get("href"))
            if self._chips:
                self.chips.append((text, href))
            if self._th is not None:
                self.headers[text.rstrip(" ▲▼")] = (href, self._th or None)
            self._link = None
        if tag == "p":
            self._chips = False
        if tag == "ul":
            self._facet = None
        if tag == "li":
            self._entry = None
        if tag == "span":
            self._count = False
        if tag == "th":
            self._th = None
        if tag == "form":
            self._form = False
        if tag == "label":
            self._labels -= 1
            if self._label_target:
                self.label_for[self._label_target] = "".join(self._text).strip()
        if tag == "select" and self._select is not None:
            if self._select["value"] is None:
                self._select["value"] = self._select["options"][0] if self._select["options"] else ""
            self.controls.append(self._select)
            self._select = None

    def handle_data(self, data: str) -> None:
        self._text.append(data)
        if self._entry is not None:
            self._entry["count" if self._count else "text"] += data.strip()

    def labelled(self, control: dict[str, Any]) -> bool:
        """Whether a label holds the control or names it (``for``), with some text."""
        return control["labelled"] or bool(self.label_for.get(str(control["attrs"].get("id"))))

    def submit(self, **changes: str) -> str:
        """The address a browser goes to when the form is sent with these fields changed."""
        assert set(changes) <= {c["name"] for c in self.controls}, changes
        fields = [(c["name"], changes.get(c["name"], c["value"])) for c in self.controls]
        return f"{self.action}?{urlencode(fields)}"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(store_url(request, tmp_path_factory.mktemp("filters")))
    opened.ingest(list_records())
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(base_url="http://127.0.0.1", app=create_app(store=store))


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> int:
    """Four rows a page, so that the few invented stories make several pages."""
    monkeypatch.setattr("dateline.web.ui.PAGE", 4)
    return 4


def screen(client: TestClient, path: str, status: int = 200) -> Screen:
    response = client.get(path)
    assert response.status_code == status, (path, response.text[:400])
    return Screen(response.text)


def landed(client: TestClient, path: str) -> tuple[str, Screen]:
    """Where a submitted form lands after its redirect, and the page there."""
    response = client.get(path)
    assert response.status_code == 200, response.text[:400]
    url = urlsplit(str(response.url))
    return url.path + (f"?{url.query}" if url.query else ""), Screen(response.text)


def quote_ids(items: list[dict[str, Any]]) -> list[str]:
    return [str(i["id"]) for i in items]


def test_each_form_submits_and_narrows_its_list_as_the_url_filters_do(
    client: TestClient, store: Store
) -> None:
    # The quotes form, with a speaker given by name, a date range and a confidence cut.
    form = screen(client, "/quotes")
    url, page = landed(client, form.submit(actor="Orla Venn", date_from="2025-01-15", date_to="2025-03-31",
                                           min_confidence="0.5"))  # fmt: skip
    assert dict(parse_qsl(urlsplit(url).query)) == {
        "actor": ORLA, "date_from": "2025-01-15", "date_to": "2025-03-31", "min_confidence": "0.5"
    }  # fmt: skip
    expected = store.quotes(actor=ORLA, date_from="2025-01-15", date_to="2025-03-31", min_confidence=0.5)
    assert page.rows == quote_ids(expected["items"]) and 0 < len(page.rows) < 18
    assert page.rows == screen(client, url).rows
    assert {c["name"]: c["value"] for c in page.controls}["actor"] == "Orla Venn", "the box shows the name"
    # A name two actors share shows as the id, which finds the same actor when sent back.
    namesake = screen(client, "/quotes?actor=org-mirren")
    assert {c["name"]: c["value"] for c in namesake.controls}["actor"] == "org-mirren"
    assert landed(client, namesake.submit())[0] == "/quotes?actor=org-mirren"
    # The events form: a recipient by name, an event type, a country.
    url, page = landed(
        client, screen(client, "/events").submit(recipient="Piet", event_type="CONSULT", country="LKL")
    )
    assert dict(parse_qsl(urlsplit(url).query)) == {
        "recipient": PIET,
        "event_type": "CONSULT",
        "country": "LKL",
    }
    expected = store.events(recipient=PIET, event_type="CONSULT", country="LKL")
    assert page.rows == quote_ids(expected["items"]) and len(page.rows) == 2
    # The actors and places forms.
    _url, page = landed(client, screen(client, "/actors").submit(q="mirren", type="ORG"))
    assert page.rows == ["org-mirren"]
    _url, page = landed(client, screen(client, "/places").submit(q="o", country="HLD"))
    assert page.rows == ["n-tolva"]
    # The search page's form: words, a kind and the oldest first.
    url, page = landed(client, screen(client, "/").submit(q="lake", kind="indirect", sort="oldest"))
    expected = store.search("lake", kind="indirect", sort="oldest", limit=30, facets=False)
    assert page.rows == quote_ids(expected["items"]) and len(page.rows) == 9 + 9
    assert "sort=oldest" in url


def test_a_submit_keeps_the_filters_it_does_not_show_and_sends_no_empty_field(client: TestClient) -> None:
    form = screen(client, "/quotes?outlet=Lake+Courier&event_type=AID&place=n-tolva")
    hidden = {(c["name"], c["value"]) for c in form.controls if c["type"] == "hidden"}
    assert hidden == {("event_type", "AID")}, "a filter the form has no field for rides along unseen"
    url, page = landed(client, form.submit(min_confidence="0.4"))
    assert dict(parse_qsl(urlsplit(url).query)) == {
        "outlet": "Lake Courier", "place": "n-tolva", "event_type": "AID", "min_confidence": "0.4"
    }  # fmt: skip
    blank = client.get(screen(client, "/events").submit(), follow_redirects=False)
    assert blank.status_code == 303 and blank.headers["location"] == "/events"
    # Paging starts again when the filters change: the form carries no cursor.
    assert "cursor" not in {c["name"] for c in form.controls}


def test_every_control_of_every_form_has_a_label(client: TestClient) -> None:
    for path in ("/", "/?q=lake", "/quotes", "/events", "/actors", "/places"):
        page = screen(client, path)
        controls = [c for c in page.controls if c["type"] != "hidden"]
        assert len(controls) >= 2, path
        unlabelled = [c["name"] for c in controls if not page.labelled(c)]
        assert unlabelled == [], (path, unlabelled)
    quotes = {c["name"]: c for c in screen(client, "/quotes").controls}
    assert {"actor", "kind", "source_type", "country", "outlet", "place", "date_from", "date_to",
            "min_confidence", "sort"} <= set(quotes)  # fmt: skip
    assert quotes["date_from"]["type"] == quotes["date_to"]["type"] == "date"
    confidence = quotes["min_confidence"]["attrs"]
    assert (confidence["type"], confidence["min"], confidence["max"], confidence["step"]) == (
        "number",
        "0",
        "1",
        "0.01",  # every cut in hundredths, the suggested 0.49 among them
    )
    events = {c["name"] for c in screen(client, "/events").controls}
    assert {"actor", "recipient", "event_type", "modality", "country", "outlet", "place", "date_from",
            "date_to", "min_confidence", "sort"} <= events  # fmt: skip


def test_a_month_in_the_url_shows_as_its_days_and_submits_back_the_same_rows(client: TestClient) -> None:
    month = screen(client, "/quotes?date_from=2025-03&date_to=2025-03")
    values = {c["name"]: c["value"] for c in month.controls}
    assert (values["date_from"], values["date_to"]) == ("2025-03-01", "2025-03-31")
    assert month.chips and month.chips[0][0].startswith("month: 2025-03")
    _url, again = landed(client, month.submit())
    assert again.rows == month.rows and len(month.rows) == 6
    assert [c[0] for c in again.chips] == [c[0] for c in month.chips], "still one month chip"
    assert screen(client, "/quotes?date_from=2025&date_to=2025").total == 16  # a year too; undated left out


def test_the_total_is_what_the_walk_over_every_page_yields(client: TestClient, small_pages: int) -> None:
    for path in ("/quotes", "/quotes?country=HLD&sort=oldest", "/events?modality=reported", "/actors",
                 "/places?sort=name", "/?q=lake", "/?q=lake&sort=relevance", "/"):  # fmt: skip
        page = screen(client, path)
        total, seen, pages = page.total, list(page.rows), 1
        while "next" in page.rel:
            page = screen(client, page.rel["next"])
            seen += page.rows
            pages += 1
        assert total == len(seen) == len(set(seen)), path
        assert pages == max(1, -(-len(seen) // small_pages)), path
    assert screen(client, "/quotes").total == 18 and "18 quotes" in client.get("/quotes").text


def test_previous_then_next_returns_to_the_same_page(client: TestClient, small_pages: int) -> None:
    for path in (
        "/quotes",
        "/events?sort=oldest",
        "/actors?sort=name",
        "/?q=lake",
        "/?q=lake&sort=relevance",
    ):
        pages = [screen(client, path)]
        while "next" in pages[-1].rel and len(pages) < 4:
            pages.append(screen(client, pages[-1].rel["next"]))
        assert len(pages) >= 2 and "prev" not in pages[0].rel, path
        for i in range(len(pages) - 1, 0, -1):
            back = screen(client, pages[i].rel["prev"])
            assert back.rows == pages[i - 1].rows, (path, i)
            assert screen(client, back.rel["next"]).rows == pages[i].rows, (path, i)
        assert f"page 2 of {-(-pages[0].total // small_pages)}" in client.get(pages[0].rel["next"]).text


def test_tables_sort_by_their_columns_and_lists_by_date_or_relevance(
    client: TestClient, store: Store
) -> None:
    actors = screen(client, "/actors")
    assert actors.headers["articles"][1] == "descending", "most reported first by default"
    by_name = screen(client, actors.headers["actor"][0])
    names = [store.actors(limit=50, sort="name")["items"][i]["id"] for i in range(6)]
    assert by_name.rows == names and by_name.headers["actor"][1] == "ascending"
    backwards = screen(client, by_name.headers["actor"][0])
    assert backwards.headers["actor"][1] == "descending" and backwards.rows[0] == "person-piet-sarro"
    quotes = screen(client, actors.headers["quotes"][0])
    assert quotes.rows[:2] == [ORLA, PIET]
    places = screen(client, screen(client, "/places").headers["mentions"][0])
    assert places.rows == [p["id"] for p in store.places(sort="-mentions")["items"]]
    oldest = screen(client, "/quotes?sort=oldest")
    assert oldest.rows == quote_ids(store.quotes(sort="oldest", limit=30)["items"])
    sorts = {c["name"]: c for c in oldest.controls}["sort"]
    assert sorts["value"] == "oldest" and "relevance" not in sorts["options"], "no words: nothing to rank"
    ranked = screen(client, "/quotes?q=water&sort=relevance")
    assert ranked.rows == quote_ids(store.quotes(q="water", sort="relevance")["items"])
    assert "relevance" in {c["name"]: c for c in ranked.controls}["sort"]["options"]
    newest = screen(client, "/?q=water")
    assert newest.rows == [*quote_ids(store.quotes(q="water")["items"]), "lake-08", "lake-01"], "newest first"
    assert screen(client, "/?q=water&sort=relevance").rows[0] == ranked.rows[0]


def test_a_bad_sort_is_a_400_on_pages_and_in_the_api(client: TestClient) -> None:
    for path in ("/quotes?sort=loudest", "/events?sort=name", "/actors?sort=age", "/places?sort=quotes",
                 "/?q=lake&sort=random"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 400 and "sort" in response.text, path
    for path in ("/api/quotes?sort=loudest", "/api/quotes?sort=relevance", "/api/events?sort=relevance",
                 "/api/actors?sort=age", "/api/places?sort=-quotes", "/api/search?q=lake&sort=x",
                 "/api/articles?sort=y", "/api/export/quotes.csv?sort=z", "/api/export/network.gexf?sort=newest"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 400 and "sort" in response.json()["detail"], path


def test_the_api_sorts_pages_back_and_exports_in_the_order_of_the_view(
    client: TestClient, store: Store
) -> None:
    oldest = client.get("/api/quotes", params={"sort": "oldest", "limit": 100}).json()["items"]
    assert quote_ids(oldest) == quote_ids(store.quotes(sort="oldest", limit=100)["items"])
    exported = list(csv.DictReader(io.StringIO(client.get("/api/export/quotes.csv?sort=oldest").text)))
    assert [r["id"] for r in exported] == quote_ids(oldest), "an export of a sorted view keeps its order"
    ranked = client.get(
        "/api/export/quotes.jsonl", params={"q": "water", "sort": "relevance"}
    ).text.splitlines()
    assert WATER_MOST in ranked[0]
    entities = list(csv.DictReader(io.StringIO(client.get("/api/export/entities.csv?sort=name").text)))
    assert [r["id"] for r in entities] == [a["id"] for a in store.actors(sort="name")["items"]]
    events = client.get("/api/export/events.jsonl?sort=oldest").text.splitlines()
    assert len(events) == 18 and '"event_day": null' in events[0]
    first = client.get("/api/events", params={"limit": 5, "sort": "oldest"}).json()
    second = client.get(
        "/api/events", params={"limit": 5, "sort": "oldest", "cursor": first["next_cursor"]}
    ).json()
    back = client.get(
        "/api/events", params={"limit": 5, "sort": "oldest", "before": second["prev_cursor"]}
    ).json()
    assert first["prev_cursor"] is None and back["items"] == first["items"]
    search = client.get("/api/search", params={"q": "water", "sort": "relevance", "kinds": "quotes"}).json()
    assert WATER_MOST in search["items"][0]["text"] and "prev_cursor" in search
    for path in ("/api/actors?sort=-quotes", "/api/places?sort=name"):
        assert client.get(path).json()["items"], path


def test_the_speaker_facet_filters_by_actor_and_counts_what_it_lists(client: TestClient) -> None:
    speakers = screen(client, "/").facets["speaker"]
    mirrens = [e["href"] for e in speakers if e["text"] == "Mirren"]
    assert len(mirrens) == 2, "two actors named Mirren: two entries, one per actor"
    assert {dict(parse_qsl(urlsplit(h).query))["actor"] for h in mirrens} == {"person-mirren", "org-mirren"}
    for entry in speakers:
        assert set(parse_qsl(urlsplit(entry["href"]).query)) == {("actor", entry["href"].split("=")[1])}
        listed = screen(client, entry["href"])
        assert listed.total == int(entry["count"]), entry
        assert [c[0] for c in listed.chips] == [f"actor: {entry['text']} ×"]
        (on,) = [e for e in listed.facets["speaker"] if e["on"]]
        assert on["text"] == entry["text"] and on["href"] == "/", "clicking it again removes it"


def test_months_run_newest_first_and_a_month_is_one_chip(client: TestClient) -> None:
    for path in ("/", "/?q=lake"):
        months = [e["text"] for e in screen(client, path).facets["month"]]
        assert months == ["2025-04", "2025-03", "2025-02", "2025-01"], path
    (february,) = [e for e in screen(client, "/?q=lake").facets["month"] if e["text"] == "2025-02"]
    month = screen(client, february["href"])
    assert month.total == int(february["count"]) == 4
    assert [c[0] for c in month.chips] == ["month: 2025-02 ×"]
    assert dict(parse_qsl(urlsplit(month.chips[0][1]).query)) == {"q": "lake"}, "the chip removes both bounds"
    (active,) = [e for e in month.facets["month"] if e["on"]]
    assert active["text"] == "2025-02" and dict(parse_qsl(urlsplit(active["href"]).query)) == {"q": "lake"}
    days = screen(client, "/?date_from=2025-02-01&date_to=2025-02-28")
    assert [c[0] for c in days.chips] == ["month: 2025-02 ×"]
    assert [e["text"] for e in days.facets["month"] if e["on"]] == ["2025-02"]


def test_the_event_type_facet_counts_the_items_its_filter_lists(client: TestClient) -> None:
    for path, counted in (("/", "Quotes"), ("/?q=lake", "Quotes and articles")):
        response = client.get(path)
        assert f"{counted} whose article reports" in response.text and "listed, not events" in response.text
        entries = Screen(response.text).facets["event_type"]
        assert len(entries) == 3
        for entry in entries:
            assert screen(client, entry["href"]).total == int(entry["count"]), (path, entry)


def test_a_name_that_matches_nobody_says_so(client: TestClient) -> None:
    page = client.get("/quotes?actor=Nobody+Known")
    assert page.status_code == 200 and "No actor matches “Nobody Known”" in page.text
    assert Screen(page.text).rows == [] and Screen(page.text).total == 0
    assert "No place matches “Atlantis”" in client.get("/events?place=Atlantis").text

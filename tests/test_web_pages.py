"""The HTML pages through FastAPI's TestClient, over SQLite and PostgreSQL: real content on every page,
chart marks and counts that lead to exactly the sentences behind them, and hostile text that stays text."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from conftest import store_url
from dateline.store import Store, open_store
from dateline.web import create_app
from desk_records import XSS_ATTR, XSS_SCRIPT, desk_records, hostile_record

MARROW = "person-ilse-marrow"


class Page(HTMLParser):
    """What a browser's parser makes of the HTML: elements with their attributes, and the text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text_parts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def all(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]

    def links(self, cls: str) -> list[str]:
        return [
            str(a["href"]) for t, a in self.elements if t == "a" and cls in str(a.get("class", "")).split()
        ]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(store_url(request, tmp_path_factory.mktemp("pages")))
    opened.ingest([*desk_records(), hostile_record()])
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(base_url="http://127.0.0.1", app=create_app(store=store))


def page(client: TestClient, path: str, status: int = 200) -> Page:
    response = client.get(path)
    assert response.status_code == status, response.text[:500]
    if status == 200:
        assert response.headers["content-type"].startswith("text/html")
    return Page(response.text)


def items(parsed: Page) -> int:
    """How many sentences a list page shows."""
    return len([a for t, a in parsed.elements if t == "li" and "item" in str(a.get("class", "")).split()])


def test_every_page_shows_real_content(client: TestClient) -> None:
    expectations = {
        "/": ["Latest quotes", "We have agreed to reopen the port", "Speaker", "Month"],
        "/?q=road": ["Valdoria has a week to open the road", "Karesh threatens sanctions over grain"],
        "/articles": ["Marrow and Reyl meet in Oskel", "Aid agency appeals for convoy access"],
        "/articles/port-talks": ["Voices", "A diplomat who asked not to be named", "CONSULT"],
        "/actors": ["Ilse Marrow", "World Relief Agency"],
        f"/actors/{MARROW}": ["Foreign Minister", "Events as actor (4)", "Interacts most with", "Tomas Reyl"],
        "/quotes": ["Every day the road stays shut"],
        "/events": ["threatened sanctions", "CONSULT"],
        "/timeline": ["Events per day by type", "Quotes per day by source type", "THREATEN"],
        "/network": ["Actor network", "Karesh defence ministry", "THREATEN"],
        "/places": ["Oskel", "Brel"],
        "/errors": ["No errors."],
    }
    for path, phrases in expectations.items():
        text = page(client, path).text
        for phrase in phrases:
            assert phrase in text, f"{phrase!r} not on {path}"
    page(client, "/articles/no-such-article", 404)
    page(client, "/actors/person-nobody", 404)


def test_article_page_highlights_every_kind_with_a_legend_and_counts_voices(client: TestClient) -> None:
    parsed = page(client, "/articles/port-talks")
    classes = {c for _, a in parsed.elements for c in str(a.get("class", "")).split() if c.startswith("k-")}
    assert classes >= {"k-speaker", "k-quote", "k-cue", "k-entity", "k-event", "k-place", "k-date"}
    anchors = {a["id"] for a in parsed.all("a") if a.get("class") == "anchor"}
    assert {"q-Q1", "q-Q2", "q-Q3", "v-V1", "v-V2", "v-V3", "m-E1-0", "p-P1-0"} <= anchors
    legend = [a for t, a in parsed.elements if t == "div" and a.get("class") == "legend-box"]
    assert legend, "the colours are explained"
    text = re.sub(r"\s+", " ", parsed.text)
    assert re.search(r"named ?10 words ?43%", text) and re.search(r"anonymous ?13 words ?57%", text)
    assert "3 speakers, 3 quotes, 23 words quoted." in text
    # Every count of the voices panel leads to quotes on the page.
    hrefs = [str(a.get("href", "")) for a in parsed.all("a")]
    assert hrefs.count("#quotes") == 3
    assert {h for h in hrefs if h.startswith("#q-")} >= {"#q-Q1", "#q-Q2", "#q-Q3"}
    assert any(a.get("id") == "quotes" for t, a in parsed.elements if t == "h2")


def test_a_sentence_link_outlines_the_sentence_in_the_article(client: TestClient) -> None:
    quotes = page(client, f"/quotes?actor={MARROW}")
    (link,) = quotes.links("to-article")
    assert link.startswith("/articles/port-talks?hl=") and link.endswith("#q-Q1")
    article = client.get(link.split("#")[0]).text
    outlined = html.unescape(
        "".join(re.findall(r'<span class="hl[^"]*k-focus[^"]*"[^>]*>([^<]*)</span>', article))
    )
    assert outlined == '"We have agreed to reopen the port within a week," Marrow said after the meeting.'


def test_every_timeline_bar_leads_to_exactly_its_sentences(client: TestClient) -> None:
    response = client.get("/timeline")
    bars = re.findall(r'<a class="bar" href="([^"]+)"[^>]*>.*?<title>([^<]+)</title>', response.text)
    assert len(bars) == 8 + 5, "one bar piece per day and type: 8 for events, 5 for quotes"
    for href, title in bars:
        count = int(title.rsplit(": ", 1)[1])
        target = page(client, href.replace("&amp;", "&"))
        assert items(target) == count, (href, title)
        day = title.split(" · ")[0]
        assert day in target.text


def test_every_network_edge_leads_to_its_events(client: TestClient) -> None:
    response = client.get("/network")
    edges = re.findall(
        r'<a class="edge" href="([^"]+)".*?<text class="edge-count"[^>]*>(\d+)</text>', response.text
    )
    assert len(edges) == 5, "one arrow per actor -> recipient pair"
    for href, count in edges:
        target = page(client, href.replace("&amp;", "&"))
        assert items(target) == int(count), href
    marrow_reyl = page(client, f"/events?actor={MARROW}&recipient=person-tomas-reyl")
    assert {"CONSULT", "AGREE", "REJECT"} <= set(marrow_reyl.text.split())


def test_facets_and_actor_counts_filter_the_sentences(client: TestClient) -> None:
    home = page(client, "/")
    speaker_links = {a.get("href") for a in home.all("a") if "actor=person-tomas-reyl" in str(a.get("href"))}
    (href,) = speaker_links
    filtered = page(client, str(href))
    assert items(filtered) == 1 and "Valdoria has a week to open the road" in filtered.text
    anonymous = page(client, "/?source_type=anonymous_person")
    assert items(anonymous) == 2
    month = page(client, "/?date_from=2025-03&date_to=2025-03")
    assert items(month) == 7
    actor = page(client, f"/actors/{MARROW}")
    partner_links = [a["href"] for a in actor.all("a") if str(a.get("href", "")).startswith("/events?ids=")]
    assert partner_links
    assert items(page(client, str(partner_links[0]))) == 3, "Tomas Reyl: three shared events"


def test_hostile_text_is_shown_as_text_on_every_page(client: TestClient, store: Store) -> None:
    hostile = hostile_record()
    corp, mallory = (store.article(hostile.id) or {})["store"]["actors"].values()
    paths = [
        f"/articles/{quote(hostile.id, safe='')}", f"/actors/{quote(corp, safe='')}",
        f"/actors/{quote(mallory, safe='')}", "/?q=trust", "/", "/quotes", "/events", "/actors", "/articles",
        "/network", "/timeline", f"/quotes?actor={quote(mallory, safe='')}",
    ]  # fmt: skip
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        parsed = Page(response.text)
        assert not parsed.all("script"), f"a script element on {path}"
        for tag, attrs in parsed.elements:
            bad = [name for name in attrs if name.startswith("on")]
            assert not bad, f"{tag} with {bad} on {path}"
        assert XSS_SCRIPT not in response.text and 'onmouseover="alert' not in response.text
        assert XSS_SCRIPT in parsed.text or path in ("/timeline",), (
            f"the payload is not shown as text on {path}"
        )
    article = Page(client.get(paths[0]).text)
    assert f"Headline {XSS_SCRIPT}{XSS_ATTR}" in article.text
    assert f"Mallory{XSS_ATTR}" in article.text


def test_an_article_url_that_is_not_http_is_no_link(tmp_path: Path) -> None:
    record = desk_records()[2]
    record.url = "javascript:alert(1)"
    store = open_store(str(tmp_path / "js.db"))
    store.ingest([record])
    html = (
        TestClient(base_url="http://127.0.0.1", app=create_app(store=store))
        .get(f"/articles/{record.id}")
        .text
    )
    assert "javascript:" not in html
    store.close()


def test_page_errors_are_pages_and_api_errors_stay_json(client: TestClient) -> None:
    missing = client.get(f"/articles/{quote(XSS_SCRIPT, safe='')}")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert XSS_SCRIPT not in missing.text and XSS_SCRIPT in Page(missing.text).text
    bad = client.get("/quotes?cursor=not-a-cursor")
    assert bad.status_code == 400 and "invalid cursor" in Page(bad.text).text
    api = client.get("/api/articles/nope")
    assert api.status_code == 404 and api.json() == {"detail": "no article 'nope'"}


def test_the_search_form_takes_a_date_range_and_refuses_a_non_date(client: TestClient) -> None:
    one_day = page(client, "/?date_from=2025-03-11&date_to=2025-03-11")
    assert items(one_day) == 1 and "Valdoria has a week to open the road" in one_day.text
    assert {"date_from", "date_to"} <= {a.get("name") for a in one_day.all("input")}
    bad = client.get("/?date_from=last+week")
    assert bad.status_code == 400 and "YYYY-MM-DD" in Page(bad.text).text


def test_a_place_count_lists_the_articles_behind_it(client: TestClient) -> None:
    places = page(client, "/places")
    (href,) = [a["href"] for a in places.all("a") if str(a.get("href", "")).startswith("/articles?ids=")][:1]
    listed = page(client, str(href))
    assert {"Marrow and Reyl meet in Oskel", "Aid agency appeals for convoy access"} <= {
        line.strip() for line in listed.text.splitlines()
    }


def test_the_search_page_says_when_facets_counted_only_the_latest_matches(
    client: TestClient, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "Facets count the latest" not in page(client, "/").text
    partial = (
        {"source_type": [["named_person", 5000]]},
        {"quotes": 5000, "articles": 0, "limit": 5000, "complete": False},
    )
    monkeypatch.setattr(store, "facets_with_scope", lambda *args, **kwargs: partial)
    assert "Facets count the latest 5000 matches of each kind." in page(client, "/").text


def test_the_desk_shows_each_real_actor_once_with_its_aliases(summit_client: TestClient) -> None:
    listed = page(summit_client, "/actors")
    actor_links = [str(a["href"]) for a in listed.all("a") if str(a.get("href", "")).startswith("/actors/")]
    assert sorted(actor_links) == ["/actors/gpe-united-states", "/actors/person-seren-balkir-ozdal"]
    assert "Seren Balkır Özdal" in listed.text and "People" not in listed.text
    moved = summit_client.get("/actors/person-ozdal", follow_redirects=False)
    assert moved.status_code == 301 and moved.headers["location"] == "/actors/person-seren-balkir-ozdal"
    actor = page(summit_client, "/actors/person-seren-balkir-ozdal")
    assert "Also named: Ozdal" in " ".join(actor.text.split())
    country = page(summit_client, "/actors/gpe-united-states")
    assert "America" in country.text and "Washington" in country.text
    network = page(summit_client, "/network")
    node_links = {str(a["href"]) for a in network.all("a") if str(a.get("href", "")).startswith("/actors/")}
    assert node_links == {"/actors/gpe-united-states", "/actors/person-seren-balkir-ozdal"}


def test_the_speaker_facet_shows_unresolved_speakers_unlinked_and_no_pronoun(
    summit_client: TestClient,
) -> None:
    home = page(summit_client, "/")
    response = summit_client.get("/")
    facet = response.text.split('data-facet="speaker"', 1)[1].split("</ul>", 1)[0]
    values = re.findall(r">([^<>]+)</(?:a|span)> <span class=\"count\">(\d+)<", facet)
    assert dict(values) == {"Seren Balkır Özdal": "1", "unresolved": "1"}
    assert "actor=person-seren-balkir-ozdal" in facet and "unresolved</a>" not in facet
    assert "Nobody listens" in home.text and "the talks were over" in home.text


def _export_rows(client: TestClient, parsed: Page, name: str) -> list[dict[str, str]]:
    """The rows behind the page's export link to ``name`` (CSV)."""
    (href,) = [a["href"] for a in parsed.all("a") if (a.get("href") or "").startswith(f"/api/export/{name}")]
    response = client.get(str(href))
    assert response.status_code == 200, response.text
    return list(csv.DictReader(io.StringIO(response.text)))


def test_every_list_exports_what_it_shows(client: TestClient) -> None:
    quotes = page(client, "/quotes?q=road")
    assert 0 < items(quotes) < items(page(client, "/quotes"))
    assert len(_export_rows(client, quotes, "quotes.csv")) == items(quotes)
    search = page(client, "/?q=road")
    assert len(_export_rows(client, search, "quotes.csv")) == items(quotes)
    events = page(client, "/events?event_type=CONSULT")
    assert {r["type"] for r in _export_rows(client, events, "events.csv")} == {"CONSULT"}
    actors = page(client, "/actors?q=marrow&type=PERSON")
    assert [r["name"] for r in _export_rows(client, actors, "entities.csv")] == ["Ilse Marrow"]

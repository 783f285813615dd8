"""The map: a world drawn offline from the shipped outlines, one linked circle per place with
coordinates, a table of the same places, filters that change the counts, type colours that never
move, small maps on the actor, article and place pages; and the build script's TopoJSON decoding."""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import store_url
from dateline.model import EVENT_TYPES
from dateline.store import Store, open_store
from dateline.web import create_app
from dateline.web.charts import EVENT_COLOURS
from dateline.web.maps import WORLD, View, countries, view_around, world_map
from desk_records import XSS_SCRIPT, desk_records, hostile_record
from map_records import EVIL_KEY, EVIL_PLACE, geneva_round

ROOT = Path(__file__).resolve().parent.parent
MARROW = "person-ilse-marrow"
PLACES = {"n-oskel": "Oskel", "n-brel": "Brel", "n-geneva": "Geneva", EVIL_KEY: EVIL_PLACE}


class Html(HTMLParser):
    """Elements with their attributes, the text, and the text of each element's own ``<title>``."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.parts: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def all(self, tag: str, cls: str | None = None) -> list[dict[str, str]]:
        return [
            a for t, a in self.elements if t == tag and (cls is None or cls in a.get("class", "").split())
        ]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(store_url(request, tmp_path_factory.mktemp("map")))
    opened.ingest([*desk_records(), hostile_record(), geneva_round()])
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(base_url="http://127.0.0.1", app=create_app(store=store))


def get(client: TestClient, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, (path, response.text[:400])
    return response.text


def circles(html: str) -> dict[str, dict[str, Any]]:
    """Each place circle of a page's map: key -> its href, type, fill, position, radius and title."""
    found = re.findall(
        r'<a class="place" href="([^"]*)" aria-label="[^"]*" data-id="([^"]*)" data-type="([^"]*)"><circle cx="([\d.-]+)"'
        r' cy="([\d.-]+)" r="([\d.]+)" fill="([^"]+)"/><title>([^<]*)</title></a>',
        html,
    )
    return {
        unescape(key): {"href": unescape(href), "type": typ, "fill": fill, "x": float(x), "y": float(y),
                        "r": float(r), "title": unescape(title)}
        for href, key, typ, x, y, r, fill, title in found
    }  # fmt: skip


def title_counts(title: str) -> tuple[int, int]:
    """(events, quotes) from a circle's title: "Oskel: 2 events (AID 1, CONSULT 1), 1 quote"."""
    events = re.search(r"(\d+) events?\b", title)
    quotes = re.search(r"(\d+) quotes?$", title)
    assert events and quotes, title
    return int(events.group(1)), int(quotes.group(1))


def listed_sentences(html: str) -> list[str]:
    """The sentences of the items a page lists (quotes and events)."""
    return [
        unescape(re.sub(r"<[^>]+>", "", s))
        for s in re.findall(r'<div class="sentence">(.*?)</div>', html, re.S)
    ]


def test_the_map_draws_the_world_and_one_circle_per_place_with_coordinates(client: TestClient) -> None:
    html = get(client, "/map")
    parsed = Html(html)
    (svg,) = parsed.all("svg", "map")
    assert (
        svg["role"] == "group" and svg["aria-label"] and svg["viewbox"] == f"0 0 {WORLD.width} {WORLD.height}"
    )
    assert "<title>Places of events and quotes</title>" in html
    assert len(parsed.all("path")) > 150, "the country outlines"
    drawn = circles(html)
    assert set(drawn) == set(PLACES), "Narn has no coordinates: no circle"
    for key, circle in drawn.items():
        assert 0 <= circle["x"] <= WORLD.width and 0 <= circle["y"] <= WORLD.height, key
        assert circle["title"].startswith(PLACES[key])
    oskel, geneva = drawn["n-oskel"], drawn["n-geneva"]
    assert (round(oskel["x"], 1), round(oskel["y"], 1)) == tuple(round(v, 1) for v in WORLD.xy(21.3, 44.1))
    assert geneva["x"] < oskel["x"], "Geneva lies west of Oskel"
    assert drawn[EVIL_KEY]["y"] > oskel["y"], "and the southern town below both"
    assert oskel["r"] > geneva["r"] > drawn["n-brel"]["r"], "area by count: 3 > 2 > 1 sentences"
    assert oskel["title"] == "Oskel: 2 events (AID 1, CONSULT 1), 1 quote"
    nav = {a["href"] for a in parsed.all("a") if a.get("href") in ("/map", "/places")}
    assert nav == {"/map", "/places"}, "both are in the navigation"


def test_the_map_needs_nothing_from_outside(client: TestClient) -> None:
    parsed = Html(get(client, "/map"))
    assert not parsed.all("script") and not parsed.all("img") and not parsed.all("iframe")
    outside = [
        a for _, a in parsed.elements for k in ("href", "src") if a.get(k, "").startswith(("http", "//"))
    ]
    assert outside == []


def test_every_circle_leads_to_exactly_its_places_sentences(client: TestClient) -> None:
    for key, circle in circles(get(client, "/map")).items():
        events, quotes = title_counts(circle["title"])
        target = get(client, circle["href"])
        sentences = listed_sentences(target)
        assert len(sentences) == events + quotes, key
        assert all(PLACES[key] in s for s in sentences), (key, sentences)
        headings = unescape(target)
        assert f"Events here ({events})" in headings and f"Quotes that name it ({quotes})" in headings


def test_the_table_beside_the_map_lists_the_same_places_and_links(client: TestClient) -> None:
    html = get(client, "/map")
    assert 'aria-label="the places on the map"' in html
    drawn = circles(html)
    rows = re.findall(r'<tr data-id="([^"]*)">(.*?)</tr>', html, re.S)
    assert sorted(unescape(k) for k, _ in rows) == sorted(drawn)
    for key, row in rows:
        circle = drawn[unescape(key)]
        (place_href,) = re.findall(r'<a class="to-place" href="([^"]*)"', row)
        assert unescape(place_href) == circle["href"], "the same link as the circle"
        (_, events), (_, quotes) = numbers = re.findall(r'<td class="num">(?:<a href="([^"]*)">)?(\d+)', row)
        assert (int(events), int(quotes)) == title_counts(circle["title"])
        for href, count in numbers:
            if href:  # a count links to exactly its sentences
                assert len(listed_sentences(get(client, unescape(href)))) == int(count)
            else:
                assert count == "0"


def test_filters_change_the_counts(client: TestClient) -> None:
    everything = circles(get(client, "/map"))
    consult = circles(get(client, "/map?event_type=CONSULT"))
    assert set(consult) == {"n-oskel", "n-geneva"}
    assert title_counts(consult["n-oskel"]["title"]) == (1, 0) != title_counts(everything["n-oskel"]["title"])
    assert "event_type=CONSULT" in consult["n-oskel"]["href"], "the circle keeps the filter"
    assert len(listed_sentences(get(client, consult["n-oskel"]["href"]))) == 1
    april = circles(get(client, "/map?date_from=2025-04-01&date_to=2025-04-30"))
    assert set(april) == {"n-geneva", EVIL_KEY}
    swiss = get(client, "/map?country=CHE")
    assert set(circles(swiss)) == {"n-geneva", EVIL_KEY}
    assert re.search(r'<path class="on" d="[^"]+"><title>Switzerland</title>', swiss), "the country is shaded"
    marrow = circles(get(client, f"/map?actor={MARROW}"))
    assert {k: title_counts(c["title"]) for k, c in marrow.items()} == {"n-oskel": (1, 0), "n-geneva": (1, 1)}
    get(client, "/map?date_from=soon", 400)
    get(client, "/map?event_type=NOPE", 400)
    assert "No places match these filters." in get(client, "/map?event_type=SANCTION")


def test_a_types_colour_is_the_same_with_and_without_a_filter(client: TestClient) -> None:
    everything = circles(get(client, "/map"))
    assert everything["n-oskel"]["type"] == "AID", "a tie goes to the first type by name"
    brel = everything["n-brel"]
    assert brel["type"] == "" and brel["fill"] == "#ffffff", "named in quotes only: hollow"
    filtered = circles(get(client, "/map?event_type=CONSULT"))
    assert filtered["n-oskel"]["type"] == "CONSULT"
    seen: dict[str, set[str]] = {}
    for drawn in (everything, filtered, circles(get(client, "/map?country=CHE"))):
        for circle in drawn.values():
            seen.setdefault(circle["type"], set()).add(circle["fill"])
    assert all(len(fills) == 1 for fills in seen.values()), seen
    assert seen["CONSULT"] == {EVENT_COLOURS["CONSULT"]} and seen["AID"] == {EVENT_COLOURS["AID"]}
    # The timeline gives every event type the same colour, whatever its filter leaves.
    for path in ("/timeline", "/timeline?event_type=CONSULT", "/network"):
        bars = re.findall(r'data-type="([A-Z]+)"[^>]*><rect [^>]*fill="([^"]+)"', get(client, path))
        assert all(EVENT_COLOURS[t] == fill for t, fill in bars), path
    assert len(set(EVENT_COLOURS.values())) == len(EVENT_TYPES), "sixteen types, sixteen colours"


def test_the_actor_page_holds_a_small_map_of_its_places(client: TestClient) -> None:
    html = get(client, f"/actors/{MARROW}")
    (svg,) = Html(html).all("svg", "small")
    assert "map" in svg["class"] and svg["aria-label"] == "Places of Ilse Marrow's events and quotes"
    drawn = circles(html)
    assert set(drawn) == {"n-oskel", "n-geneva"}
    for key, circle in drawn.items():
        assert f"actor={MARROW}" in circle["href"]
        sentences = listed_sentences(get(client, circle["href"]))
        assert sentences and all(PLACES[key] in s for s in sentences)
    assert f'href="/map?actor={MARROW}"' in html


def test_the_article_page_holds_a_small_map_of_its_places(client: TestClient) -> None:
    html = get(client, "/articles/geneva-round")
    (svg,) = Html(html).all("svg", "small")
    assert svg["aria-label"] == "The article's places"
    drawn = circles(html)
    assert set(drawn) == {"P1", "P2"}, "Narn has no coordinates"
    assert drawn["P1"]["href"] == "#p-P1-0" and 'id="p-P1-0"' in html, "to the first mention in the text"
    assert drawn["P1"]["title"] == "Geneva: 3 mentions; events CONSULT 1"
    assert drawn["P1"]["fill"] == EVENT_COLOURS["CONSULT"]
    assert 'href="/places/n-geneva"' in html, "the places table links each place's page"
    no_places = get(client, "/articles/grain-sanctions")
    assert set(circles(no_places)) == {"P1"}
    assert 'class="chart map small"' not in get(client, f"/articles/{'hostile%3Cb%3E'}")


def test_the_place_page_and_its_404(client: TestClient) -> None:
    html = get(client, "/places/n-oskel")
    assert "<h1>Oskel</h1>" in html and 'class="chart map small"' in html
    assert "Events here (2)" in html and "Quotes that name it (1)" in html
    narn = get(client, "/places/n-narn")
    assert "No coordinates." in narn and "Events here (0)" in narn
    get(client, "/places/n-nowhere", 404)
    places = get(client, "/places")
    assert 'href="/places/n-oskel"' in places and 'href="/map"' in places


def test_the_event_and_quote_lists_take_the_place_filter(client: TestClient) -> None:
    events = get(client, "/events?place=n-oskel")
    assert len(listed_sentences(events)) == 2 and "place: Oskel" in events, "the chip names the place"
    assert "place=n-oskel" in re.search(r'href="(/api/export/events.csv[^"]*)"', events).group(1)  # type: ignore[union-attr]
    quotes = get(client, "/quotes?place=n-brel")
    assert listed_sentences(quotes) == [
        '"Valdoria has a week to open the road," Tomas Reyl told reporters in Brel.'
    ]
    assert len(re.findall(r'class="item article"', get(client, "/articles?place=n-oskel"))) == 2


def test_the_api_serves_the_map_and_the_place_filter(client: TestClient, store: Store) -> None:
    assert client.get("/api/map").json() == store.place_counts()
    assert client.get("/api/map?event_type=CONSULT").json() == store.place_counts(event_type="CONSULT")
    events = client.get("/api/events?place=n-oskel").json()["items"]
    assert [e["place"]["name"] for e in events] == ["Oskel", "Oskel"]
    assert len(client.get("/api/quotes?place=n-geneva").json()["items"]) == 1
    assert client.get("/api/places/n-geneva").json()["country"] == "CHE"
    assert client.get("/api/places/n-nowhere").status_code == 404
    export = client.get("/api/export/events.jsonl?place=n-oskel").text.strip().splitlines()
    assert len(export) == 2


def test_a_hostile_place_name_stays_text(client: TestClient) -> None:
    for path in ("/map", f"/places/{EVIL_KEY}", "/articles/geneva-round", "/events?place=" + EVIL_KEY):
        html = get(client, path)
        parsed = Html(html)
        assert not parsed.all("script"), path
        assert XSS_SCRIPT not in html, path
        assert EVIL_PLACE in parsed.text or EVIL_PLACE in unescape(html), path


# ---- drawing and data --------------------------------------------------------------------------


def test_the_shipped_outlines_are_the_natural_earth_countries() -> None:
    data = json.loads((ROOT / "src" / "dateline" / "data" / "world_110m.json").read_text())
    assert data["source"] == {"package": "world-atlas", "version": "2.0.2", "file": "countries-110m.json",
                              "url": "https://registry.npmjs.org/world-atlas/-/world-atlas-2.0.2.tgz"}  # fmt: skip
    assert "Natural Earth" in data["about"] and "public domain" in data["about"]
    shapes = countries()
    assert len(shapes) == 177
    by_code = {c.code: c for c in shapes if c.code}
    switzerland = by_code["CHE"]
    assert (
        5.9 <= switzerland.west < switzerland.east <= 10.6
        and 45.7 <= switzerland.south < switzerland.north <= 47.9
    )
    for country in shapes:
        assert -180 <= country.west <= country.east <= 180, country.name
    fiji = by_code["FJI"]
    assert fiji.west == -180 and fiji.east == 180, "cut at the antimeridian: drawn at both edges"
    assert "NOTICE" in data["about"] and "world-atlas" in (ROOT / "NOTICE").read_text()


def test_a_framed_view_keeps_its_places_inside_and_the_page_light() -> None:
    view = view_around([(6.15, 46.2), (21.3, 44.1)])
    for lon, lat in ((6.15, 46.2), (21.3, 44.1)):
        x, y = view.xy(lon, lat)
        assert 20 < x < view.width - 20 and 20 < y < view.height - 20
    assert view.height == view.width // 2
    world = world_map([], "empty")
    assert len(world) < 60_000, "the world's outlines, rounded to the drawing's units"
    small = world_map([], "Balkans", view)
    assert len(small) < len(world) / 3, "a framed map draws the countries it shows only"
    assert view_around([]) == View(-180.0, -58.0, 180.0, 84.0, 480)


def build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_world_map", ROOT / "scripts" / "build_world_map.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_script_decodes_quantized_delta_encoded_topojson() -> None:
    script = build_script()
    # Two arcs around a unit square in a 10x10 grid: arc 0 runs along the bottom and up the right
    # side, arc 1 back along the top and down the left; ~1 walks arc 1 backwards (the neighbour's ring).
    topology = {
        "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
        "arcs": [[[0, 0], [2, 0], [0, 4]], [[2, 4], [-2, 0], [0, -4]]],
        "objects": {"countries": {"geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "id": "756", "properties": {"name": "Square"}},
            {"type": "MultiPolygon", "arcs": [[[~1]]], "id": None, "properties": {"name": "Half"}},
            {"type": None, "id": "999", "properties": {"name": "Nothing"}},
        ]}},
    }  # fmt: skip
    arcs = script.decoded_arcs(topology)
    assert arcs[0] == [[10.0, 20.0], [11.0, 20.0], [11.0, 21.0]]
    assert arcs[1] == [[11.0, 21.0], [10.0, 21.0], [10.0, 20.0]]
    assert script.ring([0, 1], arcs) == [[10, 20], [11, 20], [11, 21], [10, 21], [10, 20]]
    assert script.ring([~1], arcs) == [[10, 20], [10, 21], [11, 21]]
    built = script.countries(topology)
    assert [(c["name"], c["id"], c["code"]) for c in built] == [("Square", "756", "CHE")]
    assert built[0]["rings"] == [[[10.0, 20.0], [11.0, 20.0], [11.0, 21.0], [10.0, 21.0], [10.0, 20.0]]]


def test_the_build_script_cuts_a_ring_across_the_antimeridian() -> None:
    script = build_script()
    island = [[179.0, -16.0], [-179.0, -16.0], [-179.0, -17.0], [179.0, -17.0], [179.0, -16.0]]
    west, east = script.flat_rings(island)
    assert min(p[0] for p in west) == 179.0 and max(p[0] for p in west) == 180.0
    assert min(p[0] for p in east) == -180.0 and max(p[0] for p in east) == -179.0
    pole = [[-180.0, -80.0], [0.0, -70.0], [180.0, -80.0], [180.0, -90.0], [-180.0, -90.0], [-180.0, -80.0]]
    assert script.flat_rings(pole) == [pole], "a ring around the pole is left whole"

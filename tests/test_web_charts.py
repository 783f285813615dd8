"""The readable charts: the network laid out by force with a fixed seed (the same picture for the same
data, no circle over another, no name over another, everything inside the drawing), its thresholds,
the timeline's dense date range with its "show all", the tables that give each chart's numbers, and
chart links a keyboard and a screen reader can reach."""

from __future__ import annotations

import hashlib
import os
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dateline.model import EVENT_TYPES, Record
from dateline.store import Store, open_store
from dateline.web import create_app
from dateline.web.chart_views import TimelineLinks, dense_window, timeline_view
from dateline.web.charts import event_colours, network_graph
from dateline.web.network_layout import COUNT_FONT, FONT, Box, text_box
from desk_records import Story, desk_records, hostile_record

SVG = "{http://www.w3.org/2000/svg}"
HERE = Path(__file__).resolve().parent
MARROW, REYL = "person-ilse-marrow", "person-tomas-reyl"


# ---- a crowded graph, the same for every run ---------------------------------------------------


def crowd(n: int = 40, m: int = 70, seed: int = 7) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``n`` actors with names from one word to over thirty characters, busy ones linked more often."""
    rnd = random.Random(seed)
    parts = ["val", "dor", "ia", "ka", "resh", "mar", "row", "rey", "os", "kel", "brel", "ilse", "to", "mas"]

    def name() -> str:
        words = (
            "".join(rnd.choice(parts) for _ in range(rnd.randint(1, 4))) for _ in range(rnd.randint(1, 5))
        )
        return " ".join(w.capitalize() for w in words)

    nodes: list[dict[str, Any]] = sorted(({"id": f"a{i}", "name": name(), "count": rnd.randint(1, 80)} for i in range(n)),
                   key=lambda x: (-x["count"], x["id"]))  # fmt: skip
    edges = []
    for _ in range(m):
        a, b = (min(rnd.randrange(n), rnd.randrange(n)) for _ in range(2))
        if a != b:
            edges.append({"source": nodes[a]["id"], "target": nodes[b]["id"], "type": rnd.choice(EVENT_TYPES),
                          "count": rnd.randint(1, 12)})  # fmt: skip
    return nodes, edges


def crowd_svg(n: int = 40, m: int = 70, seed: int = 7) -> str:
    nodes, edges = crowd(n, m, seed)
    colours = event_colours(e["type"] for e in edges)
    markup = network_graph(nodes, edges, lambda i: f"/actors/{i}", lambda s, t: f"/events?actor={s}&recipient={t}",
                           colours)  # fmt: skip
    return str(markup).split('<ul class="legend">')[0]


GRAPHS = [
    (40, 70, 7),
    (40, 30, 11),
    (60, 120, 3),
    (100, 160, 5),
]  # dense, sparse (in parts), crowded, the most


def drawing(svg: str) -> tuple[ET.Element, float, float]:
    root = ET.fromstring(svg)
    _, _, width, height = (float(v) for v in str(root.get("viewBox")).split())
    return root, width, height


def text_boxes(root: ET.Element) -> list[tuple[str, Box]]:
    """Every text on the network drawing, with the room it takes (names at FONT, bold counts at COUNT_FONT)."""
    boxes = []
    for text in root.iter(f"{SVG}text"):
        count = text.get("class") == "edge-count"
        x, y, anchor = float(text.get("x", 0)), float(text.get("y", 0)), text.get("text-anchor", "start")
        box = text_box(text.text or "", x, y, anchor, COUNT_FONT if count else FONT, bold=count)
        boxes.append((text.text or "", box))
    return boxes


# ---- the layout ----------------------------------------------------------------------------------


def test_the_same_graph_always_gives_the_same_picture() -> None:
    assert crowd_svg() == crowd_svg()
    nodes, edges = crowd()
    shuffled = random.Random(1).sample(edges, len(edges))  # the store's order of equal edges may vary
    colours = event_colours(e["type"] for e in edges)
    again = [str(network_graph(nodes, e, lambda i: f"/actors/{i}", lambda s, t: f"/events?actor={s}&recipient={t}",
                               colours)).split('<ul class="legend">')[0] for e in (edges, shuffled)]  # fmt: skip
    assert again[0] == again[1] == crowd_svg()
    # Nor may the picture depend on the process: hash seeds change set orders from run to run.
    code = "import hashlib, sys; sys.path.insert(0, sys.argv[1]); from test_web_charts import crowd_svg; " \
           "print(hashlib.sha256(crowd_svg().encode()).hexdigest())"  # fmt: skip
    digests = {
        subprocess.run([sys.executable, "-c", code, str(HERE)], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip()
        for seed in ("1", "2")
    }  # fmt: skip
    assert digests == {hashlib.sha256(crowd_svg().encode()).hexdigest()}


@pytest.mark.parametrize("graph", GRAPHS)
def test_no_circle_overlaps_another_and_every_node_is_inside_the_drawing(graph: tuple[int, int, int]) -> None:
    root, width, height = drawing(crowd_svg(*graph))
    circles = [
        (float(c.get("cx", 0)), float(c.get("cy", 0)), float(c.get("r", 0)))
        for c in root.iter(f"{SVG}circle")
    ]
    drawn = {a.get("data-id") for a in root.iter(f"{SVG}a") if a.get("class") == "node"}
    assert len(circles) == len(drawn) > 20
    for x, y, r in circles:
        assert r > 0 and r <= x <= width - r and r <= y <= height - r, (x, y, r)
    for (x1, y1, r1), (x2, y2, r2) in combinations(circles, 2):
        # 0.15: the coordinates are written to one decimal
        assert (x1 - x2) ** 2 + (y1 - y2) ** 2 >= (r1 + r2 - 0.15) ** 2, ((x1, y1, r1), (x2, y2, r2))


@pytest.mark.parametrize("graph", GRAPHS)
def test_no_two_drawn_labels_intersect_and_all_are_inside(graph: tuple[int, int, int]) -> None:
    root, width, height = drawing(crowd_svg(*graph))
    boxes = text_boxes(root)
    names = [t for t in root.iter(f"{SVG}text") if t.get("class") != "edge-count"]
    assert len(names) >= 20, "most actors are named on the drawing"
    for text, box in boxes:
        assert box.within(width, height), (text, box)
    for (text_a, a), (text_b, b) in combinations(boxes, 2):
        assert not a.hits(b), f"{text_a!r} {a} overlaps {text_b!r} {b}"
    # A name left off the drawing still has its tooltip and its link's name.
    for link in (a for a in root.iter(f"{SVG}a") if a.get("class") == "node"):
        title = link.find(f"{SVG}title")
        assert (
            title is not None
            and title.text
            and str(link.get("aria-label", "")).startswith(title.text.split(":")[0])
        )


def test_labels_do_not_overlap_as_a_browser_draws_them() -> None:
    """The same check with the glyphs chromium really draws (getBBox), where chromium is installed."""
    from browser_support import CHROMIUM, launched_chromium

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing")
    sync_api = pytest.importorskip("playwright.sync_api")
    css = (HERE.parent / "src/dateline/web/static/desk.css").read_text()
    with launched_chromium(sync_api) as browser:
        page = browser.new_page()
        for graph in GRAPHS:
            page.set_content(
                f"<html><head><style>{css}</style></head><body>{crowd_svg(*graph)}</body></html>"
            )
            boxes = page.evaluate(
                "() => [...document.querySelectorAll('svg.network text')].map(t => { const b = t.getBBox();"
                " return [t.textContent, b.x, b.y, b.x + b.width, b.y + b.height]; })"
            )
            for a, b in combinations(boxes, 2):
                assert not (a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]), (graph, a, b)


def test_a_graph_of_two_and_of_one_actor_is_drawn_inside() -> None:
    nodes = [{"id": "1", "name": "Velt", "count": 3}, {"id": "2", "name": "Ruk", "count": 1}]
    pair = [{"source": "1", "target": "2", "type": "CONSULT", "count": 2}]
    for shown in (nodes, nodes[:1]):
        root, width, height = drawing(
            str(network_graph(shown, pair, str, lambda s, t: "/e", event_colours(["CONSULT"]))).split("<ul")[
                0
            ]
        )
        for c in root.iter(f"{SVG}circle"):
            x, y, r = (float(c.get(k, 0)) for k in ("cx", "cy", "r"))
            assert r <= x <= width - r and r <= y <= height - r


# ---- the pages -------------------------------------------------------------------------------------


def notes_record() -> Record:
    """Seven quotes of no known source type on 2025-03-12: the timeline's "unknown" piece."""
    lines = ["one", "another", "a third", "a fourth", "a fifth", "a sixth", "a seventh"]
    text = "Convoy notes\n" + "".join(
        f'"The convoys will move {i}," {who} note said.\n' for i, who in enumerate(lines)
    )
    s = Story("convoy-notes", "Convoy notes", "2025-03-12", "Harbour Wire", text)
    for i, who in enumerate(lines):
        s.quote("direct", f"{who} note", None, "said", [f"The convoys will move {i},"], None)  # type: ignore[arg-type]
    return s.record


def stray_record() -> Record:
    """One event in 1997: the stray date that used to flatten the timeline into a strip."""
    s = Story(
        "archive-1997", "Archive", "1997-05-02", "Old Wire", "Archive\nThe agency sent food to Oskel.\n"
    )
    agency = s.entity("World Relief Agency", "ORG", ["The agency"], "IGO")
    s.event("AID", "sent food", [agency], [], day="1997-05-02")
    return s.record


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(str(tmp_path_factory.mktemp("charts") / "desk.db"))
    opened.ingest([*desk_records(), hostile_record(), notes_record(), stray_record()])
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(base_url="http://127.0.0.1", app=create_app(store=store))


class Marks(HTMLParser):
    """Elements with their attributes, the text inside each, and whether they sit inside an <svg>."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict[str, Any]] = []
        self.open: list[dict[str, Any]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, tag not in ("input", "br", "meta", "link", "img", "hr", "wbr", "source"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, False)  # <path .../>: nothing inside

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], opens: bool) -> None:
        svg = next((e for e in reversed(self.open) if e["tag"] == "svg"), None)
        element: dict[str, Any] = {"tag": tag, "attrs": dict(attrs), "text": "", "svg": svg, "children": []}
        if self.open:
            self.open[-1]["children"].append(element)
        self.elements.append(element)
        if opens:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.open.pop()["tag"] == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element["text"] += data

    def find(self, tag: str, cls: str | None = None, **attrs: str) -> list[dict[str, Any]]:
        return [
            e for e in self.elements if e["tag"] == tag
            and (cls is None or cls in str(e["attrs"].get("class", "")).split())
            and all(e["attrs"].get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]  # fmt: skip


def marks(client: TestClient, path: str) -> Marks:
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    return Marks(response.text)


def bar_pieces(page: Marks, chart: str) -> set[tuple[str, str, int, str | None]]:
    """(period, type, count, link) of every piece of one chart (linked or not)."""
    box = page.find("div", id=chart)[0]
    inside = [e for e in page.elements if e["svg"] is not None and _within(e, box)]
    return {
        (e["attrs"]["data-label"], e["attrs"]["data-type"], int(e["attrs"]["data-count"]), e["attrs"].get("href"))
        for e in inside if "bar" in str(e["attrs"].get("class", "")).split()
    }  # fmt: skip


def _within(element: dict[str, Any], box: dict[str, Any]) -> bool:
    stack = list(box["children"])
    while stack:
        child = stack.pop()
        if child is element:
            return True
        stack.extend(child["children"])
    return False


def table_rows(page: Marks, table: str) -> set[tuple[str, str, int, str | None]]:
    rows = set()
    for tr in page.find("tr"):
        if not _within(tr, page.find("table", id=table)[0]) or "data-period" not in tr["attrs"]:
            continue
        count_cell = [c for c in tr["children"] if c["tag"] == "td"][-1]
        links = [c for c in count_cell["children"] if c["tag"] == "a"]
        rows.add((tr["attrs"]["data-period"], tr["attrs"]["data-type"], int(count_cell["text"]),
                  links[0]["attrs"]["href"] if links else None))  # fmt: skip
    return rows


def test_the_timeline_opens_on_the_dense_range_and_show_all_shows_the_stray(client: TestClient) -> None:
    rows = client.get("/api/timeline").json()
    assert any(r["day"].startswith("1997") for r in rows), "the stray is in the data"
    stray = sum(r["count"] for r in rows if r["day"].startswith("1997"))
    assert stray / sum(r["count"] for r in rows) <= 0.05, "one item in twenty or fewer lies outside"
    page = marks(client, "/timeline")
    pieces = bar_pieces(page, "events-chart") | bar_pieces(page, "quotes-chart")
    assert pieces and not any(p[0].startswith("1997") for p in pieces)
    assert all(len(p[0]) == 10 for p in pieces), "three days of news are drawn day by day, not per month"
    note = page.find("p", id="range-note")[0]["text"]
    assert re.search(r"Showing 2025-03-10 to 2025-03-12, where 9\d% of the \d+ dated items fall", note), note
    inputs = {i["attrs"]["name"]: i["attrs"] for i in page.find("input") if i["attrs"].get("type") == "date"}
    assert inputs["date_from"]["value"] == "2025-03-10" and inputs["date_to"]["value"] == "2025-03-12"
    (show_all,) = {a["attrs"]["href"] for a in page.find("a", "show-all")}
    everything = marks(client, show_all)
    labels = {p[0] for p in bar_pieces(everything, "events-chart")}
    assert "1997-05" in labels and "2025-03" in labels, "every date, per month"
    assert "Showing every date, 1997-05-02 to 2025-03-12" in everything.find("p", id="range-note")[0]["text"]
    assert everything.find("a", "show-dense"), "and a way back to the dense range"


def test_dates_asked_for_are_shown_as_asked_and_a_month_zooms_in(client: TestClient) -> None:
    page = marks(client, "/timeline?all=1")
    zooms = {r["attrs"]["href"] for r in page.find("a", "zoom")}
    assert "/timeline?date_from=1997-05&date_to=1997-05" in zooms
    month = marks(client, "/timeline?date_from=1997-05&date_to=1997-05")
    assert {p[0] for p in bar_pieces(month, "events-chart")} == {"1997-05-02"}
    assert "Showing 1997-05-01 to 1997-05-31" in month.find("p", id="range-note")[0]["text"]


def test_each_timeline_table_lists_exactly_the_bars_of_its_chart(client: TestClient) -> None:
    for path in ("/timeline", "/timeline?all=1", "/timeline?event_type=ACCUSE"):
        page = marks(client, path)
        for chart, table in (("events-chart", "events-table"), ("quotes-chart", "quotes-table")):
            pieces = bar_pieces(page, chart)
            assert pieces == table_rows(page, table), (path, chart)
        heading = sum(p[2] for p in bar_pieces(page, "events-chart"))
        assert f"Events by type ({heading})" in re.sub(
            r"\s+", " ", "".join(e["text"] for e in page.find("h2"))
        )


def test_quotes_of_no_known_source_type_link_to_nothing_rather_than_to_every_quote(
    client: TestClient,
) -> None:
    page = marks(client, "/timeline")
    unknown = [p for p in bar_pieces(page, "quotes-chart") if p[1] == "unknown"]
    assert unknown == [("2025-03-12", "unknown", 7, None)]
    assert not page.find("a", "bar", data_type="unknown")
    linked = [p for p in bar_pieces(page, "quotes-chart") if p[3]]
    for _, _, count, href in linked:  # and every linked piece lists exactly its count
        listed = client.get(str(href)).text
        assert len(re.findall(r'<li class="item quote', listed)) == count, href


def test_the_network_draws_and_tables_the_same_edges(client: TestClient) -> None:
    for path in ("/network", "/network?min_events=2", "/network?actors=3"):
        page = marks(client, path)
        drawn = {(a["attrs"]["data-source"], a["attrs"]["data-target"], int(a["attrs"]["data-count"]),
                  a["attrs"]["href"]) for a in page.find("a", "edge-line")}  # fmt: skip
        listed = set()
        for tr in page.find("tr"):
            if "data-source" in tr["attrs"]:
                (count,) = [a for a in page.find("a", "edge-count") if _within(a, tr)]
                listed.add((tr["attrs"]["data-source"], tr["attrs"]["data-target"], int(count["text"]),
                            count["attrs"]["href"]))  # fmt: skip
        assert drawn == listed, path
        nodes = {a["attrs"]["data-id"] for a in page.find("a", "node")}
        assert nodes == {end for s, t, _, _ in drawn for end in (s, t)}, "every actor drawn has an edge drawn"


def test_the_thresholds_filter_edges_and_actors_and_the_heading_says_so(client: TestClient) -> None:
    api = client.get("/api/network").json()
    pairs: dict[tuple[str, str], int] = {}
    for e in api["edges"]:
        pairs[(e["source"], e["target"])] = pairs.get((e["source"], e["target"]), 0) + e["count"]
    heavy = {p for p, n in pairs.items() if n >= 2}
    assert heavy and len(heavy) < len(pairs), "the data has light and heavy edges"
    full = marks(client, "/network")
    assert len(full.find("a", "edge-line")) == len(pairs)
    totals = full.find("p", id="network-totals")[0]["text"]
    assert f"{len(pairs)} edges (actor → recipient) between" in totals and "all shown" in totals
    page = marks(client, "/network?min_events=2")
    assert {
        (a["attrs"]["data-source"], a["attrs"]["data-target"]) for a in page.find("a", "edge-line")
    } == heavy
    totals = re.sub(r"\s+", " ", page.find("p", id="network-totals")[0]["text"])
    assert f"showing {len(heavy)} edge" in totals and "at least 2 events" in totals, totals
    few = marks(client, "/network?actors=3")
    shown = {a["attrs"]["data-id"] for a in few.find("a", "node")}
    busiest = max(pairs, key=lambda p: pairs[p])
    assert set(busiest) <= shown and 2 <= len(shown) <= 3, "at most three actors, the busiest edge among them"
    assert "the busiest that fit in 3 actors" in few.find("p", id="network-totals")[0]["text"]
    values = {
        i["attrs"]["name"]: i["attrs"]["value"]
        for i in few.find("input")
        if i["attrs"].get("type") == "number"
    }
    assert values == {"min_events": "1", "actors": "3"}


def test_the_thresholds_survive_the_filter_chips_and_form(client: TestClient) -> None:
    page = marks(client, "/network?min_events=2&actors=5&event_type=CONSULT")
    chips = [a["attrs"]["href"] for p in page.find("p", "chips") for a in p["children"] if a["tag"] == "a"]
    assert chips == ["/network?min_events=2&actors=5"]
    hidden = {
        (i["attrs"]["name"], i["attrs"]["value"])
        for i in page.find("input")
        if i["attrs"].get("type") == "hidden"
    }
    assert ("event_type", "CONSULT") in hidden


@pytest.mark.parametrize(
    "query",
    ["min_events=0", "min_events=abc", "min_events=-1", "min_events=1.5", "min_events=%C2%B2", "actors=1",
     "actors=101", "actors=ten", "actors=99999999999"],
)  # fmt: skip
def test_bad_thresholds_are_a_400_that_says_which(client: TestClient, query: str) -> None:
    response = client.get(f"/network?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.text and "whole number" in response.text


def test_a_bad_show_all_is_a_400(client: TestClient) -> None:
    assert client.get("/timeline?all=yes").status_code == 400
    assert client.get("/timeline?date_from=2025-13").status_code == 400


def test_chart_links_are_reachable_no_svg_with_links_is_an_image(client: TestClient) -> None:
    for path in ("/timeline", "/timeline?all=1", "/network"):
        page = marks(client, path)
        svgs = page.find("svg")
        assert svgs, path
        for svg in svgs:
            links = [e for e in page.elements if e["tag"] == "a" and e["svg"] is svg]
            assert links, path
            assert svg["attrs"].get("role") != "img", f"an <svg role=img> hides its links on {path}"
            assert svg["attrs"].get("aria-label"), path
            for link in links:
                titled = any(c["tag"] == "title" and c["text"].strip() for c in link["children"])
                mouse_only = (
                    link["attrs"].get("tabindex") == "-1" and link["attrs"].get("aria-hidden") == "true"
                )
                assert mouse_only or link["attrs"].get("aria-label") or titled, (path, link["attrs"])


# ---- the dense range, on rows made up here -----------------------------------------------------


def made_up_rows() -> list[dict[str, Any]]:
    """Two hundred-odd events from October 2024 to March 2025 and one in 1997."""
    rows = [{"day": "1997-06-15", "kind": "event", "type": "AID", "count": 1}]
    for month in ("2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"):
        for day in range(1, 28, 3):
            rows.append({"day": f"{month}-{day:02d}", "kind": "event", "type": "CONSULT", "count": 4})
    return rows


def links() -> TimelineLinks:
    return TimelineLinks(lambda d, t: f"/e/{d}/{t}", lambda d: f"/e/{d}", lambda d, t: f"/q/{d}/{t}",
                         lambda d: f"/q/{d}", lambda a, b: f"/t/{a}/{b}", "/all", "/dense")  # fmt: skip


def test_the_dense_range_is_whole_months_when_it_is_long_and_leaves_the_stray_out() -> None:
    rows = made_up_rows()
    assert dense_window(rows) == ("2024-10-01", "2025-03-31")
    view = timeline_view(rows, {}, False, links())
    assert view["span"]["kind"] == "dense" and view["span"]["percent"] == 99
    assert {r.period for r in view["events"].rows} == {
        "2024-10",
        "2024-11",
        "2024-12",
        "2025-01",
        "2025-02",
        "2025-03",
    }
    everything = timeline_view(rows, {}, True, links())
    assert everything["events"].rows[0].period == "1997-06" and everything["span"]["dense"] == "/dense"
    assert sum(r.count for r in everything["events"].rows) == sum(r["count"] for r in rows)


def test_no_dense_range_when_every_date_is_readable_already() -> None:
    compact = [r for r in made_up_rows() if r["day"] >= "2025-01"]  # three months, drawn by day
    assert dense_window(compact) is None
    spread = [{"day": f"{y}-06-01", "kind": "event", "type": "AID", "count": 1} for y in range(2000, 2025)]
    assert dense_window(spread) is None, "evenly spread over the years: nothing is a stray"

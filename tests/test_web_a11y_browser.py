"""Every desk page on a desktop (1280 px) and on a phone (375 px), in Debian's headless chromium through
Playwright: at 375 px nothing scrolls sideways and the search results come before the facets, axe-core
finds nothing serious or critical, the headings go down one level at a time from the h1, the first tab
stop is a "Skip to content" link, and each view is screenshotted
(test-artifacts/screenshots/a11y-<page>-<width>.png). The pages are checked against the UI router, so a
page added later fails here until it is listed. Skipped, saying why, where /usr/bin/chromium is not
installed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute

from browser_support import SHOTS, launched_chromium, served, sync_api_or_skip
from dateline.model import Record, RecordError
from dateline.store import Store, open_store
from dateline.web.ui import router as ui_router
from desk_records import Story, desk_records, hostile_record
from map_records import geneva_round

sync_api = sync_api_or_skip()
axe_package = pytest.importorskip("axe_playwright_python", reason="the a11y test needs axe-playwright-python")
AXE_JS = Path(axe_package.__file__).parent / "axe.min.js"

PHONE, DESKTOP = 375, 1280
LONG_PLACE = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"
LONG_URL = (
    "https://news.example.org/2025/03/13/" + "harbour-authority-report-on-the-convoy-routes-" * 3 + "full"
)
LONG_ID = "wire-2025-03-13-llanfairpwllgwyngyll-harbour-authority-publishes-its-convoy-report"

# Every page the UI router serves (its path template) and the views of it visited here.
ROUTES = {
    "/": ("search", "search-q"),
    "/articles": ("articles",),
    "/articles/{article_id:path}": ("article",),
    "/actors": ("actors",),
    "/actors/{actor_id}": ("actor",),
    "/quotes": ("quotes",),
    "/events": ("events",),
    "/places": ("places",),
    "/places/{place_key}": ("place",),
    "/map": ("map",),
    "/errors": ("errors",),
    "/timeline": ("timeline",),
    "/network": ("network",),
}
VIEWS = [name for names in ROUTES.values() for name in names] + ["not-found"]  # + app.py's error page

# Every h1-h6 level in document order, and whether the first tab stop is the skip link to <main id=content>.
OUTLINE = """() => ({
  levels: [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map(h => Number(h.tagName[1])),
  skip_first: Boolean(document.querySelector(
    "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])"
  )?.matches("a.skip-link[href='#content']")) && document.querySelector("main#content") !== null,
})"""
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => ({target: n.target.join(" ")}))}));
}"""


def long_record() -> Record:
    """An article whose id, address, words, names and errors have no place to break: what a phone's
    width must wrap (or scroll inside its own box) rather than widen the page for."""
    s = Story(
        LONG_ID, f"Harbour authority of {LONG_PLACE} publishes its convoy report", "2025-03-13", "Harbour Wire",
        f"Harbour authority of {LONG_PLACE} publishes its convoy report\n"
        f"The harbour authority of {LONG_PLACE} published its report at {LONG_URL} on Thursday.\n"
        '"The Donaudampfschifffahrtsgesellschaftskapitänswitwe convoys must sail," harbour master Ansel Quist said.\n'
        "Quist met the Nordmeerfischereigenossenschaftsverwaltungsrat in the harbour.\n",
    )  # fmt: skip
    s.record.url = LONG_URL
    quist = s.entity("Ansel Quist", "PERSON", ["Ansel Quist", "Quist"], "GBR", "GOV", ["harbour master"])
    board = s.entity("Nordmeerfischereigenossenschaftsverwaltungsrat", "ORG",
                     ["Nordmeerfischereigenossenschaftsverwaltungsrat"])  # fmt: skip
    harbour = s.place(LONG_PLACE, "GBR", [LONG_PLACE, LONG_PLACE], 53.22, -4.2)
    s.date("on Thursday", "2025-03-13")
    s.quote("direct", "Ansel Quist", quist, "said",
            ["The Donaudampfschifffahrtsgesellschaftskapitänswitwe convoys must sail,"], "named_person")  # fmt: skip
    s.event("CONSULT", "met", [quist], [board], day="2025-03-13", place=harbour)
    s.record.errors.append(RecordError("dates", "dates_failed", f"ValueError: no calendar for {LONG_URL}"))
    return s.record


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(str(tmp_path_factory.mktemp("a11y-browser") / "desk.db"))
    failed = Record(id="blank-upload", source="uploads/blank-upload.txt", title=None, published=None,
                    outlet=None, url=None, text="",
                    errors=[RecordError("read", "empty", "the file is empty: nothing to analyse")])  # fmt: skip
    opened.ingest([*desk_records(), hostile_record(), geneva_round(), long_record(), failed])
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def paths(store: Store) -> dict[str, str]:
    actor, place = store.find_actor("Ansel Quist"), store.find_place(LONG_PLACE)
    assert actor and place
    return {
        "search": "/", "search-q": "/?q=convoy", "articles": "/articles",
        "article": f"/articles/{quote(LONG_ID, safe='')}", "actors": "/actors",
        "actor": f"/actors/{quote(actor, safe='')}", "quotes": "/quotes", "events": "/events",
        "places": "/places", "place": f"/places/{quote(place, safe='')}", "map": "/map", "errors": "/errors",
        "timeline": "/timeline", "network": "/network", "not-found": "/articles/no-such-article",
    }  # fmt: skip


@pytest.fixture(scope="module")
def page(browser: Any, store: Store) -> Iterator[Any]:
    """One page for the whole module; the CSP is bypassed only so that axe's script may be injected."""
    with served(store) as url:
        context = browser.new_context(
            viewport={"width": DESKTOP, "height": 900}, base_url=url, bypass_csp=True
        )
        opened = context.new_page()
        yield opened
        context.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_chromium(sync_api) as launched:
        yield launched


def test_every_page_the_ui_routes_is_visited(paths: dict[str, str]) -> None:
    routed = {r.path for r in ui_router.routes if isinstance(r, APIRoute) and "GET" in r.methods}
    assert routed == set(ROUTES), "list every page of ui.py in ROUTES (and in paths) so it is checked"
    assert set(paths) == set(VIEWS)


def test_the_skip_link_shows_on_the_first_tab_and_jumps_past_the_header(
    page: Any, paths: dict[str, str]
) -> None:
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(paths["search-q"])
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.count() == 1
    hidden = skip.bounding_box()
    assert hidden is not None and hidden["y"] + hidden["height"] <= 0, "out of sight until focused"
    page.keyboard.press("Tab")
    assert skip.evaluate("a => a === document.activeElement")
    shown = skip.bounding_box()
    assert shown is not None and shown["y"] >= 0 and shown["width"] > 0, f"focused but not in sight: {shown}"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "content"
    page.keyboard.press("Tab")  # the next stop is the page's own first control, not the header's nav
    assert page.evaluate("() => document.activeElement.closest('main')?.id") == "content"


def serious(page: Any) -> list[dict[str, Any]]:
    """axe's serious and critical violations of the page as loaded."""
    page.add_script_tag(path=str(AXE_JS))
    return list(page.evaluate(AXE_RUN))


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("view", VIEWS)
def test_page_fits_the_width_passes_axe_and_is_screenshotted(
    page: Any, paths: dict[str, str], view: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900 if width == DESKTOP else 800})
    response = page.goto(paths[view])
    assert response is not None and response.status == (404 if view == "not-found" else 200)
    problems = [
        f"  {v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {', '.join(n['target'] for n in v['nodes'][:4])}"
        for v in serious(page)
    ]
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    if width == PHONE and widths[0] > widths[1]:
        problems.append(f"  scrolls sideways: {widths[0]} px of content in {widths[1]} px")
    outline = page.evaluate(OUTLINE)
    levels = outline["levels"]
    if not levels or levels[0] != 1 or any(b > a + 1 for a, b in zip(levels, levels[1:], strict=False)):
        problems.append(f"  headings out of order (levels in document order): {levels}")
    if not outline["skip_first"]:
        problems.append("  the first tab stop is not the skip link to <main id=content>")
    if width == PHONE and page.locator("aside.facets").count():
        results, facets = (
            page.locator("ol.results").bounding_box(),
            page.locator("aside.facets").bounding_box(),
        )
        if not (results and facets and results["y"] + results["height"] <= facets["y"]):
            problems.append(f"  the facets ({facets}) are not below the results ({results})")
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"a11y-{view}-{width}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000, f"{shot} looks empty"
    # One message with every problem of the view, so that one run shows them all.
    assert problems == [], f"{paths[view]} at {width} px:\n" + "\n".join(problems)

"""The map in a real browser (Debian's headless chromium through Playwright, as test_web_browser.py
drives it): it loads with no request leaving the desk, fits a phone's width, and a click on a circle
lands on the place's sentences. Screenshots go to test-artifacts/screenshots/. Skipped, saying why,
where /usr/bin/chromium is not installed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from browser_support import SHOTS, launched_chromium, served, sync_api_or_skip
from dateline.store import Store, open_store
from desk_records import desk_records, hostile_record
from map_records import geneva_round

sync_api = sync_api_or_skip()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store: Store = open_store(str(tmp_path_factory.mktemp("map-browser") / "desk.db"))
    store.ingest([*desk_records(), hostile_record(), geneva_round()])
    with served(store) as url:
        yield url
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_chromium(sync_api) as launched:
        yield launched


def opened_page(browser: Any, base_url: str, width: int) -> Any:
    page = browser.new_page(viewport={"width": width, "height": 800}, base_url=base_url)
    page.problems = []  # console errors, failed requests, requests leaving the desk: none may happen
    page.on("console", lambda m: page.problems.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: page.problems.append(f"request failed: {r.url}"))
    page.on(
        "request", lambda r: None if r.url.startswith(base_url) else page.problems.append(f"outside: {r.url}")
    )
    return page


def shoot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000, f"{path} looks empty"


def test_click_a_place_on_the_map_through_to_its_sentences(browser: Any, base_url: str) -> None:
    page = opened_page(browser, base_url, 1280)
    page.goto("/map")
    assert page.locator("svg.map .countries path").count() > 150
    assert (
        page.locator("svg.map a.place").count() == page.locator("table.places-counted tbody tr").count() == 4
    )
    shoot(page, "map")
    page.locator("svg.map a.place[data-id='n-geneva'] circle").click()
    page.wait_for_url("**/places/n-geneva")
    assert page.locator("h1").inner_text() == "Geneva"
    listed = page.locator("li.item")
    assert listed.count() == 2, "its event and the quote naming it"
    assert all("Geneva" in text for text in listed.locator(".sentence").all_inner_texts())
    shoot(page, "map-place-click")
    assert page.problems == []
    page.close()


def test_the_map_fits_a_phone_without_scrolling_sideways(browser: Any, base_url: str) -> None:
    page = opened_page(browser, base_url, 375)
    page.goto("/map")
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"
    box = page.locator("svg.map").bounding_box()
    assert box is not None and box["width"] <= 375
    shoot(page, "map-375")
    assert page.problems == []
    page.close()

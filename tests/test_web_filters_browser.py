"""The quotes page's filter form in a real browser (Debian's headless chromium through Playwright, as in
test_web_browser.py): a date range and a confidence cut typed into the form narrow the list to exactly
the quotes the store gives for them, the address holds no empty field, and at a phone's width nothing
scrolls sideways. Skipped, saying why, where /usr/bin/chromium is not installed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from browser_support import SHOTS, launched_chromium, served, sync_api_or_skip
from dateline.store import Store, open_store
from list_records import list_records

sync_api = sync_api_or_skip()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(str(tmp_path_factory.mktemp("filters-browser") / "desk.db"))
    opened.ingest(list_records())
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def base_url(store: Store) -> Iterator[str]:
    with served(store) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_chromium(sync_api) as launched:
        yield launched


def test_the_quotes_form_narrows_the_list_to_a_date_range_and_a_confidence(
    browser: Any, base_url: str, store: Store
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto("/quotes")
    assert page.locator("li.item.quote").count() == 18
    form = page.locator("form.filter-form")
    form.get_by_label("From", exact=True).fill("2025-02-01")
    form.get_by_label("To", exact=True).fill("2025-03-31")
    form.get_by_label("Min. confidence", exact=True).fill("0.6")
    form.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/quotes?**")
    assert dict(parse_qsl(urlsplit(page.url).query)) == {
        "date_from": "2025-02-01", "date_to": "2025-03-31", "min_confidence": "0.6"
    }, "only the fields filled in are in the address"  # fmt: skip
    rows = page.locator("li.item.quote")
    expected = store.quotes(date_from="2025-02-01", date_to="2025-03-31", min_confidence=0.6)["items"]
    assert [rows.nth(i).get_attribute("data-id") for i in range(rows.count())] == [
        str(q["id"]) for q in expected
    ]
    assert 0 < rows.count() < 8
    for meta in page.locator("li.item.quote .item-meta").all_inner_texts():
        day = re.search(r"2025-\d\d-\d\d", meta)
        confidence = re.search(r"confidence (\d\.\d\d)", meta)
        assert day and "2025-02-01" <= day.group() <= "2025-03-31", meta
        assert confidence and float(confidence.group(1)) >= 0.6, meta
    assert page.locator("p.total").inner_text().startswith(f"{len(expected)} quote")
    chips = page.locator("p.chips a").all_inner_texts()
    assert chips == ["dates: 2025-02-01 to 2025-03-31 ×", "min confidence: 0.6 ×"]
    # The form shows what it filters by, ready to change one field and keep the others.
    assert form.get_by_label("From", exact=True).input_value() == "2025-02-01"
    assert form.get_by_label("Min. confidence", exact=True).input_value() == "0.6"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "filters-quotes.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways at 375 px: {widths}"
    page.screenshot(path=str(SHOTS / "filters-quotes-375.png"), full_page=True)
    assert problems == []
    context.close()

"""What the browser tests share: Debian's headless chromium through Playwright, a desk served on a free
loopback port, and where screenshots go. A test module calls ``sync_api_or_skip()`` at import, so that
it is skipped, saying why, where chromium or Playwright is missing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from dateline.web import create_app
from dateline.web.server import BackgroundServer

if TYPE_CHECKING:
    from dateline.store import Store

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "test-artifacts" / "screenshots"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def sync_api_or_skip() -> Any:
    """Playwright's sync API; the calling test module is skipped, saying why, without chromium or it."""
    if not CHROMIUM.exists():
        pytest.skip(
            f"browser tests skipped: {CHROMIUM} is missing (apt-get install chromium; .ci/run does)",
            allow_module_level=True,
        )
    return pytest.importorskip(
        "playwright.sync_api", reason="browser tests need the playwright package (dev extra)"
    )


@contextmanager
def launched_chromium(sync_api: Any) -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@contextmanager
def served(store: Store) -> Iterator[str]:
    """The desk over ``store`` on a free loopback port, for as long as the block runs: its base URL."""
    server = BackgroundServer(create_app(store=store)).start()
    try:
        yield server.url
    finally:
        server.stop()

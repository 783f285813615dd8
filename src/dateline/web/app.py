"""The app factory: one store, the API router, the UI router and the static files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

if TYPE_CHECKING:
    from dateline.store import Store

HERE = Path(__file__).resolve().parent

DESCRIPTION = """\
Read-only access to everything dateline extracted: articles, actors, quotes, events, places, full-text
search with facets, a timeline and the actor network, plus exports. Every quote, event and actor item
carries the character spans that support it and the sentence around them (`context`).

Lists are paged with an opaque cursor: pass the `next_cursor` of one page as `cursor` to get the next;
`next_cursor` is null on the last page. See docs/api.md.
"""


def create_app(store_url: str | None = None, read_only: bool = True, store: Store | None = None) -> FastAPI:
    """The desk over the store at ``store_url`` (None: ``data/dateline.db``), or over ``store``.

    ``read_only`` (the default) leaves out the one write endpoint, ``POST /api/records``.
    """
    from dateline.store import open_store
    from dateline.web.api import router as api_router
    from dateline.web.api import write_router
    from dateline.web.ui import router as ui_router

    app = FastAPI(title="dateline desk", version="1", description=DESCRIPTION)
    app.state.store = store if store is not None else open_store(store_url)
    app.state.read_only = read_only
    app.include_router(api_router)
    if not read_only:
        app.include_router(write_router)
    app.include_router(ui_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app

"""The app factory: one store, the API router, the UI router and the static files."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline.settings import QUERY_BUDGET_SECONDS, WEB_THREADS
from dateline.store.budget import limit_statement_time, over_budget
from dateline.web.security import allowed_hosts, protect

if TYPE_CHECKING:
    from dateline.store import Store

HERE = Path(__file__).resolve().parent

DESCRIPTION = """\
Read-only access to everything dateline extracted: articles, actors, quotes, events, places, full-text
search with facets, a timeline and the actor network, plus exports. Every quote, event and actor item
carries the character spans that support it and the sentence around them (`context`).

Lists are paged with opaque cursors: pass the `next_cursor` of one page as `cursor` to get the next
(null on the last page), its `prev_cursor` as `before` to get the one before (null on the first). Every
list takes `sort` (quotes, articles and search: newest, oldest, relevance; events: newest, oldest; actors
and places: a column, `-column` for descending). See docs/api.md.
"""


def create_app(
    store_url: str | None = None,
    read_only: bool = True,
    store: Store | None = None,
    hosts: Sequence[str] = (),
) -> FastAPI:
    """The desk over the store at ``store_url`` (None: ``data/dateline.db``), or over ``store``.

    ``read_only`` (the default) leaves out the one write endpoint, ``POST /api/records``. It
    answers requests addressed to loopback names and to ``hosts`` only (see ``web.security``).
    """
    from dateline.store import open_store
    from dateline.web.api import router as api_router
    from dateline.web.api import write_router
    from dateline.web.ui import router as ui_router

    opened = open_store(store_url, create=not read_only) if store is None else None

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # At most WEB_THREADS requests at once: a busy desk queues requests instead of thrashing. A
        # store read may take a second connection while it holds one (an actor's rows looked up inside
        # a list query), so the store's pool holds twice any server's threads (settings.POOL_CONNECTIONS):
        # requests can never all hold one connection each and wait for another.
        anyio.to_thread.current_default_thread_limiter().total_tokens = WEB_THREADS
        yield
        if opened is not None:  # close only the store this app opened itself
            opened.close()

    # FastAPIOffline: /docs and /redoc load Swagger UI and ReDoc from the installed package, not a CDN.
    app = FastAPIOffline(title="dateline desk", version="1", description=DESCRIPTION, lifespan=lifespan)
    app.state.store = opened if opened is not None else store
    app.state.read_only = read_only
    app.include_router(api_router)
    if not read_only:
        app.include_router(write_router)
    app.include_router(ui_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_exception_handler(StarletteHTTPException, _error_page)
    app.add_exception_handler(DBAPIError, _over_budget)
    # No request may burn more than a bounded share of the server: each statement has a time budget.
    limit_statement_time(app.state.store.engine, QUERY_BUDGET_SECONDS)
    protect(app, allowed_hosts(hosts))
    return app


async def _over_budget(request: Request, exc: Exception) -> Response:
    """A statement stopped by its time budget is the request's fault: 400 with what to do; any other
    database error stays a server error."""
    if not over_budget(exc):
        raise exc
    detail = (
        f"this request needs more than {QUERY_BUDGET_SECONDS:g} s of database work: narrow it "
        "(rarer or fewer words, a date range, an outlet or actor filter)"
    )
    return await _error_page(request, StarletteHTTPException(status_code=400, detail=detail))


async def _error_page(request: Request, exc: Exception) -> Response:
    """Errors of the pages as a page; errors of the API (and anything else) as FastAPI's JSON."""
    assert isinstance(exc, StarletteHTTPException)
    path = request.url.path
    if path.startswith(("/api/", "/static", "/docs", "/redoc", "/openapi")) or path == "/api":
        return await http_exception_handler(request, exc)
    from dateline.web.ui import templates

    titles = {400: "Bad request", 404: "Not found", 405: "Method not allowed"}
    context = {"status": exc.status_code, "title": titles.get(exc.status_code, "Error"), "detail": exc.detail,
               "q": "", "filters": {}, "chips": []}  # fmt: skip
    return templates.TemplateResponse(request, "error.html", context, status_code=exc.status_code)

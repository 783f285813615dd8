"""What every response of the desk carries and which Host headers it answers.

The desk serves one person's corpus on loopback. A page another site opens in the browser must not
read it (a Host allow-list against DNS rebinding), frame it, or run script in it (the headers).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from starlette.middleware.trustedhost import TrustedHostMiddleware

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
WILDCARD_ADDRESSES = {"0.0.0.0", "::", ""}
# The desk's pages use no script and inline style attributes only; /docs and /redoc run the
# bundled Swagger UI and ReDoc, which start from an inline script and a blob: worker.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def allowed_hosts(extra: Sequence[str] = ()) -> list[str]:
    """Loopback names and the ones given (the address ``serve --host`` listens on, names added)."""
    return [*LOOPBACK_HOSTS, *(h for h in extra if h not in WILDCARD_ADDRESSES)]


def is_loopback(host: str) -> bool:
    return host in LOOPBACK_HOSTS or host.startswith("127.")


def protect(app: FastAPI, hosts: Sequence[str]) -> None:
    """Answer only requests addressed to ``hosts``; put the security headers on every response."""

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if holds_nul(request):
            # No text field of the store can hold one (PostgreSQL refuses it outright): say so, once.
            response: Response = JSONResponse({"detail": NUL_MESSAGE}, status_code=400)
        else:
            response = await call_next(request)
        docs = request.url.path.startswith(("/docs", "/redoc", "/static-offline-docs"))
        response.headers["Content-Security-Policy"] = DOCS_POLICY if docs else PAGE_POLICY
        response.headers.update(HEADERS)
        return response

    # Added last, so it runs first: a request for another host gets a 400 and reads nothing.
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))


NUL_MESSAGE = "the address holds a NUL character (%00), which no search or id can contain: remove it"


def holds_nul(request: Request) -> bool:
    """Whether the path or a query parameter holds a NUL character, written out or %-encoded."""
    return "\x00" in request.url.path or any(
        "\x00" in k or "\x00" in v for k, v in request.query_params.multi_items()
    )


def shown_source(source: str | None) -> str | None:
    """The input an article came from as the desk shows it: the file's name, never the server's
    folders ("/home/ana/corpus/2019/story.txt" -> "story.txt"); a URL and "-" (stdin) as they are."""
    if not source or "://" in source or source == "-":
        return source
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def without_paths(page: dict[str, Any]) -> dict[str, Any]:
    """A page of items (or one record) with each ``source`` cut to its file name."""
    for item in page.get("items", [page]):
        if isinstance(item, dict) and "source" in item:
            item["source"] = shown_source(item["source"])
    return page

"""The analyst's desk: a FastAPI app serving the REST API (``/api``) and the server-rendered UI.

``create_app(store_url, read_only=True)`` opens the store (see ``dateline.store``) and returns the
app; ``dateline serve`` runs it under uvicorn on 127.0.0.1. Modules:

- ``api``: JSON endpoints under ``/api`` (documented in docs/api.md, OpenAPI at /openapi.json);
- ``ui``: the HTML pages (Jinja2 templates in ``templates/``, autoescaped, CSS in ``static/``);
- ``highlight``: text to HTML from character offsets, every piece escaped;
- ``views``: what the article page shows (its highlights and the voices panel);
- ``charts``: bar charts and the actor network as inline SVG, every mark a link to its sentences;
- ``queries``: read queries the UI needs beyond the store's own.
"""

from dateline.web.app import create_app

__all__ = ["create_app"]

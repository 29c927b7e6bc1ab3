"""The whole `pantau serve` application: the API, the map page at `/`, the API docs at `/docs`, all offline.

Every asset of the page ships in pantau/web/static (the map library, marker clustering, Natural Earth's
country outlines and Swagger UI were installed from the npm registry at build time by web/copy-assets.sh
and copied in), so the page works with no network. The page's HTML holds no script or style of its own:
all JavaScript is in files, which lets the Content-Security-Policy forbid inline script and any other
origin; article text is put on the page as text nodes by the script, never parsed as HTML.
Rejected: FastAPI's own /docs page, which loads Swagger UI from a CDN and starts it with an inline script.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from pantau.api.app import ApiLimits, CoderFactory, create_api
from pantau.store.db import Store

# no inline script, nothing from another origin; styles set from script through the CSSOM are allowed
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI sets style attributes in its markup
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


def static_dir() -> Path:
    """The folder of the page's files inside the installed package."""
    return Path(str(resources.files("pantau.web") / "static"))


def create_app(store: Store, coder: CoderFactory | None = None, limits: ApiLimits | None = None) -> FastAPI:
    """The API with the map page, the offline API docs and security headers on every response."""
    app = create_api(store, coder, limits, docs_url=None)
    static = static_dir()

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        docs = request.url.path == "/docs"
        response.headers["Content-Security-Policy"] = DOCS_CSP if docs else CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        return response

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(static / "docs.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=static), name="static")
    return app

"""The HTTP API of `pantau serve`: events, incidents and articles read from the store; articles coded on POST.

FastAPI over the store's own query functions (store.db.Filters, Store.incidents/reports/count) and exports
(store.export), so the API and `pantau events` always select and write the same rows. Decisions:

- Pagination by limit/offset with a hard maximum page size (ApiLimits.max_page); the total is counted only
  when asked (`?total=true`, also sent as X-Total-Count), because a count over a large filtered store costs
  as much as the page. Rejected: a keyset cursor, which the export formats (one CSV per request) do not need.
- The format comes from `?format=` or else the Accept header: json (default), jsonl, csv, geojson, parquet.
- POST /articles reads the body itself (streamed, stopped at max_body_bytes) so that the token is checked
  before anything is parsed, an oversized body costs nothing, and bad JSON gets a 422 naming the error.
- The coder (article -> SPEC records) is passed in as a factory and built on the first POST: the API does
  not import the pipeline (the import order ends in api), and a read-only server never loads the lexicons.
- Every error reaches the client as JSON with a message; an unexpected exception is logged with its
  traceback on the server and answered with a 500 carrying only an error id.
- Writes are rate-limited per token by an in-process token bucket (ApiLimits.writes_per_minute, a burst of
  write_burst): past it a 429 with Retry-After, before the body is read. Rejected: a shared limiter (Redis),
  which one `pantau serve` process does not need; several server processes each keep their own buckets.
"""

from __future__ import annotations

import io
import json
import logging
import math
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any

from fastapi import FastAPI, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from pantau.model import Article
from pantau.store import export as ex
from pantau.store.db import Filters, Store, StoreError
from pantau.store.ingest import Coder
from pantau.store.tokens import TokenState, check_token

log = logging.getLogger("pantau.api")

CoderFactory = Callable[[], tuple[Coder, str]]

MEDIA = {
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}
# Accept header values (without parameters) and the format each asks for
ACCEPT = {
    "application/json": "json", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl", "text/csv": "csv", "application/geo+json": "geojson",
    "application/vnd.apache.parquet": "parquet", "application/x-parquet": "parquet",
}


@dataclass(frozen=True)
class ApiLimits:
    """The bounds of every reply and request."""

    default_page: int = 100
    max_page: int = 10_000
    max_points: int = 250_000  # incidents on the map endpoint
    max_body_bytes: int = 2_000_000
    max_batch: int = 100  # articles in one POST
    writes_per_minute: float = 600.0  # POSTs per token, refilled continuously
    write_burst: int = 60  # POSTs a token may send at once


@dataclass
class RateLimiter:
    """Token buckets per API token: `take` spends one request, or says how many seconds until one is free."""

    rate_per_s: float
    burst: int
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)  # token name: (level, at)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, key: str, now: float | None = None) -> float:
        """0.0 when the request may go ahead (and is counted), else the seconds to wait."""
        now = time.monotonic() if now is None else now
        with self._lock:
            level, at = self._buckets.get(key, (float(self.burst), now))
            level = min(float(self.burst), level + (now - at) * self.rate_per_s)
            if level >= 1.0:
                self._buckets[key] = (level - 1.0, now)
                return 0.0
            self._buckets[key] = (level, now)
            return (1.0 - level) / self.rate_per_s if self.rate_per_s > 0 else math.inf


class ApiError(Exception):
    """An error answered as JSON with this status and message."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None, **extra: Any) -> None:
        """Keep the status, the message, the reply's headers and any extra fields of the reply."""
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers
        self.extra = extra


class ArticleIn(BaseModel):
    """One article to code: its text and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    doc: str = Field(min_length=1, max_length=500, description="A name for the article (file name, URL slug)")
    text: str = Field(min_length=1, description="The article's plain text")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = Field(None, description="Publication date YYYY-MM-DD")


class BatchIn(BaseModel):
    """A batch of articles."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn]


_BODY = TypeAdapter(ArticleIn | BatchIn | list[ArticleIn])


def _error(status: int, message: str, headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status, headers=headers)


def _where(loc: Sequence[Any]) -> str:
    return ".".join(str(x) for x in loc)


def _install_handlers(app: FastAPI) -> None:
    """JSON errors for every failure; no traceback ever leaves the server."""

    @app.exception_handler(ApiError)
    async def api_error(_req: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message, exc.headers, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def invalid(_req: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [{"where": _where(e.get("loc", ())), "message": e.get("msg", "")} for e in exc.errors()]
        summary = "; ".join(f"{p['where']}: {p['message']}" for p in problems)
        return _error(422, f"invalid request: {summary}", problems=problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_req: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(StoreError)
    async def store_error(_req: Request, exc: StoreError) -> JSONResponse:
        log.error("store error: %s", exc)
        return _error(503, "the store could not answer; try again later")

    @app.exception_handler(Exception)
    async def crash(req: Request, exc: Exception) -> JSONResponse:
        ref = uuid.uuid4().hex[:12]
        log.error("error %s on %s %s", ref, req.method, req.url.path, exc_info=exc)
        return _error(500, "internal error; the server log has the details", error_id=ref)


def _format(fmt: str | None, accept: str | None) -> str:
    """The reply format: ?format= first, else the first Accept type pantau writes, else json."""
    if fmt:
        if fmt not in MEDIA:
            raise ApiError(422, f"format {fmt!r} is not one of {', '.join(MEDIA)}")
        return fmt
    for part in (accept or "").split(","):
        kind = part.split(";")[0].strip().lower()
        if kind in ACCEPT:
            return ACCEPT[kind]
    return "json"


def _plain(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}


def _write(rows: list[dict[str, Any]], fmt: str, opts: ex.ExportOptions, page: dict[str, Any]) -> Response:
    """The rows in one format; the paging facts go in headers (and in the JSON envelope)."""
    headers = {k: str(v) for k, v in (("X-Total-Count", page.get("total")), ("X-Offset", page["offset"]),
                                       ("X-Limit", page["limit"])) if v is not None}
    if fmt == "json":
        return JSONResponse({**page, "count": len(rows), "items": [_plain(r) for r in rows]}, headers=headers)
    if fmt == "geojson":
        body = json.dumps({**ex.geojson(rows, opts), **{k: v for k, v in page.items() if v is not None}},
                          ensure_ascii=False)
        return Response(body, media_type=MEDIA[fmt], headers=headers)
    if fmt == "parquet":
        buf = io.BytesIO()
        ex.write_parquet(rows, buf, opts)
        headers["Content-Disposition"] = 'attachment; filename="pantau-events.parquet"'
        return Response(buf.getvalue(), media_type=MEDIA[fmt], headers=headers)
    out = io.StringIO()
    if fmt == "csv":
        ex.write_csv(rows, out, opts)
        headers["Content-Disposition"] = 'attachment; filename="pantau-events.csv"'
    else:
        ex.write_jsonl(rows, out)
    return Response(out.getvalue(), media_type=MEDIA[fmt], headers=headers)


def _bearer(request: Request) -> str | None:
    """The API token of a request: `Authorization: Bearer TOKEN` or `X-API-Token: TOKEN`."""
    auth = request.headers.get("authorization") or ""
    if auth.lower().startswith("bearer "):
        return auth[7:].strip() or None
    return request.headers.get("x-api-token") or None


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is longer than the limit."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"request body of {declared} bytes is over the limit of {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"request body is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_articles(body: bytes, limits: ApiLimits) -> list[ArticleIn]:
    """The articles of a POST body (one object, {"articles": [...]}, or a list), or an ApiError saying why not."""
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ApiError(422, f"request body is not UTF-8 JSON: {exc.reason} at byte {exc.start}") from exc
    except json.JSONDecodeError as exc:
        raise ApiError(422, f"request body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") \
            from exc
    try:
        parsed = _BODY.validate_python(data)
    except ValidationError as exc:
        problems = [{"where": _where(e["loc"]), "message": e["msg"]} for e in exc.errors()[:20]]
        raise ApiError(422, "request body is not an article, a list of articles or {\"articles\": [...]}: "
                       + "; ".join(f"{p['where']}: {p['message']}" for p in problems[:5]), problems=problems) from exc
    items = parsed.articles if isinstance(parsed, BatchIn) else parsed if isinstance(parsed, list) else [parsed]
    if not items:
        raise ApiError(422, "the batch holds no articles")
    if len(items) > limits.max_batch:
        raise ApiError(413, f"batch of {len(items)} articles is over the limit of {limits.max_batch}")
    return items


def _code_and_store(store: Store, items: list[ArticleIn], code: Coder, version: str) -> dict[str, Any]:
    """Code and store each article in its own transaction; one article's failure is reported, the rest go on."""
    results: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    for item in items:
        article = Article.from_text(item.doc, item.text, title=item.title, url=item.url, outlet=item.outlet,
                                    published=item.published)
        # the same text coded by the same lexicons is already stored: answer with it, change nothing
        known = store.is_current(article.article_id, version)
        if not known:
            try:
                records = list(code(article))
            except Exception as exc:  # one article's crash must not stop the batch; its reason goes back
                log.warning("coding %s failed", item.doc, exc_info=exc)
                errors.append({"doc": item.doc, "error": f"coding failed: {type(exc).__name__}: {exc}"})
                continue
            try:
                store.save(article, records, version)
            except StoreError as exc:
                errors.append({"doc": item.doc, "error": str(exc)})
                continue
        events = [{**r["record"], "incident_id": r["incident_id"]}
                  for r in store.reports(Filters(article_id=article.article_id))]
        results.append({"doc": item.doc, "article_id": article.article_id, "already_stored": known, "events": events})
    return {"stored": len(results), "failed": len(errors), "articles": results, "errors": errors}


def _spans(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The evidence spans of one record: its fields', then its claims' (field "claim:KIND")."""
    out = [{"event_id": record["event_id"], "field": e["field"], "start": e["start"], "end": e["end"],
            "text": e.get("text")} for e in record.get("evidence") or []]
    for c in record.get("claims") or []:
        out.extend({"event_id": record["event_id"], "field": f"claim:{c.get('kind')}", "start": e["start"],
                    "end": e["end"], "text": e.get("text"), "claimant": c.get("claimant")}
                   for e in c.get("evidence") or [])
    return out


def _report_view(m: Mapping[str, Any]) -> dict[str, Any]:
    """One member report of an incident as the API shows it."""
    rec = m["record"]
    keys = ("event_id", "article_id", "doc", "outlet", "title", "published", "event_date", "time_precision",
            "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "admin2", "country",
            "latitude", "longitude", "geo_precision", "fatalities", "fatalities_low", "fatalities_high",
            "modality", "confidence", "notes", "join_reason")
    return {**{k: m.get(k) for k in keys}, "sources": rec.get("sources") or [], "claims": rec.get("claims") or [],
            "evidence": rec.get("evidence") or []}


EventsFormat = Annotated[str | None, Query(alias="format", description=" | ".join(MEDIA))]


def create_api(store: Store, coder: CoderFactory | None = None, limits: ApiLimits | None = None,
               docs_url: str | None = "/docs") -> FastAPI:
    """The API application over an open store; coder builds the article coder for POST /articles."""
    lim = limits or ApiLimits()
    app = FastAPI(title="pantau", version="0.1.0", docs_url=docs_url, redoc_url=None,
                  description="Conflict events coded from Indonesian news, with the evidence behind every figure.")
    app.state.store = store
    app.state.limits = lim
    limiter = RateLimiter(lim.writes_per_minute / 60.0, lim.write_burst)
    app.state.coder = None
    _install_handlers(app)

    def filters(country: str | None, admin1: str | None, since: date | None, until: date | None,
                event_type: str | None, actor: str | None, min_fatalities: int | None, text: str | None,
                limit: int | None = None, offset: int | None = None) -> Filters:
        named = {"country": country, "admin1": admin1, "type": event_type, "actor": actor, "text": text}
        for name, value in named.items():
            if value is not None and "\x00" in value:  # no database takes NUL in a string: refused, not a 500
                raise ApiError(422, f"invalid request: {name}: contains a NUL character")
        return Filters(country=country or None, admin1=admin1 or None, since=since, until=until,
                       event_type=event_type or None, actor=actor or None, min_fatalities=min_fatalities,
                       text=(text or "").strip() or None, limit=limit, offset=offset)

    @app.get("/events", summary="Incidents (or reports) matching the filters, one page, in any export format")
    def list_events(
        request: Request,
        country: str | None = None, admin1: str | None = None,
        since: date | None = None, until: date | None = None,
        event_type: Annotated[str | None, Query(alias="type")] = None,
        actor: str | None = None, min_fatalities: Annotated[int | None, Query(ge=0)] = None,
        text: str | None = None,
        reports: Annotated[bool, Query(description="One row per report, not per incident")] = False,
        limit: Annotated[int | None, Query(ge=1, description="Page size (at most the server's maximum)")] = None,
        offset: Annotated[int, Query(ge=0)] = 0,
        total: Annotated[bool, Query(description="Also count every matching row")] = False,
        inter: Annotated[str, Query(pattern="^(number|text)$")] = "number",
        extra: Annotated[bool, Query(description="pantau's columns after ACLED's")] = True,
        fmt: EventsFormat = None,
    ) -> Response:
        kind = _format(fmt, request.headers.get("accept"))
        size = limit or lim.default_page
        if size > lim.max_page:
            raise ApiError(422, f"limit {size} is over the maximum page size {lim.max_page}; page with offset")
        flt = filters(country, admin1, since, until, event_type, actor, min_fatalities, text, size, offset)
        found = store.reports(flt) if reports else store.incidents(flt)
        opts = ex.ExportOptions(inter=inter, extra=extra)
        regions = ex.acled_regions()
        to_row = ex.report_row if reports else ex.incident_row
        rows = [to_row(r, regions, opts) for r in found]
        page: dict[str, Any] = {"offset": offset, "limit": size,
                                "total": store.count(flt, per_report=reports) if total else None}
        return _write(rows, kind, opts, page)

    @app.get("/events/{incident_id}", summary="One incident with its reports, claims, sources and evidence")
    def get_event(incident_id: Annotated[int, Path(ge=0, le=2**63 - 1)]) -> JSONResponse:  # a database integer
        got = store.incident(incident_id)
        if got is None:
            raise ApiError(404, f"no incident {incident_id}")
        members = [_report_view(m) for m in got.pop("reports")]
        # a claim with no claimant, or the outlet as claimant, is the outlet speaking in its own voice (SPEC)
        claims = [{**c, "claimed_by": _claimed_by(c, m), "report": m["event_id"],
                   "outlet": m["outlet"], "article_id": m["article_id"]} for m in members for c in m["claims"]]
        return JSONResponse(jsonable_encoder({**got, "reports": members, "claims": claims}))

    @app.get("/articles/{article_id}", summary="An article's text with the evidence spans of its events")
    def get_article(article_id: str) -> JSONResponse:
        art = store.article(article_id) if "\x00" not in article_id and len(article_id) <= 200 else None
        if art is None:
            raise ApiError(404, f"no article {article_id[:200]!r}")
        reps = store.reports(Filters(article_id=article_id))
        keep = ("article_id", "doc", "url", "title", "outlet", "published", "crawled", "text", "lexicon_version",
                "coded_at")
        body = {**{k: art.get(k) for k in keep},
                "events": [{"event_id": r["event_id"], "incident_id": r["incident_id"],
                            "event_type": r["event_type"]} for r in reps],
                "spans": [s for r in reps for s in _spans(r["record"])]}
        return JSONResponse(jsonable_encoder(body))

    @app.get("/map/points", summary="Every placed incident matching the filters as compact rows for the map")
    def map_points(
        country: str | None = None, admin1: str | None = None,
        since: date | None = None, until: date | None = None,
        event_type: Annotated[str | None, Query(alias="type")] = None,
        actor: str | None = None, min_fatalities: Annotated[int | None, Query(ge=0)] = None,
        text: str | None = None,
    ) -> JSONResponse:
        flt = filters(country, admin1, since, until, event_type, actor, min_fatalities, text, lim.max_points + 1)
        rows = store.incident_points(flt)
        types: dict[str, int] = {}
        epoch = date(1970, 1, 1)
        points = [[r[0], round(r[1], 5), round(r[2], 5), types.setdefault(r[3], len(types)), r[4] or 0,
                   (r[5] - epoch).days if isinstance(r[5], date) else None] for r in rows[: lim.max_points]]
        return JSONResponse({"columns": ["id", "lat", "lon", "type", "fatalities", "day"], "types": list(types),
                             "truncated": len(rows) > lim.max_points, "points": points})

    @app.get("/facets", summary="The countries, provinces and event types in the store")
    def facets() -> dict[str, list[str]]:
        return store.facets()

    @app.post("/articles", summary="Code and store one article or a batch; returns their events",
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
                  "oneOf": [{"$ref": "#/components/schemas/ArticleIn"}, {"$ref": "#/components/schemas/BatchIn"},
                            {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}}]}}}},
                  "security": [{"bearer": []}]})
    async def post_articles(request: Request) -> JSONResponse:
        token = _bearer(request)
        if token is None:
            raise ApiError(401, "an API token is required: Authorization: Bearer TOKEN (pantau token create NAME)")
        state, name = await run_in_threadpool(check_token, store, token)
        if state is TokenState.UNKNOWN:
            raise ApiError(401, "unknown API token")
        if state is TokenState.REVOKED:
            raise ApiError(403, "this API token has been revoked")
        wait = limiter.take(str(name))
        if wait > 0:
            raise ApiError(429, f"too many writes with this token: at most {lim.writes_per_minute:g} a minute "
                           f"(bursts of {lim.write_burst}); retry after {math.ceil(wait)} s",
                           headers={"Retry-After": str(math.ceil(wait))})
        items = parse_articles(await _read_body(request, lim.max_body_bytes), lim)
        if coder is None:
            raise ApiError(503, "this server does not code articles")
        if app.state.coder is None:
            app.state.coder = await run_in_threadpool(coder)
        code, version = app.state.coder
        result = await run_in_threadpool(_code_and_store, store, items, code, version)
        return JSONResponse(jsonable_encoder(result), status_code=200 if not result["errors"] else 207)

    # the request models appear in the OpenAPI document although the body is parsed by hand
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = original()
            comps = schema.setdefault("components", {})
            comps.setdefault("schemas", {}).update(
                {m.__name__: m.model_json_schema(ref_template="#/components/schemas/{model}")
                 for m in (ArticleIn, BatchIn)})
            comps.setdefault("securitySchemes", {})["bearer"] = {"type": "http", "scheme": "bearer"}
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def _claimed_by(claim: dict[str, Any], report: dict[str, Any]) -> str:
    """Who a figure is claimed by, as a name: its source's English name, or the report's outlet by name."""
    who = claim.get("claimant")
    if isinstance(who, dict):
        who = None if who.get("type") == "outlet" else who.get("name") or who.get("text")
    return str(who or report["outlet"] or report["doc"])


"""Coding many articles: one batch as a pure function, a per-document time budget, and the engines that run
batches (this process, a local process pool, a Dask cluster).

Decisions:
- `code_rows(rows, cfg)` is the unit every engine calls: corpus rows (dicts with `text` and optionally `doc`,
  `url`, `title`, `outlet`, `published`, `crawled`) in, one `Coded` per row out, in order. It depends on
  nothing but its arguments and the language resources, which each process loads once (`resources()`):
  a Dask task, a Spark `mapInPandas` function or a pool worker can all call it.
- The time budget is enforced by a watchdog thread that raises `DocumentTimeout` inside the coding thread
  (CPython's PyThreadState_SetAsyncExc) when a document overruns. Rejected: SIGALRM (main thread only, and
  Dask runs tasks in worker threads) and checks sprinkled through the stages (every loop of extract/ and
  merge/ would carry one, and a loop without one would still run away). The exception lands at the next
  bytecode, so a single long C call (one regex over a huge text) finishes first.
- The engines keep the input order and hold a bounded number of batches in flight, so memory stays bounded
  and the output of `--workers N` or `--dask` is the output of one process, record by record.
"""

from __future__ import annotations

import ctypes
import gc
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pantau.ingest import ReadError
from pantau.ingest.base import row_article
from pantau.model import Article, Event
from pantau.pipeline import Config, Resources, extract_events

# Articles per batch sent to a worker: large enough that pickling and scheduling cost little per article.
BATCH_ARTICLES = 128


class EngineError(Exception):
    """The engine asked for cannot run (a Dask scheduler that cannot be reached)."""


class DocumentTimeout(BaseException):
    """A document ran past the per-document time budget (a BaseException, as KeyboardInterrupt is, so that no
    `except Exception` in a stage or a library it calls swallows it)."""


@dataclass(frozen=True)
class Coded:
    """The result of coding one document: its events, or the reason it failed."""

    doc: str
    article_id: str | None
    events: tuple[Event, ...] = ()
    error: str | None = None
    seconds: float = 0.0


@dataclass
class _Watch:
    thread: int
    deadline: float
    fired: bool = False


@dataclass
class Watchdog:
    """One thread that ends the documents of other threads that overrun their deadline."""

    _cond: threading.Condition = field(default_factory=threading.Condition)
    _watches: dict[int, _Watch] = field(default_factory=dict)
    _thread: threading.Thread | None = None

    @contextmanager
    def watch(self, seconds: float | None) -> Iterator[None]:
        """A context in which the calling thread gets DocumentTimeout after `seconds` (None: no limit)."""
        if seconds is None:
            yield
            return
        w = _Watch(threading.get_ident(), time.monotonic() + seconds)
        with self._cond:
            if self._thread is None or not self._thread.is_alive():  # none yet, or a fork left it behind
                self._thread = threading.Thread(target=self._run, name="pantau-watchdog", daemon=True)
                self._thread.start()
            self._watches[id(w)] = w
            self._cond.notify()
        timed_out = False
        try:
            yield
        except DocumentTimeout:
            timed_out = True
            raise
        finally:
            with self._cond:
                self._watches.pop(id(w), None)
            if w.fired and not timed_out:
                # the watchdog fired as the document ended: take back the exception it has not yet delivered
                _raise_in(w.thread, None)
                raise DocumentTimeout

    def _run(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                for w in self._watches.values():
                    if not w.fired and w.deadline <= now:
                        w.fired = True
                        _raise_in(w.thread, DocumentTimeout)
                pending = [w.deadline for w in self._watches.values() if not w.fired]
                self._cond.wait(timeout=min(pending) - now if pending else None)


def _raise_in(thread: int, exc: type[BaseException] | None) -> None:
    """Raise exc in another thread at its next bytecode (None: cancel a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(exc) if exc else None)


def code_article(article: Article, res: Resources, cfg: Config, dog: Watchdog) -> Coded:
    """Code one article within the time budget; a failure is a Coded with the reason, never an exception."""
    t0 = time.perf_counter()
    try:
        with dog.watch(cfg.time_budget_s):
            events = extract_events(article, res, cfg)
    except DocumentTimeout:
        return Coded(article.doc, article.article_id, error=f"coding stopped after the time budget of "
                     f"{cfg.time_budget_s:g} s ({len(article.text):,} characters)",
                     seconds=time.perf_counter() - t0)
    except Exception as exc:  # one bad article must not stop the batch
        return Coded(article.doc, article.article_id, error=f"coding failed: {type(exc).__name__}: {exc}",
                     seconds=time.perf_counter() - t0)
    return Coded(article.doc, article.article_id, tuple(events), seconds=time.perf_counter() - t0)


@cache
def resources(lang: str = "id") -> Resources:
    """The language resources of this process, loaded on first use (a worker process loads them once)."""
    res = Resources.load(lang)
    # the resources live as long as the process: the cyclic collector need not walk their objects again on
    # every full collection (a few per cent of coding time, a tenth on a long document)
    gc.freeze()
    return res


@cache
def _watchdog() -> Watchdog:
    return Watchdog()


def code_articles_here(articles: list[Article], cfg: Config) -> list[Coded]:
    """Code a batch of articles in this process with its resources."""
    res, dog = resources(), _watchdog()
    return [code_article(a, res, cfg, dog) for a in articles]


def code_rows(rows: Iterable[dict[str, Any]], cfg: Config | None = None) -> list[Coded]:
    """Code a batch of corpus rows: the pure function other engines (Dask, Spark, a pool) call."""
    cfg = cfg or Config()
    out: list[Coded] = []
    articles: list[tuple[int, Article]] = []
    for n, row in enumerate(rows, 1):
        item = row_article(row, "batch", n)
        if isinstance(item, ReadError):
            out.append(Coded(item.name, None, error=item.reason))
        else:
            articles.append((len(out), item))
            out.append(Coded(item.doc, item.article_id))
    for (k, _), coded in zip(articles, code_articles_here([a for _, a in articles], cfg), strict=True):
        out[k] = coded
    return out


def _batches(items: Iterable[Article | ReadError], size: int) -> Iterator[list[Article | ReadError]]:
    batch: list[Article | ReadError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


Submit = Callable[[list[Article], Config], Any]  # returns a future of list[Coded]


def _ordered(
    items: Iterable[Article | ReadError], cfg: Config, submit: Submit, result: Callable[[Any], list[Coded]],
    in_flight: int,
) -> Iterator[tuple[Article | ReadError, Coded | None]]:
    """Each item with its Coded (None for a ReadError), in input order, at most in_flight batches pending."""
    pending: deque[tuple[list[Article | ReadError], Any]] = deque()

    def drain_one() -> Iterator[tuple[Article | ReadError, Coded | None]]:
        batch, fut = pending.popleft()
        coded = iter(result(fut))
        for item in batch:
            yield item, (None if isinstance(item, ReadError) else next(coded))

    for batch in _batches(items, BATCH_ARTICLES):
        pending.append((batch, submit([x for x in batch if isinstance(x, Article)], cfg)))
        while len(pending) >= in_flight:
            yield from drain_one()
    while pending:
        yield from drain_one()


def code_stream(
    items: Iterable[Article | ReadError], cfg: Config, workers: int = 1, dask: str | None = None,
) -> Iterator[tuple[Article | ReadError, Coded | None]]:
    """Code every article of a stream in input order: in this process, on `workers` local processes, or on
    the Dask cluster whose scheduler is at `dask`."""
    if dask:
        yield from _on_dask(items, cfg, dask)
    elif workers > 1:
        yield from _on_pool(items, cfg, workers)
    else:
        res, dog = resources(), _watchdog()
        for item in items:
            yield item, (None if isinstance(item, ReadError) else code_article(item, res, cfg, dog))


def _on_pool(items: Iterable[Article | ReadError], cfg: Config, workers: int) -> Iterator[Any]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: a forked worker would inherit the parent's open SQLite connection and watchdog state;
    # each worker loads its own resources once (resources())
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from _ordered(items, cfg, lambda b, c: pool.submit(code_articles_here, b, c),
                            lambda f: f.result(), 2 * workers)


def _on_dask(items: Iterable[Article | ReadError], cfg: Config, address: str) -> Iterator[Any]:
    from dask.distributed import Client

    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise EngineError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    with client:
        n = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _ordered(items, cfg, lambda b, c: client.submit(code_articles_here, b, c, pure=False),
                            lambda f: f.result(), 2 * n)

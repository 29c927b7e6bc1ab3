"""`pantau bench`: throughput per core, start-up, memory per worker, time per pipeline stage, the regex floor,
and the scaling of a Dask cluster, measured on one corpus in one run.

Decisions:
- Stage times come from timing the stage functions that `pipeline.analyse` and `pipeline.events_of` call
  (and the sentence loop they call, `extract.facts`, and `geo.mentions`),
  wrapped for the timed pass only (`_timed_stages`): each wrapper costs well under a microsecond per call
  (some 150 calls per article), and the code measured is the code that runs, not a copy of the pipeline.
  The stages do not nest, so their times add up; "glue" is the pipeline's own code between them.
  Rejected: a profiler (cProfile doubles the time of small Python functions and distorts the shares) and
  re-running each stage separately (a second pipeline to keep in step with the first).
- The regex floor is one `findall` of the pipeline's token pattern over the same texts in the same run: the
  least any tokenising coder must spend, so the ratio says how much of the cost is pantau's own logic.
- Articles/s per core is measured on CPU time (`process_time`), which a machine shared with other jobs
  disturbs much less than wall time; wall time is reported beside it.
- Memory per worker is the peak resident size of a worker process that reads its batches from the parent
  (a pool of one), so it does not include the corpus the timing pass holds.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pantau.batch import code_articles_here, code_stream
from pantau.model import Article
from pantau.pipeline import Config, Resources, extract_events

# The modules whose calls of stage functions are timed: the pipeline, its sentence loop and its place context.
STAGE_MODULES = ("pantau.pipeline", "pantau.extract.facts", "pantau.geo.mentions")
# The stage functions those modules call, by stage name.
STAGES: dict[str, tuple[str, ...]] = {
    "clean (boilerplate)": ("mark_boilerplate",),
    "metadata": ("article_meta", "reference_date"),
    "sentences": ("split_sentences",),
    "places (gazetteer)": ("find_places", "dateline_span"),
    "tokens": ("tokenize",),
    "times": ("find_times",),
    "numbers and claims": ("find_quantities", "find_claims", "find_kinds"),
    "actors": ("find_actors", "crowd_pronouns"),
    "triggers": ("find_triggers",),
    "focus and topic": ("focus_countries", "article_topic", "resolve"),
    "candidates (roles, modality)": ("candidates",),
    "merge (who, where, when)": ("assemble",),
}


@dataclass
class BenchResult:
    """What one bench run measured."""

    articles: int = 0
    chars: int = 0
    bytes: int = 0
    events: int = 0
    startup_s: float = 0.0
    load_s: float = 0.0
    cpu_s: float = 0.0
    wall_s: float = 0.0
    floor_s: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    staged_cpu_s: float = 0.0
    worker_rss_mb: float = 0.0
    scaling: dict[int, tuple[float, float]] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """The report, one line per figure."""
        n, cpu = max(self.articles, 1), max(self.cpu_s, 1e-9)
        out = [
            f"corpus: {self.articles:,} articles, {self.chars / 1e6:.2f} M chars ({self.bytes / 1e6:.2f} MB UTF-8), "
            f"{self.events:,} events",
            f"start-up (interpreter, imports, resources): {self.startup_s:.2f} s; resources alone {self.load_s:.2f} s",
            f"throughput: {self.articles / cpu:,.0f} articles/s per core (CPU time), {self.bytes / cpu / 1e6:.2f} MB/s "
            f"per core; wall {self.articles / max(self.wall_s, 1e-9):,.0f} articles/s; {1000 * cpu / n:.2f} ms per "
            "article",
            f"regex floor (one findall of the token pattern): {self.floor_s:.3f} s, "
            f"{self.articles / max(self.floor_s, 1e-9):,.0f} articles/s; coding costs "
            f"{cpu / max(self.floor_s, 1e-9):.0f} times the floor",
        ]
        if self.worker_rss_mb:
            out.append(f"peak memory of a worker process: {self.worker_rss_mb:.0f} MB RSS")
        if self.stages:
            total = max(self.staged_cpu_s, 1e-9)
            out.append(f"time per stage ({self.staged_cpu_s:.2f} s CPU in the timed pass):")
            for name, s in sorted(self.stages.items(), key=lambda kv: -kv[1]):
                out.append(f"  {name:<30} {s:7.2f} s {100 * s / total:5.1f} %  {1000 * s / n:6.3f} ms/article")
        if self.scaling:
            base = self.scaling.get(1)
            for k, (rate, cpu) in sorted(self.scaling.items()):
                ratio = ""
                if base and k != 1:
                    ratio = (f" ({rate / base[0]:.2f} times one worker; on idle cores {k * base[1] / cpu:.2f} times, "
                             "from the workers' CPU time)")
                out.append(f"dask LocalCluster, {k} worker(s): {rate:,.0f} articles/s wall, workers' CPU {cpu:.1f} s"
                           f"{ratio}")
        return out


def startup_seconds() -> tuple[float, float]:
    """Wall time of a fresh interpreter that imports pantau's CLI and loads the resources, and of the loading."""
    code = ("import time; t = time.perf_counter(); import pantau.cli.main; from pantau.pipeline import Resources; "
            "u = time.perf_counter(); Resources.load(); print(time.perf_counter() - u)")
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return time.perf_counter() - t0, float(out.stdout.strip().splitlines()[-1])


def regex_floor(texts: list[str]) -> float:
    """CPU seconds of one plain regex tokenisation pass over the texts (the pipeline's token pattern)."""
    from pantau.text.tokens import _TOKEN

    c0 = time.process_time()
    for t in texts:
        _TOKEN.findall(t)
    return time.process_time() - c0


@contextmanager
def _timed_stages(totals: dict[str, float]) -> Iterator[None]:
    """Wrap the stage functions the pipeline modules call so that each adds its CPU time to totals."""
    import importlib

    saved: dict[tuple[Any, str], Any] = {}

    def wrap(stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        clock = time.process_time

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                totals[stage] += clock() - t0

        return timed

    for module in map(importlib.import_module, STAGE_MODULES):
        for stage, names in STAGES.items():
            for name in names:
                if hasattr(module, name):
                    saved[module, name] = getattr(module, name)
                    setattr(module, name, wrap(stage, saved[module, name]))
    try:
        yield
    finally:
        for (module, name), fn in saved.items():
            setattr(module, name, fn)


def _rss_after(articles: list[Article], cfg: Config) -> float:
    code_articles_here(articles, cfg)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_rss(articles: list[Article], cfg: Config) -> float:
    """Peak RSS (MB) of a worker process that codes the articles in batches sent from here."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        peak = 0.0
        for k in range(0, len(articles), 256):
            peak = max(peak, pool.submit(_rss_after, articles[k : k + 256], cfg).result())
    return peak


def dask_scaling(
    articles: list[Article], cfg: Config, counts: tuple[int, ...] = (1, 2), rounds: int = 2
) -> dict[int, tuple[float, float]]:
    """(articles/s wall, CPU seconds of the workers) on a Dask LocalCluster of k single-threaded worker
    processes, for each k: the best of `rounds` runs, the counts taking turns, so that a burst of other work
    on a shared machine hits both. The workers' CPU time says what k workers would give on idle cores
    (k times one worker's CPU time over theirs) when other jobs hold the machine's cores."""
    from dask.distributed import Client, LocalCluster

    out: dict[int, tuple[float, float]] = {}
    for k in [k for _ in range(rounds) for k in counts]:
        with LocalCluster(n_workers=k, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            with Client(cluster) as client:  # warm up: each worker loads its resources before the clock starts
                client.run(_warm)
                before = client.run(time.process_time)
                t0 = time.perf_counter()
                for _ in code_stream(articles, cfg, dask=cluster.scheduler_address):
                    pass
                rate = len(articles) / (time.perf_counter() - t0)
                after = client.run(time.process_time)
            cpu = sum(after[w] - before[w] for w in after)
            if rate > out.get(k, (0.0, 0.0))[0]:
                out[k] = (rate, cpu)
    return out


def _warm() -> None:
    from pantau.batch import resources

    resources()


def run(
    articles: list[Article], cfg: Config, res: Resources, workers: bool = True, scaling: bool = False
) -> BenchResult:
    """Measure everything on articles already read."""
    r = BenchResult(articles=len(articles), chars=sum(len(a.text) for a in articles))
    r.bytes = sum(len(a.text.encode("utf-8")) for a in articles)
    r.startup_s, r.load_s = startup_seconds()
    for a in articles[:50]:  # warm the gazetteer's caches as a long run has them
        extract_events(a, res, cfg)
    c0, t0 = time.process_time(), time.perf_counter()
    for a in articles:
        r.events += len(extract_events(a, res, cfg))
    r.cpu_s, r.wall_s = time.process_time() - c0, time.perf_counter() - t0
    r.floor_s = regex_floor([a.text for a in articles])
    totals: dict[str, float] = defaultdict(float)
    c0 = time.process_time()
    with _timed_stages(totals):
        for a in articles:
            extract_events(a, res, cfg)
    r.staged_cpu_s = time.process_time() - c0
    totals["glue (pipeline's own code)"] = max(0.0, r.staged_cpu_s - sum(totals.values()))
    r.stages = dict(totals)
    if workers:
        r.worker_rss_mb = worker_rss(articles, cfg)
    if scaling:
        r.scaling = dask_scaling(articles, cfg)
    return r

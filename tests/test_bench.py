"""Throughput benchmarks (pytest-benchmark) on the team's example articles: benchmarks, not timed assertions.

They run once as plain tests by default (pyproject's addopts has --benchmark-disable); measure with
`pytest tests/test_bench.py --benchmark-enable`. The corpus-level figure is `pantau bench <corpus>`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pantau.geo.places import find_places
from pantau.ingest import read_path
from pantau.model import Article
from pantau.pipeline import Config, Resources, extract_events
from pantau.text.timex import find_times


def example(name: str) -> Article:
    """One of the shipped example articles, read as the CLI reads it."""
    path = Path(str(resources.files("pantau") / "examples" / name))
    article = next(iter(read_path(path)))
    assert isinstance(article, Article)
    return article


def test_bench_find_places(benchmark, res: Resources) -> None:
    text = example("papua_clash.txt").text
    mentions = benchmark(find_places, text, res.gazetteer, res.places)
    assert any(m.span.text == "Sugapa" for m in mentions)


def test_bench_find_times(benchmark, res: Resources) -> None:
    text = example("papua_clash.txt").text

    def all_times() -> list:
        return find_times(text, res.time, None, units=res.numbers.units)

    assert any(t.kind == "absolute" for t in benchmark(all_times))


def test_bench_pipeline(benchmark, res: Resources) -> None:
    article = example("papua_clash.txt")
    events = benchmark(extract_events, article, res, Config())
    assert events


def test_bench_pipeline_all_examples(benchmark, res: Resources) -> None:
    articles = [example(p.name) for p in sorted(Path(str(resources.files("pantau") / "examples")).glob("*.txt"))]

    def code_all() -> int:
        return sum(len(extract_events(a, res, Config())) for a in articles)

    assert benchmark(code_all) > 0


def test_bench_reports_every_figure(res: Resources) -> None:
    from pantau import bench

    articles = [example(p.name) for p in sorted(Path(str(resources.files("pantau") / "examples")).glob("*.txt"))]
    r = bench.run(articles, Config(), res, workers=False)
    assert r.articles == len(articles) and r.events > 0 and r.cpu_s > 0 and r.floor_s > 0
    assert r.startup_s > 0 and 0 < r.load_s < r.startup_s
    assert set(bench.STAGES) <= set(r.stages)
    assert r.stages["places (gazetteer)"] > 0 and r.stages["merge (who, where, when)"] > 0
    assert abs(sum(r.stages.values()) - r.staged_cpu_s) < 1e-6
    text = "\n".join(r.lines())
    for words in ("articles/s per core", "MB/s", "start-up", "times the floor", "time per stage", "tokens"):
        assert words in text
    # the stage functions are the pipeline's own again
    import pantau.pipeline as pipeline
    from pantau.geo.places import find_places as plain

    assert pipeline.find_places is plain


def test_bench_measures_dask_scaling() -> None:
    from pantau import bench

    articles = [example(p.name) for p in sorted(Path(str(resources.files("pantau") / "examples")).glob("*.txt"))]
    got = bench.dask_scaling(articles * 3, Config(), counts=(1, 2), rounds=1)
    assert set(got) == {1, 2}
    assert all(rate > 0 and cpu > 0 for rate, cpu in got.values())
    line = bench.BenchResult(articles=1, scaling=got).lines()[-1]
    assert line.startswith("dask LocalCluster, 2 worker(s):") and "times one worker" in line

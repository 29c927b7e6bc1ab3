"""pantau.batch: the batch function, the per-document time budget, and the engines (a process pool, a Dask
cluster) giving the records of one process; and coding time linear in the length of a document."""

from __future__ import annotations

import subprocess
import sys
import time
from importlib import resources as package_files
from pathlib import Path

import pytest

import corpora
from pantau.batch import Coded, Watchdog, code_article, code_rows, code_stream
from pantau.ingest import ReadError, read_paths
from pantau.ingest.base import row_article
from pantau.model import Article
from pantau.pipeline import Config, Resources, extract_events
from pantau.store.records import to_record

EXAMPLES = Path(str(package_files.files("pantau") / "examples"))
SENTENCE = ("Pada Senin (3/6/2024), kelompok bersenjata menembak dua anggota TNI di Distrik Sugapa, Kabupaten "
            "Intan Jaya, kata Kapolda Papua kepada wartawan di Jayapura. ")


def records(pairs: list[tuple[Article | ReadError, Coded | None]]) -> list[tuple[str, str | None, list[dict]]]:
    """Each input's name, error and event records."""
    out = []
    for item, coded in pairs:
        if coded is None:
            assert isinstance(item, ReadError)
            out.append((item.name, item.reason, []))
        else:
            out.append((coded.doc, coded.error, [to_record(e) for e in coded.events]))
    return out


def inputs(tmp: Path) -> list[Path]:
    """The shipped examples, the team's corpus with its two bad rows, and a crawl."""
    return [EXAMPLES, Path(__file__).parent / "data" / "corpus.jsonl", corpora.write_warc(tmp / "c.warc.gz")]


def test_code_rows_is_extract_events_row_by_row(res: Resources) -> None:
    rows = [*corpora.rows(), {"doc": "kosong", "text": "  "}, {"doc": "tanpa teks"}]
    got = code_rows(rows, Config())
    assert [c.doc for c in got] == [*[r["doc"] for r in corpora.rows()], "batch:5", "batch:6"]
    assert [c.error for c in got[-2:]] == ["row has an empty 'text'", "row has no 'text' field"]
    for n, (row, coded) in enumerate(zip(rows[:4], got[:4], strict=True), 1):
        article = row_article(row, "batch", n)
        assert isinstance(article, Article) and coded.error is None
        assert [to_record(e) for e in coded.events] == [to_record(e) for e in extract_events(article, res)]
    assert sum(len(c.events) for c in got) >= 3


def test_time_budget_ends_a_runaway_document_and_the_batch_goes_on(res: Resources) -> None:
    dog = Watchdog()
    cfg = Config(time_budget_s=0.3)
    long = Article.from_text("panjang.txt", SENTENCE * 6000)  # 942 KB: seconds of work
    short = Article.from_text("pendek.txt", (EXAMPLES / "papua_clash.txt").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    first = code_article(long, res, cfg, dog)
    assert time.perf_counter() - t0 < 2.0
    assert first.error is not None and "time budget of 0.3 s" in first.error and "942,000 characters" in first.error
    second = code_article(short, res, cfg, dog)
    assert second.error is None and second.events
    # a budget the document keeps leaves nothing behind for the next one
    for _ in range(20):
        assert code_article(short, res, Config(time_budget_s=5.0), dog).error is None
    time.sleep(0.1)


def test_cli_names_the_document_over_budget(tmp_path: Path) -> None:
    (tmp_path / "a_long.txt").write_text(SENTENCE * 6000, encoding="utf-8")
    (tmp_path / "b_papua.txt").write_text((EXAMPLES / "papua_clash.txt").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "pantau.cli.main", "extract", str(tmp_path), "--time-budget", "0.5"],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 1
    assert "pantau: a_long.txt: coding stopped after the time budget of 0.5 s" in out.stderr
    assert '"doc": "b_papua.txt"' in out.stdout


def test_coding_time_is_linear_in_the_length_of_a_document(res: Resources) -> None:
    def cpu(n: int) -> float:
        article = Article.from_text("x", SENTENCE * n)
        t0 = time.process_time()
        extract_events(article, res)
        return time.process_time() - t0

    cpu(50)
    small, big = min(cpu(400) for _ in range(2)), min(cpu(1600) for _ in range(2))
    assert big < 7 * small  # 4 times the text: linear is about 4, the quadratic scans made it over 16


def test_pool_gives_the_records_of_one_process(tmp_path: Path) -> None:
    one = records(list(code_stream(read_paths(inputs(tmp_path)), Config())))
    two = records(list(code_stream(read_paths(inputs(tmp_path)), Config(), workers=2)))
    assert two == one
    assert sum(len(r) for _, _, r in one) > 5 and any(err for _, err, _ in one)


def test_dask_cluster_gives_the_records_of_one_process(tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    one = records(list(code_stream(read_paths(inputs(tmp_path)), Config())))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        on_dask = records(list(code_stream(read_paths(inputs(tmp_path)), Config(), dask=c.scheduler_address)))
        cli = subprocess.run(
            [sys.executable, "-m", "pantau.cli.main", "extract", *map(str, inputs(tmp_path)), "--dask",
             c.scheduler_address], capture_output=True, text=True, check=False)
    assert on_dask == one
    local = subprocess.run([sys.executable, "-m", "pantau.cli.main", "extract", *map(str, inputs(tmp_path)),
                            "--workers", "2"], capture_output=True, text=True, check=False)
    plain = subprocess.run([sys.executable, "-m", "pantau.cli.main", "extract", *map(str, inputs(tmp_path))],
                           capture_output=True, text=True, check=False)
    assert cli.stdout == local.stdout == plain.stdout
    assert cli.returncode == local.returncode == plain.returncode == 1  # the corpus's two bad rows


def test_unreachable_dask_scheduler_is_a_clear_error() -> None:
    out = subprocess.run([sys.executable, "-m", "pantau.cli.main", "extract", str(EXAMPLES), "--dask",
                          "tcp://127.0.0.1:1"], capture_output=True, text=True, check=False)
    assert out.returncode == 2
    assert "pantau: cannot reach the Dask scheduler at tcp://127.0.0.1:1" in out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""

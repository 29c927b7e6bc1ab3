"""Every reader on corpora written from the team's fixtures (tests/corpora.py), whole and broken: each good
row is read, each broken row, record or file is named with its reason, and the CLI exits 1 after coding the
rest."""

from __future__ import annotations

import gzip
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

import corpora
from pantau.ingest import ReadError, read_path
from pantau.model import Article

DOCS = [doc for doc, _, _ in corpora.ROWS]
URLS = [f"https://example.com/{d}" for d in DOCS]


def read(path: Path) -> tuple[list[Article], list[ReadError]]:
    """The articles and the errors read from path."""
    items = list(read_path(path))
    return [x for x in items if isinstance(x, Article)], [x for x in items if isinstance(x, ReadError)]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpora")
    corpora.write_all(root)
    return root


@pytest.mark.parametrize(("name", "docs"), [
    ("c.jsonl", DOCS), ("c.jsonl.gz", DOCS), ("c.csv", DOCS), ("c.csv.gz", DOCS), ("c.parquet", DOCS),
    ("c.warc", URLS), ("c.warc.gz", URLS), ("page.html", ["page.html"]), ("plain.txt", ["plain.txt"]),
])
def test_every_format_reads_whole(folder: Path, name: str, docs: list[str]) -> None:
    arts, errs = read(folder / name)
    assert errs == []
    assert [a.doc for a in arts] == docs


@pytest.mark.parametrize("name", ["c.jsonl.gz", "c.csv", "c.parquet"])
def test_corpora_keep_text_and_dates(folder: Path, name: str) -> None:
    arts, _ = read(folder / name)
    expected = corpora.rows()
    assert [a.text for a in arts] == [r["text"] for r in expected]
    assert [a.published.isoformat() if a.published else None for a in arts] == [r["published"] for r in expected]


def test_warc_pages_carry_url_and_crawl_date(folder: Path) -> None:
    arts, _ = read(folder / "c.warc.gz")
    assert {a.crawled.isoformat() if a.crawled else None for a in arts} == {"2024-07-22"}
    assert [a.url for a in arts] == URLS
    # the HTML reader found the main text: the article's first sentence, not the navigation
    first = corpora.rows()[0]["text"].split("\n\n")[0].strip()[:60]
    assert first in arts[0].text
    assert "Beranda" not in arts[0].text


def test_folder_is_read_in_name_order(folder: Path) -> None:
    arts, errs = read(folder)
    assert errs == []
    assert len(arts) == 7 * 4 + 2


def cut(data: bytes, keep: float) -> bytes:
    return data[: int(len(data) * keep)]


@pytest.mark.parametrize(("name", "make", "expect"), [
    ("t.jsonl.gz", lambda: cut(gzip.compress(corpora.jsonl_bytes()), 0.7), "gzip stream ends early"),
    ("t.csv.gz", lambda: cut(gzip.compress(corpora.csv_bytes()), 0.7), "gzip stream ends early"),
    ("t.csv", lambda: corpora.csv_bytes() + b'extra,"an open quote that never closes\nmore,rows\n',
     "unterminated quote"),
    ("t.jsonl", lambda: corpora.jsonl_bytes() + b'{"text": "Massa membakar pos\n', "not JSON"),
    ("t.jsonl", lambda: corpora.jsonl_bytes() + b'{"text": "bukan \xff utf-8"}\n', "not UTF-8"),
    ("t.csv", lambda: corpora.csv_bytes() + b"a,b,c,d,e,f,g\n", "fields, the header has 5"),
])
def test_broken_corpus_names_file_and_line(tmp_path: Path, name: str, make, expect: str) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    arts, errs = read(path)
    assert len(errs) == 1, errs
    assert str(errs[0]).startswith(name)
    assert expect in errs[0].reason
    assert [a.doc for a in arts] == DOCS[: len(arts)]


def test_unterminated_quote_names_its_row(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('doc,text\na,"Polisi menangkap dua orang,\nkata Kapolres."\nb,"Massa berunjuk rasa di Sorong.\n'
                    'c,Tenang\n', encoding="utf-8")
    arts, errs = read(path)
    assert [a.doc for a in arts] == ["a"]
    assert [e.name for e in errs] == ["q.csv:4"]
    assert "unterminated quote" in errs[0].reason


def test_truncated_parquet_is_named(folder: Path, tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    path.write_bytes(cut((folder / "c.parquet").read_bytes(), 0.8))
    arts, errs = read(path)
    assert arts == []
    assert [e.name for e in errs] == ["t.parquet"]
    assert "truncated or corrupt" in errs[0].reason


@pytest.mark.parametrize("name", ["t.warc", "t.warc.gz"])
@pytest.mark.parametrize("keep", [0.55, 0.8])
def test_truncated_warc_is_named(folder: Path, tmp_path: Path, name: str, keep: float) -> None:
    path = tmp_path / name
    path.write_bytes(cut((folder / name.replace("t.", "c.")).read_bytes(), keep))
    arts, errs = read(path)
    assert len(errs) == 1, errs
    assert errs[0].name.startswith(f"{name}: record ")
    assert "truncated" in errs[0].reason
    assert [a.url for a in arts] == URLS[: len(arts)]


def test_five_megabyte_single_line(tmp_path: Path) -> None:
    sentence = "Warga Desa Sukamaju menggelar kerja bakti membersihkan saluran air pada Minggu pagi. "
    text = sentence * (5_000_000 // len(sentence) + 1)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    jsonl = tmp_path / "long.jsonl"
    jsonl.write_text(f'{{"doc": "long", "text": "{text}"}}\n{{"text": "Pendek saja."}}\n', encoding="utf-8")
    for p, n in ((path, 1), (jsonl, 2)):
        arts, errs = read(p)
        assert errs == [] and len(arts) == n
        assert arts[0].text == text


def test_streaming_memory_is_bounded(tmp_path: Path) -> None:
    """Reading an 8 MB corpus holds a row and the gzip buffers at a time, not the file."""
    line = corpora.jsonl_bytes().splitlines(keepends=True)[0]
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        for _ in range(10_000):
            fh.write(line)
    tracemalloc.start()
    n = sum(1 for _ in read_path(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == 10_000
    assert peak < 1_000_000 < 10_000 * len(line)


def test_cli_codes_the_rest_and_exits_1(folder: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(cut(gzip.compress(corpora.jsonl_bytes()), 0.7))
    out = subprocess.run(
        [sys.executable, "-m", "pantau.cli.main", "extract", str(broken), str(folder / "c.csv")],
        capture_output=True, text=True, check=False,
    )
    assert out.returncode == 1
    assert "broken.jsonl.gz: gzip stream ends early" in out.stderr
    assert "Traceback" not in out.stderr
    assert '"doc": "maluku_tawuran"' in out.stdout  # the CSV's rows were coded


def test_documents_over_the_size_limit_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pantau.ingest as ingest
    from pantau.ingest import base, rows

    for module in (ingest, base, rows):
        monkeypatch.setattr(module, "MAX_DOCUMENT_BYTES", 1000)
    long = tmp_path / "long.jsonl"
    long.write_text('{"text": "' + "Warga berkumpul di balai desa. " * 100 + '"}\n{"text": "Hujan turun di Bogor."}\n',
                    encoding="utf-8")
    arts, errs = read(long)
    assert [e.name for e in errs] == ["long.jsonl:1"] and "limit" in errs[0].reason
    assert [a.doc for a in arts] == ["long.jsonl:2"]
    text = tmp_path / "long.txt"
    text.write_text("Warga berkumpul di balai desa. " * 100, encoding="utf-8")
    assert [str(e) for e in read(text)[1]] == ["long.txt: text of 3,100 bytes is over the 1,000-byte limit of one "
                                               "document"]

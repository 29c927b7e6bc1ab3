"""Readers of pantau.ingest against the fixtures in tests/data (see tests/data/README.md)."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from pantau.ingest import ReadError, read_path, read_paths
from pantau.model import Article

DATA = Path(__file__).parent / "data"

ARTICLE_FILES = sorted(p.name for p in (DATA / "articles").glob("*.txt"))
CORPUS_ROWS: list[tuple[str, str, date]] = [
    ("thailand_grenade", "articles/thailand_grenade.txt", date(2024, 7, 21)),
    ("maluku_tawuran", "articles/maluku_tawuran.txt", date(2024, 6, 4)),
    ("syria_retake", "articles/syria_retake.txt", date(2017, 8, 12)),
    ("football_match", "negatives/football_match.txt", date(2024, 3, 16)),
]


def read_all(path: Path) -> list[Article | ReadError]:
    """Everything read_path yields for path."""
    return list(read_path(path))


def articles(items: list[Article | ReadError]) -> list[Article]:
    """The articles among read results."""
    return [x for x in items if isinstance(x, Article)]


def errors(items: list[Article | ReadError]) -> list[ReadError]:
    """The errors among read results."""
    return [x for x in items if isinstance(x, ReadError)]


def file_text(relative: str) -> str:
    """A fixture's text exactly as stored (no newline translation)."""
    return (DATA / relative).read_bytes().decode("utf-8")


# --- plain text files --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ARTICLE_FILES)
def test_text_file_is_one_article(name: str) -> None:
    got = read_all(DATA / "articles" / name)
    assert len(got) == 1
    art = got[0]
    assert isinstance(art, Article)
    assert art.doc == name
    assert art.text == file_text(f"articles/{name}")
    assert art.article_id == hashlib.sha256(art.text.encode("utf-8")).hexdigest()[:16]


def test_article_id_is_stable_across_reads() -> None:
    path = DATA / "articles" / "syria_retake.txt"
    first, second = read_all(path)[0], read_all(path)[0]
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.article_id == second.article_id
    other = read_all(DATA / "articles" / "wamena_arson.txt")[0]
    assert isinstance(other, Article)
    assert other.article_id != first.article_id


def test_text_file_has_no_corpus_metadata() -> None:
    art = read_all(DATA / "negatives" / "planned_protest.txt")[0]
    assert isinstance(art, Article)
    assert (art.published, art.url, art.outlet) == (None, None, None)


# --- corpora -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("corpus", ["corpus.jsonl", "corpus.csv"])
def test_corpus_rows(corpus: str) -> None:
    got = articles(read_all(DATA / corpus))
    assert [(a.doc, a.published) for a in got] == [(doc, pub) for doc, _, pub in CORPUS_ROWS]
    for art, (_, source, _) in zip(got, CORPUS_ROWS, strict=True):
        assert art.text == file_text(source)
        single = read_all(DATA / source)[0]
        assert isinstance(single, Article)
        assert art.article_id == single.article_id
        assert art.url is not None and art.url.startswith("https://")
        assert art.outlet


def test_jsonl_bad_rows_are_named_by_line() -> None:
    errs = errors(read_all(DATA / "corpus.jsonl"))
    assert [e.name for e in errs] == ["corpus.jsonl:5", "corpus.jsonl:6"]
    empty, missing = errs
    assert "empty" in empty.reason
    assert "text" in missing.reason
    assert str(missing).startswith("corpus.jsonl:6: ")


def test_jsonl_errors_come_after_the_good_rows() -> None:
    kinds = ["A" if isinstance(x, Article) else "E" for x in read_all(DATA / "corpus.jsonl")]
    assert kinds == ["A", "A", "A", "A", "E", "E"]


def test_csv_has_no_errors() -> None:
    assert errors(read_all(DATA / "corpus.csv")) == []


def test_jsonl_and_csv_agree() -> None:
    def key(a: Article) -> tuple[str, str, date | None, str | None, str | None]:
        return (a.doc, a.article_id, a.published, a.outlet, a.url)

    jsonl = [key(a) for a in articles(read_all(DATA / "corpus.jsonl"))]
    csv = [key(a) for a in articles(read_all(DATA / "corpus.csv"))]
    assert jsonl == csv


def test_corpus_written_on_the_fly(tmp_path: Path) -> None:
    path = tmp_path / "mini.jsonl"
    path.write_text(
        '{"doc": "a", "text": "Massa membakar pos polisi di Deiyai, Senin (3/6).", '
        '"published": "2024-06-04"}\n'
        "\n"
        "bukan json\n"
        '["daftar"]\n'
        '{"text": "KKB menembak seorang guru di Beoga."}\n',
        encoding="utf-8",
    )
    got = read_all(path)
    assert [(type(x).__name__, x.doc if isinstance(x, Article) else x.name) for x in got] == [
        ("Article", "a"),
        ("ReadError", "mini.jsonl:3"),
        ("ReadError", "mini.jsonl:4"),
        ("Article", "mini.jsonl:5"),
    ]
    first = got[0]
    assert isinstance(first, Article)
    assert first.published == date(2024, 6, 4)


# --- HTML --------------------------------------------------------------------------------------------

def test_html_main_text() -> None:
    got = read_all(DATA / "html" / "article.html")
    assert len(got) == 1
    art = got[0]
    assert isinstance(art, Article)
    assert art.doc == "article.html"
    body = file_text("articles/church_suicide_bomb.txt")
    # the article's paragraphs are all there
    for para in body.split("\n\n")[:3]:
        assert para.strip() in art.text
    assert "Tim Gegana menyisir lokasi" in art.text
    # comments, navigation, sidebar, ticker and footer are not
    for outside in ("Turut berduka", "kedengaran ledakannya", "Beranda", "Terpopuler",
                    "Harga cabai rawit", "Pedoman Media Siber", "Densus 88 Tangkap Dua Terduga",
                    "dataLayer"):
        assert outside not in art.text
    assert art.published == date(2024, 2, 25)
    assert art.article_id == hashlib.sha256(art.text.encode("utf-8")).hexdigest()[:16]


# --- bad files ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "word"), [("empty.txt", "empty"), ("binary.txt", "binary")])
def test_unreadable_files(name: str, word: str) -> None:
    got = read_all(DATA / "bad" / name)
    assert len(got) == 1
    err = got[0]
    assert isinstance(err, ReadError)
    assert err.name == name
    assert word in err.reason.lower()
    assert str(err).startswith(f"{name}: ")


def test_latin1_is_decoded_by_fallback() -> None:
    got = read_all(DATA / "bad" / "latin1.txt")
    assert len(got) == 1
    art = got[0]
    assert isinstance(art, Article)
    assert art.doc == "latin1.txt"
    assert "½" in art.text or "é" in art.text
    assert "\ufffd" not in art.text
    assert art.text.startswith("PADANG, Kabar Sumbar -- ")


def test_latin1_is_decoded_exactly() -> None:
    # charset_normalizer alone picks cp1250 here, reading byte 0xBD as '˝' instead of '½'
    art = read_all(DATA / "bad" / "latin1.txt")[0]
    assert isinstance(art, Article)
    assert art.text == (DATA / "bad" / "latin1.txt").read_bytes().decode("latin-1")


# --- folders and missing paths --------------------------------------------------------------------------

def test_folder_yields_all_files_sorted() -> None:
    got = read_all(DATA / "articles")
    assert [a.doc for a in articles(got)] == ARTICLE_FILES
    assert errors(got) == []


def test_folder_mixes_articles_and_errors_in_order() -> None:
    got = read_all(DATA / "bad")
    assert [(type(x).__name__, x.doc if isinstance(x, Article) else x.name) for x in got] == [
        ("ReadError", "binary.txt"),
        ("ReadError", "empty.txt"),
        ("Article", "latin1.txt"),
    ]


def test_missing_path_is_an_error() -> None:
    missing = DATA / "tidak_ada.txt"
    got = read_all(missing)
    assert len(got) == 1
    err = got[0]
    assert isinstance(err, ReadError)
    assert "tidak_ada.txt" in err.name
    assert err.reason


def test_read_paths_keeps_going_after_an_error() -> None:
    got = list(read_paths([DATA / "tidak_ada.txt", DATA / "articles" / "syria_retake.txt"]))
    assert [type(x).__name__ for x in got] == ["ReadError", "Article"]

"""Corpora of every format pantau reads, written from the team's fixture texts (tests/data).

Used by tests/test_readers.py and by .ci/readers.py, which runs in a venv made from the runtime dependencies
alone, so it needs nothing but pantau's own dependencies (pyarrow, warcio) to write them."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

DATA = Path(__file__).parent / "data"
# (doc, fixture, published): the rows of every corpus written here
ROWS = [
    ("thailand_grenade", "articles/thailand_grenade.txt", "2024-07-21"),
    ("maluku_tawuran", "articles/maluku_tawuran.txt", "2024-06-04"),
    ("syria_retake", "articles/syria_retake.txt", "2017-08-12"),
    ("football_match", "negatives/football_match.txt", "2024-03-16"),
]


def rows() -> list[dict[str, str]]:
    """The corpus rows: doc, text, url, outlet, published."""
    return [
        {"doc": doc, "text": (DATA / src).read_bytes().decode("utf-8"), "url": f"https://example.com/{doc}",
         "outlet": "Kabar Contoh", "published": pub}
        for doc, src, pub in ROWS
    ]


def jsonl_bytes() -> bytes:
    """The rows as JSONL."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows()).encode("utf-8")


def csv_bytes() -> bytes:
    """The rows as CSV with a header."""
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=list(rows()[0]))
    w.writeheader()
    w.writerows(rows())
    return buf.getvalue().encode("utf-8")


def write_parquet(path: Path, row_group_size: int = 2) -> Path:
    """The rows as a Parquet file (published as a date column) in row groups of row_group_size."""
    from datetime import date

    import pyarrow as pa
    import pyarrow.parquet as pq

    data = [{**r, "published": date.fromisoformat(r["published"])} for r in rows()]
    pq.write_table(pa.Table.from_pylist(data), path, row_group_size=row_group_size)
    return path


def html_page(title: str, body: str) -> bytes:
    """A news page around an article body: navigation, the article's paragraphs, a footer."""
    paras = "".join(f"<p>{p.strip()}</p>" for p in body.split("\n\n") if p.strip())
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Beranda</a> <a href='/x'>Nasional</a>"
        f"</nav><article><h1>{title}</h1>{paras}</article><footer>Hak cipta Kabar Contoh</footer></body></html>"
    ).encode()


def write_warc(path: Path) -> Path:
    """A crawl of the rows as HTML pages (plus a request, a robots.txt and an image), gzip when path ends in .gz."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))

        def response(url: str, ctype: str, payload: bytes) -> None:
            head = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=head,
                                            warc_headers_dict={"WARC-Date": "2024-07-22T03:00:00Z"})
            writer.write_record(rec)

        response("https://example.com/robots.txt", "text/plain", b"User-agent: *\n")
        for r in rows():
            req = writer.create_warc_record(r["url"], "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            response(r["url"], "text/html; charset=utf-8", html_page(r["doc"].replace("_", " ").title(), r["text"]))
        response("https://example.com/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    return path


def write_all(folder: Path) -> list[Path]:
    """One corpus of every format in folder: JSONL, CSV (plain and gzip), Parquet, WARC (plain and gzip),
    an HTML page and a text file."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, data in (("c.jsonl", jsonl_bytes()), ("c.csv", csv_bytes())):
        (folder / name).write_bytes(data)
        (folder / f"{name}.gz").write_bytes(gzip.compress(data))
        out += [folder / name, folder / f"{name}.gz"]
    out.append(write_parquet(folder / "c.parquet"))
    out.append(write_warc(folder / "c.warc"))
    out.append(write_warc(folder / "c.warc.gz"))
    (folder / "page.html").write_bytes((DATA / "html" / "article.html").read_bytes())
    (folder / "plain.txt").write_bytes((DATA / "articles" / "wamena_arson.txt").read_bytes())
    return [*out, folder / "page.html", folder / "plain.txt"]

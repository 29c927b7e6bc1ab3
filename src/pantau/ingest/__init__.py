"""Readers: text, HTML, JSONL, CSV and Parquet corpora, each document as an Article or a ReadError."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pantau.model import Article

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
CORPUS_SUFFIXES = {".jsonl", ".ndjson", ".csv", ".parquet", ".jsonl.gz", ".csv.gz"}


@dataclass(frozen=True)
class ReadError:
    """A document that could not be read, and why."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the encoding used when it was not UTF-8."""

    text: str
    fallback: str | None


def decode(data: bytes, name: str) -> Decoded | ReadError:
    """Decode bytes as UTF-8, falling back to a detected encoding that is reported."""
    if not data.strip():
        return ReadError(name, "empty file")
    if b"\x00" in data[:4096]:
        return ReadError(name, "binary file (contains NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8-sig"), None)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return ReadError(name, f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                               "and no other encoding fits")
    if best.encoding in _LATIN_SINGLE_BYTE:
        # Single-byte Latin code pages are hard to tell apart on Latin-script text; legacy Indonesian text
        # is Windows-1252 (or Latin-1, its subset on printable bytes), never Central European cp1250.
        try:
            return Decoded(data.decode("cp1252"), "cp1252")
        except UnicodeDecodeError:
            pass
    return Decoded(str(best), best.encoding)


_LATIN_SINGLE_BYTE = frozenset({
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9",
    "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_latin2", "mac_roman",
    "mac_iceland", "mac_turkish", "cp850", "cp437", "cp858",
})


def _date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _row_article(row: dict[str, Any], name: str, n: int) -> Article | ReadError:
    where = f"{name}:{n}"
    text = row.get("text")
    if not isinstance(text, str):
        return ReadError(where, "row has no 'text' field")
    if not text.strip():
        return ReadError(where, "row has an empty 'text'")
    doc = str(row.get("doc") or f"{Path(name).name}:{n}")
    return Article.from_text(
        doc, text,
        url=row.get("url") or None, title=row.get("title") or None, outlet=row.get("outlet") or None,
        published=_date(row.get("published")), crawled=_date(row.get("crawled")),
    )


def _open_text(path: Path) -> io.TextIOBase:
    if path.name.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return open(path, encoding="utf-8", newline="")


def read_jsonl(path: Path) -> Iterator[Article | ReadError]:
    """Rows of a JSONL corpus; a bad row is an error naming its line."""
    with _open_text(path) as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield ReadError(f"{path.name}:{n}", f"not JSON ({exc.msg})")
                continue
            if not isinstance(row, dict):
                yield ReadError(f"{path.name}:{n}", "not a JSON object")
                continue
            yield _row_article(row, path.name, n)


def read_csv(path: Path) -> Iterator[Article | ReadError]:
    """Rows of a CSV corpus with a 'text' column."""
    csv.field_size_limit(sys.maxsize)
    with _open_text(path) as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "text" not in reader.fieldnames:
            yield ReadError(path.name, "CSV has no 'text' column")
            return
        for n, row in enumerate(reader, 2):
            yield _row_article(row, path.name, n)


def read_parquet(path: Path) -> Iterator[Article | ReadError]:
    """Rows of a Parquet corpus with a 'text' column (needs pyarrow)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield ReadError(path.name, "reading Parquet needs pyarrow (pip install pyarrow)")
        return
    table = pq.ParquetFile(path)
    n = 0
    for batch in table.iter_batches():
        for row in batch.to_pylist():
            n += 1
            yield _row_article(row, path.name, n)


def read_html(data: bytes, name: str) -> Article | ReadError:
    """The main text of an HTML page, extracted with trafilatura (comments left out)."""
    import trafilatura

    dec = decode(data, name)
    if isinstance(dec, ReadError):
        return dec
    text = trafilatura.extract(dec.text, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        return ReadError(name, "no main text found in the HTML")
    meta = trafilatura.extract_metadata(dec.text)
    return Article.from_text(
        name, text,
        title=getattr(meta, "title", None), url=getattr(meta, "url", None),
        outlet=getattr(meta, "sitename", None), published=_date(getattr(meta, "date", None)),
    )


def read_path(path: Path) -> Iterator[Article | ReadError]:
    """Every document under a path: a file, a folder (recursively, sorted) or a corpus."""
    if not path.exists():
        yield ReadError(str(path), "no such file or folder")
        return
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            yield from read_path(child)
        return
    name = path.name.lower()
    try:
        if name.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
            yield from read_jsonl(path)
        elif name.endswith((".csv", ".csv.gz")):
            yield from read_csv(path)
        elif name.endswith(".parquet"):
            yield from read_parquet(path)
        elif path.suffix.lower() in HTML_SUFFIXES:
            yield read_html(path.read_bytes(), path.name)
        else:
            data = path.read_bytes()
            dec = decode(data, path.name)
            if isinstance(dec, ReadError):
                yield dec
                return
            if dec.fallback:
                print(f"pantau: {path.name}: not UTF-8, read as {dec.fallback}", file=sys.stderr)
            yield Article.from_text(path.name, dec.text)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        yield ReadError(path.name, f"cannot read: {exc}")


def read_paths(paths: list[Path]) -> Iterator[Article | ReadError]:
    """Every document under several paths, in order."""
    for p in paths:
        yield from read_path(p)

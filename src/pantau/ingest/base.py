"""What every reader shares: the ReadError, decoding, a corpus row as an Article, HTML and plain text files."""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pantau.model import Article, iso_date

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# The largest document (a text file, a row's text, an HTML page) read at all: beyond it a document is refused
# with an error rather than held in memory; 32 MB is some 30 times the longest news page of a crawl.
MAX_DOCUMENT_BYTES = 32 * 1024 * 1024
# What a broken compressed stream raises: gzip's EOFError when it ends early, zlib's and gzip's own on bad data.
STREAM_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


def open_binary(path: Path) -> io.BufferedIOBase:
    """The bytes of a file, through gzip when its name ends in .gz."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


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


def _utf16_guess(head: bytes) -> str | None:
    """The reason for text in UTF-16 with no byte-order mark (NULs in every other byte), else None.

    It is refused, not guessed at: a wrong guess of the byte order would code garbage without a word.
    """
    even, odd = head[0::2], head[1::2]
    for zeros, order in ((odd, "little"), (even, "big")):
        if len(zeros) >= 8 and zeros.count(0) > 0.9 * len(zeros):
            return f"looks like UTF-16 ({order}-endian) without a byte-order mark: save it as UTF-8"
    return None


def decode(data: bytes, name: str) -> Decoded | ReadError:
    """Decode bytes as UTF-8, falling back to a detected encoding that is reported."""
    if not data.strip():
        return ReadError(name, "empty file")
    if b"\x00" in data[:4096]:
        return ReadError(name, _utf16_guess(data[:4096]) or "binary file (contains NUL bytes), not text")
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


def as_date(value: Any) -> date | None:
    """A date from a corpus field: a date, a datetime or an ISO string; None when there is none or it is no date."""
    try:
        return iso_date(value, prefix=True)
    except ValueError:
        return None


def row_article(row: dict[str, Any], name: str, n: int) -> Article | ReadError:
    """A corpus row as an Article, or an error naming the row (name:n)."""
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
        published=as_date(row.get("published")), crawled=as_date(row.get("crawled")),
    )


def read_html(
    data: bytes, name: str, url: str | None = None, crawled: date | None = None
) -> Article | ReadError:
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
        title=getattr(meta, "title", None), url=url or getattr(meta, "url", None),
        outlet=getattr(meta, "sitename", None), published=as_date(getattr(meta, "date", None)), crawled=crawled,
    )


def read_text_file(path: Path) -> Article | ReadError:
    """A plain text file as one article, decoded (a non-UTF-8 encoding is reported on stderr)."""
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        return ReadError(path.name, f"text of {size:,} bytes is over the {MAX_DOCUMENT_BYTES:,}-byte limit "
                                    "of one document")
    dec = decode(path.read_bytes(), path.name)
    if isinstance(dec, ReadError):
        return dec
    if dec.fallback:
        print(f"pantau: {path.name}: not UTF-8, read as {dec.fallback}", file=sys.stderr)
    return Article.from_text(path.name, dec.text)

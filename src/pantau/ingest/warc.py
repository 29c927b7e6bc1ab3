"""WARC crawls of news sites (warcio): each HTML response is an article, read by the HTML reader with the
record's URL and crawl date.

Decisions: a .warc.gz is decompressed by Python's gzip, not by warcio, because warcio silently drops a
record whose gzip member is cut short while gzip raises EOFError; an uncompressed record cut short is seen
from its payload (the LimitReader still owed bytes when the stream ended) and a record cut in its headers
from the iterator's offset stopping short of the bytes read. Requests, metadata, redirects, images and
other non-HTML responses are skipped without a word: a crawl is mostly those. Records are numbered from 1
in file order, and that number names a record in every error."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from pantau.ingest.base import MAX_DOCUMENT_BYTES, STREAM_ERRORS, ReadError, as_date, open_binary, read_html
from pantau.model import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path) -> Iterator[Article | ReadError]:
    """The HTML responses of a WARC file (plain or gzip) as articles with their URL and crawl date."""
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with open_binary(path) as fh:
        records = ArchiveIterator(fh, no_record_parse=False)
        try:
            for record in records:
                n += 1
                item = _response(record, f"{path.name}: record {n}")
                if item is not None:
                    yield item
            cut = fh.tell() > records.offset
        except STREAM_ERRORS as exc:
            reason = "gzip stream ends early (truncated file)" if isinstance(exc, EOFError) else f"corrupt ({exc})"
            yield ReadError(f"{path.name}: record {n + 1}", f"{reason}; the records before it were read")
            return
        except Exception as exc:  # warcio reports a record cut in its headers as AttributeError or ValueError
            yield ReadError(f"{path.name}: record {n + 1}", f"malformed or truncated WARC record "
                                                           f"({type(exc).__name__}: {exc})")
            return
    if cut:
        yield ReadError(f"{path.name}: record {n + 1}", "truncated WARC record (the file ends inside its headers)")


def _response(record: Any, where: str) -> Article | ReadError | None:
    """An HTML response record as an article; None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    status = record.http_headers.get_statuscode() or ""
    if not ctype.startswith(_HTML_TYPES) or not status.startswith("2"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    if record.length and record.length > MAX_DOCUMENT_BYTES:
        return ReadError(f"{where} ({url})", f"response of {record.length:,} bytes is over the "
                                             f"{MAX_DOCUMENT_BYTES:,}-byte limit of one document")
    payload = record.content_stream().read()
    if getattr(record.raw_stream, "limit", 0):
        return ReadError(f"{where} ({url})", "truncated WARC record (the file ends inside its payload)")
    crawled: date | None = as_date(record.rec_headers.get_header("WARC-Date"))
    got = read_html(payload, url or where, url=url, crawled=crawled)
    return ReadError(f"{where} ({url})", got.reason) if isinstance(got, ReadError) else got

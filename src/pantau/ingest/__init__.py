"""Readers: every input a newsroom or archive has, streamed, each document as an Article or a ReadError.

Decisions: every reader is a generator that holds one row, record or file at a time, so memory is bounded
by the largest document (itself capped at MAX_DOCUMENT_BYTES), never by the input; a malformed row, record
or file is a ReadError naming the file and its line or record number, and the reader goes on where it can
(a truncated gzip stream or a CSV quote left open cannot be read past: the error says where it stopped).
Rejected: reading a whole corpus with pandas (memory grows with the file; a bad row fails the whole file),
and Python's gzip/csv errors as they come (a bare EOFError names no file, a non-strict csv reader swallows
the rest of the file into one field)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from pantau.ingest.base import (
    HTML_SUFFIXES,
    MAX_DOCUMENT_BYTES,
    Decoded,
    ReadError,
    decode,
    open_binary,
    read_html,
    read_text_file,
)
from pantau.ingest.rows import read_csv, read_jsonl, read_parquet
from pantau.ingest.warc import read_warc
from pantau.model import Article

__all__ = [
    "MAX_DOCUMENT_BYTES", "Decoded", "ReadError", "count_documents", "decode", "read_csv", "read_html", "read_jsonl",
    "read_parquet", "read_path", "read_paths", "read_warc",
]


def _walk(folder: Path) -> Iterator[Path]:
    """The files under folder, depth first in name order, hidden ones left out: one directory listed at a time."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif entry.is_file():
            yield path


def _reader(name: str, path: Path) -> Iterator[Article | ReadError]:
    """The reader for one file, chosen by its name."""
    if name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        return read_jsonl(path)
    if name.endswith((".csv", ".csv.gz")):
        return read_csv(path)
    if name.endswith(".parquet"):
        return read_parquet(path)
    if name.endswith((".warc", ".warc.gz")):
        return read_warc(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            return iter([ReadError(path.name, f"HTML page of {size:,} bytes is over the {MAX_DOCUMENT_BYTES:,}-byte "
                                              "limit of one document")])
        return iter([read_html(path.read_bytes(), path.name)])
    return iter([read_text_file(path)])


def read_path(path: Path) -> Iterator[Article | ReadError]:
    """Every document under a path: a file, a folder (recursively, sorted) or a corpus."""
    if not path.exists():
        yield ReadError(str(path), "no such file or folder")
        return
    files = _walk(path) if path.is_dir() else iter([path])
    for f in files:
        try:
            yield from _reader(f.name.lower(), f)
        except OSError as exc:
            yield ReadError(f.name, f"cannot read: {exc}")


def count_documents(paths: list[Path]) -> int | None:
    """About how many documents read_paths will yield (rows, pages, files), counted far faster than they are
    coded: lines of JSONL, rows of CSV, Parquet's row count; None when a WARC crawl makes it unknown."""
    total = 0
    for path in paths:
        for f in _walk(path) if path.is_dir() else iter([path]):
            name = f.name.lower()
            try:
                if name.endswith((".warc", ".warc.gz")):
                    return None
                if name.endswith(".parquet"):
                    import pyarrow.parquet as pq

                    total += pq.ParquetFile(f).metadata.num_rows
                elif name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".csv", ".csv.gz")):
                    with open_binary(f) as fh:
                        total += sum(1 for line in fh if line.strip())
                    total -= name.endswith((".csv", ".csv.gz"))  # the header (rows with newlines count more)
                else:
                    total += 1
            except Exception:  # a file the reader will name with its reason; the count is a guess anyway
                total += 1
    return total


def read_paths(paths: list[Path]) -> Iterator[Article | ReadError]:
    """Every document under several paths, in order."""
    for p in paths:
        yield from read_path(p)

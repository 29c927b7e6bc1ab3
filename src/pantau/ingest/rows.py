"""Corpus readers, one row at a time: JSONL and CSV (plain or gzip) and Parquet (in row batches).

Decisions: JSONL is read as bytes line by line (readline with a cap), so a line that is not UTF-8 or not
JSON is one error and the next line is read; CSV uses the csv module in strict mode, which reports a quote
left open at the end of the file ("unexpected end of data") instead of swallowing the rest of the file into
one field; Parquet is read in batches of BATCH_ROWS rows of the known columns only, so a file of any size
holds one batch in memory. A gzip stream that ends early (EOFError) or is corrupt (zlib.error, BadGzipFile)
stops its file with an error naming the file and the last line read."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

from pantau.ingest.base import MAX_DOCUMENT_BYTES, STREAM_ERRORS, ReadError, open_binary, row_article
from pantau.model import Article

# The corpus fields pantau reads (the others are left unread).
FIELDS = ("doc", "text", "url", "title", "outlet", "published", "crawled")
BATCH_ROWS = 256


def _stream_error(path: Path, last: int, exc: BaseException) -> ReadError:
    kind = "gzip stream ends early (truncated file)" if isinstance(exc, EOFError) else f"corrupt data ({exc})"
    return ReadError(path.name, f"{kind} after line {last}; the rows before it were read")


def _long_line(fh: io.BufferedIOBase, head: bytes) -> bool:
    """True when head, read with a cap, is only the start of a longer line; the rest of the line is skipped."""
    if len(head) <= MAX_DOCUMENT_BYTES or head.endswith(b"\n"):
        return False
    while True:
        more = fh.readline(MAX_DOCUMENT_BYTES)
        if not more or more.endswith(b"\n"):
            return True


def read_jsonl(path: Path) -> Iterator[Article | ReadError]:
    """Rows of a JSONL corpus; a bad row is an error naming its line."""
    n = 0
    with open_binary(path) as fh:
        try:
            while line := fh.readline(MAX_DOCUMENT_BYTES + 1):
                n += 1
                if _long_line(fh, line):
                    yield ReadError(f"{path.name}:{n}", f"line longer than the {MAX_DOCUMENT_BYTES:,}-byte limit "
                                                        "of one document")
                    continue
                if line.strip():
                    yield _json_row(line, path.name, n)
        except STREAM_ERRORS as exc:
            yield _stream_error(path, n, exc)


def _json_row(line: bytes, name: str, n: int) -> Article | ReadError:
    where = f"{name}:{n}"
    try:
        text = line.decode("utf-8-sig" if n == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return ReadError(where, f"not UTF-8 ({exc.reason} at byte {exc.start})")
    try:
        row = json.loads(text)
    except json.JSONDecodeError as exc:
        return ReadError(where, f"not JSON ({exc.msg})")
    if not isinstance(row, dict):
        return ReadError(where, "not a JSON object")
    return row_article(row, name, n)


def _open_text(path: Path) -> io.TextIOWrapper:
    return io.TextIOWrapper(open_binary(path), encoding="utf-8-sig", newline="")  # type: ignore[arg-type]


def read_csv(path: Path) -> Iterator[Article | ReadError]:
    """Rows of a CSV corpus with a 'text' column; a malformed row is an error naming the line it starts on."""
    csv.field_size_limit(MAX_DOCUMENT_BYTES)
    with _open_text(path) as fh:
        reader = csv.reader(fh, strict=True)
        start = 1
        try:
            header = next(reader, None)
            if not header or "text" not in header:
                yield ReadError(path.name, "CSV has no 'text' column")
                return
            while True:
                start = reader.line_num + 1
                try:
                    row = next(reader, None)
                except csv.Error as exc:
                    yield _csv_error(path.name, start, exc)
                    if _UNTERMINATED in str(exc) or reader.line_num < start:
                        return  # nothing after an open quote can be read as rows
                    continue
                if row is None:
                    return
                if row:
                    yield _csv_row(header, row, path.name, start)
        except STREAM_ERRORS as exc:
            yield _stream_error(path, reader.line_num, exc)
        except UnicodeDecodeError as exc:
            yield ReadError(f"{path.name}:{start}", f"not UTF-8 ({exc.reason}); the rows before it were read")


# What the csv module in strict mode says of a quoted field still open at the end of the file.
_UNTERMINATED = "unexpected end of data"


def _csv_error(name: str, start: int, exc: csv.Error) -> ReadError:
    msg = str(exc)
    if _UNTERMINATED in msg:
        return ReadError(f"{name}:{start}", "unterminated quote: a quoted field opened in this row is never "
                                            "closed before the end of the file")
    if "field larger than field limit" in msg:
        return ReadError(f"{name}:{start}", f"field longer than the {MAX_DOCUMENT_BYTES:,}-byte limit of one "
                                            "document")
    return ReadError(f"{name}:{start}", f"malformed CSV row ({msg})")


def _csv_row(header: list[str], row: list[str], name: str, n: int) -> Article | ReadError:
    if len(row) != len(header):
        return ReadError(f"{name}:{n}", f"row has {len(row)} fields, the header has {len(header)}")
    return row_article(dict(zip(header, row, strict=True)), name, n)


def read_parquet(path: Path) -> Iterator[Article | ReadError]:
    """Rows of a Parquet corpus with a 'text' column, read in batches of BATCH_ROWS rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        yield ReadError(path.name, f"not a readable Parquet file (truncated or corrupt: {exc})")
        return
    columns = [c for c in FIELDS if c in table.schema_arrow.names]
    if "text" not in columns:
        yield ReadError(path.name, "Parquet file has no 'text' column")
        return
    n = 0
    try:
        for batch in table.iter_batches(batch_size=BATCH_ROWS, columns=columns):
            for row in batch.to_pylist():
                n += 1
                yield row_article(row, path.name, n)
    except (pa.ArrowException, OSError) as exc:
        yield ReadError(f"{path.name}:{n + 1}", f"cannot read the rows from here on (corrupt: {exc})")

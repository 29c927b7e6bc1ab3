"""Reading the packaged language data files as the data tests see them: raw text and tab-separated rows."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def raw_text(name: str) -> str:
    """A data file of lang/id as packaged."""
    return (files("pantau") / "lang" / "id" / name).read_text(encoding="utf-8")


@cache
def read_table(name: str) -> tuple[tuple[str, ...], tuple[tuple[int, tuple[str, ...]], ...]]:
    """The header cells and the (line number, cells) of each data row; comment and blank lines skipped."""
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    for number, line in enumerate(raw_text(name).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = tuple(line.split("\t"))
        if header is None:
            header = cells
        else:
            rows.append((number, cells))
    assert header is not None, f"{name}: no header line"
    return header, tuple(rows)

"""Per-language data: one folder per language code, YAML and TSV files read through the schemas of
`pantau.lang.schema` (a misspelt key is an error naming the file and line, never an empty list)."""

from __future__ import annotations

from importlib import resources


def read_text(lang: str, name: str) -> str:
    """Read a language data file shipped in the package."""
    return (resources.files("pantau") / "lang" / lang / name).read_text(encoding="utf-8")

"""Per-language data: one folder per language code, YAML and TSV files mapped to fixed keys."""

from __future__ import annotations

import csv
import io
from importlib import resources
from typing import Any

import yaml


def read_text(lang: str, name: str) -> str:
    """Read a language data file shipped in the package."""
    return (resources.files("pantau") / "lang" / lang / name).read_text(encoding="utf-8")


def load_yaml(lang: str, name: str) -> dict[str, Any]:
    """Load a YAML data file of a language."""
    data = yaml.safe_load(read_text(lang, name))
    if not isinstance(data, dict):
        raise ValueError(f"lang/{lang}/{name}: expected a mapping at the top level")
    return data


def load_tsv(lang: str, name: str) -> list[dict[str, str]]:
    """Load a TSV data file of a language: '#' lines are comments, the first other line the header."""
    lines = [ln for ln in read_text(lang, name).splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]

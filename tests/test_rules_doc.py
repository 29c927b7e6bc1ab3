"""docs/RULES.md stays true: every function, language-data key and test it names exists."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "docs" / "RULES.md"
LANG = ROOT / "src" / "pantau" / "lang" / "id"
_TICKED = re.compile(r"`([^`]+)`")


def _rows() -> list[tuple[str, list[str], list[str], list[str]]]:
    """(rule, code, data, tests) of each row of the table, the cells' backticked items."""
    rows = []
    for line in RULES.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("Rule", "---") or not line.startswith("|"):
            continue
        rule, code, data, tests = cells
        rows.append((rule, _TICKED.findall(code), _TICKED.findall(data), _TICKED.findall(tests)))
    return rows


ROWS = _rows()


def test_the_table_is_read() -> None:
    assert len(ROWS) >= 30
    assert all(code for _, code, _, _ in ROWS), "every rule names the code that applies it"


@pytest.mark.parametrize("name", sorted({c for _, code, _, _ in ROWS for c in code}))
def test_code_exists(name: str) -> None:
    module, _, func = name.rpartition(".")
    assert callable(getattr(importlib.import_module(module), func, None)), name


def _data_key(ref: str) -> bool:
    file, _, key = ref.partition(":")
    path = LANG / file
    if not path.is_file():
        return False
    data = yaml.safe_load(path.read_text("utf-8"))
    return isinstance(data, dict) and key in data


@pytest.mark.parametrize("ref", sorted({d for _, _, data, _ in ROWS for d in data}))
def test_data_key_exists(ref: str) -> None:
    assert _data_key(ref), f"{ref}: no such file under lang/id or no such top-level key"


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    return {n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")}


@pytest.mark.parametrize("ref", sorted({t for _, _, _, tests in ROWS for t in tests}))
def test_named_test_exists(ref: str) -> None:
    file, _, rest = ref.partition("::")
    name, _, case = rest.partition("[")
    path = ROOT / file
    assert path.is_file(), file
    assert name in _test_names(path), ref
    if case:
        # a parametrised case is named by its id: the key of the table the test runs over
        assert f'"{case.rstrip("]")}"' in path.read_text("utf-8"), ref


@pytest.mark.parametrize(
    ("ref", "exists"),
    [("modality.yaml:future", True), ("modality.yaml:no_such_key", False), ("nofile.yaml:future", False)],
)
def test_the_data_check_can_fail(ref: str, exists: bool) -> None:
    assert _data_key(ref) is exists


def test_a_rule_without_a_test_says_so() -> None:
    gaps = [rule for rule, _, _, tests in ROWS if not tests]
    text = RULES.read_text("utf-8")
    assert all(re.search(re.escape(rule) + r".*\| none yet \|", text) for rule in gaps), gaps

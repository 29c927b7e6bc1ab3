"""Declared schemas for the language data: a misspelt key is an error naming the file and line, not an empty list.

Every YAML file under `lang/<lang>/` is read through a pydantic model (`LangData`): unknown keys, missing keys
and values of the wrong kind fail at load time with `LangDataError`, whose message names the file and the line
of the offending key ("lang/id/roles.yaml:41: agent_prep: unknown key"). Each file is parsed once per process
(`parsed`), however many lexicons read it.

Decisions: pydantic (already a dependency of the service) rather than a hand-written checker, because its
errors carry the path to the bad value; models are frozen and forbid extra keys; a key may be optional only
where the model gives it a default on purpose (none of the word lists do). Rejected: JSON Schema files beside
the data (a second place to keep in step with the code); `.get(key, [])` lookups, the lenient reads this module
replaces, under which a typo silently switched a rule off.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError

from pantau.lang import read_text


class LangDataError(ValueError):
    """A language data file that does not fit its schema: the message names the file, the line and the key."""


def _words(value: Any) -> tuple[str, ...]:
    """A YAML list of words or phrases as strings (YAML reads "2" or "yes" as other types)."""
    if not isinstance(value, list | tuple):
        raise ValueError("expected a list of words")
    return tuple(str(v) for v in value)


Words = Annotated[tuple[str, ...], BeforeValidator(_words)]


class LangData(BaseModel):
    """Base of every language data schema: frozen, and no key beyond the declared ones."""

    model_config = ConfigDict(extra="forbid", frozen=True)


M = TypeVar("M", bound=LangData)


# libyaml's loader when PyYAML was built with it (the wheels are): parsing the language files is most of start-up.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=64)
def parsed(lang: str, name: str) -> Any:
    """The parsed YAML of a language file, read once per process."""
    return yaml.load(read_text(lang, name), Loader=_LOADER)  # a safe loader, C or Python


def _tree(lang: str, name: str) -> yaml.Node | None:
    """The file's node tree, which knows each key's line: composed only to word an error."""
    return yaml.compose(read_text(lang, name), Loader=_LOADER)


def line_of(node: yaml.Node | None, path: list[str]) -> int:
    """The line (1-based) of the deepest key or item of path that the file has: the misspelt key itself, or
    the mapping a missing key belongs in (an entry of a list, a section)."""
    line = 1
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if str(k.value) == step), None)
            if found is None:
                return max(line, node.start_mark.line + 1)
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, yaml.SequenceNode) and step.isdigit() and int(step) < len(node.value):
            node = node.value[int(step)]
            line = node.start_mark.line + 1
        else:
            break
    return line


def load_data(lang: str, name: str, model: type[M], section: str | None = None) -> M:
    """Validate a language file (or one top-level section of it) against its schema."""
    data = parsed(lang, name)
    if not isinstance(data, dict):
        raise LangDataError(f"lang/{lang}/{name}:1: expected a mapping at the top level")
    if section is not None:
        if section not in data:
            raise LangDataError(f"lang/{lang}/{name}:1: {section}: missing section")
        data = data[section]
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise LangDataError(_message(lang, name, err, _tree(lang, name), section)) from None


def load_table(lang: str, name: str, model: type[M]) -> list[tuple[int, M]]:
    """The rows of a TSV language file, each validated against its schema, with its line number (1-based).

    '#' lines are comments; the first other line is the header, whose columns must be the model's fields."""
    rows: list[tuple[int, M]] = []
    header: list[str] | None = None
    want = list(model.model_fields)
    for n, line in enumerate(read_text(lang, name).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            if header != want:
                raise LangDataError(f"lang/{lang}/{name}:{n}: columns {header}, expected {want}")
            continue
        if len(cells) != len(header):
            raise LangDataError(f"lang/{lang}/{name}:{n}: {len(cells)} cells, expected {len(header)}")
        try:
            rows.append((n, model.model_validate(dict(zip(header, cells, strict=True)))))
        except ValidationError as err:
            problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in err.errors())
            raise LangDataError(f"lang/{lang}/{name}:{n}: {problems}") from None
    return rows


def _message(lang: str, name: str, err: ValidationError, tree: yaml.Node | None, section: str | None) -> str:
    """One line per problem: file, line of the key (or of the entry a missing key belongs in), the key path and
    what is wrong."""
    out = []
    for e in err.errors():
        path = [section] if section else []
        path += [str(p) for p in e["loc"]]
        line = line_of(tree, path)
        what = {"extra_forbidden": "unknown key", "missing": "missing key"}.get(e["type"], e["msg"])
        out.append(f"lang/{lang}/{name}:{line}: {'.'.join(path)}: {what}")
    return "\n".join(out)

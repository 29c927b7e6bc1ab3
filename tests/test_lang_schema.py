"""The language data is read through declared schemas: every shipped file loads, and a misspelt, missing or
mistyped key is refused with the file and the line (pantau.lang.schema)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import pantau.lang.schema as schema
from pantau.extract.actors import ActorLexicon
from pantau.extract.claims import CasualtyLexicon
from pantau.extract.data import CasualtiesData, SourcesData
from pantau.extract.domain import DomainLexicon, DomainsData
from pantau.extract.relevance import RelevanceData, RelevanceLexicon
from pantau.extract.roles import ModalityData, RoleLexicon, RolesData
from pantau.extract.sources import SourceLexicon
from pantau.extract.triggers import TriggerLexicon
from pantau.geo.lexicon import PlacesData
from pantau.lang.schema import LangData, LangDataError, load_data
from pantau.text.data import TextData
from pantau.text.numbers import NumbersData
from pantau.text.timex import TimeData

SCHEMAS: list[tuple[str, type[LangData]]] = [
    ("roles.yaml", RolesData),
    ("modality.yaml", ModalityData),
    ("domains.yaml", DomainsData),
    ("relevance.yaml", RelevanceData),
    ("time.yaml", TimeData),
    ("numbers.yaml", NumbersData),
    ("places.yaml", PlacesData),
    ("text.yaml", TextData),
    ("casualties.yaml", CasualtiesData),
    ("sources.yaml", SourcesData),
]


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    """Parse files again in this test (and forget its doctored texts after it)."""
    schema.parsed.cache_clear()
    yield
    schema.parsed.cache_clear()


@pytest.mark.parametrize(("name", "model"), SCHEMAS, ids=[n for n, _ in SCHEMAS])
def test_every_shipped_file_fits_its_schema(name: str, model: type[LangData]) -> None:
    assert load_data("id", name, model) is not None


def test_the_lexicons_load() -> None:
    assert RoleLexicon.load("id").window > 0
    assert DomainLexicon.load("id").words
    assert RelevanceLexicon.load("id").crime
    assert CasualtyLexicon.load("id").kinds
    assert len(SourceLexicon.load("id").entries) > 50


def _doctor(monkeypatch: pytest.MonkeyPatch, name: str, old: str, new: str) -> None:
    """Serve a shipped file with one change, as if a newcomer had edited it."""
    real = schema.read_text

    def read(lang: str, fname: str) -> str:
        text = real(lang, fname)
        if fname == name:
            assert old in text, old
            return text.replace(old, new, 1)
        return text

    monkeypatch.setattr(schema, "read_text", read)


@pytest.mark.usefixtures("fresh_cache")
def test_a_misspelt_key_names_file_line_and_key(monkeypatch: pytest.MonkeyPatch) -> None:
    real = schema.read_text("id", "relevance.yaml")
    line = 1 + real[: real.index("\naccident:") + 1].count("\n")
    _doctor(monkeypatch, "relevance.yaml", "\naccident:", "\nacident:")
    with pytest.raises(LangDataError) as err:
        RelevanceLexicon.load("id")
    text = str(err.value)
    assert f"lang/id/relevance.yaml:{line}: acident: unknown key" in text
    assert "accident: missing key" in text


@pytest.mark.usefixtures("fresh_cache")
def test_a_value_of_the_wrong_kind_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _doctor(monkeypatch, "modality.yaml", "window: 4", "window: empat")
    with pytest.raises(LangDataError, match=r"lang/id/modality\.yaml:\d+: window"):
        RoleLexicon.load("id")


@pytest.mark.usefixtures("fresh_cache")
def test_a_word_list_that_is_not_a_list_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _doctor(monkeypatch, "roles.yaml", "\nrelative: [yang]", "\nrelative: yang")
    with pytest.raises(LangDataError, match=r"roles\.yaml:\d+: relative: .*list"):
        RoleLexicon.load("id")


def test_the_trigger_table_loads_with_its_shadows() -> None:
    lex = TriggerLexicon.load("id")
    shadows = [t for entries in lex.index.values() for _, t in entries if getattr(t, "shadow", False)]
    assert lex.size > 800 and len(shadows) > 100


@pytest.mark.parametrize(("old", "new", "complaint"), [
    ("\tnoun\t0.5\tarmed\ttrigger", "\tnoun\t0.5\tarmed\tpemicu", "role"),
    ("\tnoun\t0.5\tarmed\ttrigger", "\tnuon\t0.5\tarmed\ttrigger", "voice"),
    ("\tnoun\t0.5\tarmed\ttrigger", "\tnoun\t0.5\tarmd\ttrigger", "unknown needs"),
    ("\tnoun\t0.5\tarmed\ttrigger", "\tnoun\t5\tarmed\ttrigger", "weight"),
], ids=["role", "voice", "needs", "weight"])
@pytest.mark.usefixtures("fresh_cache")
def test_a_bad_trigger_row_names_file_and_line(
    monkeypatch: pytest.MonkeyPatch, old: str, new: str, complaint: str
) -> None:
    real = schema.read_text("id", "triggers.tsv")
    line = 1 + real[: real.index(old)].count("\n")
    _doctor(monkeypatch, "triggers.tsv", old, new)
    with pytest.raises(LangDataError, match=rf"lang/id/triggers\.tsv:{line}: .*{complaint}"):
        TriggerLexicon.load("id")


@pytest.mark.usefixtures("fresh_cache")
def test_an_actor_kind_outside_the_vocabulary_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """"rebels" beside "rebel" once split one kind in two; the kind is now an enum the tables are checked against."""
    real = schema.read_text("id", "actor_heads.tsv")
    old = "\tMilitary Forces of {country}\t1\tmilitary"
    line = 1 + real[: real.index(old)].count("\n")
    _doctor(monkeypatch, "actor_heads.tsv", old, "\tMilitary Forces of {country}\t1\tmilitery")
    with pytest.raises(LangDataError, match=rf"lang/id/actor_heads\.tsv:{line}: kind"):
        ActorLexicon.load({}, {}, "id")


@pytest.mark.usefixtures("fresh_cache")
def test_a_misspelt_nested_key_of_places_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _doctor(monkeypatch, "places.yaml", "  direction_heads:", "  direction_head:")
    with pytest.raises(LangDataError, match=r"lang/id/places\.yaml:\d+: relations\.direction_head: unknown key"):
        load_data("id", "places.yaml", PlacesData)


def _line_of(name: str, needle: str) -> int:
    """The 1-based line of the first occurrence of needle in a shipped file."""
    real = schema.read_text("id", name)
    return 1 + real[: real.index(needle)].count("\n")


# (file, text, its misspelling, the problem reported, the text whose line the report gives)
BAD_CASUALTY_SOURCE_DATA = [
    # a misspelt top-level word list: the rule it feeds would silently stop firing
    ("casualties.yaml", "\nincident_nouns:", "\nincident_noun:", "incident_noun: unknown key", "incident_nouns:"),
    # ... and the key it should have been is missing: named with the line of the mapping it belongs in
    ("casualties.yaml", "\nincident_nouns:", "\nincident_noun:", "incident_nouns: missing key", "kinds:"),
    # a kind of harm or a victim group outside the closed vocabularies
    ("casualties.yaml", "\n  missing: [hilang", "\n  disappeared: [hilang", r"kinds\.disappeared",
     "  missing: [hilang"),
    ("casualties.yaml", "\n  fighters: [militan", "\n  fighter: [militan", r"victims\.fighter", "  fighters: [militan"),
    # a key of one source row: the row's own line, not the line of `sources:`
    ("sources.yaml", "[unicef], name:", "[unicef], nama:", r"sources\.\d+\.nama: unknown key", "[unicef]"),
    ("sources.yaml", "[unicef], name:", "[unicef], nama:", r"sources\.\d+\.name: missing key", "[unicef]"),
    ("sources.yaml", "UNRWA, type: monitor", "UNRWA, type: monitr", r"sources\.\d+\.type: .*unknown source type",
     "[unrwa]"),
    ("sources.yaml", "\n  demonstratives:", "\n  demonstrative:", r"pointers\.demonstrative: unknown key",
     "  demonstratives:"),
]


@pytest.mark.parametrize(("name", "old", "new", "complaint", "where"), BAD_CASUALTY_SOURCE_DATA,
                         ids=["casualties-key", "casualties-missing", "claim-kind", "victim-group", "source-key",
                              "source-missing", "source-type", "nested-key"])
@pytest.mark.usefixtures("fresh_cache")
def test_a_misspelt_casualty_or_source_key_names_file_and_line(
    monkeypatch: pytest.MonkeyPatch, name: str, old: str, new: str, complaint: str, where: str
) -> None:
    line = _line_of(name, where)
    _doctor(monkeypatch, name, old, new)
    with pytest.raises(LangDataError, match=rf"lang/id/{name.replace('.', '[.]')}:{line}: {complaint}"):
        CasualtyLexicon.load("id")  # reads both files, as Resources does


@pytest.mark.usefixtures("fresh_cache")
def test_casualties_and_sources_are_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Three lexicons read casualties.yaml or sources.yaml; each file is read and parsed once."""
    reads: list[str] = []
    real = schema.read_text

    def read(lang: str, name: str) -> str:
        reads.append(name)
        return real(lang, name)

    monkeypatch.setattr(schema, "read_text", read)
    CasualtyLexicon.load("id")
    RoleLexicon.load("id")
    SourceLexicon.load("id")
    assert reads.count("casualties.yaml") == 1
    assert reads.count("sources.yaml") == 1

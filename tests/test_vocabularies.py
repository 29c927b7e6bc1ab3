"""The closed vocabularies of model.py: each enum spells exactly what the tables and language data hold."""

from __future__ import annotations

import pytest

from pantau.extract.claims import CasualtyLexicon
from pantau.model import (
    EVENT_TYPES,
    MODALITIES,
    SUB_TO_TYPE,
    ClaimKind,
    EventType,
    Modality,
    Qualifier,
    SubEventType,
)


@pytest.mark.parametrize(
    ("enum", "values"),
    [
        (EventType, list(EVENT_TYPES)),
        (SubEventType, list(SUB_TO_TYPE)),
        (Modality, list(MODALITIES)),
    ],
)
def test_enum_spells_the_table(enum: type, values: list[str]) -> None:
    assert [m.value for m in enum] == values


@pytest.mark.parametrize("member", [EventType.EXPLOSIONS, SubEventType.AIR_DRONE_STRIKE, ClaimKind.KILLED])
def test_member_equals_its_string(member: str) -> None:
    # a member compares, hashes and serialises as its ACLED spelling, so tables keyed by strings still work
    assert member == str(member)
    assert {str(member): 1}[member] == 1


def test_claim_kinds_and_qualifiers_cover_the_lexicon() -> None:
    lex = CasualtyLexicon.load()
    kinds = {str(k) for entries in lex.kinds.values() for _, k in entries}
    qualifiers = {str(q) for entries in lex.qualifiers.values() for _, q in entries}
    assert kinds and kinds <= {k.value for k in ClaimKind}
    assert qualifiers and qualifiers <= {q.value for q in Qualifier}

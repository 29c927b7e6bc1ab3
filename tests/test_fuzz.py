"""Property tests over the whole coder: any text is coded without a crash, within the time budget, and every
event keeps its evidence faithful and its fields in their closed vocabularies (scripts/fuzz.py: the long run)."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings

from fuzzkit import document, faults, texts
from pantau.analysis import Config, Resources
from pantau.batch import Watchdog, code_article
from pantau.model import Article
from pantau.text.timex import find_times

BUDGET = 20.0  # seconds per document: generous for a loaded CI machine, yet a hang still fails
_DOG = Watchdog()


def _code(text: str, res: Resources) -> list[str]:
    article = Article.from_text("fuzz", text, published=date(2024, 3, 14))
    return faults(text, code_article(article, res, Config(time_budget_s=BUDGET), _DOG))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(texts)
def test_any_text_is_coded_faithfully(res: Resources, text: str) -> None:
    assert _code(text, res) == []


@pytest.mark.parametrize("text", [
    "",
    " ",
    "\x00" * 1000,
    "\u202e" + "Polisi menembak dua orang di Jayapura, Senin (12/3)." + "\u202c",
    "Massa membakar pos polisi di Wamena pada ſelasa (4/5), tiga orang tewas.",
    "Pada \u212aamis (1/1) TNI bentrok dengan KKB di Nduga, 5 orang tewas.",
    "\u0130NTAN JAYA - KKB menembak dua warga, Selasa (99/99/9999).",
    "Sebanyak " + "7" * 5000 + " orang tewas dalam serangan di Aleppo, Rabu (3/4).",
    "Bom meledak di Gaza pada 31 Februari 2021; " + "(" * 2000 + " 4 orang tewas.",
    '"Kami diserang," kata warga ' * 400 + " di Poso, 2 orang tewas.",
    "Demo buruh di Semarang " + "x" * 200_000 + " Kamis (1/1).",
    ("Polisi menangkap " + "tiga " * 50 + "terduga teroris di Medan. ") * 300,
])
def test_hostile_texts(res: Resources, text: str) -> None:
    assert _code(text, res) == []


@pytest.mark.parametrize("seed", range(40))
def test_grammar_documents(res: Resources, seed: int) -> None:
    text = document(random.Random(seed))
    assert _code(text, res) == []


@pytest.mark.parametrize("text", ["Serangan terjadi pada ſelasa (4/5).", "Serangan terjadi ſelasa lalu.",
                                  "Bentrok \u212aamis, 3 \u212aamis lalu.", "pada 4 Juni 2019 dan 5 JUNİ 2019"])
def test_weekdays_and_months_fold_like_the_pattern(res: Resources, text: str) -> None:
    """The date pattern matches by Unicode case folding ("ſ" is "s"): resolving what it matched must too."""
    times = find_times(text, res.time, date(2024, 3, 14), 0, len(text), units=res.numbers.units)
    assert all(text[t.span.start:t.span.end] == t.span.text for t in times)

"""Generated documents for the fuzz tests and scripts/fuzz.py, and the properties every coded document keeps.

The grammar writes Indonesian-news-like sentences of its own (trigger words, places, dates and numbers in
the shapes the coder reads) and then damages them: control and bidirectional characters, unbalanced quotes
and brackets, long lines, numbers thousands of digits long, dates such as 99/99/9999, case-folding oddities
(long s, Kelvin sign, dotted I). Hypothesis strategies and a seeded random generator share the same parts,
so the CI test and the long run draw from one distribution.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from hypothesis import strategies as st

from pantau.batch import Coded
from pantau.model import EVENT_TYPES, MODALITIES, SOURCE_TYPES, Event, Span

ACTORS = ["polisi", "TNI", "Brimob", "kelompok bersenjata", "KKB", "massa", "mahasiswa", "warga", "Densus 88",
          "pasukan Israel", "militer Suriah", "kelompok ISIS", "aparat keamanan", "pengunjuk rasa", "buruh"]
TRIGGERS = ["menembak", "menyerang", "membakar", "bentrok dengan", "menangkap", "menggerebek", "berunjuk rasa di",
            "menggelar demo di", "meledakkan bom di", "menculik", "membunuh", "memukul", "menjarah", "menyandera"]
OUTCOMES = ["{n} orang tewas", "{n} orang luka-luka", "sedikitnya {n} warga meninggal dunia", "{n} korban jiwa",
            "{n} orang ditangkap", "tidak ada korban jiwa", "puluhan orang terluka", "{n} hingga {m} orang tewas"]
PLACES = ["Jayapura", "Intan Jaya", "Nduga", "Poso", "Makassar", "Jakarta Pusat", "Semarang", "Aleppo", "Idlib",
          "Gaza", "Khan Younis", "Damaskus", "Wamena", "Medan", "Surabaya", "Kabupaten Puncak", "Tepi Barat"]
DATES = ["Senin (12/3)", "Selasa (99/99/9999)", "Rabu, 5 Juni 2019", "Kamis lalu", "kemarin", "2 hari lalu",
         "pekan lalu", "13/13/2020", "31 Februari 2021", "ſelasa (4/5)", "Jumat (0/0)", "Sabtu (29/2/1900)",
         "Minggu, 32 Desember 2018", "bulan lalu", "tahun 2099", "1 Januari 1899", "KAMIS (1/1)", "Selasa (1/1/99)"]
ODD = ["\u202e", "\u202d", "\u2066", "\u2069", "\u200b", "\u200f", "\ufeff", "\x00", "\x07", "\x1b[31m", "\r",
       "\u2028", "\u0085", "\ufffd", "\u017f", "\u212a", "\u0130", "\u0131", "\u1e9e", "\U0001f525", "\u0301",
       "\"", "\u201c", "(", ")", "[", "]", "{", "\u00ab", "'", "\u300c", "\u0627\u0644\u062d\u0644\u0628",
       "\u05e9\u05dc\u05d5\u05dd", "\u4e2d\u6587", "\u0939\u093f\u0928\u094d\u0926\u0940", "\u0434\u0435\u043d\u044c"]


def _number(r: random.Random) -> str:
    kind = r.randrange(6)
    if r.random() < 0.01:
        return "9" * r.randrange(100, 3000)  # thousands of digits (rare: each one is slow to code)
    if kind == 1:
        return f"{r.randrange(1000):,}".replace(",", ".") + "," + str(r.randrange(100))
    if kind == 2:
        return r.choice(["dua", "tiga", "sebelas", "dua puluh", "seratus", "ribuan", "nol", "sejuta"])
    return str(r.randrange(0, 100000))


def sentence(r: random.Random) -> str:
    """One news-like sentence from the grammar."""
    n, m = _number(r), _number(r)
    s = (f"{r.choice(ACTORS).capitalize()} {r.choice(TRIGGERS)} {r.choice(ACTORS)} di {r.choice(PLACES)}, "
         f"{r.choice(DATES)}, dan {r.choice(OUTCOMES).format(n=n, m=m)}.")
    if r.random() < 0.3:
        s = f'"{s}" kata juru bicara {r.choice(ACTORS)}, {r.choice(DATES)}.'
    return s


def damage(r: random.Random, text: str) -> str:
    """The text with odd characters, cut quotes and brackets, or a long line put in at random places."""
    out = list(text)
    for _ in range(r.randrange(0, 8)):
        pos = r.randrange(len(out) + 1)
        what = r.randrange(100)
        piece = (r.choice(ODD) * r.randrange(1, 4) if what < 80
                 else "x" * r.randrange(1000, 20000) if what == 80
                 else "(" * r.randrange(1, 300) if what < 90
                 else chr(r.randrange(0x20, 0x2FFFF)))
        out.insert(pos, piece if not (0xD800 <= ord(piece[0]) <= 0xDFFF) else "?")
    return "".join(out)


def document(r: random.Random) -> str:
    """A generated document: a dateline, news-like paragraphs, and damage."""
    kind = r.randrange(20)
    if kind == 0:
        return ""
    if kind == 1:  # arbitrary code points (no lone surrogates: they cannot be text)
        return "".join(chr(c if not 0xD800 <= c <= 0xDFFF else 0x20) for c in
                       (r.randrange(0x110000) for _ in range(r.randrange(0, 400))))
    paras = [" ".join(sentence(r) for _ in range(r.randrange(1, 5))) for _ in range(r.randrange(1, 6))]
    text = f"{r.choice(PLACES).upper()}, KOMPAS.com - " + "\n\n".join(paras)
    return damage(r, text) if kind < 15 else text


def documents(seed: int) -> Callable[[], str]:
    """A generator of documents from one seed."""
    r = random.Random(seed)
    return lambda: document(r)


texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=2000),
    st.lists(st.sampled_from(ACTORS + TRIGGERS + PLACES + DATES + ODD + [" ", ".", "\n", ", ", "tewas"]),
             max_size=200).map(" ".join),
    st.integers(min_value=0, max_value=2**32).map(lambda seed: document(random.Random(seed))),
)

CLAIM_KINDS = {"killed", "injured", "captured", "missing"}


def _faithful(text: str, span: Span, what: str) -> list[str]:
    return [] if text[span.start:span.end] == span.text and 0 <= span.start <= span.end <= len(text) \
        else [f"{what} span {span.start}:{span.end} {span.text!r} is not the text there"]


def event_faults(text: str, e: Event) -> list[str]:
    """Every way an event breaks the properties: spans not faithful, fields out of their vocabularies."""
    bad = [f for ev in e.evidence for f in _faithful(text, ev.span, ev.field)]
    bad += [f for c in e.claims for sp in c.evidence for f in _faithful(text, sp, "claim")]
    if e.sub_event_type not in EVENT_TYPES.get(e.event_type, ()):
        bad.append(f"event type {e.event_type!r} / {e.sub_event_type!r} not in the vocabulary")
    if e.modality not in MODALITIES:
        bad.append(f"modality {e.modality!r}")
    if e.time_precision not in (1, 2, 3):
        bad.append(f"time precision {e.time_precision}")
    # the range is over single claims (CODING.md): groups that add up may pass its top, never fall under it
    if not (0 <= e.fatalities_low <= e.fatalities_high and e.fatalities_low <= e.fatalities):
        bad.append(f"fatalities {e.fatalities_low} <= {e.fatalities} <= {e.fatalities_high}")
    bad += [f"actor inter {a.inter}" for a in (e.actor1, e.actor2) if a is not None and not 0 <= a.inter <= 8]
    bad += [f"claim {c.kind} {c.low}-{c.high}" for c in e.claims
            if c.kind not in CLAIM_KINDS or not 0 <= c.low <= c.high]
    bad += [f"claimant type {c.claimant.type!r}" for c in e.claims
            if c.claimant is not None and c.claimant.type not in SOURCE_TYPES]
    if not 0.0 <= e.confidence <= 1.0:
        bad.append(f"confidence {e.confidence}")
    return bad


def faults(text: str, coded: Coded) -> list[str]:
    """What is wrong with one coded document (empty: nothing)."""
    if coded.error is not None:
        return [coded.error]
    return [f for e in coded.events for f in event_faults(text, e)]

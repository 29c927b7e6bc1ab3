"""The fast paths of the matchers give what the plain ways of computing the same thing give.

Each speed-up (a prefilter, a pruned lookup, a split pattern) keeps a slow reference it must agree with,
checked here on the shipped example articles and on texts written to hit the edge cases."""

from __future__ import annotations

import dataclasses
from datetime import date
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantau.extract.events import candidates
from pantau.extract.triggers import find_triggers
from pantau.geo.gazetteer import Gazetteer, Place
from pantau.geo.lexicon import PREPOSITION_CUES, PlaceLexicon
from pantau.geo.normalize import tokens
from pantau.geo.places import Disjoint, _relation, _Words, find_places
from pantau.merge.when import choose_date
from pantau.model import Article
from pantau.pipeline import Config, Resources, analyse, events_of, extract_events, triage
from pantau.text.clean import CleanLexicon, line_blocks, mark_boilerplate, top_level_alternatives
from pantau.text.metadata import MetaLexicon, cited_sources
from pantau.text.timex import TimeLexicon, time_matches
from pantau.text.tokens import tokenize

TRICKY = [
    "Serangan terjadi seminggu lalu, Kamis (12/4) malam, dan 123 Mei 2020 di Jakarta.",
    "KAMIS, 12 APRIL 2024 | Selasa(3/5/2023) — ſelasa (1/2) İstanbul KAMIS ٣ Mei ١٢ Juni 2020",
    "Kemarin lusa dua pekan lalu; dalam 24 jam terakhir; tahun 2019; bulan Maret lalu; 2023-05-06.",
    "al-Hasakah, Deir ez-Zor dan Deir al-Zour; di sebelah timur Kota Gaza; 5 km ke utara Homs.",
    "Ma'arrat al-Nu'man, Jum'at (5/1), Jum’at 5 Januari 2024, ١٢ Mei 2020; dekat perbatasan Suriah.",
    "Provinsi Nangarhar, desa Xyzabc Baru, kamp pengungsi Al-Hol, Kabupaten Nduga, Papua Tengah.",
]


def example_texts() -> list[str]:
    folder = Path(str(resources.files("pantau") / "examples"))
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))] + TRICKY


def spans(matches: object) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in matches]  # type: ignore[attr-defined]


def test_time_matches_equal_a_full_search() -> None:
    lex = TimeLexicon.load()
    assert lex.anchors is not None
    for text in example_texts():
        assert spans(time_matches(text, lex)) == spans(lex.pattern.finditer(text))
        cuts = [0, *range(7, len(text), 53), len(text)]
        for a, b in pairwise(cuts):
            assert spans(time_matches(text, lex, a, b)) == spans(lex.pattern.finditer(text, a, b))


def test_time_matches_without_anchors_search_everything() -> None:
    lex = dataclasses.replace(TimeLexicon.load(), anchors=None)
    text = TRICKY[0]
    assert spans(time_matches(text, lex)) == spans(lex.pattern.finditer(text))


def test_pruned_name_lookup_equals_the_full_one(gaz: Gazetteer) -> None:
    for text in example_texts():
        toks = tokens(text)
        starts = [i for i, t in enumerate(toks) if t.text[0].isupper() or (
            t.low in gaz.articles and gaz._startable(text, toks, i))]
        assert gaz._grams_pruned(text, toks, starts) == gaz._grams_full(text, toks, starts)
        assert gaz._grams_pruned(text, toks, starts) == gaz._grams_full(text, toks, starts)  # from the memo


def test_remembered_index_rows_equal_the_query(gaz: Gazetteer) -> None:
    keys = ["jakarta", "kota", "kota gaza", "deir", "deir ez zor", "xyzabc", "", "papua", "papua tengah"]
    for text in example_texts():
        keys += [t.low for t in tokens(text)]
    plain_rows, plain_prefixes = gaz._query(gaz._con, list(dict.fromkeys(keys)))
    for _ in range(2):  # the second time every answer comes from the memo
        rows, prefixes = gaz._query_memo(list(dict.fromkeys(keys)))
        assert sorted(rows) == sorted(plain_rows) and prefixes == plain_prefixes
    assert plain_rows and plain_prefixes


def test_word_lookups_equal_splitting_again() -> None:
    for text in example_texts():
        words = _Words.of(text)
        points = sorted({0, len(text), *words.starts, *words.ends, *range(0, len(text), 17)})
        by_start = {x: i for i, x in enumerate(words.starts)}
        by_end = {x: i for i, x in enumerate(words.ends)}
        for pos in points:
            assert words.starting_at(pos) == by_start.get(pos) and words.ending_at(pos) == by_end.get(pos)
            for n in (1, 6):
                assert words.before(pos, n) == tokens(text, max(0, pos - 80), pos)[-n:]
            assert words.after(pos) == tokens(text, pos, min(len(text), pos + 40))[:1]
        for t in words.toks[:40]:
            for u in words.toks[:40]:
                assert words.span(t.start, u.end) == tokens(text, t.start, u.end)


def test_relation_prefilter_changes_nothing(lex: PlaceLexicon) -> None:
    assert lex.relation_tails is not None
    plain = dataclasses.replace(lex)  # derived fields are rebuilt; then switch the prefilter off
    object.__setattr__(plain, "relation_tails", None)
    for text in example_texts():
        for t in tokens(text):
            assert _relation(text, t.start, lex) == _relation(text, t.start, plain)


# Agencies in datelines, as subjects of reporting verbs (with and without a noun before them) and as cited
# sources, for the citing patterns' prefilters.
SOURCE_TEXTS = [
    "Ambon (ANTARA) - Polisi menjaga gereja dan masjid di kota itu sejak Senin.",
    "JAKARTA, Reuters -- Kantor berita Reuters melaporkan dua ledakan; AFP menulis tiga.",
    "Medan, Kompas.com - Harian Kompas.com mewartakan kerusuhan, menurut kantor berita Antara.",
    "Tentara menembaki konvoi. SANA menyiarkan gambarnya, RT  melaporkan korban, AP memberitakan hal lain.",
    "Sumber: Reuters, AFP\nBeirut (AFP/xyz) - Laman Al Jazeera merilis foto; BBC tidak.",
]


def test_subject_prefilter_changes_no_cited_source() -> None:
    lex = MetaLexicon.load()
    assert lex.subject_cue is not None
    plain = dataclasses.replace(lex, subject_cue=None)
    for text in example_texts() + SOURCE_TEXTS:
        assert cited_sources(text, lex) == cited_sources(text, plain)
    assert any(lex.subject_cue.search(text) for text in SOURCE_TEXTS)


def test_cue_index_agrees_with_the_cue_list(lex: PlaceLexicon) -> None:
    for words, key in lex.cues:
        first = next(k for w, k in lex.cues if w == words)
        assert lex.cue_of(words) == first == lex.cue_index[len(words.split())][words]
        if key not in PREPOSITION_CUES:
            assert words in lex.inside_index[len(words.split())]


def test_places_with_a_user_gazetteer_use_the_full_lookup(gaz: Gazetteer, lex: PlaceLexicon, tmp_path: Path) -> None:
    import shutil
    import sqlite3

    from pantau.geo.build import SCHEMA

    shutil.copy(gaz.path, tmp_path / gaz.path.name)
    con = sqlite3.connect(tmp_path / "user-gazetteer.sqlite")
    con.executescript(SCHEMA)
    con.close()
    with_user = Gazetteer.load(tmp_path / gaz.path.name)
    assert with_user._user is not None
    for text in example_texts():
        assert find_places(text, with_user, lex) == find_places(text, gaz, lex)


@pytest.mark.parametrize(
    ("pattern", "parts"),
    [
        (r"^a|b(c|d)", [r"^a", r"b(c|d)"]),
        (r"[|(]x|\|y", [r"[|(]x", r"\|y"]),
        (r"[]|]a|b", [r"[]|]a", "b"]),
        (r"[[a-z]--[|]]|c", [r"[[a-z]--[|]]", "c"]),
        (r"(?:a|b)|(?<=x)c", [r"(?:a|b)", r"(?<=x)c"]),
        (r"(a)|\1", None),
        (r"(?i)a|b", None),
        (r"(?P<n>a)|(?P=n)", None),
    ],
)
def test_top_level_alternatives(pattern: str, parts: list[str] | None) -> None:
    assert top_level_alternatives(pattern) == parts


def test_split_boilerplate_patterns_mark_the_same_lines() -> None:
    lex = CleanLexicon.load()
    whole = dataclasses.replace(lex, searchers=())
    lines = [
        "Foto: Jenazah tiba (ANTARA/Dok. Kodam)", "Copyright © 2024", "hak cipta dilindungi", "Baca juga: X",
        "Editor: Yohanis", "(ant/rs)", "Share | ", "Sumber: Reuters", "courtesy of AP", "12 komentar",
    ]
    for text in [*example_texts(), "\n".join(lines)]:
        assert mark_boilerplate(text, lex) == mark_boilerplate(text, whole)
        for s, e in line_blocks(text):
            line = text[s:e]
            for (name, pattern), (name2, (first, others)) in zip(lex.patterns, lex.searchers, strict=True):
                assert name == name2
                fast = bool(first is not None and first.search(line)) or any(p.search(line) for p in others)
                assert fast == bool(pattern.search(line))


# --- linear-time paths: each equals the plain scan it replaced ------------------------------------------

@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=40))
def test_disjoint_spans_equal_the_plain_overlap_scan(spans_in: list[tuple[int, int]]) -> None:
    fast = Disjoint()
    plain: list[tuple[int, int]] = []
    for s, n in spans_in:
        e = s + n
        free = all(e <= t0 or s >= t1 for t0, t1 in plain)
        assert fast.free(s, e) == free
        assert fast.add(s, e) == free
        if free:
            plain.append((s, e))
    assert sorted(plain) == list(zip(fast.starts, fast.ends, strict=True))


def repeated(sentence: str, n: int) -> str:
    """One paragraph of n copies of a sentence: the shape that made dating and placing quadratic."""
    return " ".join([sentence] * n)


LONG_TEXTS = [
    repeated("Pada Senin (3/6/2024), kelompok bersenjata menembak dua anggota TNI di Distrik Sugapa, "
             "Kabupaten Intan Jaya, kata Kapolda Papua di Jayapura.", 40),
    repeated("Polisi menangkap lima orang pada Rabu (5/6/2024) di Wamena. Massa lalu membakar kantor bupati.", 40),
    "Kamis (6/6/2024) - " + "\n\n".join(repeated("Bentrokan pecah lagi di Kota Ambon.", k) for k in (1, 3, 5, 2)),
]


def test_dating_through_dated_sentences_equals_the_plain_look_back(res: Resources) -> None:
    cfg = Config(reference_date=date(2024, 6, 10), include_all=True)
    looked_back = 0
    for text in example_texts()[: -len(TRICKY)] + LONG_TEXTS:
        an = analyse(Article.from_text("t", text), res, cfg)
        assert an.dated is not None
        plain = dataclasses.replace(an, dated=None)
        for f in an.facts:
            for c in candidates(f, res.roles, True):
                got = choose_date(c, an, res, date(2024, 5, 1))
                assert got == choose_date(c, plain, res, date(2024, 5, 1))
                looked_back += got[3] == 1
        assert events_of(an, res, cfg) == events_of(plain, res, cfg)
    assert looked_back > 40  # the texts do reach the look-back


def test_places_named_again_change_no_place(res: Resources) -> None:
    cfg = Config(reference_date=date(2024, 6, 10), include_all=True)
    for text in example_texts()[: -len(TRICKY)] + LONG_TEXTS:
        an = analyse(Article.from_text("t", text), res, cfg)
        assert len(set(an.context)) == len(an.context)
        again = dataclasses.replace(an, context=tuple(p for p in an.context for _ in range(3)))
        assert events_of(an, res, cfg) == events_of(again, res, cfg)


def fixture_texts() -> list[str]:
    """The team's fixture articles, negatives and shipped examples, and texts with no trigger at all."""
    data = Path(__file__).parent / "data"
    files = sorted((data / "articles").glob("*.txt")) + sorted((data / "negatives").glob("*.txt"))
    quiet = [
        "Harga cabai di Pasar Minggu naik menjelang Lebaran, kata pedagang, Senin (1/4/2024).",
        "Timnas U-23 berlatih di Stadion Madya. Pelatih memanggil tiga pemain baru dari Liga 1.",
    ]
    return [p.read_text(encoding="utf-8") for p in files] + example_texts()[: -len(TRICKY)] + LONG_TEXTS + quiet


@pytest.mark.parametrize("include_all", [False, True])
def test_articles_without_triggers_skip_to_no_event(res: Resources, include_all: bool) -> None:
    cfg = Config(reference_date=date(2024, 6, 10), include_all=include_all)
    skipped = 0
    for text in fixture_texts():
        article = Article.from_text("t", text)
        full = events_of(analyse(article, res, cfg), res, cfg)  # every stage, no triage
        assert extract_events(article, res, cfg) == full
        if not triage(text, res).has_triggers:
            skipped += 1
            assert full == []
    assert skipped >= 3


@given(st.lists(st.sampled_from([
    "ditembak", "Ditembak", "DITEMBAK", "serangan", "balik", "Serangan  balik", "bom", "BOM!", "meledak", "yang",
    "tewas", "Kelvin", "\u212aorban", "İstanbul", "ΣΑΣ", "transaksi", "aksi", "unjuk", "rasa", "unjuk-rasa", ",",
    ".", "\n", "massa", "membakar", "pos", "polisi", "menyerang", "mar'kas", "luka-luka",
    "bantuan", "xbom", "bomb", "anti-bom", "bom-", "'bom", "bo\u0301m", "2bom", "bom2", "(bom)", "tembak",
    "menembak", "ditembak-tembak", "\u0130bom",
]), max_size=12))
def test_trigger_screen_never_hides_a_trigger(res: Resources, words: list[str]) -> None:
    text = " ".join(words)
    if not res.screen.may_match(text):
        assert not find_triggers(tokenize(text), res.triggers, text)


@pytest.mark.parametrize(("text", "may"), [
    ("Bantuan untuk transaksi ekspor naik; harga bombai turun.", False),  # "ban", "aksi", "bom" in words
    ("Polisi menembak pelaku.", True),
    ("Sebuah bom meledak.", True),
])
def test_trigger_screen_reads_words_not_substrings(res: Resources, text: str, may: bool) -> None:
    assert res.screen.may_match(text) is may
    if not may:
        assert not triage(text, res).has_triggers


def test_trigger_screen_agrees_with_triage(res: Resources) -> None:
    said_no = 0
    for text in fixture_texts():
        if not res.screen.may_match(text):
            said_no += 1
            assert not triage(text, res).has_triggers
        elif triage(text, res).has_triggers:
            assert res.screen.may_match(text)
    assert said_no >= 1


def test_memoised_name_keys_equal_the_plain_ones(res: Resources) -> None:
    from pantau.geo import normalize
    from pantau.geo.resolve import name_key

    names = ["Deir ez-Zor", "Ḩamāh", "Ma'rib", "Kabupaten Nduga", "İstanbul", "ΣΑΣ", ""]
    for text in example_texts():
        names += [c.name for m in find_places(text, res.gazetteer, res.places) for c in m.candidates]
    for name in names + names:  # the second time from the memo
        assert name_key(name) == normalize.name_key(name)


# --- source names: the keyed pattern search equals trying every pattern of every entry -------------------

def _source_words() -> list[str]:
    """Every word of the source table's patterns and roles, as written and in other cases."""
    from pantau.extract.sources import SourceLexicon

    lex = SourceLexicon.load()
    words = {w for e in lex.entries for runs in e.patterns for run in runs for w in run}
    words |= {w for phrases in lex.roles.values() for ws, _ in phrases for w in ws}
    return sorted(words | {w.upper() for w in words} | {w.capitalize() for w in words} | {"dan", "itu", ","})


@given(st.lists(st.sampled_from(_source_words()), max_size=10))
def test_keyed_source_search_equals_the_plain_one(words: list[str]) -> None:
    from pantau.extract.sources import SourceLexicon, _best_entry, _best_entry_plain

    lex = SourceLexicon.load()
    toks = [t for t in tokenize(" ".join(words)) if t.is_word]
    assert _best_entry(toks, lex) == _best_entry_plain(toks, lex)


def test_keyed_source_search_equals_the_plain_one_on_articles() -> None:
    from pantau.extract.sources import SourceLexicon, _best_entry, _best_entry_plain

    lex = SourceLexicon.load()
    found = 0
    for text in fixture_texts():
        words = [t for t in tokenize(text) if t.is_word]
        for end in range(1, len(words) + 1):
            for size in (1, 3, 8):
                span = words[max(0, end - size) : end]
                got = _best_entry(span, lex)
                assert got == _best_entry_plain(span, lex)
                found += got[0] is not None
    assert found > 100  # the texts do name sources


# --- places of long texts: the article's memo and the latitude band equal scoring afresh ---------------

def _place(key: str, lat: float, lon: float) -> Place:
    return Place(key, key, lat, lon, "IDN", "Indonesia", None, None, "city", 1000)


def _reach(d: float | None) -> int:
    """What _score reads of the nearest distance: within 50 km, within 250 km, or neither."""
    return 2 if d is None or d > 250.0 else 1 if d > 50.0 else 0


# a latitude step of about 250 km (the band's edge) and the points either side of it
_EDGE = 250.0 / 111.19492664455873
coordinate = st.one_of(st.floats(-90, 90), st.sampled_from([0.0, _EDGE, -_EDGE, _EDGE + 1e-9, 89.9, -89.9]))


@given(st.tuples(coordinate, st.floats(-180, 180)),
       st.lists(st.tuples(coordinate, st.floats(-180, 180), st.booleans()), max_size=12))
def test_latitude_band_gives_the_reach_of_the_nearest_place(
    at: tuple[float, float], others: list[tuple[float, float, bool]]
) -> None:
    from pantau.geo.resolve import _nearest_km, _nearest_km_plain

    place = _place("p", *at)
    context = [_place(f"c{k}", lat, lon) for k, (lat, lon, _) in enumerate(others)]
    own = {"p"} | {f"c{k}" for k, (_, _, mine) in enumerate(others) if mine}
    assert _reach(_nearest_km(place, context, own)) == _reach(_nearest_km_plain(place, context, own))
    # near the band's edge: a place just inside 250 km of latitude and one just outside
    for dlat in (_EDGE - 0.001, _EDGE + 0.001, 50.0 / 111.19492664455873):
        for lon in (at[1], at[1] + 0.01):
            ring = [_place("q", max(-90.0, min(90.0, at[0] + dlat)), lon)]
            assert _reach(_nearest_km(place, ring, {"p"})) == _reach(_nearest_km_plain(place, ring, {"p"}))


def test_article_place_memo_equals_choosing_afresh(res: Resources) -> None:
    from pantau.merge.where import PlaceMemo, choose_place

    cfg = Config(reference_date=date(2024, 6, 10), include_all=True)
    examples = example_texts()[: -len(TRICKY)]
    chosen = reused = 0
    for text in [*fixture_texts(), "\n\n".join(examples * 3)]:
        an = analyse(Article.from_text("t", text), res, cfg)
        memo = PlaceMemo()
        for f in an.facts:
            for c in candidates(f, res.roles, True):
                assert choose_place(c, an, res, memo) == choose_place(c, an, res)
                chosen += 1
        reused += len(memo.best) + len(memo.resolved)
    assert chosen > 50 and reused > 50  # the memo was filled and read


# --- articles whose triggers cannot be asserted events skip the costly stages ---------------------------

UNTOLD = [
    "Mahasiswa berencana menggelar aksi unjuk rasa di depan gedung DPRD Makassar pekan depan.",
    "Bupati itu meninggal karena serangan jantung di rumahnya di Jayapura, Senin (3/6/2024).",
    "Polisi membantah ada penembakan di Wamena. Warga khawatir akan terjadi bentrokan jika harga naik.",
    "Kelompok itu dituduh melakukan penyerangan terhadap pos polisi di Poso pada 2019.",
]


@pytest.mark.parametrize("include_all", [False, True])
def test_sentences_that_may_not_yield_have_no_candidate(res: Resources, include_all: bool) -> None:
    from pantau.extract.events import may_yield

    cfg = Config(reference_date=date(2024, 6, 10), include_all=include_all)
    said_no = said_yes = 0
    for text in fixture_texts() + UNTOLD:
        an = analyse(Article.from_text("t", text), res, cfg)
        for f in an.facts:
            if not f.triggers:
                continue
            if may_yield(f.tokens, f.triggers, res.roles, include_all):
                said_yes += 1
            else:
                said_no += 1
                assert candidates(f, res.roles, include_all) == []
    assert said_no >= 5 and said_yes >= 5


@pytest.mark.parametrize("text", UNTOLD)
def test_untold_incidents_skip_to_no_event(res: Resources, text: str) -> None:
    cfg = Config(reference_date=date(2024, 6, 10))
    article = Article.from_text("t", text)
    pre = triage(text, res)
    assert res.screen.may_match(text) and pre.has_triggers  # they do reach the new skip
    assert extract_events(article, res, cfg) == events_of(analyse(article, res, cfg, pre), res, cfg) == []


# --- merging in a long text: the look-backs walk from the incident's sentence, not over all the facts -----

def _earlier_in_paragraph_plain(c, an, sc, place, memo):
    """The look-back as it was: every earlier fact of the paragraph, nearest first."""
    from pantau.merge.where import _VAGUE_FEATURES, _sentence_place

    f = c.facts
    earlier = [g for g in an.facts if g.sentence.index < f.sentence.index]
    for g in [g for g in earlier if g.sentence.paragraph == f.sentence.paragraph][::-1]:
        p2, prec2, span2 = _sentence_place(g, sc, memo)
        if p2 is not None and p2.feature not in _VAGUE_FEATURES and (place is None or p2.iso3 == place.iso3):
            return p2, prec2, span2
    return None


def _claimed_by_plain(an, g, res):
    """The claim of responsibility as it was found: a scan of every fact of the article."""
    from pantau.merge.who import _CLAIM_REACH, ARMED_NON_STATE
    from pantau.text.tokens import match_at

    told = {c.facts.sentence.index for c in g.members}
    for f in an.facts:
        if f.triggers or not any(f.sentence.index - k in told for k in range(1, _CLAIM_REACH + 1)):
            continue
        for i in range(len(f.tokens)):
            if match_at(f.tokens, i, res.roles.responsibility):
                before = [m for m in f.actors if m.last <= i and m.entry.name and m.entry.inter in ARMED_NON_STATE]
                if before:
                    return before[-1]
    return None


CLAIMED = ("Bom meledak di sebuah pasar di Kabul, Afghanistan, Jumat (7/6/2024), menewaskan 12 orang. "
           "Polisi menutup jalan itu. Kelompok ISIS-K mengaku bertanggung jawab.")


def test_look_backs_equal_the_plain_scans(res: Resources) -> None:
    from types import SimpleNamespace

    from pantau.analysis import YEARS
    from pantau.merge import where
    from pantau.merge.who import claimed_by

    cfg = Config(reference_date=date(2024, 6, 10), include_all=True)
    examples = example_texts()[: -len(TRICKY)]
    looked = claims = 0
    for text in [*fixture_texts(), CLAIMED, "\n\n".join([*examples, CLAIMED] * 2)]:
        an = analyse(Article.from_text("t", text), res, cfg)
        memo = where.PlaceMemo()
        cands = [c for f in an.facts for c in candidates(f, res.roles, True)]
        for c in cands:
            for place in (None, *(p for m in c.facts.places for p in m.candidates[:1])):
                sc = where._Scene(an.focus, text, an.context, res.places.relation_words, res.places.from_words,
                                  where._PASSING)
                got = where._earlier_in_paragraph(c, an, sc, place, memo)
                assert got == _earlier_in_paragraph_plain(c, an, sc, place, memo)
                looked += got is not None
            g: Any = SimpleNamespace(members=[c])  # claimed_by reads a group's members only
            found = claimed_by(an, g, res)
            assert found == _claimed_by_plain(an, g, res)
            claims += found is not None
        assert an.years == {int(y) for y in YEARS.findall(text)}
    assert looked > 10 and claims >= 1

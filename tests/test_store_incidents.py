"""Incidents across articles: which reports join, the conservative toll over all claims, explanations, reversal."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from typer.testing import CliRunner

from pantau.cli.main import app
from pantau.model import Claim, Claimant
from pantau.pipeline import Resources
from pantau.store import Store
from pantau.store.incidents import MergeRules, ReportKey, claims_of, incident_fatalities, match
from storekit import MAKASSAR, SUGAPA, article, coder

RULES = MergeRules()

SUGAPA_KEY = ReportKey(
    event_id="a1", article_id="A", outlet="Kabar Timur", event_type="Violence against civilians",
    event_date=date(2024, 3, 12), time_precision=1, actor1="Unidentified Armed Group (Indonesia)",
    actor2="Civilians (Indonesia)", iso="IDN", admin1="Central Papua", admin2="Intan Jaya", location="Sugapa",
    latitude=-3.743, longitude=137.05, geo_precision=1,
)


@pytest.mark.parametrize(("change", "joins"), [
    ({}, True),
    ({"latitude": -3.76, "longitude": 137.06}, True),  # 2 km away
    ({"latitude": -3.9, "longitude": 137.3}, False),  # 33 km away
    ({"location": "Intan Jaya", "geo_precision": 2, "latitude": -3.5, "longitude": 136.8}, True),  # the regency
    ({"location": "Kabupaten Intan Jaya", "geo_precision": 2, "latitude": None, "longitude": None}, True),
    ({"location": "Central Papua", "geo_precision": 3, "latitude": -3.4, "longitude": 136.2}, True),  # province
    ({"location": "Mimika", "geo_precision": 2, "latitude": -4.5, "longitude": 136.9}, False),  # another regency
    ({"latitude": None, "longitude": None, "location": None}, False),  # no place
    ({"iso": "PNG"}, False),
    ({"event_date": date(2024, 3, 13)}, False),  # two day-precise dates: one day apart is another incident
    ({"event_date": date(2024, 3, 15), "time_precision": 2}, True),  # "pekan ini": within a week
    ({"event_date": date(2024, 3, 16), "time_precision": 2}, False),
    ({"event_date": date(2024, 3, 30), "time_precision": 3}, True),  # "bulan ini": March
    ({"event_date": date(2024, 4, 2), "time_precision": 3}, False),  # April is not March
    # a country or a province alone is placed at its capital: its coordinates prove nothing
    ({"location": "Indonesia", "geo_precision": 3, "latitude": -3.743, "longitude": 137.05}, False),
    ({"event_date": None}, False),
    ({"event_type": "Battles"}, False),
    ({"article_id": "A"}, False),  # never two reports of one article
    ({"actor1": "TPNPB: West Papua National Liberation Army"}, True),  # unidentified vs named
    ({"actor1": None}, True),
    ({"actor2": "Military Forces of Indonesia"}, False),  # civilians vs soldiers attacked
])
def test_when_two_reports_are_one_incident(change: dict[str, Any], joins: bool) -> None:
    other = replace(SUGAPA_KEY, **{"event_id": "b1", "article_id": "B", "outlet": "Suara Pegunungan",
                                   "admin2": None, **change})
    assert (match(SUGAPA_KEY, other, RULES) is not None) is joins
    assert (match(other, SUGAPA_KEY, RULES) is not None) is joins


def test_battle_sides_in_either_order() -> None:
    battle = replace(SUGAPA_KEY, event_type="Battles", actor1="Military Forces of Indonesia",
                     actor2="TPNPB: West Papua National Liberation Army")
    swapped = replace(battle, event_id="b", article_id="B", actor1=battle.actor2, actor2=battle.actor1)
    assert "other way round" in (match(battle, swapped, RULES) or "")
    attack = replace(SUGAPA_KEY, actor1="Civilians (Indonesia)", actor2="Police Forces of Indonesia")
    assert match(SUGAPA_KEY, replace(attack, event_id="c", article_id="C"), RULES) is None


def _incident_of(store: Store, doc: str) -> dict[str, Any]:
    (rep,) = [r for r in store.reports() if r["doc"] == doc]
    got = store.incident(rep["incident_id"])
    assert got is not None
    return got


def test_three_outlets_one_shooting(stored: Store) -> None:
    inc = _incident_of(stored, "kabar-timur-sugapa.txt")
    assert sorted(r["doc"] for r in inc["reports"]) == sorted(d for d, *_ in SUGAPA)
    assert inc["n_reports"] == 3 and inc["event_type"] == "Violence against civilians"
    assert inc["event_date"] == date(2024, 3, 12) and inc["location"] == "Sugapa"
    # the outlets say 2, 3 and "at least 2": the conservative figure is 2, the range 2-3
    assert (inc["fatalities"], inc["fatalities_low"], inc["fatalities_high"]) == (2, 2, 3)
    assert {"Kabar Timur", "Suara Pegunungan", "Warta Nasional"} <= set(inc["sources"])
    assert "Outlets disagree on fatalities" in inc["notes"] and "Suara Pegunungan: 3" in inc["notes"]
    # a named armed group from one outlet names the incident's perpetrator
    assert inc["actor1"] == "TPNPB: West Papua National Liberation Army"
    reasons = [r["join_reason"] for r in inc["reports"]]
    assert reasons[0] == "founds the incident"
    assert all("same day 2024-03-12" in r and "same type Violence against civilians" in r for r in reasons[1:])
    assert any("lies in Intan Jaya" in r or "Intan Jaya" in r for r in reasons[1:])


def test_two_incidents_of_one_day_and_city_stay_two(stored: Store) -> None:
    demo = _incident_of(stored, "celebes-demo.txt")
    bomb = _incident_of(stored, "celebes-bom.txt")
    assert demo["incident_id"] != bomb["incident_id"]
    assert demo["event_date"] == bomb["event_date"] and demo["location"] == bomb["location"] == "Makassar"
    assert [r["doc"] for r in demo["reports"]] == ["celebes-demo.txt"]
    assert sorted(r["doc"] for r in bomb["reports"]) == ["celebes-bom.txt", "harian-timur-bom.txt"]
    assert bomb["fatalities"] == 0
    assert stored.incidents_count() == 3 and stored.events_count() == 6


def test_removing_an_article_reforms_its_incident(stored: Store, res: Resources) -> None:
    first = _incident_of(stored, "suara-pegunungan-sugapa.txt")
    founder = article(*SUGAPA[0])
    assert stored.remove_article(founder.article_id)
    after = _incident_of(stored, "suara-pegunungan-sugapa.txt")
    assert sorted(r["doc"] for r in after["reports"]) == sorted(d for d, *_ in SUGAPA[1:])
    assert stored.incident(first["incident_id"]) is None  # dissolved and formed anew
    assert after["reports"][0]["join_reason"] == "founds the incident"
    assert after["fatalities"] == 2 and "Kabar Timur" not in after["sources"]
    assert after["actor1"] == "Unidentified Armed Group (Indonesia)"
    # and storing it again brings it back into the same incident
    stored.save(founder, coder(res)(founder), res.version)
    back = _incident_of(stored, "kabar-timur-sugapa.txt")
    assert back["incident_id"] == after["incident_id"] and back["n_reports"] == 3


def test_one_articles_two_events_are_never_merged(db_url: str, res: Resources) -> None:
    text = ("MAKASSAR, Celebes Pos -- Sebuah bom meledak di depan sebuah gereja di Makassar, Selasa (12/3/2024) "
            "pagi. Ledakan bom kedua terjadi di depan gereja lain di Makassar pada Selasa siang. Dua orang "
            "terluka.")
    art = article("dua-bom.txt", "Celebes Pos", date(2024, 3, 13), text)
    recs = coder(res)(art)
    twin = {**recs[0], "event_id": recs[0]["event_id"] + "-b"}
    with Store.open(db_url) as store:
        store.save(art, [recs[0], twin], res.version)
        assert store.incidents_count() == 2


def test_incidents_show_explains(stored: Store, db_url: str) -> None:
    inc = _incident_of(stored, "warta-nasional-intanjaya.txt")
    out = CliRunner().invoke(app, ["incidents", "show", str(inc["incident_id"]), "--db", db_url])
    assert out.exit_code == 0, out.output
    assert out.output.count("why:") == 3 and "founds the incident" in out.output
    assert "Suara Pegunungan" in out.output and "fatalities 2" in out.output
    missing = CliRunner().invoke(app, ["incidents", "show", "99999", "--db", db_url])
    assert missing.exit_code == 1


def _killed(low: int, victims: str, claimant: str, kind: str = "killed") -> Claim:
    source = Claimant(name=claimant, type="other", text=claimant)
    return Claim(kind=kind, low=low, high=low, qualifier=None, victims=victims, claimant=source, evidence=())


@pytest.mark.parametrize(("claims", "expected"), [
    # one group, named differently by two outlets: the lowest claimant's figure
    ([_killed(3, "warga", "A"), _killed(2, "orang", "B")], (2, 2, 3)),
    ([_killed(2, "warga sipil", "A"), _killed(3, "warga", "B"), _killed(2, "orang", "C")], (2, 2, 3)),
    # two groups: the lowest figure of each, added up
    ([_killed(3, "polisi", "A"), _killed(2, "pelaku", "A"), _killed(4, "polisi", "B")], (5, 2, 4)),
    ([_killed(3, "polisi", "A"), _killed(1, "pelaku", "B"), _killed(2, "pelaku", "A")], (4, 1, 3)),
    # injured are claims, never fatalities
    ([_killed(2, "warga", "A"), _killed(9, "warga", "B", kind="injured")], (2, 2, 2)),
    ([], (0, 0, 0)),
])
def test_incident_fatalities_over_all_claims(
        claims: list[Claim], expected: tuple[int, int, int], res: Resources) -> None:
    assert incident_fatalities(claims, res.casualties) == expected


@pytest.mark.parametrize(("claimant", "name"), [
    (None, "Kabar Timur"),  # the outlet in its own voice
    ("the outlet", "Kabar Timur"),
    ("Kapolres Intan Jaya", "Kapolres Intan Jaya"),
    # SPEC's claimant object: its display name; an outlet claimant is the report's outlet
    ({"name": "Intan Jaya police chief", "type": "state", "text": "Kapolres Intan Jaya"}, "Intan Jaya police chief"),
    ({"name": "the outlet", "type": "outlet", "text": "Kabar Timur"}, "Kabar Timur"),
])
def test_claimants_are_comparable_across_outlets(claimant: Any, name: str) -> None:
    record = {"claims": [{"kind": "killed", "low": 2, "high": 2, "qualifier": None, "victims": "warga",
                          "claimant": claimant, "evidence": []}]}
    (claim,) = claims_of(record, "Kabar Timur")
    assert claim.claimant is not None and claim.claimant.name == name and claim.low == 2


def test_db_remove_command(stored: Store, db_url: str) -> None:
    gone = article(*MAKASSAR[2])
    out = CliRunner().invoke(app, ["db", "remove", gone.article_id, "nope", "--db", db_url])
    assert out.exit_code == 0, out.output
    assert f"{gone.article_id}: removed" in out.output and "nope: not stored" in out.output
    bomb = _incident_of(stored, "celebes-bom.txt")
    assert [r["doc"] for r in bomb["reports"]] == ["celebes-bom.txt"] and bomb["sources"] == ["Celebes Pos"]

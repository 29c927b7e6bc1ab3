"""Reports of one incident across articles: when two reports tell the same incident, and the incident's record.

ACLED's rule (one event per actors, day and place) applied to reports of different articles:

- the same event type (a sub-event type may differ: one outlet's "Attack" is another's "Abduction");
- dates compatible with their precision: the periods they stand for overlap (a day-precise date its day, so
  two protests at one place on consecutive days are two events as for ACLED; a week-precise one three days
  either side; a vaguer one its calendar month); an undated report joins nothing;
- places within MergeRules.max_km (both placed at a point: geo_precision 1 or 2), or one inside the other
  (a regency or province named by one outlet, a town of it by another), in one country; a province or a
  country alone is placed at its capital, so its coordinates never count; a report with no place joins
  nothing;
- compatible actors on each side: the same name, or one side unnamed / an unidentified group; for battles
  and riots the sides may be told in either order;
- never two reports of one article: the pipeline already decided they are different incidents.

A report joins an incident only when it is compatible with *every* member (complete link), so a chain of
near neighbours cannot drift into one incident spanning a whole province or a week; among several such
incidents it joins the one with most reports, then the nearest. Rejected: single link (one compatible
member suffices), which fuses the daily protests of one square into one incident.

Fatalities follow SPEC rule 4 over the claims of all reports: each claimant's figure (an outlet speaking in
its own voice is its own claimant), the lowest within a victim group, groups added up
(extract.claims.fatality_figures). Outlets name one group differently ("dua orang", "tiga warga"), so when
the claims name at most one victim group besides unspecified people, all are one group and the lowest
claimant's figure counts; with two groups named (police and attackers) they add up as within one article.
The notes name the outlets whose figures disagree.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import regex

from pantau.extract.claims import CasualtyLexicon, fatality_figures, victim_kind
from pantau.model import DISORDER, Claim, Claimant, ClaimKind, EventType


@dataclass(frozen=True)
class MergeRules:
    """The thresholds of cross-article merging."""

    max_km: float = 5.0
    # a week-precise date (time_precision 2) stands for the days this far either side of it
    week_days: int = 3
    symmetric_types: frozenset[str] = frozenset({EventType.BATTLES, EventType.RIOTS})
    # words that name an administrative level rather than a place ("Kabupaten Intan Jaya" is "Intan Jaya")
    admin_words: frozenset[str] = frozenset({
        "kabupaten", "kab", "kota", "provinsi", "regency", "city", "province", "governorate", "district",
        "distrik", "kecamatan", "of",
    })


@dataclass(frozen=True)
class ReportKey:
    """What merging looks at in one report."""

    event_id: str
    article_id: str
    outlet: str | None
    event_type: str
    event_date: date | None
    time_precision: int
    actor1: str | None
    actor2: str | None
    iso: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None


def key_of(row: Mapping[str, Any]) -> ReportKey:
    """The merge key of a reports-table row."""
    return ReportKey(
        event_id=row["event_id"], article_id=row["article_id"], outlet=row.get("outlet"),
        event_type=row["event_type"], event_date=row.get("event_date"), time_precision=row.get("time_precision") or 3,
        actor1=row.get("actor1"), actor2=row.get("actor2"), iso=row.get("iso"), admin1=row.get("admin1"),
        admin2=row.get("admin2"), location=row.get("location"), latitude=row.get("latitude"),
        longitude=row.get("longitude"), geo_precision=row.get("geo_precision"),
    )


def km(a: ReportKey, b: ReportKey) -> float | None:
    """Great-circle distance between two reports' points, or None when one has no coordinates."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))  # type: ignore[arg-type]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


_WORD = regex.compile(r"\p{L}+|\d+")


def _name(value: str | None, rules: MergeRules) -> str:
    """A place name without its administrative words, lowercased: "Kabupaten Intan Jaya" -> "intan jaya"."""
    return " ".join(w for w in _WORD.findall((value or "").lower()) if w not in rules.admin_words)


def _inside(outer: ReportKey, inner: ReportKey, rules: MergeRules) -> bool:
    """True when outer's place is a broader unit that contains inner's place."""
    if (outer.geo_precision or 0) <= (inner.geo_precision or 0) or not outer.location:
        return False
    name = _name(outer.location, rules)
    return bool(name) and name in (_name(inner.admin1, rules), _name(inner.admin2, rules))


def same_place(a: ReportKey, b: ReportKey, rules: MergeRules) -> str | None:
    """Why two reports' places are one place, or None."""
    if a.iso and b.iso and a.iso != b.iso:
        return None
    # a province or a country is placed at its capital: its point says nothing about where in it
    d = km(a, b) if max(a.geo_precision or 3, b.geo_precision or 3) <= 2 else None
    if d is not None and d <= rules.max_km:
        return f"{d:.1f} km apart ({a.location} / {b.location})"
    if _inside(a, b, rules):
        return f"{b.location} lies in {a.location}"
    if _inside(b, a, rules):
        return f"{a.location} lies in {b.location}"
    return None


def period(d: date, precision: int, rules: MergeRules) -> tuple[date, date]:
    """The days a date of this precision stands for: the day, the week around it, or its month."""
    if precision <= 1:
        return d, d
    if precision == 2:
        return d - timedelta(days=rules.week_days), d + timedelta(days=rules.week_days)
    end = (d.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return d.replace(day=1), end


def same_time(a: ReportKey, b: ReportKey, rules: MergeRules) -> str | None:
    """Why two reports' dates fit one incident (the periods they stand for overlap), or None."""
    if a.event_date is None or b.event_date is None:
        return None
    (a0, a1), (b0, b1) = period(a.event_date, a.time_precision, rules), period(b.event_date, b.time_precision, rules)
    if a1 < b0 or b1 < a0:
        return None
    if a.event_date == b.event_date:
        return f"same day {a.event_date.isoformat()}"
    return (f"{a.event_date.isoformat()} (precision {a.time_precision}) and {b.event_date.isoformat()} "
            f"(precision {b.time_precision}) overlap")


def _unnamed(actor: str | None) -> bool:
    """An actor that says nothing about who it was."""
    return actor is None or actor.startswith("Unidentified")


def _side(x: str | None, y: str | None) -> bool:
    return x == y or _unnamed(x) or _unnamed(y)


def same_actors(a: ReportKey, b: ReportKey, rules: MergeRules) -> str | None:
    """Why two reports' actors fit one incident, or None."""
    if _side(a.actor1, b.actor1) and _side(a.actor2, b.actor2):
        named = sorted({x for x in (a.actor1, a.actor2, b.actor1, b.actor2) if x and not _unnamed(x)})
        return "actors agree" + (f" ({', '.join(named)})" if named else " (none named)")
    if a.event_type in rules.symmetric_types and _side(a.actor1, b.actor2) and _side(a.actor2, b.actor1):
        return "actors agree, sides told the other way round"
    return None


def match(a: ReportKey, b: ReportKey, rules: MergeRules) -> str | None:
    """Why reports a and b tell one incident, or None when they do not."""
    if a.article_id == b.article_id or a.event_type != b.event_type:
        return None
    when = same_time(a, b, rules)
    where = same_place(a, b, rules) if when else None
    who = same_actors(a, b, rules) if where else None
    if who is None:
        return None
    return f"same type {a.event_type}; {when}; {where}; {who}"


def best_incident(
    report: ReportKey, candidates: Mapping[int, Sequence[ReportKey]], rules: MergeRules
) -> tuple[int, str] | None:
    """The incident a report joins and why (it must match every member), or None when it founds its own."""
    best: tuple[tuple[int, float], int, str] | None = None
    for incident_id, members in candidates.items():
        reasons = [match(report, m, rules) for m in members]
        if not members or any(r is None for r in reasons):
            continue
        dists = [d for m in members if (d := km(report, m)) is not None]
        rank = (-len(members), min(dists, default=math.inf))
        if best is None or rank < best[0]:
            outlet = members[0].outlet or members[0].article_id
            best = (rank, incident_id, f"joins {len(members)} report(s); with {outlet}: {reasons[0]}")
    return None if best is None else (best[1], best[2])


def _claimant(value: Any, outlet: str) -> Claimant:
    """A claim's claimant made comparable across outlets: an outlet speaking in its own voice is that outlet."""
    if isinstance(value, Mapping):
        if value.get("type") == "outlet" or not (value.get("name") or value.get("text")):
            return Claimant(name=outlet, type="outlet", text=None, cite=outlet)
        return Claimant(name=str(value.get("name") or value.get("text")), type=str(value.get("type") or "other"),
                        text=value.get("text"))
    if value in (None, "", "the outlet"):
        return Claimant(name=outlet, type="outlet", text=None, cite=outlet)
    return Claimant(name=str(value), type="other", text=str(value), normalised=False)


def claims_of(record: Mapping[str, Any], outlet: str) -> list[Claim]:
    """The claims of a stored record as model.Claim, claimants made comparable across outlets."""
    return [
        Claim(kind=c["kind"], low=int(c["low"]), high=int(c["high"]), qualifier=c.get("qualifier"),
              victims=c.get("victims"), claimant=_claimant(c.get("claimant"), outlet), evidence=())
        for c in record.get("claims") or []
    ]


def incident_fatalities(claims: list[Claim], lex: CasualtyLexicon) -> tuple[int, int, int]:
    """Rule 4 over the claims of all reports: (conservative figure, lowest, highest)."""
    kinds = {victim_kind(c, lex) for c in claims if c.kind == ClaimKind.KILLED} - {None, "people"}
    if len(kinds) <= 1:
        # one outlet's "dua orang" and another's "tiga warga" count the same dead: one group, lowest claimant
        claims = [replace(c, victims=None) for c in claims]
    return fatality_figures(claims, lex)


def _outlet(row: Mapping[str, Any]) -> str:
    return row.get("outlet") or row["doc"]


def _first(values: Sequence[Any]) -> Any:
    return next((v for v in values if v is not None), None)


def summarize(members: Sequence[Mapping[str, Any]], lex: CasualtyLexicon) -> dict[str, Any]:
    """The incidents-table row (without id) of an incident's member report rows (each with its record)."""
    # the report that places and dates it most precisely speaks for the incident; the others fill gaps
    rows = sorted(members, key=lambda r: (r.get("geo_precision") or 9, r.get("time_precision") or 9,
                                          -(r.get("confidence") or 0.0), r["event_id"]))
    lead = rows[0]
    rec = lead["record"]
    a1 = _first([r["actor1"] for r in rows if not _unnamed(r["actor1"])]) or lead["actor1"]
    a2 = _first([r["actor2"] for r in rows if not _unnamed(r["actor2"])]) or lead["actor2"]
    inter = {r[f"{s}"]: r[f"{s}_inter"] for r in rows for s in ("actor1", "actor2") if r[s]}
    if len(rows) == 1:
        best, low, high = lead.get("fatalities") or 0, lead.get("fatalities_low") or 0, lead.get("fatalities_high") or 0
    else:
        best, low, high = incident_fatalities([c for r in rows for c in claims_of(r["record"], _outlet(r))], lex)
    sources: list[str] = []
    outlets: list[str] = []
    for r in sorted(members, key=lambda r: r["event_id"]):
        for s in [*(r["record"].get("sources") or []), r.get("outlet")]:
            if s and s not in sources:
                sources.append(s)
        if _outlet(r) not in outlets:
            outlets.append(_outlet(r))
    inter1, inter2 = inter.get(a1), inter.get(a2)
    codes = sorted(i for i in (inter1, inter2) if i)
    return {
        "event_date": lead["event_date"], "time_precision": lead["time_precision"],
        "disorder_type": DISORDER.get(lead["event_type"], lead.get("disorder_type")),
        "event_type": lead["event_type"], "sub_event_type": lead["sub_event_type"],
        "actor1": a1, "assoc_actor_1": _union(r["record"].get("assoc_actor_1") for r in rows), "inter1": inter1,
        "actor2": a2, "assoc_actor_2": _union(r["record"].get("assoc_actor_2") for r in rows), "inter2": inter2,
        "interaction": (codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)) if codes else 0,
        "civilian_targeting": any(bool(r["record"].get("civilian_targeting")) for r in rows),
        **{k: lead[k] for k in ("iso", "country", "admin1", "admin2", "location", "latitude", "longitude",
                                "geo_precision")},
        "fatalities": best, "fatalities_low": low, "fatalities_high": high,
        "sources": sources, "outlets": outlets,
        "notes": _notes(rec.get("notes") or "", rows, best),
        "n_reports": len(members),
    }


def _union(lists: Any) -> list[str]:
    out: list[str] = []
    for xs in lists:
        out.extend(x for x in xs or [] if x not in out)
    return out


def _notes(lead_notes: str, rows: Sequence[Mapping[str, Any]], best: int) -> str:
    """The lead report's notes, then the outlets whose fatality figures disagree, if any."""
    figures: dict[int, list[str]] = {}
    for r in rows:
        if r["record"].get("claims") or r.get("fatalities"):
            figures.setdefault(int(r.get("fatalities") or 0), [])
            if _outlet(r) not in figures[int(r.get("fatalities") or 0)]:
                figures[int(r.get("fatalities") or 0)].append(_outlet(r))
    notes = lead_notes.strip()
    if len(rows) > 1:
        notes += f" Reported by {len({_outlet(r) for r in rows})} outlet(s) in {len(rows)} reports."
    if len(figures) > 1:
        told = "; ".join(f"{', '.join(outlets)}: {n}" for n, outlets in sorted(figures.items()))
        notes += f" Outlets disagree on fatalities ({told}); the conservative figure {best} is coded."
    return notes.strip()

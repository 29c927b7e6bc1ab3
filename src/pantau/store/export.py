"""Exports analysts load unchanged: ACLED's CSV columns, GeoJSON points, typed Parquet, JSONL.

The CSV (and every other format's first columns) are ACLED's 31 columns with ACLED's names in ACLED's
order, so a script written for an ACLED download reads a pantau export as it is; pantau's own columns
(fatality range, report count, claims, article and report ids) come after them and only on request.
Inter codes are ACLED's numbers, or with ``inter="text"`` the labels ACLED's API and acledR's
``inter_numeric = FALSE`` give (e.g. "State forces"; interaction "State forces-Civilians").

Columns pantau does not code are present and empty: admin3, source_scale, tags. `timestamp` is when the
incident's row was last updated (Unix seconds), as ACLED's is when its row was last changed.
Rejected: writing GeoJSON through geopandas (a heavy runtime dependency for a flat list of points) and
Parquet through pandas (its dtype inference loses the date type of empty columns); pyarrow gets an
explicit schema instead.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from typing import IO, Any

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
# pantau's own columns, after ACLED's, only on request
EXTRA_COLUMNS = (
    "incident_id", "fatalities_low", "fatalities_high", "n_reports", "outlets", "event_ids", "article_ids",
    "claims",
)
INTER_LABELS = {
    1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia", 5: "Rioters",
    6: "Protesters", 7: "Civilians", 8: "External/Other forces",
}
FORMATS = ("table", "jsonl", "csv", "geojson", "parquet")


@dataclass(frozen=True)
class ExportOptions:
    """How rows are written: inter codes as numbers or text, pantau's extra columns or not."""

    inter: str = "number"  # or "text"
    extra: bool = False


def acled_regions() -> dict[str, str]:
    """ISO3 -> ACLED region, from geo/data/acled_regions.tsv."""
    data = (resources.files("pantau") / "geo" / "data" / "acled_regions.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            region, isos = line.split("\t")
            out.update(dict.fromkeys(isos.split(), region))
    return out


def _inter(code: Any, opts: ExportOptions) -> Any:
    if not code:
        return "" if opts.inter == "text" else None
    return INTER_LABELS.get(int(code), "") if opts.inter == "text" else int(code)


def _interaction(i1: Any, i2: Any, code: Any, opts: ExportOptions) -> Any:
    if opts.inter != "text":
        return int(code) if code is not None else None
    labels = [INTER_LABELS[int(i)] for i in sorted(int(x) for x in (i1, i2) if x)]
    return "" if not labels else f"{labels[0]} only" if len(labels) == 1 else "-".join(labels)


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _timestamp(value: Any) -> int | None:
    return int(value.timestamp()) if isinstance(value, datetime) else None


def incident_row(r: Mapping[str, Any], regions: Mapping[str, str], opts: ExportOptions) -> dict[str, Any]:
    """An incident (Store.incidents) as an ACLED row, pantau's columns after it when asked."""
    d = _date(r.get("event_date"))
    row = {
        "event_id_cnty": f"{r.get('iso') or 'XXX'}{r['incident_id']}",
        "event_date": d, "year": d.year if d else None, "time_precision": r.get("time_precision"),
        "disorder_type": r.get("disorder_type"), "event_type": r.get("event_type"),
        "sub_event_type": r.get("sub_event_type"),
        "actor1": r.get("actor1") or "", "assoc_actor_1": "; ".join(r.get("assoc_actor_1") or []),
        "inter1": _inter(r.get("inter1"), opts),
        "actor2": r.get("actor2") or "", "assoc_actor_2": "; ".join(r.get("assoc_actor_2") or []),
        "inter2": _inter(r.get("inter2"), opts),
        "interaction": _interaction(r.get("inter1"), r.get("inter2"), r.get("interaction"), opts),
        "civilian_targeting": "Civilian targeting" if r.get("civilian_targeting") else "",
        "iso": r.get("iso") or "", "region": regions.get(r.get("iso") or "", ""), "country": r.get("country") or "",
        "admin1": r.get("admin1") or "", "admin2": r.get("admin2") or "", "admin3": "",
        "location": r.get("location") or "", "latitude": r.get("latitude"), "longitude": r.get("longitude"),
        "geo_precision": r.get("geo_precision"), "source": "; ".join(r.get("sources") or []), "source_scale": "",
        "notes": r.get("notes") or "", "fatalities": r.get("fatalities") or 0, "tags": "",
        "timestamp": _timestamp(r.get("updated_at")),
    }
    if opts.extra:
        row.update({
            "incident_id": r["incident_id"], "fatalities_low": r.get("fatalities_low"),
            "fatalities_high": r.get("fatalities_high"), "n_reports": r.get("n_reports"),
            "outlets": "; ".join(r.get("outlets") or []), "event_ids": "; ".join(r.get("event_ids") or []),
            "article_ids": "; ".join(r.get("article_ids") or []),
            "claims": json.dumps(r.get("claims") or [], ensure_ascii=False),
        })
    return row


def report_row(r: Mapping[str, Any], regions: Mapping[str, str], opts: ExportOptions) -> dict[str, Any]:
    """One report (Store.reports) as an ACLED row; event_id_cnty is the report's event_id."""
    rec = r["record"]
    as_incident = {
        **r, "incident_id": r.get("incident_id"), "inter1": r.get("actor1_inter"), "inter2": r.get("actor2_inter"),
        "assoc_actor_1": rec.get("assoc_actor_1"), "assoc_actor_2": rec.get("assoc_actor_2"),
        "civilian_targeting": rec.get("civilian_targeting"), "sources": rec.get("sources"),
        "updated_at": None, "n_reports": 1, "outlets": [r["outlet"]] if r.get("outlet") else [],
        "event_ids": [r["event_id"]], "article_ids": [r["article_id"]], "claims": r.get("claims"),
    }
    row = incident_row(as_incident, regions, opts)
    row["event_id_cnty"] = r["event_id"]
    return row


def columns(opts: ExportOptions) -> tuple[str, ...]:
    """The export's columns in order."""
    return ACLED_COLUMNS + (EXTRA_COLUMNS if opts.extra else ())


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def write_csv(rows: Iterable[Mapping[str, Any]], out: IO[str], opts: ExportOptions) -> None:
    """ACLED's CSV: header, then one line per row."""
    w = csv.DictWriter(out, fieldnames=columns(opts), lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: "" if r[k] is None else _plain(r[k]) for k in columns(opts)})


def write_jsonl(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> None:
    """One JSON object per line."""
    for r in rows:
        out.write(json.dumps({k: _plain(v) for k, v in r.items()}, ensure_ascii=False, default=str) + "\n")


def geojson(rows: Sequence[Mapping[str, Any]], opts: ExportOptions) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of points (RFC 7946: longitude first); an unplaced row has null geometry."""
    feats = []
    for r in rows:
        lon, lat = r.get("longitude"), r.get("latitude")
        geom = None if lon is None or lat is None else {"type": "Point", "coordinates": [float(lon), float(lat)]}
        feats.append({"type": "Feature", "geometry": geom,
                      "properties": {k: _plain(r[k]) for k in columns(opts)}})
    return {"type": "FeatureCollection", "features": feats}


def write_parquet(rows: Sequence[Mapping[str, Any]], path: Any, opts: ExportOptions) -> None:
    """A Parquet file with typed columns (dates as date32, counts as int64, coordinates as float64)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    ints = {"year", "time_precision", "geo_precision", "fatalities", "timestamp", "incident_id", "fatalities_low",
            "fatalities_high", "n_reports"}
    if opts.inter != "text":
        ints |= {"inter1", "inter2", "interaction"}
    types = {"event_date": pa.date32(), "latitude": pa.float64(), "longitude": pa.float64()}
    fields = [pa.field(c, types.get(c, pa.int64() if c in ints else pa.string())) for c in columns(opts)]
    schema = pa.schema(fields)
    data = {f.name: [r[f.name] if r[f.name] != "" or f.type == pa.string() else None for r in rows]
            for f in fields}
    pq.write_table(pa.table(data, schema=schema), path)

"""Events as SPEC.md records (JSONL) and as ACLED-style CSV rows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from pantau.model import OUTLET, ActorRef, Claimant, Event


def _actor(a: ActorRef | None) -> dict[str, Any] | None:
    return None if a is None else {"name": a.name, "inter": a.inter, "country": a.country}


def claimant_record(c: Claimant | None) -> dict[str, Any]:
    """A claim's claimant as SPEC.md's {"name", "type", "text"}; nobody cited is the outlet."""
    c = c or OUTLET
    return {"name": c.name, "type": c.type, "text": c.text}


def to_record(e: Event) -> dict[str, Any]:
    """The event as the JSON record of SPEC.md, every field present."""
    loc = e.location
    return {
        "event_id": e.event_id,
        "doc": e.doc,
        "article_id": e.article_id,
        "event_date": e.event_date.isoformat() if e.event_date else None,
        "time_precision": e.time_precision,
        "disorder_type": e.disorder_type,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": _actor(e.actor1),
        "actor2": _actor(e.actor2),
        "assoc_actor_1": list(e.assoc_actor_1),
        "assoc_actor_2": list(e.assoc_actor_2),
        "interaction": e.interaction,
        "civilian_targeting": e.civilian_targeting,
        "location": None if loc is None else {
            "name": loc.name, "latitude": loc.latitude, "longitude": loc.longitude,
            "admin1": loc.admin1, "admin2": loc.admin2, "country": loc.country, "iso": loc.iso,
            "geo_precision": loc.geo_precision,
        },
        "fatalities": e.fatalities,
        "fatalities_low": e.fatalities_low,
        "fatalities_high": e.fatalities_high,
        "claims": [
            {"kind": c.kind, "low": c.low, "high": c.high, "qualifier": c.qualifier, "victims": c.victims,
             "claimant": claimant_record(c.claimant),
             "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in c.evidence]}
            for c in e.claims
        ],
        "sources": list(e.sources),
        "notes": e.notes,
        "evidence": [{"field": ev.field, "start": ev.span.start, "end": ev.span.end, "text": ev.span.text}
                     for ev in e.evidence],
        "modality": e.modality,
        "confidence": e.confidence,
    }


def to_jsonl(events: Iterable[Event]) -> str:
    """Events as JSON lines."""
    return "".join(json.dumps(to_record(e), ensure_ascii=False) + "\n" for e in events)


# ACLED's column names, in ACLED's order, for the fields pantau codes.
CSV_COLUMNS = [
    "event_id_cnty", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "country", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities", "fatalities_low", "fatalities_high", "doc", "article_id",
    "modality", "confidence",
]


def to_csv_row(e: Event) -> dict[str, Any]:
    """The event as a row with ACLED's column names."""
    loc = e.location
    return {
        "event_id_cnty": e.event_id,
        "event_date": e.event_date.isoformat() if e.event_date else "",
        "time_precision": e.time_precision,
        "disorder_type": e.disorder_type,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1.name if e.actor1 else "",
        "assoc_actor_1": "; ".join(e.assoc_actor_1),
        "inter1": e.actor1.inter if e.actor1 else "",
        "actor2": e.actor2.name if e.actor2 else "",
        "assoc_actor_2": "; ".join(e.assoc_actor_2),
        "inter2": e.actor2.inter if e.actor2 else "",
        "interaction": e.interaction,
        "civilian_targeting": "Civilian targeting" if e.civilian_targeting else "",
        "iso": loc.iso if loc and loc.iso else "",
        "country": loc.country if loc and loc.country else "",
        "admin1": loc.admin1 if loc and loc.admin1 else "",
        "admin2": loc.admin2 if loc and loc.admin2 else "",
        "location": loc.name if loc else "",
        "latitude": loc.latitude if loc and loc.latitude is not None else "",
        "longitude": loc.longitude if loc and loc.longitude is not None else "",
        "geo_precision": loc.geo_precision if loc else "",
        "source": "; ".join(e.sources),
        "notes": e.notes,
        "fatalities": e.fatalities,
        "fatalities_low": e.fatalities_low,
        "fatalities_high": e.fatalities_high,
        "doc": e.doc,
        "article_id": e.article_id,
        "modality": e.modality,
        "confidence": e.confidence,
    }


def csv_writer(out: io.TextIOBase | Any) -> csv.DictWriter[str]:
    """A CSV writer with ACLED's header already written."""
    w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    return w

"""A group of candidates that tell one incident, gathered before its event is built."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pantau.extract.actors import ActorMatch
from pantau.extract.events import Candidate
from pantau.geo.gazetteer import Place
from pantau.model import Claim, Span


@dataclass
class Group:
    """Candidates of one incident, gathered before the event is built."""

    event_type: str
    sub_event_type: str
    place: Place | None
    precision: int
    place_span: Span | None
    date: date | None
    time_precision: int
    date_span: Span | None
    date_strength: int  # 2 stated in the sentence, 1 in the paragraph before it, 0 a report or publication date
    agent: ActorMatch | None
    target: ActorMatch | None
    confidence: float
    modality: str
    members: list[Candidate] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)  # the casualty claims attributed to it (merge.claims)

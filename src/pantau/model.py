"""The frozen records that flow through the pipeline: Article -> Mention/Claim -> Event."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_TO_TYPE: dict[str, str] = {sub: et for et, subs in EVENT_TYPES.items() for sub in subs}
DISORDER: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# Event types by ACLED's disorder type.
POLITICAL_VIOLENCE = frozenset(t for t, d in DISORDER.items() if d == "Political violence")
DEMONSTRATIONS = frozenset(t for t, d in DISORDER.items() if d == "Demonstrations")
# SPEC.md's five, then two of pantau's own, output only with --all: a trigger inside a statement about an
# incident ("mengecam serangan") and an example or trend ("seperti ledakan bom di Boston").
MODALITIES = ("asserted", "negated", "future", "hypothetical", "alleged", "statement", "generic")


class EventType(StrEnum):
    """ACLED's event types, spelled as ACLED spells them (the keys of EVENT_TYPES); a member equals its string."""

    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class SubEventType(StrEnum):
    """ACLED's sub-event types, spelled as ACLED spells them (the values of EVENT_TYPES)."""

    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_ESTABLISHED = "Headquarters or base established"
    LOOTING = "Looting/property destruction"
    NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
    OTHER = "Other"


class ClaimKind(StrEnum):
    """The kind of harm a casualty claim counts (the keys of casualties.yaml's kinds)."""

    KILLED = "killed"
    INJURED = "injured"
    CAPTURED = "captured"
    MISSING = "missing"


class Qualifier(StrEnum):
    """How a casualty figure is qualified: the words of casualties.yaml's qualifiers, then pantau's readings."""

    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    ABOUT = "about"
    ONLY = "only"
    UP_TO = "up_to"
    INCLUDING = "including"  # "termasuk", "di antara korban": part of a total told elsewhere
    VAGUE = "vague"  # "puluhan": a conventional figure
    CUMULATIVE = "cumulative"  # a running total ("sejak 7 Oktober")
    NAMED = "named"  # one named victim, no figure
    UNNUMBERED = "unnumbered"  # victims told with no figure
    NATURAL = "natural"  # a death of illness or exhaustion


class Modality(StrEnum):
    """Whether an event is told as having happened (MODALITIES, in that order)."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    FUTURE = "future"
    HYPOTHETICAL = "hypothetical"
    ALLEGED = "alleged"
    STATEMENT = "statement"
    GENERIC = "generic"


def iso_date(value: Any, *, prefix: bool = False) -> date | None:
    """A date from a record or corpus field: a date, a datetime or an ISO string ("2024-03-14"; with prefix, the
    first ten characters after blanks, "2024-03-14T08:00:00Z"); None for None or ""; ValueError for anything else.

    The one core of the readers' lenient `ingest.base.as_date` and the store's strict event_date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value)
    return date.fromisoformat(text.strip()[:10] if prefix else text)


def text_hash(text: str) -> str:
    """Stable id of a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document: `text == document[start:end]` (code points)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One input document, its text exactly as read."""

    doc: str
    text: str
    article_id: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    crawled: date | None = None

    @classmethod
    def from_text(cls, doc: str, text: str, **meta: Any) -> Article:
        """Build an article whose id is the hash of its text."""
        return cls(doc=doc, text=text, article_id=text_hash(text), **meta)


@dataclass(frozen=True, slots=True)
class Block:
    """A line or paragraph of the article, marked body or boilerplate."""

    start: int
    end: int
    boilerplate: str | None = None  # the reason, e.g. "comments", "read-also"; None for body text


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of body text, with its paragraph's index."""

    start: int
    end: int
    paragraph: int
    index: int


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the article says about itself: publication date, outlet, cited sources, dateline."""

    published: date | None
    published_span: Span | None
    outlet: str | None
    sources: tuple[str, ...]
    source_spans: tuple[Span, ...]
    dateline: Span | None  # "JAKARTA, CNN Indonesia --": where it was written, not where it happened


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A date or time expression resolved against a reference date."""

    span: Span
    date: date | None
    precision: int  # ACLED time_precision: 1 day, 2 week, 3 month or vaguer
    kind: str  # "absolute", "daymonth", "weekday", "relative", "month", "year", "duration"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number read from digits or Indonesian number words."""

    span: Span
    value: int
    vague: bool = False  # "puluhan", "beberapa": a conventional figure, not a count


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An ACLED-style actor."""

    name: str
    inter: int
    country: str | None = None  # ISO3


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor, place or trigger found in the text."""

    kind: str  # "actor", "place", "trigger", "attribution"
    span: Span
    value: Any  # ActorRef, geo.Place, Trigger, claimant name
    extra: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        """Look up an extra attribute."""
        for k, v in self.extra:
            if k == key:
                return v
        return default


@dataclass(frozen=True, slots=True)
class Claimant:
    """Who reports a figure: an English display name, the kind of source, and the article's words."""

    name: str  # "US official", "Syrian Observatory for Human Rights", "TPNPB spokesperson", "the outlet"
    type: str  # SOURCE_TYPES
    text: str | None  # the article's words for it (None: the outlet, nobody cited)
    cite: str = ""  # how a note cites it: "a US official", "the Syrian Observatory for Human Rights"
    normalised: bool = True  # False: no entry of the source table fits, the name is the article's words
    pointer: tuple[str, ...] = ()  # "pejabat itu" -> ("pejabat",), "dia" -> ("",): named before, resolved later

    @property
    def citation(self) -> str:
        """The source as a note cites it."""
        return self.cite or self.name


# SPEC.md's kinds of claimant.
SOURCE_TYPES = ("state", "armed group", "monitor", "medical", "media", "outlet", "other")
OUTLET = Claimant(name="the outlet", type="outlet", text=None, cite="the outlet")


@dataclass(frozen=True, slots=True)
class Claim:
    """One casualty claim: a kind, a figure range, who it is about and who says so."""

    kind: str  # "killed", "injured", "captured", "missing"
    low: int
    high: int
    qualifier: str | None
    victims: str | None
    claimant: Claimant | None  # None: the outlet's own figure
    evidence: tuple[Span, ...]
    adds: bool = False  # "dua pelaku juga tewas": more dead beside those counted before, added to them


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, ACLED-style."""

    name: str
    latitude: float | None
    longitude: float | None
    admin1: str | None
    admin2: str | None
    country: str | None
    iso: str | None
    geo_precision: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """A coded field and the characters behind it."""

    field: str
    span: Span


@dataclass(frozen=True)
class Event:
    """One coded event, the record of SPEC.md."""

    event_id: str
    doc: str
    article_id: str
    event_date: date | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: ActorRef | None
    actor2: ActorRef | None
    location: Location | None
    claims: tuple[Claim, ...]
    evidence: tuple[Evidence, ...]
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()
    civilian_targeting: bool = False
    sources: tuple[str, ...] = ()
    notes: str = ""
    modality: str = "asserted"
    confidence: float = 0.5
    fatalities: int = 0
    fatalities_low: int = 0
    fatalities_high: int = 0
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def disorder_type(self) -> str:
        """ACLED's disorder type for the event type."""
        return DISORDER[self.event_type]

    @property
    def interaction(self) -> int:
        """ACLED's two-digit interaction code, lower inter first."""
        codes = sorted(a.inter for a in (self.actor1, self.actor2) if a is not None)
        if not codes:
            return 0
        if len(codes) == 1:
            return codes[0] * 10
        return codes[0] * 10 + codes[1]


class ActorKind(StrEnum):
    """The closed vocabulary of actor kinds in the actor dictionary and heads (lang/<lang>/actors.tsv,
    actor_heads.tsv): what a mention says about who acts. A StrEnum, so a kind still equals its string."""

    MILITARY = "military"
    POLICE = "police"
    STATE_OTHER = "state_other"
    COALITION = "coalition"
    EXTERNAL = "external"
    REBEL = "rebel"
    MILITIA = "militia"
    IDENTITY_MILITIA = "identity_militia"
    UNIDENTIFIED = "unidentified"
    CIVILIANS = "civilians"
    PEOPLE = "people"
    PROTESTERS = "protesters"
    RIOTERS = "rioters"
    SUSPECTS = "suspects"
    COUNTRY = "country"  # a bare country name ("Israel menyerang"): its forces when it acts


"""Shared helpers of the event-coding tests: the team's articles are coded as if published on a Thursday."""

from __future__ import annotations

from datetime import date

from pantau.model import Article, Event
from pantau.pipeline import Config, Resources, extract_events

PUBLISHED = date(2024, 3, 14)  # a Thursday


def code(text: str, res: Resources, published: date | None = PUBLISHED) -> list[Event]:
    """The events of one team-written article."""
    return extract_events(Article.from_text("t.txt", text, published=published), res, Config())


def kinds(events: list[Event]) -> set[tuple[str, str]]:
    """The (event type, sub-event type) pairs of events."""
    return {(e.event_type, e.sub_event_type) for e in events}

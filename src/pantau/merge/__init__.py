"""From candidates to events: where, when and who per incident, one event per incident (SPEC rule 2)."""

from __future__ import annotations

from pantau.merge.incidents import assemble

__all__ = ["assemble"]

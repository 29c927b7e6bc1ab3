"""A re-export of pantau.text.tokens, kept only for merge/when.py and merge/relevance.py while another branch
edits them: the merger points their imports at pantau.text.tokens and deletes this file. Nothing else uses it."""

from __future__ import annotations

from pantau.text.tokens import Token, match_at, phrase_index, tokenize

__all__ = ["Token", "match_at", "phrase_index", "tokenize"]

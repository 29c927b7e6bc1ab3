"""API tokens for the write endpoints of `pantau serve`: created once, stored as a digest, revoked by name.

A token is 32 random bytes (secrets.token_urlsafe) with a ``pantau_`` prefix. Because it is random and long
rather than a password a person chose, one SHA-256 digest is enough to store it safely: a slow key
derivation (PBKDF2, scrypt) protects guessable secrets from brute force, which 256 random bits do not need,
and a plain digest lets a request's token be found by an indexed lookup instead of testing every row.
Several live tokens may share a name (one per client); revoking a name revokes them all.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from enum import Enum

from sqlalchemy import insert, select, update

from pantau.store.db import Store, StoreError
from pantau.store.schema import api_tokens

PREFIX = "pantau_"


class TokenState(Enum):
    """What a presented token is: unknown, revoked or valid."""

    UNKNOWN = "unknown"
    REVOKED = "revoked"
    VALID = "valid"


def digest(token: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str) -> str:
    """Make a new token for NAME, store its digest, and return the token (it cannot be shown again)."""
    name = name.strip()
    if not name or len(name) > 128:
        raise StoreError(f"token name {name!r} must be 1 to 128 characters")
    token = PREFIX + secrets.token_urlsafe(32)
    with store.engine.begin() as conn:
        conn.execute(insert(api_tokens).values(name=name, token_hash=digest(token), created_at=datetime.now(UTC)))
    return token


def revoke_token(store: Store, name: str) -> int:
    """Revoke every live token of NAME; returns how many were revoked."""
    with store.engine.begin() as conn:
        res = conn.execute(update(api_tokens).where(api_tokens.c.name == name, api_tokens.c.revoked_at.is_(None))
                           .values(revoked_at=datetime.now(UTC)))
    return int(res.rowcount or 0)


def check_token(store: Store, token: str) -> tuple[TokenState, str | None]:
    """Whether a presented token is valid, revoked or unknown, and the name it was made for."""
    with store.engine.connect() as conn:
        row = conn.execute(select(api_tokens.c.name, api_tokens.c.revoked_at)
                           .where(api_tokens.c.token_hash == digest(token))).first()
    if row is None:
        return TokenState.UNKNOWN, None
    return (TokenState.REVOKED if row.revoked_at is not None else TokenState.VALID), row.name


def list_tokens(store: Store) -> list[dict[str, object]]:
    """Every token's name, creation and revocation time (never the token or its digest)."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(api_tokens.c.name, api_tokens.c.created_at, api_tokens.c.revoked_at)
                            .order_by(api_tokens.c.token_id)).mappings().all()
    return [dict(r) for r in rows]

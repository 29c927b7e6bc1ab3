"""API tokens: who may write through `POST /articles` of `pantau serve`.

Only a SHA-256 digest of each token is stored (the token itself is printed once by `pantau token create`),
so a copy of the database grants no access. A revoked token keeps its row with revoked_at set, so the API
can tell a revoked token (403) from an unknown one (401).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the api_tokens table."""
    op.create_table(
        "api_tokens",
        sa.Column("token_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_api_tokens_name", "api_tokens", ["name"])


def downgrade() -> None:
    """Drop the api_tokens table."""
    op.drop_index("ix_api_tokens_name", "api_tokens")
    op.drop_table("api_tokens")

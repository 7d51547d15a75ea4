"""Synthetic demo records kept apart, and sessions for the city's screens.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("unmet_needs", "feedback"):
        op.add_column(
            table, sa.Column("synthetic", sa.Boolean, nullable=False, server_default=sa.false())
        )
        op.create_index(f"ix_{table}_synthetic", table, ["synthetic"])
    op.create_table(
        "staff_sessions",
        sa.Column("id_hash", sa.String(64), primary_key=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("label", sa.String(240), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("ui_lang", sa.String(8), nullable=False),
        sa.Column("demo", sa.Boolean, nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_staff_sessions_expires_at", "staff_sessions", ["expires_at"])


def downgrade() -> None:
    op.drop_table("staff_sessions")
    for table in ("unmet_needs", "feedback"):
        op.drop_index(f"ix_{table}_synthetic", table)
        op.drop_column(table, "synthetic")

"""Feedback on answers.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("helpful", sa.Boolean, nullable=False),
        sa.Column("topic", sa.String(64)),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("lang", sa.String(16)),
        sa.Column("sender", sa.String(64), nullable=False),
        sa.Column("idempotency_key", sa.String(200), unique=True),
    )
    for column in ("created_at", "topic", "sender"):
        op.create_index(f"ix_feedback_{column}", "feedback", [column])


def downgrade() -> None:
    op.drop_table("feedback")

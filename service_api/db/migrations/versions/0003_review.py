"""Review history and the audit log.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "need_status_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "need_id",
            sa.Integer,
            sa.ForeignKey("unmet_needs.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("from_status", sa.String(16), nullable=False),
        sa.Column("to_status", sa.String(16), nullable=False),
        sa.Column("topic", sa.String(64)),
        sa.Column("duplicate_of", sa.Integer),
        sa.Column("actor", sa.String(240), nullable=False),
    )
    op.create_index("ix_need_status_changes_need_id", "need_status_changes", ["need_id"])
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(240), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target", sa.String(240), nullable=False),
    )
    op.create_index("ix_audit_events_at", "audit_events", ["at"])


def downgrade() -> None:
    op.drop_table("audit_events")
    op.drop_table("need_status_changes")

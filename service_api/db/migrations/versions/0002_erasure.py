"""Erasure tombstones and the time a need occurred.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "erasures",
        sa.Column("sender", sa.String(64), primary_key=True),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("unmet_needs") as batch:
        batch.add_column(sa.Column("occurred_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    with op.batch_alter_table("unmet_needs") as batch:
        batch.drop_column("occurred_at")
    op.drop_table("erasures")

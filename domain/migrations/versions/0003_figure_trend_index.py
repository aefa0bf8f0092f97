"""index for the trend reads: one workstream's measure across every snapshot

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_figure_trend", "figure",
                    ["workstream_id", "measure", "active", "sub_area_id"])


def downgrade() -> None:
    op.drop_index("ix_figure_trend", table_name="figure")

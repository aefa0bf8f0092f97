"""municipal scale: figures by (snapshot, region), and planner statistics

`region_figures` (the region page, the upload preview's baseline) and `refresh_active` (every
import) read one region's figures of one snapshot; without this index both scanned the whole
snapshot, so their cost grew with the number of organisations. ANALYZE gives SQLite's planner
the statistics that keep it on the right index as history grows.

Revision ID: 0006_scale
Revises: 0005_security
"""
from alembic import op

revision = "0006_scale"
down_revision = "0005_security"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_figure_snapshot_region", "figure", ["snapshot_id", "region_id", "active"])
    op.execute("ANALYZE")


def downgrade() -> None:
    op.drop_index("ix_figure_snapshot_region", table_name="figure")

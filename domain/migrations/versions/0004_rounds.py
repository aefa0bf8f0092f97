"""reporting rounds: one round per month (open or published); every existing snapshot becomes a
published round; a correction reason on submissions

Revision ID: 0004_rounds
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_rounds"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reporting_round",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("snapshot_id", sa.Integer(), sa.ForeignKey("snapshot.id"), nullable=False,
                  unique=True),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("opened_at", sa.DateTime(), nullable=True),
        sa.Column("opened_by", sa.String(100), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("published_by", sa.String(100), nullable=True),
    )
    with op.batch_alter_table("submission") as batch:
        batch.add_column(sa.Column("correction_reason", sa.Text(), nullable=True))
    # Every snapshot that exists before rounds is the published national picture.
    op.execute("INSERT INTO reporting_round (snapshot_id, state, published_by) "
               "SELECT id, 'published', 'migration 0004' FROM snapshot")


def downgrade() -> None:
    with op.batch_alter_table("submission") as batch:
        batch.drop_column("correction_reason")
    op.drop_table("reporting_round")

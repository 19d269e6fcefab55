"""matching: evidence fingerprint and explanation on offers

Revision ID: 0002_matching
Revises: 0001
Create Date: 2026-11-29 05:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002_matching'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('offer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('match_fingerprint', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('match_evidence', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('offer', schema=None) as batch_op:
        batch_op.drop_column('match_evidence')
        batch_op.drop_column('match_fingerprint')

"""perf: indexes the site needs at production scale (200,000 products, 1,000,000 offers)

Revision ID: 0005_perf
Revises: 0001
Create Date: 2026-11-29 06:00:00.000000

- ix_product_brand_model: the product page's variants (same brand and model, case-folded)
  scanned every product without it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_perf"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_product_brand_model",
        "product",
        [sa.text("lower(brand)"), sa.text("lower(model)")],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_product_brand_model", table_name="product")

"""search figures: ranking and facet values in search_document, exact-model keys, stale marks

Revision ID: 0006_search_figures
Revises: 0003_search
Create Date: 2026-11-29 08:00:00.000000

- search_document gains each product's best total price, offer and shop counts, stock,
  category, brand, price range, storage, GPU memory and a `rank` (offers, then name length):
  search ranks, filters and counts facets in SQL without reading offers.
- search_key: the compact spellings that name a product exactly (model, brand + model,
  model + capacity, GTINs, model suffixes such as "rtx5090").
- search_stale: products whose figures changed (an offer's price, delivery, availability or
  shop), marked by triggers; refreshed without rebuilding the text.
- On SQLite the FTS5 rowid becomes `rank`, so `ORDER BY rowid LIMIT n` stops early.
Existing documents are filled here (a few minutes for 200,000 products).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

import catalog.types

revision: str = "0006_search_figures"
down_revision: str | None = "0003_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("rank", sa.BigInteger(), nullable=True),
        sa.Column("name_length", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("best_total", catalog.types.Money(), nullable=True),
        sa.Column("offer_count", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("shop_count", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("in_stock", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("category", sa.String(length=100), nullable=True),
        sa.Column("brand", sa.String(length=100), nullable=True),
        sa.Column("price_range", sa.String(length=20), nullable=True),
        sa.Column("storage", sa.String(length=20), nullable=True),
        sa.Column("gpu_memory", sa.String(length=20), nullable=True),
    ]


CHANGED = (
    "NEW.price IS NOT OLD.price OR NEW.delivery IS NOT OLD.delivery "
    "OR NEW.availability IS NOT OLD.availability OR NEW.shop_id IS NOT OLD.shop_id"
)
SQLITE_TRIGGER = f"""CREATE TRIGGER search_stale_offer_upd
    AFTER UPDATE OF price, delivery, availability, shop_id ON offer
    WHEN NEW.product_id IS NOT NULL AND ({CHANGED}) BEGIN
    INSERT OR IGNORE INTO search_stale(product_id) VALUES (NEW.product_id); END"""
PG_FUNCTION = """
CREATE OR REPLACE FUNCTION search_mark_stale() RETURNS trigger AS $$
BEGIN
    INSERT INTO search_stale(product_id) VALUES (NEW.product_id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$ LANGUAGE plpgsql
"""
PG_CHANGED = CHANGED.replace("IS NOT", "IS DISTINCT FROM")
PG_TRIGGER = f"""CREATE TRIGGER search_stale_offer_upd
    AFTER UPDATE OF price, delivery, availability, shop_id ON offer
    FOR EACH ROW WHEN (NEW.product_id IS NOT NULL AND ({PG_CHANGED}))
    EXECUTE FUNCTION search_mark_stale()"""


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    # Plain ADD COLUMN (SQLite has it): a batch copy would reflect and rebuild the table.
    for column in columns():
        op.add_column("search_document", column)
    op.create_table(
        "search_key",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"],
            name=op.f("fk_search_key_product_id_product"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", "product_id", name=op.f("pk_search_key")),
    )  # fmt: skip
    op.create_index(op.f("ix_search_key_product_id"), "search_key", ["product_id"])
    op.create_table(
        "search_stale",
        sa.Column("product_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_search_stale")),
    )
    if dialect == "sqlite":
        op.execute(SQLITE_TRIGGER)
    elif dialect == "postgresql":
        op.execute(PG_FUNCTION)
        op.execute(PG_TRIGGER)
    # Fill the new columns of existing documents (imported here: only this step needs it).
    from catalog.search.index import backfill

    backfill(Session(bind=op.get_bind()))
    op.create_index(op.f("ix_search_document_rank"), "search_document", ["rank"])
    op.create_index("ix_search_document_category_rank", "search_document", ["category", "rank"])
    op.create_index("ix_search_document_brand_rank", "search_document", ["brand", "rank"])
    if dialect == "postgresql":
        op.execute("ANALYZE search_document")  # the planner needs rank's statistics at once


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.execute(
        "DROP TRIGGER IF EXISTS search_stale_offer_upd"
        + (" ON offer" if dialect == "postgresql" else "")
    )
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS search_mark_stale()")
    op.drop_table("search_stale")
    op.drop_index(op.f("ix_search_key_product_id"), table_name="search_key")
    op.drop_table("search_key")
    op.drop_index("ix_search_document_brand_rank", table_name="search_document")
    op.drop_index("ix_search_document_category_rank", table_name="search_document")
    op.drop_index(op.f("ix_search_document_rank"), table_name="search_document")
    with op.batch_alter_table("search_document") as batch:
        for column in reversed(columns()):
            batch.drop_column(column.name)
    if dialect == "sqlite":
        # The FTS5 rowid goes back to the product id.
        op.execute("DELETE FROM search_fts")
        op.execute(
            "INSERT INTO search_fts(rowid, document) "
            "SELECT product_id, document FROM search_document"
        )

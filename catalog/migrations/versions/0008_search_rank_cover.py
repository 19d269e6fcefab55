"""search rank cover: the rank index carries what a search reads (PostgreSQL)

Revision ID: 0008_search_rank_cover
Revises: 0007_search_statistics
Create Date: 2026-11-29 11:40:00.000000

Searches of common words walk the documents in rank order and stop at the first matches
(catalog.search.walk). Through the plain rank index every row walked is a random heap read
(a row is about 1.2 kB with its tsvector: six to a page), 150-980 ms for a walk of 25,000-
157,000 rows on the 200,000-product benchmark catalogue. This index holds the same order with
the tsvector and the result row's figures, so the walk is an index-only scan reading the
index's pages in order (17 ms for the 6,540 rows "carte graphique rtx" needs, measured
before this revision). Index-only scans skip the heap on pages autovacuum has marked all-
visible, which is most of them between crawls.

SQLite keeps its FTS5 rowid order (already the rank): nothing to do there.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008_search_rank_cover"
down_revision: str | None = "0007_search_statistics"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_search_document_rank_cover"
INCLUDED = ("product_id", "best_total", "offer_count", "shop_count", "in_stock", "category",
            "brand", "price_range", "storage", "gpu_memory", "tsv")  # fmt: skip


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"CREATE INDEX {NAME} ON search_document (rank) INCLUDE ({', '.join(INCLUDED)})")
    # The visibility map lets the walk skip the heap: set it now rather than at autovacuum.
    with op.get_context().autocommit_block():
        op.execute("VACUUM search_document")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP INDEX {NAME}")

"""search statistics: a finer statistics target for search_document.tsv (PostgreSQL)

Revision ID: 0007_search_statistics
Revises: 0006_search_figures
Create Date: 2026-11-29 09:30:00.000000

PostgreSQL estimates `tsv @@ tsquery` from the column's most common lexemes; with the default
target (100) a rare word falls back to a flat guess, so an OR of rare words (the no-result
page's proposals, e.g. "écouteurs réduction de bruit", "reconditionné" in GPUs) was expected to
match 5,000-6,000 documents instead of 220-390, and `ORDER BY rank LIMIT n` walked the rank
index over 100,000 rows (0.4-0.9 s on the 200,000-product benchmark catalogue). With a target
of 1000 the same queries take 1-3 ms. The target stays on the column, so later ANALYZEs
(autovacuum, restores) keep it. The facet columns (category, brand, ...) have a few dozen
values each, which the default target already lists whole: left as they are.

SQLite has no such setting: nothing to do there.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007_search_statistics"
down_revision: str | None = "0006_search_figures"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TARGET = 1000
COLUMNS = ("tsv",)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column in COLUMNS:
        op.execute(f"ALTER TABLE search_document ALTER COLUMN {column} SET STATISTICS {TARGET}")
    op.execute("ANALYZE search_document")  # the new target counts from now, not at autovacuum


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column in COLUMNS:
        op.execute(f"ALTER TABLE search_document ALTER COLUMN {column} SET STATISTICS -1")
    op.execute("ANALYZE search_document")

"""search index: documents, vocabulary, dirty marks kept by triggers; FTS5 or tsvector

Revision ID: 0003_search
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import catalog.types

revision: str = "0003_search"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_TRIGGERS = [
    """CREATE TRIGGER search_dirty_product_ins AFTER INSERT ON product BEGIN
        INSERT OR IGNORE INTO search_dirty(product_id) VALUES (NEW.id); END""",
    """CREATE TRIGGER search_dirty_product_upd AFTER UPDATE ON product BEGIN
        INSERT OR IGNORE INTO search_dirty(product_id) VALUES (NEW.id); END""",
    """CREATE TRIGGER search_dirty_product_del AFTER DELETE ON product BEGIN
        INSERT OR IGNORE INTO search_dirty(product_id) VALUES (OLD.id); END""",
    """CREATE TRIGGER search_dirty_offer_ins AFTER INSERT ON offer
        WHEN NEW.product_id IS NOT NULL BEGIN
        INSERT OR IGNORE INTO search_dirty(product_id) VALUES (NEW.product_id); END""",
    """CREATE TRIGGER search_dirty_offer_upd AFTER UPDATE OF product_id, gtin, mpn ON offer BEGIN
        INSERT OR IGNORE INTO search_dirty(product_id)
            SELECT NEW.product_id WHERE NEW.product_id IS NOT NULL;
        INSERT OR IGNORE INTO search_dirty(product_id)
            SELECT OLD.product_id WHERE OLD.product_id IS NOT NULL; END""",
    """CREATE TRIGGER search_dirty_offer_del AFTER DELETE ON offer
        WHEN OLD.product_id IS NOT NULL BEGIN
        INSERT OR IGNORE INTO search_dirty(product_id) VALUES (OLD.product_id); END""",
]

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION search_mark_dirty() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'product' THEN
        IF TG_OP = 'DELETE' THEN
            INSERT INTO search_dirty(product_id) VALUES (OLD.id) ON CONFLICT DO NOTHING;
        ELSE
            INSERT INTO search_dirty(product_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
        END IF;
    ELSE
        IF TG_OP <> 'DELETE' AND NEW.product_id IS NOT NULL THEN
            INSERT INTO search_dirty(product_id) VALUES (NEW.product_id) ON CONFLICT DO NOTHING;
        END IF;
        IF TG_OP <> 'INSERT' AND OLD.product_id IS NOT NULL THEN
            INSERT INTO search_dirty(product_id) VALUES (OLD.product_id) ON CONFLICT DO NOTHING;
        END IF;
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql
"""

PG_TRIGGERS = [
    """CREATE TRIGGER search_dirty_product AFTER INSERT OR UPDATE OR DELETE ON product
        FOR EACH ROW EXECUTE FUNCTION search_mark_dirty()""",
    """CREATE TRIGGER search_dirty_offer_ins_del AFTER INSERT OR DELETE ON offer
        FOR EACH ROW EXECUTE FUNCTION search_mark_dirty()""",
    """CREATE TRIGGER search_dirty_offer_upd AFTER UPDATE OF product_id, gtin, mpn ON offer
        FOR EACH ROW WHEN (OLD.product_id IS DISTINCT FROM NEW.product_id
            OR OLD.gtin IS DISTINCT FROM NEW.gtin OR OLD.mpn IS DISTINCT FROM NEW.mpn)
        EXECUTE FUNCTION search_mark_dirty()""",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_table(
        "search_document",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("model_key", sa.String(length=200), nullable=True),
        sa.Column("indexed_at", catalog.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"],
            name=op.f("fk_search_document_product_id_product"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_search_document")),
    )
    op.create_index(
        op.f("ix_search_document_model_key"), "search_document", ["model_key"], unique=False
    )
    op.create_table(
        "search_term",
        sa.Column("term", sa.String(length=64), nullable=False),
        sa.Column("term_length", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", name=op.f("pk_search_term")),
    )
    op.create_index(
        op.f("ix_search_term_term_length"), "search_term", ["term_length"], unique=False
    )
    op.create_table(
        "search_dirty",
        sa.Column("product_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_search_dirty")),
    )
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "document, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
        )
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute("ALTER TABLE search_document ADD COLUMN tsv tsvector")
        op.execute("CREATE INDEX ix_search_document_tsv ON search_document USING gin (tsv)")
        op.execute(
            "CREATE INDEX ix_search_term_trgm ON search_term USING gin (term gin_trgm_ops)"
        )
        op.execute(PG_FUNCTION)
        for statement in PG_TRIGGERS:
            op.execute(statement)
    # Products that exist before this revision need a document: mark them all.
    op.execute("INSERT INTO search_dirty(product_id) SELECT id FROM product")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("product_ins", "product_upd", "product_del", "offer_ins", "offer_upd",
                     "offer_del"):
            op.execute(f"DROP TRIGGER IF EXISTS search_dirty_{name}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS search_dirty_product ON product")
        op.execute("DROP TRIGGER IF EXISTS search_dirty_offer_ins_del ON offer")
        op.execute("DROP TRIGGER IF EXISTS search_dirty_offer_upd ON offer")
        op.execute("DROP FUNCTION IF EXISTS search_mark_dirty()")
    op.drop_table("search_dirty")
    op.drop_index(op.f("ix_search_term_term_length"), table_name="search_term")
    op.drop_table("search_term")
    op.drop_index(op.f("ix_search_document_model_key"), table_name="search_document")
    op.drop_table("search_document")

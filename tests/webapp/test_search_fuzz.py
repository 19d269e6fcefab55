"""Any text in the search box gives results or an empty list, never an error (both engines)."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from catalog.db import make_engine, make_session_factory
from catalog.search import search, suggest

# Characters that mean something to FTS5, tsquery, LIKE or HTML, plus controls and NUL.
SPECIAL = st.sampled_from(
    list("\"*()^:-+~&|!<>'%_\\\x00\x01\x1f\t\r\n{}[];,.") + ["NEAR(", "AND", "OR", "NOT"]
)
TEXT = st.lists(st.one_of(st.text(max_size=12), SPECIAL), max_size=12).map("".join)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(query=TEXT)
@example(query='"NEAR(rtx 5090, 2)" * OR h200:* & !airpods')
@example(query="\x00" * 50)
@example(query="a" * 10_000)
@example(query="écouteurs " * 1000)
@example(query="'; DROP TABLE product; --")
def test_search_never_fails(db_url, catalogue, query) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(db_url)
    try:
        with make_session_factory(engine)() as session:
            result = search(session, query)
            assert result.total >= len(result.hits)
            assert all(h.product.id for h in result.hits)
            suggest(session, query)
    finally:
        engine.dispose()


@FUZZ
@given(query=TEXT)
@example(query="\x00<script>alert(1)</script>")
@example(query="x" * 10_000)
def test_search_pages_never_fail(client, catalogue, query) -> None:  # type: ignore[no-untyped-def]
    for path in ("/recherche", "/suggest.json", "/api/v1/search", "/recherche.csv"):
        response = client.get(path, query_string={"q": query})
        assert response.status_code == 200, (path, query)

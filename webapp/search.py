"""Home page, search results with facets, suggestions as you type, and results as CSV."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from flask import (
    Blueprint,
    Response,
    current_app,
    jsonify,
    render_template,
    request,
    url_for,
)
from werkzeug.datastructures import MultiDict

from catalog.queries import category_counts, most_compared
from catalog.search import FACETS, Filters, ResultCache, search, suggest
from catalog.search.shared_cache import SharedCache
from webapp.csvstream import PRODUCT_COLUMNS, product_values, rows_to_csv
from webapp.db import get_session
from webapp.i18n import current_lang

bp = Blueprint("search", __name__)
PAGE_SIZE = 20
CSV_LIMIT = 2000


def search_cache() -> ResultCache:
    """The cache of search answers (SEARCH_CACHE_SECONDS; 0 = none): this process's own
    (default 30 s), or shared by every process through Redis when SEARCH_CACHE_URL is set
    (COMPARATEUR_SEARCH_CACHE_URL=redis://127.0.0.1:6379/0 in production; default 600 s).

    Off by default under TESTING, where tests change data between two requests.
    """
    cache = current_app.extensions.get("comparateur.search_cache")
    if cache is None:
        url = current_app.config.get("SEARCH_CACHE_URL")
        # Shared, every process learns of an index refresh within a second: answers can
        # live ten minutes. Per process, the others' refreshes are only seen on expiry.
        default = 0 if current_app.testing else 600 if url else 30
        seconds = float(current_app.config.get("SEARCH_CACHE_SECONDS", default))
        if url:
            database = current_app.extensions["comparateur.engine"].url
            made: ResultCache = SharedCache(url, seconds, database.render_as_string())
        else:
            made = ResultCache(seconds)
        cache = current_app.extensions.setdefault("comparateur.search_cache", made)
    return cache  # type: ignore[no-any-return]


def filters_from(args: MultiDict[str, str]) -> Filters:
    """Facet choices from the query string; values are only compared, never interpreted."""
    values = {name: (args.get(name) or "").strip()[:100] or None for name in FACETS}
    return Filters(**values)


def page_number(args: MultiDict[str, str]) -> int:
    try:
        return min(max(int(args.get("page", "1")), 1), 1000)
    except ValueError:
        return 1


def query_text(args: MultiDict[str, str]) -> str:
    return (args.get("q") or "")[:500]


@bp.get("/")
def home() -> str:
    # The home page aggregates every offer: keep it a minute per language (HOME_CACHE_SECONDS).
    ttl = float(current_app.config.get("HOME_CACHE_SECONDS", 60))
    cache = current_app.extensions.setdefault("comparateur.home", {})
    key = current_lang()
    cached = cache.get(key)
    if cached and time.monotonic() - cached[0] < ttl:
        return str(cached[1])
    session = get_session()
    html = render_template(
        "search/home.html",
        popular=most_compared(session, limit=8),
        categories=category_counts(session),
    )
    cache[key] = (time.monotonic(), html)
    return html


@bp.get("/recherche")
@bp.get("/search", endpoint="results_en")
def results() -> str:
    return results_for(request.args.to_dict())


@bp.get("/categorie/<path:category>")
def category(category: str) -> str:
    args = request.args.to_dict()
    args["category"] = category[:100]
    return results_for(args)


def results_for(args: dict[str, str]) -> str:
    multi = MultiDict(args)
    filters = filters_from(multi)
    page = page_number(multi)
    q = query_text(multi)
    result = search(
        get_session(),
        q,
        filters,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
        cache=search_cache(),
    )
    return render_template(
        "search/results.html",
        q=q,
        result=result,
        filters=filters,
        page=page,
        pages=max(1, -(-result.total // PAGE_SIZE)),
        facet_url=facet_url,
        csv_url=url_for("search.results_csv", **args),
    )


def _args() -> dict[str, Any]:
    return {k: v for k, v in request.args.items() if k != "page"}


def facet_url(name: str, value: str | None) -> str:
    """The current search with one facet set (or cleared when value is None)."""
    args = _args()
    args.update({k: v for k, v in request.view_args.items()} if request.view_args else {})
    if value is None:
        args.pop(name, None)
    else:
        args[name] = value
    return url_for("search.results", **args)


@bp.get("/recherche.csv")
def results_csv() -> Response:
    q = query_text(request.args)
    result = search(
        get_session(), q, filters_from(request.args), limit=CSV_LIMIT, cache=search_cache()
    )
    summaries = [hit.summary for hit in result.hits]
    rows = product_values(summaries, product_page_url())
    return csv_response(rows_to_csv(PRODUCT_COLUMNS, rows, bom=wants_bom()), "recherche.csv")


def wants_bom() -> bool:
    return request.args.get("bom") in ("1", "true", "yes")


def product_page_url() -> Callable[[int], str]:
    """Absolute product URLs, built now: CSV rows are written after the request context."""
    pattern = url_for("products.detail", product_id=987654321, _external=True)
    return lambda pid: pattern.replace("987654321", str(pid))


def csv_response(chunks: Iterator[str], filename: str) -> Response:
    """A streamed CSV. The chunks must not use the request's session (see db.session_factory)."""
    response = Response(chunks, mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    return response


@bp.get("/suggest.json")
def suggestions() -> Response:
    hits = suggest(get_session(), query_text(request.args), limit=8, cache=search_cache())
    response = jsonify(
        [
            {
                "id": h.product.id,
                "name": h.product.name,
                "url": url_for("products.detail", product_id=h.product.id),
                "best_total_price": None
                if h.summary.best_total is None
                else str(h.summary.best_total),
            }
            for h in hits
        ]
    )
    response.cache_control.max_age = 60
    return response

"""The OpenAPI 3 description of /api/v1 (served at /api/v1/openapi.json, checked by tests)."""

from __future__ import annotations

from typing import Any

MONEY = {"type": "string", "pattern": r"^-?\d+\.\d{2}$", "nullable": True}
TEXT = {"type": "string", "nullable": True}
ERROR = {
    "description": "Error",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["error", "status"],
                "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
            }
        }
    },
}
PRODUCT = {
    "type": "object",
    "required": ["id", "name", "best_total_price", "offer_count", "shop_count", "in_stock", "url"],
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "brand": TEXT,
        "model": TEXT,
        "category": TEXT,
        "attributes": {"type": "object"},
        "gtins": {"type": "array", "items": {"type": "string"}},
        "best_total_price": MONEY,
        "currency": {"type": "string"},
        "offer_count": {"type": "integer", "minimum": 0},
        "shop_count": {"type": "integer", "minimum": 0},
        "in_stock": {"type": "boolean"},
        "url": {"type": "string"},
    },
}
OFFER = {
    "type": "object",
    "required": ["id", "shop", "title", "url", "price", "total_price", "in_stock"],
    "properties": {
        "id": {"type": "integer"},
        "shop": {
            "type": "object",
            "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
        },
        "title": {"type": "string"},
        "url": {"type": "string"},
        "price": MONEY,
        "delivery": MONEY,
        "total_price": MONEY,
        "currency": {"type": "string"},
        "availability": TEXT,
        "in_stock": {"type": "boolean"},
        "last_seen": TEXT,
        "extraction": TEXT,
        "match_method": TEXT,
        "gtin": TEXT,
        "mpn": TEXT,
    },
}
OBSERVATION = {
    "type": "object",
    "required": ["id", "offer_id", "shop", "observed_at", "price", "total_price"],
    "properties": {
        "id": {"type": "integer"},
        "offer_id": {"type": "integer"},
        "shop": {"type": "string"},
        "observed_at": {"type": "string", "format": "date-time"},
        "price": MONEY,
        "delivery": MONEY,
        "total_price": MONEY,
        "currency": {"type": "string"},
        "availability": TEXT,
    },
}
FACET_NAMES = ["category", "brand", "price", "storage", "gpu_memory", "availability"]


def _param(name: str, schema: dict[str, Any], description: str, where: str = "query") -> dict:
    return {
        "name": name,
        "in": where,
        "required": where == "path",
        "schema": schema,
        "description": description,
    }


def _ok(schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "200": {"description": "OK", "content": {"application/json": {"schema": schema}}},
        "304": {"description": "Not modified (If-None-Match matched the ETag)"},
        "400": ERROR,
    }


def _page(items: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["items", "next_cursor"],
        "properties": {
            "items": {"type": "array", "items": items},
            "next_cursor": TEXT,
            **extra,
        },
    }


PRODUCT_ID = _param("product_id", {"type": "integer"}, "Product id", "path")
LIMIT = _param("limit", {"type": "integer", "minimum": 1, "maximum": 100}, "Page size")
CURSOR = _param(
    "cursor",
    {"type": "string", "pattern": "^[0-9]{1,12}$"},
    "The `next_cursor` of the previous page",
)


def document(server: str) -> dict[str, Any]:
    facets = [_param(n, {"type": "string"}, f"Facet filter: {n}") for n in FACET_NAMES]
    search_schema = _page(
        PRODUCT,
        {
            "query": {"type": "string"},
            "total": {"type": "integer", "minimum": 0},
            "total_is_lower_bound": {"type": "boolean"},
            "facets": {"type": "object"},
        },
    )
    with_404 = {"404": ERROR}
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Comparateur API",
            "version": "1.0.0",
            "description": "Hi-tech prices compared across shops. Total price = price + delivery.",
        },
        "servers": [{"url": server}],
        "paths": {
            "/search": {
                "get": {
                    "operationId": "search",
                    "summary": "Search products (best first)",
                    "parameters": [
                        _param("q", {"type": "string"}, "Search text"),
                        LIMIT,
                        CURSOR,
                        *facets,
                    ],
                    "responses": _ok(search_schema),
                }
            },
            "/products/{product_id}": {
                "get": {
                    "operationId": "product",
                    "summary": "One product with its best total price",
                    "parameters": [PRODUCT_ID],
                    "responses": {**_ok(PRODUCT), **with_404},
                }
            },
            "/products/{product_id}/offers": {
                "get": {
                    "operationId": "offers",
                    "summary": "The product's offers ranked by total price",
                    "parameters": [PRODUCT_ID],
                    "responses": {
                        **_ok(
                            {
                                "type": "object",
                                "required": ["product_id", "items"],
                                "properties": {
                                    "product_id": {"type": "integer"},
                                    "ranking": {"type": "string"},
                                    "items": {"type": "array", "items": OFFER},
                                },
                            }
                        ),
                        **with_404,
                    },
                }
            },
            "/products/{product_id}/history": {
                "get": {
                    "operationId": "history",
                    "summary": "Price observations of the product's offers",
                    "parameters": [
                        PRODUCT_ID,
                        _param("days", {"type": "integer", "minimum": 1, "maximum": 3650}, "Days"),
                        _param(
                            "limit", {"type": "integer", "minimum": 1, "maximum": 5000}, "Page size"
                        ),
                        CURSOR,
                    ],
                    "responses": {
                        **_ok(
                            _page(
                                OBSERVATION,
                                {"product_id": {"type": "integer"}, "days": {"type": "integer"}},
                            )
                        ),
                        **with_404,
                    },
                }
            },
        },
    }

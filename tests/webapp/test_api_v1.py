"""JSON API v1: payloads, pagination, ETags, errors; and the OpenAPI contract by schemathesis."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings


def test_search_payload_and_pagination(client, catalogue) -> None:
    first = client.get("/api/v1/search?q=iphone&limit=2")
    assert first.status_code == 200
    body = first.json
    assert body["total"] == 3 and len(body["items"]) == 2
    assert body["items"][0]["name"] == "Apple iPhone 16 128 Go"
    assert body["items"][0]["best_total_price"] == "959.00"  # a decimal string, never a float
    assert body["next_cursor"] == "2"
    second = client.get(f"/api/v1/search?q=iphone&limit=2&cursor={body['next_cursor']}").json
    assert len(second["items"]) == 1 and second["next_cursor"] is None
    assert {f["value"]: f["count"] for f in body["facets"]["storage"]} == {"128": 2, "256": 1}
    only_256 = client.get("/api/v1/search?q=iphone&storage=256").json
    assert [i["name"] for i in only_256["items"]] == ["Apple iPhone 16 256 Go"]


def test_product_offers_and_history(client, catalogue, now) -> None:
    pid = catalogue.products["rtx5090"].id
    product = client.get(f"/api/v1/products/{pid}").json
    assert product["best_total_price"] == "2388.99" and product["shop_count"] == 3
    offers = client.get(f"/api/v1/products/{pid}/offers").json["items"]
    assert [o["shop"]["slug"] for o in offers] == ["ldlc", "materiel", "fnac"]
    assert offers[1]["total_price"] == "2409.90" and offers[1]["delivery"] == "60.00"
    page = client.get(f"/api/v1/products/{pid}/history?days=10&limit=20").json
    assert len(page["items"]) == 20 and page["next_cursor"]
    rest = client.get(
        f"/api/v1/products/{pid}/history?days=10&limit=20&cursor={page['next_cursor']}"
    ).json
    ids = [i["id"] for i in page["items"] + rest["items"]]
    assert len(ids) == len(set(ids)) == 30  # three offers, ten days
    assert rest["next_cursor"] is None


def test_etag_gives_304(client, catalogue) -> None:
    pid = catalogue.products["h200"].id
    response = client.get(f"/api/v1/products/{pid}")
    etag = response.headers["ETag"]
    again = client.get(f"/api/v1/products/{pid}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    other = client.get(f"/api/v1/products/{pid}", headers={"If-None-Match": '"other"'})
    assert other.status_code == 200


def test_bad_parameters_are_400_not_500(client, catalogue) -> None:
    for path in (
        "/api/v1/search?limit=0",
        "/api/v1/search?limit=abc",
        "/api/v1/search?cursor=-1",
        "/api/v1/products/1/history?days=0",
    ):
        response = client.get(path)
        assert response.status_code == 400, path
        assert response.json["status"] == 400
    assert client.get("/api/v1/search?q=%00%22NEAR(*").status_code == 200


def test_api_follows_its_openapi_contract(app, catalogue) -> None:
    """Generated requests (odd strings, big numbers, unknown ids) never get a 500 and every
    response matches the published schema."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} == {
        "/search",
        "/products/{product_id}",
        "/products/{product_id}/offers",
        "/products/{product_id}/history",
    }
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=30,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def check(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate()

        check()

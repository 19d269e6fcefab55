"""The matching review queue in the admin: evidence side by side, decisions, merges, audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from test_alerts_support import (
    T0,
    Clock,
    add_offer,
    add_product,
    add_shop,
    add_user,
    db_session,
    dispose,
    login,
    make_app,
    page_token,
)

from catalog.models import MatchDecision, Offer, Product
from catalog.site_models import AuditEntry


def _queue(db_url: str) -> dict[str, int]:
    """Two products that are one (to merge) and a pending decision with its evidence."""
    with db_session(db_url) as session:
        alpha, beta = add_shop(session, "alpha", "Alpha"), add_shop(session, "beta", "Beta")
        keep = add_product(session, "NVIDIA H200 NVL 141 Go")
        keep.gtins = ["2001234567890"]
        dup = add_product(session, "Nvidia H200 NVL 141GB PCIe")
        add_offer(session, alpha, keep, "31999.00", T0)
        stray = add_offer(session, beta, dup, "32499.00", T0)
        stray.title = "Carte NVIDIA H200 NVL 141 Go <PCIe>"
        stray.gtin, stray.mpn = "2001234567890", "900-21010-0040-000"
        stray.attributes = {"memory_gb": 141, "form_factor": "pcie"}
        decision = MatchDecision(
            offer_id=stray.id,
            product_id=keep.id,
            score=0.71,
            status="pending",
            evidence={"features": {"title_ratio": 0.82, "gtin_equal": 1}, "rule": "review band"},
        )
        session.add(decision)
        session.commit()
        return {"keep": keep.id, "dup": dup.id, "offer": stray.id, "decision": decision.id}


@pytest.fixture
def site(db_url: str):  # type: ignore[no-untyped-def]
    add_user(db_url, "redac@example.org", "editor")
    app = make_app(db_url, Clock())
    yield app
    dispose(app)


def test_queue_shows_offer_and_candidate_side_by_side(site, db_url) -> None:  # type: ignore[no-untyped-def]
    ids = _queue(db_url)
    client = site.test_client()
    login(client, "redac@example.org")
    page = client.get("/admin/review").get_data(as_text=True)
    for text in (
        "Carte NVIDIA H200 NVL 141 Go &lt;PCIe&gt;",  # scraped text escaped
        "NVIDIA H200 NVL 141 Go",
        "900-21010-0040-000",
        "2001234567890",
        "memory_gb",
        "title_ratio",
        "review band",
        "0.71",
        f"/admin/review/{ids['decision']}",
    ):
        assert text in page, text
    # The offer sits in another product than the candidate: a merge button is offered.
    assert f'name="merge" value="{ids["dup"]}"' in page


def test_merge_two_products(site, db_url) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("matching.review", reason="the matcher's review functions are not here")
    ids = _queue(db_url)
    client = site.test_client()
    login(client, "redac@example.org")
    token = page_token(client, "/admin/review")
    data = {"csrf_token": token, "keep": ids["keep"], "merge": ids["dup"]}
    assert client.post("/admin/products/merge", data=data).status_code == 302
    with db_session(db_url) as session:
        offer = session.get(Offer, ids["offer"])
        assert offer is not None and offer.product_id == ids["keep"]
        assert session.get(Product, ids["keep"]) is not None
        [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == "product.merge"))
        assert entry.actor == "redac@example.org"
        assert entry.before["merged"]["id"] == ids["dup"]
        assert entry.before["moved_offers"] == [ids["offer"]]
        assert entry.after["offers"] == 2


@pytest.mark.parametrize("action", ["accept", "reject", "split"])
def test_decisions_are_carried_out_and_audited(site, db_url, action: str) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("matching.review", reason="the matcher's review functions are not here")
    ids = _queue(db_url)
    client = site.test_client()
    login(client, "redac@example.org")
    token = page_token(client, "/admin/review")
    response = client.post(
        f"/admin/review/{ids['decision']}", data={"csrf_token": token, "action": action}
    )
    assert response.status_code == 302
    with db_session(db_url) as session:
        decision = session.get(MatchDecision, ids["decision"])
        assert decision is not None
        offer = session.get(Offer, ids["offer"])
        assert offer is not None and offer.match_locked
        if action == "accept":
            assert decision.status == "accepted" and offer.product_id == ids["keep"]
        if action == "reject":
            assert decision.status == "rejected"
            assert offer.product_id not in (ids["keep"], None)
        if action == "split":
            # Split takes the offer out of its current product; the proposal stays to judge.
            assert decision.status == "pending"
            assert offer.product_id not in (ids["keep"], ids["dup"], None)
        [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == f"review.{action}"))
        assert entry.before["status"] == "pending"
        assert entry.after["status"] == decision.status
        assert entry.target_id == str(ids["decision"])


def test_merge_refuses_nonsense(site, db_url) -> None:  # type: ignore[no-untyped-def]
    ids = _queue(db_url)
    client = site.test_client()
    login(client, "redac@example.org")
    token = page_token(client, "/admin/review")
    for keep, merge in ((ids["keep"], ids["keep"]), (ids["keep"], 999999), ("x", ids["dup"])):
        data = {"csrf_token": token, "keep": keep, "merge": merge}
        assert client.post("/admin/products/merge", data=data).status_code == 302
    with db_session(db_url) as session:
        assert session.get(Product, ids["dup"]) is not None
        assert (
            session.scalars(select(AuditEntry).where(AuditEntry.action == "product.merge")).all()
            == []
        )


def test_a_decision_taken_twice_is_refused_politely(site, db_url) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("matching.review", reason="the matcher's review functions are not here")
    ids = _queue(db_url)
    client = site.test_client()
    login(client, "redac@example.org")
    token = page_token(client, "/admin/review")
    path, data = f"/admin/review/{ids['decision']}", {"csrf_token": token, "action": "accept"}
    assert client.post(path, data=data).status_code == 302
    second = client.post(path, data=dict(data, action="reject"), follow_redirects=True)
    assert second.status_code == 200
    assert "refusée par le matcher" in second.get_data(as_text=True)
    with db_session(db_url) as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("review.%"))
        )
        assert list(actions) == ["review.accept"]
        offer = session.get(Offer, ids["offer"])
        assert offer is not None and offer.product_id == ids["keep"]

"""The matching review queue, side by side with the evidence, and the editors' decisions.

Decisions are carried out by the matcher's own review functions (`matching.review`); this
module only shows the queue, checks the form and writes the audit log.
"""

from __future__ import annotations

import importlib
import inspect
import logging
from types import ModuleType
from typing import Any

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from catalog import audit
from catalog.models import MatchDecision, Offer, Product
from webapp.admin import bp
from webapp.admin.auth import record
from webapp.db import get_session

log = logging.getLogger(__name__)

PAGE = 20
ACTIONS = ("accept", "reject", "split")
DECISION_FIELDS = ("status", "product_id", "decided_by", "decided_at")
PRODUCT_FIELDS = ("id", "name", "brand", "model", "category", "gtins")


def review_api() -> ModuleType | None:
    """The matcher's review module, when it is installed."""
    try:
        return importlib.import_module("matching.review")
    except ImportError:
        return None


def call(name: str, session: Any, *args: Any, by: str) -> Any:
    """Call `matching.review.<name>`, passing who decided under the name it expects."""
    api = review_api()
    func_ = getattr(api, name, None) if api is not None else None
    if func_ is None:
        abort(503, description=f"La fonction de revue « {name} » du matcher est indisponible.")
    params = inspect.signature(func_).parameters
    kwargs = {key: by for key in ("who", "by", "user", "decided_by", "actor") if key in params}
    return func_(session, *args, **kwargs)


def refused(exc: Exception) -> bool:
    """The matcher refused the decision (unknown or already decided): shown, not a crash."""
    return type(exc).__name__ == "ReviewError" or isinstance(exc, LookupError)


@bp.get("/review")
def review() -> ResponseReturnValue:
    db = get_session()
    page = max(1, request.args.get("page", 1, type=int) or 1)
    pending = select(MatchDecision).where(MatchDecision.status == "pending")
    total = db.scalar(select(func.count()).select_from(pending.subquery())) or 0
    decisions = db.scalars(
        pending.options(
            joinedload(MatchDecision.offer).joinedload(Offer.shop),
            joinedload(MatchDecision.product),
        )
        .order_by(MatchDecision.score.desc().nulls_last(), MatchDecision.id)
        .limit(PAGE)
        .offset((page - 1) * PAGE)
    ).all()
    siblings = _sibling_titles(db, [d.product_id for d in decisions if d.product_id])
    return render_template(
        "admin/review.html",
        decisions=decisions,
        siblings=siblings,
        page=page,
        pages=max(1, (total + PAGE - 1) // PAGE),
        total=total,
        available=review_api() is not None,
    )


def _sibling_titles(db: Any, product_ids: list[int]) -> dict[int, list[str]]:
    """A few titles of offers already in each candidate product, to judge the match."""
    out: dict[int, list[str]] = {}
    if not product_ids:
        return out
    rows = db.execute(
        select(Offer.product_id, Offer.title).where(Offer.product_id.in_(product_ids)).limit(500)
    )
    for pid, title in rows:
        titles = out.setdefault(pid, [])
        if len(titles) < 5:
            titles.append(title)
    return out


@bp.post("/review/<int:decision_id>")
def decide(decision_id: int) -> ResponseReturnValue:
    db = get_session()
    decision = db.get(MatchDecision, decision_id)
    if decision is None:
        abort(404)
    action = request.form.get("action", "")
    if action not in ACTIONS:
        abort(400, description="Action inconnue.")
    before = audit.snapshot(decision, DECISION_FIELDS)
    before["offer_product_id"] = decision.offer.product_id
    target: Any = decision.offer_id if action == "split" else decision.id
    try:
        call(action, db, target, by=g.user.email)
    except Exception as exc:
        if not refused(exc):
            raise
        db.rollback()
        flash(f"Décision {decision_id} refusée par le matcher : {exc}", "error")
        return redirect(url_for("admin.review"))
    db.flush()
    db.refresh(decision)
    after = audit.snapshot(decision, DECISION_FIELDS)
    after["offer_product_id"] = db.get(Offer, decision.offer_id).product_id  # type: ignore[union-attr]
    record(
        f"review.{action}",
        target_type="match_decision",
        target_id=decision.id,
        before=before,
        after=after,
    )
    db.commit()
    flash(f"Décision {decision.id} : {action} enregistré.", "info")
    return redirect(url_for("admin.review", page=request.form.get("page", 1, type=int)))


@bp.post("/products/merge")
def merge() -> ResponseReturnValue:
    db = get_session()
    keep_id = request.form.get("keep", type=int)
    merge_id = request.form.get("merge", type=int)
    keep = db.get(Product, keep_id) if keep_id else None
    gone = db.get(Product, merge_id) if merge_id else None
    if keep is None or gone is None or keep.id == gone.id:
        flash("Fusion impossible : indiquez deux produits différents existants.", "error")
        return redirect(url_for("admin.review"))
    merged_id = gone.id
    before: dict[str, Any] = {
        "keep": audit.snapshot(keep, PRODUCT_FIELDS),
        "merged": audit.snapshot(gone, PRODUCT_FIELDS),
        "moved_offers": list(db.scalars(select(Offer.id).where(Offer.product_id == gone.id))),
    }
    try:
        call("merge", db, keep.id, gone.id, by=g.user.email)
    except Exception as exc:
        if not refused(exc):
            raise
        db.rollback()
        flash(f"Fusion refusée par le matcher : {exc}", "error")
        return redirect(url_for("admin.review"))
    db.flush()
    db.refresh(keep)
    after = {
        "keep": audit.snapshot(keep, PRODUCT_FIELDS),
        "offers": len(list(db.scalars(select(Offer.id).where(Offer.product_id == keep.id)))),
        "merged_exists": db.get(Product, merged_id) is not None,
    }
    record("product.merge", target_type="product", target_id=keep.id, before=before, after=after)
    db.commit()
    flash(f"Produit {merged_id} fusionné dans {keep.id}.", "info")
    back = request.form.get("back") or ""
    if not back.startswith("/admin/") or "//" in back:
        back = url_for("admin.review")
    return redirect(back)

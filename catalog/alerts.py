"""Readers' price alerts: subscription with double opt-in, and the check run after each crawl.

`check(session, now)` compares every product's current state (best total price among offers in
stock, seen recently) with the state stored at the previous check (`PriceWatch`), turns the
differences into product events (price drop, new lowest price, back in stock), queues one mail
per matching active alert (`AlertEvent`, unique per alert and event key, so an event is never
queued twice) and one delivery per subscribed webhook. Sending is separate
(`catalog.alerts_mail.send_pending`, `webapp.webhooks.deliver_due`). Subscriptions are in
`catalog.alert_subscriptions`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select, type_coerce
from sqlalchemy.orm import Session

from catalog import queries
from catalog.models import Offer, PriceObservation, Product, Shop
from catalog.queries import availability_key
from catalog.site_models import Alert, AlertEvent, PriceWatch, Webhook, WebhookDelivery
from catalog.types import Money

log = logging.getLogger(__name__)

SITE_CURRENCY = "EUR"
# An offer not seen for this long no longer counts (the shop dropped it or the crawl broke).
STALE_AFTER = timedelta(days=8)
# Availability keys (catalog.queries.availability_key) that mean "cannot be bought now".
UNAVAILABLE = frozenset({"outofstock", "discontinued", "soldout"})
# Product event types -> the alert kind they serve.
EVENT_FOR_KIND = {"drop": "price_drop", "lowest": "new_lowest_price", "stock": "back_in_stock"}
WEBHOOK_EVENTS = ("new_lowest_price", "back_in_stock", "price_drop")


class AlertError(ValueError):
    """A refused subscription; the message is safe to show to the reader."""


@dataclass(frozen=True)
class ProductState:
    best_total: Decimal | None
    shop_name: str | None
    in_stock: bool
    offers: int


@dataclass
class Event:
    """Something that happened to a product between two checks."""

    type: str  # price_drop, new_lowest_price, back_in_stock
    product_id: int
    product_name: str
    at: datetime
    price: Decimal | None
    previous_price: Decimal | None
    shop_name: str | None
    key: str
    alerts_queued: int = 0
    webhooks_queued: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    def payload(self) -> dict[str, object]:
        """The JSON body sent to webhooks (prices as decimal strings)."""
        return {
            "type": self.type,
            "id": self.key,
            "occurred_at": self.at.isoformat(),
            "product": {"id": self.product_id, "name": self.product_name},
            "price": None if self.price is None else str(self.price),
            "previous_price": None if self.previous_price is None else str(self.previous_price),
            "currency": SITE_CURRENCY,
            "shop": self.shop_name,
        }


# -- state and check ---------------------------------------------------------------------------


def product_states(
    session: Session, now: datetime, product_ids: list[int] | None = None
) -> dict[int, ProductState]:
    """Best total price (price + delivery) among fresh in-stock offers, per product."""
    query = (
        select(Offer.product_id, Offer.price, Offer.delivery, Offer.availability, Shop.name)
        .join(Shop, Shop.id == Offer.shop_id)
        .where(
            Offer.product_id.is_not(None),
            Offer.price.is_not(None),
            Offer.currency == SITE_CURRENCY,
            Offer.last_seen >= now - STALE_AFTER,
        )
    )
    if product_ids is not None:
        query = query.where(Offer.product_id.in_(product_ids))
    best: dict[int, tuple[Decimal, str]] = {}
    counts: dict[int, int] = {}
    for pid, price, delivery, availability, shop_name in session.execute(query):
        if pid is None or price is None:  # excluded by the query; narrows the types
            continue
        counts[pid] = counts.get(pid, 0) + 1
        if availability_key(availability) in UNAVAILABLE:
            continue
        total = price + (delivery or Decimal("0"))
        if pid not in best or total < best[pid][0]:
            best[pid] = (total, shop_name)
    return {
        pid: ProductState(
            best_total=best[pid][0] if pid in best else None,
            shop_name=best[pid][1] if pid in best else None,
            in_stock=pid in best,
            offers=count,
        )
        for pid, count in counts.items()
    }


def historic_lows(session: Session, product_ids: list[int], before: datetime) -> dict[int, Decimal]:
    """The lowest total price ever observed in stock per product, up to `before`."""
    total = PriceObservation.price + func.coalesce(PriceObservation.delivery, 0)
    name = func.replace(PriceObservation.availability, "https://schema.org/", "")
    key = func.lower(func.replace(func.replace(name, "http://schema.org/", ""), "_", ""))
    available = PriceObservation.availability.is_(None) | key.not_in(sorted(UNAVAILABLE))
    lows: dict[int, Decimal] = {}
    ids = sorted(product_ids)
    for start in range(0, len(ids), 500):
        query = (
            select(Offer.product_id, type_coerce(func.min(type_coerce(total, Money())), Money()))
            .join(Offer, Offer.id == PriceObservation.offer_id)
            .where(
                Offer.product_id.in_(ids[start : start + 500]),
                PriceObservation.price.is_not(None),
                PriceObservation.currency == SITE_CURRENCY,
                PriceObservation.observed_at <= before,
                available,
            )
            .group_by(Offer.product_id)
        )
        lows.update(
            {pid: low for pid, low in session.execute(query) if pid is not None and low is not None}
        )
    return lows


def new_watch(
    product_id: int, state: ProductState, low: Decimal | None, now: datetime
) -> PriceWatch:
    if state.best_total is not None and (low is None or state.best_total < low):
        low = state.best_total
    return PriceWatch(
        product_id=product_id,
        best_total=state.best_total,
        lowest_total=low,
        in_stock=state.in_stock,
        checked_at=now,
    )


def init_watch(
    session: Session, product_id: int, states: dict[int, ProductState], now: datetime
) -> PriceWatch:
    state = states.get(product_id, ProductState(None, None, False, 0))
    low = historic_lows(session, [product_id], now).get(product_id)
    watch = new_watch(product_id, state, low, now)
    session.add(watch)
    return watch


def _product_events(
    product: Product, watch: PriceWatch, state: ProductState, now: datetime
) -> list[Event]:
    events: list[Event] = []
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    best = state.best_total

    def event(kind: str, key: str, previous: Decimal | None) -> Event:
        return Event(kind, product.id, product.name, now, best, previous, state.shop_name, key)

    if state.in_stock and not watch.in_stock:
        events.append(event("back_in_stock", f"stock:{product.id}:{stamp}", None))
    if best is not None and watch.best_total is not None and best < watch.best_total:
        key = f"drop:{product.id}:{watch.best_total}:{best}:{stamp}"
        events.append(event("price_drop", key, watch.best_total))
    if best is not None and watch.lowest_total is not None and best < watch.lowest_total:
        # A new all-time low is unique by its price: it can only happen once per value.
        events.append(event("new_lowest_price", f"lowest:{product.id}:{best}", watch.lowest_total))
    return events


def check(session: Session, now: datetime) -> list[Event]:
    """Detect product events since the previous check and queue alert mails and webhooks.

    Idempotent: a second call with the same data finds no new event. The caller commits.
    Reads in a few set-wise queries (no query per product), so it stays quick after a crawl.
    """
    states = product_states(session, now)
    watches = {w.product_id: w for w in session.scalars(select(PriceWatch))}
    active = list(session.scalars(select(Alert).where(Alert.status == "active")))
    webhooks = list(session.scalars(select(Webhook).where(Webhook.active.is_(True))))
    alerts_by_product: dict[int, list[Alert]] = {}
    for alert in active:
        alerts_by_product.setdefault(alert.product_id, []).append(alert)
    product_ids = sorted(set(states) | set(alerts_by_product))
    products: dict[int, Product] = {}
    for start in range(0, len(product_ids), 500):
        chunk = product_ids[start : start + 500]
        products.update(
            (p.id, p) for p in session.scalars(select(Product).where(Product.id.in_(chunk)))
        )
    unseen = [pid for pid in product_ids if pid not in watches and pid in products]
    lows = historic_lows(session, unseen, now) if unseen else {}
    events: list[Event] = []
    mails: list[tuple[Alert, str, Decimal | None, Decimal | None, ProductState, Event | None]] = []
    for pid in product_ids:
        product = products.get(pid)
        if product is None:
            continue
        state = states.get(pid, ProductState(None, None, False, 0))
        watch = watches.get(pid)
        if watch is None:
            # First sight: remember the state; nothing to compare with yet.
            session.add(new_watch(pid, state, lows.get(pid), now))
            found: list[Event] = []
        else:
            found = _product_events(product, watch, state, now)
            lowest = watch.lowest_total
            if state.best_total is not None and (lowest is None or state.best_total < lowest):
                lowest = state.best_total
            now_state = (state.best_total, state.in_stock, lowest)
            # Unchanged products cost no UPDATE (checked_at: when a change was last seen).
            if (watch.best_total, watch.in_stock, watch.lowest_total) != now_state:
                watch.best_total, watch.in_stock, watch.lowest_total = now_state
                watch.checked_at = now
        for alert in alerts_by_product.get(pid, []):
            mails.extend(_alert_mails(alert, state, found, now))
        events.extend(found)
    _insert_mails(session, mails, now)
    _insert_deliveries(session, webhooks, events, now)
    session.flush()
    if events:
        log.info("alert check: %d product events", len(events))
    return events


def _alert_mails(
    alert: Alert, state: ProductState, found: list[Event], now: datetime
) -> list[tuple[Alert, str, Decimal | None, Decimal | None, ProductState, Event | None]]:
    """The mails this alert asks for, given the product's state and events."""
    if alert.kind == "target":
        best, target = state.best_total, alert.target_price
        if best is None or target is None or best > target:
            alert.notified_price = None  # re-armed: mail again the next time it dips under
            return []
        if alert.notified_price is not None and best >= alert.notified_price:
            return []
        previous, alert.notified_price = alert.notified_price, best
        key = f"target:{alert.product_id}:{best}:{now.strftime('%Y%m%dT%H%M%SZ')}"
        return [(alert, key, best, previous, state, None)]
    wanted = EVENT_FOR_KIND[alert.kind]
    return [(alert, e.key, e.price, e.previous_price, state, e) for e in found if e.type == wanted]


def _insert_mails(
    session: Session,
    mails: list[tuple[Alert, str, Decimal | None, Decimal | None, ProductState, Event | None]],
    now: datetime,
) -> None:
    """Queue each mail once: pairs (alert, event key) already in the table are skipped."""
    keys = sorted({key for _, key, *_ in mails})
    seen: set[tuple[int, str]] = set()
    for start in range(0, len(keys), 500):
        query = select(AlertEvent.alert_id, AlertEvent.event_key).where(
            AlertEvent.event_key.in_(keys[start : start + 500])
        )
        seen.update((alert_id, key) for alert_id, key in session.execute(query))
    for alert, key, price, previous, state, event in mails:
        if (alert.id, key) in seen:
            continue
        seen.add((alert.id, key))
        session.add(
            AlertEvent(
                alert_id=alert.id,
                event_key=key,
                kind=alert.kind,
                price=price,
                previous_price=previous,
                shop_name=(state.shop_name or "")[:200] or None,
                status="pending",
                created_at=now,
            )
        )
        if event is not None:
            event.alerts_queued += 1


def _insert_deliveries(
    session: Session, webhooks: list[Webhook], events: list[Event], now: datetime
) -> None:
    wanted = [(h, e) for e in events for h in webhooks if e.type in (h.events or [])]
    keys = sorted({e.key for _, e in wanted})
    seen: set[tuple[int, str]] = set()
    for start in range(0, len(keys), 500):
        query = select(WebhookDelivery.webhook_id, WebhookDelivery.event_key).where(
            WebhookDelivery.event_key.in_(keys[start : start + 500])
        )
        seen.update((hook_id, key) for hook_id, key in session.execute(query))
    for hook, event in wanted:
        if (hook.id, event.key) in seen:
            continue
        seen.add((hook.id, event.key))
        session.add(
            WebhookDelivery(
                webhook_id=hook.id,
                event_key=event.key,
                event_type=event.type,
                payload=event.payload(),
                status="pending",
                next_attempt_at=now,
                created_at=now,
            )
        )
        event.webhooks_queued += 1


@dataclass(frozen=True)
class DailyLow:
    day: date
    total: Decimal | None  # None: nothing in stock that day
    shop_name: str | None


def daily_lows(
    session: Session, product_id: int, since: datetime, until: datetime
) -> list[DailyLow]:
    """The market's lowest total price at the end of each day (UTC) that had observations.

    Each offer keeps its last observed price until it is observed again (or goes stale), so a
    shop not crawled on a given day still counts with its latest price.
    """
    # Read a little earlier so that the first day already knows every offer's price.
    # `until` is inclusive here: an observation made at the very moment counts.
    end = until + timedelta(microseconds=1)
    rows = queries.history_rows(
        session, product_id=product_id, since=since - STALE_AFTER, until=end
    )
    latest: dict[int, tuple[Decimal | None, datetime, str]] = {}
    out: list[DailyLow] = []
    current: date | None = None

    def close(day: date) -> None:
        if day < since.date():
            return
        end = datetime.combine(day, time.max, tzinfo=UTC)
        fresh = [
            (t, shop)
            for t, seen, shop in latest.values()
            if t is not None and seen > end - STALE_AFTER
        ]
        best = min(fresh, key=lambda item: item[0]) if fresh else (None, None)
        out.append(DailyLow(day, best[0], best[1]))

    for row in rows:
        day = row.observed_at.date()
        if current is not None and day != current:
            close(current)
        current = day
        usable = row.currency == SITE_CURRENCY and row.price is not None
        available = availability_key(row.availability) not in UNAVAILABLE
        total = row.total_price if usable and available else None
        latest[row.offer_id] = (total, row.observed_at, row.shop_name)
    if current is not None:
        close(current)
    return out

"""Price analysis for the product page, computed from observations (no Flask, no database).

- daily series: each day's lowest total price per shop, and the market low (lowest of all);
- the EU Omnibus reference: an offer's lowest price over the 30 days before its latest cut;
- "bonne affaire ?": today's best total price against the market's daily lows of 90 days;
- price per unit where attributes allow it (€/Go, €/Go of GPU memory, €/TFLOP).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

CENT = Decimal("0.01")
RANGES = {"30j": 30, "90j": 90, "1an": 365, "tout": None}
GPU_CATEGORIES = ("gpu", "gpu-datacenter", "datacenter-gpu", "carte graphique", "graphics card")


@dataclass(frozen=True)
class Point:
    at: datetime
    shop: str
    total: Decimal


@dataclass
class DailySeries:
    days: list[date]
    market: list[Decimal | None]
    shops: dict[str, list[Decimal | None]]

    def as_chart(self) -> dict[str, Any]:
        """JSON for the chart: prices as strings (never floats), days as ISO dates."""

        def text(values: list[Decimal | None]) -> list[str | None]:
            return [None if v is None else str(v) for v in values]

        return {
            "days": [d.isoformat() for d in self.days],
            "market": text(self.market),
            "shops": [{"name": n, "values": text(v)} for n, v in sorted(self.shops.items())],
        }


def daily_series(points: Iterable[Point]) -> DailySeries:
    per_shop: dict[str, dict[date, Decimal]] = {}
    for p in points:
        day = p.at.date()
        lows = per_shop.setdefault(p.shop, {})
        if day not in lows or p.total < lows[day]:
            lows[day] = p.total
    days = sorted({d for lows in per_shop.values() for d in lows})
    shops = {name: [lows.get(d) for d in days] for name, lows in per_shop.items()}
    market: list[Decimal | None] = []
    for i, _d in enumerate(days):
        values = [v[i] for v in shops.values() if v[i] is not None]
        market.append(min(values) if values else None)  # type: ignore[type-var]
    return DailySeries(days=days, market=market, shops=shops)


def omnibus_reference(history: Sequence[tuple[datetime, Decimal]]) -> Decimal | None:
    """Lowest price of the 30 days before the latest price cut; None without a cut.

    `history` is one offer's (time, price) in time order. The price in force when the window
    opens counts too (it was set before the window but applied during it).
    """
    cut = None
    for i in range(len(history) - 1, 0, -1):
        if history[i][1] < history[i - 1][1]:
            cut = i
            break
    if cut is None:
        return None
    cut_at = history[cut][0]
    start = cut_at - timedelta(days=30)
    in_force = [price for at, price in history[:cut] if at < start][-1:]
    window = [price for at, price in history[:cut] if start <= at < cut_at]
    values = in_force + window
    return min(values) if values else None


@dataclass(frozen=True)
class Verdict:
    code: str  # lowest, good, average, high, unknown
    best: Decimal | None
    low90: Decimal | None
    median90: Decimal | None


def verdict(
    best: Decimal | None,
    market_lows: Sequence[Decimal],
    span_days: int | None = None,
    min_days: int = 14,
    min_points: int = 3,
) -> Verdict:
    """Compare today's best total price with the market's daily lows of the last 90 days.

    Judging needs `min_days` of history: the days spanned when `span_days` is given (shops
    are not read every day), else the number of daily lows; and at least `min_points` lows.
    """
    lows = sorted(market_lows)
    enough = (
        len(lows) >= min_days
        if span_days is None
        else span_days >= min_days and len(lows) >= min_points
    )
    if best is None or not enough:
        return Verdict("unknown", best, lows[0] if lows else None, None)
    low, median = lows[0], lows[len(lows) // 2]
    quartile = lows[len(lows) // 4]
    if best <= low:
        code = "lowest"
    elif best <= quartile:
        code = "good"
    elif best > median:
        code = "high"
    else:
        code = "average"
    return Verdict(code, best, low, median)


def unit_prices(
    attributes: dict[str, Any], category: str | None, best: Decimal | None
) -> list[tuple[str, Decimal]]:
    """(unit key, price per unit) pairs: storage, GPU memory, TFLOPs."""
    if best is None:
        return []
    out: list[tuple[str, Decimal]] = []
    for key, unit in (("storage_gb", "storage"), ("tflops", "tflop")):
        amount = _positive(attributes.get(key))
        if amount:
            out.append((unit, (best / amount).quantize(CENT)))
    memory = _positive(attributes.get("memory_gb"))
    if memory and (category or "").lower() in GPU_CATEGORIES:
        out.append(("gpu_memory", (best / memory).quantize(CENT)))
    return out


def _positive(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        amount = Decimal(str(value))
    except ArithmeticError:
        return None
    return amount if amount.is_finite() and amount > 0 else None


def since_for(range_key: str, now: datetime) -> datetime | None:
    days = RANGES.get(range_key, 90)
    return None if days is None else now - timedelta(days=days)

"""A price sparkline as inline SVG coordinates, computed on the server (no script needed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Sparkline:
    points: str  # "x,y x,y ..." for an SVG polyline; empty when there is nothing to draw
    width: int
    height: int
    low: Decimal | None
    high: Decimal | None
    last_x: float | None = None
    last_y: float | None = None


def sparkline(
    series: list[tuple[date, Decimal | None]],
    start: date,
    end: date,
    width: int = 220,
    height: int = 44,
    pad: int = 3,
) -> Sparkline:
    """Plot (day, price) pairs on a `width`×`height` box; days place points on the x axis.

    Missing prices (out of stock) break nothing: they are skipped. Coordinates are rounded to
    one decimal to keep the markup small.
    """
    known = [(day, price) for day, price in series if price is not None and start <= day <= end]
    if not known:
        return Sparkline("", width, height, None, None)
    low = min(price for _, price in known)
    high = max(price for _, price in known)
    span_days = max((end - start).days, 1)
    span_price = high - low
    coords: list[tuple[float, float]] = []
    for day, price in known:
        x = pad + (width - 2 * pad) * (day - start).days / span_days
        if span_price == 0:
            y = height / 2
        else:
            y = pad + (height - 2 * pad) * float((high - price) / span_price)
        coords.append((round(x, 1), round(y, 1)))
    if len(coords) == 1:
        # One day of data: a flat line across so the reader sees a level, not a dot.
        coords = [(float(pad), coords[0][1]), (float(width - pad), coords[0][1])]
    points = " ".join(f"{x:g},{y:g}" for x, y in coords)
    return Sparkline(points, width, height, low, high, coords[-1][0], coords[-1][1])

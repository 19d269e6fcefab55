"""The product page's price rules, on hand-made histories (no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from webapp.pricing import Point, daily_series, omnibus_reference, unit_prices, verdict

T0 = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


def d(value: str) -> Decimal:
    return Decimal(value)


def test_daily_series_keeps_each_days_lowest_and_the_market_low() -> None:
    points = [
        Point(T0, "A", d("100.00")),
        Point(T0 + timedelta(hours=5), "A", d("90.00")),
        Point(T0, "B", d("95.00")),
        Point(T0 + timedelta(days=1), "B", d("97.00")),
    ]
    series = daily_series(points)
    assert series.days == [T0.date(), (T0 + timedelta(days=1)).date()]
    assert series.shops == {"A": [d("90.00"), None], "B": [d("95.00"), d("97.00")]}
    assert series.market == [d("90.00"), d("97.00")]
    chart = series.as_chart()
    assert chart["market"] == ["90.00", "97.00"]  # strings: no float on the way to the chart


def test_omnibus_reference_is_the_lowest_of_the_30_days_before_the_latest_cut() -> None:
    history = [
        (T0, d("120.00")),  # in force when the 30-day window opens
        (T0 + timedelta(days=20), d("110.00")),
        (T0 + timedelta(days=25), d("130.00")),
        (T0 + timedelta(days=40), d("99.00")),  # the latest cut
        (T0 + timedelta(days=45), d("99.00")),
    ]
    # Window: days 10..40 -> 120 (in force from day 0), 110, 130: lowest 110.
    assert omnibus_reference(history) == d("110.00")
    rising = [(T0, d("100.00")), (T0 + timedelta(days=1), d("110.00"))]
    assert omnibus_reference(rising) is None
    older = [(T0, d("80.00")), (T0 + timedelta(days=60), d("70.00"))]
    assert omnibus_reference(older) == d("80.00")  # the price in force throughout


def test_verdict_rules() -> None:
    lows = [d(str(v)) for v in range(100, 130)]  # 30 days: 100 .. 129
    assert verdict(d("99.00"), lows).code == "lowest"
    assert verdict(d("100.00"), lows).code == "lowest"
    assert verdict(d("105.00"), lows).code == "good"  # first quartile ends at 107
    assert verdict(d("112.00"), lows).code == "average"
    assert verdict(d("120.00"), lows).code == "high"  # above the median (115)
    assert verdict(d("100.00"), lows[:10]).code == "unknown"  # under 14 days
    assert verdict(None, lows).code == "unknown"


def test_verdict_counts_the_days_spanned_when_shops_are_read_every_few_days() -> None:
    lows = [d("120.00"), d("110.00"), d("100.00"), d("130.00"), d("125.00")]  # read every 6 days
    assert verdict(d("100.00"), lows, span_days=24).code == "lowest"
    assert verdict(d("129.00"), lows, span_days=24).code == "high"
    assert verdict(d("100.00"), lows, span_days=10).code == "unknown"  # under 14 days
    assert verdict(d("100.00"), lows[:2], span_days=30).code == "unknown"  # too few readings


def test_unit_prices_only_where_attributes_allow() -> None:
    assert unit_prices({"storage_gb": 256}, "smartphone", d("1099.00")) == [("storage", d("4.29"))]
    gpu = unit_prices({"memory_gb": 141, "tflops": "1671"}, "gpu-datacenter", d("31999.00"))
    assert gpu == [("tflop", d("19.15")), ("gpu_memory", d("226.94"))]
    # Memory of a phone is not GPU memory; zero, text and booleans are ignored.
    assert unit_prices({"memory_gb": 8}, "smartphone", d("500.00")) == []
    assert unit_prices({"storage_gb": 0, "tflops": "n/a"}, "gpu", d("500.00")) == []
    assert unit_prices({"storage_gb": True}, "laptop", d("500.00")) == []
    assert unit_prices({"storage_gb": 128}, "laptop", None) == []

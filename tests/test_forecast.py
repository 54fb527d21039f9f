"""SPEC §11 item 6: the date a unit reaches its next target at its recent pace, on hand-made series."""

from __future__ import annotations

import datetime as dt
from statistics import fmean

from wz_tasks.forecast import Forecast, forecast

START = dt.date(2025, 1, 1)


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def monthly(*values: float) -> list[tuple[dt.date, float]]:
    """A report every 30 days from START, oldest first."""
    return [(day(30 * i), v) for i, v in enumerate(values)]


def test_steady_rise_reaches_target_at_its_pace() -> None:
    # +10 every 30 days from 10: 70 is reached on day 180.
    f = forecast(monthly(10, 20, 30, 40), (day(200), 70), as_of=day(90))
    assert f == Forecast(70, day(200), day(180), late=False)


def test_steady_rise_too_slow_is_late() -> None:
    f = forecast(monthly(10, 20, 30, 40), (day(200), 100), as_of=day(90))
    assert f == Forecast(100, day(200), day(270), late=True)


def test_reaching_target_on_the_milestone_day_is_not_late() -> None:
    f = forecast(monthly(10, 20, 30, 40), (day(180), 70), as_of=day(90))
    assert f is not None
    assert f.reaches == f.by == day(180)
    assert f.late is False


def test_stalled_unit_never_reaches_and_is_late() -> None:
    f = forecast(monthly(30, 30, 30, 30), (day(200), 60), as_of=day(90))
    assert f == Forecast(60, day(200), None, late=True)


def test_falling_unit_never_reaches_and_is_late() -> None:
    f = forecast(monthly(40, 35, 30, 25), (day(200), 60), as_of=day(90))
    assert f == Forecast(60, day(200), None, late=True)


def least_squares_reach(series: list[tuple[dt.date, float]], goal: float) -> float:
    xs = [(d - START).days for d, _ in series]
    ys = [v for _, v in series]
    mx, my = fmean(xs), fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    return (goal - (my - slope * mx)) / slope


def test_one_outlier_barely_moves_the_forecast() -> None:
    # True pace +10 per 30 days from 10 (70 on day 180), small noise, and one mistyped 90.
    series = monthly(10.5, 19.5, 30.4, 90, 49.6, 60.3)
    f = forecast(series, (day(365), 70), as_of=day(150))
    assert f is not None and f.reaches is not None
    robust_error = abs((f.reaches - START).days - 180)
    lsq_error = abs(least_squares_reach(series, 70) - 180)
    assert robust_error <= 2
    assert lsq_error > 30  # least squares tilts toward the 90: about day 145


def test_single_jump_mid_series_sets_the_pace() -> None:
    # Flat, one jump of 30, flat: the median pair slope is the jump spread over the series.
    f = forecast(monthly(10, 10, 10, 40, 40, 40), (day(400), 70), as_of=day(150))
    assert f is not None and f.reaches is not None
    assert day(150) < f.reaches <= day(400)
    assert f.late is False


def test_single_jump_in_newest_report_is_not_yet_a_pace() -> None:
    f = forecast(monthly(10, 10, 10, 10, 10, 40), (day(400), 70), as_of=day(150))
    assert f == Forecast(70, day(400), None, late=True)


def test_fewer_than_three_values_give_no_forecast() -> None:
    assert forecast(monthly(10, 20), (day(200), 70), as_of=day(90)) is None
    assert forecast([], (day(200), 70), as_of=day(90)) is None


def test_three_reports_on_one_day_give_no_forecast() -> None:
    series = [(day(0), 10.0), (day(0), 20.0), (day(0), 30.0)]
    assert forecast(series, (day(200), 70), as_of=day(0)) is None


def test_already_reached_is_dated_by_the_first_report_at_target() -> None:
    # 72 on day 60 first reached 70; the dip and recovery after do not move it.
    f = forecast(monthly(50, 65, 72, 68, 75), (day(365), 70), as_of=day(120))
    assert f == Forecast(70, day(365), day(60), late=False)


def test_already_reached_needs_no_fit() -> None:
    f = forecast(monthly(80), (day(365), 70), as_of=day(0))
    assert f == Forecast(70, day(365), day(0), late=False)


def test_reports_after_the_as_of_date_are_ignored() -> None:
    with_future = monthly(10, 20, 30, 40, 5, 0)
    assert forecast(with_future, (day(200), 70), as_of=day(90)) == forecast(
        monthly(10, 20, 30, 40), (day(200), 70), as_of=day(90)
    )


def test_only_the_six_newest_reports_set_the_pace() -> None:
    # A year of decline, then six reports rising +10 a month: the decline no longer counts.
    series = monthly(60, 50, 40, 30, 20, 10, 10, 20, 30, 40, 50, 60)
    f = forecast(series, (day(600), 80), as_of=day(330))
    assert f == Forecast(80, day(600), day(180 + 210), late=False)


def test_forecast_line_already_past_target_is_dated_after_as_of() -> None:
    # The line says 70 on day 180, but on day 300 the newest value is still 60: not before day 301.
    f = forecast(monthly(10, 20, 30, 40, 50, 60), (day(365), 70), as_of=day(300))
    assert f == Forecast(70, day(365), day(301), late=False)


def test_as_json_has_iso_dates() -> None:
    f = Forecast(70, dt.date(2025, 12, 31), dt.date(2026, 3, 2), late=True)
    assert f.as_json() == {"target": 70, "by": "2025-12-31", "reaches": "2026-03-02", "late": True}
    never = Forecast(60.5, dt.date(2026, 12, 31), None, late=True)
    assert never.as_json() == {"target": 60.5, "by": "2026-12-31", "reaches": None, "late": True}

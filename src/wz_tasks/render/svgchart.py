"""One indicator as an inline SVG line chart: every unit's values against the 序时 line (SPEC §11).

Hand-written rather than matplotlib, pygal or plotly. matplotlib costs ~0.5 s to import and draws
CJK glyphs as paths (or as boxes without a configured font); plotly's figures need its JavaScript;
pygal is small but adds a dependency and its own CSS and scripts, which we would have to strip for a
self-contained printed page. What the bulletin needs is ~200 lines of arithmetic: real <text> in
Chinese that the reader's CJK font draws and that can be searched and copied, a fixed viewBox that
scales to the page for print, no external references, no scripts.

Reads in black-and-white print: each unit has a colour (Okabe–Ito, without the yellow that
vanishes on paper), a marker shape and a dash pattern, all three distinct for the first six units.
Input is plain data, so the chart knows nothing of the evaluator.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Point = tuple[dt.date, float]

WIDTH, HEIGHT = 800, 480
TOP, BOTTOM, LEFT = 64, 420, 64  # plot area; its right edge leaves room for the legend
FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", SimSun, sans-serif'
COLOURS = ("#000000", "#E69F00", "#0072B2", "#009E73", "#D55E00", "#CC79A7", "#56B4E9")
DASHES = ("", "8 4", "2 3", "10 3 2 3", "4 4", "12 3 2 3 2 3")
MARKERS = ("circle", "square", "triangle", "diamond", "down", "cross", "pentagon", "plus")
SCHEDULE_COLOUR = "#9E9E9E"
# Characters XML 1.0 forbids even when escaped; a unit name carrying one would break the page.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Words:
    """The chart's own words; Chinese by default."""

    target: str = "目标"
    schedule: str = "序时进度"
    as_of: str = "截至"
    no_data: str = "暂无数据"


# html.escape, not xml.sax.saxutils: that imports urllib.request and http.client, ~30 ms here
# against ~5 ms; both turn & < > (and quotes, for attributes) into entities XML reads.
def _text(value: str) -> str:
    return html.escape(_NOT_XML.sub("", value), quote=False)


def _attr(value: str) -> str:
    return '"' + html.escape(_NOT_XML.sub("", value)) + '"'


def _width(text: str, size: float) -> float:
    """Rough drawn width: a CJK character is one em, anything else about half."""
    return sum(size if ord(c) > 0x2E7F else 0.55 * size for c in text)


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _value_label(value: float, kind: str) -> str:
    return _number(value) + ("%" if kind == "percent" else "")


def _value_ticks(top: float, whole: bool) -> list[float]:
    """0 and round steps up to `top`, at most six; steps of at least 1 for `whole` counts."""
    raw = top / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(step, 1.0) if whole else step
    return [i * step for i in range(int(top / step + 1e-9) + 1)]


def _date_ticks(first: dt.date, last: dt.date) -> tuple[list[tuple[dt.date, str]], list[dt.date]]:
    """Labelled first days of months, every 1, 2, 3, 6, 12… months (at most eight), and between
    them unlabelled quarter or half-year ticks, so quarterly reports line up with a tick."""
    begin = first.year * 12 + first.month - 1 + (first.day > 1)
    end = last.year * 12 + last.month - 1
    steps = (1, 2, 3, 6, 12, 24, 60, 120, 600, 1200, 12000, 120000)
    step = next(s for s in steps if end // s - (begin - 1) // s <= 8)

    def days(every: int) -> list[dt.date]:
        start = -(-begin // every) * every
        return [dt.date(i // 12, i % 12 + 1, 1) for i in range(start, end + 1, every)]

    labelled = [(d, str(d.year) if step >= 12 else f"{d:%Y-%m}") for d in days(step)]
    minor = [d for d in days(step // 2) if d.month % step != 1 % step] if step in (6, 12) else []
    return labelled, minor


_PENTAGON = [(math.sin(2 * math.pi * k / 5), -math.cos(2 * math.pi * k / 5)) for k in range(5)]
_CORNERS: dict[str, list[tuple[float, float]]] = {
    "square": [(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)],
    "triangle": [(0, -1.1), (0.95, 0.65), (-0.95, 0.65)],
    "down": [(0, 1.1), (0.95, -0.65), (-0.95, -0.65)],
    "diamond": [(0, -1.1), (1.1, 0), (0, 1.1), (-1.1, 0)],
    "pentagon": _PENTAGON,
}
_STROKES = {
    "cross": ((-0.8, -0.8, 0.8, 0.8), (-0.8, 0.8, 0.8, -0.8)),
    "plus": ((-1, 0, 1, 0), (0, -1, 0, 1)),
}


def _marker(shape: str, x: float, y: float, colour: str, tip: str, r: float = 5.0) -> str:
    """A point marker of the unit's shape, with its name, date and value as a hover tip."""
    tip_el = f"<title>{_text(tip)}</title>"
    if shape == "circle":
        return (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r * 0.9:.1f}" fill="{colour}" stroke="#fff">'
            f"{tip_el}</circle>"
        )
    if shape in _STROKES:
        d = "".join(
            f"M{x + a * r:.1f} {y + b * r:.1f}L{x + c * r:.1f} {y + e * r:.1f}"
            for a, b, c, e in _STROKES[shape]
        )
        return f'<path d="{d}" stroke="{colour}" stroke-width="2.5">{tip_el}</path>'
    pts = " ".join(f"{x + dx * r:.1f},{y + dy * r:.1f}" for dx, dy in _CORNERS[shape])
    return f'<polygon points="{pts}" fill="{colour}" stroke="#fff">{tip_el}</polygon>'


def line_chart(
    title: str,
    kind: Literal["percent", "count"],
    series: Mapping[str, Sequence[Point]],
    line: Sequence[Point] = (),
    milestones: Sequence[Point] = (),
    as_of: dt.date | None = None,
    *,
    words: Words = Words(),  # frozen, so one shared default is safe
) -> str:
    """An <svg> element (no XML declaration, ready to inline in HTML) charting one indicator."""
    units = {name: sorted(p for p in pts if math.isfinite(p[1])) for name, pts in series.items()}
    line = [p for p in line if math.isfinite(p[1])]
    milestones = [p for p in milestones if math.isfinite(p[1])]
    dates = [d for pts in (*units.values(), line, milestones) for d, _ in pts]
    values = [v for pts in (*units.values(), line, milestones) for _, v in pts]
    if as_of is not None:
        dates.append(as_of)
    legend_w = max(150.0, max((_width(n, 14) for n in units), default=0) + 48)
    right = WIDTH - min(legend_w, 300) - 24
    first = min(dates, default=dt.date(2000, 1, 1))
    last = max(dates, default=first)
    # A margin, so the first and last points do not sit on the axis or under the legend.
    pad = dt.timedelta(days=max(15, (last - first).days // 40))
    first = first - pad if first - dt.date.min > pad else dt.date.min
    last = last + pad if dt.date.max - last > pad else dt.date.max
    top_value = max([*values, 100.0 if kind == "percent" else 0.0]) or 1.0
    span = (last - first).days

    def x(day: dt.date) -> float:
        return LEFT + (day - first).days / span * (right - LEFT)

    def y(value: float) -> float:
        return BOTTOM - value / top_value * (BOTTOM - TOP)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        f'role="img" font-family={_attr(FONT)} font-size="14" aria-label={_attr(title)}>',
        f"<title>{_text(title)}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
        f'<text class="title" x="{LEFT}" y="30" font-size="19" font-weight="bold">'
        f"{_text(title)}</text>",
    ]
    # Value axis: grid lines and labels.
    for tick in _value_ticks(top_value, whole=kind == "count"):
        ty = y(tick)
        out.append(
            f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{right:.1f}" y2="{ty:.1f}" stroke="#DDD"/>'
            f'<text class="ytick" x="{LEFT - 8}" y="{ty + 5:.1f}" text-anchor="end">'
            f"{_value_label(tick, kind)}</text>"
        )
    # Date axis.
    out.append(
        f'<line x1="{LEFT}" y1="{BOTTOM}" x2="{right:.1f}" y2="{BOTTOM}" stroke="#000"/>'
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{BOTTOM}" stroke="#000"/>'
    )
    labelled, minor = _date_ticks(first, last)
    out.extend(
        f'<line x1="{x(day):.1f}" y1="{BOTTOM}" x2="{x(day):.1f}" y2="{BOTTOM + 4}" stroke="#000"/>'
        for day in minor
    )
    for day, label in labelled:
        tx = x(day)
        out.append(
            f'<line x1="{tx:.1f}" y1="{BOTTOM}" x2="{tx:.1f}" y2="{BOTTOM + 5}" stroke="#000"/>'
            f'<text class="xtick" x="{tx:.1f}" y="{BOTTOM + 22}" text-anchor="middle">'
            f"{label}</text>"
        )
    if not dates:
        out.append(
            f'<text x="{(LEFT + right) / 2:.1f}" y="{(TOP + BOTTOM) / 2:.1f}" '
            f'text-anchor="middle" fill="#666">{_text(words.no_data)}</text>'
        )
    if as_of is not None:
        ax = x(as_of)
        out.append(
            f'<line class="as-of" x1="{ax:.1f}" y1="{TOP - 4}" x2="{ax:.1f}" y2="{BOTTOM}" '
            f'stroke="#444" stroke-dasharray="3 3"/>'
            f'<text x="{ax:.1f}" y="{TOP - 10}" text-anchor="middle" font-size="13">'
            f"{_text(words.as_of)} {as_of.isoformat()}</text>"
        )
    if line:
        pts = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in sorted(line))
        out.append(
            f'<polyline class="schedule" points="{pts}" fill="none" stroke="{SCHEDULE_COLOUR}" '
            f'stroke-width="5" stroke-linecap="round" stroke-opacity="0.6"/>'
        )
    rings, labels = _milestones(milestones, x, y, kind, words)
    out.extend(rings)
    for i, (name, points) in enumerate(units.items()):
        colour, dash, shape = COLOURS[i % 7], DASHES[i % 6], MARKERS[i % 8]
        pts = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<g class="unit" data-unit={_attr(name)}>')
        out.append(
            f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>'
        )
        out.extend(
            _marker(shape, x(d), y(v), colour, f"{name} {d.isoformat()} {_value_label(v, kind)}")
            for d, v in points
        )
        out.append("</g>")
    out.extend(labels)
    out.extend(_legend(list(units), right + 24, words))
    out.append("</svg>")
    return "\n".join(out)


def _milestones(
    milestones: Sequence[Point],
    x: Callable[[dt.date], float],
    y: Callable[[float], float],
    kind: str,
    words: Words,
) -> tuple[list[str], list[str]]:
    """Rings (drawn beneath the units' points) and their labels (drawn above every line)."""
    rings, labels = [], []
    for day, target in sorted(milestones):
        mx, my = x(day), y(target)
        label = f"{day.isoformat()} {words.target} {_value_label(target, kind)}"
        rings.append(
            f'<circle class="milestone" cx="{mx:.1f}" cy="{my:.1f}" r="9" fill="none" '
            f'stroke="#000" stroke-width="2"/>'
        )
        # Left of the ring, unless that would run off the plot's left edge; below it near the top.
        anchor, lx = ("end", mx - 12) if mx - 12 - _width(label, 13) >= LEFT else ("start", mx + 12)
        ly = my - 14 if my - 14 > TOP + 10 else my + 26
        labels.append(
            f'<text class="milestone" x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" '
            f'font-size="13" font-weight="bold" stroke="#fff" stroke-width="4" '
            f'stroke-linejoin="round" paint-order="stroke">{_text(label)}</text>'
        )
    return rings, labels


def _legend(names: list[str], left: float, words: Words) -> Iterable[str]:
    rows = len(names) + 2
    row = min(24.0, (BOTTOM - TOP) / rows)
    yield '<g class="legend">'
    for i, name in enumerate(names):
        ly = TOP + 8 + i * row
        colour, dash, shape = COLOURS[i % 7], DASHES[i % 6], MARKERS[i % 8]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        yield (
            f'<line x1="{left:.1f}" y1="{ly:.1f}" x2="{left + 32:.1f}" y2="{ly:.1f}" '
            f'stroke="{colour}" stroke-width="2"{dash_attr}/>'
        )
        yield _marker(shape, left + 16, ly, colour, name)
        room = WIDTH - 8 - (left + 40)
        # A name too long for the legend is squeezed to fit rather than run off the page.
        fit = (
            f' textLength="{room:.0f}" lengthAdjust="spacingAndGlyphs"'
            if _width(name, 14) > room
            else ""
        )
        yield f'<text x="{left + 40:.1f}" y="{ly + 5:.1f}"{fit}>{_text(name)}</text>'
    ly = TOP + 8 + len(names) * row
    yield (
        f'<line x1="{left:.1f}" y1="{ly:.1f}" x2="{left + 32:.1f}" y2="{ly:.1f}" '
        f'stroke="{SCHEDULE_COLOUR}" stroke-width="5" stroke-opacity="0.6"/>'
        f'<text x="{left + 40:.1f}" y="{ly + 5:.1f}">{_text(words.schedule)}</text>'
    )
    ly += row
    yield (
        f'<circle cx="{left + 16:.1f}" cy="{ly:.1f}" r="9" fill="none" stroke="#000" '
        f'stroke-width="2"/>'
        f'<text x="{left + 40:.1f}" y="{ly + 5:.1f}">{_text(words.target)}</text>'
    )
    yield "</g>"

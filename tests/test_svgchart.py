"""SPEC §11 item 6: one indicator's chart as self-contained SVG with Chinese text as text."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from wz_tasks.render.svgchart import BOTTOM, TOP, line_chart

NS = {"s": "http://www.w3.org/2000/svg"}
QUARTERS = [
    dt.date(2025, 3, 31),
    dt.date(2025, 6, 30),
    dt.date(2025, 9, 30),
    dt.date(2025, 12, 31),
    dt.date(2026, 3, 31),
    dt.date(2026, 6, 30),
    dt.date(2026, 9, 30),
    dt.date(2026, 11, 20),
]
# The five counties' committee_rate (task 4) as in examples/progress.
COUNTIES = {
    "利通区": [30, 42, 55, 62, 66, 70, 73, 75],
    "红寺堡区": [25, 35, 48, 55, 61, 68, 76, 79],
    "青铜峡市": [35, 48, 58, 65, 72, 78, 81, 82],
    "盐池县": [30.3, 40.1, 52.1, 61.3, 68.3, 71.8, 76.8, 78.9],
    "同心县": [20, 30, 41, 50, 53, 55, 57, 58],
}
EFFECTIVE = dt.date(2024, 12, 1)
MILESTONES = [(dt.date(2025, 12, 31), 60.0), (dt.date(2026, 12, 31), 80.0)]
LINE = [(EFFECTIVE, 0.0), *MILESTONES]
AS_OF = dt.date(2026, 11, 27)


def committee_chart() -> str:
    series = {
        unit: list(zip(QUARTERS, map(float, values), strict=True))
        for unit, values in COUNTIES.items()
    }
    return line_chart(
        "业主委员会+环境和物业管理委员会成立率", "percent", series, LINE, MILESTONES, AS_OF
    )


def units_of(root: ET.Element) -> dict[str, list[tuple[float, float]]]:
    """Each unit's polyline points, by unit name."""
    out = {}
    for group in root.iterfind("s:g[@class='unit']", NS):
        polylines = group.findall("s:polyline", NS)
        assert len(polylines) == 1
        pts = [tuple(map(float, p.split(","))) for p in polylines[0].attrib["points"].split()]
        out[group.attrib["data-unit"]] = pts
    return out


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{{{NS['s']}}}text")]


def test_chart_is_well_formed_svg_with_one_polyline_per_unit() -> None:
    root = ET.fromstring(committee_chart())
    assert root.tag == f"{{{NS['s']}}}svg"
    assert root.attrib["viewBox"] == "0 0 800 480" and root.attrib["width"] == "100%"
    assert list(units_of(root)) == list(COUNTIES)
    assert len(root.findall(".//s:polyline[@class='schedule']", NS)) == 1


def test_chart_text_is_real_text_in_a_cjk_font() -> None:
    svg = committee_chart()
    root = ET.fromstring(svg)
    shown = texts(root)
    assert "业主委员会+环境和物业管理委员会成立率" in shown
    for unit in COUNTIES:
        assert unit in shown
    assert "2025-12-31 目标 60%" in shown and "2026-12-31 目标 80%" in shown
    assert "截至 2026-11-27" in shown and "序时进度" in shown
    assert "Noto Sans CJK SC" in root.attrib["font-family"]
    assert "Microsoft YaHei" in root.attrib["font-family"]


def test_chart_has_no_external_references_or_scripts() -> None:
    svg = committee_chart().lower()
    assert "href" not in svg and "<script" not in svg and "url(" not in svg and "@import" not in svg


def test_hostile_unit_names_and_title_are_escaped() -> None:
    hostile = '<script>alert("x")</script>'
    svg = line_chart(
        "A & B <b>", "count", {hostile: [(AS_OF, 1.0)], "R&D": [(AS_OF, 2.0)]}, as_of=AS_OF
    )
    root = ET.fromstring(svg)  # still well-formed
    assert "<script" not in svg
    assert set(units_of(root)) == {hostile, "R&D"}
    assert hostile in texts(root) and "A & B <b>" in texts(root)


def test_characters_xml_forbids_are_dropped_not_fatal() -> None:
    root = ET.fromstring(line_chart("t\x01", "count", {"盐\x00池县": [(AS_OF, 1.0)]}))
    assert "盐池县" in texts(root)


def test_points_move_right_with_the_date() -> None:
    for points in units_of(ET.fromstring(committee_chart())).values():
        xs = [x for x, _ in points]
        assert xs == sorted(xs) and len(set(xs)) == len(xs)


def test_points_given_out_of_order_are_drawn_in_date_order() -> None:
    shuffled = list(zip(QUARTERS, map(float, COUNTIES["利通区"]), strict=True))[::-1]
    xs = [x for x, _ in units_of(ET.fromstring(line_chart("t", "percent", {"u": shuffled})))["u"]]
    assert xs == sorted(xs)


def test_zero_and_full_percent_lie_on_the_plot_bounds() -> None:
    series = {"u": [(QUARTERS[0], 0.0), (QUARTERS[1], 50.0), (QUARTERS[2], 100.0)]}
    (points,) = units_of(ET.fromstring(line_chart("t", "percent", series))).values()
    assert points[0][1] == BOTTOM and points[2][1] == TOP
    assert points[1][1] == (TOP + BOTTOM) / 2


def test_count_axis_tops_out_at_the_largest_value() -> None:
    series = {"a": [(QUARTERS[0], 0.0), (QUARTERS[1], 37.0)], "b": [(QUARTERS[1], 12.0)]}
    pts = units_of(ET.fromstring(line_chart("t", "count", series)))
    assert pts["a"][0][1] == BOTTOM and pts["a"][1][1] == TOP
    ticks = texts(ET.fromstring(line_chart("t", "count", series)))
    assert "0" in ticks and "%" not in "".join(ticks)


def test_milestone_beyond_the_values_sets_the_count_axis() -> None:
    svg = line_chart("t", "count", {"a": [(QUARTERS[0], 10.0)]}, milestones=[(QUARTERS[3], 40.0)])
    root = ET.fromstring(svg)
    assert "2025-12-31 目标 40" in texts(root)
    (circle,) = root.findall("s:circle[@class='milestone']", NS)
    assert float(circle.attrib["cy"]) == TOP


def marker_shape(group: ET.Element) -> object:
    """The unit's first marker, as its tag and its corners relative to the point it marks."""
    cx, cy = (float(v) for v in group[0].attrib["points"].split()[0].split(","))
    marker = group[1]
    if "points" not in marker.attrib:
        return marker.tag
    corners = [tuple(map(float, p.split(","))) for p in marker.attrib["points"].split()]
    return tuple((round(x - cx), round(y - cy)) for x, y in corners)


def test_units_differ_in_colour_dash_and_marker() -> None:
    groups = ET.fromstring(committee_chart()).findall("s:g[@class='unit']", NS)
    lines = [g[0].attrib for g in groups]
    assert len({a["stroke"] for a in lines}) == 5
    assert len({a.get("stroke-dasharray", "solid") for a in lines}) == 5
    assert len({marker_shape(g) for g in groups}) == 5


def test_empty_chart_still_renders_and_says_so() -> None:
    root = ET.fromstring(line_chart("空", "percent", {}))
    assert "暂无数据" in texts(root)


def test_values_that_are_not_numbers_are_left_out() -> None:
    series = {"u": [(QUARTERS[0], 10.0), (QUARTERS[1], float("nan")), (QUARTERS[2], float("inf"))]}
    root = ET.fromstring(line_chart("t", "count", series))
    (point,) = units_of(root)["u"]
    assert point[1] == TOP  # 10 is the largest value; the infinity did not stretch the axis
    assert "nan" not in ET.tostring(root, encoding="unicode").lower()


def test_count_axis_ticks_are_whole_numbers() -> None:
    root = ET.fromstring(line_chart("t", "count", {"u": [(QUARTERS[0], 0.0), (QUARTERS[1], 2.0)]}))
    ticks = [t.text for t in root.iter(f"{{{NS['s']}}}text") if t.attrib.get("class") == "ytick"]
    assert ticks == ["0", "1", "2"]

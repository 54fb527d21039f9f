"""The bulletin as one self-contained HTML page for print (SPEC §11).

No network fetch: styles and the SVG charts are inline, there are no scripts and no links out;
Chinese text (the charts' too) is real text. A4 pages, each section from a new page; a light is
always shown with its word (红灯 逾期), so the page reads in black-and-white print. Every piece
of user text passes through `html.escape`: a plain string builder rather than jinja2, since the
page is a fixed sequence of sections and one escape function keeps it honest without a
dependency.
"""

from __future__ import annotations

import html

from wz_tasks.bulletin import Bulletin, IndicatorView
from wz_tasks.labels import t
from wz_tasks.render import bulletin_words as bw
from wz_tasks.render.svgchart import Words, line_chart
from wz_tasks.status import Status

_CSS = """
@page { size: A4; margin: 22mm 18mm 20mm 18mm;
  @bottom-center { content: counter(page); font-size: 9pt; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 180mm; color: #000; background: #fff; font-size: 12pt;
  line-height: 1.7;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif; }
h1, h2, h3, .masthead, th { font-family: "Noto Sans CJK SC", "Source Han Sans SC",
  "Microsoft YaHei", SimHei, sans-serif; }
.masthead { text-align: center; color: #c00; }
.masthead .office { font-size: 26pt; font-weight: bold; letter-spacing: 0.15em; margin-top: 4mm; }
.masthead .kind { font-size: 20pt; font-weight: bold; letter-spacing: 0.3em; }
.masthead .issue { color: #000; font-size: 13pt; margin-top: 2mm; }
.masthead .meta { display: flex; justify-content: space-between; color: #000; font-size: 11pt;
  border-bottom: 2.5pt solid #c00; padding-bottom: 1mm; margin-top: 3mm; }
h1 { font-size: 17pt; text-align: center; margin: 6mm 0 4mm; line-height: 1.5; }
h2 { font-size: 15pt; margin: 0 0 3mm; }
h3 { font-size: 13pt; margin: 5mm 0 2mm; }
p { margin: 0 0 2.5mm; text-indent: 2em; text-align: justify; }
p.to { text-indent: 0; }
p.note { font-size: 10pt; color: #333; text-indent: 0; }
section { padding-top: 1mm; }
section.page { break-before: page; page-break-before: always; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 10.5pt;
  line-height: 1.45; }
thead { display: table-header-group; }
table.summary th, table.summary td { padding-top: 0.5mm; padding-bottom: 0.5mm; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
th { background: #eee; font-weight: bold; }
td.num, th.num { text-align: right; }
td.num { white-space: nowrap; }
td.id { text-align: center; white-space: nowrap; }
.light { display: inline-block; white-space: nowrap; padding: 0 1.2mm; border-radius: 1mm;
  border: 0.75pt solid #000; font-size: 9pt; line-height: 1.5; }
.light.red { background: #f8c9c4; }
.light.yellow { background: #fbe7a1; }
.light.green { background: #cde9cf; }
.light.red::before { content: "● "; }
.light.yellow::before { content: "▲ "; }
.light.green::before { content: "○ "; }
table { table-layout: fixed; }
td, th { overflow-wrap: anywhere; }
table.matrix th, table.matrix td { text-align: center; vertical-align: middle; }
table.matrix td.measure { text-align: left; }
table.matrix td.cell { font-size: 9.5pt; line-height: 1.35; }
td.cell.red { background: #f8c9c4; font-weight: bold; }
td.cell.yellow { background: #fbe7a1; }
td.cell.green { background: #e3f2e4; }
td.cell.red::before { content: "● "; }
td.cell.yellow::before { content: "▲ "; }
td.cell.green::before { content: "○ "; }
.light { white-space: normal; }
.none { color: #666; font-size: 9.5pt; }
.late { font-weight: bold; text-decoration: underline; }
figure { margin: 2mm 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
.indicator { break-inside: avoid; page-break-inside: avoid; }
.signature { text-align: right; margin-top: 10mm; text-indent: 0; }
@media screen { body { padding: 10mm; } section.page { border-top: 1px dashed #999;
  margin-top: 10mm; padding-top: 6mm; } }
"""


def e(text: object, lang: str) -> str:
    """Typeset (Chinese punctuation) and escape text for HTML content and attributes."""
    return html.escape(bw.typeset(str(text), lang), quote=True)


def _light(status: Status, lang: str) -> str:
    return f'<span class="light {status.light}">{e(bw.light_word(status, lang), lang)}</span>'


def _table(
    head: list[str],
    rows: list[list[str]],
    cls: str,
    widths: tuple[int, ...],
    nums: tuple[int, ...] = (),
) -> str:
    """A table of fixed column widths (percent of the page); cells are already HTML, a cell
    that starts with <td is taken whole. `nums`: the columns to right-align."""
    out = [f'<table class="{cls}"><colgroup>']
    out += [f'<col style="width:{w}%">' for w in widths]
    out.append("</colgroup><thead><tr>")
    out += [f"<th{' class=num' if i in nums else ''}>{h}</th>" for i, h in enumerate(head)]
    out.append("</tr></thead><tbody>")
    for row in rows:
        cells = (
            cell
            if cell.startswith("<td")
            else f"<td{' class=num' if i in nums else ''}>{cell}</td>"
            for i, cell in enumerate(row)
        )
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _header(b: Bulletin, lang: str) -> str:
    issue = f'<div class="issue">{e(bw.issue(b.number, lang), lang)}</div>' if b.number else ""
    out = [
        '<header class="masthead">',
        f'<div class="office">{e(b.office, lang)}</div>',
        f'<div class="kind">{e(bw.w("masthead", lang), lang)}</div>',
        issue,
        f'<div class="meta"><span>{e(b.office, lang)}</span>'
        f"<span>{e(bw.cn_date(b.as_of, lang), lang)}</span></div>",
        "</header>",
        f"<h1>{e(bw.title(b, lang), lang)}</h1>",
    ]
    if b.to:
        out.append(f'<p class="to">{e(b.to + ":", lang)}</p>')
    opening = bw.w("opening", lang, date=bw.cn_date(b.as_of, lang), policy=b.policy_title)
    out.append(f"<p>{e(opening, lang)}</p>")
    if b.expired:
        out.append(f'<p class="note">{e(bw.w("expired", lang, date=b.evaluated_on), lang)}</p>')
    return "\n".join(out)


def _overall(b: Bulletin, lang: str) -> list[str]:
    rows = [[_light(s.status, lang), str(s.count), f"{s.share:.1f}%"] for s in b.summary]
    rows.append([e(bw.w("total", lang), lang), str(b.total), "100.0%" if b.total else "0.0%"])
    out = [
        f"<p>{e(bw.overall(b, lang), lang)}</p>",
        _table(
            [e(h, lang) for h in bw.columns("totals", lang)],
            rows,
            "summary",
            (50, 25, 25),
            nums=(1, 2),
        ),
        f"<p>{e(bw.changes(b, lang), lang)}</p>",
    ]
    if b.changes:
        out.append(
            _table(
                [e(h, lang) for h in bw.columns("done", lang)],
                [
                    [
                        f'<td class="id">{c.task.id}</td>',
                        e(bw.short_measure(c.task.measure), lang),
                        f"{_light(c.before, lang)} → {_light(c.now, lang)}",
                    ]
                    for c in b.changes
                ],
                "changes",
                (8, 44, 48),
            )
        )
    return out


def _lagging(b: Bulletin, lang: str) -> list[str]:
    out = [f"<p>{e(bw.lagging_summary(b, lang), lang)}</p>"]
    if b.lagging:
        out.append(
            _table(
                [e(h, lang) for h in bw.columns("lagging", lang)],
                [
                    [
                        f'<td class="id">{x.task.id}</td>',
                        e(b.short(x.unit), lang),
                        e(bw.short_measure(x.task.measure), lang),
                        _light(x.status, lang),
                        e(bw.lagging_detail(x, lang), lang),
                        e(x.problems or "—", lang),
                    ]
                    for x in b.lagging
                ],
                "lagging",
                (6, 11, 20, 13, 25, 25),
            )
        )
    return out


def _reporting(b: Bulletin, lang: str) -> list[str]:
    out = [f"<p>{e(bw.reporting_summary(b, lang), lang)}</p>"]
    if b.late_reporters:
        out.append(
            _table(
                [e(h, lang) for h in bw.columns("reporting", lang)],
                [
                    [
                        e(b.short(r.unit), lang),
                        e(bw.state_word(r, lang), lang),
                        str(r.days_since),
                        e(
                            r.last_report.isoformat() if r.last_report else bw.w("never", lang),
                            lang,
                        ),
                        str(r.missed_in_a_row),
                        "<strong>"
                        + e(r.escalation or bw.w("escalation.none", lang), lang)
                        + "</strong>",
                        e(bw.tasks_text(r.tasks, lang), lang),
                    ]
                    for r in b.late_reporters
                ],
                "reporters",
                (14, 14, 12, 15, 12, 13, 20),
                nums=(2, 4),
            )
        )
    return out


def _cell_light(status: Status | None, lang: str) -> str:
    """A matrix cell: the light's word over the status word, in the light's colour."""
    if status is None:
        return f'<td class="none">{e(bw.w("matrix.none", lang), lang)}</td>'
    return (
        f'<td class="cell {status.light}">{e(t(status.light, lang), lang)}<br>'
        f"{e(t(status.value, lang), lang)}</td>"
    )


def _matrix(b: Bulletin, lang: str) -> list[str]:
    m = b.matrix
    assert m is not None
    head = [
        e(t("col.id", lang), lang),
        e(t("col.measure", lang), lang),
        *(e(b.short(u), lang) for u in m.units),
    ]
    rows = [
        [
            f'<td class="id">{row.task.id}</td>',
            f'<td class="measure">{e(bw.short_measure(row.task.measure), lang)}</td>',
            *(_cell_light(s, lang) for s in row.cells),
        ]
        for row in m.rows
    ]
    county = (100 - 6 - 34) // max(1, len(m.units))
    widths = (6, 34, *(county for _ in m.units))
    intro = bw.matrix_intro(b, lang)
    return [f"<p>{e(intro, lang)}</p>", _table(head, rows, "matrix", widths)]


def _chart_words(lang: str) -> Words:
    if lang == "en":
        return Words(target="target", schedule="pro-rata line", as_of="as of", no_data="no data")
    return Words()


def _indicator(b: Bulletin, view: IndicatorView, lang: str) -> str:
    kind = view.indicator.kind
    name = bw.w("chart.title", lang, id=view.task.id, name=bw.short_measure(view.task.measure))
    svg = line_chart(
        bw.typeset(view.indicator.name, lang),
        "percent" if kind == "percent" else "count",
        {bw.typeset(b.short(s.unit), lang): s.points for s in view.series},
        line=view.line,
        milestones=view.milestones,
        as_of=b.evaluated_on,
        words=_chart_words(lang),
    )
    # Inline SVG in HTML needs no namespace declaration; dropping it keeps the page free of
    # any address at all (nothing a strict reviewer or a proxy could mistake for a fetch).
    svg = svg.replace(' xmlns="http://www.w3.org/2000/svg"', "", 1)
    rows = []
    for s in view.series:
        text = e(bw.forecast_text(s, kind, lang), lang)
        if s.will_miss:
            text = f'<span class="late">{text}</span>'
        rows.append(
            [
                e(b.short(s.unit), lang),
                e(bw.latest_value(s, kind), lang),
                _light(s.status, lang),
                text,
            ]
        )
    table = _table(
        [
            e(t("col.unit", lang), lang),
            e(bw.w("col.latest", lang), lang),
            e(t("col.status", lang), lang),
            e(bw.w("col.forecast", lang), lang),
        ],
        rows,
        "forecast",
        (13, 22, 20, 45),
    )
    return f'<div class="indicator"><h3>{e(name, lang)}</h3><figure>{svg}</figure>{table}</div>'


def _ranking(b: Bulletin, lang: str) -> list[str]:
    r = b.ranking
    assert r is not None
    head = [e(h, lang) for h in bw.columns("ranking", lang)]
    out = [f"<p>{e(bw.ranking_text(b, lang), lang)}</p>"]
    for key, items in (("ranking.top", r.top), ("ranking.bottom", r.bottom)):
        if items:
            out.append(f"<h3>{e(bw.ranked_heading(key, len(items), lang), lang)}</h3>")
            out.append(
                _table(
                    head,
                    [[str(x.rank), e(b.short(x.unit), lang), f"{x.score:g}"] for x in items],
                    "ranking",
                    (20, 50, 30),
                    nums=(0, 2),
                )
            )
    if r.note:
        out.append(f'<p class="note">{e(bw.w("ranking.note", lang, note=r.note), lang)}</p>')
    return out


def _requirements(b: Bulletin, lang: str) -> list[str]:
    if not b.requirements:
        return [f"<p>{e(bw.w('requirements.none', lang), lang)}</p>"]
    out = [
        f"<p>{e(bw.requirement(i, text, lang), lang)}</p>"
        for i, text in enumerate(b.requirements, 1)
    ]
    out.append(
        f'<p class="signature">{e(b.office, lang)}<br>{e(bw.cn_date(b.as_of, lang), lang)}</p>'
    )
    return out


def _annex(b: Bulletin, lang: str) -> list[str]:
    rows = [
        [
            f'<td class="id">{r.task.id}</td>',
            f'<td class="measure">{e(r.task.measure, lang)}</td>',
            e("、".join(b.short(u) for u in r.task.lead), lang),
            _light(r.status, lang),
            e(bw.annex_detail(b, r, lang), lang),
        ]
        for r in b.annex
    ]
    head = [e(h, lang) for h in bw.columns("annex", lang)]
    return [_table(head, rows, "annex", (5, 32, 14, 16, 33))]


def render_html(b: Bulletin, lang: str = "zh") -> str:
    """The whole page."""
    body = [_header(b, lang)]
    for i, key in enumerate(b.sections, 1):
        heading = f"<h2>{e(bw.ordinal(i, lang) + bw.section(b, key, lang), lang)}</h2>"
        if key == "indicators":
            content = [f"<p>{e(bw.w('indicators.intro', lang), lang)}</p>"] + [
                _indicator(b, v, lang) for v in b.indicators
            ]
        else:
            content = {
                "overall": _overall,
                "lagging": _lagging,
                "reporting": _reporting,
                "matrix": _matrix,
                "ranking": _ranking,
                "requirements": _requirements,
            }[key](b, lang)
        cls = "" if key == "overall" else ' class="page"'
        body.append(f'<section id="{key}"{cls}>{heading}{"".join(content)}</section>')
    body.append(
        f'<section id="annex" class="page"><h2>{e(bw.w("s.annex", lang), lang)}</h2>'
        f"{''.join(_annex(b, lang))}</section>"
    )
    lang_attr = "en" if lang == "en" else "zh-CN"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang_attr}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(bw.title(b, lang), lang)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )

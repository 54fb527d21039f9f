"""The bulletin as a Word document (SPEC §11), made with python-docx, for the office to edit.

Real Word headings (Title, Heading 1, Heading 2) so the navigation pane and a table of contents
work, real tables, A4 pages, each section from a new page. Chinese text gets a Chinese font in
the East Asian slot (`w:eastAsia`): without it Word and WPS fall back to whatever the Latin font
maps to. The heading styles of python-docx's template name theme fonts (`asciiTheme`…), which win
over an explicit font, so those attributes are removed.

Charts: Word cannot show an inline SVG that python-docx could write, and drawing a PNG needs a
rasteriser this package does not depend on; each indicator gets a table of its reported values
and forecasts instead (the HTML bulletin has the charts).
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from wz_tasks.bulletin import Bulletin, IndicatorView
from wz_tasks.labels import t
from wz_tasks.render import bulletin_words as bw
from wz_tasks.render.words import number
from wz_tasks.status import Status

if TYPE_CHECKING:
    from docx.document import Document

BODY_FONT = ("Times New Roman", "宋体")  # (Latin, East Asian): what Word and WPS ship
HEADING_FONT = ("Arial", "黑体")
_FILL = {"red": "F8C9C4", "yellow": "FBE7A1", "green": "E3F2E4"}
_MARK = {"red": "●", "yellow": "▲", "green": "○"}


def _fonts(element: Any, latin: str, east_asian: str) -> None:
    """Set a run's or a style's fonts, East Asian included, dropping theme-font overrides."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def _setup(doc: Document) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt, RGBColor

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(25), Mm(22)
    section.left_margin, section.right_margin = Mm(22), Mm(20)
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.size = Pt(12)
    _fonts(normal.element, *BODY_FONT)
    for name, size in (("Title", 18), ("Heading 1", 15), ("Heading 2", 13)):
        style = styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        _fonts(style.element, *HEADING_FONT)
    table_style = styles["Table Grid"]
    table_style.font.size = Pt(10.5)


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(text: str, lang: str) -> str:
    """Typeset, and drop the characters XML cannot hold (a control character in a name would
    otherwise stop python-docx)."""
    return _NOT_XML.sub("", bw.typeset(text, lang))


def _para(doc: Document, text: str, lang: str, *, indent: bool = True, align: str = "") -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph(_text(text, lang))
    if indent:
        p.paragraph_format.first_line_indent = Pt(24)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return p


def _shade(cell: Any, light: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), _FILL[light])
    cell._tc.get_or_add_tcPr().append(shd)


def _light_text(status: Status, lang: str) -> str:
    return f"{_MARK[status.light]} {bw.light_word(status, lang)}"


TEXT_WIDTH_MM = 168  # A4 less the margins set in _setup


def _table(
    doc: Document,
    head: list[str],
    rows: list[list[str | tuple[str, Status]]],
    lang: str,
    widths: tuple[int, ...] | None = None,
    size: float | None = None,
) -> Any:
    """A grid table whose header row repeats on each page; a (text, status) cell is shaded in
    the status's light (and says the light in words, for black-and-white print). `widths`:
    each column's share of the text width in percent (default equal); `size`: the body's font
    size in points (default the table style's)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    table = doc.add_table(rows=1, cols=len(head))
    table.style = doc.styles["Table Grid"]
    header = table.rows[0]
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for cell, text in zip(header.cells, head, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(_text(text, lang))
        run.bold = True
        _shade_grey(cell)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            if isinstance(value, tuple):
                text, status = value
                cell.text = _text(text, lang)
                _shade(cell, status.light)
            else:
                cell.text = _text(value, lang)
            if size is not None:
                for para in cell.paragraphs:
                    for run in para.runs:
                        run.font.size = Pt(size)
    if widths is not None:
        table.autofit = False
        # Both the grid (LibreOffice reads it) and every cell (Word reads those).
        for column, share in zip(table.columns, widths, strict=True):
            column.width = Mm(TEXT_WIDTH_MM * share / 100)
        for row in table.rows:
            for cell, share in zip(row.cells, widths, strict=True):
                cell.width = Mm(TEXT_WIDTH_MM * share / 100)
    doc.add_paragraph()
    return table


def _shade_grey(cell: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), "EEEEEE")
    cell._tc.get_or_add_tcPr().append(shd)


def _heading(doc: Document, text: str, level: int, lang: str, new_page: bool) -> None:
    h = doc.add_heading(_text(text, lang), level=level)
    h.paragraph_format.page_break_before = new_page


def _header(doc: Document, b: Bulletin, lang: str) -> None:
    from docx.shared import Pt, RGBColor

    office = _para(doc, b.office, lang, indent=False, align="center")
    for run in office.runs:
        run.font.size = Pt(24)
        run.font.bold = True
        run.font.color.rgb = RGBColor(0xCC, 0, 0)
        _fonts(run._r, *HEADING_FONT)
    kind = _para(doc, bw.w("masthead", lang), lang, indent=False, align="center")
    for run in kind.runs:
        run.font.size = Pt(18)
        run.font.bold = True
        run.font.color.rgb = RGBColor(0xCC, 0, 0)
        _fonts(run._r, *HEADING_FONT)
    if b.number:
        _para(doc, bw.issue(b.number, lang), lang, indent=False, align="center")
    _para(doc, f"{b.office}    {bw.cn_date(b.as_of, lang)}", lang, indent=False, align="right")
    title = doc.add_heading(_text(bw.title(b, lang), lang), level=0)
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if b.to:
        _para(doc, b.to + ":", lang, indent=False)
    _para(doc, bw.w("opening", lang, date=bw.cn_date(b.as_of, lang), policy=b.policy_title), lang)
    if b.expired:
        _para(doc, bw.w("expired", lang, date=b.evaluated_on), lang)


def _overall(doc: Document, b: Bulletin, lang: str) -> None:
    _para(doc, bw.overall(b, lang), lang)
    rows: list[list[str | tuple[str, Status]]] = [
        [(_light_text(s.status, lang), s.status), str(s.count), f"{s.share:.1f}%"]
        for s in b.summary
    ]
    rows.append([bw.w("total", lang), str(b.total), "100.0%" if b.total else "0.0%"])
    _table(doc, bw.columns("totals", lang), rows, lang)
    _para(doc, bw.changes(b, lang), lang)
    if b.changes:
        _table(
            doc,
            bw.columns("done", lang),
            [
                [str(c.task.id), bw.short_measure(c.task.measure), (bw.change_line(c, lang), c.now)]
                for c in b.changes
            ],
            lang,
            (8, 52, 40),
        )


def _lagging(doc: Document, b: Bulletin, lang: str) -> None:
    _para(doc, bw.lagging_summary(b, lang), lang)
    if b.lagging:
        _table(
            doc,
            bw.columns("lagging", lang),
            [
                [
                    str(x.task.id),
                    b.short(x.unit),
                    bw.short_measure(x.task.measure),
                    (_light_text(x.status, lang), x.status),
                    bw.lagging_detail(x, lang),
                    x.problems or "—",
                ]
                for x in b.lagging
            ],
            lang,
            (6, 11, 20, 13, 25, 25),
        )


def _reporting(doc: Document, b: Bulletin, lang: str) -> None:
    _para(doc, bw.reporting_summary(b, lang), lang)
    if b.late_reporters:
        _table(
            doc,
            bw.columns("reporting", lang),
            [
                [
                    b.short(r.unit),
                    bw.state_word(r, lang),
                    str(r.days_since),
                    r.last_report.isoformat() if r.last_report else bw.w("never", lang),
                    str(r.missed_in_a_row),
                    r.escalation or bw.w("escalation.none", lang),
                    bw.tasks_text(r.tasks, lang),
                ]
                for r in b.late_reporters
            ],
            lang,
            (14, 14, 12, 15, 13, 12, 20),
        )


def _matrix(doc: Document, b: Bulletin, lang: str) -> None:
    m = b.matrix
    assert m is not None
    _para(doc, bw.matrix_intro(b, lang), lang)
    rows: list[list[str | tuple[str, Status]]] = []
    for row in m.rows:
        cells: list[str | tuple[str, Status]] = [
            str(row.task.id),
            bw.short_measure(row.task.measure),
        ]
        for s in row.cells:
            # The light over the status word: a county column is narrow.
            cell = f"{_MARK[s.light]} {t(s.light, lang)}\n{t(s.value, lang)}" if s else None
            cells.append(bw.w("matrix.none", lang) if s is None or cell is None else (cell, s))
        rows.append(cells)
    _table(
        doc,
        [t("col.id", lang), t("col.measure", lang), *(b.short(u) for u in m.units)],
        rows,
        lang,
        (7, 28, *((65 // max(1, len(m.units))) for _ in m.units)),
        size=9,
    )


def _indicator(doc: Document, b: Bulletin, view: IndicatorView, lang: str) -> None:
    kind = view.indicator.kind
    name = bw.w("chart.title", lang, id=view.task.id, name=view.indicator.name)
    _heading(doc, name, 2, lang, new_page=False)
    milestones = "、".join(f"{d.isoformat()} {number(v, kind)}" for d, v in view.milestones)
    _para(doc, f"{t('col.milestones', lang)}:{milestones}", lang)
    _table(
        doc,
        [
            t("col.unit", lang),
            bw.w("col.values", lang),
            t("col.status", lang),
            bw.w("col.forecast", lang),
        ],
        [
            [
                b.short(s.unit),
                bw.series_text(s, kind),
                (_light_text(s.status, lang), s.status),
                bw.forecast_text(s, kind, lang),
            ]
            for s in view.series
        ],
        lang,
        (13, 35, 17, 35),
    )


def _ranking(doc: Document, b: Bulletin, lang: str) -> None:
    r = b.ranking
    assert r is not None
    _para(doc, bw.ranking_text(b, lang), lang)
    head = bw.columns("ranking", lang)
    for key, items in (("ranking.top", r.top), ("ranking.bottom", r.bottom)):
        if items:
            _heading(doc, bw.ranked_heading(key, len(items), lang), 2, lang, new_page=False)
            _table(doc, head, [[str(x.rank), b.short(x.unit), f"{x.score:g}"] for x in items], lang)
    if r.note:
        _para(doc, bw.w("ranking.note", lang, note=r.note), lang)


def _requirements(doc: Document, b: Bulletin, lang: str) -> None:
    if not b.requirements:
        _para(doc, bw.w("requirements.none", lang), lang)
        return
    for i, text in enumerate(b.requirements, 1):
        _para(doc, bw.requirement(i, text, lang), lang)
    _para(doc, "", lang, indent=False)
    _para(doc, b.office, lang, indent=False, align="right")
    _para(doc, bw.cn_date(b.as_of, lang), lang, indent=False, align="right")


def _annex(doc: Document, b: Bulletin, lang: str) -> None:
    _table(
        doc,
        bw.columns("annex", lang),
        [
            [
                str(r.task.id),
                r.task.measure,
                "、".join(b.short(u) for u in r.task.lead),
                (_light_text(r.status, lang), r.status),
                bw.annex_detail(b, r, lang),
            ]
            for r in b.annex
        ],
        lang,
        (5, 32, 14, 16, 33),
    )


def render_docx(b: Bulletin, lang: str = "zh") -> bytes:
    """The .docx file's bytes."""
    import docx

    doc = docx.Document()
    _setup(doc)
    doc.core_properties.title = bw.title(b, lang)
    doc.core_properties.author = b.office
    doc.core_properties.language = "en" if lang == "en" else "zh-CN"
    _header(doc, b, lang)
    for i, key in enumerate(b.sections, 1):
        _heading(doc, bw.ordinal(i, lang) + bw.section(b, key, lang), 1, lang, new_page=i > 1)
        if key == "indicators":
            _para(doc, bw.w("indicators.intro_table", lang), lang)
            for view in b.indicators:
                _indicator(doc, b, view, lang)
            continue
        {
            "overall": _overall,
            "lagging": _lagging,
            "reporting": _reporting,
            "matrix": _matrix,
            "ranking": _ranking,
            "requirements": _requirements,
        }[key](doc, b, lang)
    _heading(doc, bw.w("s.annex", lang), 1, lang, new_page=True)
    _annex(doc, b, lang)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()

"""The bulletin in Markdown, for a pull request or a wiki page (SPEC §11): the same sections as
the printed one, tables instead of charts. Every piece of text is escaped, so a unit name or a
measure can neither open an HTML tag nor a link nor break a table row.
"""

from __future__ import annotations

import re

from wz_tasks.bulletin import Bulletin, IndicatorView
from wz_tasks.labels import t
from wz_tasks.render import bulletin_words as bw
from wz_tasks.render.words import number
from wz_tasks.status import Status

_EMOJI = {"red": "🔴", "yellow": "🟡", "green": "🟢"}
# Markdown's inline markup characters (emphasis, code, links, tables, strike-through), and what
# makes a line a heading, list or quote when it starts one.
_INLINE = re.compile(r"([\\`*_\[\]|~])")
_LINE_START = re.compile(r"^(\d+(?=[.)](?:\s|$))|(?=#)|(?=[+\-=](?:\s|$)))", re.MULTILINE)


def md(text: str, lang: str) -> str:
    """Typeset and escape text for Markdown: entities for & < > (no HTML tag can open), a
    backslash before markup, line breaks as <br> (a newline would end a table row)."""
    text = bw.typeset(text, lang)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\\", text)  # "# x" → "\# x", "1. x" → "1\. x"
    return re.sub(r"\r\n|\r|\n", "<br>", text)


def _light(status: Status, lang: str) -> str:
    return f"{_EMOJI[status.light]} {md(bw.light_word(status, lang), lang)}"


def _table(head: list[str], rows: list[list[str]], right: tuple[int, ...] = ()) -> list[str]:
    """A pipe table; cells are already escaped."""
    rule = ["---:" if i in right else "---" for i in range(len(head))]
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _header(b: Bulletin, lang: str) -> list[str]:
    out = [f"# {md(bw.title(b, lang), lang)}", ""]
    meta = [md(b.office, lang)]
    if b.number:
        meta.append(md(bw.issue(b.number, lang), lang))
    meta.append(md(bw.cn_date(b.as_of, lang), lang))
    out += ["**" + " · ".join(meta) + "**", ""]
    if b.to:
        out += [md(b.to + ":", lang), ""]
    opening = bw.w("opening", lang, date=bw.cn_date(b.as_of, lang), policy=b.policy_title)
    out += [md(opening, lang), ""]
    if b.expired:
        out += [f"> {md(bw.w('expired', lang, date=b.evaluated_on), lang)}", ""]
    return out


def _overall(b: Bulletin, lang: str) -> list[str]:
    rows = [[_light(s.status, lang), str(s.count), f"{s.share:.1f}%"] for s in b.summary]
    rows.append([md(bw.w("total", lang), lang), str(b.total), "100.0%" if b.total else "0.0%"])
    out = [md(bw.overall(b, lang), lang), ""]
    head = bw.columns("totals", lang)
    out += _table([md(h, lang) for h in head], rows, right=(1, 2))
    out += [md(bw.changes(b, lang), lang), ""]
    if b.changes:
        head = bw.columns("done", lang)
        out += _table(
            [md(h, lang) for h in head],
            [
                [
                    str(c.task.id),
                    md(bw.short_measure(c.task.measure), lang),
                    f"{_light(c.before, lang)} → {_light(c.now, lang)}",
                ]
                for c in b.changes
            ],
        )
    return out


def _lagging(b: Bulletin, lang: str) -> list[str]:
    out = [md(bw.lagging_summary(b, lang), lang), ""]
    if b.lagging:
        head = bw.columns("lagging", lang)
        out += _table(
            [md(h, lang) for h in head],
            [
                [
                    str(x.task.id),
                    md(b.short(x.unit), lang),
                    md(bw.short_measure(x.task.measure), lang),
                    _light(x.status, lang),
                    md(bw.lagging_detail(x, lang), lang),
                    md(x.problems or "—", lang),
                ]
                for x in b.lagging
            ],
        )
    return out


def _reporting(b: Bulletin, lang: str) -> list[str]:
    out = [md(bw.reporting_summary(b, lang), lang), ""]
    if b.late_reporters:
        head = bw.columns("reporting", lang)
        out += _table(
            [md(h, lang) for h in head],
            [
                [
                    md(b.short(r.unit), lang),
                    md(bw.state_word(r, lang), lang),
                    str(r.days_since),
                    md(r.last_report.isoformat() if r.last_report else bw.w("never", lang), lang),
                    str(r.missed_in_a_row),
                    "**" + md(r.escalation or bw.w("escalation.none", lang), lang) + "**",
                    md(bw.tasks_text(r.tasks, lang), lang),
                ]
                for r in b.late_reporters
            ],
            right=(2, 4),
        )
    return out


def _matrix(b: Bulletin, lang: str) -> list[str]:
    m = b.matrix
    assert m is not None
    head = [t("col.id", lang), t("col.measure", lang), *(b.short(u) for u in m.units)]
    rows = [
        [
            str(row.task.id),
            md(bw.short_measure(row.task.measure), lang),
            *(
                md(bw.w("matrix.none", lang), lang) if s is None else _light(s, lang)
                for s in row.cells
            ),
        ]
        for row in m.rows
    ]
    intro = md(bw.matrix_intro(b, lang), lang)
    return [intro, "", *_table([md(h, lang) for h in head], rows)]


def _indicator(b: Bulletin, view: IndicatorView, lang: str) -> list[str]:
    kind = view.indicator.kind
    name = bw.w("chart.title", lang, id=view.task.id, name=view.indicator.name)
    milestones = "、".join(f"{d.isoformat()} {number(v, kind)}" for d, v in view.milestones)
    out = [f"### {md(name, lang)}", "", md(f"{t('col.milestones', lang)}:{milestones}", lang), ""]
    head = [
        t("col.unit", lang),
        bw.w("col.values", lang),
        t("col.status", lang),
        bw.w("col.forecast", lang),
    ]
    rows = []
    for s in view.series:
        text = md(bw.forecast_text(s, kind, lang), lang)
        if s.will_miss:
            text = f"**{text}**"
        rows.append(
            [
                md(b.short(s.unit), lang),
                md(bw.series_text(s, kind), lang),
                _light(s.status, lang),
                text,
            ]
        )
    return out + _table([md(h, lang) for h in head], rows)


def _ranking(b: Bulletin, lang: str) -> list[str]:
    r = b.ranking
    assert r is not None
    out = [md(bw.ranking_text(b, lang), lang), ""]
    head = [md(h, lang) for h in bw.columns("ranking", lang)]
    for key, items in (("ranking.top", r.top), ("ranking.bottom", r.bottom)):
        if items:
            out += [f"### {md(bw.ranked_heading(key, len(items), lang), lang)}", ""]
            out += _table(
                head,
                [[str(x.rank), md(b.short(x.unit), lang), f"{x.score:g}"] for x in items],
                right=(0, 2),
            )
    if r.note:
        out += [f"> {md(bw.w('ranking.note', lang, note=r.note), lang)}", ""]
    return out


def _requirements(b: Bulletin, lang: str) -> list[str]:
    if not b.requirements:
        return [md(bw.w("requirements.none", lang), lang), ""]
    out = []
    for i, text in enumerate(b.requirements, 1):
        out += [md(bw.requirement(i, text, lang), lang), ""]
    return out


def _annex(b: Bulletin, lang: str) -> list[str]:
    head = bw.columns("annex", lang)
    return _table(
        [md(h, lang) for h in head],
        [
            [
                str(r.task.id),
                md(r.task.measure, lang),
                md("、".join(b.short(u) for u in r.task.lead), lang),
                _light(r.status, lang),
                md(bw.annex_detail(b, r, lang), lang),
            ]
            for r in b.annex
        ],
    )


def render_markdown(b: Bulletin, lang: str = "zh") -> str:
    """The whole bulletin as Markdown."""
    out = _header(b, lang)
    for i, key in enumerate(b.sections, 1):
        out += [f"## {bw.ordinal(i, lang)}{md(bw.section(b, key, lang), lang)}", ""]
        if key == "indicators":
            out += [md(bw.w("indicators.intro_table", lang), lang), ""]
            for view in b.indicators:
                out += _indicator(b, view, lang)
            continue
        out += {
            "overall": _overall,
            "lagging": _lagging,
            "reporting": _reporting,
            "matrix": _matrix,
            "ranking": _ranking,
            "requirements": _requirements,
        }[key](b, lang)
    out += [f"## {md(bw.w('s.annex', lang), lang)}", "", *_annex(b, lang)]
    return "\n".join(out).rstrip("\n") + "\n"

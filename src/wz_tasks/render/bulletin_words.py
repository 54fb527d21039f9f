"""The bulletin's own words in Chinese and English, and the sentences every format shares.

The words themselves are in the one catalogue, `labels.py` (keys `bw.…`), with the status and
light words. Every function returns plain text: each renderer escapes it for its format.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from wz_tasks.bulletin import Bulletin, Change, Lagging, LateReporter, UnitSeries
from wz_tasks.evaluate import TaskResult
from wz_tasks.labels import t
from wz_tasks.render.words import detail, number
from wz_tasks.status import Status

_DIGITS = "零一二三四五六七八九"


def w(key: str, lang: str, **params: object) -> str:
    """The bulletin's word `key` (labels.py, `bw.` keys) in `lang`."""
    return t(f"bw.{key}", lang, **params)


# The columns of the bulletin's tables, the same in every format (labels.py keys; `bw.` ones
# are the bulletin's own words). The matrix's and the indicators' columns depend on the data.
COLUMNS = {
    "totals": ("col.status", "bw.col.count", "bw.col.share"),
    "done": ("col.id", "col.measure", "col.status"),
    "lagging": ("col.id", "col.unit", "col.measure", "col.status", "col.detail", "bw.col.problems"),
    "reporting": (
        "col.unit",
        "bw.col.state",
        "bw.col.days_since",
        "bw.col.last_report",
        "bw.col.missed",
        "col.escalation",
        "bw.col.tasks",
    ),
    "ranking": ("col.rank", "col.unit", "col.score"),
    "annex": ("col.id", "col.measure", "col.lead", "col.status", "col.detail"),
}


def columns(table: str, lang: str) -> list[str]:
    """The headings of one of the bulletin's tables (COLUMNS) in `lang`."""
    return [t(key, lang) for key in COLUMNS[table]]


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 17 → 十七, 20 → 二十, 105 → 一百零五 (for 第N期 and 一是…)."""
    if n < 0:
        return "负" + chinese_number(-n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out = ""
    zero = False
    for value, unit in ((10**8, "亿"), (10**4, "万"), (1000, "千"), (100, "百"), (10, "十")):
        if n >= value:
            head, n = divmod(n, value)
            out += ("零" if zero else "") + chinese_number(head) + unit
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero or (out and not out.endswith("十")) else "") + _DIGITS[n]
    return out


def issue(n: int, lang: str) -> str:
    return w("issue", lang, n=chinese_number(n) if lang != "en" else n)


def ordinal(n: int, lang: str) -> str:
    """Section numbers: 一、二、… in Chinese, 1. 2. … in English."""
    return f"{chinese_number(n)}、" if lang != "en" else f"{n}. "


def cn_date(day: dt.date, lang: str) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if lang != "en" else day.isoformat()


def period_name(b: Bulletin, lang: str) -> str:
    """2026年11月 / 2026年第四季度 / 2026年下半年 / 2026年 / 2026年第5周; or 截至… without one."""
    start, kind = b.period_start, b.period_kind
    if start is None or kind is None:
        return w("as_of_line", lang, date=cn_date(b.as_of, lang))
    if lang == "en":
        return b.period or ""
    if kind == "month":
        return f"{start.year}年{start.month}月"
    if kind == "quarter":
        return f"{start.year}年第{chinese_number((start.month - 1) // 3 + 1)}季度"
    if kind == "half_year":
        return f"{start.year}年{'上' if start.month <= 6 else '下'}半年"
    if kind == "week":
        year, week, _ = start.isocalendar()
        return f"{year}年第{week}周"
    return f"{start.year}年"


def title(b: Bulletin, lang: str) -> str:
    """关于2026年11月《…》落实情况的通报; without a period 关于《…》落实情况的通报 (the as-of
    date is in the header)."""
    if b.period is None:
        return w("title.plain", lang, policy=b.policy_title)
    return w("title", lang, period=period_name(b, lang), policy=b.policy_title)


def section(b: Bulletin, key: str, lang: str) -> str:
    """A section's heading without its number."""
    group = b.short(b.matrix.group) if b.matrix is not None else ""
    return w("s." + key, lang, group=group) if key == "matrix" else w("s." + key, lang)


def matrix_intro(b: Bulletin, lang: str) -> str:
    m = b.matrix
    assert m is not None
    return w("matrix.intro", lang, group=b.short(m.group), n=len(m.rows))


def status_word(status: Status, lang: str) -> str:
    return t(status.value, lang)


def light_word(status: Status, lang: str) -> str:
    """红灯 逾期: the light and the status as words, never colour alone."""
    return f"{t(status.light, lang)} {t(status.value, lang)}"


def _join(parts: Iterable[str], lang: str) -> str:
    return ("、" if lang != "en" else ", ").join(parts)


def _value(x: float | None, kind: str | None) -> str:
    return number(x, kind)


def overall(b: Bulletin, lang: str) -> str:
    """The 总体情况 paragraph: the total, then count and share of each status present."""
    shown = [s for s in reversed(b.summary) if s.count]  # done first, as real bulletins open
    counts = (";" if lang != "en" else "; ").join(
        w(
            "count_share",
            lang,
            status=status_word(s.status, lang),
            count=s.count,
            share=f"{s.share:.1f}",
        )
        for s in shown
    )
    return w(
        "overall",
        lang,
        policy=b.policy_title,
        total=b.total,
        date=cn_date(b.as_of, lang),
        counts=counts,
        green=b.light_count("green"),
        yellow=b.light_count("yellow"),
        red=b.light_count("red"),
    )


def _items(changes: Sequence[Change], lang: str) -> str:
    return _join((t("item.task", lang, id=c.task.id) for c in changes), lang)


def changes(b: Bulletin, lang: str) -> str:
    date = cn_date(b.previous_as_of, lang)
    if not b.changes:
        return w("changes.none", lang, date=date)
    parts = [w("changes.moved", lang, n=len(b.changes), items=_items(b.changes, lang))]
    for key, found in (
        ("changes.red", b.newly_red),
        ("changes.green", b.newly_green),
        ("changes.done", b.newly_done),
    ):
        if found:
            parts.append(w(key, lang, n=len(found), items=_items(found, lang)))
    end = "。" if lang != "en" else "."
    return w("changes.intro", lang, date=date) + (";" if lang != "en" else "; ").join(parts) + end


def change_line(c: Change, lang: str) -> str:
    arrow = " → "
    return f"{light_word(c.before, lang)}{arrow}{light_word(c.now, lang)}"


def _ids(ids: Sequence[int], lang: str) -> str:
    return w("items", lang, ids=_join((str(i) for i in ids), lang))


def led_by(b: Bulletin, items: Sequence[Lagging], lang: str) -> str:
    """同心县负责的第4项、市住建局负责的第7、15项: grouped by unit, in order of first mention."""
    by_unit: dict[str, list[int]] = {}
    for item in items:
        by_unit.setdefault(item.unit, []).append(item.task.id)
    return _join(
        (
            w("led_by", lang, unit=b.short(u), items=_ids(sorted(ids), lang))
            for u, ids in by_unit.items()
        ),
        lang,
    )


def lagging_summary(b: Bulletin, lang: str) -> str:
    if not b.lagging:
        return w("lagging.none", lang, date=cn_date(b.as_of, lang))
    parts = []
    overdue = [x for x in b.lagging if x.status is Status.OVERDUE]
    behind = [x for x in b.lagging if x.status is Status.BEHIND]
    if overdue:
        parts.append(w("lagging.overdue", lang, who=led_by(b, overdue, lang)))
    if behind:
        parts.append(w("lagging.behind", lang, who=led_by(b, behind, lang)))
    start = w("as_of_line", lang, date=cn_date(b.as_of, lang)) + ("," if lang != "en" else ": ")
    return start + (";" if lang != "en" else "; ").join(parts) + ("。" if lang != "en" else ".")


def lagging_detail(item: Lagging, lang: str) -> str:
    """逾期 N 天 (应于…完成), or the value against the missed target, or points behind 序时."""
    d = item.result.deciding
    if d is None:
        return detail(item.result, lang)
    due = d.due.isoformat() if d.due else ""
    if item.status is Status.OVERDUE:
        if d.schedule != "indicator":
            return w("detail.overdue_due", lang, days=d.days, due=due)
        key = "detail.overdue_value" if d.value is not None else "detail.overdue_none"
        return w(
            key,
            lang,
            value=_value(d.value, d.kind),
            target=_value(d.target, d.kind),
            due=due,
            days=d.days,
        )
    behind = item.points_behind or 0.0
    amount = (
        w("points", lang, n=number(behind))
        if d.kind == "percent"
        else w("count_points", lang, n=number(behind))
    )
    return w(
        "detail.behind",
        lang,
        value=_value(d.value, d.kind),
        expected=_value(d.expected, d.kind),
        behind=amount,
        target=_value(d.target, d.kind),
        due=due,
    )


def reporting_summary(b: Bulletin, lang: str) -> str:
    if not b.late_reporters:
        return w("reporting.none", lang)
    names = _join((b.short(r.unit) for r in b.late_reporters), lang)
    return w("reporting.intro", lang, units=names, n=len(b.late_reporters))


def state_word(r: LateReporter, lang: str) -> str:
    return w(f"state.{r.state}", lang)


def tasks_text(ids: Sequence[int], lang: str) -> str:
    return _ids(ids, lang)


def forecast_text(s: UnitSeries, kind: str, lang: str) -> str:
    """预计2027-03-09达到90%(节点 2026-12-31);预计不能按期完成 — or reached, or no forecast."""
    f = s.forecast
    if f is None:
        return w("forecast.none", lang)
    target = _value(f.target, kind)
    sep = ";" if lang != "en" else "; "
    by = w("forecast.by", lang, date=f.by.isoformat())
    if s.reached and f.reaches is not None:
        text = w("forecast.reached", lang, date=f.reaches.isoformat(), target=target) + f"({by})"
        return text + (sep + w("forecast.reached_late", lang) if f.late else "")
    if f.reaches is None:
        text = w("forecast.never", lang, target=target)
    else:
        text = w("forecast.reaches", lang, date=f.reaches.isoformat(), target=target)
    text += f"({by})"
    return text + (sep + w("forecast.late", lang) if s.will_miss else "")


def latest_value(s: UnitSeries, kind: str) -> str:
    if not s.points:
        return "—"
    day, value = s.points[-1]
    return f"{_value(value, kind)}({day.isoformat()})"


def series_text(s: UnitSeries, kind: str) -> str:
    return ", ".join(f"{d:%Y-%m-%d} {_value(v, kind)}" for d, v in s.points) or "—"


def ranking_text(b: Bulletin, lang: str) -> str:
    r = b.ranking
    if r is None:
        return ""
    return w(
        "ranking.text",
        lang,
        top=_join((b.short(x.unit) for x in r.top), lang),
        n=chinese_number(len(r.top)) if lang != "en" else len(r.top),
        bottom=_join((b.short(x.unit) for x in r.bottom), lang),
        m=chinese_number(len(r.bottom)) if lang != "en" else len(r.bottom),
    )


def ranked_heading(key: str, n: int, lang: str) -> str:
    """前三名 / 后三名 (Top 3 / Bottom 3)."""
    return w(key, lang, n=chinese_number(n) if lang != "en" else n)


def requirement(i: int, text: str, lang: str) -> str:
    """一是…, 二是… (1., 2. in English)."""
    return w("requirement", lang, n=chinese_number(i) if lang != "en" else i, text=text)


def annex_detail(b: Bulletin, r: TaskResult, lang: str) -> str:
    """What to act on for a measure: each unit not green with its finding (units with the same
    finding share it), else the detail of the worst green one (or 全部已完成)."""
    if len(r.units) == 1:
        return detail(r.units[0], lang)
    ordered = sorted(r.units, key=lambda u: u.status.rank)
    shown = [u for u in ordered if u.light != "green"] or [
        u for u in ordered if u.status is r.status
    ]
    groups: dict[str, list[str]] = {}
    for u in shown:
        groups.setdefault(detail(u, lang), []).append(b.short(u.unit))
    if len(shown) == len(r.units) and len(groups) > 1 and r.status.light == "green":
        return w("all_status", lang, status=status_word(r.status, lang))
    sep = ":" if lang != "en" else ": "
    return (";" if lang != "en" else "; ").join(
        _join(names, lang) + sep + text for text, names in groups.items()
    )


_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_FULL = {",": "\uff0c", ";": "\uff1b", ":": "\uff1a", "?": "\uff1f", "!": "\uff01"}
_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[,;:?!]|[,;:?!](?=[{_CJK}])")
_PARENS = re.compile(r"\(([^()]*)\)")
_HAS_CJK = re.compile(f"[{_CJK}]")


def typeset(text: str, lang: str) -> str:
    """Chinese print punctuation for Chinese text: the task list and the reports are typed with
    half-width , ; : ( ), which sit cramped between Chinese characters on paper. Only marks
    next to a Chinese character change (1,000 and 2026-12-31 stay), and brackets in pairs
    that hold or follow Chinese (alert(1) stays)."""
    if lang == "en":
        return text

    def pair(m: re.Match[str]) -> str:
        before = m.string[m.start() - 1 : m.start()]
        if _HAS_CJK.search(m.group(1)) or _HAS_CJK.match(before):
            return "\uff08" + m.group(1) + "\uff09"
        return "\x00" + m.group(1) + "\x01"  # ASCII stays; hidden so the outer pair is seen

    previous = None
    while previous != text:  # innermost pairs first: 正文(二) inside (…)
        previous = text
        text = _PARENS.sub(pair, text)
    text = text.replace("\x00", "(").replace("\x01", ")")
    return _NEAR_CJK.sub(lambda m: _FULL[m.group()], text)


def short_measure(measure: str, limit: int = 22) -> str:
    """The measure's first clause, for a narrow column (the annex has it in full)."""
    first = re.split("[,;\uff0c\uff1b\u3002]", measure, maxsplit=1)[0]
    return first if len(first) <= limit else first[: limit - 1] + "…"

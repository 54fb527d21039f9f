"""The deadline-phrase reader: what a 完成时限 cell means as a schedule, or why it cannot say.

It reads the phrasings real task lists print (`2025年6月`, `2025年底前`, `12月底前` with a year
given, `2024年三季度`, `2016—2017年底前`, `长期坚持`, `每季度末月20日前`,
`2025年底达到70%,2026年底达到90%`, `2025年12月;长期坚持`) and refuses everything else with a
reason. It never guesses: a phrase it is not sure of is refused, never turned into a date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Every = Literal["week", "month", "quarter", "half_year", "year"]
IndicatorKind = Literal["percent", "count"]


@dataclass(frozen=True)
class Recurrence:
    """SPEC §10.1: a calendar period and the deadline inside each one (None: its last day)."""

    every: Every
    by: dict[str, int] | None = None


@dataclass(frozen=True)
class Target:
    due: dt.date
    target: int | float


@dataclass(frozen=True)
class Schedule:
    """What a 完成时限 cell means. Any combination the cell states, at least one part."""

    due: dt.date | None = None
    ongoing: bool = False
    every: Recurrence | None = None
    kind: IndicatorKind | None = None  # set when the cell states targets
    milestones: tuple[Target, ...] = ()


@dataclass(frozen=True)
class Refusal:
    """Why a cell was not read: the reason in Chinese and in English."""

    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


# --- characters and numbers -------------------------------------------------------------------

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_CN_DIGITS |= {"七": 7, "八": 8, "九": 9}
_CN_NUM = r"[〇零一二两三四五六七八九十]+"
_NUM = rf"(?:\d+|{_CN_NUM})"
_WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}


def _number(text: str) -> int:
    """'12', '十二' or '二〇二五' as a number; ValueError for anything else."""
    if text.isdigit():
        return int(text)
    digits = [_CN_DIGITS.get(c) for c in text.replace("十", "")]
    if None in digits or text.count("十") > 1:
        raise ValueError(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        if len(tens) > 1 or len(ones) > 1:
            raise ValueError(text)
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    if len(text) in (1, 4):  # 五, 二〇二五
        return int("".join(str(d) for d in digits))
    raise ValueError(text)


def fold(text: str) -> str:
    """Full-width digits, letters and punctuation to their half-width forms; dashes to '-'."""
    out = unicodedata.normalize("NFKC", text)
    out = re.sub(r"[—–―‐‑~〜～]+", "-", out)
    return out.replace("%", "%")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# --- one part of a cell -----------------------------------------------------------------------

_Y = r"(?P<y>\d{4}|[〇零一二三四五六七八九]{4})\s*年?"
_YEAR_WORD = r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年"
_BEFORE = r"(?:底|末|份|中|初)?(?:前|以前|之前|内|止|为止)?"
_DONE = r"(?:(?:全面|基本|全部|逐步)?(?:完成|建成|办结|落实|到位|实现|见效|推进)(?:任务|工作)?)?"
_ONGOING = re.compile(
    r"^(?:(?:" + _YEAR_WORD + r"(?:\d{1,2}月)?)(?:起|开始)?)?"
    r"(?:长期|常态化?|持续|经常性|常年|日常)(?:坚持|执行|推进|开展|实施|工作|落实|化|进行)*(?:工作)?$"
)
_REFUSE_WORDS = [
    # (pattern, zh, en)
    (r"后", "时限取决于其他事件(“……后”),请写明日期", "depends on another event"),
    (
        r"(?<!\d)(?:\d{1,3}|[一二两三四五六七八九十]+)\s*(?:个月|天|日|周|个工作日|工作日|年)内",
        "相对期限(“N个月内”),请写明日期",
        "a relative term ('within N months')",
    ),
    (
        r"根据|按照|按要求|按上级|按省|按市|按国家|视|待|适时|另行|同步|及时",
        "时限取决于其他安排,请写明日期",
        "the deadline depends on another arrangement",
    ),
    (r"已完成|已经完成|已办结", "表中写明已完成,没有时限", "printed as already done: no deadline"),
]


def _date(m: re.Match[str], year: int | None) -> dt.date | Refusal:
    """The date a matched day, month, quarter, half or year phrase ends on."""
    g = m.groupdict()
    y = _number(g["y"]) if g.get("y") else year
    if y is None:
        return Refusal(
            "没有年份,请用 --year 指定年份或在表中写明",
            "no year: give --year or write the year in the table",
        )
    if not 1990 <= y <= 2100:
        return Refusal(f"年份 {y} 不合理", f"the year {y} is implausible")
    try:
        if g.get("d"):
            return dt.date(y, _number(g["mo"]), _number(g["d"]))
        if g.get("xun"):
            month = _number(g["mo"])
            day = {"上": 10, "中": 20}.get(g["xun"])
            return dt.date(y, month, day) if day else _month_end(y, month)
        if g.get("mo"):
            return _month_end(y, _number(g["mo"]))
    except ValueError:
        return Refusal("没有这一天", "no such date")
    if g.get("q"):
        q = _number(g["q"])
        if not 1 <= q <= 4:
            return Refusal("季度应为一至四", "a quarter is 1 to 4")
        return _month_end(y, q * 3)
    if g.get("half"):
        return _month_end(y, 6 if g["half"] == "上" else 12)
    return dt.date(y, 12, 31)


_MONTH = rf"(?P<mo>{_NUM})\s*月"
_DAY = rf"(?P<d>{_NUM})\s*[日号]"
# Each: how the period is written, after an optional year. Order matters: longest first.
_PERIODS = [
    rf"{_MONTH}\s*{_DAY}",
    rf"{_MONTH}\s*(?P<xun>上|中|下)旬",
    rf"{_MONTH}(?:份)?",
    r"(?:第)?(?P<q>[1-4一二三四])\s*(?:个)?季度",
    r"(?P<half>上|下)半年",
    r"(?P<yearend>底|末|年底|年末|年内|全年|度)",
]
_ISO = re.compile(r"^(?P<y>\d{4})[-./](?P<mo>\d{1,2})(?!\d)(?:[-./](?P<d>\d{1,2})(?!\d))?")


def _year_end(text: str, year: int | None) -> dt.date | Refusal:
    """年底 / 年内 / 全年 of the year given with --year."""
    if year is None:
        return Refusal(
            f"“{text}”没有年份,请用 --year 指定年份或在表中写明",
            f"'{text}' has no year: give --year or write the year in the table",
        )
    return dt.date(year, 12, 31)


_RANGE = re.compile(
    rf"^(?P<a>\d{{4}}\s*年?\s*(?:{_NUM}\s*月(?:份)?)?|{_NUM}\s*月(?:份)?"
    rf"|\d{{1,2}}(?=\s*(?:-|至|到)\s*\d{{1,2}}\s*月))\s*(?:-|至|到)\s*"
)


def _match_date(text: str, year: int | None) -> tuple[dt.date | Refusal, str] | None:
    """A date at the start of `text`, and what follows it; None when it starts with none."""
    m = _ISO.match(text)
    if m:
        return _date(m, year), text[m.end() :]
    # a range (2016-2017年底前, 2023年3月-6月, 2024年6月至2025年12月) ends where it ends
    r = _RANGE.match(text)
    if r:
        start_year = _first_year(r.group("a"))
        inner = _match_date(text[r.end() :], start_year if start_year is not None else year)
        if inner is None or isinstance(inner[0], Refusal):
            return inner
        if start_year is not None and start_year > inner[0].year:
            return Refusal("时间段的起止颠倒", "the range ends before it starts"), ""
        return inner
    for period in _PERIODS:
        m = re.match(rf"^(?:{_Y}\s*)?(?:年)?\s*{period}", text)
        if m and (m.group("y") or not period.startswith("(?P<yearend>")):
            return _date(m, year), text[m.end() :]
    m = re.match(rf"^{_Y}", text)
    if m and m.group(0).endswith("年"):
        rest = text[m.end() :]
        if re.match(r"^\s*(?:前|以前|之前)", rest):
            return (
                Refusal(
                    f"“{m.group(0).strip()}前”有歧义(该年之前还是该年底前),请写明月份",
                    "'<year>前' is ambiguous (before that year or by its end): write the month",
                ),
                "",
            )
        return _date(m, year), rest
    m = re.match(r"^(?:本|今|当)?(?:年底|年末|年内|全年|年度)", text)
    if m:
        return _year_end(m.group(0), year), text[m.end() :]
    return None


def _first_year(text: str) -> int | None:
    m = re.search(r"\d{4}", text)
    return int(m.group(0)) if m else None


_RECUR: list[tuple[str, Every]] = [
    (r"每(?:个)?周", "week"),
    (r"每(?:个)?(?:月|月度)", "month"),
    (r"每(?:个)?季(?:度)?", "quarter"),
    (r"每半年", "half_year"),
    (r"每(?:个)?年(?:度)?", "year"),
    (r"按周", "week"),
    (r"按月", "month"),
    (r"按季(?:度)?", "quarter"),
    (r"按半年", "half_year"),
    (r"按年(?:度)?", "year"),
]
_PERIOD_MONTHS = {"week": 0, "month": 1, "quarter": 3, "half_year": 6, "year": 12}


def _recurrence(text: str) -> Recurrence | Refusal | None:
    """每月 / 每季度末月20日前 / 每年6月底前 / 每周二 … as SPEC §10.1; None when not one."""
    for pattern, every in _RECUR:
        m = re.match(rf"^{pattern}", text)
        if not m:
            continue
        rest = text[m.end() :]
        rest = re.sub(
            r"(?:报送|上报|调度|通报|开展|召开|组织|进行|检查|评估|考核|汇总|统计|总结|督查|通报)[^\d]*$",
            "",
            rest,
        )
        rest = re.sub(r"(?:一次|1次|至少一次|至少1次)$", "", rest).strip()
        return _recurrence_by(every, rest)
    return None


def _recurrence_by(every: Every, rest: str) -> Recurrence | Refusal:
    end = r"(?:前|以前|之前)?(?:完成|报送|上报)?$"
    if re.match(rf"^(?:末|底|结束前)?{end}", rest):
        return Recurrence(every)
    if every == "week":
        m = re.match(
            r"^(?:周|星期)?([一二三四五六日天])(?:上午|中午|下午|晚上)?"
            r"(?:\d{1,2}\s*[时点](?:\d{1,2}分)?)?(?:前|以前|之前)?$",
            rest,
        )
        if m:
            return Recurrence(every, {"weekday": _WEEKDAYS[m.group(1)]})
        return _odd_rhythm(rest)
    months = _PERIOD_MONTHS[every]
    m = re.match(rf"^(?P<d>{_NUM})\s*[日号]{end}", rest)
    if m and every == "month":
        return _by_day(every, None, _number(m.group("d")))
    which = (
        r"(?:(?:第)?(?P<n>[1-9一二三四五六])\s*个?月|(?P<first>首月|第一个月)"
        r"|(?P<last>末月|最后一个月))"
    )
    m = re.match(rf"^{which}\s*的?\s*(?:(?P<d>{_NUM})\s*[日号]|(?P<end>底|末)){end}", rest)
    if m and every in ("quarter", "half_year"):
        n = 1 if m.group("first") else months if m.group("last") else _number(m.group("n"))
        if not 1 <= n <= months:
            return Refusal("周期内没有这个月", "the period has no such month")
        if m.group("end"):
            return _by_day(every, n, 31 if n == months else None)
        return _by_day(every, n, _number(m.group("d")))
    m = re.match(rf"^(?P<mo>{_NUM})\s*月\s*(?:(?P<d>{_NUM})\s*[日号]|(?P<end>底|末)?){end}", rest)
    if m and every == "year":
        month = _number(m.group("mo"))
        if not 1 <= month <= 12:
            return Refusal("没有这个月", "no such month")
        if m.group("d"):
            return _by_day(every, month, _number(m.group("d")))
        if month == 2:
            return Refusal("“每年2月底”随年份不同,请写明日期", "the end of February varies")
        return _by_day(every, month, calendar.monthrange(2001, month)[1])
    return _odd_rhythm(rest)


def _odd_rhythm(rest: str) -> Refusal:
    return Refusal(
        f"周期性时限“{rest}”无法确定每期的截止日,请写成“每季度末月20日前”这样的形式",
        f"cannot tell each period's deadline from '{rest}'",
    )


def _by_day(every: Every, month: int | None, day: int | None) -> Recurrence | Refusal:
    """A deadline inside each period; a day some months lack is refused, never moved."""
    if day is None:
        return Refusal("无法确定每期的截止日", "cannot tell each period's deadline")
    if every == "month":
        if not 1 <= day <= 28:
            return (
                Recurrence(every)
                if day == 31
                else Refusal(
                    f"每月{day}日并非每个月都有,请改为月底或28日前",
                    f"not every month has a day {day}",
                )
            )
        return Recurrence(every, {"day": day})
    assert month is not None
    if every == "year":
        try:
            dt.date(2001, month, day)
        except ValueError:
            return Refusal("没有这一天", "no such date")
        return Recurrence(every, {"month": month, "day": day})
    # quarter / half_year: the N-th month of each period has a different length in each period
    lengths = {
        calendar.monthrange(2001, start + month - 1)[1]
        for start in range(1, 13, _PERIOD_MONTHS[every])
    }
    if day > min(lengths):
        if day == 31 and month == _PERIOD_MONTHS[every]:
            return Recurrence(every)  # the period's last month's end: the period's last day
        return Refusal(
            f"并非每期第{month}个月都有{day}日", f"not every period's month {month} has a day {day}"
        )
    return Recurrence(every, {"month": month, "day": day})


_VERBS = (
    "达到|达|至少|不少于|完成|实现|提高到|提高至|提升到|提升至|不低于|超过|新建|建成|培育|打造|新增|"
    "建设|创建|引进|改造"
)
_UNITS = "%|个|家|所|项|处|座|条|户|套|支|名"
_TARGET = re.compile(
    rf"^(?P<name>[^\d%]*?)(?P<verb>(?:{_VERBS})(?:至少|不少于)?)?\s*"
    rf"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>{_UNITS})(?:以上|及以上)?(?P<what>[^\d%]*)$"
)
# A rate of change is not a level to reach: 增长6% is refused, not read as a 6% target.
_CHANGE = re.compile(r"增长|下降|减少|降低|增速|同比|环比|提高|提升")


def _named_verb(m: re.Match[str]) -> bool:
    """A percent with words before it needs a verb: 覆盖率达到100%, not 覆盖率100%."""
    return not m.group("name") or bool(m.group("verb"))


def _target_match(rest: str) -> re.Match[str] | None:
    m = _TARGET.match(rest)
    if m is None or _CHANGE.search(m.group("name")):
        return None
    words = re.compile(r"[\u4e00-\u9fffA-Za-z+]*")
    if not (words.fullmatch(m.group("name")) and words.fullmatch(m.group("what"))):
        return None
    if m.group("unit") != "%":
        return m if m.group("verb") else None  # 5个 alone does not say what is counted
    if m.group("what") not in ("", "的目标", "目标") or not _named_verb(m):
        return None
    return m


_Milestone = tuple[dt.date, IndicatorKind, int | float]


def _part(text: str, year: int | None) -> Schedule | Refusal | _Milestone:
    """One part of a cell (the cell split at ; , 、 and line breaks)."""
    try:
        return _read_part(text, year)
    except ValueError:  # a number or a date that does not exist (十十月, 2025年13月)
        return Refusal(f"“{text}”:没有这个日期", f"'{text}': no such date")


def _read_part(text: str, year: int | None) -> Schedule | Refusal | _Milestone:
    for pattern, zh, en in _REFUSE_WORDS:
        if re.search(pattern, text):
            return Refusal(f"“{text}”:{zh}", f"'{text}': {en}")
    if _ONGOING.match(text):
        return Schedule(ongoing=True)
    recurring = _recurrence(text)
    if isinstance(recurring, Refusal):
        return recurring
    if recurring is not None:
        return Schedule(every=recurring)
    text = re.sub(r"^(?:力争|确保|争取|计划|预计)?(?:于|在|到|至|截至)?", "", text)
    found = _match_date(text, year)
    if found is None:
        return Refusal(f"无法识别“{text}”", f"cannot read '{text}'")
    when, rest = found
    if isinstance(when, Refusal):
        return Refusal(f"“{text}”:{when.zh}", f"'{text}': {when.en}")
    if re.search(r"月份?$", text[: len(text) - len(rest)]) and re.match(
        r"^\s*(?:以前|之前|前)", rest
    ):
        return Refusal(
            f"“{text}”:“M月前”有歧义(该月之前还是该月底前),请写明“月底前”或日期",
            f"'{text}': 'before month M' is ambiguous (before it or by its end): write 月底前",
        )
    rest = re.sub(rf"^{_BEFORE}", "", rest.strip()).strip()
    if re.match(rf"^{_DONE}$", rest):
        return Schedule(due=when)
    target = _target_match(rest)
    if target is not None:
        n = float(target.group("n"))
        kind: IndicatorKind = "percent" if target.group("unit") == "%" else "count"
        if n > 100 if kind == "percent" else n != int(n):
            return Refusal(f"“{text}”:目标值不合理", f"'{text}': the target is not a valid value")
        return when, kind, int(n) if n == int(n) else n
    return Refusal(
        f"“{text}”:日期后面的“{rest}”无法识别",
        f"'{text}': cannot read '{rest}' after the date",
    )


_SPLIT = re.compile(r"[;,、,;。\n]+|\s{2,}")


def read_deadline(text: str, year: int | None = None) -> Schedule | Refusal:
    """The schedule a 完成时限 cell states, or why it cannot be read without guessing."""
    folded = fold(text).strip()
    if not folded or re.fullmatch(r"[-/\\无—/]+", folded):
        return Refusal("完成时限为空", "no deadline given")
    parts = [p.strip() for p in _SPLIT.split(folded) if p.strip()]
    dues: list[dt.date] = []
    targets: list[tuple[dt.date, IndicatorKind, int | float]] = []
    ongoing = False
    every: Recurrence | None = None
    inherited = year
    for part in parts:
        read = _part(part, inherited)
        if isinstance(read, Refusal):
            return read
        if isinstance(read, tuple):
            targets.append(read)
        elif read.due is not None:
            dues.append(read.due)
        ongoing = ongoing or (isinstance(read, Schedule) and read.ongoing)
        if isinstance(read, Schedule) and read.every is not None:
            if every is not None and every != read.every:
                return Refusal("一个单元格中有两种周期", "two different rhythms in one cell")
            every = read.every
        # a later year-less part reads in the year the cell already named (2025年6月,12月)
        named = re.match(r"^\D*?(\d{4})\s*年", part)
        if named:
            inherited = int(named.group(1))
    return _combine(dues, targets, ongoing, every, explicit_year=year, parts=parts)


def _combine(
    dues: list[dt.date],
    targets: list[tuple[dt.date, IndicatorKind, int | float]],
    ongoing: bool,
    every: Recurrence | None,
    explicit_year: int | None,
    parts: list[str],
) -> Schedule | Refusal:
    if targets and dues:
        return Refusal(
            "同一单元格既有完成日期又有目标值,请拆分成两项或写明目标",
            "a date and targets in one cell: split the task or state a target for each date",
        )
    if len(set(dues)) > 1:
        shown = "、".join(d.isoformat() for d in sorted(set(dues)))
        return Refusal(
            f"分阶段时限({shown}),请选定完成日期或拆分任务",
            f"several dates ({shown}): choose the completion date or split the task",
        )
    if every is not None and (dues or targets):
        return Refusal(
            "同一单元格既有周期又有完成日期", "a rhythm and a completion date in one cell"
        )
    milestones: tuple[Target, ...] = ()
    kind: IndicatorKind | None = None
    if targets:
        kinds = {k for _, k, _ in targets}
        if len(kinds) > 1:
            return Refusal("同一单元格混有百分比和数量", "percent and count targets mixed")
        kind = kinds.pop()
        ordered = [w for w, _, _ in targets]
        values = [v for _, _, v in targets]
        if ordered != sorted(set(ordered)):
            return Refusal("目标节点日期应从早到晚且不重复", "milestones out of date order")
        if kind == "percent" and values != sorted(values):
            return Refusal("百分比目标应逐年不降", "percent targets go down")
        milestones = tuple(Target(w, v) for w, _, v in targets)
    return Schedule(
        due=dues[0] if dues else None,
        ongoing=ongoing,
        every=every,
        kind=kind,
        milestones=milestones,
    )

"""WZ126 hidden-character: text holds no control or bidirectional-override characters.

Such characters are invisible or make text display otherwise than it reads (a reversed
name, a hidden line), so a reviewer could approve what they did not see. Checked in `unit`,
`contact` and each entry's `progress`, `problems` and `next_steps`: C0 controls except tab and
line feed (which block text holds), DEL, C1 controls (U+0080–U+009F), and the bidi embedding,
override and isolate characters U+202A–U+202E, U+2066–U+2069. YAML's escapes (`"\\u202e"`) are
how they get in: the parser already refuses most of them written raw.

PASS::

    progress: 已完成31个小区业委会组建

FAIL::

    progress: "已完成\\u202e31个"     # U+202E RIGHT-TO-LEFT OVERRIDE
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import FileContext

IDS = ("WZ126",)

HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
ENTRY_FIELDS = ("progress", "problems", "next_steps")


def _kind(ch: str) -> dict[str, str]:
    if "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069":
        return {"zh": "双向文字控制符", "en": "a bidirectional-text control"}
    return {"zh": "控制字符", "en": "a control character"}


def _found(ctx: FileContext, text: object, *path: str | int) -> Iterator[Diagnostic]:
    if not isinstance(text, str) or HIDDEN.search(text) is None:
        return
    chars = list(dict.fromkeys(HIDDEN.findall(text)))
    names = "、".join(f"U+{ord(c):04X}" for c in chars)
    yield ctx.at("WZ126", {"field": path[-1], "chars": names, "kind": _kind(chars[0])}, *path)


def check(ctx: FileContext) -> Iterator[Diagnostic]:
    pr = ctx.pr
    usable = pr.usable
    if usable is None:
        return
    if pr.report is not None:
        contact: object = pr.report.contact
    else:
        raw = pr.doc.value if pr.doc is not None else None
        contact = raw.get("contact") if isinstance(raw, dict) else None
    texts: list[tuple[object, tuple[str | int, ...]]] = [
        (usable.unit, ("unit",)),
        (contact, ("contact",)),
    ]
    texts += [
        (getattr(entry, name), ("entries", i, name))
        for i, entry in usable.entries
        for name in ENTRY_FIELDS
    ]
    # one search over the whole file first: almost every file has no such character
    if HIDDEN.search("\n".join(t for t, _ in texts if isinstance(t, str))) is None:
        return
    for text, path in texts:
        yield from _found(ctx, text, *path)

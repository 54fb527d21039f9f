"""The one place output is made safe: text people wrote can show, never act (issue 9).

Every text, table, markdown and GitHub renderer passes user text (progress notes, unit names,
values echoed in messages, file names) through `visible`; markdown adds `markdown`; whole
outputs pass through `guard_lines`. JSON needs none of this (json escapes itself) and CSV has
its own Excel rule (`render.csvout`).
"""

from __future__ import annotations

import re
import unicodedata

# Bidirectional embeddings, overrides and isolates (Trojan Source), and the marks that can
# reorder what a reader sees; each is shown as its code point.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C0 controls (NUL, BEL, ESC, CR, ...), DEL, C1 controls (0x80-0x9f, e.g. CSI 0x9b), the line
# and paragraph separators a terminal may break on, and the bidi characters above.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029" + _BIDI + "]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _code(ch: str) -> str:
    n = ord(ch)
    return _NAMED.get(ch) or (f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}")


def visible(text: str, keep: str = "") -> str:
    """`text` with every control and bidi character shown escaped (`\\x1b`, `\\u202e`).

    `keep` names the characters the format uses itself (e.g. "\\n" where a cell may wrap)."""
    return _UNSAFE.sub(lambda m: m[0] if m[0] in keep else _code(m[0]), text)


def one_line(text: str) -> str:
    """`visible` with newlines escaped too: a value can never start a line of its own."""
    return visible(text)


# GitHub runs a workflow command found at the start of a log line (after white space):
# `::error ...`, `::add-mask::...`, `##[warning]...`.
_COMMAND = re.compile(r"^(\s*)(::|##\[)", re.M)


def guard_lines(text: str) -> str:
    """Lines that would start a GitHub workflow command get a visible backslash in front."""
    return _COMMAND.sub(lambda m: m[1] + "\\" + m[2], text)


_MD_INLINE = re.compile(r"([\\`*_\[\]|~])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def markdown(text: str) -> str:
    """User text for a markdown table cell or list item: it can show, never add structure.

    HTML is escaped (`<!--`, `<img>`), markdown punctuation that could make links, code, emphasis
    or table cells is backslash-escaped, a heading or list marker at the start is escaped, and
    newlines become `<br>` so that the text stays inside its cell."""
    text = visible(text, keep="\n")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    lines = [_MD_LINE_START.sub(r"\1\\\2", line) for line in text.split("\n")]
    return "<br>".join(lines)


# East Asian ambiguous-width characters common in Chinese text and in our own layout, with a
# narrow stand-in: a terminal that draws them double would otherwise break a table's columns.
_NARROW = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2014": "-",
        "\u2013": "-",
        "\u2026": "...",
        "\u00b7": ".",
        "\u2192": "->",
        "\u2190": "<-",
        "\u2265": ">=",
        "\u2264": "<=",
        "\u00d7": "x",
        "\u00b0": "o",
        "\u2022": "*",
        "\u25cf": "*",
        "\u2588": "#",
        "\u2591": "-",
        "\u00a7": "S",
        "\u2030": "o/oo",
        "\u2103": "C",
        "\u3000": "  ",  # full-width space is wide, kept wide
    }
)


def narrow(text: str) -> str:
    """`text` for a terminal table: ambiguous-width characters become unambiguous ones.

    Known punctuation gets an ASCII stand-in; any other ambiguous character its NFKC form when
    that is unambiguous, else its code point (`\\u0416`), so columns line up in every terminal."""
    text = visible(text, keep="\n").translate(_NARROW)
    if text.isascii():
        return text
    out = []
    for ch in text:
        if unicodedata.east_asian_width(ch) == "A":
            folded = unicodedata.normalize("NFKC", ch)
            if all(unicodedata.east_asian_width(c) != "A" for c in folded):
                out.append(folded)
            else:
                out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)

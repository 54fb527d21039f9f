"""What a run read: every file and folder it looked at, with its status, for the replay
(replay.py) to tell later whether anything the answer depends on has changed.

The few places that touch the user's files report here — the walker and the reader (load.py),
the task list's folder, the config search (config.py), the progress paths (workspace.py) — so a
path is noted when it is read, listed or found missing. A folder's status changes when a name in
it is added, removed or renamed; a file's when it is written, touched or swapped (its inode,
size, mtime or ctime). Standard library only: the replay checks these before anything heavy is
imported.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

# (mode, device, inode, size, mtime, ctime) in nanoseconds; None: not there (or not readable)
Signature = tuple[int, int, int, int, int, int] | None

_seen: dict[str, Signature] | None = None  # None: not tracking (the usual case)
CST = dt.timezone(dt.timedelta(hours=8), "CST")


def today_in_china(now: dt.datetime | None = None) -> dt.date:
    """Today in China Standard Time (UTC+8), whatever the machine's time zone: the default
    as-of date, and so a part of what an answer depends on."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(CST).date()


def signature(st: os.stat_result | None) -> Signature:
    if st is None:
        return None
    return (st.st_mode, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def current(path: str) -> Signature:
    """The path's signature now (following links, as reading does)."""
    try:
        return signature(os.stat(path))
    except (OSError, ValueError):
        return None


def start() -> None:
    global _seen
    _seen = {}


def stop() -> dict[str, Signature]:
    """What was noted since `start`; tracking ends."""
    global _seen
    seen, _seen = _seen or {}, None
    return seen


def note(path: str | Path, st: os.stat_result | None = None) -> None:
    """The run depends on `path` as it is now (`st`: its status, when the caller has it). The
    last note of a path wins: the status of what was read, not of an earlier look."""
    if _seen is not None:
        key = os.fspath(path)
        _seen[key] = signature(st) if st is not None else current(key)


def read_regular(path: str | Path, limit: int) -> tuple[bytes | None, os.stat_result]:
    """A regular file's bytes, at most `limit` + 1 of them (so that a larger file is seen to be
    larger without being read whole), and its status as opened; None for the bytes when it is
    not a regular file. It is opened without blocking or taking a terminal: a FIFO or device is
    never waited on or read. Raises OSError as opening does."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None, st
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks), st
    finally:
        os.close(fd)


def probe(path: str | Path) -> os.stat_result | None:
    """`os.stat(path)`, or None when it is not there, noted either way."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        st = None
    if _seen is not None:
        _seen[os.fspath(path)] = signature(st)
    return st

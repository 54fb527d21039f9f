"""The entry point, and the replay (issue 13): a command run again when nothing it depends on has
changed prints what it printed last time, without starting the app.

What an answer depends on is of two kinds. Known before the run: the code (the package's
fingerprint, Python), the command line, the working directory, the environment, today's date in
China (the default as-of date), and the terminal (which streams are terminals, their size and
encodings) — hashed together, they name the record. Known only after it: every file and folder
the run read, listed or found missing (inputs.py), with its status. A run that finds a record of
that name whose every input has the status it had prints the record's output and exits with its
code; any other run starts the app, with its output captured (streams.py), and keeps a record
when it ended with 0 or 1, every write reached its stream, the day and the terminal are still
those the record is named by, and no input changed within the last second (a second change in
the same tick of the file system's clock could not be told apart).

Safety as everywhere in the cache (cache.py): the record is data (JSON), checked field by field;
only a regular file of this user's is read (never waited on: a FIFO in its place is skipped);
the output it holds is shown only when it is text our renderers could have written — no control
characters other than newlines and colour codes, no bidirectional overrides, no line that would
start a GitHub workflow command — so a planted record cannot put anything on a terminal or into
a CI log that a real run would not. A record of any other shape is ignored. Commands that write
files (`--out`) and runs with `--no-cache` or WZ_TASKS_NO_CACHE are never replayed.

Standard library only (and cachedir, inputs, streams and escape) until the app is needed: a
replayed run costs Python's start-up, a stat of every input and the write.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path

from wz_tasks import cachedir, inputs

# Annotations only (postponed): the replay's path never imports typing.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn

FORMAT = "wz-tasks-replay-1"
# Commands that only read and print. Others (new-report, init, import-tasks) write files.
COMMANDS = frozenset(
    {"status", "report", "check", "tasks", "show", "units", "schema"}
    | {"duties", "remind", "score", "bulletin", "calendar"}
)
KEEP = 32  # records kept in the cache folder; the least recently written go first
MAX_BYTES = 16 << 20  # a record larger than this is not read (nor written): at most 0.5 GiB
# What a shell sets on its own (the last command's path, the folder before `cd`, how deep it is
# nested): nothing we or our libraries read, and a record per value would rarely be replayed.
SHELL_ONLY = frozenset({"_", "OLDPWD", "SHLVL"})
# a file to write, no answer to give, or no cache to use
_NEVER = frozenset({"--no-cache", "--help", "-h", "--version", "--out", "--"})
_NAME = re.compile(r"^[0-9a-f]{40}\.json$")
_SGR = re.compile(r"\x1b\[[0-9;]*m")  # the colour codes a table on a terminal uses


def main() -> None:
    """`wz-tasks`: the recorded answer when nothing it depends on has changed, else the app."""
    from wz_tasks.streams import guarded

    guarded(lambda: _main(sys.argv[1:]))  # every failure as the app's (Ctrl-C, a full disk)


def _main(argv: list[str]) -> None:
    now = _moment()  # once: the record is named by the moment the app then runs in
    key = _key(argv, now) if replayable(argv, os.environ) else None
    folder = _folder() if key is not None else None
    if key is None or folder is None:
        _app()
        return
    target = folder / "replay" / f"{key[:40]}.json"
    found = recall(target, key)
    if found is not None:
        play(*found)
    record(target, key, now)


def _folder() -> Path | None:
    """This code's cache folder; None when there is no home folder to keep it in (no HOME, a
    user the password database does not know): the app then says what it says."""
    try:
        return cachedir.code_folder()
    except RuntimeError:
        return None


def _app() -> None:
    from wz_tasks.cli import main as app

    app()


def replayable(argv: list[str], env: Any) -> bool:
    """Whether this command line may be answered from (and leave) a record."""
    if env.get("WZ_TASKS_NO_CACHE", "") not in ("", "0"):
        return False
    if any(getattr(s, "buffer", None) is None for s in (sys.stdout, sys.stderr)):
        return False  # started with a stream closed, or inside a test harness
    command = None
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif arg in _NEVER or arg.startswith(("--out=", "--install-", "--show-completion")):
            return False
        elif arg.startswith("-o") and command is not None:
            return False  # -o FILE, -oFILE
        elif command is None and not arg.startswith("-"):
            command = arg
    return command in COMMANDS


def _terminal(fd: int) -> list[Any]:
    try:
        if not os.isatty(fd):
            return [False]
        size = os.get_terminal_size(fd)
        return [True, size.columns, size.lines]
    except OSError:
        return [None]


def _moment() -> list[Any]:
    """What the answer depends on that may change while the app runs: today in China and the
    terminal (which streams are terminals, their size)."""
    return [inputs.today_in_china().isoformat(), [_terminal(fd) for fd in (0, 1, 2)]]


def _key(argv: list[str], now: list[Any]) -> str | None:
    try:
        cwd = os.getcwd()
    except OSError:  # the working directory was removed
        return None
    streams = [(s.encoding, s.errors) for s in (sys.stdout, sys.stderr)]
    parts = [
        FORMAT,
        sys.version,
        sys.executable,
        sys.path,
        cachedir.code_fingerprint(),
        argv,
        cwd,
        sorted(kv for kv in os.environ.items() if kv[0] not in SHELL_ONLY),
        now,
        streams,
    ]
    text = json.dumps(parts, ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


# --- reading and showing a record --------------------------------------------------------------


def _read_own(target: Path) -> bytes:
    """The record's bytes, when it is a regular file of ours (written by this user) and not too
    large; else OSError. Opened without blocking: a FIFO or device put in its place is never
    waited on or read."""
    data, st = inputs.read_regular(target, MAX_BYTES)
    if data is None or len(data) > MAX_BYTES:
        raise OSError(f"not a record: {target}")
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        raise OSError(f"another user's record: {target}")
    return data


def _signature(value: Any) -> bool:
    return value is None or (
        type(value) is list and len(value) == 6 and all(type(n) is int for n in value)
    )


def shows_safely(data: bytes, encoding: str) -> bool:
    """Whether output is text our renderers could have written (see the module's note)."""
    from wz_tasks.escape import guard_lines, visible

    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    text = _SGR.sub("", text).replace("\r\n", "\n")
    return visible(text, keep="\n") == text and guard_lines(text) == text


def recall(target: Path, key: str) -> tuple[list[tuple[int, bytes]], int] | None:
    """The output and exit code kept for `key`, when every input is as it was; else None."""
    try:
        found = json.loads(_read_own(target))
    except (OSError, ValueError, RecursionError):
        return None
    if type(found) is not dict or set(found) != {"format", "key", "inputs", "out", "exit"}:
        return None
    kept, out, code = found["inputs"], found["out"], found["exit"]
    if found["format"] != FORMAT or found["key"] != key or type(code) is not int or code > 1:
        return None
    if type(kept) is not list or type(out) is not list or code < 0:
        return None
    for item in kept:
        if type(item) is not list or len(item) != 2 or type(item[0]) is not str:
            return None
        if not _signature(item[1]):
            return None
        then = tuple(item[1]) if item[1] is not None else None
        if inputs.current(item[0]) != then:
            return None
    chunks: list[tuple[int, bytes]] = []
    for item in out:
        if type(item) is not list or len(item) != 2 or item[0] not in (1, 2):
            return None
        if type(item[0]) is not int or type(item[1]) is not str:
            return None
        try:
            data = base64.b64decode(item[1], validate=True)
        except ValueError:
            return None
        chunks.append((item[0], data))
    for number, stream in ((1, sys.stdout), (2, sys.stderr)):
        data = b"".join(d for n, d in chunks if n == number)
        if not shows_safely(data, stream.encoding):
            return None
    return chunks, code


def play(chunks: list[tuple[int, bytes]], code: int) -> NoReturn:
    """Write the kept output and exit with the kept code. A reader that leaves early ends the
    output quietly, as in a run of the app."""
    from wz_tasks.streams import stdout_to_devnull

    gone = False
    for number, data in chunks:
        stream = sys.stdout if number == 1 else sys.stderr
        if gone and number == 1:
            continue
        try:
            stream.buffer.write(data)
            stream.buffer.flush()
        except BrokenPipeError:
            if number == 1:
                stdout_to_devnull()
                gone = True
        except OSError:
            if number == 1:
                raise  # a full disk, a descriptor opened for reading: as the app ends
    sys.exit(code)


# --- running the app and keeping a record ------------------------------------------------------


def record(target: Path, key: str, now: list[Any]) -> NoReturn:
    """Run the app with its output captured, keep a record when its answer can be replayed
    (and it ended in the `now` the record is named by: the same day, the same terminal), and
    exit as the app did."""
    from wz_tasks.streams import Capture

    capture = Capture()
    inputs.start()
    code: Any = 0
    try:
        _app()
    except SystemExit as exc:
        code = exc.code
    finally:
        seen = inputs.stop()
        capture.stop()
    code = 0 if code is None else code
    if code in (0, 1) and capture.whole and _moment() == now:
        _keep(target, key, seen, capture.chunks, code)
    sys.exit(code)


def _code_files() -> dict[str, inputs.Signature]:
    """The libraries the answer was computed with (a new version of rich lays tables out
    differently): the file of every top-level module loaded. Ours are in the fingerprint."""
    found: dict[str, inputs.Signature] = {}
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if "." not in name and isinstance(path, str) and not name.startswith("wz_tasks"):
            found[path] = inputs.current(path)
    return found


def _keep(
    target: Path,
    key: str,
    seen: dict[str, inputs.Signature],
    chunks: list[tuple[int, bytes]],
    code: int,
) -> None:
    now = time.time_ns()
    if any(sig is not None and cachedir.recent(sig[4], sig[5], now) for sig in seen.values()):
        return  # changed a moment ago: a change within the same tick would go unseen
    for number, stream in ((1, sys.stdout), (2, sys.stderr)):
        if not shows_safely(b"".join(d for n, d in chunks if n == number), stream.encoding):
            return  # e.g. GitHub workflow commands (check --format github): never replayed
    kept = {**_code_files(), **seen}
    text = json.dumps(
        {
            "format": FORMAT,
            "key": key,
            "inputs": [[path, sig] for path, sig in kept.items()],
            "out": [[n, base64.b64encode(d).decode("ascii")] for n, d in chunks],
            "exit": code,
        }
    )
    if len(text) > MAX_BYTES:
        return
    if cachedir.write_atomic(target.parent.parent, target, text.encode("ascii")):
        _forget_oldest(target.parent)


def _forget_oldest(folder: Path) -> None:
    """Keep the newest KEEP records; remove what a killed run left half-written (an hour on)."""
    try:
        with os.scandir(folder) as listing:
            found = [(e.stat(follow_symlinks=False).st_mtime_ns, e.name, e.path) for e in listing]
    except OSError:
        return
    records = sorted(f for f in found if _NAME.match(f[1]))
    stale = time.time_ns() - 3600 * 10**9
    left = [f for f in found if f[1].startswith(".tmp-") and f[0] < stale]
    for _, _, path in records[: max(0, len(records) - KEEP)] + left:
        with contextlib.suppress(OSError):
            os.unlink(path)

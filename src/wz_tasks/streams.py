"""Standard output and error: what a run wrote (for the replay), and a reader that has gone.

Standard library only: the replay (replay.py) uses it before anything heavy is imported.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable

# Annotations only (postponed): the replay's path never imports typing.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn


def guarded(run: Callable[[], object]) -> None:
    """Run the app (or a replay of it): every failure ends in a message and an exit code, never
    a traceback — Ctrl-C 130, a reader gone quietly, anything else 3 (SPEC §4)."""
    _closed_streams_to_devnull()
    try:
        run()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        _quiet_exit_on_closed_stdout()
    except OSError as exc:
        if exc.errno in (errno.EPIPE, errno.EBADF) or _stdout_closed():
            _quiet_exit_on_closed_stdout()
        _internal(exc)
    except Exception as exc:  # last resort: exit 3 (SPEC §4)
        if _stdout_closed():
            _quiet_exit_on_closed_stdout()
        _internal(exc)


def _closed_streams_to_devnull() -> None:
    """Started with stdout or stderr closed (`wz-tasks status >&-`): Python gives None; write
    into the void instead of failing, so the exit code still says what was found."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _quiet_exit_on_closed_stdout() -> NoReturn:
    """The reader of stdout left outside `emit` (e.g. during --help): exit 0 without a
    traceback or a second error when Python flushes stdout at exit."""
    stdout_to_devnull()
    sys.exit(0)


def _stdout_closed() -> bool:
    return sys.stdout is None or sys.stdout.closed


def _internal(exc: BaseException) -> NoReturn:
    from wz_tasks.commands.options import HELP_LANG, err
    from wz_tasks.labels import t

    err(t("err.internal", HELP_LANG, error=f"{type(exc).__name__}: {exc}"))
    sys.exit(3)


def stdout_to_devnull() -> None:
    """The reader of stdout has gone: send what is left (and Python's flush at exit) nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


class _Tee(io.BufferedIOBase):
    """Bytes on their way to a real stream's buffer, kept in order with the stream's number.
    It is the stream for everything that asks (terminal or not, its file descriptor)."""

    def __init__(self, number: int, stream: Any, capture: Capture) -> None:
        super().__init__()
        self._number, self._stream, self._capture = number, stream, capture

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        data = bytes(b)
        try:
            self._stream.buffer.write(data)
        except BaseException:
            self._capture.whole = False
            raise
        self._capture.chunks.append((self._number, data))
        return len(data)

    def flush(self) -> None:
        try:
            self._stream.buffer.flush()
        except BaseException:
            self._capture.whole = False
            raise

    def isatty(self) -> bool:
        return bool(self._stream.isatty())

    def fileno(self) -> int:
        return int(self._stream.fileno())


class Capture:
    """While it is on, sys.stdout and sys.stderr write through to the real streams and what
    they wrote is kept, in order: `chunks` of (1 or 2, bytes). `whole` turns False when a write
    failed (a reader gone, a full disk): then what was kept is not what was shown."""

    def __init__(self) -> None:
        self.chunks: list[tuple[int, bytes]] = []
        self.whole = True
        self._real = (sys.stdout, sys.stderr)
        for stream in self._real:
            stream.flush()
        sys.stdout, sys.stderr = (
            io.TextIOWrapper(  # type: ignore[type-var]
                _Tee(number, stream, self),
                encoding=stream.encoding,
                errors=stream.errors,
                line_buffering=bool(getattr(stream, "line_buffering", False)),
                write_through=True,
            )
            for number, stream in ((1, self._real[0]), (2, self._real[1]))
        )

    def stop(self) -> None:
        """The real streams again (everything written so far has reached them)."""
        wrappers = (sys.stdout, sys.stderr)
        sys.stdout, sys.stderr = self._real
        for wrapper in wrappers:
            try:
                wrapper.flush()
                wrapper.detach()  # type: ignore[union-attr]
            except (OSError, ValueError):
                self.whole = False
        for stream in self._real:
            try:
                stream.flush()
            except (OSError, ValueError):
                self.whole = False

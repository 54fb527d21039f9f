"""Standard output and error: what a run wrote (for the replay), and a reader that has gone.

Standard library only: the replay (replay.py) uses it before anything heavy is imported.
"""

from __future__ import annotations

import io
import os
import sys
from typing import Any


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

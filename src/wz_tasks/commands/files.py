"""Writing a command's output file: whole or not at all, and never over a file by accident."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from wz_tasks.commands.options import done, err
from wz_tasks.labels import t
from wz_tasks.outfile import write_new


def write_or_exit(path: Path, data: bytes, force: bool, lang: str) -> None:
    """`write_new`, with every failure a message and exit 1 (as `new-report`)."""
    if path.is_dir():
        err(t("out.cannot_write", lang, path=str(path), reason=os.strerror(errno.EISDIR)))
        done(1)
    try:
        write_new(path, data, force)
    except FileExistsError:
        err(t("out.exists", lang, path=str(path)))
        done(1)
    except OSError as exc:
        err(t("out.cannot_write", lang, path=str(path), reason=exc.strerror or str(exc)))
        done(1)

"""Writing a command's output file: whole or not at all, and never over a file by accident."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from wz_tasks.commands.options import done, err
from wz_tasks.labels import t


def write_new(path: Path, data: bytes, force: bool = False) -> None:
    """Write `data` to `path` atomically: a temporary file beside it, then a link (which fails
    when `path` exists) or, with `force`, a rename over it. A reader never sees half a file and
    a failed run leaves nothing behind. FileExistsError when `path` exists and not `force`."""
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file where a folder should be
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(parent)) from None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        if force:
            os.replace(tmp, path)
            return
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: check, then rename
            if path.exists() or path.is_symlink():
                raise FileExistsError(str(path)) from None
            os.replace(tmp, path)
            return
    finally:
        Path(tmp).unlink(missing_ok=True)


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

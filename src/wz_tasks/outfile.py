"""Writing a file the user asked for (a report template, an init repository, a bulletin, a
calendar): whole or not at all, and never over a file by accident. Standard library only."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def write_new(path: Path, data: bytes, force: bool = False) -> None:
    """Write `data` to `path` atomically: a temporary file beside it, flushed to disk, then a
    link (which fails when `path` exists) or, with `force`, a rename over it. A reader never sees
    half a file and a failed run leaves nothing behind. The file gets the permissions the umask
    allows (0644 under umask 022), as an editor would make it. FileExistsError when `path`
    exists and not `force`; OSError (a full disk, an unwritable folder) as writing raises it."""
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file where a folder should be
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(parent)) from None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=parent)
    try:
        with os.fdopen(fd, "wb") as f:
            mask = os.umask(0o022)
            os.umask(mask)
            os.chmod(tmp, 0o666 & ~mask)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if force:
            os.replace(tmp, path)
            return
        try:
            os.link(tmp, path)  # atomic, and fails if the file exists
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links
            _write_exclusive(path, data)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _write_exclusive(path: Path, data: bytes) -> None:
    with open(path, "xb") as f:
        try:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        except OSError:
            path.unlink(missing_ok=True)  # never a partial file
            raise

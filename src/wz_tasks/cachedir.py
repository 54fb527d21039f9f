"""Where the cache lives and what marks it as ours: shared by the parse cache (cache.py), the warm
record (warm.py) and the replay (replay.py). Standard library only: the replay reads it before
anything heavy is imported.

One folder per version of the code (`v0.1.0-<fingerprint>`): what is kept there is what that code
computed, so the first run of new code removes the folders of older code — only folders that carry
this tool's CACHEDIR.TAG and marker, never a folder of the user's that merely looks like one.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from wz_tasks import __version__

CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder is a cache made by wz-tasks (parsed progress files); it can be deleted.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
MARKER = "wz-tasks-cache"  # a file beside CACHEDIR.TAG: both must be there to remove a folder
# A file changed within this long before it was read is not indexed (nor is a replay kept):
# a second change within the same tick of the file system's clock would leave its status as it
# was. Two seconds: FAT (a USB stick) keeps modification times to the even second.
RECENT_NS = 2_000_000_000


def recent(mtime_ns: int, ctime_ns: int, now: int | None = None) -> bool:
    """Whether a file changed within RECENT_NS before `now` (default: this moment)."""
    return (time.time_ns() if now is None else now) - max(mtime_ns, ctime_ns) < RECENT_NS


PACKAGE = Path(__file__).resolve().parent


@functools.cache
def code_fingerprint() -> str:
    """Changes whenever the package's code does: what is cached is what its code computed."""
    h = hashlib.blake2b(__version__.encode(), digest_size=6)
    pending = [str(PACKAGE)]
    found: list[str] = []
    while pending:
        with os.scandir(pending.pop()) as listing:
            for entry in listing:
                if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                    pending.append(entry.path)
                elif entry.name.endswith(".py") and entry.is_file():  # not an editor's lock link
                    st = entry.stat()
                    found.append(f"{entry.path}:{st.st_size}:{st.st_mtime_ns}")
    for line in sorted(found):
        h.update(line.encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def default_dir() -> Path:
    if os.environ.get("WZ_TASKS_CACHE_DIR"):
        return Path(os.environ["WZ_TASKS_CACHE_DIR"])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "wz-tasks" / "Cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wz-tasks"


def code_folder(base: Path | None = None) -> Path:
    """This code's folder in the cache (not created here)."""
    return (base or default_dir()) / f"v{__version__}-{code_fingerprint()}"


def is_ours(folder: Path) -> bool:
    """Whether a folder was made by this tool as a cache (its tag and marker are there)."""
    try:
        if folder.is_symlink() or not folder.is_dir():
            return False
        tag = (folder / "CACHEDIR.TAG").read_text(encoding="utf-8")
        return tag == CACHEDIR_TAG and (folder / MARKER).read_text(encoding="utf-8") == MARKER
    except (OSError, UnicodeDecodeError):
        return False


def remove_older_code(root: Path) -> None:
    """The first run of new code (its folder `root` is not there yet): folders of older code
    are dead; remove those that are ours."""
    import shutil

    if root.exists():
        return
    for old in root.parent.glob("v*-*"):
        if is_ours(old):
            shutil.rmtree(old, ignore_errors=True)


def write_atomic(root: Path, target: Path, data: bytes | Iterable[bytes]) -> bool:
    """Put `data` (or its pieces, in order) in `target`, a file under the cache folder `root`,
    whole — or leave it as it was. Whether it was written; a full, read-only or broken cache is
    no reason to fail."""
    import tempfile

    tmp = None
    try:
        if not root.is_dir():
            root.mkdir(parents=True, exist_ok=True)
            # marked as ours, so that newer code may remove it (and backups may skip it)
            (root / "CACHEDIR.TAG").write_text(CACHEDIR_TAG, encoding="utf-8")
            (root / MARKER).write_text(MARKER, encoding="utf-8")
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            if isinstance(data, bytes):
                f.write(data)
            else:
                f.writelines(data)
        os.replace(tmp, target)  # atomic: a racing reader sees the old file or this one
        tmp = None
        return True
    except Exception:
        return False
    finally:
        if tmp is not None:  # nothing half-written is left behind
            with contextlib.suppress(OSError):
                os.unlink(tmp)

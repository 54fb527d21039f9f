"""A cache of parsed progress files, keyed by content, in the user's cache directory.

Parsing YAML is most of the cost of a run; an unchanged file need not be parsed twice. Entries
are keyed by a hash of the file's bytes (so a changed, moved or deleted file is simply another
key), written to a temporary file and renamed into place (so two runs racing both see whole
entries), and any entry that cannot be read is ignored and parsed afresh. `--no-cache` or
WZ_TASKS_NO_CACHE=1 turns it off; WZ_TASKS_CACHE_DIR moves it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

from wz_tasks import __version__
from wz_tasks.yamlsafe import Document

_FORMAT = f"parsed-1-{__version__}"


def default_dir() -> Path:
    if os.environ.get("WZ_TASKS_CACHE_DIR"):
        return Path(os.environ["WZ_TASKS_CACHE_DIR"])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "wz-tasks" / "Cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wz-tasks"


class ParseCache:
    """Parsed documents by the hash of the bytes they were parsed from."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = (root or default_dir()) / _FORMAT
        self.hits = self.misses = 0

    def _path(self, key: bytes) -> str:
        digest = hashlib.blake2b(key, digest_size=20).hexdigest()
        return os.path.join(self.root, digest[:2], digest[2:])

    def load(self, key: bytes) -> Any:
        """What was stored under `key`, or None."""
        try:
            with open(self._path(key), "rb") as f:
                found = pickle.load(f)
        except Exception:  # absent, unreadable or from another version: compute afresh
            self.misses += 1
            return None
        self.hits += 1
        return found

    def store(self, key: bytes, value: Any) -> None:
        target = self._path(key)
        folder = os.path.dirname(target)
        try:
            os.makedirs(folder, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)  # atomic: a racing reader sees the old entry or this one
        except OSError:  # a read-only or full cache is no reason to fail
            pass

    def get(self, data: bytes) -> Document | None:
        """The document parsed from these bytes before, without its locations."""
        found = self.load(data)
        if not (isinstance(found, tuple) and len(found) == 3):
            return None
        value, problems, fatal = found
        return Document(value, None, None, problems, fatal)

    def put(self, data: bytes, doc: Document) -> None:
        # Locations are left out: they are most of the size, and rarely needed.
        self.store(data, (doc.value, doc.problems, doc.fatal))


def enabled(no_cache: bool) -> ParseCache | None:
    if no_cache or os.environ.get("WZ_TASKS_NO_CACHE", "") not in ("", "0"):
        return None
    return ParseCache()

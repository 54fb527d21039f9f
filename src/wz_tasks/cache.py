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
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from wz_tasks import __version__
from wz_tasks.yamlsafe import Document


def _code_fingerprint() -> str:
    """Changes whenever the package's code does: entries hold pickled objects of its classes."""
    here = Path(__file__).resolve().parent
    h = hashlib.blake2b(__version__.encode(), digest_size=6)
    for module in sorted(here.rglob("*.py")):
        st = module.stat()
        h.update(f"{module.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


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
        base = root or default_dir()
        self.root = base / f"v{__version__}-{_code_fingerprint()}"
        self.hits = self.misses = 0
        if not self.root.exists():  # first run of new code: entries of older code are dead
            for old in base.glob("v*-*"):
                shutil.rmtree(old, ignore_errors=True)

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
        found = self._document(self.load(b"content\0" + data))
        return found[0] if found else None

    def put(self, data: bytes, doc: Document, blank: bool) -> None:
        self.store(b"content\0" + data, self._entry(doc, blank))

    # The same documents by file identity and modification time: a file that has not changed
    # since it was parsed is not even read. A changed file has another size or mtime (ns), so
    # it misses here and is read, then found by content if it only moved or was copied.
    def get_unchanged(self, st: os.stat_result) -> tuple[Document, bool] | None:
        return self._document(self.load(self._stat_key(st)))

    def put_unchanged(self, st: os.stat_result, doc: Document, blank: bool) -> None:
        self.store(self._stat_key(st), self._entry(doc, blank))

    @staticmethod
    def _stat_key(st: os.stat_result) -> bytes:
        return f"stat\0{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}".encode()

    @staticmethod
    def _entry(doc: Document, blank: bool) -> tuple[Any, ...]:
        # Locations are left out: they are most of the size, and rarely needed.
        return (doc.value, doc.problems, doc.fatal, blank)

    @staticmethod
    def _document(found: Any) -> tuple[Document, bool] | None:
        if not (isinstance(found, tuple) and len(found) == 4):
            return None
        value, problems, fatal, blank = found
        return Document(value, None, None, problems, fatal), bool(blank)


def enabled(no_cache: bool) -> ParseCache | None:
    if no_cache or os.environ.get("WZ_TASKS_NO_CACHE", "") not in ("", "0"):
        return None
    return ParseCache()

"""A cache of parsed progress files, keyed by content, in the user's cache directory.

Parsing YAML is most of the cost of a run; an unchanged file need not be parsed twice. The parsed
documents of one set of progress paths live in one file, keyed by a hash of each file's bytes (so
a changed, moved or deleted file is simply another key), with an index from (device, inode, size,
mtime) to that hash so that a file unchanged since the last run is not even read. The file is
rewritten whole, to a temporary name and renamed into place (two runs racing each leave a whole
file; the later one wins), holding only what the run used, so deleted files drop out. Anything
unreadable is ignored and parsed afresh. `--no-cache` or WZ_TASKS_NO_CACHE=1 turns it off;
WZ_TASKS_CACHE_DIR moves it.
"""

from __future__ import annotations

import functools
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


@functools.cache
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


# value, problems, fatal, holds a template blank, {task list key: unit} it passed every rule under
Entry = tuple[Any, list[Any], bool, bool, dict[str, str]]
Found = tuple[Document, bool, dict[str, str]]


class ParseCache:
    """Parsed documents by the hash of the bytes they were parsed from."""

    def __init__(self, root: Path | None = None, scope: str = "") -> None:
        base = root or default_dir()
        self.root = base / f"v{__version__}-{_code_fingerprint()}"
        self.hits = self.misses = 0
        if not self.root.exists():  # first run of new code: entries of older code are dead
            for old in base.glob("v*-*"):
                shutil.rmtree(old, ignore_errors=True)
        name = hashlib.blake2b(scope.encode(), digest_size=10).hexdigest()
        self.pack = self.root / f"progress-{name}.pickle"
        self._docs: dict[bytes, Entry] | None = None
        self._stats: dict[str, bytes] = {}
        self._used_docs: dict[bytes, Entry] = {}
        self._used_stats: dict[str, bytes] = {}
        self._changed = False

    # --- parsed progress files ---------------------------------------------------------------

    def _loaded(self) -> dict[bytes, Entry]:
        if self._docs is None:
            try:
                with open(self.pack, "rb") as f:
                    docs, stats = pickle.load(f)
                if not (isinstance(docs, dict) and isinstance(stats, dict)):
                    raise TypeError("not a cache file")
            except Exception:  # absent, unreadable or foreign: start empty
                docs, stats = {}, {}
            self._docs, self._stats = docs, stats
        return self._docs

    @staticmethod
    def _digest(data: bytes) -> bytes:
        return hashlib.blake2b(data, digest_size=20).digest()

    def _use(self, digest: bytes | None) -> Found | None:
        entry = self._loaded().get(digest) if digest is not None else None
        if not (isinstance(entry, tuple) and len(entry) == 5 and isinstance(entry[4], dict)):
            self.misses += 1
            return None
        self.hits += 1
        self._used_docs[digest] = entry  # type: ignore[index]
        value, problems, fatal, blank, passed = entry
        return Document(value, None, None, problems, fatal), bool(blank), passed

    def get(self, data: bytes) -> Found | None:
        """The document parsed from these bytes before (without its locations), whether it holds
        a template blank, and the task lists it passed every rule under (a dict to add to)."""
        return self._use(self._digest(data))

    def put(self, data: bytes, doc: Document, blank: bool) -> dict[str, str]:
        # Locations are left out: they are most of the size, and rarely needed.
        entry: Entry = (doc.value, doc.problems, doc.fatal, blank, {})
        self._loaded()[self._digest(data)] = entry
        self._used_docs[self._digest(data)] = entry
        self._changed = True
        return entry[4]

    def learned(self) -> None:
        """Something was added to an entry's record of task lists it passed."""
        self._changed = True

    def get_unchanged(self, st: os.stat_result) -> Found | None:
        """The document of a file not changed since it was parsed (same inode, size, mtime)."""
        self._loaded()
        key = self._stat_key(st)
        found = self._use(self._stats.get(key))
        if found is not None:
            self._used_stats[key] = self._stats[key]
        return found

    def put_unchanged(self, st: os.stat_result, data: bytes) -> None:
        self._loaded()
        key, digest = self._stat_key(st), self._digest(data)
        self._stats[key] = self._used_stats[key] = digest
        self._changed = True

    @staticmethod
    def _stat_key(st: os.stat_result) -> str:
        return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"

    def save(self) -> None:
        """Keep what this run used (and only that), if it differs from what was there."""
        if self._docs is None:
            return
        if not self._changed and len(self._used_docs) == len(self._docs):
            return
        self._write(self.pack, (self._used_docs, self._used_stats))

    # --- other things worth keeping (the task list) --------------------------------------------

    def _path(self, key: bytes) -> Path:
        return self.root / f"object-{hashlib.blake2b(key, digest_size=20).hexdigest()}.pickle"

    def load(self, key: bytes) -> Any:
        """What was stored under `key`, or None."""
        try:
            with open(self._path(key), "rb") as f:
                return pickle.load(f)
        except Exception:  # absent, unreadable or from another version: compute afresh
            return None

    def store(self, key: bytes, value: Any) -> None:
        self._write(self._path(key), value)

    def _write(self, target: Path, value: Any) -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)  # atomic: a racing reader sees the old file or this one
        except OSError:  # a read-only or full cache is no reason to fail
            pass


def enabled(no_cache: bool, paths: list[Path] | None = None) -> ParseCache | None:
    """The cache for a run over these progress paths, unless turned off."""
    if no_cache or os.environ.get("WZ_TASKS_NO_CACHE", "") not in ("", "0"):
        return None
    scope = "\0".join(sorted(os.path.abspath(p) for p in paths or [Path("progress")]))
    return ParseCache(scope=scope)

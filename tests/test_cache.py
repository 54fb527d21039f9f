"""The parse cache: correct when files change, move or vanish; safe to lose; can be turned off."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLE
from typer.testing import CliRunner

from wz_tasks import cache as cache_module
from wz_tasks import cachedir
from wz_tasks.cache import ParseCache
from wz_tasks.cli import app
from wz_tasks.load import parse_report

OK = "unit: 盐池县\ndate: 2025-12-20\nentries:\n  - task: 4\n    value: 62\n"


def status(folder: Path, cache: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(
        app,
        ["status", "--progress", str(folder), "--as-of", "2026-11-27", "--format", "json", *extra],
        env={"WZ_TASKS_CACHE_DIR": str(cache)},
    )
    return json.loads(result.stdout)


def test_cached_run_gives_the_same_answer(tmp_path: Path) -> None:
    first = status(SAMPLE, tmp_path / "c")
    assert any((tmp_path / "c").rglob("*")), "the first run fills the cache"
    assert status(SAMPLE, tmp_path / "c") == first
    assert status(SAMPLE, tmp_path / "c", "--no-cache") == first


def test_changed_file_is_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    assert status(folder, tmp_path / "c")["summary"]["overdue"] == 2
    target = folder / "2026-11-20-同心县.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("value: 58", "value: 61"), encoding="utf-8"
    )
    assert status(folder, tmp_path / "c")["summary"]["overdue"] == 1


def test_moved_and_deleted_files(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    status(folder, tmp_path / "c")
    (folder / "old").mkdir()
    (folder / "2026-11-20-同心县.yaml").rename(folder / "old" / "moved.yaml")
    data = status(folder, tmp_path / "c")
    paths = {u["latest"]["path"] for t in data["tasks"] for u in t["units"] if u["latest"]}
    assert str(folder / "old" / "moved.yaml") in paths
    (folder / "old" / "moved.yaml").unlink()
    data = status(folder, tmp_path / "c")
    t4 = next(t for t in data["tasks"] if t["id"] == 4)
    assert t4["units"][4]["last_report"] == "2026-09-30"


def test_locations_are_right_for_a_cached_file(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path / "c")
    bad = (OK + "  - task: 99\n").encode()
    path = tmp_path / "bad.yaml"
    path.write_bytes(bad)
    parse_report(str(path), bad, cache)
    again = parse_report(str(path), bad, cache)
    assert cache.hits == 1
    assert again.loc("entries", 1, "task") == (6, 11)


@pytest.mark.parametrize(
    "junk",
    [
        b"",
        b"not a pickle",
        b"\x80\x05N.",
        b"\x80\x05K\x01.",
        b"{}",
        b'["wz-tasks-cache-1"',
        b'["another-format", {"docs": {}, "stats": {}}]',
        b'["wz-tasks-cache-1", {"docs": [], "stats": {}}]',
        b"[" * 100_000,
    ],
)
def test_a_broken_cache_file_is_ignored(tmp_path: Path, junk: bytes) -> None:
    cache = ParseCache(tmp_path / "c")
    parse_report("a.yaml", OK.encode(), cache)
    cache.save()
    assert cache.pack.exists()
    cache.pack.write_bytes(junk)
    again = ParseCache(tmp_path / "c")
    pr = parse_report("a.yaml", OK.encode(), again)
    assert pr.report is not None and pr.report.unit == "盐池县"
    assert again.hits == 0


def test_the_cache_keeps_only_what_a_run_used(tmp_path: Path) -> None:
    first = ParseCache(tmp_path / "c")
    parse_report("a.yaml", OK.encode(), first)
    parse_report("b.yaml", OK.replace("62", "63").encode(), first)
    first.save()
    second = ParseCache(tmp_path / "c")
    parse_report("a.yaml", OK.encode(), second)
    second.save()
    third = ParseCache(tmp_path / "c")
    parse_report("b.yaml", OK.replace("62", "63").encode(), third)
    assert third.hits == 0  # b's entry went with the run that no longer read b


def test_an_unwritable_cache_is_no_error(tmp_path: Path) -> None:
    (tmp_path / "c").write_text("a file where the folder should be")
    cache = ParseCache(tmp_path / "c")
    pr = parse_report("a.yaml", OK.encode(), cache)
    assert pr.report is not None


def test_unchanged_file_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wz_tasks.load import read_report

    monkeypatch.setattr(cachedir, "RECENT_NS", 0)  # as if the file were written long ago
    path = tmp_path / "r.yaml"
    path.write_text(OK, encoding="utf-8")
    cache = ParseCache(tmp_path / "c")
    read_report(path, cache)
    hits = cache.hits
    assert read_report(path, cache).report is not None
    assert cache.hits == hits + 1
    # same size, new content, new mtime: read and parsed afresh
    path.write_text(OK.replace("62", "63"), encoding="utf-8")
    assert read_report(path, cache).report.entries[0].value == 63  # type: ignore[union-attr]


def test_a_file_that_passed_is_not_checked_again_but_still_dated(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    filled = OK + "    progress: 已组建31个小区业委会\n"  # a valid file (SPEC §9: progress text)
    (folder / "r.yaml").write_text(filled, encoding="utf-8")
    env = {"WZ_TASKS_CACHE_DIR": str(tmp_path / "c")}
    args = ["check", "--progress", str(folder), "--format", "json"]
    first = CliRunner().invoke(app, [*args, "--as-of", "2026-11-27"], env=env)
    assert first.exit_code == 0
    # the same file, remembered as clean: the date rule still applies on another day
    again = CliRunner().invoke(app, [*args, "--as-of", "2025-12-01"], env=env)
    assert [d["code"] for d in json.loads(again.stdout)["diagnostics"]] == ["WZ118"]
    # and under another task list the rules run again
    other = tmp_path / "tasks"
    shutil.copytree(Path(__file__).resolve().parents[1] / "tasks", other)
    units = other / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8").replace("aliases: [盐池县]", "aliases: []"),
        encoding="utf-8",
    )
    third = CliRunner().invoke(
        app, [*args, "--as-of", "2026-11-27", "--tasks", str(other)], env=env
    )
    assert [d["code"] for d in json.loads(third.stdout)["diagnostics"]] == ["WZ106"]


# --- the cache holds data only, and is never trusted with more than data ----------------------


class _Payload:
    """What a planted pickle would run on loading: it creates a file."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.target), "w"))


def _run(args: list[str], cache: Path, no_cache: bool = False) -> tuple[int, str]:
    env = {"WZ_TASKS_CACHE_DIR": str(cache), "WZ_TASKS_NO_CACHE": "1" if no_cache else ""}
    result = CliRunner().invoke(app, args, env=env)
    return result.exit_code, result.stdout


STATUS = ["status", "--progress", str(SAMPLE), "--as-of", "2026-11-27", "--format", "json"]
COMMANDS = [
    STATUS,
    ["check", "--progress", str(SAMPLE), "--as-of", "2026-11-27", "--format", "json"],
    ["units", "--format", "json"],
    ["tasks", "--format", "json"],
    ["schema"],
    ["report", "--unit", "盐池县", "--progress", str(SAMPLE), "--as-of", "2026-11-27"],
]


def _plant(cache: Path, content: bytes) -> int:
    """Put `content` in place of every file the cache holds; how many there were."""
    files = [f for f in cache.rglob("*.json")]
    for f in files:
        f.write_bytes(content)
    return len(files)


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_a_planted_pickle_runs_no_code(tmp_path: Path, args: list[str]) -> None:
    import pickle

    cache, target = tmp_path / "c", tmp_path / "pwned"
    pickle.loads(pickle.dumps(_Payload(tmp_path / "live"))).close()
    assert (tmp_path / "live").exists(), "the payload does run when unpickled"
    expected = _run(args, cache, no_cache=True)
    _run(args, cache)
    assert _plant(cache, pickle.dumps(_Payload(target))) >= 1
    (cache / "v0-planted").mkdir()
    (cache / "v0-planted" / "progress-x.pickle").write_bytes(pickle.dumps(_Payload(target)))
    assert _run(args, cache) == expected
    assert not target.exists()


def _entries(cache: Path) -> tuple[Path, list]:  # type: ignore[type-arg]
    (pack,) = cache.rglob("progress-*.json")
    return pack, json.loads(pack.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "spoil",
    [
        lambda e: e.update(doc=[]),
        lambda e: e["doc"].update(problems="none"),
        lambda e: e["doc"].update(problems=[{"\0p": ["WZ001", "1", 1, {}, None]}]),
        lambda e: e["doc"].update(problems=[{"\0p": ["WZ001", 1]}]),
        lambda e: e["doc"].update(fatal="no"),
        lambda e: e["doc"].pop("fatal"),
        lambda e: e["doc"].update(extra=1),
        lambda e: e.update(blank=0),
        lambda e: e.update(passed={"key": 1}),
        lambda e: e["doc"].update(value={"\0date": "2025-13-45"}),
        lambda e: e["doc"].update(value={"\0tuple": 5}),
        lambda e: e["doc"].update(value={"\0map": [[[1], 2]]}),
        lambda e: e["doc"].update(value={"\0invalid-date": 20251345}),
    ],
)
def test_a_cache_entry_of_a_surprising_shape_is_ignored(tmp_path: Path, spoil: object) -> None:
    cache = tmp_path / "c"
    expected = _run(STATUS, cache, no_cache=True)
    _run(STATUS, cache)
    pack, (form, data) = _entries(cache)
    for entry in data["docs"].values():
        spoil(entry)  # type: ignore[operator]
    pack.write_text(json.dumps([form, data]), encoding="utf-8")
    assert _run(STATUS, cache) == expected


@pytest.mark.parametrize(
    "spoil",
    [
        lambda r: r["data"]["policy"].update(reporting_interval_days=0),
        lambda r: r["data"]["policy"].update(effective=20250101),
        lambda r: r["data"]["policy"].update(expires="2020-01-01"),
        lambda r: r["data"]["tasks"][0].update(lead=[]),
        lambda r: r["data"]["tasks"][0].update(lead=["没有这个单位"]),
        lambda r: r["data"]["tasks"][0].update(id=True),
        lambda r: r["data"]["tasks"][0].update(unknown=1),
        lambda r: r["data"]["tasks"][3]["indicators"][0].update(key="Bad Key"),
        lambda r: r["data"]["tasks"][3]["indicators"][0]["milestones"][0].update(target=1e999),
        lambda r: r["data"]["units"][0].update(kind="alien"),
        lambda r: r["data"].pop("tasks"),
        lambda r: r.update(task_locs=[[1, "tasks/tasks.yaml", "one", 1]]),
        lambda r: r.update(key=None),
        lambda r: r.clear(),
    ],
)
def test_a_task_list_record_that_does_not_fit_is_ignored(tmp_path: Path, spoil: object) -> None:
    cache = tmp_path / "c"
    expected = _run(STATUS, cache, no_cache=True)
    _run(STATUS, cache)
    (record_file,) = cache.rglob("object-*.json")
    form, record = json.loads(record_file.read_text(encoding="utf-8"))
    spoil(record)  # type: ignore[operator]
    record_file.write_text(json.dumps([form, record]), encoding="utf-8")
    assert _run(STATUS, cache) == expected


def test_a_task_list_from_the_cache_is_the_task_list_read(tmp_path: Path) -> None:
    from wz_tasks.load import load_task_list

    fresh = load_task_list(None, ParseCache(tmp_path / "c"))
    cached = load_task_list(None, ParseCache(tmp_path / "c"))
    assert list((tmp_path / "c").rglob("object-*.json")), "the task list was stored"
    for name in ("policy", "categories", "tasks", "source", "task_locs", "key"):
        assert getattr(cached, name) == getattr(fresh, name), name
    assert cached.registry.units == fresh.registry.units
    assert cached.registry.groups == fresh.registry.groups
    assert cached.leads(cached.tasks[4]) == fresh.leads(fresh.tasks[4])


def test_a_task_list_the_cache_cannot_give_back_exactly_is_not_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wz_tasks.load import load_task_list

    rebuild = cache_module.task_list_from_record

    def lossy(record: object, source: str) -> object:  # as if a field were dropped on the way
        tl = rebuild(record, source)
        if tl is not None:
            tl.tasks.pop(max(tl.tasks))
        return tl

    monkeypatch.setattr(cache_module, "task_list_from_record", lossy)
    fresh = load_task_list(None, ParseCache(tmp_path / "c"))
    assert len(fresh.tasks) == 20
    assert list((tmp_path / "c").rglob("object-*.json")) == []


def test_dates_invalid_dates_and_problems_come_back_as_they_were(tmp_path: Path) -> None:
    text = OK.replace("date: 2025-12-20", "date: 2025-13-01") + "    done_on: 2025-12-01\n"
    ParseCache(tmp_path / "c")
    first = ParseCache(tmp_path / "c")
    parsed = parse_report("a.yaml", text.encode(), first)
    first.save()
    again = ParseCache(tmp_path / "c")
    cached = parse_report("a.yaml", text.encode(), again)
    assert again.hits == 1
    assert cached.diagnostics == parsed.diagnostics
    assert [d.code for d in cached.diagnostics] == ["WZ105"]
    assert cached.usable == parsed.usable
    assert cached.usable is not None and cached.usable.entries[0][1].done_on.isoformat() == (
        "2025-12-01"
    )


# --- clean-up removes only what the tool made ---------------------------------------------------


def test_clean_up_keeps_a_users_folder_that_looks_like_an_old_cache(tmp_path: Path) -> None:
    base = tmp_path / "shared"
    mine = base / "v0.0.1-abcdef"  # the user's own, named like an old cache version
    mine.mkdir(parents=True)
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    other_tool = base / "v2-cache"  # another tool's cache: a CACHEDIR.TAG but not our marker
    other_tool.mkdir()
    (other_tool / "CACHEDIR.TAG").write_text(cachedir.CACHEDIR_TAG, encoding="utf-8")
    old = ParseCache(base)
    old.root = base / "v0.0.0-0ld"  # a cache made by older code
    old.pack = old.root / "progress-x.json"
    parse_report("a.yaml", OK.encode(), old)
    old.save()
    assert (
        (old.root / "CACHEDIR.TAG")
        .read_text(encoding="utf-8")
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    shutil.rmtree(ParseCache(base).root, ignore_errors=True)

    ParseCache(base)  # new code's first run clears old caches

    assert not old.root.exists()
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert (other_tool / "CACHEDIR.TAG").exists()


# --- a file swapped in place ----------------------------------------------------------------------


def test_a_file_swapped_with_its_old_size_and_mtime_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import time

    from wz_tasks.load import read_report

    monkeypatch.setattr(cachedir, "RECENT_NS", 0)  # index the file however new it is
    path = tmp_path / "r.yaml"
    path.write_text(OK, encoding="utf-8")
    before = path.stat()
    cache = ParseCache(tmp_path / "c")
    assert read_report(path, cache).report.entries[0].value == 62  # type: ignore[union-attr]
    time.sleep(0.05)  # past the file system clock's tick
    path.write_text(OK.replace("62", "63"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    )
    assert read_report(path, cache).report.entries[0].value == 63  # type: ignore[union-attr]


def test_a_file_changed_a_moment_ago_is_not_known_by_its_stat(tmp_path: Path) -> None:
    # Another change within the same tick of the file system's clock would keep the same stat.
    path = tmp_path / "r.yaml"
    path.write_text(OK, encoding="utf-8")
    cache = ParseCache(tmp_path / "c")
    parse_report(str(path), OK.encode(), cache)
    cache.put_unchanged(path.stat(), OK.encode())
    assert cache.get_unchanged(path.stat()) is None


# --- a failed write leaves nothing behind ------------------------------------------------------


def _raise(exc: BaseException) -> object:
    def fail(*args: object, **kwargs: object) -> None:
        raise exc

    return fail


class _FullDisk:
    """A file whose writes fail as on a full disk."""

    def __init__(self, fd: int, mode: str) -> None:
        import os

        self._f = os.fdopen(fd, mode)

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self._f.close()

    def write(self, data: bytes) -> int:
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize(
    ("name", "replacement"),
    [
        ("replace", _raise(OSError(30, "Read-only file system"))),
        ("replace", _raise(RuntimeError("unexpected"))),
        ("fdopen", _FullDisk),
    ],
    ids=["rename-fails", "rename-raises", "disk-full"],
)
def test_a_failed_cache_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, replacement: object
) -> None:
    cache = tmp_path / "c"
    expected = _run(STATUS, cache, no_cache=True)
    monkeypatch.setattr(cache_module.os, name, replacement)
    assert _run(STATUS, cache) == expected
    assert list(cache.rglob(".tmp-*")) == []
    assert list(cache.rglob("*.json")) == []

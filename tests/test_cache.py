"""The parse cache: correct when files change, move or vanish; safe to lose; can be turned off."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLE
from typer.testing import CliRunner

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


@pytest.mark.parametrize("junk", [b"", b"not a pickle", b"\x80\x05N.", b"\x80\x05K\x01."])
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


def test_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    from wz_tasks.load import read_report

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

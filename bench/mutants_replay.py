"""Hand-picked mutants of the replay (replay.py, inputs.py, streams.py and the hooks that note
what a run read); each must fail a test of tests/test_replay*.py or of the CLI's tests of colour, pipes and exit codes.

    python bench/mutants_replay.py     # from the repository root; about 10 minutes

mutmut (bench/mutation.sh) cannot take these modules: most of their tests run the command in
another process, which its per-test coverage does not follow, and each takes seconds. So each
mutant here is one change a careless edit could make (a field left out of a file's status, a
check skipped, a path not noted), applied to a scratch copy of the committed code (a git
worktree), tested, and reverted. Prints KILLED or SURVIVED per mutant; exits 1 if any survived.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

S = "src/wz_tasks/"
MUTANTS = [
    (
        "inputs: ctime left out of a signature",
        S + "inputs.py",
        "st.st_mtime_ns, st.st_ctime_ns)",
        "st.st_mtime_ns, 0)",
    ),
    (
        "inputs: inode left out",
        S + "inputs.py",
        "(st.st_mode, st.st_dev, st.st_ino,",
        "(st.st_mode, st.st_dev, 0,",
    ),
    ("inputs: size left out", S + "inputs.py", "st.st_ino, st.st_size,", "st.st_ino, 0,"),
    (
        "inputs: note never records",
        S + "inputs.py",
        "    if _seen is not None:\n        key = os.fspath(path)",
        "    if _seen is None:\n        key = os.fspath(path)",
    ),
    (
        "inputs: probe never records",
        S + "inputs.py",
        "    if _seen is not None:\n        _seen[os.fspath(path)]",
        "    if False:\n        _seen[os.fspath(path)]",
    ),
    (
        "inputs: first note wins",
        S + "inputs.py",
        "        _seen[key] = signature(st) if st is not None else current(key)",
        "        _seen.setdefault(key, signature(st) if st is not None else current(key))",
    ),
    (
        "replay: --no-cache replayed",
        S + "replay.py",
        '_NEVER = frozenset({"--no-cache", ',
        "_NEVER = frozenset({",
    ),
    (
        "replay: -o replayed",
        S + "replay.py",
        'elif arg.startswith("-o") and command is not None:',
        "elif False:",
    ),
    (
        "replay: WZ_TASKS_NO_CACHE ignored",
        S + "replay.py",
        'if env.get("WZ_TASKS_NO_CACHE", "") not in ("", "0"):',
        "if False:",
    ),
    ("replay: argv not in key", S + "replay.py", "        argv,\n        cwd,", "        cwd,"),
    ("replay: cwd not in key", S + "replay.py", "        argv,\n        cwd,", "        argv,"),
    (
        "replay: env not in key",
        S + "replay.py",
        "        sorted(kv for kv in os.environ.items() if kv[0] not in SHELL_ONLY),",
        "",
    ),
    (
        "replay: today not in moment",
        S + "replay.py",
        "return [inputs.today_in_china().isoformat(), [_terminal(fd) for fd in (0, 1, 2)]]",
        "return [[_terminal(fd) for fd in (0, 1, 2)]]",
    ),
    (
        "replay: terminal not in moment",
        S + "replay.py",
        "return [inputs.today_in_china().isoformat(), [_terminal(fd) for fd in (0, 1, 2)]]",
        "return [inputs.today_in_china().isoformat()]",
    ),
    (
        "replay: inputs not verified",
        S + "replay.py",
        "        if inputs.current(item[0]) != then:\n            return None",
        "        pass",
    ),
    (
        "replay: exit 3 accepted",
        S + "replay.py",
        "type(code) is not int or code > 1:",
        "type(code) is not int or code > 3:",
    ),
    (
        "replay: output not checked on replay",
        S + "replay.py",
        "        if not shows_safely(data, stream.encoding):\n            return None\n    return chunks, code",
        "    return chunks, code",
    ),
    (
        "replay: workflow commands allowed",
        S + "replay.py",
        'return visible(text, keep="\\n") == text and guard_lines(text) == text',
        'return visible(text, keep="\\n") == text',
    ),
    (
        "replay: escapes allowed",
        S + "replay.py",
        'return visible(text, keep="\\n") == text and guard_lines(text) == text',
        "return guard_lines(text) == text",
    ),
    (
        "replay: broad SGR",
        S + "replay.py",
        '_SGR = re.compile(r"\\x1b\\[[0-9;]*m")',
        '_SGR = re.compile(r"\\x1b\\S*")',
    ),
    (
        "replay: exit 2 kept",
        S + "replay.py",
        "if code in (0, 1) and capture.whole",
        "if code in (0, 1, 2) and capture.whole",
    ),
    (
        "replay: broken capture kept",
        S + "replay.py",
        "if code in (0, 1) and capture.whole and",
        "if code in (0, 1) and",
    ),
    (
        "replay: moment not rechecked",
        S + "replay.py",
        "capture.whole and _moment() == now:",
        "capture.whole:",
    ),
    (
        "replay: recent inputs kept",
        S + "replay.py",
        "    if any(sig is not None and cachedir.recent(sig[4], sig[5], now) for sig in seen.values()):\n        return",
        "    pass",
    ),
    (
        "replay: output not checked on keep",
        S + "replay.py",
        "            return  # e.g. GitHub",
        "            pass  # e.g. GitHub",
    ),
    (
        "replay: no libraries",
        S + "replay.py",
        "kept = {**_code_files(), **seen}",
        "kept = {**seen}",
    ),
    (
        "replay: KEEP off by one",
        S + "replay.py",
        "records[: max(0, len(records) - KEEP)]",
        "records[: max(0, len(records) - KEEP - 1)]",
    ),
    (
        "replay: stale tmp kept",
        S + "replay.py",
        'left = [f for f in found if f[1].startswith(".tmp-") and f[0] < stale]',
        "left = []",
    ),
    (
        "replay: other users' records read",
        S + "replay.py",
        "st.st_uid != os.geteuid():",
        "st.st_uid == -1:",
    ),
    (
        "replay: broken pipe not quiet",
        S + "replay.py",
        "            if number == 1:\n                stdout_to_devnull()\n                gone = True",
        "            raise",
    ),
    (
        "streams: chunks not kept",
        S + "streams.py",
        "        self._capture.chunks.append((self._number, data))",
        "        pass",
    ),
    (
        "streams: failed write kept",
        S + "streams.py",
        "        except BaseException:\n            self._capture.whole = False\n            raise\n        self._capture.chunks",
        "        except BaseException:\n            raise\n        self._capture.chunks",
    ),
    (
        "streams: isatty lies",
        S + "streams.py",
        "        return bool(self._stream.isatty())",
        "        return False",
    ),
    (
        "load: folder not noted",
        S + "load.py",
        "        inputs.note(folder)  # a name added",
        "        pass  # a name added",
    ),
    (
        "load: links not noted",
        S + "load.py",
        "inputs.note(entry.path)  # where it leads",
        "pass  # where it leads",
    ),
    (
        "load: read file not noted",
        S + "load.py",
        "        inputs.note(path, st)\n        return data, st",
        "        return data, st",
    ),
    (
        "load: task list root not noted",
        S + "load.py",
        "    inputs.note(root)  # its files",
        "    pass  # its files",
    ),
    (
        "config: probe not noted",
        S + "config.py",
        "st = inputs.probe(candidate)",
        "st = os.stat(candidate) if os.path.exists(candidate) else None",
    ),
    (
        "workspace: missing path not noted",
        S + "workspace.py",
        "    inputs.note(path)  # a progress path made",
        "    pass  # a progress path made",
    ),
    (
        "cachedir: mtime left out",
        S + "cachedir.py",
        'found.append(f"{entry.path}:{st.st_size}:{st.st_mtime_ns}")',
        'found.append(f"{entry.path}:{st.st_size}")',
    ),
]
REPO = Path(__file__).resolve().parents[1]
ROOT = Path(tempfile.mkdtemp(prefix="wz-mutants-")) / "wt"
subprocess.run(["git", "worktree", "add", "-q", "--detach", str(ROOT)], cwd=REPO, check=True)
env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
killed = 0
for name, file, old, new in MUTANTS:
    p = ROOT / file
    text = p.read_text(encoding="utf-8")
    if text.count(old) != 1:
        print(f"?? {name}: pattern found {text.count(old)} times", flush=True)
        continue
    p.write_text(text.replace(old, new), encoding="utf-8")
    t = time.time()
    try:
        tests = [f"tests/test_{name}.py" for name in ("replay", "replay_redteam", "finish")]
        tests += ["tests/test_commands.py", "tests/test_cli.py"]  # colour, pipes, exit codes
        r = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=400,
        )
        dead = r.returncode != 0
        why = (r.stdout.strip().splitlines() or ["?"])[-1]
    except subprocess.TimeoutExpired:
        dead, why = True, "timeout"
    finally:
        p.write_text(text, encoding="utf-8")
    killed += dead
    print(f"{'KILLED ' if dead else 'SURVIVED'} {name} ({time.time() - t:.0f} s) {why}", flush=True)
subprocess.run(["git", "worktree", "remove", "--force", str(ROOT)], cwd=REPO, check=False)
print(f"{killed}/{len(MUTANTS)} killed")
sys.exit(0 if killed == len(MUTANTS) else 1)

#!/usr/bin/env bash
# Mutation testing of the evaluator, the schedule modules and the check rules (issue 8).
#   bash bench/mutation.sh          # from the repository root, with the venv of README "Development"
# Config: [tool.mutmut] in pyproject.toml. mutmut works in ./mutants (git-ignored); a second run
# re-tests only what changed. Prints killed/total per module and the surviving mutants' names;
# `mutmut show NAME` prints one as a diff. Exits 1 when the score is under 92 %.
set -eu
cd "$(dirname "$0")/.."
BIN="${VIRTUAL_ENV:-.venv}/bin"
# PYTHONPATH=src: subprocesses import the mutants (mutants/src), not the editable install.
# bash, not sh: test_shell_completion finds the calling shell, and sh has no completion.
PYTHONPATH=src nice -n 10 "$BIN/mutmut" run --max-children "${JOBS:-2}"
echo
exec "$BIN/python" - <<'PY'
import json, sys
from collections import Counter
from pathlib import Path

DETECTED = {1, 3, 36, 37, -24, 24, 152, 255}  # killed, timed out or caught by the type check
per, survivors = {}, []
for meta in sorted(Path("mutants/src").rglob("*.py.meta")):
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    if not codes:
        continue
    module = str(meta.relative_to("mutants/src"))[: -len(".meta")]
    killed = sum(c in DETECTED for c in codes.values())
    per[module] = (killed, len(codes))
    survivors += [k for k, c in codes.items() if c not in DETECTED]
width = max(map(len, per))
for module, (k, n) in per.items():
    print(f"{module:<{width}}  {k:>4}/{n:<4} {100 * k / n:5.1f} %")
k, n = sum(v[0] for v in per.values()), sum(v[1] for v in per.values())
print(f"{'total':<{width}}  {k:>4}/{n:<4} {100 * k / n:5.1f} %")
print("not killed:", *survivors, sep="\n  ") if survivors else None
sys.exit(0 if k >= 0.92 * n else 1)
PY

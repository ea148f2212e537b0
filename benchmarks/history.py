"""The benchmarks' history: one JSON line per run in ``benchmarks/results/<benchmark>.jsonl``.

Each line holds the commit (``git rev-parse HEAD`` when there is a repository) and whether
``src/`` had changes not committed (``uncommitted``: then the figures are not the commit's), the UTC time, the
machine load (``os.getloadavg()``) and CPU count, the figures of the run and the names of the
figures where lower is better (seconds, cost ratios). ``compare_history.py`` reads them back.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def current_commit(*, cwd: Path | None = None) -> str | None:
    """The commit checked out, read-only.

    Args:
        cwd: a folder inside the repository (default: the benchmarks' own).

    Returns:
        The commit hash, or None when git or the repository is not there.
    """
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=cwd or Path(__file__).resolve().parent,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    commit = done.stdout.strip()
    return commit if done.returncode == 0 and commit else None


def uncommitted(*, cwd: Path | None = None) -> bool | None:
    """Whether the code measured differs from the commit: changes to ``src/`` not committed (None
    without git). A figure measured on them is not the commit's."""
    root = cwd or Path(__file__).resolve().parents[1]
    try:
        done = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"], cwd=root, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return bool(done.stdout.strip()) if done.returncode == 0 else None


def make_entry(
    benchmark: str, figures: Mapping[str, float], *, lower_is_better: Iterable[str] = (), commit: str | None = None
) -> dict[str, Any]:
    """One history entry for a run, stamped with the machine's state now.

    Args:
        benchmark: the benchmark's name (the file is ``<benchmark>.jsonl``).
        figures: name → number.
        lower_is_better: names of the figures where a smaller number is an improvement.
        commit: the commit measured (default: ``git rev-parse HEAD``, None without git).

    Returns:
        The entry, ready for :func:`append`.
    """
    if not benchmark or "/" in benchmark:
        raise ValueError(f"benchmark name must be a plain file stem, got {benchmark!r}")
    unknown = sorted(set(lower_is_better) - set(figures))
    if unknown:
        raise ValueError(f"lower_is_better names figures that are not there: {', '.join(unknown)}")
    for name, value in figures.items():
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise TypeError(f"figure {name!r} must be a number, got {type(value).__name__}")
    try:
        load: list[float] | None = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = None
    return {
        "benchmark": benchmark,
        "commit": commit if commit is not None else current_commit(),
        "uncommitted": uncommitted() if commit is None else None,
        "time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "load": load,
        "cpus": os.cpu_count(),
        "figures": dict(figures),
        "lower_is_better": sorted(set(lower_is_better)),
    }


def append(entry: Mapping[str, Any], *, results: Path = RESULTS) -> Path:
    """Append an entry as one JSON line to its benchmark's file.

    Args:
        entry: from :func:`make_entry`.
        results: the folder of the history files (created when missing).

    Returns:
        The file written to.
    """
    results.mkdir(parents=True, exist_ok=True)
    path = results / f"{entry['benchmark']}.jsonl"
    with path.open("a", encoding="utf-8") as file:
        file.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
    return path


def record(
    benchmark: str, figures: Mapping[str, float], *, lower_is_better: Iterable[str] = (), results: Path = RESULTS
) -> Path:
    """Make an entry for a run and append it to the history (what the scripts call).

    Args:
        benchmark: the benchmark's name.
        figures: name → number.
        lower_is_better: names of the figures where a smaller number is an improvement.
        results: the folder of the history files.

    Returns:
        The file written to.
    """
    return append(make_entry(benchmark, figures, lower_is_better=lower_is_better), results=results)


def measured(figures: Mapping[str, float | None]) -> dict[str, float]:
    """The figures that were measured: None, NaN and infinite values left out.

    A benchmark that skips a part, or divides by a zero count, prints a dash or NaN; its history
    holds only what it measured.

    Args:
        figures: name → number, None or NaN.

    Returns:
        The finite numbers, in the same order.
    """
    return {
        name: value
        for name, value in figures.items()
        if value is not None and not (isinstance(value, float) and not math.isfinite(value))
    }


def read(path: Path) -> list[dict[str, Any]]:
    """The entries of one history file, oldest first.

    Args:
        path: a ``<benchmark>.jsonl`` file.

    Returns:
        The entries; blank lines are skipped.
    """
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number}: not a JSON line ({error.msg})") from None
        if not isinstance(entry, dict) or not isinstance(entry.get("figures"), dict):
            raise ValueError(f"{path}:{number}: not a history entry (no 'figures' object)")
        entries.append(entry)
    return entries

"""The latest figures of each benchmark against the previous run's, so that a regression shows.

    .venv/bin/python benchmarks/compare_history.py [--results benchmarks/results] [--threshold 10]

Reads ``<benchmark>.jsonl`` in the results folder (written by the scripts, see history.py) and
prints, per benchmark, each figure's previous and latest value and the change; a change beyond
--threshold percent in the wrong direction is marked ``WORSE`` (``better`` in the right one).
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from history import RESULTS, read


def _stamp(entry: Mapping[str, Any]) -> str:
    commit = (entry.get("commit") or "no commit")[:10]
    load = entry.get("load")
    load_text = f"load {load[0]:.2f}" if load else "load ?"
    return f"{entry.get('time', '?')} {commit} {load_text}/{entry.get('cpus', '?')} cpus"


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"


def _verdict(name: str, previous: float, latest: float, lower: set[str], threshold: float) -> str:
    if previous == 0:
        return "" if latest == 0 else "changed"
    change = (latest - previous) / abs(previous) * 100
    if abs(change) <= threshold:
        return ""
    worse = change > 0 if name in lower else change < 0
    return "WORSE" if worse else "better"


def compare(entries: list[dict[str, Any]], *, threshold: float = 10.0) -> str:
    """The latest entry of one benchmark against the one before it.

    Args:
        entries: the benchmark's history, oldest first (:func:`history.read`).
        threshold: percent change beyond which a figure is marked ``WORSE`` or ``better``.

    Returns:
        Lines of text: a heading, then one line per figure of the latest run.
    """
    if not entries:
        raise ValueError("no history entries to compare")
    latest = entries[-1]
    name = latest.get("benchmark", "?")
    if len(entries) == 1:
        lines = [f"{name}: first run ({_stamp(latest)}), nothing to compare with"]
        lines += [f"  {figure:<40}{_number(value):>14}" for figure, value in latest["figures"].items()]
        return "\n".join(lines)
    previous = entries[-2]
    lower = set(latest.get("lower_is_better", []))
    lines = [f"{name}: latest {_stamp(latest)} against previous {_stamp(previous)}"]
    for figure, value in latest["figures"].items():
        before = previous["figures"].get(figure)
        if before is None:
            lines.append(f"  {figure:<40}{'new':>14}{_number(value):>14}")
            continue
        change = f"{(value - before) / abs(before) * 100:+.1f} %" if before else "n/a"
        verdict = _verdict(figure, before, value, lower, threshold)
        lines.append(f"  {figure:<40}{_number(before):>14}{_number(value):>14}{change:>10}  {verdict}".rstrip())
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder of the <benchmark>.jsonl files")
    parser.add_argument("--threshold", type=float, default=10.0, help="percent change that is marked")
    args = parser.parse_args()
    files = sorted(args.results.glob("*.jsonl"))
    if not files:
        print(f"no benchmark history in {args.results} yet")
        return
    for path in files:
        entries = read(path)
        print(compare(entries, threshold=args.threshold) if entries else f"{path.stem}: empty history")


if __name__ == "__main__":
    main()

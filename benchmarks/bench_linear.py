"""Seconds each stage takes on the hostile inputs that were once quadratic (README, "Linear time").

    .venv/bin/python benchmarks/bench_linear.py [NAME ...] [--list]

Each input is about 100,000 characters (the hyphenated one 200,000, a 160-page PDF's worth) and
is timed once, wall clock. To time the code before a change, run the script against it, e.g.
``PYTHONPATH=/path/to/old/src timeout 300 .venv/bin/python benchmarks/bench_linear.py NAME``.
The seconds are appended to benchmarks/results/bench_linear.jsonl (history.py) unless --no-history.
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Callable

from history import record

from reportparse import load_text
from reportparse.extract.counts import find_counts
from reportparse.extract.dates import find_dates
from reportparse.extract.organizations import find_organizations
from reportparse.extract.references import find_references
from reportparse.structure.segment import find_headings

SIZE = 100_000
HYPHENATED = (
    "Dövlət Gömrük Komitəsinin 15 mart 2022-ci il tarixli qərarı ilə tədbirlərin müəyyənləş-\ndirilməsi,"
    " proqnoz-\nməlumatın hazırlanması və Qeyri-\nHökumət Təşkilatlarının 50 nəfər əməkdaşının"
    " təlim-\nləri keçiril-\nmişdir.\n"
)


def _fill(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _abbreviations() -> str:
    return "".join(
        f"Bakı Agentliyi ({chr(65 + i % 26)}{chr(65 + i // 26 % 26)}{chr(65 + i // 676 % 26)}) " for i in range(3700)
    )


# name → (stage, input, whether the stage gets the input normalized, as in the pipeline)
INPUTS: dict[str, tuple[Callable[[str], object], Callable[[], str], bool]] = {
    "normalize-hyphenated": (load_text, lambda: _fill(HYPHENATED, 200_000), False),
    "normalize-space-run": (load_text, lambda: "a" + " " * SIZE + "b", False),
    "normalize-long-word-line": (load_text, lambda: "a" * SIZE + "1\nB c\n", False),
    "references-item-list": (find_references, lambda: "".join(f"{i}-ci, " for i in range(16_000))[:SIZE], True),
    "references-quoted-acts": (find_references, lambda: _fill("“Dövlət borcu haqqında Qanun”un tətbiqi ilə "), True),
    "references-headings-items": (find_references, lambda: _fill("1-ci bəndin icrasına dair:\n2-ci bəndi.\n"), True),
    "references-act-words": (find_references, lambda: _fill("Sərəncamı "), True),
    "organizations-head-nouns": (find_organizations, lambda: _fill("Agentliyi "), True),
    "organizations-abbreviations": (find_organizations, _abbreviations, True),
    "dates-year-then-spaces": (find_dates, lambda: "2022" + " " * SIZE + "x", False),
    "headings-open-parenthesis": (find_headings, lambda: _fill("1-ci bəndin icrasına dair (abc.\n"), True),
    "counts-long-number": (find_counts, lambda: "1" + " 234" * (SIZE // 4) + " manat", True),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="inputs to time (default: all)")
    parser.add_argument("--list", action="store_true", help="list the inputs and exit")
    parser.add_argument("--no-history", action="store_true", help="do not append to benchmarks/results/")
    args = parser.parse_args()
    if args.list:
        print("\n".join(INPUTS))
        return
    unknown = [name for name in args.names if name not in INPUTS]
    if unknown:
        parser.error(f"unknown input(s): {', '.join(unknown)} (--list shows them)")
    warnings.simplefilter("ignore")
    figures: dict[str, float] = {}
    for name in args.names or INPUTS:
        stage, make, normalized = INPUTS[name]
        text = make()
        if normalized:
            text = load_text(text).text
        started = time.perf_counter()
        stage(text)
        figures[f"{name}_s"] = time.perf_counter() - started
        print(f"{name}: {figures[f'{name}_s']:.2f} s ({len(text):,} characters)", flush=True)
    if not args.no_history:
        print(f"history: {record('bench_linear', figures, lower_is_better=figures)}")


if __name__ == "__main__":
    main()

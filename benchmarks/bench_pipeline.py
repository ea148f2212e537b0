"""Throughput of the whole pipeline (load → normalize → every table), in words/s and documents/s.

    .venv/bin/python benchmarks/bench_pipeline.py [--repeat 3] [--copies 10]

Runs on every report of the project corpus, the bundled sample and, when present, the real
documents of ../shared/corpus; the set is repeated --copies times so the figures are not
dominated by start-up noise. Best of --repeat runs.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import reportparse
from reportparse.ingest.loader import READERS
from reportparse.pipeline import extract_tables

ROOT = Path(__file__).resolve().parents[1]


def inputs() -> list[Path]:
    paths = [reportparse.sample_report_path()]
    paths += sorted(p for p in (ROOT / "corpus").rglob("*") if p.suffix in READERS)
    shared = ROOT.parent / "shared" / "corpus"
    paths += sorted(p for p in shared.rglob("*") if p.suffix in (".txt",))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()
    paths = inputs() * args.copies
    best = float("inf")
    for _ in range(args.repeat):
        started, words = time.perf_counter(), 0
        for path in paths:
            document = reportparse.load(path)
            extract_tables(document)
            words += len(document.text.split())
        best = min(best, time.perf_counter() - started)
    print(
        f"{len(paths)} documents ({len(paths) // args.copies} distinct × {args.copies}), {words} words, "
        f"best of {args.repeat}: {best:.2f} s"
    )
    print(f"throughput: {words / best:,.0f} words/s, {len(paths) / best:,.1f} documents/s")


if __name__ == "__main__":
    main()

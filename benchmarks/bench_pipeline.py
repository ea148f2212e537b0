"""Throughput of the whole pipeline, side by side with dateparser, and its cost per word as a text grows.

    .venv/bin/python benchmarks/bench_pipeline.py [--repeat 3] [--copies 10] [--scale 32] [--no-history]

Three measurements, best of --repeat runs each:

1. load → normalize → every table on every report of the project corpus and the bundled sample,
   the set repeated --copies times so the figures are not dominated by start-up noise;
2. ``reportparse.parse`` (every table) against ``dateparser.search.search_dates(text,
   languages=["az"])`` (dates only; the ``bench`` extra) on the real texts of
   ../shared/corpus/reports and acts, in the same run: words/s of each and their ratio. A parse
   gives every table as rows and makes a table's DataFrame when it is first looked up, so the
   parse is also timed with every DataFrame made (``report.tables[name]`` for each table);
3. the per-word cost of the reference report repeated --scale times as one document against the
   report alone (1.0 is linear).

First it checks that the tables are the stored ones (``tests/snapshots/tables.json``,
:mod:`reportparse.devtools.snapshot`), so a speed-up is timed on unchanged output.

2 and 3 are skipped with a message when ../shared/corpus is absent. The figures are appended to
benchmarks/results/bench_pipeline.jsonl (history.py) unless --no-history.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from history import record

import reportparse
from reportparse.devtools import snapshot
from reportparse.ingest.loader import READERS
from reportparse.pipeline import extract_tables

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
REFERENCE = SHARED / "reports" / "dmx-2022-opengov-execution-report.txt"


def inputs() -> list[Path]:
    """The bundled sample and the project corpus's reports."""
    paths = [reportparse.sample_report_path()]
    paths += sorted(p for p in (ROOT / "corpus").rglob("*") if p.suffix in READERS)
    return paths


def shared_texts() -> list[str]:
    """The real texts of ../shared/corpus (reports and acts), or [] when it is absent."""
    return [
        p.read_text(encoding="utf-8") for folder in ("reports", "acts") for p in sorted((SHARED / folder).glob("*.txt"))
    ]


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The shortest wall time of ``repeat`` calls of ``run``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def own_corpus(repeat: int, copies: int) -> dict[str, float]:
    """Measurement 1: load and every table on the project corpus."""
    paths = inputs() * copies
    words = sum(len(reportparse.load(path).text.split()) for path in paths[: len(paths) // copies]) * copies

    def run() -> None:
        for path in paths:
            extract_tables(reportparse.load(path))

    best = best_of(repeat, run)
    print(
        f"project corpus: {len(paths)} documents ({len(paths) // copies} distinct × {copies}), {words} words, "
        f"best of {repeat}: {best:.2f} s"
    )
    print(f"  throughput: {words / best:,.0f} words/s, {len(paths) / best:,.1f} documents/s")
    return {"corpus_words_per_s": words / best, "corpus_documents_per_s": len(paths) / best}


def against_dateparser(texts: list[str], repeat: int) -> dict[str, float]:
    """Measurement 2: reportparse.parse and dateparser's search_dates on the same texts, same run."""
    try:
        from dateparser.search import search_dates  # type: ignore[import-untyped]
    except ImportError:
        print("dateparser is not installed (pip install -e '.[bench]'): comparison skipped")
        return {}

    def dates_only() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for text in texts:
                search_dates(text, languages=["az"])

    def full_parse() -> None:
        for text in texts:
            reportparse.parse(text)

    def with_frames() -> None:
        for text in texts:
            tables = reportparse.parse(text).tables
            for name in tables:
                tables[name]

    words = sum(len(text.split()) for text in texts)
    ours, framed, theirs = best_of(repeat, full_parse), best_of(repeat, with_frames), best_of(repeat, dates_only)
    ratio = theirs / ours
    print(f"../shared/corpus reports and acts: {len(texts)} texts, {words} words, best of {repeat}")
    print(f"  reportparse.parse (every table):      {words / ours:>10,.0f} words/s ({ours:.3f} s)")
    print(f"  the same, every DataFrame made:       {words / framed:>10,.0f} words/s ({framed:.3f} s)")
    print(f"  dateparser search_dates (dates only): {words / theirs:>10,.0f} words/s ({theirs:.3f} s)")
    print(f"  ratio: reportparse at {ratio:.2f}× dateparser's words/s ({theirs / framed:.2f}× with every DataFrame)")
    return {
        "shared_words_per_s": words / ours,
        "shared_words_per_s_with_frames": words / framed,
        "dateparser_words_per_s": words / theirs,
        "ratio_to_dateparser": ratio,
        "ratio_to_dateparser_with_frames": theirs / framed,
    }


def scaling(text: str, copies: int, repeat: int) -> dict[str, float]:
    """Measurement 3: per-word cost of ``copies`` copies as one document against one."""
    long_text = "\n\n".join([text] * copies)
    words, long_words = len(text.split()), len(long_text.split())
    single = best_of(repeat, lambda: reportparse.parse(text)) / words
    repeated = best_of(repeat, lambda: reportparse.parse(long_text)) / long_words
    print(f"reference report ×{copies} as one document ({long_words} words), best of {repeat}")
    print(f"  per word: ×1 {single * 1e6:.1f} µs, ×{copies} {repeated * 1e6:.1f} µs, ratio {repeated / single:.2f}")
    return {"reference_us_per_word": single * 1e6, f"reference_x{copies}_cost_ratio": repeated / single}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement, the best is kept")
    parser.add_argument("--copies", type=int, default=10, help="copies of the project corpus in one run")
    parser.add_argument("--scale", type=int, default=32, help="copies of the reference report as one document")
    parser.add_argument("--no-history", action="store_true", help="do not append to benchmarks/results/")
    args = parser.parse_args()
    if min(args.repeat, args.copies, args.scale) < 1:
        parser.error("--repeat, --copies and --scale must be at least 1")
    stored = snapshot.read(ROOT / snapshot.STORED)
    changed = snapshot.differences(stored, snapshot.fingerprints(snapshot.inputs(ROOT / "corpus"), root=ROOT))
    if changed:
        print(f"tables: {len(changed)} differ from {snapshot.STORED} (python -m reportparse.devtools.snapshot):")
        print("  " + "\n  ".join(changed[:10]))
    else:
        print(f"tables: the same as {snapshot.STORED} ({len(stored)} inputs)")
    figures = {"tables_changed": len(changed)} | own_corpus(args.repeat, args.copies)
    texts = shared_texts()
    if texts and REFERENCE.is_file():
        figures |= against_dateparser(texts, args.repeat)
        figures |= scaling(REFERENCE.read_text(encoding="utf-8"), args.scale, args.repeat)
    else:
        print(
            f"{SHARED} (reports, acts) is absent: the dateparser comparison and the ×{args.scale} scaling are skipped"
        )
    if not args.no_history:
        lower = ["tables_changed", *(name for name in figures if name.endswith(("_cost_ratio", "_us_per_word")))]
        path = record("bench_pipeline", figures, lower_is_better=lower)
        print(f"history: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

"""Dates: reportparse against dateparser's search_dates on the gold corpus, side by side.

    .venv/bin/python benchmarks/bench_dates.py [--corpus corpus] [--no-history]

Both run on the same normalized texts of every document whose dates are annotated and both are
given the record's year (the peer as RELATIVE_BASE = 1 January of it), the fairest setting.
Prints precision/recall/F1 (strict and lenient), value accuracy and words/s of both, and their
ratios. Speed counts only the extraction call, measured in the same run. dateparser (the ``bench``
extra) is left out with a message when it is not installed.

The figures are appended to benchmarks/results/bench_dates.jsonl (history.py) unless --no-history.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import time
import warnings
from pathlib import Path

import pandas as pd
from history import measured, record

from reportparse.evaluation.gold import read_gold
from reportparse.evaluation.score import evaluate
from reportparse.extract.dates import find_dates
from reportparse.pipeline import extract_tables
from reportparse.tables.build import dates_rows, empty_table

ROOT = Path(__file__).resolve().parents[1]


def dateparser_dates(text: str, year: int) -> pd.DataFrame:
    """dateparser's findings as dates rows: spans found left to right, one day each."""
    from dateparser.search import search_dates

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["az"], settings={"RELATIVE_BASE": dt.datetime(year, 1, 1)}) or []
    rows, position = [], 0
    for surface, value in found:
        start = text.find(surface, position)
        if start < 0:
            continue
        position = start + len(surface)
        day = value.date().isoformat()
        rows.append({"text": surface, "start": start, "end": position, "date_start": day, "date_end": day})
    return pd.DataFrame(rows, columns=["text", "start", "end", "date_start", "date_end"])


class Timed:
    """Wraps a document → tables function and adds up the time spent in it."""

    def __init__(self, function):
        self.function, self.seconds = function, 0.0

    def __call__(self, document):
        started = time.perf_counter()
        try:
            return self.function(document)
        finally:
            self.seconds += time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--no-history", action="store_true", help="do not append to benchmarks/results/")
    args = parser.parse_args()
    years = {r.id: r.year for r in read_gold(Path(args.corpus) / "gold.jsonl")}

    others = {name: empty_table(name) for name in ("sections", "organizations", "counts", "references")}
    find = Timed(lambda doc: find_dates(doc.text, year=years[doc.doc_id]))

    def ours(doc):  # only the extraction call is timed, as for the peer; the table is built outside
        mentions = find(doc)
        return {"dates": dates_rows(doc, mentions, extract_tables(doc)["sections"]).frame()} | others

    peer = Timed(lambda doc: {"dates": dateparser_dates(doc.text, years[doc.doc_id])} | others)
    results = {"reportparse": evaluate(args.corpus, tables=["dates"], extract=ours)}
    timers = {"reportparse": find, "dateparser": peer}
    try:
        import dateparser  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        print("dateparser is not installed (pip install -e '.[bench]'): comparison skipped")
    else:
        results["dateparser"] = evaluate(args.corpus, tables=["dates"], extract=peer)

    def fmt(value: float) -> str:
        return "—" if math.isnan(value) else f"{value:.3f}"

    print(
        f"documents: {len(results['reportparse'].per_document)}, words: {results['reportparse'].words}, "
        f"skipped (absent): {', '.join(results['reportparse'].skipped) or 'none'}"
    )
    print(f"{'':<14}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}{'F1~':>8}{'value':>8}{'words/s':>10}")
    figures = {}
    history: dict[str, float | None] = {}
    for name, result in results.items():
        score = result.totals().get("dates")
        speed = result.words / timers[name].seconds if timers[name].seconds else float("nan")
        figures[name] = (score.f1(), score.f1(lenient=True), speed)
        history |= {
            f"{name}_dates_precision": score.precision(),
            f"{name}_dates_recall": score.recall(),
            f"{name}_dates_f1": score.f1(),
            f"{name}_dates_f1_lenient": score.f1(lenient=True),
            f"{name}_dates_value_accuracy": score.value_accuracy,
            f"{name}_words_per_s": speed,
        }
        print(
            f"{name:<14}{score.gold:>6}{score.predicted:>6}{fmt(score.precision()):>8}{fmt(score.recall()):>8}"
            f"{fmt(score.f1()):>8}{fmt(score.f1(lenient=True)):>8}{fmt(score.value_accuracy):>8}{speed:>10.0f}"
        )
    if "dateparser" in figures:
        (f1, lenient, speed), (pf1, plenient, pspeed) = figures["reportparse"], figures["dateparser"]

        def ratio(a: float, b: float) -> float:
            return float("nan") if not b or math.isnan(b) else a / b

        def text(value: float) -> str:
            return "—" if math.isnan(value) else f"{value:.2f}"

        print(
            f"ratio reportparse/dateparser: F1 {text(ratio(f1, pf1))}, lenient F1 {text(ratio(lenient, plenient))}, "
            f"speed {text(ratio(speed, pspeed))}"
        )
        history |= {
            "f1_ratio_to_dateparser": ratio(f1, pf1),
            "f1_lenient_ratio_to_dateparser": ratio(lenient, plenient),
            "speed_ratio_to_dateparser": ratio(speed, pspeed),
        }
    if not args.no_history:
        path = record("bench_dates", measured(history))
        print(f"history: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()

"""Counts and references against the gold corpus, with the value columns checked one by one.

    .venv/bin/python benchmarks/bench_counts.py [--corpus corpus] [--kind report] [--no-history]

``reportparse evaluate`` scores spans and one value per row; this prints, on the strictly
matched rows (same span), the share whose value is exact, whose unit lemma is correct, whose
counted noun, qualifier and kind are correct (counts), and whose kind, act type, number, date
and target item are correct (references); then words/s of the two extractors alone.

The figures are appended to benchmarks/results/bench_counts.jsonl (history.py) unless --no-history;
with --kind their names start with the kind (``report_counts_strict_f1``).
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

from history import measured, record

from reportparse.evaluation.gold import read_gold
from reportparse.extract.counts import find_counts
from reportparse.extract.references import find_references

COUNT_FIELDS = ("value", "unit", "counted", "qualifier", "kind")
REFERENCE_FIELDS = ("kind", "act_type", "number", "date", "target_item")
ROOT = Path(__file__).resolve().parents[1]


def _same(field: str, predicted: object, gold: object) -> bool:
    if field == "value":
        return math.isclose(float(predicted), float(gold), rel_tol=1e-9)
    return str(predicted) == str(gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--kind", default=None, help="report, act or plan (default: all)")
    parser.add_argument("--no-history", action="store_true", help="do not append to benchmarks/results/")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    root = corpus.resolve().parent
    prefix = f"{args.kind}_" if args.kind else ""
    figures: dict[str, float | None] = {}
    for table, fields in (("counts", COUNT_FIELDS), ("references", REFERENCE_FIELDS)):
        gold_rows = predicted_rows = strict = words = 0
        correct = dict.fromkeys(fields, 0)
        seconds = 0.0
        for document in read_gold(corpus / "gold.jsonl"):
            if (
                table not in document.annotated
                or (args.kind and document.kind != args.kind)
                or not document.file(root).exists()
            ):
                continue
            text = document.load(root).text
            started = time.perf_counter()
            if table == "counts":
                found = [m for m in find_counts(text) if m.kind != "duration"]
            else:
                found = find_references(text, year=document.year)
            seconds += time.perf_counter() - started
            words += len(text.split())
            by_span = {(m.start, m.end): m for m in found}
            gold_rows += len(document.rows[table])
            predicted_rows += len(found)
            for row in document.rows[table]:
                mention = by_span.get((row["start"], row["end"]))
                if mention is None:
                    continue
                strict += 1
                for field in fields:
                    correct[field] += _same(field, getattr(mention, field), row[field])
        f1 = 2 * strict / (gold_rows + predicted_rows) if gold_rows + predicted_rows else math.nan
        print(f"{table}: gold {gold_rows}, predicted {predicted_rows}, strict matches {strict}, strict F1 {f1:.3f}")
        figures[f"{prefix}{table}_strict_f1"] = f1
        for field in fields:
            share = correct[field] / strict if strict else math.nan
            print(f"  {field:<12} correct on {correct[field]}/{strict} = {share:.3f}")
            figures[f"{prefix}{table}_{field}_correct_share"] = share
        speed = words / seconds if seconds else math.nan
        print(f"  {speed:,.0f} words/s ({words} words, {seconds:.2f} s)\n")
        figures[f"{prefix}{table}_words_per_s"] = speed
    if not args.no_history:
        path = record("bench_counts", measured(figures))
        print(f"history: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()

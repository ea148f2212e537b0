"""``reportparse compare``: a plan against execution reports → commitments.csv.

A thin command over :mod:`reportparse.plans.compare`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reportparse.errors import ReportParseError
from reportparse.ingest.loader import load
from reportparse.output.writers import write_csv
from reportparse.plans.compare import compare, history
from reportparse.plans.read import load_plan


def _cmd_compare(args: argparse.Namespace) -> int:
    try:
        plan = load_plan(args.plan) if args.plan else None
    except ReportParseError as exc:
        print(f"reportparse: error: {exc}", file=sys.stderr)
        return 1
    documents, failed = [], 0
    for path in args.report:
        try:
            documents.append(load(Path(path)))
        except ReportParseError as exc:
            failed += 1
            print(f"reportparse: error: {exc}", file=sys.stderr)
    if not documents:
        print("reportparse: error: every report failed", file=sys.stderr)
        return 1
    commitments = compare(plan, documents, year=args.year)
    out = Path(args.out)
    write_csv(commitments, out / "commitments.csv", excel=args.excel)
    written = ["commitments.csv"]
    if plan is not None:
        write_csv(plan.to_frame(), out / "plan.csv", excel=args.excel)
        written.append("plan.csv")
    if len(documents) > 1:
        write_csv(history(commitments), out / "commitments_history.csv", excel=args.excel)
        written.append("commitments_history.csv")
    counts = commitments["status"].value_counts()
    summary = ", ".join(f"{status} {counts[status]}" for status in counts.index)
    print(
        f"reportparse: {len(commitments)} rows ({summary}); {len(documents)} report(s), {failed} failed; "
        f"{', '.join(written)} in {out}/",
        file=sys.stderr,
    )
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add the ``compare`` subcommand."""
    parser = commands.add_parser(
        "compare",
        help="compare a plan's commitments with execution reports (commitments.csv)",
        description="Match each report's sections to the plan's items (by number, else by text) and give "
        "each item a status (complete, substantial, limited, not_started, no_evidence) with the evidence "
        "sentences and the rule that decided it. Without --plan, each report's own item headings are its plan. "
        "Writes commitments.csv, plan.csv (with --plan) and, for several reports, commitments_history.csv.",
    )
    parser.add_argument("--plan", metavar="PLAN", help="the action plan (.txt, .docx, .pdf, .tsv, .csv)")
    parser.add_argument("--report", nargs="+", required=True, metavar="REPORT", help="execution report file(s)")
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the CSV files")
    parser.add_argument("--year", type=int, help="reporting year (only with a single report)")
    parser.add_argument("--excel", action="store_true", help="write a UTF-8 BOM so Excel shows Azerbaijani letters")
    parser.set_defaults(handler=_cmd_compare)

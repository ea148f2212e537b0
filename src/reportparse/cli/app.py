"""The ``reportparse`` command. Thin: it parses arguments and calls the public API."""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from reportparse import __version__
from reportparse.cli import compare as compare_cli
from reportparse.cli import corpus as corpus_cli
from reportparse.cli import parse as parse_cli
from reportparse.cli import show as show_cli
from reportparse.cli.options import add_ner_options, add_reading_options
from reportparse.errors import ReportParseError
from reportparse.evaluation.gold import GOLD_TABLES, KINDS
from reportparse.evaluation.score import GOLD_PARTS, PART_LABELS, evaluate, evaluate_parts, format_evaluation
from reportparse.ingest.loader import load
from reportparse.output.writers import write_csv
from reportparse.pipeline import extract_tables
from reportparse.resources import sample_report_path


def _cmd_demo(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.text import Text

    from reportparse.api import parse

    path = sample_report_path()
    report = parse(path)
    console = Console(highlight=False)
    console.print(Text(f"Sample report: {path}"))
    console.print(Text(f"{len(report.text):,} characters; `reportparse show FILE` shows any report like this.\n"))
    show_cli.show(report, console=console)
    if args.out:
        for name, frame in report.tables.items():
            write_csv(frame, Path(args.out) / f"{name}.csv")
        console.print(Text(f"\nTables written to {args.out}/"))
    return 0


def _cmd_text(args: argparse.Namespace) -> int:
    try:
        document = load(Path(args.input), password=args.password, pdf_engine=args.pdf_engine, ocr=args.ocr)
    except ReportParseError as exc:
        print(f"reportparse: error: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(document.raw_text if args.raw else document.text)
    sys.stdout.write("\n")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    if args.table and "commitments" in args.table:  # statuses have their own gold file
        from reportparse.evaluation.commitments import (
            evaluate_commitments,
            format_commitments,
        )

        statuses = evaluate_commitments(args.corpus)
        print(
            json.dumps(statuses.to_json(), ensure_ascii=False, indent=1) if args.json else format_commitments(statuses)
        )
        args.table = [table for table in args.table if table != "commitments"]
        if not args.table:
            return 0
    if args.ner.endswith("stanza"):  # a clear message, not a traceback, without stanza or a model
        from reportparse.ner.stanza_backend import check_stanza_model

        try:
            check_stanza_model(args.stanza_model)
        except ReportParseError as exc:
            print(f"reportparse: error: --ner {args.ner}: {exc}", file=sys.stderr)
            return 2
    extract = functools.partial(extract_tables, ner=args.ner, ner_model=args.ner_model, stanza_model=args.stanza_model)
    if args.gold:
        result = evaluate(args.corpus, tables=args.table, kinds=args.kind, gold_file=args.gold, extract=extract)
        results = {"gold": result}
    else:
        try:
            parts = args.part or ["development"]
            results = evaluate_parts(args.corpus, parts=parts, tables=args.table, kinds=args.kind, extract=extract)
        except ValueError as exc:
            print(f"reportparse: error: {exc}", file=sys.stderr)
            return 2
    if args.json:
        output = {name: result.to_json() for name, result in results.items()}
        print(json.dumps(output, ensure_ascii=False, indent=1, allow_nan=False))
    else:
        blocks = [
            f"== {PART_LABELS.get(name, args.gold)}\n\n{format_evaluation(result)}" for name, result in results.items()
        ]
        print("\n\n".join(blocks))
        if not args.gold and "blind" not in parts and Path(args.corpus, GOLD_PARTS["blind"]).exists():
            print("\n(the blind part is scored with --part blind: for reporting, never while writing rules)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``reportparse`` command."""
    parser = argparse.ArgumentParser(
        prog="reportparse",
        description="Turn Azerbaijani action-plan execution reports into tables (CSV).",
    )
    parser.add_argument("--version", action="version", version=f"reportparse {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse_cli.add_parser(commands)
    show_cli.add_parser(commands)

    demo = commands.add_parser(
        "demo",
        help="parse the bundled sample report and print its tables",
        description="Parse the sample report shipped with reportparse and print the tables found.",
    )
    demo.add_argument("--out", "-o", metavar="DIR", help="also write the tables as CSV into DIR")
    demo.set_defaults(handler=_cmd_demo)

    text = commands.add_parser(
        "text",
        help="print a document's normalized text",
        description="Print the normalized text that all table offsets refer to (or, with --raw, "
        "the text as extracted).",
    )
    text.add_argument("input", metavar="INPUT", help="a .txt, .pdf, .docx, .html, .doc, .odt or .rtf file")
    text.add_argument("--raw", action="store_true", help="print the extracted text before normalization")
    add_reading_options(text)
    text.set_defaults(handler=_cmd_text)

    evaluate = commands.add_parser(
        "evaluate",
        help="score the pipeline against the gold corpus",
        description="Run the pipeline on every annotated document of the corpus and print precision, "
        "recall and F1 per table and per document (strict: same span; lenient: overlapping span), "
        "with value accuracy on matched mentions.",
    )
    evaluate.add_argument("--corpus", default="corpus", metavar="DIR", help="corpus folder (default: corpus)")
    evaluate.add_argument(
        "--gold", metavar="FILE", help="score against this gold file only (default: every part of the gold, apart)"
    )
    evaluate.add_argument(
        "--part",
        action="append",
        choices=list(GOLD_PARTS),
        help="part of the gold to score (repeatable; each scored apart): development = DIR/gold.jsonl "
        "(in-sample; the default), blind = DIR/blind/gold.jsonl (for reporting only: never while writing rules)",
    )
    evaluate.add_argument(
        "--table",
        action="append",
        choices=GOLD_TABLES + ("commitments",),
        help="only this table (repeatable); commitments: status agreement with corpus/commitments.jsonl",
    )
    evaluate.add_argument("--kind", action="append", choices=KINDS, help="only documents of this kind (repeatable)")
    evaluate.add_argument("--json", action="store_true", help="print JSON for machines")
    add_ner_options(evaluate)
    evaluate.set_defaults(handler=_cmd_evaluate)

    corpus_cli.add_parser(commands)
    compare_cli.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except BrokenPipeError:  # `reportparse text X | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

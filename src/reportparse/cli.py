"""The ``reportparse`` command. Thin: it parses arguments and calls the public API."""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from . import __version__, corpus_cli
from .document import Document
from .errors import ReportParseError
from .evaluate import evaluate, format_evaluation
from .export import write_csv
from .gold import GOLD_TABLES, KINDS
from .ingest.pdf import DEFAULT_ENGINE, ENGINES
from .loader import READERS, load
from .samples import sample_report_path
from .pipeline import TABLES, extract_tables


def _expand(inputs: Sequence[str]) -> Iterator[Path]:
    """Files as given; folders searched recursively for files reportparse reads."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
            if not found:
                print(f"reportparse: {path}: no .txt, .pdf or .docx files in this folder", file=sys.stderr)
            yield from found
        else:
            yield path


def _load_all(paths: Iterator[Path], args: argparse.Namespace) -> tuple[list[Document], int]:
    documents, failed = [], 0
    for path in paths:
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                documents.append(load(path, password=args.password, pdf_engine=args.pdf_engine))
            for warning in caught:
                print(f"reportparse: warning: {warning.message}", file=sys.stderr)
        except ReportParseError as exc:
            failed += 1
            print(f"reportparse: error: {exc}", file=sys.stderr)
        except Exception as exc:  # a bug must not cost the user the rest of the batch
            failed += 1
            print(f"reportparse: error: {path}: internal error ({type(exc).__name__}: {exc}); "
                  "please report it with the file", file=sys.stderr)
    return documents, failed


def _print_tables(tables: dict[str, pd.DataFrame]) -> None:
    with pd.option_context("display.max_columns", None, "display.width", 120, "display.max_colwidth", 60):
        for name, frame in tables.items():
            print(f"\n== {name} ({len(frame)} rows) ==")
            if not len(frame):
                print("(empty)")
            elif len(frame) <= 3:  # a few wide rows read better as one field per line
                for _, row in frame.iterrows():
                    width = max(map(len, frame.columns))
                    print("\n".join(f"{column:<{width}}  {'' if pd.isna(value) else value}" for column, value in row.items()))
            else:
                print(frame.to_string(index=False))


def _tables(documents: list[Document], *, year: int | None) -> dict[str, pd.DataFrame]:
    """Every table of every document, concatenated per table (in TABLES order)."""
    per_document = [extract_tables(document, year=year) for document in documents]
    for document, tables in zip(documents, per_document):
        if not (tables["sections"]["item"] != "").any():
            print(f"reportparse: warning: {document.source or document.doc_id}: no plan-item headings "
                  "found; the whole text is one section", file=sys.stderr)
    return {name: pd.concat([t[name] for t in per_document], ignore_index=True) for name in TABLES}


def _cmd_parse(args: argparse.Namespace) -> int:
    documents, failed = _load_all(_expand(args.inputs), args)
    if not documents:
        print("reportparse: error: " + ("every input failed" if failed else "no input files"), file=sys.stderr)
        return 1 if failed else 2
    tables = _tables(documents, year=args.year)
    out = Path(args.out)
    for name, frame in tables.items():
        write_csv(frame, out / f"{name}.csv", excel=args.excel)
    print(f"reportparse: {len(documents)} parsed, {failed} failed; tables in {out}/", file=sys.stderr)
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    path = sample_report_path()
    document = load(path)
    print(f"Sample report: {path}")
    print(f"{len(document.text)} characters on {len(document.pages)} page(s); doc_id {document.doc_id}")
    tables = _tables([document], year=None)
    sections = tables["sections"]
    tables["sections"] = sections.assign(text=sections["text"].str.slice(0, 60) + "…")[
        ["item", "commitment", "text", "start", "end", "page"]].assign(commitment=sections["commitment"].str.slice(0, 50))
    _print_tables({name: frame for name, frame in tables.items() if len(frame)})
    if args.out:
        for name, frame in tables.items():
            write_csv(frame, Path(args.out) / f"{name}.csv")
        print(f"\nTables written to {args.out}/")
    return 0


def _cmd_text(args: argparse.Namespace) -> int:
    try:
        document = load(Path(args.input), password=args.password, pdf_engine=args.pdf_engine)
    except ReportParseError as exc:
        print(f"reportparse: error: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(document.raw_text if args.raw else document.text)
    sys.stdout.write("\n")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    result = evaluate(args.corpus, tables=args.table, kinds=args.kind, gold_file=args.gold)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1, allow_nan=False))
    else:
        print(format_evaluation(result))
    return 0


def _add_reading_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password", help="password for encrypted PDFs")
    parser.add_argument(
        "--pdf-engine", choices=ENGINES, default=DEFAULT_ENGINE,
        help=f"PDF text extraction engine (default: {DEFAULT_ENGINE}; see README, 'PDF engines')",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``reportparse`` command."""
    parser = argparse.ArgumentParser(
        prog="reportparse",
        description="Turn Azerbaijani action-plan execution reports into tables (CSV).",
    )
    parser.add_argument("--version", action="version", version=f"reportparse {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser(
        "parse", help="parse reports and write the tables as CSV",
        description="Parse .txt, .pdf and .docx reports (files or folders, searched recursively) "
        "and write one CSV per table into --out. Exits non-zero only if every input failed.",
    )
    parse.add_argument("inputs", nargs="+", metavar="INPUT", help="report files or folders")
    parse.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the CSV files")
    parse.add_argument("--year", type=int, help="reporting year of every input (default: from each title)")
    parse.add_argument("--excel", action="store_true", help="write a UTF-8 BOM so Excel shows Azerbaijani letters")
    _add_reading_options(parse)
    parse.set_defaults(handler=_cmd_parse)

    demo = commands.add_parser(
        "demo", help="parse the bundled sample report and print its tables",
        description="Parse the sample report shipped with reportparse and print the tables found.",
    )
    demo.add_argument("--out", "-o", metavar="DIR", help="also write the tables as CSV into DIR")
    demo.set_defaults(handler=_cmd_demo)

    text = commands.add_parser(
        "text", help="print a document's normalized text",
        description="Print the normalized text that all table offsets refer to (or, with --raw, "
        "the text as extracted).",
    )
    text.add_argument("input", metavar="INPUT", help="a .txt, .pdf or .docx file")
    text.add_argument("--raw", action="store_true", help="print the extracted text before normalization")
    _add_reading_options(text)
    text.set_defaults(handler=_cmd_text)

    evaluate = commands.add_parser(
        "evaluate", help="score the pipeline against the gold corpus",
        description="Run the pipeline on every annotated document of the corpus and print precision, "
        "recall and F1 per table and per document (strict: same span; lenient: overlapping span), "
        "with value accuracy on matched mentions.",
    )
    evaluate.add_argument("--corpus", default="corpus", metavar="DIR", help="corpus folder (default: corpus)")
    evaluate.add_argument("--gold", metavar="FILE", help="gold file (default: DIR/gold.jsonl)")
    evaluate.add_argument("--table", action="append", choices=GOLD_TABLES, help="only this table (repeatable)")
    evaluate.add_argument("--kind", action="append", choices=KINDS, help="only documents of this kind (repeatable)")
    evaluate.add_argument("--json", action="store_true", help="print JSON for machines")
    evaluate.set_defaults(handler=_cmd_evaluate)

    corpus_cli.add_parser(commands)
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

"""``reportparse show``: one document's metadata, sections and tables in the terminal, fitted to
its width (:func:`reportparse.display.print_report`).

Exit status: 0 shown; 1 the file cannot be read (the same ``reportparse: error: PATH: …`` line
as ``reportparse parse`` gives for it); 2 usage error (an unknown ``--table``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reportparse.api import Report, parse
from reportparse.batch.progress import printable
from reportparse.cli.options import add_ner_options, add_reading_options
from reportparse.display import TERMINAL_ROWS, print_report
from reportparse.errors import ReportParseError
from reportparse.pipeline import TABLES


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add the ``show`` subcommand to the CLI's subparsers."""
    show = commands.add_parser(
        "show",
        help="print one document's metadata, sections and tables in the terminal",
        description="Parse one report and print its title, reporting body, year and plan period, then its "
        "sections and the mentions found (dates, organizations, counts, references), fitted to the terminal's "
        "width (long cells wrapped or cut with …). --table prints one table with every column.",
    )
    show.add_argument("input", metavar="FILE", help="a .txt, .pdf, .docx, .html, .doc, .odt or .rtf file")
    show.add_argument("--table", "-t", choices=TABLES, help="only this table, every column and row")
    show.add_argument(
        "--rows",
        type=int,
        metavar="N",
        help=f"rows per table (default: {TERMINAL_ROWS}, or all with --table; 0: all)",
    )
    show.add_argument("--year", type=int, help="reporting year (default: from the title)")
    add_ner_options(show)
    add_reading_options(show)
    show.set_defaults(handler=run)


def report_meta(report: Report) -> dict[str, object]:
    """What ``show`` prints above the tables: the :class:`~reportparse.api.Report` properties
    and where the text came from."""
    period = report.period
    document = report.document
    return {
        "title": report.title,
        "organization": report.organization,
        "year": report.year,
        "period": f"{period[0]} – {period[1]}" if period else None,
        "doc_id": report.doc_id,
        "pages": len(document.pages),
        "format": f"{document.raw.format} ({document.raw.extractor})" if document.raw else None,
        "source": document.source,
    }


def show(report: Report, *, table: str | None = None, rows: int | None = TERMINAL_ROWS, console: object = None) -> None:
    """Print ``report`` as ``reportparse show`` does (``console``: a rich Console, default stdout)."""
    print_report(report_meta(report), report.tables, console=console, table=table, rows=rows)


def run(args: argparse.Namespace) -> int:
    """The ``show`` command."""
    try:
        report = parse(
            Path(args.input),
            year=args.year,
            password=args.password,
            pdf_engine=args.pdf_engine,
            ocr=args.ocr,
            ner=args.ner,
            ner_model=args.ner_model,
            stanza_model=args.stanza_model,
        )
    except ReportParseError as exc:
        print(printable(f"reportparse: error: {exc}"), file=sys.stderr)
        return 1
    rows = None if args.rows == 0 or (args.rows is None and args.table) else args.rows or TERMINAL_ROWS
    show(report, table=args.table, rows=rows)
    return 0

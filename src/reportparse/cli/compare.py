"""``reportparse compare``: a plan against its executors' execution reports → the tables a
watchdog reads and a page to look at.

Reports come as files, folders (searched recursively) and glob patterns, like ``parse``; they
are read in parallel worker processes (``--jobs``), with progress on standard error. A report
that cannot be read costs one row of errors.csv, never the run.

Exit status (:data:`STATUSES`): 0 every report was read; 1 none could be read, or the plan
cannot be read; 2 usage error (no report files, ``--year`` with several reports, an
``--executor`` that executes nothing in the plan, an ``--out`` holding an earlier run's results
without ``--overwrite``); 3 some reports failed (errors.csv), the others were compared.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from reportparse.batch.discover import discover
from reportparse.batch.progress import Progress, printable
from reportparse.batch.result import FileResult
from reportparse.cli.options import add_reading_options
from reportparse.errors import ReportParseError
from reportparse.ingest.loader import load
from reportparse.limits import DEFAULT_LIMITS
from reportparse.output.folder import errors_frame
from reportparse.output.writers import write_csv, write_json
from reportparse.plans import package, page
from reportparse.plans.compare import (
    Comparison,
    ReportEvidence,
    combine,
    compare_plan,
    executes,
    merge,
    read_report,
)
from reportparse.plans.model import Plan
from reportparse.plans.read import load_plan, plan_from_report

OK, ALL_FAILED, USAGE, SOME_FAILED = 0, 1, 2, 3
"""Exit statuses of ``reportparse compare`` (those of ``parse``)."""

STATUSES = (
    "Exit status: 0 every report compared; 1 none could be read, or the plan cannot be read; 2 usage error "
    "(no report files, --year with several reports, an --executor that executes no item, an --out holding "
    "an earlier run's results without --overwrite); "
    "3 some reports failed (listed in errors.csv)."
)

PAGE = "compare.html"


def _earlier_results(out: Path) -> list[str]:
    """The files of an earlier run in ``out`` that this one would replace or leave stale: tables
    (``*.csv``, ``*.parquet``), ``datapackage.json`` and the page."""
    if not out.is_dir():
        return []
    return sorted(
        entry.name
        for entry in out.iterdir()
        if entry.is_file() and (entry.suffix in (".csv", ".parquet") or entry.name in (package.DESCRIPTOR, PAGE))
    )


def _say(message: str) -> None:
    print(printable(message), file=sys.stderr, flush=True)


def _read_one(plan: Plan | None, path: str, options: dict) -> ReportEvidence | tuple[Plan, ReportEvidence] | FileResult:
    """Read and match one report (in a worker process); a failure becomes a FileResult."""
    try:
        limits = dataclasses.replace(
            DEFAULT_LIMITS, max_seconds=options["timeout"] or None, max_memory_mb=options["memory_limit"] or None
        )
        document = load(
            Path(path),
            password=options["password"],
            pdf_engine=options["pdf_engine"],
            ocr=options["ocr"],
            limits=limits,
        )
        if plan is None:
            own = plan_from_report(document)
            return own, read_report(own, document, year=options["year"])
        return read_report(plan, document, year=options["year"])
    except ReportParseError as exc:
        message = str(exc)
        prefix = f"{exc.path}: " if exc.path else ""
        return FileResult.failure(
            path, type(exc).__name__, message[len(prefix) :] if message.startswith(prefix) else message
        )
    except Exception as exc:  # noqa: BLE001  (one bad report must not cost the others)
        return FileResult.failure(path, type(exc).__name__, f"internal error ({exc}); please report it with the file")


def _read_all(plan: Plan | None, files: list[Path], args: argparse.Namespace, progress: Progress) -> list:
    options = {
        "password": args.password,
        "pdf_engine": args.pdf_engine,
        "ocr": args.ocr,
        "year": args.year,
        "timeout": args.timeout,
        "memory_limit": int(args.memory_limit) if args.memory_limit else None,
    }
    jobs = args.jobs if args.jobs is not None else min(len(files), os.cpu_count() or 1)
    results = []
    if jobs <= 1 or len(files) == 1:
        for path in files:
            results.append(_read_one(plan, str(path), options))
            progress.advance(failed=isinstance(results[-1], FileResult))
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_read_one, plan, str(path), options) for path in files]
        for future in futures:  # in input order: the tables do not depend on completion order
            results.append(future.result())
            progress.advance(failed=isinstance(results[-1], FileResult))
    return results


def _usage_problem(args: argparse.Namespace, files: list[Path], plan: Plan | None) -> str | None:
    if args.year is not None and len(files) > 1:
        return "--year applies to a single report (each report's title gives its year)"
    if plan is not None and args.executor and not executes(plan, args.executor):
        return f"--executor {args.executor!r} executes no item of the plan"
    return None


def _comparison(plan: Plan | None, results: list, executor: str | None) -> Comparison:
    """The comparison of the reports read (failures left out)."""
    if plan is not None:
        return combine(plan, [r for r in results if isinstance(r, ReportEvidence)], executor=executor)
    parts = [combine(own, [found], executor=executor) for own, found in (r for r in results if isinstance(r, tuple))]
    return merge(parts) if parts else compare_plan(None, [], executor=executor)


def _write(out: Path, comparison: Comparison, plan: Plan | None, failures: list[FileResult], excel: bool) -> list[str]:
    """Every table, datapackage.json and the page; returns the names written."""
    tables = comparison.tables()
    if plan is not None:
        tables["plan"] = plan.to_frame()
    if failures:
        tables["errors"] = errors_frame(failures)
    for name, frame in tables.items():
        write_csv(frame, out / f"{name}.csv", excel=excel)
    write_json(package.package(tables, excel=excel), out / package.DESCRIPTOR)
    texts = {e.report_id: e.text for e in comparison.evidence}
    title = (plan.title if plan is not None else "") or "Plan against reports"
    html = page.render(comparison.commitments, texts, title=title, unmatched=comparison.unmatched_reports)
    (out / PAGE).write_text(html, encoding="utf-8")
    return [f"{name}.csv" for name in tables] + [package.DESCRIPTOR, PAGE]


def run(args: argparse.Namespace) -> int:
    """Run ``reportparse compare``; returns the exit status."""
    found = discover(args.report)
    for note in found.notes:
        _say(f"reportparse: warning: {note}")
    if not found.files and not found.failures:
        _say("reportparse: error: no report files")
        return USAGE
    try:
        plan = load_plan(args.plan, password=args.password) if args.plan else None
    except ReportParseError as exc:
        _say(f"reportparse: error: {exc}")
        return ALL_FAILED
    problem = _usage_problem(args, found.files, plan)
    if problem:
        _say(f"reportparse: error: {problem}")
        return USAGE
    out = Path(args.out)
    earlier = _earlier_results(out)
    if earlier and not args.overwrite:
        shown = ", ".join(earlier[:3]) + (f" and {len(earlier) - 3} more" if len(earlier) > 3 else "")
        _say(
            f"reportparse: error: {out} holds the results of an earlier run ({shown}); nothing was changed. "
            "--overwrite replaces them, or choose another --out"
        )
        return USAGE
    for name in earlier:  # --overwrite: no table of the earlier run is left beside the new ones
        (out / name).unlink()
    progress = Progress(len(found.files), enabled=not args.quiet)
    try:
        results = _read_all(plan, found.files, args, progress)
    finally:
        progress.close()
    failures = list(found.failures) + [r for r in results if isinstance(r, FileResult)]
    for failure in failures:
        _say(f"reportparse: error: {failure.path}: {failure.message}")
    read = len(results) + len(found.failures) - len(failures)
    if not read:
        write_csv(errors_frame(failures), out / "errors.csv", excel=args.excel)
        _say(f"reportparse: error: no report could be read; failures listed in {out / 'errors.csv'}")
        return ALL_FAILED
    comparison = _comparison(plan, results, args.executor)
    for row in comparison.unmatched_reports.to_dict("records"):
        _say(f"reportparse: warning: {row['report_path']}: not used: {row['detail']}")
    written = _write(out, comparison, plan, failures, args.excel)
    counts = comparison.commitments["status"].value_counts()
    summary = ", ".join(f"{status} {counts[status]}" for status in counts.index)
    _say(
        f"reportparse: {len(comparison.commitments)} rows ({summary or 'none'}); {read} report(s) read, "
        f"{len(comparison.unmatched_reports)} not used, {len(failures)} failed; {', '.join(written)} in {out}/"
    )
    return SOME_FAILED if failures else OK


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add the ``compare`` subcommand."""
    parser = commands.add_parser(
        "compare",
        help="compare a plan's commitments with its executors' execution reports",
        description="Each report's body (from its title) gives evidence only to the plan items it executes "
        "(alone, with others, by consent, as a unit of or the parent of an executor); reports of other bodies "
        "or of years outside the plan period give none (unmatched_reports.csv). Sections are matched to those "
        "items by number, else by text, and each (item, executor, year) gets a status (complete, substantial, "
        "limited, not_started, no_evidence) with the evidence sentences and the rule that decided it. "
        "Without --plan, each report's own item headings are its plan. Writes commitments.csv, matrix.csv, "
        "summary.csv, commitments_history.csv, report_only.csv, unmatched_reports.csv, reports.csv, plan.csv, "
        f"errors.csv (when a report fails), datapackage.json and {PAGE}. {STATUSES}",
    )
    parser.add_argument("--plan", metavar="PLAN", help="the action plan (.txt, .docx, .pdf, .tsv, .csv)")
    parser.add_argument(
        "--report",
        nargs="+",
        required=True,
        metavar="REPORT",
        help="execution reports: files, folders (searched recursively) or glob patterns ('reports/**/*.pdf')",
    )
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the tables and the page")
    parser.add_argument("--year", type=int, help="reporting year (only with a single report)")
    parser.add_argument("--executor", metavar="BODY", help="only this executor: its org_id or its name")
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help="worker processes (default: one per CPU, at most one per report; 0 or 1: in this process)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_LIMITS.max_seconds,
        metavar="SECONDS",
        help=f"time limit for reading one PDF or DOCX report (default: {DEFAULT_LIMITS.max_seconds:g}; 0: none)",
    )
    parser.add_argument(
        "--memory-limit",
        type=float,
        default=DEFAULT_LIMITS.max_memory_mb,
        metavar="MB",
        help=f"memory reading one PDF or DOCX report may add (default: {DEFAULT_LIMITS.max_memory_mb}; 0: none; Linux)",
    )
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="replace the results of an earlier run in --out (without it, such a folder is refused)",
    )
    parser.add_argument("--excel", action="store_true", help="write a UTF-8 BOM so Excel shows Azerbaijani letters")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress display")
    add_reading_options(parser)
    parser.set_defaults(handler=run)

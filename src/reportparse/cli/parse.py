"""``reportparse parse``: many reports in, one table per file out, robust to bad files and Ctrl-C.

Exit status: 0 every input parsed (or already in the output, with --resume); 1 no input could
be parsed; 2 usage error or no input files; 3 some inputs failed, the others were parsed;
130 interrupted (the tables of the files finished so far are written).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from reportparse.batch.discover import Discovery, discover, file_doc_id
from reportparse.batch.progress import Progress
from reportparse.batch.run import run_files
from reportparse.batch.workers import DEFAULT_MEMORY_LIMIT, DEFAULT_TIMEOUT
from reportparse.cli.options import add_ner_options, add_reading_options
from reportparse.errors import ReportParseError
from reportparse.output.folder import (
    FORMATS,
    Collector,
    read_output,
    write_errors,
    write_output,
)
from reportparse.pipeline import ParseOptions

OK, ALL_FAILED, USAGE, SOME_FAILED, INTERRUPTED = 0, 1, 2, 3, 130
"""Exit statuses of ``reportparse parse``."""

CHECKPOINT_SECONDS = 30.0
"""The output is rewritten at most this often during a run (and at its end), so even a killed
run keeps the files finished up to the last checkpoint."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add the ``parse`` subcommand to the CLI's subparsers."""
    parse = commands.add_parser(
        "parse",
        help="parse reports and write the tables (CSV or Parquet)",
        description="Parse .txt, .pdf and .docx reports (files, folders searched recursively, glob patterns) "
        "in parallel worker processes and write one file per table, errors.csv and datapackage.json into "
        "--out. Exit status: 0 all parsed; 1 none parsed; 2 usage error or no input files; 3 some failed "
        "(listed in errors.csv); 130 interrupted (finished files are written).",
    )
    parse.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="report files, folders or glob patterns ('reports/**/*.pdf')"
    )
    parse.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the tables")
    parse.add_argument("--year", type=int, help="reporting year of every input (default: from each title)")
    parse.add_argument("--format", choices=FORMATS, default="csv", help="table format (parquet needs pyarrow)")
    parse.add_argument("--excel", action="store_true", help="write a UTF-8 BOM so Excel shows Azerbaijani letters")
    parse.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help="worker processes (default: one per CPU; 0: in this process, without limits)",
    )
    parse.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time limit per file (default: {DEFAULT_TIMEOUT:g}; 0: none)",
    )
    parse.add_argument(
        "--memory-limit",
        type=float,
        default=DEFAULT_MEMORY_LIMIT,
        metavar="MB",
        help=f"memory a worker may add for one file (default: {DEFAULT_MEMORY_LIMIT}; 0: none; Linux)",
    )
    parse.add_argument(
        "--resume", action="store_true", help="skip files whose doc_id is already in --out, and keep their rows"
    )
    parse.add_argument(
        "--dask", metavar="ADDRESS", help="run on a Dask cluster (tcp://host:8786, or 'local'); needs reportparse[dask]"
    )
    parse.add_argument("--quiet", "-q", action="store_true", help="no progress display")
    add_ner_options(parse)
    add_reading_options(parse)
    parse.set_defaults(handler=run)


def _error(message: str) -> str:
    return f"reportparse: error: {message}"


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (``kill``) ends the run like Ctrl-C: finished files are written first."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum, _frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _pending(files: list[Path], done: dict[str, str]) -> tuple[list[Path], int]:
    """Files whose doc_id is not among ``done``, and how many were skipped."""
    pending = []
    for path in files:
        try:
            if file_doc_id(path) in done:
                continue
        except OSError:
            pass  # unreadable: let the worker report it
        pending.append(path)
    return pending, len(files) - len(pending)


def _missing_extra(args: argparse.Namespace) -> str | None:
    """What to install for the options given, checked before any file is parsed."""
    needed = [("pyarrow", "parquet", "--format parquet")] if args.format == "parquet" else []
    needed += [("distributed", "dask", "--dask")] if args.dask else []
    for module, extra, option in needed:
        if importlib.util.find_spec(module) is None:
            return f'{option} needs {module}: pip install "reportparse[{extra}]"'
    if args.ner.endswith("stanza"):  # stanza installed and a trained model there, before workers start
        from reportparse.ner.stanza_backend import check_stanza_model

        try:
            check_stanza_model(args.stanza_model)
        except ReportParseError as exc:
            return f"--ner {args.ner}: {exc}"
    return None


def run(args: argparse.Namespace) -> int:
    """Run ``reportparse parse``; returns the exit status."""
    found = discover(args.inputs)
    for note in found.notes:
        print(f"reportparse: warning: {note}", file=sys.stderr)
    if not found.files and not found.failures:
        print(_error("no input files"), file=sys.stderr)
        return USAGE
    if args.excel and args.format != "csv":
        print(_error("--excel applies to CSV output only"), file=sys.stderr)
        return USAGE
    missing = _missing_extra(args)
    if missing:
        print(_error(missing), file=sys.stderr)
        return USAGE
    with tempfile.TemporaryDirectory(prefix="reportparse-") as spill:
        return _run(
            args, found, Collector(read_output(args.out, fmt=args.format) if args.resume else None, spill=spill)
        )


def _options(args: argparse.Namespace) -> ParseOptions:
    return ParseOptions(
        year=args.year,
        password=args.password,
        pdf_engine=args.pdf_engine,
        ner=args.ner,
        ner_model=args.ner_model,
        stanza_model=args.stanza_model,
    )


class _Output:
    """The output folder during a run: rewritten at checkpoints and at the end."""

    def __init__(self, args: argparse.Namespace, collector: Collector) -> None:
        self.args, self.collector, self.folder = args, collector, Path(args.out)
        self.next_write, self.written = time.monotonic() + CHECKPOINT_SECONDS, len(collector.parsed)

    def write(self) -> None:
        """Every table (or, with nothing parsed, only the list of failures: old tables stay)."""
        collector, args = self.collector, self.args
        if collector.parsed or collector.resumed:
            write_output(self.folder, collector.tables(), collector.errors(), fmt=args.format, excel=args.excel)
        elif collector.failures:
            write_errors(self.folder, collector.errors(), excel=args.excel)

    def checkpoint(self) -> None:
        """Write when the checkpoint interval has passed and files were parsed since the last write
        (a slow write stretches the interval, so writing never dominates the run)."""
        if time.monotonic() < self.next_write or len(self.collector.parsed) <= self.written:
            return
        started = time.monotonic()
        self.write()
        self.written = len(self.collector.parsed)
        self.next_write = time.monotonic() + max(CHECKPOINT_SECONDS, 10 * (time.monotonic() - started))


def _summary(collector: Collector, out: Path, skipped: int, interrupted: bool) -> str:
    parsed, failed = len(collector.parsed), len(collector.failures)
    summary = f"{parsed} parsed, {failed} failed" + (f", {skipped} already in {out}/" if skipped else "")
    if collector.parsed or collector.resumed:
        summary += f"; tables in {out}/"
    if failed:
        summary += f"; failures listed in {out / 'errors.csv'}"
    return f"reportparse: {'interrupted: ' if interrupted else ''}{summary}"


def _status(collector: Collector, skipped: int, interrupted: bool) -> int:
    if interrupted:
        return INTERRUPTED
    if not collector.failures:
        return OK
    return SOME_FAILED if collector.parsed or skipped else ALL_FAILED


def _run(args: argparse.Namespace, found: Discovery, collector: Collector) -> int:
    files, skipped = _pending(found.files, collector.paths) if collector.resumed else (found.files, 0)
    for failure in found.failures:
        collector.add(failure)
        print(_error(f"{failure.path}: {failure.message}"), file=sys.stderr)
    results = run_files(
        files,
        _options(args),
        engine="dask" if args.dask else "processes",
        address=args.dask,
        jobs=args.jobs,
        timeout=args.timeout or None,
        memory_limit=args.memory_limit or None,
    )
    output, progress, interrupted = _Output(args, collector), Progress(len(files), enabled=not args.quiet), False
    with _terminate_as_interrupt():
        try:
            for result in results:
                duplicate = collector.add(result)
                progress.advance(failed=not result.ok)
                if not result.ok:
                    progress.note(_error(f"{result.path}: {result.message}"))
                for note in (*result.notes, duplicate) if duplicate else result.notes:
                    progress.note(f"reportparse: warning: {note}")
                output.checkpoint()
        except KeyboardInterrupt:
            interrupted = True
        finally:
            results.close()
            progress.close()
        output.write()
    print(_summary(collector, output.folder, skipped, interrupted), file=sys.stderr)
    return _status(collector, skipped, interrupted)

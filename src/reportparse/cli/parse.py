"""``reportparse parse``: many reports in, one table per file out, robust to bad files, Ctrl-C,
full disks and a second run into the same folder.

Exit status (:data:`STATUSES`): 0 every input parsed (or already in the output, with --resume);
1 no input could be parsed; 2 usage error, no input files, or an output folder that cannot be
used, found before any file is parsed (not writable, almost full, in use by another run, holding
an earlier run's tables without --resume or --overwrite, tables that contradict each other for
--resume); 3 some inputs failed, the others were parsed; 4 the
run stopped on an error (a worker that cannot start, a full disk, a bug): the tables of the files
parsed before it are written when possible, and the error line says whether; 130 interrupted
(the tables of the files finished so far are written).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib.util
import os
import signal
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from reportparse.batch.discover import Discovery, discover, skipped_summary
from reportparse.batch.progress import Progress, printable
from reportparse.batch.result import FileResult
from reportparse.batch.run import run_files
from reportparse.batch.workers import DEFAULT_MEMORY_LIMIT, DEFAULT_TIMEOUT
from reportparse.cli.options import add_ner_options, add_reading_options
from reportparse.errors import OcrUnavailableError, ReportParseError
from reportparse.ingest.ocr import INSTALL
from reportparse.output.folder import (
    FORMATS,
    Collector,
    parse_formats,
    read_output,
    record_format,
    write_errors,
    write_output,
    write_table,
)
from reportparse.output.guard import OutputNotEmptyError, check_previous_results
from reportparse.output.lock import LOCK_NAME, OutputLock, OutputLockedError
from reportparse.output.preflight import check_free_space, check_output_folder
from reportparse.output.resume import InconsistentOutputError, ResumePlan, plan_resume
from reportparse.pipeline import ParseOptions
from reportparse.tables.build import columns
from reportparse.tables.schema import DOCUMENTS

OK, ALL_FAILED, USAGE, SOME_FAILED, STOPPED, INTERRUPTED = 0, 1, 2, 3, 4, 130
"""Exit statuses of ``reportparse parse``."""

STATUSES = (
    "Exit status: 0 all parsed; 1 none parsed; 2 usage error, no input files, or --out unusable (not writable, "
    "almost full, in use by another run, holding earlier tables without --resume/--overwrite, inconsistent tables "
    "for --resume), found before any file is parsed; "
    "3 some failed (listed in errors.csv); 4 stopped by an error (a worker that cannot start, a full disk, a bug): "
    "the files parsed before it are written when possible; 130 interrupted (finished files are written)."
)
"""The exit statuses, as ``reportparse parse --help`` lists them."""

CHECKPOINT_SECONDS = 30.0
"""The output is rewritten at most this often during a run (and at its end), so even a killed
run keeps the files finished up to the last checkpoint."""

DEBUG_VARIABLE = "REPORTPARSE_DEBUG"
"""Set (to anything) in the environment, a run stopped by an error also prints the traceback."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add the ``parse`` subcommand to the CLI's subparsers."""
    parse = commands.add_parser(
        "parse",
        help="parse reports and write the tables (CSV, Parquet, an Excel workbook, SQLite for Datasette)",
        description="Parse .txt, .pdf, .docx, .html reports (and .doc, .odt, .rtf with LibreOffice installed; "
        "files, folders searched recursively, glob patterns) "
        "in parallel worker processes and write one file per table, errors.csv and datapackage.json into "
        f"--out. One run at a time writes into a folder (the lock file --out/{LOCK_NAME}). {STATUSES}",
    )
    parse.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="report files, folders or glob patterns ('reports/**/*.pdf')"
    )
    parse.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the tables")
    parse.add_argument("--year", type=int, help="reporting year of every input (default: from each title)")
    parse.add_argument(
        "--format",
        "-f",
        action="append",
        metavar="FORMAT",
        help=f"output format, one of {', '.join(FORMATS)}; several by repeating the option or with commas "
        "(--format csv,xlsx,sqlite). Default csv. parquet needs pyarrow; xlsx writes tables.xlsx (a sheet per "
        "table), sqlite writes tables.sqlite and metadata.json for Datasette, both beside the CSV files "
        "(or the Parquet files with --format parquet); see docs/formats.md",
    )
    parse.add_argument(
        "--excel",
        action="store_true",
        help="CSV for Excel: a UTF-8 BOM so Excel shows Azerbaijani letters, and a ' before text cells "
        "starting with = + - @ (formulas); for a real workbook use --format xlsx",
    )
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
    earlier = parse.add_mutually_exclusive_group()  # a folder holding tables is refused without one of them
    earlier.add_argument(
        "--resume",
        action="store_true",
        help="skip files whose doc_id is already in --out and keep their rows; files changed since are parsed "
        "again and replace their old rows",
    )
    earlier.add_argument(
        "--overwrite",
        action="store_true",
        help="replace the tables already in --out (without it or --resume, a folder holding tables is refused)",
    )
    parse.add_argument(
        "--follow-links",
        action="store_true",
        help="follow symbolic links that point outside the input folders (default: skip them and say how many)",
    )
    parse.add_argument(
        "--force-unlock",
        action="store_true",
        help=f"remove the lock ({LOCK_NAME}) a killed run left in --out (never that of a live run on this host)",
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


def _say(message: str) -> None:
    """A line on standard error, control characters of file names escaped."""
    print(printable(message), file=sys.stderr, flush=True)


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


def _missing_extra(args: argparse.Namespace) -> str | None:
    """What to install for the options given, checked before any file is parsed."""
    needed = [("pyarrow", '"reportparse[parquet]"', "--format parquet")] if "parquet" in args.formats else []
    needed += [("openpyxl", "openpyxl", "--format xlsx")] if "xlsx" in args.formats else []
    needed += [("distributed", '"reportparse[dask]"', "--dask")] if args.dask else []
    for module, package, option in needed:
        if importlib.util.find_spec(module) is None:
            return f"{option} needs {module}: pip install {package}"
    if args.ner.endswith("stanza"):  # stanza installed and a trained model there, before workers start
        from reportparse.ner.stanza_backend import check_stanza_model

        try:
            check_stanza_model(args.stanza_model)
        except ReportParseError as exc:
            return f"--ner {args.ner}: {exc}"
    return None


_ADVICE = {
    errno.ENOSPC: "free some space",
    getattr(errno, "EDQUOT", errno.ENOSPC): "free some space",
    errno.EROFS: "choose another --out",
    errno.EACCES: "make the folder writable",
    errno.EPERM: "make the folder writable",
}


def _describe(exc: BaseException) -> str:
    """What stopped a run, in a line: an OSError's reason, file and what to do; a worker's failure."""
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        advice = _ADVICE.get(exc.errno or 0)
        return f"{exc.strerror or exc}{where}" + (f"; {advice}" if advice else "")
    if isinstance(exc, (ImportError, ReportParseError)) or str(exc).startswith("a reportparse worker"):
        return str(exc)
    return f"internal error ({type(exc).__name__}: {exc}); please report it"


def _debug(exc: BaseException) -> None:
    if os.environ.get(DEBUG_VARIABLE):
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)


def _formats(args: argparse.Namespace) -> str | None:
    """``args.formats`` (every format asked for) and ``args.format`` (the table files' format, the
    folder's record: :func:`reportparse.output.folder.record_format`) from ``--format``."""
    try:
        args.formats = parse_formats(args.format or ["csv"])
    except ValueError as exc:
        return f"--format: {exc}"
    args.format = record_format(args.formats)
    return None


def _usage_problem(args: argparse.Namespace, found: Discovery) -> str | None:
    if not found.files and not found.failures:
        return "no input files"
    if args.excel and args.format != "csv":
        return "--excel applies to CSV output only"
    return _missing_extra(args)


def _folder_problem(args: argparse.Namespace) -> str | None:
    """An output (or temporary) folder that would fail at the first write: found before any work."""
    temporary = tempfile.gettempdir()
    return check_output_folder(args.out) or check_free_space(temporary, what=f"the temporary folder {temporary}")


def run(args: argparse.Namespace) -> int:
    """Run ``reportparse parse``; returns the exit status."""
    problem = _formats(args)
    if problem:
        _say(_error(problem))
        return USAGE
    found = discover(args.inputs, follow_links=args.follow_links)
    for note in found.notes:
        _say(f"reportparse: warning: {note}")
    problem = _usage_problem(args, found) or _folder_problem(args)
    if problem:
        _say(_error(problem))
        return USAGE
    try:
        with _terminate_as_interrupt(), OutputLock(args.out, force=args.force_unlock):
            return _resume_and_run(args, found)
    except (OutputLockedError, InconsistentOutputError, OutputNotEmptyError) as exc:
        _say(_error(f"--resume: {exc}" if isinstance(exc, InconsistentOutputError) else str(exc)))
        return USAGE
    except KeyboardInterrupt:
        _say("reportparse: interrupted before any file was parsed")
        return INTERRUPTED
    except Exception as exc:  # noqa: BLE001  (one line, not a traceback; REPORTPARSE_DEBUG shows it)
        _say(_error(f"the run stopped: {_describe(exc)}"))
        _debug(exc)
        return STOPPED


def _resume_and_run(args: argparse.Namespace, found: Discovery) -> int:
    """Refuse a folder holding tables (unless ``--resume`` or ``--overwrite``; checked under the lock,
    so no run writes between the check and this run's writes), read the folder's tables
    (``--resume``) and run the batch, with a spill folder for results."""
    plan = ResumePlan(list(found.files))
    if not (args.resume or args.overwrite):
        check_previous_results(args.out, inputs=[*found.files, *(failure.path for failure in found.failures)])
    if args.resume:
        plan = plan_resume(found.files, read_output(args.out, fmt=args.format))
        if plan.replaced and plan.prior:  # a document leaves documents first (see output.resume)
            write_table(args.out, DOCUMENTS, plan.prior[DOCUMENTS], fmt=args.format, excel=args.excel)
    with tempfile.TemporaryDirectory(prefix="reportparse-") as spill:
        return _run(args, found, Collector(plan.prior or None, spill=spill), plan)


def _options(args: argparse.Namespace) -> ParseOptions:
    return ParseOptions(
        year=args.year,
        password=args.password,
        pdf_engine=args.pdf_engine,
        ner=args.ner,
        ner_model=args.ner_model,
        stanza_model=args.stanza_model,
        ocr=args.ocr,
    )


class _Output:
    """The output folder during a run: rewritten at checkpoints and at the end."""

    def __init__(self, args: argparse.Namespace, collector: Collector) -> None:
        self.args, self.collector, self.folder = args, collector, Path(args.out)
        self.next_write, self.written = time.monotonic() + CHECKPOINT_SECONDS, len(collector.parsed)
        self.clear = args.overwrite and (self.folder / f"{DOCUMENTS}.{args.format}").is_file()

    def write(self) -> None:
        """Every table (or, with nothing parsed, only the list of failures: old tables stay).

        The first write of ``--overwrite`` empties ``documents`` first: the old documents leave the
        folder before their rows do, so a run killed in between leaves a folder ``--resume`` accepts.
        """
        collector, args = self.collector, self.args
        if collector.parsed or collector.resumed:
            if self.clear:
                empty = pd.DataFrame(columns=columns(DOCUMENTS))
                write_table(self.folder, DOCUMENTS, empty, fmt=args.format, excel=args.excel)
                self.clear = False
            write_output(self.folder, collector.tables(), collector.errors(), formats=args.formats, excel=args.excel)
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

    def finish(self) -> BaseException | None:
        """The final write; returns what prevented it (a full disk, a second Ctrl-C), or None."""
        try:
            self.write()
        except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001  (reported in one line by the caller)
            return exc
        return None


def _take(result: FileResult, collector: Collector, progress: Progress) -> None:
    duplicate = collector.add(result)
    progress.advance(failed=not result.ok)
    if not result.ok:
        progress.note(_error(f"{result.path}: {result.message}"))
    for note in (*result.notes, duplicate) if duplicate else result.notes:
        progress.note(f"reportparse: warning: {note}")


def _collect(
    args: argparse.Namespace, files: list[Path], collector: Collector, output: _Output, progress: Progress
) -> tuple[bool, BaseException | None]:
    """Parse the files into the collector, writing checkpoints.

    Returns:
        Whether the run was interrupted, and the error that stopped it (None: it ran to the end).
    """
    results = None
    try:
        results = run_files(
            files,
            _options(args),
            engine="dask" if args.dask else "processes",
            address=args.dask,
            jobs=args.jobs,
            timeout=args.timeout or None,
            memory_limit=args.memory_limit or None,
        )
        for result in results:
            _take(result, collector, progress)
            output.checkpoint()
    except KeyboardInterrupt:
        return True, None
    except Exception as exc:  # noqa: BLE001  (a worker that cannot start, a full disk, a bug: keep what is done)
        return False, exc
    finally:
        if results is not None:
            results.close()
        progress.close()
    return False, None


def _stop_message(stopped: BaseException | None, unwritten: BaseException | None, parsed: int, folder: Path) -> str:
    """One line: what stopped the run or its final write, and what the folder holds."""
    parts = [f"the run stopped: {_describe(stopped)}"] if stopped is not None else []
    if unwritten is None:
        parts.append(f"the {parsed} file(s) parsed before it are written in {folder}/; --resume parses the rest")
    elif isinstance(unwritten, KeyboardInterrupt):
        parts.append(f"interrupted while writing the tables: {folder}/ keeps those of its last complete write")
    else:
        same = stopped is not None and _describe(unwritten) == _describe(stopped)
        why = "" if same else f": {_describe(unwritten)}"
        parts.append(
            f"the tables of the {parsed} file(s) parsed could not be written{why}; {folder}/ keeps those of its "
            "last complete write; run again with --resume once this is fixed"
        )
    return "; ".join(parts)


def _summary(collector: Collector, out: Path, plan: ResumePlan, found: Discovery, state: str, written: bool) -> str:
    parsed, failed = len(collector.parsed), len(collector.failures)
    summary = f"{parsed} parsed, {failed} failed" + (f", {plan.skipped} already in {out}/" if plan.skipped else "")
    scans = sum(failure.error_type == OcrUnavailableError.__name__ for failure in collector.failures)
    if scans:
        summary += f" ({scans} scanned PDF(s) need OCR: {INSTALL})"
    if plan.replaced:
        summary += f", {len(plan.replaced)} changed since the last run (old rows replaced)"
    if found.skipped_links:
        summary += f", {len(found.skipped_links)} symbolic link(s) not followed (--follow-links)"
    if found.skipped_files:
        skipped = found.skipped_files
        summary += f", {sum(skipped.values())} skipped as not a report format ({skipped_summary(skipped)})"
    if written and (collector.parsed or collector.resumed):
        summary += f"; tables in {out}/"
    if written and failed:
        summary += f"; failures listed in {out / 'errors.csv'}"
    return f"reportparse: {state + ': ' if state else ''}{summary}"


def _status(collector: Collector, plan: ResumePlan, interrupted: bool, stopped: bool) -> int:
    if stopped:
        return STOPPED
    if interrupted:
        return INTERRUPTED
    if not collector.failures:
        return OK
    return SOME_FAILED if collector.parsed or plan.skipped else ALL_FAILED


def _run(args: argparse.Namespace, found: Discovery, collector: Collector, plan: ResumePlan) -> int:
    for failure in found.failures:
        collector.add(failure)
        _say(_error(f"{failure.path}: {failure.message}"))
    output = _Output(args, collector)
    interrupted, stopped = _collect(
        args, plan.files, collector, output, Progress(len(plan.files), enabled=not args.quiet)
    )
    unwritten = output.finish()
    interrupted |= isinstance(unwritten, KeyboardInterrupt)
    failed = stopped is not None or (unwritten is not None and not isinstance(unwritten, KeyboardInterrupt))
    if stopped is not None or unwritten is not None:
        _say(_error(_stop_message(stopped, unwritten, len(collector.parsed), output.folder)))
        for exc in (stopped, unwritten):
            if exc is not None:
                _debug(exc)
    state = "stopped" if failed else "interrupted" if interrupted else ""
    _say(_summary(collector, output.folder, plan, found, state, written=unwritten is None))
    return _status(collector, plan, interrupted, failed)

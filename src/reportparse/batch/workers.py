"""Batch parsing: running files in isolated worker processes.

Every file runs in a worker process that loaded the pipeline once, under a time limit and a
memory limit, so one bad or huge file costs one row of errors.csv and never the run. Results
come back as :class:`FileResult` objects in completion order; :mod:`reportparse.output.folder` puts
them in a deterministic order and writes them.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from multiprocessing.connection import wait
from pathlib import Path

from reportparse.batch.result import MEMORY_LIMIT, TIMEOUT, WORKER_CRASH, FileResult
from reportparse.errors import ReportParseError
from reportparse.ingest import ocr
from reportparse.ingest.sandbox import mark_isolated
from reportparse.pipeline import ParseOptions, parse_document
from reportparse.resources import sample_report_path
from reportparse.tables.schema import SECTIONS

DEFAULT_TIMEOUT = 120.0
"""Seconds one file may take in a worker (a 10-page report takes well under a second)."""

DEFAULT_MEMORY_LIMIT = 2048
"""MB of address space a worker may add, for one file, to what it uses once loaded."""

_READY = "ready"
_MORE_TIME = "more time"


def _without_path(error: ReportParseError) -> str:
    message = str(error)
    prefix = f"{error.path}: " if error.path else ""
    return message[len(prefix) :] if prefix and message.startswith(prefix) else message


def parse_file(path: str | os.PathLike[str], options: ParseOptions = ParseOptions()) -> FileResult:
    """Parse one file, turning every failure into a :class:`FileResult` (never raises)."""
    started = time.perf_counter()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            document, tables = parse_document(Path(path), options)
    except ReportParseError as exc:
        return FileResult.failure(path, type(exc).__name__, _without_path(exc), seconds=time.perf_counter() - started)
    except MemoryError:
        return FileResult.failure(
            path,
            MEMORY_LIMIT,
            "the file needs more memory than the worker's limit (raise --memory-limit)",
            seconds=time.perf_counter() - started,
        )
    except Exception as exc:  # noqa: BLE001  (a bug must not cost the user the rest of the batch)
        return FileResult.failure(
            path,
            type(exc).__name__,
            f"internal error ({exc}); please report it with the file",
            seconds=time.perf_counter() - started,
        )
    notes = [str(warning.message) for warning in caught]
    if not any(tables.column(SECTIONS, "item")) and not document.scanned:
        notes.append(f"{path}: no plan-item headings found; the whole text is one section")
    return FileResult(
        path=str(path), doc_id=document.doc_id, tables=tables, notes=tuple(notes), seconds=time.perf_counter() - started
    )


def warm_up(options: ParseOptions = ParseOptions()) -> None:
    """Load everything the pipeline needs (modules, grammars, caches, the NER model ``options``
    ask for) by parsing the bundled sample."""
    parse_document(sample_report_path(), options)


def run_serial(paths: Iterable[str | os.PathLike[str]], options: ParseOptions = ParseOptions()) -> Iterator[FileResult]:
    """Parse files one after the other in this process: no isolation, no limits (for debugging)."""
    for path in paths:
        yield parse_file(path, options)


def _address_space() -> int | None:
    try:
        with open("/proc/self/statm") as stream:
            return int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError):
        return None


def _limit_memory(megabytes: float | None) -> None:
    """Cap this process's address space at its current size plus ``megabytes`` (Linux only)."""
    if not megabytes:
        return
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the time limit still applies
        return
    current = _address_space()
    if current is None:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = current + int(megabytes * 2**20)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass  # the platform does not enforce RLIMIT_AS


def _worker_main(connection, options: ParseOptions, memory_limit: float | None) -> None:
    mark_isolated()  # a worker is the isolation: load() parses PDF and DOCX files right here
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent decides
    # A worker is one CPU's share: PyTorch (Stanza backend) threads competing with the other
    # workers spin in barriers and run several times slower than one thread.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    warm_up(options)
    _limit_memory(memory_limit)  # after loading: the limit is what one file may add
    # OCR of a long scan asks for more time (per page): the parent moves the file's deadline.
    ocr.on_time_request(lambda seconds: connection.send((_MORE_TIME, seconds)))
    connection.send(_READY)
    while True:
        try:
            path = connection.recv()
        except EOFError:
            return
        if path is None:
            return
        connection.send(parse_file(path, options))


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


class _Worker:
    """One worker process and the file it is busy with."""

    def __init__(self, context, options: ParseOptions, memory_limit: float | None) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, options, memory_limit), daemon=True, name="reportparse-worker"
        )
        self.process.start()
        child.close()
        self.ready = False
        self.path: str | None = None
        self.deadline = float("inf")
        self.started = 0.0

    def assign(self, path: str, timeout: float | None) -> None:
        self.path, self.started = path, time.monotonic()
        self.deadline = self.started + timeout if timeout else float("inf")
        self.connection.send(path)

    def poll(self, timeout: float | None) -> tuple[FileResult | None, bool]:
        """What happened since the last poll: a result (or None) and whether to replace the worker."""
        if self.connection.poll():
            try:
                message = self.connection.recv()
            except (EOFError, OSError):
                message = None
            if message == _READY:
                self.ready = True
                return None, False
            if isinstance(message, tuple) and len(message) == 2 and message[0] == _MORE_TIME:
                self.deadline += float(message[1])  # OCR pages: PAGE_SECONDS each, beyond --timeout
                return None, False
            if isinstance(message, FileResult):
                self.path = None
                return message, message.error_type == MEMORY_LIMIT  # a fresh heap for the next file
        if not self.process.is_alive() or self.connection.closed:
            self.process.join(1)
            if not self.ready:
                raise RuntimeError(f"a reportparse worker failed to start ({_describe_exit(self.process.exitcode)})")
            if self.path is None:
                return None, True
            return FileResult.failure(
                self.path,
                WORKER_CRASH,
                f"the worker died ({_describe_exit(self.process.exitcode)}), probably out "
                "of memory or a crash in a PDF library",
                seconds=time.monotonic() - self.started,
            ), True
        if self.path is not None and time.monotonic() > self.deadline:
            return FileResult.failure(
                self.path,
                TIMEOUT,
                f"took longer than {timeout:g} s (raise --timeout)",
                seconds=time.monotonic() - self.started,
            ), True
        return None, False

    def stop(self) -> None:
        if self.path is None and self.process.is_alive():
            try:
                self.connection.send(None)
                self.process.join(2)
            except (OSError, ValueError):
                pass
        if self.process.is_alive():
            self.process.kill()
            self.process.join(2)
        self.connection.close()


def _context():
    """Workers forked from a server that has imported reportparse: safe under threads (Jupyter,
    Dask) unlike a plain fork, and cheap to replace after a timeout unlike spawn. As with any
    multiprocessing code, a script must guard its entry point (``if __name__ == "__main__":``).
    Windows has only spawn."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def run_pool(
    paths: Sequence[str | os.PathLike[str]],
    options: ParseOptions = ParseOptions(),
    *,
    jobs: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    memory_limit: float | None = DEFAULT_MEMORY_LIMIT,
) -> Iterator[FileResult]:
    """Parse files in worker processes, each file under a time and a memory limit.

    A worker that runs past ``timeout``, exceeds its memory or dies is replaced and its file
    reported as failed; closing the iterator (or Ctrl-C) stops every worker at once.

    Args:
        paths: the files.
        options: reading and parsing options.
        jobs: worker processes (default: one per CPU, at most one per file).
        timeout: seconds per file (None or 0: no limit).
        memory_limit: MB a worker may add for one file (None or 0: no limit; Linux only).

    Yields:
        One :class:`FileResult` per file, in completion order.
    """
    queue = deque(os.fspath(path) for path in paths)
    if not queue:
        return
    count = max(1, min(jobs or os.cpu_count() or 1, len(queue)))
    context = _context()
    workers = [_Worker(context, options, memory_limit) for _ in range(count)]
    try:
        while queue or any(worker.path is not None for worker in workers):
            for worker in workers:
                if worker.ready and worker.path is None and queue:
                    worker.assign(queue.popleft(), timeout)
            deadline = min((worker.deadline for worker in workers if worker.path is not None), default=float("inf"))
            wait(
                [handle for worker in workers for handle in (worker.connection, worker.process.sentinel)],
                timeout=None if deadline == float("inf") else max(0.0, deadline - time.monotonic()),
            )
            finished = []
            for worker in workers:
                result, replace = worker.poll(timeout)
                if replace:
                    worker.stop()
                    finished.append(worker)
                if result is not None:
                    yield result
            for worker in finished:
                workers.remove(worker)
                if queue:  # a fresh worker only while there is work left for it
                    workers.append(_Worker(context, options, memory_limit))
    finally:
        for worker in workers:
            worker.stop()

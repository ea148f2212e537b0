"""One dispatch for a batch: the files run in this process, in isolated worker processes, or on
a Dask cluster. :func:`reportparse.parse_many` and ``reportparse parse`` both run through it."""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator, Sequence

from reportparse.batch.result import FileResult
from reportparse.batch.workers import DEFAULT_MEMORY_LIMIT, DEFAULT_TIMEOUT, run_pool, run_serial
from reportparse.pipeline import ParseOptions

ENGINES = ("processes", "dask")
"""Where a batch runs: worker processes on this machine, or a Dask cluster (``reportparse[dask]``)."""


def run_files(
    files: Sequence[str | os.PathLike[str]],
    options: ParseOptions,
    *,
    engine: str = "processes",
    jobs: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    memory_limit: float | None = DEFAULT_MEMORY_LIMIT,
    address: str | None = None,
) -> Generator[FileResult, None, None]:
    """Parse files, yielding one result per file in completion order.

    Args:
        files: the files to parse.
        options: reading and parsing options.
        engine: one of :data:`ENGINES`.
        jobs: worker processes (default: one per CPU); 0 parses in this process, without time or
            memory limits. With ``dask``: workers of a local cluster.
        timeout: seconds per file (None: no limit; ``processes`` only).
        memory_limit: MB a worker may add for one file (None: no limit; Linux, ``processes`` only).
        address: the Dask scheduler (``tcp://host:8786``); None or ``local`` starts a local cluster.

    Returns:
        A generator of :class:`~reportparse.batch.result.FileResult`; closing it (or Ctrl-C) stops
        every worker.

    Raises:
        ValueError: an unknown engine.
        ImportError: ``dask`` without dask.distributed installed (raised at once, before any file).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "dask":
        from reportparse.batch.dask import run_dask

        results = run_dask(files, options, address=address, workers=jobs)
    elif jobs == 0:
        results = run_serial(files, options)
    else:
        results = run_pool(files, options, jobs=jobs, timeout=timeout, memory_limit=memory_limit)
    return _closing(results)


def _closing(results: Iterator[FileResult]) -> Generator[FileResult, None, None]:
    try:
        yield from results
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()

"""Scaling out with Dask: ``parse_many(..., engine="dask")`` and ``reportparse parse --dask ADDRESS``.

Files are split into partitions; each partition is one Dask task that parses its files with
:func:`reportparse.batch.workers.parse_file` and sends back their tables, which the caller writes as
partitions complete. Every worker loads the pipeline once (at start, and lazily on workers that
join later). Workers read the files themselves, so they need reportparse installed and the
files at the same paths (a shared file system). Needs ``pip install "reportparse[dask]"``.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Iterator, Sequence

from reportparse.batch.result import WORKER_CRASH, FileResult
from reportparse.batch.workers import parse_file, warm_up
from reportparse.pipeline import ParseOptions

_MAX_PARTITION = 64
_loaded = False


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ImportError('the Dask engine needs dask.distributed: pip install "reportparse[dask]"') from None
    return distributed


def load_pipeline() -> None:
    """Load the pipeline in this (worker) process, once."""
    global _loaded
    if not _loaded:
        warm_up()
        _loaded = True


def parse_partition(paths: Sequence[str], options: ParseOptions) -> list[FileResult]:
    """The Dask task: parse a partition of files (failures become results, never exceptions)."""
    load_pipeline()
    return [parse_file(path, options) for path in paths]


def partition_size(files: int, workers: int) -> int:
    """Files per task: about four tasks per worker for balance, at most 64 files per task."""
    return max(1, min(_MAX_PARTITION, math.ceil(files / (4 * max(workers, 1)))))


def run_dask(
    paths: Sequence[str | os.PathLike[str]],
    options: ParseOptions,
    *,
    address: str | None = None,
    workers: int | None = None,
) -> Iterator[FileResult]:
    """Parse files on a Dask cluster.

    Args:
        paths: the files (readable by the workers at these paths).
        options: reading and parsing options.
        address: the scheduler (``tcp://host:8786``); None or ``local`` starts a local cluster.
        workers: worker processes of the local cluster (default: one per CPU).

    Returns:
        An iterator of one :class:`~reportparse.batch.workers.FileResult` per file, a partition at a
        time. A task that fails as a whole (its worker died) gives a failure for each of its files.

    Raises:
        ImportError: dask.distributed is not installed.
    """
    distributed = _distributed()  # now, not at the first result: a missing extra is a usage error
    return _results(distributed, [os.fspath(path) for path in paths], options, address=address, workers=workers)


def _results(
    distributed, paths: list[str], options: ParseOptions, *, address: str | None, workers: int | None
) -> Iterator[FileResult]:
    if not paths:
        return
    cluster = None
    if address in (None, "local"):
        cluster = distributed.LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = distributed.Client(cluster)
    else:
        client = distributed.Client(address)
    try:
        client.run(load_pipeline)
        size = partition_size(len(paths), len(client.scheduler_info()["workers"]))
        partitions = [paths[start : start + size] for start in range(0, len(paths), size)]
        futures = client.map(parse_partition, partitions, options=options, pure=False)
        files = {future.key: partition for future, partition in zip(futures, partitions, strict=True)}
        for future in distributed.as_completed(futures):
            try:
                results = future.result()
            except Exception as exc:  # noqa: BLE001  (a lost task costs its files, not the run)
                results = [
                    FileResult.failure(path, WORKER_CRASH, f"the Dask task failed ({type(exc).__name__}: {exc})")
                    for path in files[future.key]
                ]
            future.release()
            yield from results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

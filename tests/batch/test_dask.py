"""The Dask engine, on a LocalCluster (skipped without ``reportparse[dask]``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import reportparse
from reportparse.batch.dask import partition_size
from reportparse.pipeline import TABLES
from tests.cli.test_cli import run

pytestmark = pytest.mark.extras
distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    bad = tmp_path_factory.mktemp("bad") / "broken.pdf"
    bad.write_bytes(b"not a pdf")
    return [*sorted((ROOT / "corpus" / "reports").glob("*.txt"))[:5], bad]


def test_dask_engine_gives_the_tables_of_the_local_engine(cluster, inputs):
    on_dask = reportparse.parse_many(inputs, engine="dask", address=cluster.scheduler_address, progress=False)
    local = reportparse.parse_many(inputs, jobs=0, progress=False)
    assert len(on_dask) == 5 and list(on_dask.errors["error_type"]) == ["CorruptFileError"]
    for name in TABLES:
        pd.testing.assert_frame_equal(on_dask.tables[name], local.tables[name])


def test_cli_runs_on_a_cluster_address(cluster, inputs, tmp_path):
    result = run("parse", *map(str, inputs), "--out", str(tmp_path), "--dask", cluster.scheduler_address)
    assert result.returncode == 3, result.stderr
    documents = pd.read_csv(tmp_path / "documents.csv", dtype=str)
    assert sorted(documents["path"]) == sorted(map(str, inputs[:5]))
    assert "broken.pdf" in (tmp_path / "errors.csv").read_text(encoding="utf-8")


def test_partitions_balance_the_workers():
    assert partition_size(1000, 2) == 64 and partition_size(40, 2) == 5 and partition_size(3, 8) == 1

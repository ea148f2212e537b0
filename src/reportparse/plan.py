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
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .document import Document
from .errors import CorruptFileError, MissingFileError, PlanFormatError
from .extract.dates import find_dates
from .extract.organizations import find_organizations, org_key
from .lang.az.casing import casefold
from .lang.az.plan_labels import (
    COLUMN_HEADINGS,
    EXECUTOR_HEAD_STEMS,
    FIELD_LABELS,
    GENERIC_EXECUTOR_HEADS,
    QUALIFIERS,
    RECURRING_DEADLINES,
)
from .loader import load
from .metadata import extract_metadata
from .segment import Section, Segmentation, segment

PLAN_COLUMNS = (
    "plan_id", "item", "measure", "executors", "executor_ids", "deadline_text", "deadline_kind",
    "deadline_start", "deadline_end", "expected_result", "chapter",
)
"""Columns of :meth:`Plan.to_frame`."""

TABLE_SUFFIXES = (".tsv", ".csv")


@dataclass
class PlanItem:
    """One measure of a plan.

    Attributes:
        item: the number as printed, without a final dot (``1.1.3``).
        measure: the commitment text, whitespace-normalized, without its final full stop.
        executors: canonical names of the executors (the printed text when not recognised).
        executor_ids: their ids, aligned with ``executors`` ("" for a class of bodies such as
            ``yerli icra hakimiyyəti orqanları``).
        executors_text: the executors as printed.
        deadline_text: the ``İcra müddəti`` value as printed.
        deadline_kind: ``point``, ``period``, ``range``, ``deadline`` (a date), ``continuous``
            (``mütəmadi``), ``recurring`` (``hər il …``) or "" when unknown.
        deadline_start, deadline_end: ISO dates; continuous and recurring measures span the
            plan period.
        expected_result: the ``Gözlənilən nəticə`` value, or "".
        chapter: the chapter heading the measure stands under in a text plan, or "".
        start, end: span of the item number in the plan document's text, when found there.
    """

    item: str
    measure: str
    executors: list[str] = field(default_factory=list)
    executor_ids: list[str] = field(default_factory=list)
    executors_text: str = ""
    deadline_text: str = ""
    deadline_kind: str = ""
    deadline_start: str = ""
    deadline_end: str = ""
    expected_result: str = ""
    chapter: str = ""
    start: int | None = None
    end: int | None = None


@dataclass
class Plan:
    """An action plan: its items in order, and where they came from.

    Attributes:
        plan_id: the plan document's ``doc_id`` (or the id given to :func:`load_plan`).
        items: the measures, in plan order.
        source: the plan file, or None.
        form: ``text``, ``docx_table``, ``pdf_table``, ``tsv_table`` or ``report`` (a report's
            own headings).
        title: the plan's title.
        period_start, period_end: the plan period (ISO) when the title names one.
    """

    plan_id: str
    items: list[PlanItem]
    source: str | None = None
    form: str = "text"
    title: str = ""
    period_start: str = ""
    period_end: str = ""

    def __iter__(self) -> Iterator[PlanItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def get(self, item: str) -> PlanItem | None:
        """The item numbered ``item``, or None."""
        return next((entry for entry in self.items if entry.item == item), None)

    def to_frame(self) -> pd.DataFrame:
        """One row per item, columns :data:`PLAN_COLUMNS` (lists joined with ``; ``)."""
        rows = [{
            "plan_id": self.plan_id, "item": entry.item, "measure": entry.measure,
            "executors": "; ".join(entry.executors), "executor_ids": "; ".join(i for i in entry.executor_ids if i),
            "deadline_text": entry.deadline_text, "deadline_kind": entry.deadline_kind,
            "deadline_start": entry.deadline_start, "deadline_end": entry.deadline_end,
            "expected_result": entry.expected_result, "chapter": entry.chapter,
        } for entry in self.items]
        return pd.DataFrame(rows, columns=list(PLAN_COLUMNS))


# --- cells and values ---------------------------------------------------------------------------

def _one_line(text: str) -> str:
    """Cell or label text on one line: a line-end hyphen joins (``proqnoz-⏎məlumat``), else a space."""
    text = re.sub(r"(?<=\w-)\s*\n\s*", "", text)
    return " ".join(text.split())


def _clean_measure(text: str) -> str:
    return _one_line(text).strip(" “”\"«»").rstrip(".").rstrip()


_QUALIFIER = re.compile(r"\s*\((?:" + "|".join(QUALIFIERS) + r")\)", re.IGNORECASE)


def _ends_executor(segment: str) -> bool:
    """Whether a comma-separated piece ends with an organization's head (so the list goes on)."""
    words = casefold(_QUALIFIER.sub("", segment)).split()
    return bool(words) and (words[-1] in GENERIC_EXECUTOR_HEADS or words[-1].startswith(EXECUTOR_HEAD_STEMS))


def split_executors(value: str) -> list[str]:
    """The executors of an ``İcraçılar`` value, as printed, qualifiers such as ``(razılıq əsasında)`` removed.

    A bulleted list gives one executor per bullet; otherwise ``;`` separates executors and a
    comma does only after an organization's head noun, so ``Nəqliyyat, Rabitə və Yüksək
    Texnologiyalar Nazirliyi`` stays one name.
    """
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    if lines and all(line[0] in "-–•·" for line in lines):
        pieces = [line.lstrip("-–•· ").strip() for line in lines]
    else:
        pieces = []
        for chunk in re.split(r"[;\n]", value):
            pending = ""
            for part in chunk.split(","):
                pending = f"{pending}, {part.strip()}" if pending else part.strip()
                if _ends_executor(pending):
                    pieces.append(pending)
                    pending = ""
            if pending.strip():
                pieces.append(pending)
    executors = [_one_line(_QUALIFIER.sub("", piece)).strip(" .;,") for piece in pieces]
    return [executor for executor in executors if executor]


def canonical_executor(executor: str) -> tuple[str, str]:
    """(canonical name, id) of one executor; a class of bodies keeps its text and gets no id."""
    words = casefold(executor).split()
    if words and words[-1] in GENERIC_EXECUTOR_HEADS:
        return executor, ""
    mentions = [m for m in find_organizations(executor) if not m.anaphoric]
    if mentions:  # the executor's head noun ends it: take the mention ending last
        last = max(mentions, key=lambda m: (m.end, m.end - m.start))
        return last.name, last.key
    return executor, org_key(executor)


def parse_deadline(text: str, *, period: tuple[str, str] = ("", "")) -> tuple[str, str, str]:
    """(kind, start, end) of an ``İcra müddəti`` value.

    Args:
        text: the value as printed (``2020–2022-ci illər``, ``2021-ci ilin sonunadək``,
            ``mütəmadi``, ``hər il, martın 1-dək``).
        period: the plan period, which continuous and recurring measures span.

    Returns:
        The kind (see :attr:`PlanItem.deadline_kind`) and ISO start and end ("" when unknown).
    """
    mentions = find_dates(text)
    dated = [m for m in mentions if m.date_start is not None]
    folded = casefold(text)
    recurring = any(re.search(rf"(?<!\w){word}(?!\w)", folded) for word in RECURRING_DEADLINES)
    if mentions and mentions[0].kind == "continuous":
        return "continuous", *period
    if dated and not recurring:
        kind = dated[0].kind if len(dated) == 1 else "range"
        return kind, min(m.date_start for m in dated).isoformat(), max(m.date_end for m in dated).isoformat()
    if recurring:
        return "recurring", *period
    if mentions:
        return mentions[0].kind, *period
    return "", "", ""


def _make_item(number: str, measure: str, *, executors: str = "", deadline: str = "", result: str = "",
               chapter: str = "", period: tuple[str, str] = ("", "")) -> PlanItem:
    names, ids = [], []
    for executor in split_executors(executors):
        name, key = canonical_executor(executor)
        names.append(name)
        ids.append(key)
    kind, start, end = parse_deadline(_one_line(deadline), period=period) if deadline.strip() else ("", "", "")
    return PlanItem(
        item=number.strip().rstrip("."), measure=_clean_measure(measure), executors=names, executor_ids=ids,
        executors_text=_one_line(executors), deadline_text=_one_line(deadline), deadline_kind=kind,
        deadline_start=start, deadline_end=end, expected_result=_clean_measure(result), chapter=chapter,
    )


# --- numbered text lists ------------------------------------------------------------------------

_ITEM_START = re.compile(r"(?m)^(?P<number>\d+(?:\.\d+)+\.?|\d+\.)[ \t]+(?=\S)")
_LABELS = sorted(((label, name) for name, labels in FIELD_LABELS.items() for label in labels), key=lambda p: -len(p[0]))
_LABEL = re.compile(r"(?m)^(?P<label>" + "|".join(re.escape(label) for label, _ in _LABELS) + r")[ \t]*:")
_LABEL_FIELD = dict(_LABELS)


@dataclass
class _TextItem:
    item: PlanItem
    number_start: int
    number_end: int
    block_end: int


def _text_items(text: str, period: tuple[str, str]) -> list[_TextItem]:
    """Measures of a numbered text plan; chapter headings (no labelled fields) are skipped."""
    folded = casefold(text)
    starts = list(_ITEM_START.finditer(text))
    found, chapter = [], ""
    for index, match in enumerate(starts):
        block_end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        labels = list(_LABEL.finditer(folded, match.end(), block_end))
        if not labels:
            chapter = _clean_measure(text[match.end():block_end])
            continue
        fields: dict[str, str] = {}
        for number, label in enumerate(labels):
            value_end = labels[number + 1].start() if number + 1 < len(labels) else block_end
            fields.setdefault(_LABEL_FIELD[label.group("label")], text[label.end():value_end].strip())
        item = _make_item(match.group("number"), text[match.end():labels[0].start()],
                          executors=fields.get("executors", ""), deadline=fields.get("deadline", ""),
                          result=fields.get("expected_result", ""), chapter=chapter, period=period)
        number_end = match.start() + len(match.group("number").rstrip("."))
        item.start, item.end = match.start(), number_end
        found.append(_TextItem(item, match.start(), number_end, block_end))
    return found


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
        _make_item(values.get("item", ""), values.get("measure", ""), executors=values.get("executors", ""),
                   deadline=values.get("deadline", ""), result=values.get("expected_result", ""), period=period)
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
        raise CorruptFileError(f"pdfplumber cannot read the tables of this PDF ({type(exc).__name__}: {exc})",
                               path=path) from None
    return rows


def _delimited_rows(path: Path) -> list[list[str]]:
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream, delimiter=delimiter))


def _anchor(text: str, items: list[PlanItem]) -> None:
    """Find each table item's number at the start of a line of the document text, in order."""
    position = 0
    for entry in items:
        match = re.compile(rf"(?m)^{re.escape(entry.item)}\.?(?=\s)").search(text, position)
        if match:
            entry.start, entry.end = match.start(), match.start() + len(entry.item)
            position = match.end()


# --- entry points -------------------------------------------------------------------------------

def _period(document: Document) -> tuple[str, str, str]:
    """Title and plan period; the period falls back to the first span of years before the first
    measure (a plan's title block may not end in a line of its own)."""
    metadata = extract_metadata(document, segment(document))
    if metadata.period_start:
        return metadata.title, metadata.period_start, metadata.period_end
    first = _ITEM_START.search(document.text)
    preamble = document.text[:first.start() if first else len(document.text)]
    for mention in find_dates(preamble):
        if mention.kind == "range" and mention.granularity == "year":
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
        import hashlib

        items = _items_from_rows(_delimited_rows(path), ("", ""))
        plan = Plan(plan_id or hashlib.sha256(path.read_bytes()).hexdigest()[:12], items, str(path), "tsv_table")
    else:
        document = load(path, password=password)
        plan = plan_from_document(document, plan_id=plan_id)
    if not plan.items:
        raise PlanFormatError("no plan measure found: expected numbered measures with İcraçı/İcra müddəti lines "
                              "or a table with a 'Tədbirin adı' column", path=path)
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
        items, form = [found.item for found in _text_items(document.text, period)], "text"
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
        deadline_text = document.text[deadline.start("value"):deadline.end("value")] if deadline else ""
        for number in section.items:
            if any(entry.item == number for entry in items):
                continue
            entry = _make_item(number, section.commitment, deadline=deadline_text, period=period)
            entry.start, entry.end = section.heading_start, section.heading_end
            items.append(entry)
    return Plan(plan_id or document.doc_id, items, document.source, "report", metadata.title, *period)


def plan_segmentation(document: Document) -> Segmentation | None:
    """Sections of a numbered text plan (a measure per section, its number as the heading), or
    None when the document has no such measures."""
    _title, period_start, period_end = _period(document)
    found = _text_items(document.text, (period_start, period_end))
    if not found:
        return None
    sections: list[Section] = []
    if document.text[:found[0].number_start].strip():
        sections.append(Section(0, [], "", 0, 0, 0, found[0].number_start))
    for entry in found:
        dotted_end = entry.number_end + (document.text[entry.number_end:entry.number_end + 1] == ".")
        sections.append(Section(len(sections), [entry.item.item], entry.item.measure, entry.number_start,
                                dotted_end, dotted_end, entry.block_end))
    return Segmentation(sections)

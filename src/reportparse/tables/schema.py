"""The schema registry: every table's columns, types, allowed values, descriptions and keys, once.

The required columns of ../shared/spec/tables.md (the contract) come first, in the contract's
order; extra columns follow. This registry alone drives the DataFrames of
:mod:`reportparse.tables.build` and their typed form (:mod:`reportparse.tables.types`: the
DataFrames users get, Parquet, the workbook, SQLite), ``datapackage.json`` (:mod:`reportparse.tables.datapackage`),
the Parquet column types (:mod:`reportparse.output.writers`), the gold validator
(:mod:`reportparse.evaluation.gold`), the HTML display and the property-test invariants
(:mod:`reportparse.devtools.invariants`). Allowed values are the extractors' own vocabularies, so
a new kind added to an extractor reaches every one of them.

    >>> from reportparse.tables import schema
    >>> schema.TABLES["dates"].contract
    ('doc_id', 'item', 'text', 'start', 'end', 'date_start', 'date_end', 'granularity', 'kind', 'year_inferred')
    >>> schema.TABLES["counts"].column("kind").values
    ('count', 'money', 'percent', 'duration')
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from reportparse.extract import counts, dates, organizations, references
from reportparse.tables.names import ESCAPE_SCHEME

DOCUMENTS, SECTIONS, DATES, ORGANIZATIONS = "documents", "sections", "dates", "organizations"
COUNTS, REFERENCES, ENTITIES, ERRORS = "counts", "references", "entities", "errors"
EVENTS = "events"
"""Table names (file names without the extension)."""

ROLES = ("event", "citation", "deadline", "period")
"""What a dated mention is in its sentence (events.role): ``event`` a day-precise date of something
done (a point, or a range of days), ``citation`` a date inside a reference to a legal act (the
act's date), ``deadline`` a date something is due by, ``period`` a stretch of time coarser than a
day (a month, quarter, year, a range of them, the reporting period)."""

TYPES = ("string", "integer", "number", "boolean", "date")
"""Column types, as Frictionless names them. CSV holds ``True``/``False`` for booleans and ISO
``YYYY-MM-DD`` for dates; an empty cell is a missing value."""

TRUE_VALUES, FALSE_VALUES = ("True", "true", "1"), ("False", "false", "0")
"""How a boolean is written in CSV."""


@dataclass(frozen=True)
class Column:
    """One column of a table.

    Attributes:
        name: the column name.
        type: one of :data:`TYPES`.
        description: what a value means (goes into ``datapackage.json``).
        required: part of the contract (../shared/spec/tables.md).
        values: the allowed values of a vocabulary column (an empty cell is always allowed).
        not_null: a value must be present in every row.
    """

    name: str
    type: str
    description: str
    required: bool = False
    values: tuple[str, ...] = ()
    not_null: bool = False

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"column {self.name}: unknown type {self.type!r}")


@dataclass(frozen=True)
class Table:
    """One table: its columns in order, keys and what a row is.

    Attributes:
        name: the table name (``dates`` → ``dates.csv``).
        description: what one row is.
        columns: required columns first (the contract's order), then extra columns.
        primary_key: columns whose values identify a row, if any.
        references_documents: ``doc_id`` is a foreign key to ``documents.doc_id``.
        mentions: one row per mention in a document's text (``text == text[start:end]``).
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    references_documents: bool = True
    mentions: bool = False
    _by_name: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {column.name: column for column in self.columns})
        if len(self._by_name) != len(self.columns):
            raise ValueError(f"table {self.name}: a column name is repeated")

    @property
    def names(self) -> tuple[str, ...]:
        """Every column name, in order."""
        return tuple(column.name for column in self.columns)

    @property
    def contract(self) -> tuple[str, ...]:
        """The required column names, in the contract's order."""
        return tuple(column.name for column in self.columns if column.required)

    @property
    def extra(self) -> tuple[str, ...]:
        """The extra column names, in order."""
        return tuple(column.name for column in self.columns if not column.required)

    def column(self, name: str) -> Column:
        """The column called ``name`` (KeyError when the table has none)."""
        return self._by_name[name]

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[Column]:
        return iter(self.columns)


_c = Column


def _required(*columns: Column) -> tuple[Column, ...]:
    return tuple(Column(c.name, c.type, c.description, True, c.values, c.not_null) for c in columns)


DOC_ID = _c(
    "doc_id",
    "string",
    "Document id: the first 12 hex characters of the SHA-256 of the file's bytes, or a user-given id.",
    not_null=True,
)
ITEM = _c(
    "item",
    "string",
    "The plan item (bənd) the row belongs to, as printed (1, 4.2.10); several items joined by ';'; "
    "empty outside every item.",
)
TEXT = _c(
    "text", "string", "The surface in the normalized text, case endings included; equals the text from start to end."
)
START = _c("start", "integer", "Offset of the first character in the document's normalized text.")
END = _c("end", "integer", "Offset just after the last character in the document's normalized text.")
MENTION = _required(DOC_ID, ITEM, TEXT, START, END)
"""The columns every mention table starts with."""

_ORG_TYPE = "One of: " + ", ".join(organizations.TYPES) + "."

_TABLES = (
    Table(
        DOCUMENTS,
        "One row per document.",
        _required(
            DOC_ID,
            _c("path", "string", f"The file the document was read from. {ESCAPE_SCHEME}"),
            _c("title", "string", "The report's title: the text before the first item heading, on one line."),
            _c("organization", "string", "Canonical nominative name of the reporting body."),
            _c("year", "integer", "The reporting year (from the title, or given)."),
            _c("period_start", "date", "First day of the action plan's period."),
            _c("period_end", "date", "Last day of the action plan's period."),
            _c("n_pages", "integer", "Number of pages (1 for a text file)."),
            _c("n_sections", "integer", "Number of item headings."),
        )
        + (
            _c("format", "string", "Input format.", values=("txt", "pdf", "docx", "html", "doc", "odt", "rtf", "text")),
            _c("extractor", "string", "The engine that extracted the text."),
            _c("sha256", "string", "SHA-256 of the input bytes."),
            _c("n_chars", "integer", "Characters of normalized text."),
            _c("n_words", "integer", "Whitespace-separated words of normalized text."),
            _c("scanned", "boolean", "True for a PDF without text: no text layer, and none found by OCR."),
            _c("ocr_pages", "integer", "Number of pages whose text was recognized by OCR (0: text layers only)."),
            _c("warnings", "string", "Notes about the extraction and segmentation, joined by '; '."),
        ),
        primary_key=("doc_id",),
        references_documents=False,
    ),
    Table(
        SECTIONS,
        "One row per plan item (a heading for several items gives one row each); the preamble has an empty item.",
        _required(
            DOC_ID,
            _c("item", "string", "The plan item as printed; empty for the preamble."),
            _c("commitment", "string", "The commitment the heading states, whitespace-normalized; empty when none."),
            _c("text", "string", "The execution narrative after the heading, up to the next heading."),
            _c("start", "integer", "Offset of the narrative's first character in the normalized text."),
            _c("end", "integer", "Offset just after the narrative in the normalized text."),
            _c("page", "integer", "Page of the heading."),
        )
        + (
            _c("section", "integer", "Number of the section in its document (0: the preamble)."),
            _c("items", "string", "Every item of the heading, joined by ';' (a heading may name several items)."),
            _c("heading", "string", "The heading as printed."),
            _c("heading_start", "integer", "Offset of the heading in the normalized text."),
            _c("heading_end", "integer", "Offset just after the heading."),
            _c(
                "chapter",
                "string",
                "Number of the chapter (I fəsil, Fəsil 1, Bölmə 3, III. …) the section stands in, as printed "
                "(II, 1, Birinci); empty before the first chapter or without chapters. A chapter heading is a "
                "section of its own with an empty item.",
            ),
            _c("chapter_title", "string", "Title of that chapter, whitespace-normalized; empty when none."),
        ),
    ),
    Table(
        DATES,
        "One row per date mention (frequency words such as mütəmadi, daimi, hər il are never a row of their own: "
        "they are the recurrence of the date they qualify).",
        MENTION
        + _required(
            _c(
                "date_start",
                "date",
                "First day the date covers (ISO); empty when the year is neither written nor known.",
            ),
            _c("date_end", "date", "Last day the date covers (ISO); a deadline is the deadline day."),
            _c(
                "granularity",
                "string",
                "The unit the date is precise to: day (also whenever date_start equals date_end), month, "
                "quarter (also half-years), year, decade (1990-cı illər), century (XX əsr).",
                values=dates.GRANULARITIES,
            ),
            _c(
                "kind",
                "string",
                "point (a day), period (a month, quarter, year, decade, century, the reporting period), "
                "range (two explicit ends), deadline (dekabrın 30-dək, ilin sonunadək).",
                values=dates.KINDS,
            ),
            _c(
                "year_inferred",
                "boolean",
                "True when the year is not written in the mention and came from the report's year.",
            ),
        )
        + (
            _c(
                "recurrence",
                "string",
                "How often the date recurs when a frequency word qualifies it (hər il dekabrın 30-dək: yearly); "
                "empty otherwise.",
                values=dates.RECURRENCES,
            ),
        ),
        mentions=True,
    ),
    Table(
        ORGANIZATIONS,
        "One row per organization mention.",
        MENTION
        + _required(
            _c("name", "string", "Canonical nominative official name."),
            _c("org_id", "string", "The same id for every mention of the same organization across documents."),
            _c("type", "string", _ORG_TYPE, values=organizations.TYPES),
        )
        + (
            _c("parent", "string", "The body the organization is attached to (X yanında Y, a unit of a body)."),
            _c("parent_id", "string", "The parent's org_id."),
            _c(
                "anaphoric",
                "boolean",
                "True for a bare head (Xidmətin) linked to the body it stands for; filter with df[~df.anaphoric].",
            ),
            _c("source", "string", "What found the mention.", values=("rules", "model", "stanza")),
        ),
        mentions=True,
    ),
    Table(
        COUNTS,
        "One row per count, amount of money, percentage or duration.",
        MENTION
        + _required(
            _c("value", "number", "The number (money: the full amount; percent: the percentage)."),
            _c(
                "unit",
                "string",
                "Lemma of the measure word or counted noun; currency code for money; faiz for percentages.",
            ),
            _c("counted", "string", "Lemma of what is counted when a measure word precedes it, else empty."),
            _c("qualifier", "string", "How the number relates to the quantity.", values=counts.QUALIFIERS),
            _c(
                "kind",
                "string",
                "count, money, percent, or duration (a span of time, never a count).",
                values=counts.KINDS,
            ),
        ),
        mentions=True,
    ),
    Table(
        REFERENCES,
        "One row per reference to a legal act, a plan item or an article.",
        MENTION
        + _required(
            _c("kind", "string", "What the reference points at.", values=references.KINDS),
            _c("act_type", "string", "Type of the act in the nominative (Fərman, Sərəncam, Qərar, Qanun, ...)."),
            _c("number", "string", "The act's or article's number as printed."),
            _c("date", "date", "The act's date (ISO), when given."),
            _c("target_item", "string", "The item referred to."),
        )
        + (
            _c("issuer", "string", "The act's issuer as written (whitespace normalized), or empty."),
            _c("title", "string", "The act's quoted title as written (whitespace normalized), or empty."),
        ),
        mentions=True,
    ),
    Table(
        EVENTS,
        "One row per date mention, with the sentence holding it and its role (built from sections, dates and "
        "references: a timeline plots role == 'event').",
        _required(
            DOC_ID,
            ITEM,
            _c("text", "string", "The sentence holding the date, as in the normalized text (from start to end)."),
            _c("start", "integer", "Offset of the sentence's first character in the document's normalized text."),
            _c("end", "integer", "Offset just after the sentence in the document's normalized text."),
            _c("date_start", "date", "First day the date covers (as dates.date_start)."),
            _c("date_end", "date", "Last day the date covers (as dates.date_end)."),
            _c(
                "role",
                "string",
                "event: a day-precise date (a day, or a range of days) of something done; citation: a date inside "
                "a reference to a legal act (the act's date); deadline: a date something is due by; period: a "
                "stretch of time coarser than a day (a month, quarter, year, a range of them, the reporting period).",
                values=ROLES,
            ),
            _c("date_text", "string", "The date mention's surface (dates.text)."),
        )
        + (
            _c("date_start_offset", "integer", "Offset of the date mention (dates.start)."),
            _c("date_end_offset", "integer", "Offset just after the date mention (dates.end)."),
            _c("granularity", "string", "As dates.granularity.", values=dates.GRANULARITIES),
            _c("kind", "string", "As dates.kind.", values=dates.KINDS),
            _c("year_inferred", "boolean", "As dates.year_inferred."),
            _c("recurrence", "string", "As dates.recurrence.", values=dates.RECURRENCES),
            _c("act_type", "string", "For a citation: the cited act's type (references.act_type); else empty."),
            _c("act_number", "string", "For a citation: the cited act's number (references.number); else empty."),
        ),
        mentions=True,
    ),
    Table(
        ENTITIES,
        "One row per organization mentioned in the documents (the entities behind organizations.org_id).",
        (
            _c(
                "org_id",
                "string",
                "The organization's id (as in organizations.org_id): a slug of its name without the national prefix.",
                not_null=True,
            ),
            _c("name", "string", "Canonical nominative official name."),
            _c("type", "string", _ORG_TYPE, values=organizations.TYPES),
            _c("aliases", "string", "The surfaces it was mentioned by, in order of first appearance, joined by '; '."),
            _c("n_mentions", "integer", "Number of mentions (rows of organizations)."),
            _c("n_documents", "integer", "Number of documents mentioning it."),
        ),
        primary_key=("org_id",),
        references_documents=False,
    ),
    Table(
        ERRORS,
        "One row per input that could not be parsed.",
        (
            _c("path", "string", f"The input that could not be parsed. {ESCAPE_SCHEME}", not_null=True),
            _c(
                "error_type",
                "string",
                "The kind of failure: the error's class name, or Timeout, MemoryLimit, WorkerCrash.",
            ),
            _c("message", "string", "What went wrong and what to do."),
        ),
        references_documents=False,
    ),
)

TABLES: dict[str, Table] = {table.name: table for table in _TABLES}
"""Every table reportparse writes, by name."""

DOCUMENT_TABLES = (DOCUMENTS, SECTIONS, DATES, ORGANIZATIONS, COUNTS, REFERENCES)
"""The tables one document gives, in the order they are written."""

MENTION_TABLES = tuple(name for name in DOCUMENT_TABLES if TABLES[name].mentions)
"""Tables with one row per mention in the text."""

DERIVED_TABLES: dict[str, tuple[str, ...]] = {ENTITIES: (ORGANIZATIONS,), EVENTS: (SECTIONS, DATES, REFERENCES)}
"""Tables built from document tables when they are written or looked up (never kept on their own),
with the tables each is built from (:func:`reportparse.tables.build.derived_table`)."""

_PANDAS_DTYPES = {"integer": "Int64", "boolean": "boolean"}


def pandas_dtypes(name: str) -> dict[str, str]:
    """The pandas dtypes the built DataFrames give a table's typed columns in the *text form*
    (what the extractors build and a CSV holds): nullable ``Int64`` for integers and ``boolean``
    for booleans. Strings, dates (ISO strings) and numbers stay as built. The typed form users get
    (every type, empty cells missing) is :func:`reportparse.tables.types.typed_frame`."""
    return {c.name: _PANDAS_DTYPES[c.type] for c in TABLES[name] if c.type in _PANDAS_DTYPES}

"""DOCX reader: body paragraphs and tables in reading order, via python-docx.

A DOCX file has no page layout, so pages are split only on explicit page breaks (a
``w:br w:type="page"`` in a run, or a body paragraph with *page break before*, set directly
or by its style); ``w:lastRenderedPageBreak`` marks and section breaks are ignored. Running
headers and footers live in separate parts and are not read, so ``furniture`` stays empty.
Text boxes and deleted revisions are not body text either and are skipped.

Content embedded in another format (``w:altChunk``) is read where it stands when it is plain
text, HTML, MHTML or a DOCX (:mod:`.embedded`); any other (RTF, a chunk inside an embedded
document) is left out with a note in ``RawText.warnings``.

Before python-docx parses anything, the XML parts are counted on their inflated bytes, without
building a tree (:class:`_Budget`): elements, paragraphs and runs against ``Limits``, so a small
file that inflates to millions of empty paragraphs or one-letter runs is refused in a fraction of
a second instead of taking minutes and gigabytes. Text is measured against ``max_chars`` as it is
read. Memory exhausted inside lxml or python-docx surfaces as a :class:`CorruptFileError` raised
from lxml's error (``unknown error``), which ``load`` turns into a :class:`ResourceLimitError`
(:func:`.sandbox.caused_by_memory`).
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import Part, PartFactory
from docx.oxml.ns import nsmap, qn
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs (lxml-stubs not a dependency)

from reportparse.document import RawText
from reportparse.errors import CorruptFileError, ReportParseError, ReportParseWarning
from reportparse.ingest import embedded
from reportparse.ingest.bombs import check_zip_members
from reportparse.ingest.sandbox import caused_by_memory
from reportparse.ingest.table_layout import row_line
from reportparse.limits import DEFAULT_LIMITS, Limits

_CORRUPT = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    PackageNotFoundError,
    etree.LxmlError,
)
# Runs of a paragraph, including those in hyperlinks, fields, insertions and content controls,
# but not deleted or moved-away text, text boxes, ruby annotations or compatibility fallbacks.
# Compiled once: python-docx's ``element.xpath`` compiles its expression on every call, which
# cost 40 µs a paragraph (most of the time a document of empty paragraphs took).
_RUNS = etree.XPath(
    ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent"
    " or ancestor::w:rt or ancestor::*[local-name()='Fallback'])]",
    namespaces=nsmap,
)
_RUN_CONTENT = tuple(qn(f"w:{name}") for name in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen"))
_CELLS = etree.XPath("./w:tc | ./w:sdt/w:sdtContent/w:tc", namespaces=nsmap)
_P, _TBL, _SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_ALT_CHUNK, _BR, _TYPE, _TR, _RELATIONSHIP_ID = qn("w:altChunk"), qn("w:br"), qn("w:type"), qn("w:tr"), qn("r:id")

_PYTHON_DOCX_SELECTOR = PartFactory.part_class_selector


def _part_class(content_type: str, reltype: str) -> type[Part] | None:
    """Keep an embedded chunk as bytes: python-docx parses a part by its content type, and Word
    types an embedded DOCX as a main document part, which python-docx then fails to parse as XML."""
    if reltype == RELATIONSHIP_TYPE.A_F_CHUNK:
        return Part
    return _PYTHON_DOCX_SELECTOR(content_type, reltype) if _PYTHON_DOCX_SELECTOR is not None else None


PartFactory.part_class_selector = _part_class  # python-docx's own selector, and chunks kept as bytes

# --- counting the markup before parsing it --------------------------------------------------

_CHUNK = 1 << 20
_TAG_HEAD = 80  # bytes after a "<" that tell which element starts there
# A paragraph or a run, in any namespace prefix (counted over every XML part: an upper bound).
_PARAGRAPH_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?p[\s/>]")
_RUN_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?r[\s/>]")
_XML_STARTS = (
    (b"\xff\xfe<\x00", "utf-16"),
    (b"\xfe\xff\x00<", "utf-16"),
    (b"<\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
    (b"\xef\xbb\xbf<", "utf-8"),
    (b"<", "utf-8"),
)
_ADVICE = "check the file: millions of empty paragraphs or one-letter runs in a small file are a sign of a hostile one"
_MAX_DEPTH = 1  # documents embedded in the file are read; documents embedded in those are not


def _xml_encoding(head: bytes) -> str | None:
    """The encoding of a part that starts with ``head`` when it is XML (UTF-8 or UTF-16), else None."""
    start = head.lstrip(b" \t\r\n")
    return next((encoding for prefix, encoding in _XML_STARTS if start.startswith(prefix)), None)


class _Budget:
    """What one file may hold in all, its own parts and those of documents embedded in it."""

    def __init__(self, limits: Limits, path: Path) -> None:
        self.limits = limits
        self.path = path
        self.elements = self.paragraphs = self.runs = self.inflated = 0

    def check_package(self, data: bytes) -> None:
        """Count the inflated bytes and the markup of every XML part of a DOCX package.

        Raises:
            ResourceLimitError: at the first limit crossed, having inflated no more than that.
        """
        check_zip_members(data, self.limits, path=self.path)
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            members = archive.infolist()
        except (zipfile.BadZipFile, ValueError, EOFError):
            return  # not a zip: python-docx's error says so
        self.inflated += sum(member.file_size for member in members)
        self.limits.check("max_inflated_bytes", self.inflated, path=self.path, what="bytes in the DOCX's parts")
        for member in members:
            try:
                with archive.open(member) as stream:
                    self._count_part(stream.read)
            except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError):
                continue  # a damaged or encrypted part: python-docx's error says so if the part matters

    def _count_part(self, read: Callable[[int], bytes]) -> None:
        head = read(_CHUNK)
        encoding = _xml_encoding(head)
        if encoding is None:
            return  # an image or other binary part
        # UTF-16 XML is counted in UTF-8, so that its tags match the patterns
        decoder = codecs.getincrementaldecoder(encoding)("replace") if encoding != "utf-8" else None
        chunk, carry = head, b""
        while chunk:
            data = carry + (decoder.decode(chunk).encode() if decoder is not None else chunk)
            # a "<" near the end is carried over, so that no tag is cut in two (a tag has no "<" inside)
            cut = data.rfind(b"<", max(0, len(data) - _TAG_HEAD))
            cut = len(data) if cut < 0 else cut
            self._count(data[:cut])
            carry = data[cut:]
            chunk = read(_CHUNK)
        self._count(carry)

    def _count(self, data: bytes) -> None:
        # every "<" starts an element but those of end tags, declarations and comments (an upper bound)
        self.elements += data.count(b"<") - data.count(b"</") - data.count(b"<?") - data.count(b"<!")
        self.paragraphs += len(_PARAGRAPH_TAG.findall(data))
        self.runs += len(_RUN_TAG.findall(data))
        for name, value, what in (
            ("max_docx_elements", self.elements, "XML elements"),
            ("max_docx_paragraphs", self.paragraphs, "paragraphs"),
            ("max_docx_runs", self.runs, "runs"),
        ):
            self.limits.check(name, value, path=self.path, what=f"{what} or more in the DOCX", advice=_ADVICE)

    def check_chars(self, chars: int) -> None:
        self.limits.check("max_chars", chars, path=self.path, what="characters of text", advice="split the file")


# --- the body -------------------------------------------------------------------------------


class _Writer:
    """Accumulates text page by page."""

    def __init__(self, document, budget: _Budget, depth: int) -> None:
        self.pages: list[list[str]] = [[]]
        self.break_before = _style_breaks(document)
        self.part = document.part
        self.budget = budget
        self.depth = depth
        self.chars = 0
        self.ended_paragraph = False  # the last thing written ends a body paragraph with text
        self.cell_depth = 0  # > 0 while a table cell's text is gathered
        self.notes: list[str] = []
        self.chunks: dict[str, list[str] | None] = {}  # part name → pages of an embedded chunk

    def emit(self, text: str) -> None:
        self.pages[-1].append(text)
        self.chars += len(text)

    def page_break(self) -> None:
        self.pages.append([])

    def blocks(self, parent, *, in_table: bool = False) -> None:
        """Write the paragraphs and tables under ``parent`` (a body or a cell) in order."""
        for child in parent.iterchildren():
            if child.tag == _P:
                self.paragraph(child, in_table=in_table)
            elif child.tag == _TBL:
                self.table(child)
            elif child.tag == _SDT:  # a content control wraps block content
                for content in child.iterchildren(_SDT_CONTENT):
                    self.blocks(content, in_table=in_table)
            elif child.tag == _CUSTOM_XML:
                self.blocks(child, in_table=in_table)
            elif child.tag == _ALT_CHUNK:
                self.alt_chunk(child)

    def paragraph(self, p, *, in_table: bool) -> None:
        """Write one paragraph as one line (Word ignores *page break before* inside tables).

        Two body paragraphs with text are kept apart by a blank line, as in a text report: a
        paragraph end is a paragraph break, not a line wrapped in a PDF (which the normalizer
        would join to the next line, gluing a heading like ``yarımbənd 5.3.4 üzrə`` to the
        sentence before it). Empty paragraphs and table cells keep one line each.
        """
        if not in_table and self._breaks_before(p) and self.pages[-1]:
            self.page_break()
        separate, wrote = self.ended_paragraph and not in_table, False
        for run in _RUNS(p):
            for item in run.iterchildren(*_RUN_CONTENT):
                if item.tag == _BR and item.get(_TYPE) == "page":
                    self.page_break()
                    separate = False
                    continue
                text = "\n" if item.tag == _BR else str(item)  # line and column breaks
                if separate and text and self.pages[-1]:
                    self.emit("\n")
                separate, wrote = False, wrote or bool(text)
                self.emit(text)
        self.emit("\n")
        self.ended_paragraph = wrote and not in_table
        self.budget.check_chars(self.chars)

    def table(self, tbl) -> None:
        """Write a table: a blank line, then each row on one line, cells between ``│`` bars
        (:mod:`.table_layout`), and a blank line after each row. A table inside a cell is
        written into that cell's text, cell by cell."""
        self.ended_paragraph = False
        if self.cell_depth:
            for tr in tbl.iterchildren(_TR):
                for tc in _CELLS(tr):
                    if tc.vMerge != "continue":  # a vertically merged cell is written once, on top
                        self.blocks(tc, in_table=True)
            return
        self.emit("\n")
        for tr in tbl.iterchildren(_TR):
            cells: list[str] = []
            for tc in _CELLS(tr):
                # the lower parts of a vertically merged cell, and the columns a cell spans, stay empty
                cells.append("" if tc.vMerge == "continue" else self._cell_text(tc))
                cells.extend([""] * (tc.grid_span - 1))
            self.emit(row_line(cells) + "\n\n")
        self.budget.check_chars(self.chars)

    def _cell_text(self, tc) -> str:
        """The text of one cell, its paragraphs on lines of their own (counted once, in its row)."""
        pages, chars = self.pages, self.chars
        self.pages, self.cell_depth = [[]], self.cell_depth + 1
        try:
            self.blocks(tc, in_table=True)
            return "\n".join("".join(page) for page in self.pages)
        finally:
            self.pages, self.chars, self.cell_depth = pages, chars, self.cell_depth - 1

    def alt_chunk(self, element) -> None:
        """Write the content of an embedded chunk where it stands, or note that it was left out."""
        self.ended_paragraph = False
        relationship = self.part.rels.get(element.get(_RELATIONSHIP_ID, ""))
        if relationship is None or relationship.is_external:
            self.notes.append("an embedded chunk (altChunk) points to no part of the file and was left out")
            return
        part = relationship.target_part
        name = str(part.partname)
        if name not in self.chunks:
            self.chunks[name] = self._chunk_pages(part, name)
        pages = self.chunks[name]
        if pages is None:
            return
        for number, page in enumerate(pages):
            if number:
                self.page_break()
            self.emit(page if page.endswith("\n") or not page else page + "\n")
        self.budget.check_chars(self.chars)

    def _chunk_pages(self, part, name: str) -> list[str] | None:
        """The pages of an embedded chunk's text, or None (with a note) when it cannot be read."""
        content_type = part.content_type.split(";")[0].strip().lower()
        if part.blob.startswith(b"PK\x03\x04"):  # a Word document (a zip), whatever its exact type
            pages, reason = self._embedded_document(part.blob)
        else:
            reader = _CHUNK_READERS.get(content_type)
            text = reader(part.blob) if reader is not None else None
            pages = None if text is None else [text]
            reason = "its text is not in a known encoding" if reader else "only text, HTML, MHTML and DOCX are read"
        if pages is None:
            self.notes.append(
                f"an embedded chunk (altChunk {name}, {content_type or 'no type'}) was left out, as {reason}:"
                " open the file in Word and save it again as .docx to merge the chunk into the text"
            )
        return pages

    def _embedded_document(self, data: bytes) -> tuple[list[str] | None, str]:
        """The pages of an embedded DOCX (its own notes added to this document's), or None and why not."""
        if self.depth >= _MAX_DEPTH:
            return None, "it is a document inside an embedded document"
        try:
            pages, _metadata, notes = _read_package(data, self.budget, self.depth + 1)
        except CorruptFileError as exc:
            if caused_by_memory(exc):
                raise
            return None, f"it is a damaged document ({_without_path(exc)})"
        self.notes.extend(notes)
        return pages, ""

    def _breaks_before(self, p) -> bool:
        direct = p.pPr.pageBreakBefore_val if p.pPr is not None else None
        return direct if direct is not None else self.break_before.get(p.style, False)


_CHUNK_READERS: dict[str, Callable[[bytes], str | None]] = {
    **dict.fromkeys(embedded.PLAIN_TYPES, embedded.plain_text),
    **dict.fromkeys(embedded.HTML_TYPES, embedded.html_text),
    **dict.fromkeys(embedded.MHTML_TYPES, embedded.mhtml_text),
}


def _without_path(error: ReportParseError) -> str:
    message = str(error)
    prefix = f"{error.path}: " if error.path else ""
    return message.removeprefix(prefix)


def _style_breaks(document) -> dict[str | None, bool]:
    """Paragraph style id → whether the style (or a base style) sets *page break before*."""
    result: dict[str | None, bool] = {}
    for style in document.styles:
        if style.type != WD_STYLE_TYPE.PARAGRAPH:
            continue
        value, current = None, style
        while value is None and current is not None:
            value, current = current.paragraph_format.page_break_before, current.base_style
        result[style.style_id] = bool(value)
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    result[None] = result.get(default.style_id, False) if default is not None else False
    return result


def _metadata(document) -> dict[str, str]:
    """Core properties title, author and created, as non-empty strings."""
    props = document.core_properties
    created = props.created.isoformat() if props.created is not None else ""
    items = {"title": props.title or "", "author": props.author or "", "created": created}
    return {key: value.strip() for key, value in items.items() if value and value.strip()}


def _read_package(data: bytes, budget: _Budget, depth: int) -> tuple[list[str], dict[str, str], list[str]]:
    """Pages, core properties and notes of one DOCX package (the file, or a document embedded in it)."""
    budget.check_package(data)
    try:
        document = docx.Document(io.BytesIO(data))
        writer = _Writer(document, budget, depth)
        writer.blocks(document.element.body)
        return ["".join(page) for page in writer.pages], _metadata(document), writer.notes
    except _CORRUPT as exc:  # also memory exhausted in lxml, which load() tells apart (caused_by_memory)
        reason = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
        raise CorruptFileError(
            f"not a valid DOCX file ({reason}); re-save it from Word or LibreOffice as .docx",
            path=budget.path,
        ) from exc


def read(path: Path, data: bytes, *, limits: Limits = DEFAULT_LIMITS, **_options: object) -> RawText:
    """Read a DOCX file's body text.

    Args:
        path: the file's path (named in errors and kept as the source).
        data: the file's bytes.
        limits: inflated part sizes, XML elements, paragraphs, runs and characters allowed.

    Returns:
        The body text, split into pages at explicit page breaks; core properties as metadata;
        a warning for each embedded chunk that could not be read.

    Raises:
        CorruptFileError: the bytes are not a readable DOCX package (or lxml ran out of memory,
            which ``load`` reports as a :class:`ResourceLimitError`).
        ResourceLimitError: a zip bomb, more markup than ``limits`` allow (counted before
            parsing), or more text than ``limits.max_chars``.
    """
    budget = _Budget(limits, path)
    pages, metadata, notes = _read_package(data, budget, depth=0)
    budget.check_chars(sum(map(len, pages)))
    for note in notes:
        warnings.warn(f"{path}: {note}", ReportParseWarning, stacklevel=2)
    return RawText(
        pages=tuple(pages),
        source=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format="docx",
        extractor="python-docx",
        metadata=metadata,
        warnings=tuple(notes),
    )

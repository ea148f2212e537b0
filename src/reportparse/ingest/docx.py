"""DOCX reader: body paragraphs and tables in reading order, via python-docx.

A DOCX file has no page layout, so pages are split only on explicit page breaks (a
``w:br w:type="page"`` in a run, or a body paragraph with *page break before*, set directly
or by its style); ``w:lastRenderedPageBreak`` marks and section breaks are ignored. Running
headers and footers live in separate parts and are not read, so ``furniture`` stays empty.
Text boxes and deleted revisions are not body text either and are skipped.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
import zlib
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs (lxml-stubs not a dependency)

from reportparse.document import RawText
from reportparse.errors import CorruptFileError
from reportparse.ingest.bombs import check_zip_members
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
_RUNS = (
    ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent"
    " or ancestor::w:rt or ancestor::*[local-name()='Fallback'])]"
)
_RUN_CONTENT = "w:t | w:tab | w:ptab | w:br | w:cr | w:noBreakHyphen"


class _Writer:
    """Accumulates text page by page."""

    def __init__(self, break_before: dict[str | None, bool]) -> None:
        self.pages: list[list[str]] = [[]]
        self.break_before = break_before

    def emit(self, text: str) -> None:
        self.pages[-1].append(text)

    def page_break(self) -> None:
        self.pages.append([])

    def blocks(self, parent, *, in_table: bool = False) -> None:
        """Write the paragraphs and tables under ``parent`` (a body or a cell) in order."""
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                self.paragraph(child, in_table=in_table)
            elif child.tag == qn("w:tbl"):
                self.table(child)
            elif child.tag == qn("w:sdt"):  # a content control wraps block content
                for content in child.iterchildren(qn("w:sdtContent")):
                    self.blocks(content, in_table=in_table)
            elif child.tag == qn("w:customXml"):
                self.blocks(child, in_table=in_table)

    def paragraph(self, p, *, in_table: bool) -> None:
        """Write one paragraph as one line (Word ignores *page break before* inside tables)."""
        if not in_table and self._breaks_before(p) and self.pages[-1]:
            self.page_break()
        for run in p.xpath(_RUNS):
            for item in run.xpath(_RUN_CONTENT):
                if item.tag == qn("w:br") and item.get(qn("w:type")) == "page":
                    self.page_break()
                elif item.tag == qn("w:br"):  # line and column breaks
                    self.emit("\n")
                else:
                    self.emit(str(item))
        self.emit("\n")

    def table(self, tbl) -> None:
        """Write a table: a blank line, then each cell's lines and a blank line after each row."""
        self.emit("\n")
        for tr in tbl.iterchildren(qn("w:tr")):
            for tc in tr.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc"):
                if tc.vMerge != "continue":  # a vertically merged cell is written once, on top
                    self.blocks(tc, in_table=True)
            self.emit("\n")

    def _breaks_before(self, p) -> bool:
        direct = p.pPr.pageBreakBefore_val if p.pPr is not None else None
        return direct if direct is not None else self.break_before.get(p.style, False)


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


def read(path: Path, data: bytes, *, limits: Limits = DEFAULT_LIMITS, **_options: object) -> RawText:
    """Read a DOCX file's body text.

    Args:
        path: the file's path (named in errors and kept as the source).
        data: the file's bytes.
        limits: inflated part sizes and characters allowed.

    Returns:
        The body text, split into pages at explicit page breaks; core properties as metadata.

    Raises:
        CorruptFileError: the bytes are not a readable DOCX package.
        ResourceLimitError: a zip bomb, or more text than ``limits.max_chars``.
    """
    check_zip_members(data, limits, path=path)
    try:
        document = docx.Document(io.BytesIO(data))
        writer = _Writer(_style_breaks(document))
        writer.blocks(document.element.body)
        metadata = _metadata(document)
    except _CORRUPT as exc:
        reason = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
        raise CorruptFileError(
            f"not a valid DOCX file ({reason}); re-save it from Word or LibreOffice as .docx",
            path=path,
        ) from exc
    pages = tuple("".join(page) for page in writer.pages)
    limits.check("max_chars", sum(map(len, pages)), path=path, what="characters of text", advice="split the file")
    return RawText(
        pages=pages,
        source=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format="docx",
        extractor="python-docx",
        metadata=metadata,
    )

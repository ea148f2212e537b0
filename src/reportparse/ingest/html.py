"""HTML reader: the main text of a saved web page (``.html``, ``.htm``), via trafilatura.

A state body's report published as a news item sits inside site furniture: menus, breadcrumbs,
``Şriftin ölçüsü :``/``Çap et`` tools, share buttons, sidebars of other news, a footer.
trafilatura (chosen by ``benchmarks/bench_html.py``: word precision and recall on the saved pages
of ``corpus/html/``) keeps the article and drops the rest, one line per heading, paragraph, list
item or line break, so that the segmenter finds the items. Around it, this module:

* decodes the bytes by their byte-order mark, the page's ``<meta charset>`` (or ``http-equiv``
  content type), else UTF-8, and fails loudly otherwise (no guessing of code pages);
* turns layout tables (a table holding a heading, a form or another table: sites of the 2000s)
  into plain blocks, which trafilatura would otherwise flatten into one cell;
* moves a registry record that the extracted text starts with (the ``|``-cell table of
  e-qanun.az: ``Qəbul edilmə tarixi | 14.04.2021``) from the text into ``metadata["record"]``;
* starts the text with the page's title when the article does not, and sets the title block
  apart with a blank line (it is where the report's body and year are read);
* reads the title (``og:title``, ``<title>``, the main heading) and the publication date
  (``article:published_time`` and similar meta tags, JSON-LD ``datePublished``, ``<time
  datetime>``, the registry record, or a date line just after the title) as metadata.

When trafilatura finds no main text, the whole page's text is used, with a warning.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import re
import warnings
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs
from lxml import html as lxml_html

from reportparse.document import RawText
from reportparse.errors import CorruptFileError, DecodingError, ReportParseWarning
from reportparse.ingest.embedded import text_of_html
from reportparse.lang.az.calendar import MONTHS
from reportparse.lang.az.casing import casefold
from reportparse.limits import DEFAULT_LIMITS, Limits

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_DECLARATION_BYTES = 4096

_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "pubdate",
    "publishdate",
    "date",
)
_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d.]*\d)")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})")
_MONTH_DATE = re.compile(r"(?<!\d)(\d{1,2})\s+(\w+)\s+(\d{4})(?!\d)")
_MONTH_NUMBERS = {casefold(name): number for number, name in enumerate(MONTHS, start=1)}
_DATE_LINE_CHARS = 200  # a date this close after the title is the page's date line
_TITLE_LINES = 5  # the title is one of the text's first lines, or is put before them
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||::|—|–|-|«|»)\s+")

_RECORD_ROW = re.compile(r"^\|(.*)\|\s*$")
_RECORD_SEPARATOR_CELLS = frozenset({"", "\\|", "|", ":", "-", "–", "—"})
_RECORD_LABEL_CHARS = 60

_LAYOUT_INSIDE = etree.XPath(".//table|.//h1|.//h2|.//h3|.//form|.//iframe")
_OWN_PARTS = etree.XPath(
    "self::table|./thead|./tbody|./tfoot|./tr|./*/tr|./tr/td|./tr/th|./*/tr/td|./*/tr/th|./caption"
)
_OUTSIDE_ARTICLE = etree.XPath("ancestor::nav|ancestor::aside|ancestor::footer")


def decode(data: bytes, *, path: str | Path | None = None) -> str:
    """Decode a page: byte-order mark, else the declared charset, else UTF-8.

    Args:
        data: the page's bytes.
        path: named in the error message.

    Returns:
        The page's markup as text.

    Raises:
        DecodingError: the bytes are not valid in that encoding, or the charset is unknown.
    """
    encoding, skip = next(((name, len(bom)) for bom, name in _BOMS if data.startswith(bom)), (None, 0))
    declared = _CHARSET.search(data[:_DECLARATION_BYTES]) if encoding is None else None
    encoding = encoding or (declared.group(1).decode("ascii").lower() if declared else "utf-8")
    try:
        return data[skip:].decode(encoding)
    except LookupError:
        raise DecodingError(
            f"the page declares an unknown charset {encoding!r}; save it again as UTF-8", path=path
        ) from None
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        how = "its declared charset" if declared else "UTF-8 (it declares no <meta charset>)"
        raise DecodingError(
            f"cannot decode byte {data[offset : offset + 1]!r} at byte offset {offset} as {how}, {encoding}; "
            "save the page again from the browser (it writes a <meta charset>) or as UTF-8",
            path=path,
            offset=offset,
        ) from None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first date written in ``text`` (``2023-01-27…``, ``27.01.2023``, ``27 yanvar 2023``), ISO."""
    found: list[tuple[int, str]] = []
    for match in _ISO_DATE.finditer(text):
        iso = _iso(int(match[1]), int(match[2]), int(match[3]))
        if iso:
            found.append((match.start(), iso))
            break
    for match in _NUMERIC_DATE.finditer(text):
        iso = _iso(int(match[3]), int(match[2]), int(match[1]))
        if iso:
            found.append((match.start(), iso))
            break
    for match in _MONTH_DATE.finditer(text):
        month = _MONTH_NUMBERS.get(casefold(match[2]))
        iso = _iso(int(match[3]), month, int(match[1])) if month else None
        if iso:
            found.append((match.start(), iso))
            break
    return min(found)[1] if found else None


def _meta(tree, *names: str) -> str:
    """The content of the first ``<meta>`` whose property, name or itemprop is one of ``names``."""
    wanted = {name.lower(): rank for rank, name in enumerate(names)}
    best: tuple[int, str] | None = None
    for meta in tree.iter("meta"):
        for attribute in ("property", "name", "itemprop"):
            rank = wanted.get((meta.get(attribute) or "").strip().lower())
            content = (meta.get("content") or "").strip()
            if rank is not None and content and (best is None or rank < best[0]):
                best = (rank, content)
    return best[1] if best else ""


def _json_ld_dates(tree) -> list[str]:
    dates = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            items = json.loads(script.text or "")
        except ValueError:
            continue
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
                dates.append(item["datePublished"])
    return dates


def _time_date(tree) -> str | None:
    """The first ``<time datetime>`` outside menus, sidebars and footers."""
    for element in tree.iter("time"):
        value = element.get("datetime") or ""
        if value and not _OUTSIDE_ARTICLE(element):
            date = parse_date(value)
            if date:
                return date
    return None


def _clean_title(title: str, site_name: str) -> str:
    """``Report title | Site name`` → ``Report title`` (the longest part, when a separator is present)."""
    title = " ".join(title.split())
    parts = [part for part in _TITLE_SEPARATORS.split(title) if part and part != site_name]
    return max(parts, key=len) if len(parts) > 1 else title


def page_title(tree) -> str:
    """``og:title``, else the main heading, else ``<title>`` without the site's name."""
    og_title = " ".join(_meta(tree, "og:title", "twitter:title").split())
    if og_title:
        return og_title
    for level in ("h1", "h2"):
        for heading in tree.iter(level):
            text = " ".join(heading.text_content().split())
            if text and not _OUTSIDE_ARTICLE(heading):
                return text
    title = tree.find(".//title")
    return _clean_title(title.text_content(), _meta(tree, "og:site_name")) if title is not None else ""


def unwrap_layout_tables(tree) -> int:
    """Turn layout tables (holding a heading, a form, a frame or another table) into blocks.

    Returns:
        How many tables were unwrapped.
    """
    count = 0
    for table in list(tree.iter("table")):
        if table.getparent() is None or not _LAYOUT_INSIDE(table):
            continue
        for element in _OWN_PARTS(table):
            element.tag = "div"
        count += 1
    return count


def split_record(text: str) -> tuple[list[tuple[str, str]], str]:
    """A label/value table that the text starts with (rows ``| label | value |``), and the rest.

    Returns:
        The (label, value) pairs (empty when the text does not start with such a table) and the text
        after it.
    """
    lines = text.split("\n")
    pairs: list[tuple[str, str]] = []
    for line in lines:
        match = _RECORD_ROW.match(line.strip())
        if match is None:
            break
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", match[1])]
        cells = [cell for cell in cells if cell not in _RECORD_SEPARATOR_CELLS]
        if len(cells) != 2 or len(cells[0]) > _RECORD_LABEL_CHARS:
            return [], text
        pairs.append((cells[0], cells[1]))
    if len(pairs) < 2:
        return [], text
    return pairs, "\n".join(lines[len(pairs) :])


def _date_after_title(page_text: str, title: str) -> str | None:
    """A date written just after the title on the page (``27.01.2023 | 11:20``, ``Dərc olunub: 28 yanvar 2022``)."""
    at = page_text.find(title) if title else -1
    while at >= 0:  # the title may stand in the breadcrumbs before the heading
        date = parse_date(page_text[at + len(title) : at + len(title) + _DATE_LINE_CHARS])
        if date:
            return date
        at = page_text.find(title, at + len(title))
    return None


def page_date(tree, *, title: str, record: list[tuple[str, str]], page_text: str) -> str:
    """The publication date, ISO, or ""."""
    candidates = [
        _meta(tree, *_DATE_META),
        *_json_ld_dates(tree),
    ]
    for candidate in candidates:
        date = parse_date(candidate) if candidate else None
        if date:
            return date
    date = _time_date(tree)
    if date:
        return date
    for _label, value in record:
        date = parse_date(value)
        if date:
            return date
    return _date_after_title(page_text, title) or ""


def _main_text(tree) -> str:
    import trafilatura  # imported on first use: it takes 0.15 s to import

    text = trafilatura.extract(
        tree,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        favor_precision=True,
    )
    lines = (line.strip() for line in (text or "").split("\n"))
    return "\n".join(line for line in lines if line)


def with_title(text: str, title: str) -> str:
    """The text with its title block set apart by a blank line: up to the title when one of the
    first lines is the title (an act's title follows its type lines), else the title put first."""
    if not title:
        return text
    wanted = casefold(" ".join(title.split()))
    lines = text.split("\n")
    end = next(
        (index + 1 for index, line in enumerate(lines[:_TITLE_LINES]) if casefold(" ".join(line.split())) == wanted),
        None,
    )
    if end is None:
        lines, end = [title, *lines], 1
    return "\n".join([*lines[:end], "", *lines[end:]])


def read(path: Path, data: bytes, *, limits: Limits = DEFAULT_LIMITS, **_options: object) -> RawText:
    """Read a saved web page's main text.

    Args:
        path: the file's path (named in errors and kept as the source).
        data: the file's bytes.
        limits: the characters allowed (``max_chars``).

    Returns:
        One page: the title block and a blank line, then the article, one line per block; ``metadata`` holds
        ``title``, ``date`` (ISO) and ``record`` (a registry table taken out of the text) when found.

    Raises:
        DecodingError: the page is not in its declared charset (or UTF-8).
        CorruptFileError: the bytes are not an HTML document.
        ResourceLimitError: more characters than ``limits.max_chars``.
    """
    markup = decode(data, path=path)
    limits.check("max_chars", len(markup), path=path, what="characters of markup", advice="split the page")
    if not markup.strip():
        return RawText(
            pages=("",), source=str(path), sha256=hashlib.sha256(data).hexdigest(), format="html", extractor=""
        )
    try:
        tree = lxml_html.document_fromstring(markup.encode("utf-8"), parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise CorruptFileError(f"not an HTML page ({exc}); check the file", path=path) from None
    notes: list[str] = []
    title = page_title(tree)
    page_text = text_of_html(markup)
    unwrap_layout_tables(tree)
    text = _main_text(tree)
    if not text.strip():
        text = page_text
        if text.strip():
            notes.append("no main text found on the page: its whole text (menus and footer too) is used")
    record, text = split_record(text)
    text = with_title(text, title)
    metadata = {"title": title, "date": page_date(tree, title=title, record=record, page_text=page_text)}
    if record:
        metadata["record"] = "; ".join(f"{label}: {value}" for label, value in record)
    limits.check("max_chars", len(text), path=path, what="characters of text", advice="split the page")
    for note in notes:
        warnings.warn(f"{path}: {note}", ReportParseWarning, stacklevel=2)
    return RawText(
        pages=(text + "\n" if text and not text.endswith("\n") else text,),
        source=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format="html",
        extractor="trafilatura",
        metadata={key: value for key, value in metadata.items() if value},
        warnings=tuple(notes),
    )


_PARSER = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, no_network=True, huge_tree=False)

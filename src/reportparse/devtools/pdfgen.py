"""Synthetic PDFs for tests and benchmarks: reports with running headers and page numbers,
scans without a text layer, and password-protected files.

fpdf2 (the ``[dev]`` extra) is imported only when a PDF is made, so importing this module is
cheap and works without it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from types import ModuleType

FONT_FILE = "DejaVuSans.ttf"
FONT_ENV = "REPORTPARSE_FONT"
FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.fonts",
    "~/.local/share/fonts",
    "/Library/Fonts",
    "~/Library/Fonts",
    "C:/Windows/Fonts",
)
"""Searched (recursively) for :data:`FONT_FILE` when :data:`FONT_ENV` is not set."""

AZ_SAMPLE = "Əhalinin sayı İsmayıllı şəhərində artıb; güclü küləkdən ağaclar çökdü."
"""A sentence with every Azerbaijani-specific letter (ə, ş, ğ, İ, ı, ç, ö, ü)."""

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v\r]*\n")
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])")
_MARGIN = 25.0  # mm: top, bottom and sides; keeps body text out of the engines' margin band


def find_font() -> Path | None:
    """Find a TrueType font with Azerbaijani glyphs (ə, ş, ğ, İ, ı).

    Returns:
        The path of ``$REPORTPARSE_FONT`` when that names an existing file, else the first
        ``DejaVuSans.ttf`` under the usual system font folders, else None.
    """
    configured = os.environ.get(FONT_ENV)
    if configured and Path(configured).expanduser().is_file():
        return Path(configured).expanduser()
    for folder in FONT_DIRS:
        root = Path(folder).expanduser()
        if root.is_dir():
            direct = root / FONT_FILE
            found = direct if direct.is_file() else min(root.rglob(FONT_FILE), default=None)
            if found is not None:
                return found
    return None


def _fpdf() -> ModuleType:
    try:
        import fpdf
    except ImportError:
        raise ImportError('reportparse.devtools needs fpdf2; install it with: pip install "reportparse[dev]"') from None
    return fpdf


def _font_path(font: Path | None) -> Path:
    if font is not None and not Path(font).is_file():
        raise FileNotFoundError(
            f"font file {font} not found; give a TTF with Azerbaijani glyphs (e.g. DejaVuSans.ttf) or set {FONT_ENV}"
        )
    found = Path(font) if font is not None else find_font()
    if found is None:
        raise FileNotFoundError(
            f"no TrueType font with Azerbaijani glyphs: {FONT_FILE} is not in {', '.join(FONT_DIRS)}; "
            f"install DejaVu fonts (e.g. apt install fonts-dejavu-core) or set {FONT_ENV}=/path/to/font.ttf"
        )
    return found


def paragraphs(text: str) -> list[str]:
    """Split text at blank lines and join each paragraph's lines with single spaces.

    A line ending in a hyphen after a letter (``Qeyri-`` / ``Hökumət``) is joined to the next
    one without a space, as the normalizer reads it (a compound); the hyphen is kept.

    Args:
        text: plain text; lines holding only spaces count as blank.

    Returns:
        The non-empty paragraphs, each on one line.
    """
    result = []
    for block in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        joined = " ".join(_LINE_END_HYPHEN.sub("-", block).split())
        if joined:
            result.append(joined)
    return result


def text_to_pdf(
    text: str,
    path: str | os.PathLike[str],
    *,
    header: str | None = None,
    page_numbers: str | None = "Səhifə {page} / {pages}",
    justify: bool = True,
    font_size: float = 11,
    min_pages: int | None = None,
    font: Path | None = None,
    creation_date: dt.datetime | None = None,
) -> Path:
    """Render text as an A4 report PDF whose paragraphs reflow (and justify) across lines.

    Args:
        text: the report; paragraphs are separated by blank lines, line breaks inside a
            paragraph become spaces.
        path: where to write the PDF.
        header: a running header printed in the top margin of every page, or None.
        page_numbers: footer of every page; ``{page}`` is the page number and ``{pages}``
            the page count. None: no footer.
        justify: justified paragraphs (``align="J"``); False: left-aligned.
        font_size: body font size in points (the header and footer are smaller).
        min_pages: repeat the whole text until the PDF has at least this many pages.
        font: a TTF with Azerbaijani glyphs; default :func:`find_font`.
        creation_date: stored in the PDF (default: now); fix it for reproducible files.

    Returns:
        The path written.

    Raises:
        FileNotFoundError: no usable font. ImportError: fpdf2 is not installed.
        ValueError: ``text`` holds no words.
    """
    _fpdf()  # ImportError with an install hint when fpdf2 is missing
    from fpdf import FPDF

    font_file = _font_path(font)
    blocks = paragraphs(text)
    if not blocks:
        raise ValueError("text_to_pdf() needs some text")
    small = max(font_size * 0.75, 6)

    class _Report(FPDF):
        def header(self) -> None:
            if header:
                self.set_font("body", size=small)
                self.set_y(_MARGIN / 2)
                self.cell(0, small * 0.5, header, align="C")
            self.set_font("body", size=font_size)
            self.set_xy(self.l_margin, self.t_margin)

        def footer(self) -> None:
            if page_numbers:
                self.set_font("body", size=small)
                self.set_y(-_MARGIN / 2)
                self.cell(0, small * 0.5, page_numbers.replace("{page}", str(self.page_no())), align="C")
            self.set_font("body", size=font_size)

    pdf = _Report(format="A4", unit="mm")
    if creation_date is not None:
        pdf.set_creation_date(creation_date)
    pdf.add_font("body", fname=str(font_file))
    pdf.alias_nb_pages("{pages}")
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=_MARGIN)
    pdf.add_page()
    pdf.set_font("body", size=font_size)
    line_height = font_size * 0.3528 * 1.35  # points → mm, with leading
    while True:
        for block in blocks:
            pdf.multi_cell(0, line_height, block, align="J" if justify else "L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(line_height * 0.6)
        if min_pages is None or pdf.page_no() >= min_pages:
            break
    out = Path(path)
    pdf.output(str(out))
    return out


def scanned_pdf(path: str | os.PathLike[str]) -> Path:
    """Write a one-page PDF with only vector graphics and no text (like a scan without OCR).

    Args:
        path: where to write the PDF.

    Returns:
        The path written.
    """
    fpdf = _fpdf()
    pdf = fpdf.FPDF(format="A4", unit="mm")
    pdf.add_page()
    pdf.set_line_width(0.5)
    pdf.rect(20, 20, 170, 257)
    pdf.set_fill_color(200, 200, 200)
    for row in range(20):
        pdf.rect(30, 35 + row * 12, 60 + (row * 37) % 90, 4, style="F")
    pdf.line(30, 280, 180, 280)
    out = Path(path)
    pdf.output(str(out))
    return out


def encrypted_pdf(
    path: str | os.PathLike[str],
    *,
    password: str,
    text: str = AZ_SAMPLE,
    font: Path | None = None,
) -> Path:
    """Write a small PDF with Azerbaijani text that opens only with ``password``.

    Args:
        path: where to write the PDF.
        password: the user password (the owner password is a different string). A Latin-1
            password gives RC4 encryption; any other (``gizli-şifrə``) AES-256, whose
            passwords are UTF-8 (it needs the ``cryptography`` package, a pdfminer.six
            dependency).
        text: the page's text.
        font: a TTF with Azerbaijani glyphs; default :func:`find_font`.

    Returns:
        The path written.

    Raises:
        FileNotFoundError: no usable font. ImportError: fpdf2 is not installed.
    """
    fpdf = _fpdf()
    pdf = fpdf.FPDF(format="A4", unit="mm")
    pdf.add_font("body", fname=str(_font_path(font)))
    try:
        password.encode("latin-1")
        method = fpdf.enums.EncryptionMethod.RC4
    except UnicodeEncodeError:
        method = fpdf.enums.EncryptionMethod.AES_256
    pdf.set_encryption(owner_password=f"owner-{password}", user_password=password, encryption_method=method)
    pdf.add_page()
    pdf.set_font("body", size=12)
    pdf.multi_cell(0, 6, text)
    out = Path(path)
    pdf.output(str(out))
    return out

"""Image-only PDFs ("scans") made from text PDFs, for the OCR tests and ``benchmarks/bench_ocr.py``.

Each page is rendered with pypdfium2, turned slightly (a sheet fed askew), blurred a little (a
scanner's optics) and saved with Pillow as a PDF of images, with no text layer at all.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageFilter


def page_texts(pdf: str | Path | bytes, *, pages: int | None = None) -> list[str]:
    """The text layer of a text PDF's pages (what an OCR of its scan is compared with).

    Args:
        pdf: a text PDF (a path, or its bytes).
        pages: only the first ``pages`` pages (default: all).

    Returns:
        One string per page.
    """
    document = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        texts = []
        for index in range(min(len(document), pages or len(document))):
            textpage = document[index].get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
        return texts
    finally:
        document.close()


def scan_pdf(
    pdf: str | Path, *, dpi: int = 200, angle: float = 1.0, blur: float = 0.6, pages: int | None = None
) -> bytes:
    """An image-only PDF of a text PDF's pages, as a scanner would make it.

    Args:
        pdf: a text PDF.
        dpi: the scan's resolution.
        angle: degrees each page is turned (counter-clockwise).
        blur: radius of the Gaussian blur, in pixels.
        pages: only the first ``pages`` pages (default: all).

    Returns:
        The PDF's bytes: one grayscale image per page, no text.
    """
    document = pdfium.PdfDocument(str(pdf))
    try:
        images = []
        for index in range(min(len(document), pages or len(document))):
            page = document[index]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
            images.append(image.filter(ImageFilter.GaussianBlur(blur)) if blur else image)
    finally:
        document.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])
    return out.getvalue()

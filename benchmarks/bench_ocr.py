"""OCR of scans made from the corpus's text PDFs: word accuracy and time per page, by rendering
resolution and by engine (the tesseract binary as reportparse calls it, pytesseract, OCRmyPDF).

Each text PDF's first pages are rendered at ``--scan-dpi``, turned 1° and blurred
(:func:`reportparse.devtools.scans.scan_pdf`); the scan's pages are rendered again at each
``--dpi`` and OCRed with Tesseract's ``aze`` model. Accuracy is difflib's ratio of the word
sequences against the text PDF's own text; CPU is that of the OCR processes (user + system),
less noisy than wall time on a shared machine. pytesseract and OCRmyPDF are measured when
installed (``pip install pytesseract ocrmypdf``); OCRmyPDF gets the whole scan (its own
rendering, default options, ``--jobs 1``).

    .venv/bin/python benchmarks/bench_ocr.py
    .venv/bin/python benchmarks/bench_ocr.py --scan-dpi 200 300 --dpi 150 200 300 --pages 3
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

from reportparse.devtools.scans import page_texts, scan_pdf
from reportparse.ingest import ocr

ROOT = Path(__file__).resolve().parents[1]
PDFS = [ROOT / "corpus" / "pdf" / f"{name}-execution-report.pdf" for name in ("dgta-2020", "sample-dax-2023")]


def ratio(expected: str, found: str) -> float:
    return difflib.SequenceMatcher(None, expected.split(), found.split(), autojunk=False).ratio()


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def render(scan: bytes, dpi: int) -> list[bytes]:
    document = pdfium.PdfDocument(scan)
    images = []
    for index in range(len(document)):
        image = ocr._pgm(document[index], dpi)
        images.append(image or b"")
    document.close()
    return images


def by_binary(images: list[bytes]) -> str:
    return "\n".join(ocr.recognize(image, path="scan.pdf", page=page) for page, image in enumerate(images, 1))


def by_pytesseract(images: list[bytes]) -> str:
    import io

    import pytesseract
    from PIL import Image

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    return "\n".join(pytesseract.image_to_string(Image.open(io.BytesIO(image)), lang=ocr.LANGUAGE) for image in images)


def by_ocrmypdf(scan: bytes) -> str:
    binary = shutil.which("ocrmypdf") or str(Path(sys.executable).with_name("ocrmypdf"))
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder, "scan.pdf"), Path(folder, "ocr.pdf")
        source.write_bytes(scan)
        options = ["-q", "-l", ocr.LANGUAGE, "--output-type", "pdf", "--optimize", "0", "--jobs", "1"]
        subprocess.run(
            [binary, *options, source, target],
            check=True,
            env=dict(os.environ, OMP_THREAD_LIMIT="1"),
        )
        return "\n".join(page_texts(target))


def measure(name: str, expected: str, pages: int, run: Callable[[], str]) -> None:
    cpu, wall = children_cpu(), time.perf_counter()
    found = run()
    cpu, wall = children_cpu() - cpu, time.perf_counter() - wall
    accuracy = ratio(expected, found)
    print(f"  {name:<34} words {accuracy:.4f}   CPU {cpu / pages:5.2f} s/page   wall {wall / pages:5.2f} s/page")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scan-dpi", type=int, nargs="+", default=[200, 300])
    parser.add_argument("--dpi", type=int, nargs="+", default=[150, 200, 300])
    parser.add_argument("--pages", type=int, default=3)
    args = parser.parse_args()
    if ocr.unavailable():
        sys.exit(f"bench_ocr: {ocr.unavailable()}")
    has_pytesseract = importlib.util.find_spec("pytesseract") is not None
    has_ocrmypdf = bool(shutil.which("ocrmypdf") or Path(sys.executable).with_name("ocrmypdf").exists())
    for pdf in PDFS:
        expected = "\n".join(page_texts(pdf, pages=args.pages))
        for scan_dpi in args.scan_dpi:
            scan = scan_pdf(pdf, dpi=scan_dpi, pages=args.pages)
            pages = len(page_texts(scan))
            print(f"{pdf.name}, {pages} pages scanned at {scan_dpi} dpi (1°, blur 0.6 px):")
            for dpi in args.dpi:
                images = render(scan, dpi)
                measure(f"tesseract binary, {dpi} dpi", expected, pages, lambda images=images: by_binary(images))
                if has_pytesseract and dpi == ocr.DPI:
                    measure(f"pytesseract, {dpi} dpi", expected, pages, lambda images=images: by_pytesseract(images))
            if has_ocrmypdf:
                measure("ocrmypdf (its own rendering)", expected, pages, lambda scan=scan: by_ocrmypdf(scan))


if __name__ == "__main__":
    main()

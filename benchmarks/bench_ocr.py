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

The figures, per scan resolution and engine over the PDFs together (``scan200_tesseract_150dpi_word_ratio``,
``…_cpu_s_per_page``, ``…_wall_s_per_page``), are appended to benchmarks/results/bench_ocr.jsonl
(history.py) unless --no-history; an engine that is not installed records nothing.
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
from history import measured, record

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


class Totals:
    """Pages, word-ratio × pages, CPU and wall seconds of one engine setting over the PDFs."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[float]] = {}

    def add(self, key: str, pages: int, accuracy: float, cpu: float, wall: float) -> None:
        total = self.by_key.setdefault(key, [0, 0.0, 0.0, 0.0])
        for index, value in enumerate((pages, accuracy * pages, cpu, wall)):
            total[index] += value

    def figures(self) -> dict[str, float]:
        figures: dict[str, float | None] = {}
        for key, (pages, weighted, cpu, wall) in self.by_key.items():
            if pages:
                figures |= {
                    f"{key}_word_ratio": weighted / pages,
                    f"{key}_cpu_s_per_page": cpu / pages,
                    f"{key}_wall_s_per_page": wall / pages,
                }
        return measured(figures)


def measure(name: str, expected: str, pages: int, run: Callable[[], str]) -> tuple[float, float, float]:
    """Print and return the word ratio, CPU and wall seconds of ``run`` on the scan's pages."""
    cpu, wall = children_cpu(), time.perf_counter()
    found = run()
    cpu, wall = children_cpu() - cpu, time.perf_counter() - wall
    accuracy = ratio(expected, found)
    print(f"  {name:<34} words {accuracy:.4f}   CPU {cpu / pages:5.2f} s/page   wall {wall / pages:5.2f} s/page")
    return accuracy, cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scan-dpi", type=int, nargs="+", default=[200, 300])
    parser.add_argument("--dpi", type=int, nargs="+", default=[150, 200, 300])
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--no-history", action="store_true", help="do not append to benchmarks/results/")
    args = parser.parse_args()
    if ocr.unavailable():
        sys.exit(f"bench_ocr: {ocr.unavailable()}")
    has_pytesseract = importlib.util.find_spec("pytesseract") is not None
    has_ocrmypdf = bool(shutil.which("ocrmypdf") or Path(sys.executable).with_name("ocrmypdf").exists())
    totals = Totals()
    for pdf in PDFS:
        expected = "\n".join(page_texts(pdf, pages=args.pages))
        for scan_dpi in args.scan_dpi:
            scan = scan_pdf(pdf, dpi=scan_dpi, pages=args.pages)
            pages = len(page_texts(scan))
            print(f"{pdf.name}, {pages} pages scanned at {scan_dpi} dpi (1°, blur 0.6 px):")
            for dpi in args.dpi:
                images = render(scan, dpi)
                found = measure(
                    f"tesseract binary, {dpi} dpi", expected, pages, lambda images=images: by_binary(images)
                )
                totals.add(f"scan{scan_dpi}_tesseract_{dpi}dpi", pages, *found)
                if has_pytesseract and dpi == ocr.DPI:
                    found = measure(
                        f"pytesseract, {dpi} dpi", expected, pages, lambda images=images: by_pytesseract(images)
                    )
                    totals.add(f"scan{scan_dpi}_pytesseract_{dpi}dpi", pages, *found)
            if has_ocrmypdf:
                found = measure("ocrmypdf (its own rendering)", expected, pages, lambda scan=scan: by_ocrmypdf(scan))
                totals.add(f"scan{scan_dpi}_ocrmypdf", pages, *found)
    if not args.no_history:
        figures = totals.figures()
        lower = [name for name in figures if name.endswith("_s_per_page")]
        path = record("bench_ocr", figures, lower_is_better=lower)
        print(f"history: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()

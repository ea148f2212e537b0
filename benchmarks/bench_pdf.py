"""Speed and agreement of the two PDF engines (pypdfium2, pdfplumber).

For every real PDF in ../shared/corpus/pdf (when present) and for a synthetic report of at
least 90 pages (made with reportparse.devtools.pdfgen from the reference report, or from the
bundled sample when ../shared is absent), prints:

* pages/s of ``reportparse.ingest.pdf.read`` (extraction + header/footer detection) and of
  ``reportparse.load`` (the same + normalization), best of ``--repeat`` runs;
* the pypdfium2 / pdfplumber speed ratio;
* word-level agreement of the two engines' normalized text (an accuracy proxy), and for the
  synthetic PDF whether each engine gives back the source text word for word.

Run: .venv/bin/python benchmarks/bench_pdf.py [--repeat 3] [--plumber-pages N] [--pages 90] [--no-history]

The figures are appended to benchmarks/results/bench_pdf.jsonl (history.py) unless --no-history:
for the shared PDFs together (``shared_pdf_…``: pages/s over all their pages, the speed ratio, the
mean word agreement) and for the synthetic one (``synthetic_…``). With ``--plumber-pages N`` the
figures measured on the first N pages only are named ``…_first<N>p``, so that they are compared
with runs of the same N.

``--isolation`` measures instead what reading PDFs in a child process costs: for every PDF in
../shared/corpus/pdf and corpus/pdf, ``reportparse.load`` with isolation on (the default) and off
(``Limits(isolate=False)``), best of ``--repeat`` runs each after one warm-up, the pre-scan alone
(``reportparse.ingest.bombs.check_pdf_streams``), and the start of the isolated reader's server
(once per process):

    .venv/bin/python benchmarks/bench_pdf.py --isolation --repeat 3

Its figures (milliseconds) go to benchmarks/results/bench_pdf_isolation.jsonl unless --no-history.

The documents of the blind evaluation part (``corpus/blind/gold.jsonl`` names them) are left out:
they are only scored (corpus/README.md, "Development and blind parts").
"""

from __future__ import annotations

import argparse
import difflib
import logging
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pypdfium2 as pdfium
from history import measured, record

import reportparse
from reportparse.evaluation.gold import read_gold
from reportparse.ingest import pdf as pdf_reader

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
REFERENCE = CORPUS / "reports" / "dmx-2022-opengov-execution-report.txt"
ENGINES = ("pypdfium2", "pdfplumber")


def best_time(function, repeat: int) -> float:
    """Smallest wall time of ``repeat`` calls of ``function``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def first_pages(path: Path, count: int, folder: Path) -> Path:
    """A copy of ``path`` holding only its first ``count`` pages (the file itself if shorter)."""
    source = pdfium.PdfDocument(path)
    try:
        if len(source) <= count:
            return path
        subset = pdfium.PdfDocument.new()
        subset.import_pages(source, list(range(count)))
        out = folder / f"{path.stem}-first{count}.pdf"
        subset.save(out)
        subset.close()
        return out
    finally:
        source.close()


def page_count(path: Path) -> int:
    document = pdfium.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def agreement(a: list[str], b: list[str]) -> tuple[float, float]:
    """(SequenceMatcher ratio, share of words of ``a`` matched in order in ``b``)."""
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matcher.ratio(), matched / max(len(a), 1)


def bench_file(path: Path, engine: str, repeat: int) -> dict[str, float]:
    data = path.read_bytes()
    pages = page_count(path)
    extract = best_time(lambda: pdf_reader.read(path, data, engine=engine), repeat)
    load = best_time(lambda: reportparse.load(path, pdf_engine=engine), repeat)
    return {"pages": pages, "extract": pages / extract, "load": pages / load}


def synthetic_pdf(folder: Path, min_pages: int) -> tuple[Path, Path]:
    from reportparse.devtools import pdfgen

    source = REFERENCE if REFERENCE.is_file() else reportparse.sample_report_path()
    out = folder / f"synthetic-{min_pages}p.pdf"
    text = source.read_text(encoding="utf-8")
    pdfgen.text_to_pdf(text, out, header="Hesabat — sintetik sınaq sənədi", min_pages=min_pages)
    return source, out


def save_history(benchmark: str, figures: dict[str, float | None], lower_is_better: list[str]) -> None:
    """Append the measured figures to the benchmark's history and say where."""
    kept = measured(figures)
    path = record(benchmark, kept, lower_is_better=[name for name in lower_is_better if name in kept])
    print(f"\nhistory: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def shared_pdfs() -> list[Path]:
    """The PDFs of ../shared/corpus/pdf, without the documents of the blind part (printed)."""
    files = sorted((CORPUS / "pdf").glob("*.pdf")) if (CORPUS / "pdf").is_dir() else []
    blind_gold = ROOT / "corpus" / "blind" / "gold.jsonl"
    blind = {Path(record.path).name for record in read_gold(blind_gold)} if blind_gold.is_file() else set()
    left_out = [path.name for path in files if path.name in blind]
    if left_out:
        print(f"left out (blind evaluation part): {', '.join(left_out)}")
    return [path for path in files if path.name not in blind]


def isolation_costs(repeat: int, history: bool = True) -> int:
    """Print load() times with isolation on and off, and the pre-scan time, for the corpus PDFs."""
    from reportparse.devtools import hostile
    from reportparse.ingest import sandbox
    from reportparse.ingest.bombs import check_pdf_streams
    from reportparse.limits import Limits

    files = shared_pdfs() + sorted((ROOT / "corpus" / "pdf").glob("*.pdf"))
    here = Limits(isolate=False)
    with tempfile.TemporaryDirectory(prefix="reportparse-bench-") as tmp:
        tiny = Path(tmp) / "one-page.pdf"
        tiny.write_bytes(hostile.good_pdf(1))
        started = time.perf_counter()
        reportparse.load(tiny)
        first = 1000 * (time.perf_counter() - started)
        print(f"isolated reader: server started and first file read in {first:.0f} ms")
        if sandbox._server is None:
            print("note: the isolated reader is not available here; both columns read in-process")
        print(f"best of {repeat} runs after one warm-up, milliseconds\n")
        width = max(len(path.name) for path in [*files, tiny])
        header = (
            f"{'file':<{width}} {'pages':>5} {'KB':>6} {'pre-scan':>8} {'in-process':>10} {'isolated':>8} {'added':>6}"
        )
        print(header)
        print("-" * len(header))
        totals = [0.0, 0.0, 0.0]
        for path in [tiny, *files]:
            data = path.read_bytes()
            reportparse.load(path, limits=here)
            reportparse.load(path)
            scan = best_time(lambda data=data: check_pdf_streams(data, Limits()), repeat)
            inside = best_time(lambda path=path: reportparse.load(path, limits=here), repeat)
            isolated = best_time(lambda path=path: reportparse.load(path), repeat)
            if path != tiny:
                totals = [totals[0] + scan, totals[1] + inside, totals[2] + isolated]
            print(
                f"{path.name:<{width}} {page_count(path):>5} {len(data) // 1024:>6} {1000 * scan:>8.1f} "
                f"{1000 * inside:>10.1f} {1000 * isolated:>8.1f} {1000 * (isolated - inside):>+6.1f}",
                flush=True,
            )
        scan, inside, isolated = totals
        print(
            f"{'all ' + str(len(files)) + ' corpus PDFs':<{width}} {'':>5} {'':>6} {1000 * scan:>8.1f} "
            f"{1000 * inside:>10.1f} {1000 * isolated:>8.1f} {1000 * (isolated - inside):>+6.1f}"
            f"  ({100 * (isolated / inside - 1):+.1f} %)"
        )
    if history:
        figures: dict[str, float | None] = {"reader_first_file_ms": first}
        if files:
            figures |= {
                "corpus_pdfs_prescan_ms": 1000 * scan,
                "corpus_pdfs_in_process_ms": 1000 * inside,
                "corpus_pdfs_isolated_ms": 1000 * isolated,
                "corpus_pdfs_isolation_added_ms": 1000 * (isolated - inside),
            }
        save_history("bench_pdf_isolation", figures, lower_is_better=list(figures))
    return 0


def history_figures(summary: list[dict], plumber_pages: int | None) -> dict[str, float | None]:
    """The history figures of a run: the shared PDFs together, then the synthetic one (the last row)."""
    first = "" if plumber_pages is None else f"_first{plumber_pages}p"
    figures: dict[str, float | None] = {}
    groups = {"shared_pdf": summary[:-1], "synthetic": summary[-1:]}
    for group, rows in groups.items():
        if not rows:
            continue
        for engine in ENGINES:
            suffix = first if engine == "pdfplumber" else ""
            pages = sum(row["results"][engine]["pages"] for row in rows)
            for step in ("extract", "load"):
                seconds = sum(row["results"][engine]["pages"] / row["results"][engine][step] for row in rows)
                figures[f"{group}_{engine}_{step}_pages_per_s{suffix}"] = pages / seconds if seconds else None
        for step in ("extract", "load"):  # pypdfium2's pages/s over pdfplumber's, as printed per file
            ours = figures[f"{group}_pypdfium2_{step}_pages_per_s"]
            theirs = figures[f"{group}_pdfplumber_{step}_pages_per_s{first}"]
            figures[f"{group}_{step}_speed_ratio{first}"] = ours / theirs if ours and theirs else None
        figures[f"{group}_word_ratio{first}"] = sum(row["ratio"] for row in rows) / len(rows)
        figures[f"{group}_word_share{first}"] = sum(row["share"] for row in rows) / len(rows)
    for engine, (equal, ratio) in summary[-1].get("source", {}).items():
        figures[f"synthetic_{engine}_source_equal"] = int(equal)
        figures[f"synthetic_{engine}_source_ratio"] = ratio
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best is kept)")
    parser.add_argument(
        "--plumber-pages",
        type=int,
        default=None,
        help="benchmark pdfplumber (and compare engines) on the first N pages only",
    )
    parser.add_argument("--pages", type=int, default=90, help="minimum pages of the synthetic PDF")
    parser.add_argument("--isolation", action="store_true", help="measure the isolated reader's cost instead")
    parser.add_argument("--no-history", action="store_true", help="do not append to benchmarks/results/")
    args = parser.parse_args(argv)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # broken fonts are not our subject
    warnings.simplefilter("ignore")
    if args.isolation:
        return isolation_costs(args.repeat, history=not args.no_history)

    with tempfile.TemporaryDirectory(prefix="reportparse-bench-") as tmp:
        folder = Path(tmp)
        files = shared_pdfs()
        if not files:
            print(f"note: {CORPUS / 'pdf'} is absent; only the synthetic PDF is measured")
        source, synthetic = synthetic_pdf(folder, args.pages)
        print(f"synthetic PDF: {page_count(synthetic)} pages from {source.name}")
        print(
            f"best of {args.repeat} runs; pdfplumber on "
            f"{'all pages' if args.plumber_pages is None else f'the first {args.plumber_pages} pages'}\n"
        )

        width = max(len(path.name) for path in [*files, synthetic])
        header = f"{'file':<{width}} {'pages':>5}  {'engine':<10} {'extract p/s':>11} {'load p/s':>9}"
        print(header)
        print("-" * len(header))
        summary = []
        for path in [*files, synthetic]:
            plumber_path = path
            if args.plumber_pages is not None:
                plumber_path = first_pages(path, args.plumber_pages, folder)
            results = {}
            for engine in ENGINES:
                target = plumber_path if engine == "pdfplumber" else path
                results[engine] = result = bench_file(target, engine, args.repeat)
                print(
                    f"{path.name:<{width}} {result['pages']:>5}  {engine:<10} "
                    f"{result['extract']:>11.1f} {result['load']:>9.1f}",
                    flush=True,
                )
            # Accuracy proxy: both engines on the same pages.
            words = {engine: reportparse.load(plumber_path, pdf_engine=engine).text.split() for engine in ENGINES}
            ratio, share = agreement(words["pypdfium2"], words["pdfplumber"])
            row = {
                "file": path.name,
                "results": results,
                "extract_ratio": results["pypdfium2"]["extract"] / results["pdfplumber"]["extract"],
                "load_ratio": results["pypdfium2"]["load"] / results["pdfplumber"]["load"],
                "words": (len(words["pypdfium2"]), len(words["pdfplumber"])),
                "ratio": ratio,
                "share": share,
                "identical": words["pypdfium2"] == words["pdfplumber"],
            }
            if path == synthetic:
                expected = reportparse.load(source).text.split()
                full = {engine: reportparse.load(path, pdf_engine=engine).text.split() for engine in ENGINES}
                repeats = len(full["pypdfium2"]) / max(len(expected), 1)
                row["source"] = {
                    engine: (
                        len(full[engine]) % len(expected) == 0
                        and full[engine] == expected * (len(full[engine]) // len(expected)),
                        agreement(expected * round(repeats), full[engine])[0],
                    )
                    for engine in ENGINES
                }
            summary.append(row)

        print("\nspeed ratio pypdfium2 / pdfplumber, and word agreement of their normalized text")
        header = f"{'file':<{width}} {'extract x':>9} {'load x':>7} {'words pdfium/plumber':>21}"
        header += f" {'ratio':>6} {'share':>6}  same"
        print(header)
        print("-" * len(header))
        for row in summary:
            words = f"{row['words'][0]}/{row['words'][1]}"
            print(
                f"{row['file']:<{width}} {row['extract_ratio']:>9.1f} {row['load_ratio']:>7.1f} {words:>21} "
                f"{row['ratio']:>6.4f} {row['share']:>6.4f}  {'yes' if row['identical'] else 'no'}"
            )
        for row in summary:
            if "source" in row:
                print(f"\nsynthetic PDF vs its source text ({source.name}, repeated), word level:")
                for engine, (equal, ratio) in row["source"].items():
                    print(f"  {engine:<10} word-for-word equal: {'yes' if equal else 'NO'}   ratio {ratio:.4f}")
    if not args.no_history:
        save_history("bench_pdf", history_figures(summary, args.plumber_pages), lower_is_better=[])
    return 0


if __name__ == "__main__":
    sys.exit(main())

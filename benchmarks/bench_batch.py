"""Batch throughput: `reportparse parse --jobs N` on generated ten-page PDF reports.

    .venv/bin/python benchmarks/bench_batch.py [--files 1000] [--jobs 2] [--cache DIR] [--profile] [--no-history]

Generates the PDFs once (the corpus reports and the bundled sample, each repeated to at least
ten pages, copied until there are --files distinct files) into --cache, then runs
the command line on the folder and prints wall time, files/s, pages/s, words/s and the peak
memory of the whole process tree (parent, workers and the worker server): the sum of RSS (an
upper bound: pages shared between processes count once per process) and the sum of PSS (shared
pages split between the processes that share them: the memory the run really takes).
--profile also prints where one process spends its time, per pipeline function. The figures are
appended to benchmarks/results/bench_batch.jsonl (history.py) unless --no-history.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import psutil
from history import record

import reportparse
from reportparse.devtools import pdfgen
from reportparse.pipeline import extract_tables

ROOT = Path(__file__).resolve().parents[1]
PAGES = 10


def sources() -> list[str]:
    paths = [reportparse.sample_report_path(), *sorted((ROOT / "corpus" / "reports").glob("*.txt"))]
    return [path.read_text(encoding="utf-8") for path in paths]


def generate(folder: Path, count: int) -> list[Path]:
    """``count`` distinct PDFs of at least ten pages in ``folder`` (kept between runs).

    Each source text is rendered once; the copies differ by a PDF comment after ``%%EOF``, so
    each has its own bytes and doc_id while the work per file stays that of a real report.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"report-{index:04d}.pdf" for index in range(count)]
    if all(path.exists() for path in paths):
        return paths
    started = time.perf_counter()
    texts = sources()
    rendered = []
    for index, text in enumerate(texts):
        target = folder / f".source-{index}.pdf"
        pdfgen.text_to_pdf(
            text,
            target,
            header="Hesabat",
            min_pages=PAGES,
            creation_date=pdfgen.dt.datetime(2024, 1, 1, tzinfo=pdfgen.dt.timezone.utc),
        )
        rendered.append(target.read_bytes())
        target.unlink()
    for index, path in enumerate(paths):
        path.write_bytes(rendered[index % len(rendered)] + f"% reportparse benchmark copy {index}\n".encode())
    print(f"generated {count} PDFs in {time.perf_counter() - started:.0f} s into {folder}")
    return paths


def _tree(process: psutil.Process) -> list[psutil.Process]:
    try:
        return [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def run_cli(folder: Path, out: Path, jobs: int) -> tuple[float, float, float, dict[str, float], float]:
    """Wall seconds, peak summed RSS and PSS (MB) of the CLI's process tree, peak PSS per role, and
    the CPU seconds the tree used (last sample of each process, so a little less)."""
    command = [
        str(Path(sys.executable).with_name("reportparse")),
        "parse",
        str(folder),
        "--out",
        str(out),
        "--jobs",
        str(jobs),
        "--quiet",
    ]
    started = time.perf_counter()
    child = subprocess.Popen(command)
    watched = psutil.Process(child.pid)
    peak_rss = peak_pss = 0.0
    roles: dict[str, float] = {}
    cpu: dict[int, float] = {}
    while child.poll() is None:
        rss = pss = 0
        for process in _tree(watched):
            try:
                info = process.memory_full_info()
                times = process.cpu_times()
                cpu[process.pid] = times.user + times.system
                # workers are forked by the fork server, itself a child of the command
                role = "command" if process.pid == child.pid else "server" if process.ppid() == child.pid else "worker"
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            rss, pss = rss + info.rss, pss + getattr(info, "pss", info.rss)
            roles[role] = max(roles.get(role, 0.0), getattr(info, "pss", info.rss) / 2**20)
        peak_rss, peak_pss = max(peak_rss, rss / 2**20), max(peak_pss, pss / 2**20)
        time.sleep(0.1)
    wall = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"reportparse parse exited with {child.returncode}")
    return wall, peak_rss, peak_pss, roles, sum(cpu.values())


def profile(paths: list[Path]) -> None:
    """Where one process spends its time on these files."""
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for path in paths:
        extract_tables(reportparse.load(path))
    profiler.disable()
    print(
        f"\nprofile: {len(paths)} files in one process, {time.perf_counter() - started:.2f} s "
        f"({(time.perf_counter() - started) / len(paths) * 1000:.0f} ms per file); cumulative time per function:"
    )
    stats = pstats.Stats(profiler)
    rows = [
        (value[3], f"{Path(file).name}:{line}({name})")
        for (file, line, name), value in stats.stats.items()
        if "reportparse" in file
    ]
    for seconds, where in sorted(rows, reverse=True)[:15]:
        print(f"  {seconds / len(paths) * 1000:7.1f} ms/file  {where}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "reportparse-bench-pdfs")
    parser.add_argument("--profile", action="store_true", help="also profile 20 files in one process")
    parser.add_argument("--no-history", action="store_true", help="do not append to benchmarks/results/")
    args = parser.parse_args()
    folder = args.cache / f"{args.files}x{PAGES}p"
    paths = generate(folder, args.files)
    with tempfile.TemporaryDirectory() as out:
        wall, rss, pss, roles, cpu = run_cli(folder, Path(out), args.jobs)
        documents = pd.read_csv(Path(out) / "documents.csv")
    pages, words = int(documents["n_pages"].sum()), int(documents["n_words"].sum())
    print(f"{len(documents)} files, {pages} pages, {words:,} words, --jobs {args.jobs}: {wall:.1f} s")
    print(f"throughput: {len(documents) / wall:.1f} files/s, {pages / wall:.0f} pages/s, {words / wall:,.0f} words/s")
    print(f"peak memory of the process tree: {pss:.0f} MB PSS (shared pages split), {rss:.0f} MB RSS summed")
    print(
        f"CPU time of the process tree: {cpu:.0f} s ({cpu / len(documents) * 1000:.0f} ms per file); "
        f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print("peak PSS per process: " + ", ".join(f"{role} {mb:.0f} MB" for role, mb in sorted(roles.items())))
    if not args.no_history:
        figures = {
            "files": len(documents),
            "jobs": args.jobs,
            "wall_s": wall,
            "files_per_s": len(documents) / wall,
            "words_per_s": words / wall,
            "peak_pss_mb": pss,
            "peak_rss_mb": rss,
            "cpu_ms_per_file": cpu / len(documents) * 1000,
            **{f"peak_pss_{role}_mb": mb for role, mb in roles.items()},
        }
        lower = ["wall_s", "cpu_ms_per_file", *(name for name in figures if name.endswith("_mb"))]
        print(f"history: {record('bench_batch', figures, lower_is_better=lower)}")
    if args.profile:
        profile(paths[:20])


if __name__ == "__main__":
    main()

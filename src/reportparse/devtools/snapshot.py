"""A fingerprint of every table the pipeline gives the project corpus, to show that a change
(a speed-up, a refactoring) leaves the tables as they were.

:func:`fingerprints` parses each input and hashes each table's CSV text (the text form the CSV
files are written from, the ``path`` column made relative to the corpus so that the figures do
not depend on where the checkout lies). ``tests/test_snapshot.py`` compares them with the stored
``tests/snapshots/tables.json``; ``benchmarks/bench_pipeline.py`` says whether the tables it timed
are those. After a change that is meant to change tables, store the new ones with

    .venv/bin/python -m reportparse.devtools.snapshot --update

and commit the file with the change that explains it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from reportparse.ingest.loader import READERS, load
from reportparse.pipeline import extract_tables

ROOT = Path(__file__).resolve().parents[3]
"""The checkout: the corpus is ``ROOT / "corpus"``, the stored fingerprints ``ROOT / STORED``."""

STORED = Path("tests") / "snapshots" / "tables.json"


def inputs(corpus: Path) -> list[Path]:
    """Every file of the project corpus a reader takes (``corpus/**``), in a stable order."""
    return sorted(path for path in corpus.rglob("*") if path.is_file() and path.suffix.lower() in READERS)


def fingerprints(paths: Iterable[Path], *, root: Path) -> dict[str, dict[str, str]]:
    """Each input's tables as ``sha256:rows`` of their CSV text.

    Args:
        paths: the inputs.
        root: paths are named (and the ``path`` column written) relative to it.

    Returns:
        ``{relative path: {table: "<sha256 prefix>:<rows>"}}``.
    """
    found: dict[str, dict[str, str]] = {}
    for path in paths:
        name = Path(os.path.relpath(path, root)).as_posix()
        tables = extract_tables(load(path))
        digests = {}
        for table, frame in tables.items():
            if "path" in frame.columns:
                frame = frame.assign(path=name)
            text = frame.to_csv(index=False, lineterminator="\n")
            digests[table] = f"{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}:{len(frame)}"
        found[name] = digests
    return found


def differences(stored: dict[str, dict[str, str]], current: dict[str, dict[str, str]]) -> list[str]:
    """What changed, one line per input and table (empty when nothing did)."""
    lines = [f"{name}: new input" for name in sorted(set(current) - set(stored))]
    lines += [f"{name}: input gone" for name in sorted(set(stored) - set(current))]
    for name in sorted(set(stored) & set(current)):
        for table in sorted(set(stored[name]) | set(current[name])):
            before, after = stored[name].get(table), current[name].get(table)
            if before != after:
                lines.append(f"{name}: {table} {before} -> {after}")
    return lines


def read(path: Path) -> dict[str, dict[str, str]]:
    """The stored fingerprints ({} when the file is not there)."""
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def main(argv: list[str] | None = None) -> int:
    """Compare the corpus's tables with the stored fingerprints, or store them (``--update``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="store the current fingerprints")
    args = parser.parse_args(argv)
    current = fingerprints(inputs(ROOT / "corpus"), root=ROOT)
    stored_path = ROOT / STORED
    if args.update:
        stored_path.parent.mkdir(parents=True, exist_ok=True)
        stored_path.write_text(json.dumps(current, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"stored the tables of {len(current)} inputs in {STORED}")
        return 0
    changed = differences(read(stored_path), current)
    print("\n".join(changed) if changed else f"the tables of all {len(current)} inputs are unchanged")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Which files a batch parses: files as given, folders searched recursively, glob patterns."""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reportparse.batch.result import FileResult
from reportparse.errors import MissingFileError
from reportparse.ingest.loader import READERS
from reportparse.ingest.normalize import DOC_ID_LENGTH

_GLOB_CHARS = frozenset("*?[")


@dataclass
class Discovery:
    """Input files found from the command line's arguments.

    Attributes:
        files: files to parse, each once, in the order found (folders and globs sorted).
        failures: inputs that name nothing (a missing file, a pattern matching no file).
        notes: warnings (a folder with no readable file).
    """

    files: list[Path] = field(default_factory=list)
    failures: list[FileResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _readable(paths: Iterable[Path]) -> list[Path]:
    return sorted(p for p in paths if p.is_file() and p.suffix.lower() in READERS)


def discover(inputs: Iterable[str | os.PathLike[str]]) -> Discovery:
    """Expand inputs: files as given, folders searched recursively, glob patterns (``**`` too).

    Folders and patterns contribute only the extensions reportparse reads; a file named
    explicitly is always tried, so an unsupported one is reported rather than skipped.

    Args:
        inputs: files, folders and glob patterns.

    Returns:
        The files and what could not be found.
    """
    found, seen = Discovery(), set()

    def add(path: Path) -> None:
        key = os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            found.files.append(path)

    for item in inputs:
        text = os.fspath(item)
        path = Path(text)
        if path.is_dir():
            files = _readable(path.rglob("*"))
            if not files:
                found.notes.append(f"{path}: no .txt, .pdf or .docx files in this folder")
            for file in files:
                add(file)
        elif path.exists():
            add(path)
        elif _GLOB_CHARS & set(text):
            matches = [Path(m) for m in glob.glob(text, recursive=True)]
            files = _readable(matches + [f for m in matches if m.is_dir() for f in m.rglob("*")])
            if not files:
                found.failures.append(
                    FileResult.failure(text, MissingFileError.__name__, "no readable file matches this pattern")
                )
            for file in files:
                add(file)
        else:
            found.failures.append(FileResult.failure(text, MissingFileError.__name__, "no such file; check the path"))
    return found


def file_doc_id(path: str | os.PathLike[str]) -> str:
    """The doc_id :func:`reportparse.load` gives a file, computed from its bytes alone."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:DOC_ID_LENGTH]

"""Which files a batch parses: files as given, folders searched recursively, glob patterns.

Symbolic links met while searching a folder (or expanding a pattern, whose folder is the part
before its first wildcard) follow one policy:

* a link to a file or folder *inside* an input folder is not followed: its target is found
  under its own path, so nothing is parsed twice and a link back up (``loop -> ..``) cannot loop;
* a link pointing *outside* every input folder is not followed either (a folder of reports
  should not pull in ``/etc`` or a colleague's home): it is counted and named in a note, unless
  ``follow_links`` is given; followed folders are walked once each (a loop is cut), and a file
  reached twice is parsed once;
* a file or folder named explicitly on the command line is always used, link or not.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reportparse.batch.result import FileResult
from reportparse.errors import MissingFileError
from reportparse.ingest.loader import READERS
from reportparse.ingest.normalize import DOC_ID_LENGTH

_GLOB_CHARS = frozenset("*?[")
_SHOWN_LINKS = 3
_SHOWN_EXTENSIONS = 5
NO_EXTENSION = "no extension"


@dataclass
class Discovery:
    """Input files found from the command line's arguments.

    Attributes:
        files: files to parse, each once, in the order found (folders and globs sorted).
        failures: inputs that name nothing (a missing file, a pattern matching no file).
        notes: warnings (a folder with no readable file, links not followed).
        skipped_links: links pointing outside the input folders that were not followed.
        skipped_files: files met in a folder (or matching a pattern) in a format reportparse does
            not read, counted by extension (lowercase, ``.xlsx``; ``no extension``).
    """

    files: list[Path] = field(default_factory=list)
    failures: list[FileResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped_links: list[Path] = field(default_factory=list)
    skipped_files: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class _Entry:
    path: Path
    parts: tuple[str, ...]  # relative to the walk's top
    is_dir: bool
    skipped: bool = False  # a link pointing outside, not followed


def _readable(path: Path) -> bool:
    return path.suffix.lower() in READERS


def _skip(path: Path, found: Discovery) -> None:
    found.skipped_files[path.suffix.lower() or NO_EXTENSION] += 1


def skipped_summary(skipped: Counter[str]) -> str:
    """``3 .xlsx, 2 .jpg, 1 no extension``: the most frequent extensions first."""
    ranked = sorted(skipped.items(), key=lambda item: (-item[1], item[0]))
    shown = ", ".join(f"{count} {extension}" for extension, count in ranked[:_SHOWN_EXTENSIONS])
    return shown + (", ..." if len(ranked) > _SHOWN_EXTENSIONS else "")


def _skipped_note(skipped: Counter[str]) -> str:
    total = sum(skipped.values())
    return (
        f"{total} file{'s' if total > 1 else ''} in formats reportparse does not read skipped"
        f" ({skipped_summary(skipped)}); it reads {', '.join(sorted(READERS))}"
    )


def _inside(target: str, roots: Iterable[str]) -> bool:
    return any(target == root or target.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


class _Walker:
    """Walks folders under the link policy of the module, each real folder once per walk."""

    def __init__(self, roots: list[str], follow_links: bool) -> None:
        self.roots, self.follow_links = roots, follow_links

    def walk(self, top: Path, descend: Callable[[tuple[str, ...]], bool] = lambda parts: True) -> Iterator[_Entry]:
        """Every entry below ``top`` (``descend(parts)`` False: do not look inside that folder)."""
        visited = set()
        with_top = _identity(top)
        if with_top is not None:
            visited.add(with_top)
        stack: list[tuple[Path, tuple[str, ...]]] = [(top, ())]
        while stack:
            folder, parts = stack.pop()
            try:
                entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
            except OSError:  # unreadable, vanished: like pathlib's rglob, skip it
                continue
            for entry in entries:
                found = self._entry(folder, parts, entry)
                if found is None:
                    continue
                yield found
                if found.is_dir and not found.skipped and descend(found.parts):
                    key = _identity(found.path)
                    if key is not None and key not in visited:
                        visited.add(key)
                        stack.append((found.path, found.parts))

    def _entry(self, folder: Path, parts: tuple[str, ...], entry: os.DirEntry[str]) -> _Entry | None:
        path = Path(os.path.join(folder, entry.name)) if str(folder) != "." else Path(entry.name)
        try:
            is_dir = entry.is_dir()  # follows a link
            if entry.is_symlink():
                target = os.path.realpath(path)
                if not os.path.exists(target) or _inside(target, self.roots):
                    return None  # dangling, or found under its own path
                if not self.follow_links:
                    return _Entry(path, (*parts, entry.name), is_dir, skipped=True)
        except OSError:
            return None
        return _Entry(path, (*parts, entry.name), is_dir)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


_SEPARATORS = os.sep + (os.altsep or "")


def _split_pattern(pattern: str) -> tuple[str, tuple[str, ...]]:
    """``reports/**/*.pdf`` → (``reports``, (``**``, ``*.pdf``)): the folder before the first
    wildcard, and the components after it."""
    head, parts = pattern.rstrip(_SEPARATORS) or pattern, []
    while head and _GLOB_CHARS & set(head):
        head, tail = os.path.split(head)
        if not tail:  # a root such as "/" with wildcards after it cannot be split further
            break
        parts.append(tail)
    return head, tuple(reversed(parts))


def _component(name: str, pattern: str) -> bool:
    if name.startswith(".") and not pattern.startswith("."):
        return False  # like glob: wildcards do not match hidden names
    return fnmatch.fnmatch(name, pattern)


def _match(parts: tuple[str, ...], patterns: tuple[str, ...], *, prefix: bool = False) -> bool:
    """Whether ``parts`` match ``patterns`` as :func:`glob.glob` with ``recursive=True`` would
    (``**``: any number of folders, hidden ones excepted); with ``prefix``: or could, once longer."""
    if not patterns:
        return not parts
    if not parts:
        return prefix or all(pattern == "**" for pattern in patterns)
    if patterns[0] == "**":
        if _match(parts, patterns[1:], prefix=prefix):
            return True
        return not parts[0].startswith(".") and _match(parts[1:], patterns, prefix=prefix)
    return _component(parts[0], patterns[0]) and _match(parts[1:], patterns[1:], prefix=prefix)


def _expand_pattern(walker: _Walker, pattern: str, found: Discovery) -> list[Path]:
    """Files a pattern names: matching files, and the readable files inside matching folders
    (only folders, when the pattern ends with a separator)."""
    base, patterns = _split_pattern(pattern)
    folders_only = pattern.endswith(tuple(_SEPARATORS))
    files: list[Path] = []
    matched: set[tuple[str, ...]] = {()} if _match((), patterns) else set()  # everything below them counts

    def under_match(parts: tuple[str, ...], *, itself: bool) -> bool:
        return any(parts[:length] in matched for length in range(len(parts) + int(itself)))

    def descend(parts: tuple[str, ...]) -> bool:
        return under_match(parts, itself=True) or _match(parts, patterns, prefix=True)

    for entry in walker.walk(Path(base or "."), descend):
        hit = under_match(entry.parts, itself=False) or (
            (entry.is_dir or not folders_only) and _match(entry.parts, patterns)
        )
        if entry.skipped:
            if entry.is_dir and (hit or _match(entry.parts, patterns, prefix=True)):
                found.skipped_links.append(entry.path)
            elif hit and _readable(entry.path):
                found.skipped_links.append(entry.path)
        elif entry.is_dir:
            if hit:
                matched.add(entry.parts)
        elif hit and _readable(entry.path):
            files.append(entry.path)
        elif hit:
            _skip(entry.path, found)
    return sorted(files)


def _expand_folder(walker: _Walker, folder: Path, found: Discovery) -> list[Path]:
    files = []
    for entry in walker.walk(folder):
        if entry.skipped:
            if entry.is_dir or _readable(entry.path):
                found.skipped_links.append(entry.path)
        elif not entry.is_dir and _readable(entry.path):
            files.append(entry.path)
        elif not entry.is_dir:
            _skip(entry.path, found)
    return sorted(files)


def _roots(texts: list[str]) -> list[str]:
    """The real paths of the folders searched: folder inputs, and the folders of patterns."""
    roots = []
    for text in texts:
        if os.path.isdir(text):
            roots.append(os.path.realpath(text))
        elif not os.path.exists(text) and _GLOB_CHARS & set(text):
            roots.append(os.path.realpath(_split_pattern(text)[0] or "."))
    return roots


def _links_note(links: list[Path]) -> str:
    shown = ", ".join(str(link) for link in links[:_SHOWN_LINKS]) + (", ..." if len(links) > _SHOWN_LINKS else "")
    count = f"{len(links)} symbolic link{'s' if len(links) > 1 else ''}"
    return f"{count} pointing outside the input folders not followed ({shown}); --follow-links follows them"


def discover(inputs: Iterable[str | os.PathLike[str]], *, follow_links: bool = False) -> Discovery:
    """Expand inputs: files as given, folders searched recursively, glob patterns (``**`` too).

    Folders and patterns contribute only the extensions reportparse reads (``READERS``); the
    other files they hold are counted by extension in ``skipped_files`` and a note. A file named
    explicitly is always tried, so an unsupported one is reported rather than skipped. Links
    follow the policy of the module.

    Args:
        inputs: files, folders and glob patterns.
        follow_links: follow links that point outside the input folders.

    Returns:
        The files, what could not be found, the links not followed and the files skipped.
    """
    texts = [os.fspath(item) for item in inputs]
    found, seen = Discovery(), set()
    walker = _Walker(_roots(texts), follow_links)

    def add(path: Path) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            found.files.append(path)

    for text in texts:
        path = Path(text)
        if path.is_dir():
            files = _expand_folder(walker, path, found)
            if not files:
                found.notes.append(f"{path}: no file in a format reportparse reads in this folder")
        elif path.exists():
            files = [path]
        elif _GLOB_CHARS & set(text):
            files = _expand_pattern(walker, text, found)
            if not files:
                found.failures.append(
                    FileResult.failure(text, MissingFileError.__name__, "no readable file matches this pattern")
                )
        else:
            files = []
            found.failures.append(FileResult.failure(text, MissingFileError.__name__, "no such file; check the path"))
        for file in files:
            add(file)
    found.skipped_links = list(dict.fromkeys(found.skipped_links))
    if found.skipped_files:
        found.notes.append(_skipped_note(found.skipped_files))
    if found.skipped_links:
        found.notes.append(_links_note(found.skipped_links))
    return found


def file_doc_id(path: str | os.PathLike[str]) -> str:
    """The doc_id :func:`reportparse.load` gives a file, computed from its bytes alone."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:DOC_ID_LENGTH]

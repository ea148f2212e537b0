"""Legacy word-processor files (``.doc``, ``.odt``, ``.rtf``), converted by an installed tool.

LibreOffice (``soffice --headless --convert-to docx``) converts all three into a DOCX, which the
DOCX reader then reads (tables, page breaks and all; in a child process, as ``load`` reads a
``.docx``, unless ``Limits(isolate=False)`` or already isolated); without it, a ``.doc`` is converted by
antiword into text. Each conversion runs in a temporary folder of its own (the file is copied
there under a plain name, LibreOffice gets a fresh profile, so that conversions in parallel
never share one), under a time limit (``Limits.max_seconds``, 120 s when unset): the converter
and every process it starts are killed when it runs over, even when the process that started it
is killed first (coreutils ``timeout`` kills the converter's process group). The converter is
not held to a batch worker's memory limit (LibreOffice reserves far more address space than it
uses).

Without a tool for the format, :func:`read` raises :class:`ConverterMissingError` naming what to
install, so that a batch lists the file in ``errors.csv`` instead of skipping it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from reportparse.document import RawText
from reportparse.errors import ConverterMissingError, CorruptFileError, ResourceLimitError
from reportparse.ingest import docx, sandbox, txt
from reportparse.ingest.bombs import check_zip_members
from reportparse.ingest.formats import LEGACY_SUFFIXES
from reportparse.limits import DEFAULT_LIMITS, Limits

SUFFIXES = LEGACY_SUFFIXES
"""Extensions read through a converter."""

DEFAULT_SECONDS = 120.0
"""Time a conversion may take when ``Limits.max_seconds`` is None."""

_LIBREOFFICE = ("soffice", "libreoffice")
_INSTALL_LIBREOFFICE = (
    "LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; elsewhere libreoffice.org)"
)
_MESSAGE_CHARS = 300
_SIGKILL = getattr(signal, "SIGKILL", 9)  # Windows has no SIGKILL
_KILLED = (-_SIGKILL, 128 + _SIGKILL, 124)  # killed by us or by coreutils timeout


@dataclass(frozen=True)
class Converted:
    """A legacy file converted into a format reportparse reads.

    Attributes:
        data: the converted bytes.
        suffix: ``.docx`` or ``.txt``.
        tool: the converter (``libreoffice``, ``antiword``).
    """

    data: bytes
    suffix: str
    tool: str


def libreoffice() -> str | None:
    """The path of LibreOffice's ``soffice``, or None when it is not installed."""
    return next((found for name in _LIBREOFFICE if (found := shutil.which(name))), None)


def antiword() -> str | None:
    """The path of ``antiword``, or None when it is not installed."""
    return shutil.which("antiword")


def available(suffix: str) -> bool:
    """Whether a converter for ``suffix`` (``.doc``, ``.odt``, ``.rtf``) is installed."""
    return libreoffice() is not None or (suffix.lower() == ".doc" and antiword() is not None)


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (a compound file)
_ZIP = b"PK\x03\x04"
_RTF = b"{\\rtf"
_SIGNATURES = {
    ".doc": ((_OLE2, _RTF, b"<"), "a Word 97-2003 document (nor RTF or HTML saved as .doc)"),
    ".odt": ((_ZIP,), "an OpenDocument text (a zip package)"),
    ".rtf": ((_RTF,), "an RTF document (it starts with {\\rtf)"),
}


def check_signature(suffix: str, data: bytes, *, path: Path) -> None:
    """Refuse bytes that do not start like the format (LibreOffice would import them as plain text).

    Raises:
        CorruptFileError: the bytes are not of the format their extension claims.
    """
    starts, what = _SIGNATURES[suffix]
    head = data[:64].removeprefix(b"\xef\xbb\xbf").lstrip()
    if not any(head.startswith(start) for start in starts):
        raise CorruptFileError(f"not {what}; check the file, or open it and save it as .docx", path=path)


def _missing(suffix: str, path: Path) -> ConverterMissingError:
    tools = f"{_INSTALL_LIBREOFFICE}{' or antiword (apt-get install antiword)' if suffix == '.doc' else ''}"
    return ConverterMissingError(
        f"{suffix} files are read through a converter and none is installed: install {tools}, "
        "or save the file as .docx",
        path=path,
    )


def _address_space_limited() -> bool:
    """Whether this process runs under a soft address-space limit (a batch worker's memory limit)."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    return soft != hard


def _lift_address_space_limit() -> None:  # pragma: no cover  (runs in the child, between fork and exec)
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def _run(command: list[str], *, cwd: Path, seconds: float, path: Path, tool: str) -> subprocess.CompletedProcess[bytes]:
    """Run a converter in its own process group, killed with all its children after ``seconds``."""
    timeout = shutil.which("timeout")
    if timeout is not None:  # kills the group even when this process dies first
        command = [timeout, "-s", "KILL", f"{seconds:g}", *command]
    environment = {**os.environ, "HOME": str(cwd), "LC_ALL": "C.UTF-8"}
    with subprocess.Popen(
        command,
        cwd=cwd,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        # only under a limit (a batch worker, one thread): preexec_fn is unsafe in threaded processes
        preexec_fn=_lift_address_space_limit if _address_space_limited() else None,
    ) as process:
        started = time.monotonic()
        try:
            out, err = process.communicate(timeout=seconds + 5)
        except subprocess.TimeoutExpired:  # no coreutils timeout: kill the group here
            with contextlib.suppress(OSError):
                os.killpg(process.pid, _SIGKILL)  # type: ignore[attr-defined,unused-ignore]
            out, err = process.communicate()
    if time.monotonic() - started >= seconds and process.returncode in _KILLED:
        raise ResourceLimitError(
            f"{tool} took longer than {seconds:g} s to convert the file (max_seconds); save it as .docx, "
            "or raise the limit: load(..., limits=Limits(max_seconds=...))",
            path=path,
        )
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def _why(result: subprocess.CompletedProcess[bytes]) -> str:
    message = " ".join(result.stderr.decode("utf-8", "replace").split())
    return message[:_MESSAGE_CHARS] or f"exit status {result.returncode}"


def _by_libreoffice(soffice: str, source: Path, folder: Path, seconds: float, path: Path) -> Converted:
    out = folder / "out"
    profile = (folder / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck"]
    command += ["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)]
    result = _run(command, cwd=folder, seconds=seconds, path=path, tool="LibreOffice")
    converted = out / f"{source.stem}.docx"
    if not converted.is_file():
        raise CorruptFileError(
            f"LibreOffice could not convert it ({_why(result)}); check that the file opens in a word processor",
            path=path,
        )
    return Converted(converted.read_bytes(), ".docx", "libreoffice")


def _by_antiword(tool: str, source: Path, folder: Path, seconds: float, path: Path) -> Converted:
    # -w 0: one line per paragraph (no wrapping at 80 columns); UTF-8 keeps ə, ş, ğ.
    result = _run([tool, "-m", "UTF-8.txt", "-w", "0", str(source)], cwd=folder, seconds=seconds, path=path, tool=tool)
    if result.returncode != 0:
        raise CorruptFileError(f"antiword could not read it as a Word document ({_why(result)})", path=path)
    return Converted(result.stdout, ".txt", "antiword")


def convert(path: Path, data: bytes, *, limits: Limits = DEFAULT_LIMITS) -> Converted:
    """Convert a legacy file with LibreOffice (or antiword for ``.doc``), in a temporary folder.

    Args:
        path: the file's path (its extension chooses the converter; named in errors).
        data: the file's bytes.
        limits: ``max_seconds``: time the conversion may take (120 s when None).

    Returns:
        The converted bytes, their format and the converter used.

    Raises:
        ConverterMissingError: no converter for the format is installed.
        CorruptFileError: the bytes are not of the format (checked before any tool runs), or the
            converter could not read them.
        ResourceLimitError: the conversion took longer than the time limit; an ``.odt`` that
            inflates beyond ``limits`` (a zip bomb).
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"convert() reads {', '.join(SUFFIXES)} files, not {suffix or 'a file without extension'}")
    check_signature(suffix, data, path=path)
    if suffix == ".odt":
        check_zip_members(data, limits, path=path)
    soffice, word = libreoffice(), antiword() if suffix == ".doc" else None
    if soffice is None and word is None:
        raise _missing(suffix, path)
    seconds = limits.max_seconds or DEFAULT_SECONDS
    with tempfile.TemporaryDirectory(prefix="reportparse-convert-") as temporary:
        folder = Path(temporary)
        source = folder / f"input{suffix}"  # a plain name: LibreOffice names its output after it
        source.write_bytes(data)
        if soffice is not None:
            return _by_libreoffice(soffice, source, folder, seconds, path)
        assert word is not None
        return _by_antiword(word, source, folder, seconds, path)


def read(path: Path, data: bytes, *, limits: Limits = DEFAULT_LIMITS, **_options: object) -> RawText:
    """Read a ``.doc``, ``.odt`` or ``.rtf`` file through a converter.

    Args:
        path: the file's path (named in errors and kept as the source).
        data: the file's bytes.
        limits: the conversion's time (``max_seconds``) and the limits of the DOCX or text reader.

    Returns:
        The text as the DOCX (or text) reader gives it; ``format`` is the file's own (``doc``,
        ``odt``, ``rtf``), ``extractor`` names the converter, and the doc id hashes the file's
        own bytes.

    Raises:
        ConverterMissingError, CorruptFileError, ResourceLimitError: see :func:`convert`; and the
        errors of the DOCX or text reader.
    """
    converted = convert(path, data, limits=limits)
    if converted.suffix == ".docx" and sandbox.should_isolate(limits):  # python-docx in a child, as for a .docx
        raw = sandbox.read("docx", path, converted.data, limits)
        extractor = "libreoffice+python-docx"
    elif converted.suffix == ".docx":
        raw = docx.read(path, converted.data, limits=limits)
        extractor = "libreoffice+python-docx"
    else:
        raw = txt.read(path, converted.data, limits=limits)
        pages = tuple(raw.pages[0].split("\f")) if raw.pages else raw.pages
        raw = dataclasses.replace(raw, pages=pages[:-1] if len(pages) > 1 and not pages[-1].strip() else pages)
        extractor = "antiword"
    return dataclasses.replace(
        raw, sha256=hashlib.sha256(data).hexdigest(), format=path.suffix.lower().lstrip("."), extractor=extractor
    )

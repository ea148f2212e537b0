"""Checks of an output folder before any file is parsed: the common ways a batch would fail at
its first write (a read-only folder, a full disk) fail at once, not after an hour of parsing."""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

MIN_FREE_BYTES = 8 * 2**20
"""Free space an output folder (and the temporary folder) must have before a run starts: below
it, even the tables of a few hundred reports may not fit."""

_PROBE_BYTES = 4096


def free_bytes(folder: str | os.PathLike[str]) -> int | None:
    """Bytes an unprivileged user may still write on the folder's file system (``statvfs``), or
    None when it cannot be told."""
    try:
        if hasattr(os, "statvfs"):
            status = os.statvfs(folder)
            return status.f_bavail * status.f_frsize
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def _megabytes(count: int) -> str:
    return f"{count / 2**20:.1f} MB"


def check_free_space(folder: str | os.PathLike[str], *, what: str, minimum: int = MIN_FREE_BYTES) -> str | None:
    """What is wrong with the free space of ``folder``'s disk, or None.

    Args:
        folder: an existing folder.
        what: how the message names it (``--out tables``, ``the temporary folder /tmp``).
        minimum: bytes needed.

    Returns:
        A message saying how much is free and what to do, or None when there is enough.
    """
    free = free_bytes(folder)
    if free is None or free >= minimum:
        return None
    return (
        f"only {_megabytes(free)} free on the disk of {what}; reportparse needs at least {_megabytes(minimum)} "
        "to write the tables: free some space or choose another folder"
    )


def check_output_folder(folder: str | os.PathLike[str], *, minimum: int = MIN_FREE_BYTES) -> str | None:
    """Create the output folder and check that a file can be written into it and that its disk
    has some free space.

    Args:
        folder: the ``--out`` folder.
        minimum: free bytes needed.

    Returns:
        What is wrong (a message naming the folder and what to do), or None.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        return f"--out {folder} is a file, not a folder"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"cannot create --out {folder} ({exc.strerror or exc}); choose another folder"
    probe = folder / f".reportparse-probe-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        descriptor = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            data = memoryview(b"\0" * _PROBE_BYTES)
            while data:  # a nearly full disk (or a file size limit) writes part, then fails
                data = data[os.write(descriptor, data) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except OSError as exc:
        return f"cannot write into --out {folder} ({exc.strerror or exc}); make it writable or choose another folder"
    finally:
        try:
            probe.unlink(missing_ok=True)
        except OSError:
            pass
    return check_free_space(folder, what=f"--out {folder}", minimum=minimum)

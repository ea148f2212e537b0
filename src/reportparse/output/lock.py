"""One writer per output folder: a lock file, ``.reportparse.lock``, in the folder.

The file is created with ``O_CREAT | O_EXCL`` (atomic: of two runs, exactly one creates it) and
holds its holder as JSON: process id, host, start time (UTC), and, on Linux, the process's start
tick and the boot id, which tell a live holder from a reused process id. A second writer finds
the file and is refused, told who holds the folder. A lock whose holder is gone (same host, the
process no longer exists: a run killed with ``kill -9`` or a power cut) is *stale*: it is
reported, never taken silently, since the folder may hold the tables of a run that stopped
half-way; ``--force-unlock`` (``force=True``) removes it, as does deleting the file. A lock held
by a live process on this host is never removed, even with ``force``. On another host (a shared
folder) whether the holder lives cannot be known: it is reported as in use, and ``force``
removes it.

A process holding a folder's lock may write into it again (:func:`holding` is re-entrant), so
:func:`reportparse.output.folder.write_output` takes the lock for the Python API while the
command line, which holds it for the whole run, writes through the same function.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from reportparse.errors import ReportParseError

LOCK_NAME = ".reportparse.lock"
"""The lock file's name inside an output folder."""

_HELD: dict[str, OutputLock] = {}
_READ_ATTEMPTS, _READ_PAUSE = 10, 0.05  # a lock being written by its creator is empty for an instant


class OutputLockedError(ReportParseError):
    """Another run writes into the output folder, or one that was killed left its lock.

    Attributes:
        stale: True when the holder is known to be gone (``--force-unlock`` may remove the lock).
    """

    def __init__(self, message: str, *, path: str | Path | None = None, stale: bool = False) -> None:
        self.stale = stale
        super().__init__(message, path=path)


@dataclass(frozen=True)
class Holder:
    """Who holds a lock (the lock file's content)."""

    pid: int
    host: str
    started: str
    token: str
    process_start: str | None = None
    boot: str | None = None

    def describe(self) -> str:
        """``pid 123 on host web1, since 2025-01-31T09:00:00Z``."""
        return f"pid {self.pid} on host {self.host}, since {self.started}"


def _read_first_line(path: str) -> str | None:
    try:
        with open(path, encoding="ascii", errors="replace") as stream:
            return stream.readline().strip() or None
    except OSError:
        return None


def _stat(pid: int) -> list[str]:
    """The fields of ``/proc/PID/stat`` after the command name (Linux), or none."""
    line = _read_first_line(f"/proc/{pid}/stat")
    return line.rsplit(")", 1)[1].split() if line and ")" in line else []


def _process_start(pid: int) -> str | None:
    """The process's start time in clock ticks after boot (Linux), or None."""
    fields = _stat(pid)
    return fields[19] if len(fields) > 19 else None


def _me() -> Holder:
    return Holder(
        pid=os.getpid(),
        host=socket.gethostname(),
        started=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        token=secrets.token_hex(8),
        process_start=_process_start(os.getpid()),
        boot=_read_first_line("/proc/sys/kernel/random/boot_id"),
    )


def _read_holder(path: Path) -> Holder | None:
    """The lock's holder; None when the file is gone or unreadable (after a short wait, since its
    creator writes it just after creating it)."""
    for _ in range(_READ_ATTEMPTS):
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
            return Holder(**{key: content.get(key) for key in Holder.__dataclass_fields__})
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, AttributeError):
            time.sleep(_READ_PAUSE)
    return None


def holder_alive(holder: Holder) -> bool | None:
    """True when the holder runs, False when it is gone, None when this host cannot tell."""
    if holder.host != socket.gethostname() or os.name == "nt":  # os.kill(pid, 0) terminates on Windows
        return None
    boot = _read_first_line("/proc/sys/kernel/random/boot_id")
    if holder.boot and boot and holder.boot != boot:
        return False  # the machine restarted since
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by another user
    except OSError:
        return None
    fields = _stat(holder.pid)
    if fields[:1] == ["Z"]:
        return False  # killed, not yet reaped by its parent
    started = fields[19] if len(fields) > 19 else None
    return not (holder.process_start and started and started != holder.process_start)  # else: the pid was reused


def _refusal(folder: Path, holder: Holder | None, alive: bool | None, force: bool) -> OutputLockedError:
    lock = folder / LOCK_NAME
    if holder is None:
        return OutputLockedError(
            f"{lock} exists but cannot be read (a run killed while taking it?); if no reportparse run writes "
            f"into {folder}, run again with --force-unlock (or delete {lock})",
            stale=True,
        )
    if alive is False:
        return OutputLockedError(
            f"{folder} holds the lock of a run that is gone ({holder.describe()}; killed before it could "
            f"release it): its tables are complete as of its last write; if no other run writes into {folder}, "
            f"run again with --force-unlock (or delete {lock})",
            stale=True,
        )
    if alive is None:
        return OutputLockedError(
            f"{folder} is in use by another reportparse run ({holder.describe()}): wait for it to finish or "
            f"choose another --out; if that run is gone, run again with --force-unlock (or delete {lock})"
        )
    advice = "stop it first" if force else "wait for it to finish or choose another --out"
    return OutputLockedError(f"{folder} is in use by another reportparse run ({holder.describe()}): {advice}")


class OutputLock:
    """The lock of one output folder, held from :meth:`acquire` to :meth:`release` (or as a
    context manager).

    Args:
        folder: the output folder (created if needed).
        force: remove a lock whose holder is gone or cannot be checked (another host, an
            unreadable file); a live holder on this host is never overridden.
    """

    def __init__(self, folder: str | os.PathLike[str], *, force: bool = False) -> None:
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self.force = force
        self.holder: Holder | None = None
        self._owner = (os.getpid(), threading.get_ident())

    def acquire(self) -> OutputLock:
        """Take the lock.

        Returns:
            The lock itself.

        Raises:
            OutputLockedError: another holder (alive, unknown or stale; see the message).
            OSError: the folder cannot be created or written.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        me = _me()
        for _ in range(3):  # a lock released or removed meanwhile: try again
            try:
                descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = _read_holder(self.path)
                if holder is None and not self.path.exists():
                    continue
                alive = holder_alive(holder) if holder is not None else None
                if self.force and alive is not True and self._remove_if(holder):
                    continue
                raise _refusal(self.folder, holder, alive, self.force) from None
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                    stream.write(json.dumps(asdict(me)) + "\n")
                    stream.flush()
                    os.fsync(stream.fileno())
            except BaseException:
                self.path.unlink(missing_ok=True)
                raise
            self.holder = me
            _HELD[self._key()] = self
            return self
        raise OutputLockedError(f"{self.folder}: the lock {self.path} keeps changing; another run is starting there")

    def _remove_if(self, holder: Holder | None) -> bool:
        """Remove the lock file if it still holds ``holder`` (another run may have taken it since)."""
        if _read_holder(self.path) != holder:
            return False
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        return True

    def _key(self) -> str:
        return os.path.realpath(self.folder)

    def release(self) -> None:
        """Remove the lock file, if it is still this lock's (never another run's)."""
        if self.holder is None:
            return
        _HELD.pop(self._key(), None)
        held = _read_holder(self.path) if self.path.exists() else None
        if held is not None and held.token == self.holder.token:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        self.holder = None

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()


@contextlib.contextmanager
def holding(folder: str | os.PathLike[str]) -> Iterator[None]:
    """Hold ``folder``'s lock while writing into it, unless this thread already holds it.

    Raises:
        OutputLockedError: another process (or thread) holds it.
    """
    held = _HELD.get(os.path.realpath(folder))
    if held is not None and held.holder is not None and held._owner == (os.getpid(), threading.get_ident()):
        yield
        return
    with OutputLock(folder):
        yield

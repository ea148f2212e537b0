"""Reading a PDF or DOCX file in a child process, under a time and a memory limit.

PDFium aborts the whole process when it runs out of memory, and any native parser may crash or
hang on a crafted file; read in a child, such a file costs an error naming it
(:class:`~reportparse.errors.ResourceLimitError` or
:class:`~reportparse.errors.CorruptFileError`), never the caller's interpreter.

How: a small server (a fresh interpreter started once per process with :mod:`subprocess`, so it
is safe under threads and never re-runs the caller's ``__main__``) imports the readers and
waits. For each file, ``load`` passes it two socket pairs; the server forks a child, which
already has the readers loaded, and reports the child's process id and, once it has ended, its
exit status and peak memory. The child sets its limits (``RLIMIT_AS`` to its current address
space plus ``Limits.max_memory_mb``; ``RLIMIT_CPU`` as a backstop), reads the file sent to it,
and sends back the :class:`~reportparse.document.RawText` (pickled), the warnings it gave, or
the exception it raised, and the log records of warning level and above (given again to the
caller's loggers). At ``Limits.max_seconds`` the caller gives up and the server kills the child.
A fork of the idle, single-threaded, warmed-up server costs a few milliseconds per file
(``benchmarks/bench_pdf.py --isolation`` measures it).

Processes that are isolated already (batch workers, and the children here) call
:func:`mark_isolated` and read in-process. Without ``fork`` and ``socket.send_fds`` (Windows),
or when the server cannot start, files are read in-process.
"""

from __future__ import annotations

import atexit
import gc
import json
import logging
import math
import os
import pickle
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from reportparse.document import RawText
from reportparse.errors import CorruptFileError, ReportParseError, ResourceLimitError
from reportparse.limits import Limits

_isolated = False
_HEADER = 8
_START_TIMEOUT = 60.0
_STATUS_TIMEOUT = 10.0
_MAX_LOG_RECORDS = 1000
_MEMORY_SHARE = 0.4  # a crash after using this share of the memory limit counts as running out of it
_PATH_VARIABLE = "REPORTPARSE_SANDBOX_SYS_PATH"
_BOOT = (
    "import json, os, sys; sys.path[:] = json.loads(os.environ['" + _PATH_VARIABLE + "']); "
    "from reportparse.ingest.sandbox import serve; serve(int(sys.argv[1]))"
)


def mark_isolated() -> None:
    """Declare this process isolated already (a batch worker): ``load`` then reads files here."""
    global _isolated
    _isolated = True


def in_isolated_process() -> bool:
    """Whether this process is isolated already (see :func:`mark_isolated`)."""
    return _isolated


def available() -> bool:
    """Whether files can be read in a child process on this platform (fork and fd passing)."""
    return hasattr(os, "fork") and hasattr(socket, "send_fds") and bool(sys.executable)


# --- what both sides share ------------------------------------------------------------------------


def _send(sock: socket.socket, message: object) -> None:
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    sock.sendall(len(payload).to_bytes(_HEADER, "big"))
    sock.sendall(payload)  # apart from the header: a 256 MB file is not copied once more


def _receive(sock: socket.socket, deadline: float | None) -> object:
    """One message; raises TimeoutError at ``deadline`` and EOFError when the other side is gone."""
    header = _exactly(sock, _HEADER, deadline)
    return pickle.loads(_exactly(sock, int.from_bytes(header, "big"), deadline))


def _exactly(sock: socket.socket, size: int, deadline: float | None) -> bytearray:
    buffer, got = bytearray(size), 0
    view = memoryview(buffer)
    while got < size:
        sock.settimeout(None if deadline is None else max(deadline - time.monotonic(), 0.001))
        count = sock.recv_into(view[got:])  # TimeoutError at the deadline
        if not count:
            raise EOFError
        got += count
    return buffer


_XML_ERR_NO_MEMORY = 2  # libxml2's error code for a failed allocation


def caused_by_memory(error: BaseException) -> bool:
    """Whether ``error`` (or what it was raised from) is an exhausted memory: a MemoryError, or
    libxml2's failed allocation, which lxml raises as ``XMLSyntaxError: unknown error`` (code 2).

    Args:
        error: an exception, typically a CorruptFileError a reader raised.

    Returns:
        True when memory ran out on the way.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, MemoryError):
            return True
        if type(current).__module__.startswith("lxml") and (
            getattr(current, "code", None) == _XML_ERR_NO_MEMORY or "memory" in str(current).lower()
        ):
            return True
        current = current.__cause__ or current.__context__
    return False


def out_of_memory(path: Path, limits: Limits, *, isolated: bool) -> ResourceLimitError:
    """The error for a file that needed more memory than allowed.

    Args:
        path: the file.
        limits: the limits in force (``max_memory_mb`` is named when the file was read isolated).
        isolated: whether it was read in the child process.

    Returns:
        The error to raise.
    """
    if isolated and limits.max_memory_mb is not None:
        where = f"more than the limit of {limits.max_memory_mb:,} MB (max_memory_mb)"
        advice = "if the file is genuine, raise the limit: load(..., limits=Limits(max_memory_mb=...))"
    else:
        where = "more than this process may use"
        advice = "if the file is genuine, give the process more memory (in a batch: --memory-limit)"
    return ResourceLimitError(f"reading the file needs {where}; {advice}", path=path)


def call_reader(read: Callable[..., RawText], path: Path, data: bytes, limits: Limits, **options: Any) -> RawText:
    """Run a reader, turning an exhausted memory (also one a parser reported as a damaged file)
    into :class:`ResourceLimitError`.

    Args:
        read: a reader's ``read`` function.
        path: the file.
        data: its bytes.
        limits: passed on, and named in the error.
        **options: the reader's options (``password``, ``engine``).

    Returns:
        What the reader returns.

    Raises:
        ResourceLimitError: out of memory; any other error of the reader as it is.
    """
    try:
        return read(path, data, limits=limits, **options)
    except MemoryError:
        raise out_of_memory(path, limits, isolated=_isolated) from None
    except CorruptFileError as exc:
        if caused_by_memory(exc):
            raise out_of_memory(path, limits, isolated=_isolated) from None
        raise


# --- the child --------------------------------------------------------------------------------


def _readers() -> dict[str, Callable[..., RawText]]:
    from reportparse.ingest import docx, pdf

    return {"pdf": pdf.read, "docx": docx.read}


def _warm_up() -> None:
    """Read a one-page PDF and an empty DOCX once, so that every child starts with PDFium's and
    python-docx's first-use set-up done (it saves some 6 ms per file)."""
    import io

    import docx as python_docx

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length 43 >>\nstream\nBT /F1 11 Tf 60 780 Td (Hesabat 2022) Tj ET\nendstream",
    ]
    pdf, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    saved = io.BytesIO()
    python_docx.Document().save(saved)
    readers = _readers()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for reader, data in (("pdf", bytes(pdf)), ("docx", saved.getvalue())):
            try:
                readers[reader](Path(f"warm-up.{reader}"), data, limits=Limits())
            except Exception:  # noqa: BLE001 - a warm-up only: the children report real errors
                pass


def _address_space() -> int | None:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return None


def _set_limits(limits: Limits) -> None:
    import resource

    if limits.max_memory_mb is not None:
        current = _address_space()
        if current is None:  # no /proc (macOS): the peak resident size is a lower bound of it
            current = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
        limit = current + limits.max_memory_mb * 2**20
        try:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ValueError, OSError):
            pass  # not enforced on this platform: the time limit still holds
    if limits.max_seconds is not None:
        cpu = math.ceil(limits.max_seconds) + 5  # a backstop for when the caller is gone
        try:
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
        except (ValueError, OSError):
            pass


class _LogKeeper(logging.Handler):
    """Keeps the log records of the libraries a reader uses (pdfminer warns about broken fonts),
    to be handled again by the caller's own logging set-up."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < _MAX_LOG_RECORDS:
            record.msg, record.args = record.getMessage(), None  # arguments may not pickle
            record.exc_info = record.exc_text = None
            self.records.append(record)


def _child(sock: socket.socket) -> None:
    """Read one file and send the outcome back; never returns."""
    keeper = _LogKeeper()
    root = logging.getLogger()
    root.handlers, root.level = [keeper], logging.WARNING
    try:
        import resource

        request = cast(tuple[str, Path, bytes, Limits, dict[str, Any]], _receive(sock, None))
        reader, path, data, limits, options = request
        mark_isolated()
        _set_limits(limits)
        _send(sock, ("started", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            raw = call_reader(_readers()[reader], path, data, limits, **options)
        del data
        reply: tuple[object, ...] = ("ok", raw, [(w.category, str(w.message)) for w in caught], keeper.records)
    except BaseException as exc:  # noqa: BLE001 - every outcome goes back to the caller
        # The traceback holds the reader's frames (and what they parsed): drop it before pickling,
        # which may otherwise itself run out of the memory that was just exhausted.
        exc.__traceback__ = exc.__context__ = exc.__cause__ = None
        gc.collect()
        reply = ("error", _portable(exc), keeper.records)
    try:
        _send(sock, reply)
    except BaseException:  # noqa: BLE001 - the caller is gone, or memory is: the exit status tells
        pass
    os._exit(0)


def _portable(error: BaseException) -> BaseException:
    """``error`` if it survives pickling (the caller re-raises it), else a RuntimeError saying what it was."""
    if isinstance(error, ReportParseError) and type(error).__module__ == ReportParseError.__module__:
        return error  # the project's own errors pickle (checked by the tests); no trial copy needed
    try:
        pickle.loads(pickle.dumps(error, protocol=pickle.HIGHEST_PROTOCOL))
        return error
    except Exception:  # noqa: BLE001 - any exception class may fail to pickle or to rebuild
        return RuntimeError(f"{type(error).__module__}.{type(error).__name__}: {error}")


# --- the server -------------------------------------------------------------------------------


def serve(control_fd: int) -> None:
    """The server's main loop: fork a child for each pair of sockets received on ``control_fd``.

    A child is killed when the caller closes (or writes to) its status socket: the caller never
    signals a process id itself, which the system could have given to another process meanwhile.

    Args:
        control_fd: a Unix socket to the process that started the server; its end stops the server.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the caller decides
    mark_isolated()
    _warm_up()  # load the readers and set them up once: every child starts with them
    control = socket.socket(fileno=control_fd)
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    children: dict[int, socket.socket] = {}
    cancelled: set[int] = set()
    control.sendall(b"R")  # ready
    try:
        while True:
            cancelled &= children.keys()
            watched = {channel.fileno(): pid for pid, channel in children.items() if pid not in cancelled}
            try:
                ready, _, _ = select.select([control.fileno(), wake_read, *watched], [], [])
            except InterruptedError:
                continue
            if wake_read in ready:
                os.read(wake_read, 4096)
                _reap(children)
            for fd in ready:
                if fd in watched and watched[fd] in children:
                    _cancel(watched[fd], children)
                    cancelled.add(watched[fd])
            if control.fileno() in ready and not _accept(control, children, (wake_read, wake_write)):
                return
    finally:
        for pid in children:
            _signal(pid)


def _signal(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


def _cancel(pid: int, children: dict[int, socket.socket]) -> None:
    """The caller wrote to or closed the child's status socket: kill the child (it is not reaped yet,
    so its process id is still its own)."""
    try:
        children[pid].recv(16)
    except OSError:
        pass
    _signal(pid)


def _accept(control: socket.socket, children: dict[int, socket.socket], pipe: tuple[int, int]) -> bool:
    """Start a child for one request; False when the caller has gone."""
    try:
        message, fds, _flags, _address = socket.recv_fds(control, 1, 2)
    except OSError:
        return False
    if not message:
        return False
    if len(fds) != 2:
        for fd in fds:
            os.close(fd)
        return True
    work, status = socket.socket(fileno=fds[0]), socket.socket(fileno=fds[1])
    pid = os.fork()
    if pid == 0:
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        for fd in (*pipe, control.fileno(), status.fileno(), *(other.fileno() for other in children.values())):
            os.close(fd)
        _child(work)
    work.close()
    try:
        _send(status, ("pid", pid))
    except OSError:
        pass
    children[pid] = status
    return True


def _reap(children: dict[int, socket.socket]) -> None:
    while children:
        try:
            pid, status, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        channel = children.pop(pid, None)
        if channel is not None:
            try:
                channel.settimeout(1.0)
                _send(channel, ("exit", os.waitstatus_to_exitcode(status), usage.ru_maxrss))
            except OSError:
                pass
            channel.close()


# --- the caller's side ---------------------------------------------------------------------------


class _Server:
    """The running server, as seen by the process that started it."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        environment = dict(os.environ, **{_PATH_VARIABLE: json.dumps([entry or os.getcwd() for entry in sys.path])})
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _BOOT, str(theirs.fileno())],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env=environment,
            )
        except OSError:
            ours.close()
            raise
        finally:
            theirs.close()
        self.control = ours
        self.lock = threading.Lock()
        ours.settimeout(_START_TIMEOUT)
        try:
            ready = ours.recv(1)
        except OSError:
            ready = b""
        ours.settimeout(None)
        if ready != b"R":
            self.close()
            raise RuntimeError(f"the isolated reader did not start (exit code {self.process.poll()})")

    def alive(self) -> bool:
        return self.process.poll() is None

    def request(self) -> tuple[socket.socket, socket.socket]:
        """Ask for a child: the socket to talk to it, and the one the server reports its status on."""
        work, work_child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        status, status_child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            with self.lock:
                socket.send_fds(self.control, [b"C"], [work_child.fileno(), status_child.fileno()])
        finally:
            work_child.close()
            status_child.close()
        return work, status

    def close(self) -> None:
        self.control.close()
        try:
            self.process.wait(2)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


_server: _Server | None = None
_server_lock = threading.Lock()
_unavailable: str | None = None


def _get_server() -> _Server | None:
    global _server, _unavailable
    with _server_lock:
        if _server is not None and not _server.alive():
            _server.control.close()
            _server = None
        if _server is None and _unavailable is None:
            try:
                _server = _Server()
            except (OSError, RuntimeError) as exc:
                _unavailable = str(exc)
                warnings.warn(
                    f"reportparse: cannot start the isolated reader ({exc}); reading files in this process",
                    RuntimeWarning,
                    stacklevel=4,
                )
        return _server


def _forget_server() -> None:
    """In a forked child: the server belongs to the parent (its sockets are closed here)."""
    global _server, _server_lock
    if _server is not None:
        _server.control.close()
    _server, _server_lock = None, threading.Lock()


def _stop_server() -> None:
    global _server
    if _server is not None:
        _server.close()
        _server = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_server)
atexit.register(_stop_server)


def should_isolate(limits: Limits) -> bool:
    """Whether ``load`` reads a file in a child process: asked for, possible, and not isolated already.

    Args:
        limits: ``isolate`` is read.

    Returns:
        True to use :func:`read`.
    """
    return limits.isolate and not _isolated and available() and _unavailable is None


def _start_child() -> tuple[socket.socket, socket.socket] | None:
    """A child ready for one file (its work and status sockets); a dead server is replaced once;
    None when no server can run."""
    global _server
    for _attempt in range(2):
        server = _get_server()
        if server is None:
            return None
        work, status = None, None
        try:
            work, status = server.request()
            _receive(status, time.monotonic() + _START_TIMEOUT)  # ("pid", n): the child exists
            return work, status
        except (OSError, EOFError, TimeoutError, pickle.UnpicklingError):
            for channel in (work, status):
                if channel is not None:
                    channel.close()
            with _server_lock:
                if _server is server:
                    _server.close()
                    _server = None
    return None


def read(reader: str, path: Path, data: bytes, limits: Limits, **options: Any) -> RawText:
    """Read a file in a child process.

    Args:
        reader: ``pdf`` or ``docx``.
        path: the file (named in errors).
        data: its bytes.
        limits: every limit; ``max_seconds`` and ``max_memory_mb`` bound the child.
        **options: the reader's options (``password``, ``engine``).

    Returns:
        The same :class:`RawText` the reader returns in-process; its warnings are given again here.

    Raises:
        ReportParseError: what the reader raised, or :class:`ResourceLimitError` (time or memory
            exhausted) or :class:`CorruptFileError` (the reader crashed) for a child that died.
    """
    channels = _start_child()
    if channels is None:
        return call_reader(_readers()[reader], path, data, limits, **options)
    work, status = channels
    try:
        deadline = None if limits.max_seconds is None else time.monotonic() + limits.max_seconds
        reply, started = _exchange(work, (reader, path, data, limits, options), deadline)
        if reply is None:
            raise _failure(path, limits, status, started)
        for record in cast(list[logging.LogRecord], reply[-1]):
            logger = logging.getLogger(record.name)
            if logger.isEnabledFor(record.levelno):
                logger.handle(record)
        if reply[0] == "error":
            raise reply[1]  # type: ignore[misc]
        for category, message in cast(list[tuple[type[Warning], str]], reply[2]):
            warnings.warn(message, category, stacklevel=3)
        return reply[1]  # type: ignore[return-value]
    finally:
        work.close()
        status.close()  # the server kills the child if it is still running


def _exchange(
    work: socket.socket, request: tuple[object, ...], deadline: float | None
) -> tuple[tuple[object, ...] | None, int]:
    """Send the request; the reply (None when the child died, or ran out of time: then the second
    value is -1) and the child's resident size when it started (KB)."""
    started = 0
    try:
        _send_before(work, request, deadline)
        while True:
            message = _receive(work, deadline)
            if isinstance(message, tuple) and message and message[0] == "started":
                started = message[1]
                continue
            return message, started  # type: ignore[return-value]
    except TimeoutError:  # before OSError, of which it is a subclass
        return None, -1
    except (EOFError, OSError, pickle.UnpicklingError):
        return None, started


def _send_before(sock: socket.socket, message: object, deadline: float | None) -> None:
    sock.settimeout(None if deadline is None else max(deadline - time.monotonic(), 0.001))
    _send(sock, message)  # TimeoutError at the deadline


def _failure(path: Path, limits: Limits, status: socket.socket, started: int) -> ReportParseError:
    """The error for a child that sent no reply: it ran out of time, or died."""
    if started == -1:
        return ResourceLimitError(
            f"reading the file took longer than the limit of {limits.max_seconds:g} s (max_seconds); if the file "
            "is genuine, raise the limit: load(..., limits=Limits(max_seconds=...))",
            path=path,
        )
    try:
        status.sendall(b"K")  # kill it, should it still be running
    except OSError:
        pass  # the server has reported its end and closed the socket already: the report is read below
    try:
        _kind, code, peak = _receive(status, time.monotonic() + _STATUS_TIMEOUT)  # type: ignore[misc]
    except (EOFError, OSError, TimeoutError, pickle.UnpicklingError):
        code, peak = None, 0
    used = max(0, peak - started) / 1024  # MB beyond the start (ru_maxrss is in KB on Linux)
    memory = limits.max_memory_mb
    if code == -signal.SIGXCPU:
        return ResourceLimitError(
            f"reading the file used more than {math.ceil(limits.max_seconds or 0) + 5} s of CPU (max_seconds); "
            "if the file is genuine, raise the limit: load(..., limits=Limits(max_seconds=...))",
            path=path,
        )
    if code == -signal.SIGKILL or (memory and used >= _MEMORY_SHARE * memory):
        return out_of_memory(path, limits, isolated=True)
    if code is None:
        how = "its exit status is unknown"
    else:
        how = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
    return CorruptFileError(
        f"the reader crashed on this file ({how}, after using {used:,.0f} MB): the file is damaged or crafted; "
        "re-export it from the original document",
        path=path,
    )

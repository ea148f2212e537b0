"""Fuzz PDF loading: mutate our corpus PDFs and generated ones, and read each mutant.

Mutations: bit flips, random and "interesting" bytes, deleted, duplicated and spliced ranges,
truncation, changed numbers (``/Count 3`` → ``/Count 2147483647``, ``/Length``), edits inside
the inflated page content (operators and strings changed, then recompressed), and the shapes
that once got past the decompression-bomb guard: a content stream re-encoded behind a random
chain of standard filters (``[/AHx /Fl /Fl]``, ``/LZW``, ``/A85``, ``/RL``, full or abbreviated
names), ``/Subtype /Image`` added to a stream, ``stream `` or ``stream%x`` before the line end,
a wrong or indirect ``/Length``, ``/Contents`` repeated, form XObjects drawn again and again.
The seeds include small versions of every bypass (:mod:`reportparse.devtools.hostile`). Every
mutant goes through ``reportparse.ingest.pdf.read`` (guard included, in-process) → ``normalize``
→ ``extract_tables``; it must load or raise a ``ReportParseError``, and the tables must hold
their invariants.

The loop runs in a child process so that a crash inside PDFium (a signal, an abort) is caught:
the parent saves the input being read (``current.pdf``) as a finding and starts a new child.
An input that takes longer than ``--hang`` seconds is saved as a hang. Findings go to
``--crashes`` (default tests/fuzz_regressions/, replayed by tests/test_fuzz_regressions.py).

    python fuzz/fuzz_pdf.py --minutes 10
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import subprocess
import sys
import tempfile
import time
import traceback
import warnings
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_NUMBER = re.compile(rb"(?<=[ /\[])\d+(?=[ \]/>\n])")
_FLATE_STREAM = re.compile(rb"(/FlateDecode[^>]*>>\s*stream\r?\n)(.*?)(\r?\nendstream)", re.DOTALL)
_INTERESTING = (0, 1, 7, 31, 127, 128, 255, 65535, 2147483647, 4294967296, 10**12)
_CONTENT = b"BT /F1 11 Tf 14 TL 60 780 Td\n" + b"(Hesabat: 15 mart 2022-ci il) Tj T*\n" * 40 + b"ET"
_FILTERS = ("FlateDecode", "Fl", "LZWDecode", "LZW", "ASCIIHexDecode", "AHx", "ASCII85Decode", "A85", "RL")
_STREAM_DICT = re.compile(rb"<<((?:(?!>>).){0,400}?)>>(\s*)stream(\r\n|\n|\r)", re.DOTALL)
_CONTENTS = re.compile(rb"/Contents\s+(\d+ \d+ R)")
_DO = re.compile(rb"/\w+ Do\b")
_TOKENS = (
    b"(",
    b")",
    b"<<",
    b">>",
    b"[",
    b"]",
    b"/",
    b"\\",
    b"R",
    b"0 0 R",
    b"obj",
    b"endobj",
    b"stream",
    b"endstream",
    b"BT",
    b"ET",
    b"Tj",
    b"TJ",
    b"Tf",
    b"Td",
    b"%%EOF",
    b"xref",
    b"trailer",
    b"\x00",
    b"\xff",
)


def seeds() -> list[bytes]:
    """Our own PDFs (corpus/pdf, never ../shared) and the generated control files."""
    from reportparse.devtools import hostile

    found = [path.read_bytes() for path in sorted((ROOT / "corpus" / "pdf").glob("*.pdf"))]
    small = 4096  # the bypasses at 4 KiB of content: they load, so the mutants reach PDFium too
    return found + [
        hostile.good_pdf(3),
        hostile.nested_pdf(50),
        hostile.many_objects_pdf(500),
        hostile.good_pdf(20),
        hostile.zero_page_pdf(),
        hostile.hex_flate_bomb_pdf(small),
        hostile.a85_flate_bomb_pdf(small),
        hostile.image_tagged_bomb_pdf(small),
        hostile.stream_keyword_bomb_pdf(small),
        hostile.stream_keyword_bomb_pdf(small, keyword=b"stream%x\n"),
        hostile.stored_endstream_bomb_pdf(small),
        hostile.stored_endstream_bomb_pdf(small, length=b"6 0 R"),
        hostile.hidden_header_bomb_pdf(small),
        hostile.filtered_pdf(_CONTENT, ["LZW"]),
        hostile.filtered_pdf(_CONTENT, ["RL", "A85"]),
        hostile.repeated_contents_pdf(small, times=30),
        hostile.xobject_fanout_pdf(3, 4),
        hostile.long_line_pdf(20),
        hostile.unterminated_streams(16 * 2**10),
    ]


def _mutate_content(data: bytes, rng: random.Random) -> bytes:
    streams = list(_FLATE_STREAM.finditer(data))
    if not streams:
        return data
    match = rng.choice(streams)
    try:
        content = bytearray(zlib.decompress(match.group(2)))
    except zlib.error:
        return data
    for _ in range(rng.randint(1, 8)):
        if not content:
            break
        position = rng.randrange(len(content))
        choice = rng.random()
        if choice < 0.4:
            content[position:position] = rng.choice(_TOKENS)
        elif choice < 0.7:
            del content[position : position + rng.randint(1, 40)]
        else:
            content[position:position] = content[position : position + rng.randint(1, 200)] * rng.randint(2, 50)
    packed = zlib.compress(bytes(content))
    return data[: match.start(2)] + packed + data[match.end(2) :]


def _rechain(data: bytes, rng: random.Random) -> bytes:
    """Re-encode a Flate-compressed stream behind a random chain of standard filters."""
    streams = [match for match in _STREAM_DICT.finditer(data) if b"/FlateDecode" in match.group(1)]
    if not streams:
        return data
    from reportparse.devtools import hostile

    match = rng.choice(streams)
    end = data.find(b"endstream", match.end())
    try:
        content = zlib.decompressobj().decompress(data[match.end() : end if end >= 0 else len(data)])
    except zlib.error:
        return data
    chain = [rng.choice(_FILTERS) for _ in range(rng.randint(1, 4))]
    if len(content) > 100_000:  # the LZW encoder is slow
        chain = [name for name in chain if "LZW" not in name] or ["Fl"]
    encoded = hostile.encode_filters(content, chain)
    names = b"[" + b" ".join(b"/" + name.encode() for name in chain) + b"]"
    head = re.sub(rb"/Filter\s*(\[[^\]]*\]|/\w+)", b"/Filter " + names, match.group(1), count=1)
    head = re.sub(rb"/Length\s+\d+", b"/Length %d" % len(encoded), head, count=1)
    tail = data[end:] if end >= 0 else b""
    return data[: match.start(1)] + head + data[match.end(1) : match.end()] + encoded + b"\n" + tail


def _retag(data: bytes, rng: random.Random) -> bytes:
    """One of the dictionary and keyword tricks: an image tag, odd bytes after ``stream``, a wrong
    or indirect ``/Length``, a repeated ``/Contents``, a form drawn again and again."""
    choice = rng.randrange(5)
    if choice == 0:
        found = list(_STREAM_DICT.finditer(data))
        if found:
            match = rng.choice(found)
            return data[: match.end(1)] + b" /Subtype /Image " + data[match.end(1) :]
    elif choice == 1:
        found = list(_STREAM_DICT.finditer(data))
        if found:
            match = rng.choice(found)
            odd = rng.choice((b"stream ", b"stream%x", b"stream \t", b"stream\r"))
            return data[: match.start(3) - 6] + odd + data[match.start(3) :]
    elif choice == 2:
        found = list(re.finditer(rb"/Length\s+(\d+)", data))
        if found:
            match = rng.choice(found)
            value = rng.choice(
                (b"%d 0 R" % rng.randint(1, 12), b"0", b"-1", b"99999999", b"%d" % (int(match.group(1)) // 2))
            )
            return data[: match.start(1)] + value + data[match.end(1) :]
    elif choice == 3:
        found = list(_CONTENTS.finditer(data))
        if found:
            match = rng.choice(found)
            copies = b" ".join([match.group(1)] * rng.randint(2, 64))
            return data[: match.start()] + b"/Contents [" + copies + b"]" + data[match.end() :]
    else:
        found = list(_DO.finditer(data))
        if found:
            match = rng.choice(found)
            return data[: match.start()] + (match.group() + b" ") * rng.randint(2, 200) + data[match.end() :]
    return data


_STRUCTURED = (_mutate_content, _rechain, _retag)


def mutate(data: bytes, pool: list[bytes], rng: random.Random) -> bytes:
    """One mutant of ``data`` (1–4 stacked mutations)."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(11)
        position = rng.randrange(len(out)) if out else 0
        if kind == 0 and out:
            out[position] ^= 1 << rng.randrange(8)
        elif kind == 1 and out:
            out[position] = rng.randrange(256)
        elif kind == 2:
            del out[position : position + rng.randint(1, 256)]
        elif kind == 3:
            out[position:position] = out[position : position + rng.randint(1, 512)] * rng.randint(1, 8)
        elif kind == 4:
            out = out[: rng.randint(0, len(out))]
        elif kind == 5:
            numbers = list(_NUMBER.finditer(out))
            if numbers:
                number = rng.choice(numbers)
                out[number.start() : number.end()] = str(rng.choice(_INTERESTING)).encode()
        elif kind == 6:
            out[position:position] = rng.choice(_TOKENS)
        elif kind == 7:
            other = rng.choice(pool)
            start = rng.randrange(len(other)) if other else 0
            out[position:position] = other[start : start + rng.randint(1, 4096)]
        else:  # 8, 9, 10; and 0, 1 on an empty input, as before: the content edit (a no-op there)
            out = bytearray(_STRUCTURED[max(kind - 8, 0)](bytes(out), rng))
    return bytes(out)


def check(data: bytes) -> None:
    """Read one PDF; raises AssertionError on a finding."""
    from reportparse.devtools.invariants import offset_map_violations, table_violations
    from reportparse.errors import ReportParseError
    from reportparse.ingest import pdf
    from reportparse.ingest.normalize import normalize
    from reportparse.pipeline import extract_tables

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            document = normalize(pdf.read(Path("fuzz.pdf"), data))
    except ReportParseError:
        return
    problems = offset_map_violations(document) + table_violations(document, extract_tables(document))
    assert not problems, problems


def _save(crashes: Path, data: bytes, kind: str, detail: str) -> Path:
    crashes.mkdir(parents=True, exist_ok=True)
    path = crashes / f"pdf-{kind}-{hashlib.sha256(data).hexdigest()[:12]}.pdf"
    path.write_bytes(data)
    print(f"FINDING ({kind}) saved to {path}: {detail}", flush=True)
    return path


def child(workdir: Path, crashes: Path, seconds: float, seed: int) -> int:
    """The fuzzing loop: write each input to ``current.pdf`` first, so a crash leaves it behind."""
    rng = random.Random(seed)
    pool = seeds()
    current, progress = workdir / "current.pdf", workdir / "progress"
    stop_at, executed, findings = time.monotonic() + seconds, 0, 0
    while time.monotonic() < stop_at:
        data = mutate(rng.choice(pool), pool, rng)
        current.write_bytes(data)
        try:
            check(data)
        except Exception:  # noqa: BLE001 - every escaping exception is a finding
            findings += 1
            _save(crashes, data, "error", traceback.format_exc(limit=4))
        executed += 1
        if executed % 50 == 0:
            progress.write_text(f"{executed} {findings}")
            if rng.random() < 0.1 and len(pool) < 64:
                pool.append(data)  # keep some mutants as new seeds: mutations stack over time
    progress.write_text(f"{executed} {findings}")
    current.unlink(missing_ok=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to fuzz (default 10)")
    parser.add_argument("--hang", type=float, default=10.0, help="seconds one input may take (default 10)")
    parser.add_argument("--crashes", type=Path, default=ROOT / "tests" / "fuzz_regressions")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    if args.child:
        return child(args.child, args.crashes, args.minutes * 60, seed)

    started, deadline = time.monotonic(), time.monotonic() + args.minutes * 60
    total = findings = restarts = 0
    with tempfile.TemporaryDirectory(prefix="fuzz-pdf-") as folder:
        workdir = Path(folder)
        current, progress = workdir / "current.pdf", workdir / "progress"
        while time.monotonic() < deadline:
            left = deadline - time.monotonic()
            process = subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    str(workdir),
                    "--minutes",
                    str(left / 60),
                    "--crashes",
                    str(args.crashes),
                    "--seed",
                    str(seed + restarts),
                ]
            )
            while process.poll() is None:
                time.sleep(0.5)
                if current.exists() and time.time() - current.stat().st_mtime > args.hang:
                    process.kill()
                    process.wait()
                    _save(args.crashes, current.read_bytes(), "hang", f"no result after {args.hang:g} s")
                    findings += 1
            if process.returncode not in (0, None) and current.exists():
                _save(args.crashes, current.read_bytes(), "crash", f"child exit code {process.returncode}")
                findings += 1
            if progress.exists():
                executed, child_findings = map(int, progress.read_text().split())
                total, findings = total + executed, findings + child_findings
                progress.unlink()
            current.unlink(missing_ok=True)
            restarts += 1
    elapsed = time.monotonic() - started
    print(
        f"done: {total} PDFs in {elapsed:.0f} s ({total / elapsed:.0f}/s), {findings} findings, "
        f"{restarts - 1} child restarts, seed {seed}"
    )
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main())

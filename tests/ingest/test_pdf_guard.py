"""The PDF decompression-bomb guard (reportparse.ingest.bombs) and what it is built on: the bounded
filter decoders (pdf_filters) and the linear object scan (pdf_objects).

Every way around the first guard is a generated file (reportparse.devtools.hostile); each must be
refused by the guard alone, and, read in-process through ``load()`` in a fresh interpreter limited
to 4 GB, end in a ReportParseError within 20 s (before the guard learnt them, each one killed the
interpreter with SIGABRT, or kept PDFium busy for half a minute to hours).
"""

from __future__ import annotations

import base64
import binascii
import gc
import json
import random
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from pdfminer.lzw import lzwdecode
from pdfminer.runlength import rldecode

from reportparse.devtools import hostile
from reportparse.errors import CorruptFileError, ResourceLimitError
from reportparse.ingest import pdf as pdf_reader
from reportparse.ingest import pdf_filters
from reportparse.ingest.bombs import _TextCounter, check_pdf_streams
from reportparse.ingest.pdf_objects import Name, Ref, parse_object, scan
from reportparse.limits import Limits

BYPASSES = [
    case
    for case in hostile.CASES
    if case.name.startswith(("bomb-", "repeated-", "xobject-", "unterminated-", "long-text-"))
]
"""The hostile cases that got past the first guard."""

LIMIT_NAMED = {
    "bomb-image-tag": "max_page_content_bytes",
    "repeated-contents": "max_page_content_bytes",
    "xobject-fanout": "max_page_content_bytes",
    "unterminated-streams": "bytes to search for the ends of its streams",
    "long-text-line": "max_page_text_bytes",
}


# --- the bounded decoders -------------------------------------------------------------------------


def _decode(kind: str, encoded: bytes, **parameters: int) -> bytes:
    out: list[bytes] = []
    decoder = pdf_filters.make_decoder(kind, {name.encode(): value for name, value in parameters.items()})
    pdf_filters.measure(encoded, [decoder], 1 << 40, sink=out.append, find_hidden=False)
    return b"".join(out)


def _run_length(data: bytes, rng: random.Random) -> bytes:
    out, i = bytearray(), 0
    while i < len(data):
        j = i
        while j < len(data) and data[j] == data[i] and j - i < 128:
            j += 1
        if j - i >= 2:
            out += bytes((257 - (j - i), data[i]))
            i = j
        else:
            k = min(len(data), i + rng.randint(1, 128))
            out += bytes((k - i - 1,)) + data[i:k]
            i = k
    return bytes(out) + b"\x80"


@pytest.mark.parametrize("seed", range(6))
def test_every_decoder_gives_back_what_an_independent_encoder_wrote(seed):
    rng = random.Random(seed)
    alphabet = (b"ab", bytes(range(256)), b"BT (x) Tj ET\n")[seed % 3]
    data = bytes(rng.choice(alphabet) for _ in range(rng.choice([1, 7, 3000, 90_000])))
    assert _decode("flate", zlib.compress(data) + b"junk after the end") == data
    assert lzwdecode(hostile.lzw_encode(data)) == data  # pdfminer: the encoder is right
    assert _decode("lzw", hostile.lzw_encode(data) + b"junk") == data
    hexed = binascii.hexlify(data)
    assert _decode("ahx", b" \n".join(hexed[i : i + 7] for i in range(0, len(hexed), 7)) + b">junk") == data
    assert _decode("a85", base64.a85encode(data, wrapcol=60) + b"~>junk") == data
    encoded = _run_length(data, rng)
    assert rldecode(encoded) == data  # pdfminer: the encoder is right
    assert _decode("rl", encoded + b"junk") == data


def test_decoders_stop_at_the_budget_and_keep_nothing():
    bomb = hostile.lzw_bomb_pdf()
    encoded = bomb[bomb.index(b"stream\n") + 7 : bomb.rindex(b"\nendstream")]
    measured = pdf_filters.measure(encoded, [pdf_filters.Lzw()], 1 << 40)
    assert measured.size > 2**30 - 2**26 and len(bomb) < 800_000  # 1 GiB from 780 KB
    pieces: list[int] = []
    early = pdf_filters.measure(encoded, [pdf_filters.Lzw()], 10 * 2**20, sink=lambda piece: pieces.append(len(piece)))
    assert 10 * 2**20 < early.size < 12 * 2**20 and max(pieces) <= pdf_filters.STEP + 4096


def test_chains_and_a_hidden_flate_layer():
    payload = b"BT (x) Tj ET\n" * 100_000
    encoded = base64.a85encode(zlib.compress(zlib.compress(payload))) + b"~>"
    chain = [pdf_filters.make_decoder("a85"), pdf_filters.Flate(), pdf_filters.Flate()]
    assert pdf_filters.measure(encoded, chain, 1 << 40).size == len(payload)
    hidden = [pdf_filters.make_decoder("a85"), pdf_filters.Flate()]  # the second Flate found by its header
    assert pdf_filters.measure(encoded, hidden, 1 << 40).size == len(payload)
    # The next filter ends early (ASCIIHex at its ">"); PDFium inflates the whole first one regardless.
    ended_early = zlib.compress(b"00>" + b"z" * 50 * 2**20)
    assert pdf_filters.measure(ended_early, [pdf_filters.Flate(), pdf_filters.AsciiHex()], 1 << 40).size > 50 * 2**20


@pytest.mark.parametrize("seed", range(4))
def test_any_chain_of_standard_filters_is_measured_exactly(seed):
    """Random chains, full and abbreviated names: the guard's decoders give the content back, the
    size is the largest stage (PDFium holds each whole), and PDFium reads the same text."""
    rng = random.Random(seed)
    content = b"BT /F1 11 Tf 14 TL 60 780 Td\n" + b"(Hesabat 2022) Tj T*\n" * rng.randint(1, 3000) + b"ET"
    names = [*hostile.ABBREVIATIONS, *hostile.ABBREVIATIONS.values()]
    for _ in range(5):
        chain = [rng.choice(names) for _ in range(rng.randint(1, 4))]
        stages = [content]
        for name in reversed(chain):
            stages.append(hostile.encode_filters(stages[-1], [name]))
        kinds = [pdf_filters.FILTERS[name.encode()] for name in chain]
        out: list[bytes] = []
        decoders = [pdf_filters.make_decoder(kind) for kind in kinds]
        measured = pdf_filters.measure(stages[-1], decoders, 1 << 40, sink=out.append, find_hidden=False)
        assert b"".join(out) == content, chain
        assert measured.size == max(len(stage) for stage in stages[:-1]), chain
        check_pdf_streams(hostile.filtered_pdf(content, chain), Limits(max_stream_bytes=measured.size))
        with pytest.raises(ResourceLimitError, match="max_stream_bytes"):
            check_pdf_streams(hostile.filtered_pdf(content, chain), Limits(max_stream_bytes=measured.size - 1))


def test_content_that_only_looks_like_zlib_still_counts():
    content = bytes((0x48, 13)) + b"BT (x) Tj ET\n" * 50_000  # 0x48 0x0D is a valid zlib header
    assert pdf_filters.looks_like_zlib(content[:2])
    assert pdf_filters.measure(zlib.compress(content), [pdf_filters.Flate()], 1 << 40).size == len(content)


# --- the object scan ------------------------------------------------------------------------------


def test_objects_are_parsed_as_pdfium_reads_them():
    value, end = parse_object(b"<< /Cont#65nts [5 0 R 5 0 R] /S (a(b)c\\) >> /X) /R <41> /N -1.5 >> stream", 0, 80)
    assert value == {b"Contents": [Ref(5, 0), Ref(5, 0)], b"S": b"", b"R": b"", b"N": -1.5}
    assert isinstance(value[b"Contents"][0], Ref) and end == 66  # just after the closing >>
    deep, _ = parse_object(b"[" * 10_000 + b"]" * 10_000, 0, 20_000)
    assert isinstance(deep, list)
    assert isinstance(parse_object(b"/Image", 0, 6)[0], Name)


def test_stream_data_is_located_by_length_even_with_endstream_inside():
    data = hostile.stored_endstream_bomb_pdf(64 * 2**20)
    content = scan(data).streams[0]
    assert content.length_valid and b"endstream" in data[content.start : content.end]
    indirect = scan(hostile.stored_endstream_bomb_pdf(64 * 2**20, length=b"6 0 R")).streams[0]
    assert indirect.length_valid and indirect.end - indirect.start == content.end - content.start


def test_the_scan_and_the_guard_run_in_linear_time():
    """Input × 8 → time at most × 12, on the shapes that were quadratic. CPU time of this process,
    the small and the large input measured in turn, best of 3 each, the garbage collector paused:
    neither other processes nor the objects the test session holds count."""

    def cpu_seconds(data: bytes) -> float:
        gc.collect()
        gc.disable()  # the collector's passes over everything pytest keeps alive are not the guard's
        started = time.process_time()
        try:
            check_pdf_streams(data, Limits())
        except CorruptFileError:
            pass  # the unterminated streams are refused for PDFium's sake, after the scan
        finally:
            gc.enable()
        return time.process_time() - started

    shapes = {
        "stream without endstream": lambda size: b"%PDF-1.7\n" + b"stream\n" * (size // 7),
        "objects with unterminated zlib streams": hostile.unterminated_streams,
        "one unterminated ASCIIHex stream": lambda size: b"1 0 obj<</Filter/AHx>>stream\n" + b"0" * size,
    }
    for name, make in shapes.items():
        inputs = make(2**19), make(2**22)
        small = large = float("inf")
        for _ in range(3):
            small, large = min(small, cpu_seconds(inputs[0])), min(large, cpu_seconds(inputs[1]))
        assert large <= 12 * max(small, 0.005), f"{name}: {small:.3f} s → {large:.3f} s for 8 × the input"


# --- the guard --------------------------------------------------------------------------------


@pytest.mark.parametrize("case", BYPASSES, ids=[case.name for case in BYPASSES])
def test_every_way_around_the_first_guard_is_refused(case):
    with pytest.raises(case.error, match=LIMIT_NAMED.get(case.name, "max_stream_bytes")) as raised:
        check_pdf_streams(case.make(), Limits(), path=case.filename)
    assert case.filename in str(raised.value)


def test_stored_endstream_bomb_with_an_indirect_or_a_wrong_length():
    for length in (b"6 0 R", b"10", b"99999999"):
        with pytest.raises(ResourceLimitError, match="max_stream_bytes"):
            check_pdf_streams(hostile.stored_endstream_bomb_pdf(length=length), Limits())


def test_objects_are_found_where_the_cross_reference_table_points():
    data = hostile.hidden_header_bomb_pdf()
    assert b"5 0 obj" not in data and b"stream" in data[data.index(b"5 %endobj") : data.index(b"obj\n<< /Length")]
    with pytest.raises(ResourceLimitError, match="max_stream_bytes"):
        check_pdf_streams(data, Limits())
    small = hostile.hidden_header_bomb_pdf(2**20)  # PDFium reads that header: 1 MiB of content loads
    assert "Hesabat 2022" in pdf_reader.read(Path("small.pdf"), small).text


def _with_cross_reference_stream(data: bytes) -> bytes:
    """``data`` (from pdf_from_objects, objects 1–5) with a PNG-predicted cross-reference stream
    instead of its table."""
    body = data[: data.rindex(b"\nxref\n") + 1]
    offsets = [body.index(b"\n%d 0 obj" % number) + 1 for number in (1, 2, 3, 4)] + [body.index(b"\n5 %endobj") + 1]
    rows = [bytes(5) + b"\xff\xff"] + [b"\x01" + offset.to_bytes(4, "big") + bytes(2) for offset in offsets]
    predicted, previous = b"", bytes(7)
    for row in rows:  # PNG "Up" on every row, as writers do
        predicted += b"\x02" + bytes((a - b) & 0xFF for a, b in zip(row, previous, strict=True))
        previous = row
    packed = zlib.compress(predicted)
    xref = (
        b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode"
        b" /DecodeParms << /Predictor 12 /Columns 7 >> /Length %d >>\nstream\n"
        % len(packed)
        + packed
        + b"\nendstream\nendobj\n"
    )
    return body + xref + b"startxref\n%d\n%%%%EOF\n" % len(body)


def test_objects_are_found_where_a_cross_reference_stream_points():
    with pytest.raises(ResourceLimitError, match="max_stream_bytes"):
        check_pdf_streams(_with_cross_reference_stream(hostile.hidden_header_bomb_pdf()), Limits())
    small = _with_cross_reference_stream(hostile.hidden_header_bomb_pdf(2**20))
    assert "Hesabat 2022" in pdf_reader.read(Path("small.pdf"), small).text


def test_repetition_and_fan_out_are_counted_not_just_sizes():
    repeated = hostile.repeated_contents_pdf(2**20, times=40)
    check_pdf_streams(hostile.repeated_contents_pdf(2**20, times=1), Limits())  # 1 MiB once: fine
    with pytest.raises(ResourceLimitError, match=r"4[0-9,]{9} bytes of content drawn by one page.*max_page_content"):
        check_pdf_streams(repeated, Limits())  # 40 × 1 MiB
    no_page_limits = Limits(max_page_content_bytes=None, max_page_text_bytes=None, max_inflated_bytes=30 * 2**20)
    with pytest.raises(ResourceLimitError, match="max_inflated_bytes"):
        check_pdf_streams(repeated, no_page_limits)
    fanout = hostile.xobject_fanout_pdf(10, 7)
    with pytest.raises(ResourceLimitError, match=r"11,111,110 form XObjects drawn.*max_form_draws"):
        check_pdf_streams(fanout, Limits(max_page_content_bytes=None, max_inflated_bytes=None))
    check_pdf_streams(hostile.xobject_fanout_pdf(3, 3), Limits())  # 39 draws: fine


def test_pages_listed_again_in_the_page_tree_count_again():
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"
    content = hostile.stream(b"BT (x) Tj ET\n" * 400_000, filters=1)  # 5.2 MB once
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count 200 >>", page, content]
    once = hostile.pdf_from_objects([objects[0], objects[1] % b"3 0 R", *objects[2:]])
    often = hostile.pdf_from_objects([objects[0], objects[1] % b" ".join([b"3 0 R"] * 200), *objects[2:]])
    check_pdf_streams(once, Limits(max_inflated_bytes=100 * 2**20))
    with pytest.raises(ResourceLimitError, match="max_inflated_bytes"):
        check_pdf_streams(often, Limits(max_inflated_bytes=100 * 2**20))


def test_text_shown_is_counted_across_pieces_with_nesting_escapes_and_hex():
    counter = _TextCounter()
    for piece in (b"BT (abc) Tj (a(b)c) Tj (x\\(y) Tj <41 42> Tj ))) (long", b" string) Tj ET"):
        counter(piece)
    # (abc) 4, (a(b)c) 6, (x\\(y) 3 with the escape dropped, <41 42> 7 // 2, stray ))) nothing, (long… 12
    assert counter.total == 4 + 6 + 3 + 3 + 12
    dense = b"BT /F1 9 Tf 11 TL 40 800 Td\n" + b"(Hesabat 15 mart 2022-ci il) Tj T*\n" * 30_000 + b"ET"
    check_pdf_streams(hostile._one_page(hostile.stream(dense, filters=1)), Limits())  # 1 MB drawn, 0.8 MB shown
    with pytest.raises(ResourceLimitError, match="810,000 bytes of text shown by one page"):
        check_pdf_streams(hostile._one_page(hostile.stream(dense, filters=1)), Limits(max_page_text_bytes=500_000))


@pytest.mark.parametrize("name", ["pdf-hang-666c69b60ea6.pdf", "pdf-hang-31f657796ffb.pdf"])
def test_the_fuzzer_s_text_hangs_are_refused(name):
    """Millions of characters on one line, drawn through forms (tests/fuzz_regressions/README.md)."""
    data = (Path(__file__).resolve().parents[1] / "fuzz_regressions" / name).read_bytes()
    with pytest.raises(ResourceLimitError, match="bytes of text shown by one page.*max_page_text_bytes"):
        check_pdf_streams(data, Limits())


def test_cyclic_forms_end():
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        hostile._FONT,
        b"<< /Type /Page /Parent 2 0 R /Resources << /XObject << /A 6 0 R >> >> /Contents 5 0 R >>",
        hostile.stream(b"/A Do\n" * 10, filters=1),
        b"<< /Subtype /Form /Resources << /XObject << /B 7 0 R >> >> /Length 12 >>\nstream\n/B Do /B Do \nendstream",
        b"<< /Subtype /Form /Resources << /XObject << /A 6 0 R >> >> /Length 12 >>\nstream\n/A Do /A Do \nendstream",
    ]
    check_pdf_streams(hostile.pdf_from_objects(objects), Limits())  # A → B → (A: already drawing) ends


def _object_stream_pdf(content: bytes, *, content_dict: bytes) -> bytes:
    """The page tree and the page inside an object stream; the page content outside (a stream)."""
    inner = [
        (1, b"<< /Type /Catalog /Pages 2 0 R >>"),
        (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        (3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
    ]
    bodies, offsets, position = [], [], 0
    for number, body in inner:
        offsets.append(b"%d %d" % (number, position))
        bodies.append(body)
        position += len(body) + 1
    header = b" ".join(offsets) + b"\n"
    packed = zlib.compress(header + b"\n".join(bodies))
    objstm = b"<< /Type /ObjStm /N 3 /First %d /Length %d /Filter /FlateDecode >>\nstream\n" % (
        len(header),
        len(packed),
    )
    out = bytearray(b"%PDF-1.7\n")
    out += b"4 0 obj\n" + content_dict % len(content) + b"\nstream\n" + content + b"\nendstream\nendobj\n"
    out += b"5 0 obj\n" + objstm + packed + b"\nendstream\nendobj\n"
    out += b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    return bytes(out)


def test_pages_inside_object_streams_are_seen():
    bomb = zlib.compress(zlib.compress(b"BT (x) Tj ET\n" * 4_000_000))  # 52 MB of content
    image_tagged = b"<< /Subtype /Image /Length %d /Filter [/FlateDecode /FlateDecode] >>"
    with pytest.raises(ResourceLimitError, match="max_page_content_bytes"):
        check_pdf_streams(_object_stream_pdf(bomb, content_dict=image_tagged), Limits())
    small = zlib.compress(b"BT (x) Tj ET\n" * 1000)
    check_pdf_streams(_object_stream_pdf(small, content_dict=image_tagged), Limits())


def test_predictor_inside_a_chain_is_bounded_not_decoded():
    data = hostile.bomb_pdf(2**20).replace(
        b"/Filter [/FlateDecode /FlateDecode]",
        b"/Filter [/FlateDecode /FlateDecode] /DecodeParms [<< /Predictor 12 >> null]",
    )
    with pytest.raises(ResourceLimitError, match="max_stream_bytes"):  # first layer's 1 KB × 1032 at most
        check_pdf_streams(data, Limits(max_stream_bytes=2**20, max_page_content_bytes=None))
    check_pdf_streams(data, Limits(max_stream_bytes=2**30, max_page_content_bytes=2**30))


# --- in-process, the whole load(), 4 GB -------------------------------------------------------------

_RUNNER = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, 4 * 2**30))
import reportparse
from reportparse.limits import Limits
started = time.perf_counter()
try:
    document = reportparse.load(sys.argv[1], limits=Limits(isolate=False))
    outcome = "Document"
except reportparse.ReportParseError as exc:
    outcome = type(exc).__name__
print(json.dumps([outcome, time.perf_counter() - started]))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
@pytest.mark.parametrize("case", BYPASSES, ids=[case.name for case in BYPASSES])
def test_in_process_load_of_each_bypass_ends_in_an_error_within_20_s_under_4_gb(case, tmp_path):
    path = tmp_path / case.filename
    path.write_bytes(case.make())
    run = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(path)], capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, f"{case.name}: the interpreter died (exit {run.returncode}): {run.stderr[-500:]}"
    outcome, seconds = json.loads(run.stdout.strip().splitlines()[-1])
    assert outcome == case.error.__name__ and seconds < 20, (outcome, seconds)


def test_the_corpus_pdfs_pass_the_guard():
    root = Path(__file__).resolve().parents[2]
    paths = sorted((root / "corpus" / "pdf").glob("*.pdf")) + sorted((root.parent / "shared/corpus/pdf").glob("*.pdf"))
    assert paths
    for path in paths:
        check_pdf_streams(path.read_bytes(), Limits(), path=path)

"""Text reader: encodings, BOMs and clear errors."""

from __future__ import annotations

import codecs

import pytest

import reportparse
from reportparse.errors import DecodingError

TEXT = "Azərbaycan Respublikasının Qeyri-Hökumət Təşkilatlarına Dövlət Dəstəyi Agentliyi — İŞIQ, ğ, ç, ö, ü"


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM, native order
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-be", "utf16-le", "utf32-le"],
)
def test_encodings(tmp_path, encoded):
    path = tmp_path / "hesabat.txt"
    path.write_bytes(encoded)
    doc = reportparse.load(path)
    assert doc.text == TEXT
    assert len(doc.pages) == 1 and doc.pages[0].start == 0 and doc.pages[0].end == len(TEXT)
    assert doc.source == str(path)
    assert doc.raw.format == "txt"


def test_undecodable_bytes_name_the_file_and_the_byte_offset(tmp_path):
    path = tmp_path / "cp1254.txt"
    path.write_bytes("Azərbaycan ".encode() + "Şəki".encode("cp1254", errors="replace"))
    with pytest.raises(DecodingError) as caught:
        reportparse.load(path)
    error = caught.value
    assert error.offset == len("Azərbaycan ".encode())
    assert str(path) in str(error) and f"byte offset {error.offset}" in str(error)
    assert "UTF-8" in str(error)


def test_binary_content_in_a_txt_file(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"text\x00\x01\x02more")
    with pytest.raises(DecodingError, match="binary content"):
        reportparse.load(path)


def test_doc_id_is_the_sha256_prefix_of_the_file_bytes(tmp_path):
    import hashlib

    path = tmp_path / "a.txt"
    data = codecs.BOM_UTF8 + TEXT.encode("utf-8")
    path.write_bytes(data)
    assert reportparse.load(path).doc_id == hashlib.sha256(data).hexdigest()[:12]
    assert reportparse.load(path, doc_id="dmx-2022").doc_id == "dmx-2022"

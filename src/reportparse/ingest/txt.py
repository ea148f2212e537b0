"""Plain-text reader: UTF-8, UTF-8 with BOM, UTF-16 and UTF-32 with BOM.

Anything else fails loudly with the byte offset of the first bad byte, rather than guessing
a legacy code page and silently corrupting Azerbaijani letters.
"""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from reportparse.document import RawText
from reportparse.errors import DecodingError
from reportparse.limits import DEFAULT_LIMITS, Limits

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, *, path: str | Path | None = None) -> str:
    """Decode text bytes, honouring a byte-order mark.

    Args:
        data: the file's bytes.
        path: named in the error message.

    Returns:
        The text without its BOM.

    Raises:
        DecodingError: the bytes are not valid in the detected encoding.
    """
    encoding, skip = "utf-8", 0
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding, skip = name, len(bom)
            break
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        raise DecodingError(
            f"cannot decode byte {data[offset : offset + 1]!r} at byte offset {offset} as {encoding}; "
            "save the file as UTF-8 (or UTF-16 with a byte-order mark) and try again",
            path=path,
            offset=offset,
        ) from None


def read(path: Path, data: bytes, *, limits: Limits = DEFAULT_LIMITS, **_options: object) -> RawText:
    """Read a text file as one page.

    Args:
        path: the file's path (named in errors and kept as the source).
        data: the file's bytes.
        limits: the characters allowed (``max_chars``).

    Returns:
        The extracted text; a text file is always one page.

    Raises:
        DecodingError: not UTF-8 (or UTF-16/32 with a BOM), or binary content.
        ResourceLimitError: more characters than ``limits.max_chars``.
    """
    text = decode(data, path=path)
    limits.check("max_chars", len(text), path=path, what="characters of text", advice="split the file")
    if "\x00" in text:
        offset = text.index("\x00")
        raise DecodingError(
            f"binary content (a NUL character at character {offset}); this does not look like a text file",
            path=path,
            offset=len(text[:offset].encode("utf-8")),
        )
    return RawText(
        pages=(text,),
        source=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format="txt",
        extractor="text",
    )


def from_string(text: str) -> RawText:
    """Wrap an in-memory string as one page (its doc id hashes the UTF-8 bytes)."""
    return RawText(
        pages=(text,),
        source=None,
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        format="text",
        extractor="text",
    )

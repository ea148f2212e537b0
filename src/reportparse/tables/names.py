r"""File names in tables: names that are not valid UTF-8 kept losslessly, as valid text.

On Linux a file name is bytes. One copied from a Windows zip often holds CP1251 bytes that are
not UTF-8, and Python hands it over as a ``str`` with *surrogate escapes* (``os.fsdecode``:
byte ``0xC7`` → ``U+DCC7``). No UTF-8 writer (CSV, Parquet, JSON) and no pandas string column
accepts those, so the ``path`` columns (``documents.path``, ``errors.path``) hold
:func:`escape_text` of the name, a valid string with backslash escapes:

* ``\xNN`` (``NN`` from ``80`` to ``ff``, lowercase hex): the byte ``NN`` of the name
  (``os.fsencode(path)``) that is not part of valid UTF-8;
* ``\uNNNN`` (``d800`` to ``dfff``): a lone UTF-16 surrogate (a Windows name can hold one);
* ``\x5c``: a backslash of the name that would otherwise read as one of these escapes (a
  backslash followed by ``x`` or ``u`` and such hex digits).

Every other character, backslashes included (``C:\reports\a.pdf``), stays as it is, so a
valid name is never changed. :func:`unescape_text` is the exact inverse:
``os.fsencode(unescape_text(cell))`` gives the name's bytes back, ``open(unescape_text(cell))``
opens the file.

    >>> escape_text("hesabat-\udcc7\udce0.txt")
    'hesabat-\\xc7\\xe0.txt'
    >>> os.fsencode(unescape_text("hesabat-\\xc7\\xe0.txt"))
    b'hesabat-\xc7\xe0.txt'
    >>> escape_text("C:\\reports\\x41.pdf"), escape_text("C:\\reports\\a.pdf")
    ('C:\\reports\\x41.pdf', 'C:\\reports\\a.pdf')
    >>> escape_text("a\\xc7.txt"), unescape_text(escape_text("a\\xc7.txt"))
    ('a\\x5cxc7.txt', 'a\\xc7.txt')
"""

from __future__ import annotations

import os  # noqa: F401  (the doctests)
import re

_SURROGATE = re.compile("[\ud800-\udfff]")
_LOOKALIKE = re.compile(r"\\(?=x(?:5c|[89a-f][0-9a-f])|ud[89a-f][0-9a-f]{2})")
_ESCAPE = re.compile(r"\\x(5c|[89a-f][0-9a-f])|\\u(d[89a-f][0-9a-f]{2})")

SURROGATES = _SURROGATE.pattern
"""A regular expression matching a character no UTF-8 writer accepts (a surrogate)."""

ESCAPE_SCHEME = (
    "A name that is not valid UTF-8 is kept losslessly with backslash escapes: \\xNN for each byte "
    "of os.fsencode(path) that is not UTF-8, \\uNNNN for a lone surrogate, \\x5c for a backslash "
    "that would read as an escape; reportparse.tables.names.unescape_text gives the name back."
)
"""What :func:`escape_text` does, in a sentence (column descriptions, datapackage.json)."""


def has_surrogates(text: str) -> bool:
    """True when ``text`` holds a character no UTF-8 writer accepts (a surrogate)."""
    return _SURROGATE.search(text) is not None


def _escape_surrogate(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def escape_text(text: str) -> str:
    """A file name (or any text) as valid Unicode, reversibly (see the module).

    Args:
        text: e.g. a path from ``os.listdir``, surrogate escapes included.

    Returns:
        ``text`` itself when it is valid Unicode holding no escape look-alike; else its escaped form.
    """
    if "\\" not in text and not has_surrogates(text):
        return text
    return _SURROGATE.sub(_escape_surrogate, _LOOKALIKE.sub(r"\\x5c", text))


def _unescape(match: re.Match[str]) -> str:
    byte, unit = match.group(1), match.group(2)
    if byte is not None:
        return "\\" if byte == "5c" else chr(0xDC00 + int(byte, 16))
    return chr(int(unit, 16))


def unescape_text(text: str) -> str:
    """The inverse of :func:`escape_text`.

    Args:
        text: a ``path`` cell.

    Returns:
        The name as Python gives it (``os.fsencode`` of it gives the name's bytes).
    """
    return _ESCAPE.sub(_unescape, text) if "\\" in text else text

"""Text of content a DOCX embeds in another format (``w:altChunk``): plain text, HTML, MHTML.

Word merges such a chunk into the document when it opens the file; python-docx leaves it as an
opaque part. These readers use the standard library only. Each returns the chunk's text, one
line per paragraph (block element), or None when it cannot be read; the DOCX reader then notes
in the document's warnings that the chunk was left out.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re
from html.parser import HTMLParser

PLAIN_TYPES = frozenset({"text/plain"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
MHTML_TYPES = frozenset({"message/rfc822", "multipart/related", "application/x-mimearchive"})

_BLOCKS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr "
    "li main nav ol p pre section table td th tr ul".split()
)
_SKIPPED = frozenset({"head", "script", "style", "template", "noscript"})
_SPACE = re.compile(r"[ \t\r\n\f]+")
_CHARSET = re.compile(rb"""<meta[^>]*charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, charset: str | None = None) -> str | None:
    """Bytes of a text chunk as text: by its byte-order mark, else ``charset``, else UTF-8; None if that fails."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None) or charset or "utf-8"
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def plain_text(data: bytes) -> str | None:
    """A plain-text chunk: its lines as they are."""
    return decode(data)


class _TextOfHtml(HTMLParser):
    """Collects the text of an HTML body: a line break at each block element, spaces collapsed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "br" or tag in _BLOCKS:
            self.pieces.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag in _BLOCKS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.pieces.append(_SPACE.sub(" ", data))


def html_text(data: bytes) -> str | None:
    """An HTML chunk: the text of its body, one line per block element (paragraph, cell, list item)."""
    declared = _CHARSET.search(data[:4096])
    text = decode(data, declared.group(1).decode("ascii") if declared else None)
    return None if text is None else text_of_html(text)


def text_of_html(html: str) -> str:
    """The text of an HTML document, one line per block element, without blank lines."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (line.strip(" ") for line in "".join(parser.pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def mhtml_text(data: bytes) -> str | None:
    """An MHTML chunk (a web archive, Word's ``.mht``): the text of its first HTML part."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() in HTML_TYPES:
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                return None
            text = decode(payload, part.get_content_charset())
            return None if text is None else text_of_html(text)
    return None

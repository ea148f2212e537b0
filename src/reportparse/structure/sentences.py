"""Sentence spans of a stretch of text (the events table gives every dated mention its sentence).

The same rule as the evidence sentences of ``compare`` (``reportparse.plans.compare``): a break
after ``.``/``!``/``?`` followed by whitespace when an uppercase letter, a quote or a digit comes
next (``4,7 mln. manat`` does not break), and at blank lines; spans are trimmed of whitespace.

    >>> text = "Plan təsdiq edildi. 4,7 mln. manat ayrıldı.\\n\\nYeni bənd"
    >>> [text[s:e] for s, e in split_sentences(text, 0, len(text))]
    ['Plan təsdiq edildi.', '4,7 mln. manat ayrıldı.', 'Yeni bənd']
"""

from __future__ import annotations

import re

_BREAK = re.compile(r"[.!?]\s+|\n\s*\n")
_OPENERS = '“"«('


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (offsets into ``text``) of ``text[start:end]``, whitespace trimmed."""
    spans, begin = [], start
    for found in _BREAK.finditer(text, start, end):
        following = text[found.end() : found.end() + 1]
        if found.group().strip() and not (following.isupper() or following.isdigit() or following in _OPENERS):
            continue
        stop = found.start() + (1 if found.group().strip() else 0)
        if text[begin:stop].strip():
            spans.append((begin, stop))
        begin = found.end()
    if text[begin:end].strip():
        spans.append((begin, end))
    return [
        (s + len(text[s:e]) - len(text[s:e].lstrip()), e - (len(text[s:e]) - len(text[s:e].rstrip()))) for s, e in spans
    ]

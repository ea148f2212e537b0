"""NER examples: one example per paragraph, organizations labelled ``ORG``.

Paragraphs keep examples short (the model sees local context only) and let a document's
paragraphs be shuffled during training. Anaphoric heads are not in the gold, so they are
negatives for the model, as they should be.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

LABEL = "ORG"


class Example(NamedTuple):
    """A paragraph and its organization spans (character offsets into ``text``)."""

    doc_id: str
    text: str
    spans: list[tuple[int, int]]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank paragraph (separated by blank lines)."""
    result, start = [], 0
    while start < len(text):
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            result.append((start, end))
        start = end + 2
    return result


def document_examples(text: str, spans: Iterable[tuple[int, int]], doc_id: str = "") -> list[Example]:
    """Split a document into paragraph examples; a span crossing paragraphs joins them into one."""
    spans = sorted(spans)
    blocks = paragraphs(text)
    merged: list[list[int]] = []
    for start, end in blocks:
        if merged and any(s < merged[-1][1] < e for s, e in spans):
            merged[-1][1] = end  # an entity runs over the break: keep both paragraphs together
        else:
            merged.append([start, end])
    examples = []
    for start, end in merged:
        inside = [(s - start, e - start) for s, e in spans if start <= s and e <= end]
        examples.append(Example(doc_id, text[start:end], inside))
    return examples

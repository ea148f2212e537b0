"""Mentions with character offsets → spaCy spans, shared by the components."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span


class _Located(Protocol):
    """A mention: character offsets into the document's text."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_M = TypeVar("_M", bound=_Located)


def mention_spans(doc: Doc, mentions: Iterable[_M], *, label: Callable[[_M], str], extension: str) -> list[Span]:
    """One span per mention, carrying the mention in ``span._.<extension>``.

    A span covers whole tokens, so it may be a little wider than the mention; the mention keeps
    the exact offsets. Mentions that fall inside no token are skipped.
    """
    spans: list[Span] = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, label=label(mention), alignment_mode="expand")
        if span is not None:
            span._.set(extension, mention)
            spans.append(span)
    return spans

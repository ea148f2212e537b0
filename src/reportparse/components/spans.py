"""Mentions with character offsets → spaCy spans, shared by the components."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span


def mention_spans(doc: Doc, mentions: Iterable, *, label: Callable[[object], str], extension: str) -> list[Span]:
    """One span per mention, carrying the mention in ``span._.<extension>``.

    A span covers whole tokens, so it may be a little wider than the mention; the mention keeps
    the exact offsets. Mentions that fall inside no token are skipped.
    """
    spans = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, label=label(mention), alignment_mode="expand")
        if span is not None:
            span._.set(extension, mention)
            spans.append(span)
    return spans

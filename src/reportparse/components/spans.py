"""Mentions with character offsets → spaCy spans, serializable span extensions and ``doc.ents``,
shared by the components."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import fields
from typing import Any, Protocol, TypeVar

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

_DATE_TAG = "__date__"


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


def _plain(value: Any) -> Any:
    """A msgpack-friendly copy of a field value: dates as ``{"__date__": iso}``, sequences as lists
    (read back as lists)."""
    if isinstance(value, dt.date):
        return {_DATE_TAG: value.isoformat()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def _restored(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {_DATE_TAG}:
        return dt.date.fromisoformat(value[_DATE_TAG])
    if isinstance(value, (list, tuple)):  # msgpack reads arrays back as tuples
        return [_restored(item) for item in value]
    return value


def set_mention_extension(name: str, cls: type) -> None:
    """Register ``span._.<name>``: a mention of the dataclass ``cls``, stored as plain data.

    The value lives in ``span._.<name>_data`` as a dict of msgpack-friendly values (dates as ISO
    strings), so ``DocBin(store_user_data=True)`` and ``Doc.to_bytes`` serialize it;
    ``span._.<name>`` rebuilds the mention on each read and stores a plain copy on each write.

    Args:
        name: the extension's name (``date``, ``count``, …).
        cls: the mention's dataclass (its fields are the stored keys).
    """
    data = f"{name}_data"
    if not Span.has_extension(data):
        Span.set_extension(data, default=None)

    def getter(span: Span) -> Any:
        stored = span._.get(data)
        if stored is None:
            return None
        return cls(**{key: _restored(value) for key, value in stored.items()})

    def setter(span: Span, mention: Any) -> None:
        stored = None if mention is None else {f.name: _plain(getattr(mention, f.name)) for f in fields(mention)}
        span._.set(data, stored)

    if not Span.has_extension(name):
        Span.set_extension(name, getter=getter, setter=setter)


def add_ents(doc: Doc, spans: Iterable[Span], *, label: str) -> None:
    """Add ``spans`` to ``doc.ents`` with ``label`` where they overlap nothing already there.

    Existing entities always stay (the first to claim a token keeps it); among the new spans
    overlapping each other the longer wins, and of two equally long the earlier
    (:func:`spacy.util.filter_spans`). Spans overlapping an existing entity are left out.

    Args:
        doc: the document, changed in place.
        spans: candidate spans (any label; the entity gets ``label``).
        label: the entity label (``DATE``, ``ORG``).
    """
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    fresh = [
        Span(doc, span.start, span.end, label=label)
        for span in filter_spans(list(spans))
        if not taken.intersection(range(span.start, span.end))
    ]
    if fresh:
        doc.ents = sorted([*doc.ents, *fresh], key=lambda span: span.start)

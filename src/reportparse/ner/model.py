"""Load the shipped organization NER model and combine its spans with the rule grammar's.

The combination is "rules first": the grammar's mentions stand, and a model span is added only
where it overlaps none of them; it gets its canonical name from the same canonicalizer.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from reportparse.errors import ReportParseError
from reportparse.extract.organizations import OrganizationMention, canonicalize_surface
from reportparse.ner.data import LABEL, paragraphs
from reportparse.resources import ORG_NER_MODEL, shipped_model

MODEL_ENV = "REPORTPARSE_ORG_MODEL"
DEFAULT_MODEL = shipped_model(ORG_NER_MODEL)
"""The model shipped in the package's ``models/`` (override with the environment variable
``REPORTPARSE_ORG_MODEL``)."""


class ModelNotFoundError(ReportParseError):
    """The NER model folder does not exist or is not a spaCy pipeline."""


def model_path(path: str | Path | None = None) -> Path:
    """The model folder: ``path``, else ``$REPORTPARSE_ORG_MODEL``, else :data:`DEFAULT_MODEL`."""
    return Path(path or os.environ.get(MODEL_ENV) or DEFAULT_MODEL)


@lru_cache(maxsize=4)
def _load(path: Path) -> Language:
    if not (path / "meta.json").exists():
        raise ModelNotFoundError(
            f"no NER model at {path}: train one with `python -m reportparse.training.spacy_ner --out {path}`"
        )
    return spacy.load(path)


def load_model(path: str | Path | None = None) -> Language:
    """The organization NER pipeline (loaded once per process, from disk only).

    Args:
        path: a model folder (default: :func:`model_path`).

    Returns:
        A spaCy pipeline whose ``ner`` labels organizations ``ORG``.

    Raises:
        ModelNotFoundError: nothing usable at the path.
    """
    return _load(model_path(path).resolve())


def model_mentions(nlp: Language, text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the model's organization spans in ``text``, paragraph by paragraph."""
    blocks = paragraphs(text)
    spans = []
    for (start, _end), doc in zip(blocks, nlp.pipe(text[s:e] for s, e in blocks), strict=True):
        spans += [(start + ent.start_char, start + ent.end_char) for ent in doc.ents if ent.label_ == LABEL]
    return spans


def merge_mentions(
    rules: list[OrganizationMention],
    spans: list[tuple[int, int]],
    text: str,
    *,
    reporting_body: str = "",
) -> list[OrganizationMention]:
    """The rule mentions plus the model spans that overlap none of them, in text order."""
    taken = [(m.start, m.end) for m in rules]
    added = []
    for start, end in spans:
        if any(start < e and s < end for s, e in taken):
            continue
        mention = canonicalize_surface(text, start, end, reporting_body=reporting_body)
        if mention is not None:
            added.append(mention)
            taken.append((start, end))
    return sorted(rules + added, key=lambda m: (m.start, m.end))

"""Tokens for the statistical models: spaCy's ``az`` tokenizer, with character offsets.

The Stanza backend tags these tokens at run time, and its training data is exported with the
same ones (:mod:`reportparse.training.stanza_export`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.tokens import Doc


@lru_cache(maxsize=1)
def _tokenizer() -> Callable[[str], Doc]:
    return spacy.blank("az").tokenizer


def token_offsets(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every token of ``text`` (spaCy's ``az`` tokenizer), whitespace left out."""
    return [(token.idx, token.idx + len(token.text)) for token in _tokenizer()(text) if not token.is_space]

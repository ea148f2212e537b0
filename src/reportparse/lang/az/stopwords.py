"""Function words and report boilerplate that carry no content when comparing two texts
(case-folded). Used by :mod:`reportparse.plans.similarity`."""

from __future__ import annotations

from reportparse.lang.az import words

STOPWORDS = words.wordset("stopwords")
"""Words ignored by the token similarity."""

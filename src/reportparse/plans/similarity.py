"""Token similarity of two Azerbaijani texts, for matching report sections to plan measures.

Words are case-folded the Azerbaijani way and cut to a prefix stem: Azerbaijani is
agglutinative and suffixes only follow the root, so ``portalının`` and ``portalın`` share the stem
``portal``. Similarity is the Dice coefficient of the two stem sets, function words excluded.
A hand-written measure is enough here: measures and commitments are short, and a stem prefix
handles inflection better than character edit distances do.
"""

from __future__ import annotations

import re

from reportparse.lang.az.casing import casefold
from reportparse.lang.az.stopwords import STOPWORDS

STEM_LENGTH = 6
"""Characters kept of each word (shorter words are kept whole)."""

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def stems(text: str) -> set[str]:
    """The content stems of a text: case-folded words, function words dropped, cut to :data:`STEM_LENGTH`."""
    words = (word for word in _WORD.findall(casefold(text)) if word not in STOPWORDS and len(word) > 2)
    return {word[:STEM_LENGTH] for word in words}


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the stem sets of ``a`` and ``b``, in [0, 1] (0 when either is empty)."""
    first, second = stems(a), stems(b)
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


def containment(part: str, whole: str) -> float:
    """Share of the stems of ``part`` found in ``whole`` (0 when ``part`` has none)."""
    first = stems(part)
    return len(first & stems(whole)) / len(first) if first else 0.0

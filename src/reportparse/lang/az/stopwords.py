"""Function words and report boilerplate that carry no content when comparing two texts
(case-folded). Used by :mod:`reportparse.plans.similarity`."""

from __future__ import annotations

STOPWORDS = frozenset({
    "və", "ilə", "üzrə", "üçün", "bağlı", "dair", "barədə", "haqqında", "olan", "olaraq", "o", "bu", "həmin",
    "eləcə", "habelə", "həmçinin", "də", "da", "ki", "isə", "ya", "yaxud", "və ya", "kimi", "görə", "qədər",
    "məqsədilə", "məqsədi", "istiqamətində", "çərçivəsində", "tərəfindən", "vasitəsilə", "əsasında",
    "cümlədən", "bir", "hər", "onların", "onun", "digər", "müvafiq", "aidiyyəti", "edilməsi", "olunması",
    "təmin", "edən", "edilən", "olunan", "azərbaycan", "respublikası", "respublikasının",
})
"""Words ignored by the token similarity."""

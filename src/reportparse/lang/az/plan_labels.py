"""Labels of action plans as data: the fields of a measure and the column headings of plan tables.

All forms are case-folded (see :func:`reportparse.lang.az.casing.casefold`); readers compare
them with the case-folded text of a label or a heading cell.
"""

from __future__ import annotations

FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "executors": ("icraçılar", "icraçı", "məsul icraçılar", "məsul icraçı", "icraçı qurumlar", "icraçı orqanlar"),
    "deadline": ("icra müddəti", "icra müddətləri", "müddət", "icra tarixi"),
    "expected_result": ("gözlənilən nəticə", "gözlənilən nəticələr", "nəticə", "gözlənilən nəticə (göstərici)"),
}
"""``Label: value`` lines below a measure in a numbered text plan, by field."""

COLUMN_HEADINGS: dict[str, tuple[str, ...]] = {
    "item": ("№", "n", "no", "sıra", "sıra №", "s/s", "bənd"),
    "measure": ("tədbirin adı", "tədbir", "tədbirlər", "tədbirin məzmunu", "öhdəlik", "fəaliyyət"),
    **FIELD_LABELS,
}
"""Heading cells of plan tables, by column."""

QUALIFIERS = ("razılıq əsasında", "razılaşdırılmaqla")
"""Parenthesised notes after an executor (``(razılıq əsasında)``: takes part by consent) that
are not part of its name."""

GENERIC_EXECUTOR_HEADS = (
    "orqanları",
    "orqanlar",
    "təşkilatları",
    "təşkilatlar",
    "qurumları",
    "qurumlar",
    "institutları",
    "nazirliklər",
    "nazirlikləri",
    "müəssisələri",
    "müəssisələr",
)
"""Plural heads that end an executor that names a class of bodies (``yerli icra hakimiyyəti
orqanları``, ``beynəlxalq təşkilatlar``): it ends a list member like an organization's head noun."""

RECURRING_DEADLINES = ("hər il", "hər ay", "hər rüb", "illik", "rüblük")
"""Deadline words meaning every year (or quarter) of the plan period."""

EXECUTOR_HEAD_STEMS = (
    "xidmət",
    "agentli",
    "agentlik",
    "nazirli",
    "nazirlik",
    "komitə",
    "komissiya",
    "şura",
    "fond",
    "mərkəz",
    "idarə",
    "palata",
    "kabinet",
    "akademiya",
    "universitet",
    "prokurorluğ",
    "aparat",
    "məclis",
    "məhkəmə",
    "administrasiya",
    "müvəkkil",
    "institut",
    "departament",
    "təşkilat",
    "birliy",
    "qrup",
    "assosiasiya",
)
"""Case-folded stems of organizations' head nouns in any case form (``Agentliyi``, ``Agentlik``,
``Nazirliyi``, ``Təşkilatı``): a list member that ends in one is complete."""

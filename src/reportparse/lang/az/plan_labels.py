"""Labels of action plans as data: the fields of a measure and the column headings of plan tables.

All forms are case-folded (see :func:`reportparse.lang.az.casing.casefold`); readers compare
them with the case-folded text of a label or a heading cell.
"""

from __future__ import annotations

import re

from reportparse.lang.az import organizations
from reportparse.lang.az.casing import casefold

FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "executors": ("icraçılar", "icraçı", "məsul icraçılar", "məsul icraçı", "icraçı qurumlar", "icraçı orqanlar"),
    "deadline": ("icra müddəti", "icra müddətləri", "müddət", "icra tarixi"),
    "expected_result": ("gözlənilən nəticə", "gözlənilən nəticələr", "nəticə", "gözlənilən nəticə (göstərici)"),
}
"""``Label: value`` lines below a measure in a numbered text plan, by field."""

EXECUTION_HEADINGS: tuple[str, ...] = (
    "icra vəziyyəti",
    "icra vəziyyəti barədə məlumat",
    "icra barədə məlumat",
    "icra haqqında məlumat",
    "icra barədə",
    "icranın vəziyyəti",
    "görülmüş işlər",
    "görülən işlər",
    "görülmüş işlər barədə məlumat",
    "həyata keçirilmiş tədbirlər",
    "həyata keçirilən tədbirlər",
    "icra",
    "icrası",
    "icra olunub",
)
"""Heading cells of the column of a table-form report that says what was done."""

COLUMN_HEADINGS: dict[str, tuple[str, ...]] = {
    "item": ("№", "n", "no", "sıra", "sıra №", "s/s", "№ s/s", "sıra sayı", "bənd", "bəndin №-si"),
    "measure": (
        "tədbirin adı",
        "tədbir",
        "tədbirlər",
        "tədbirin məzmunu",
        "tədbirlərin adı",
        "öhdəlik",
        "fəaliyyət",
        "nəzərdə tutulmuş tədbirlər",
    ),
    **FIELD_LABELS,
    "execution": EXECUTION_HEADINGS,
    "note": ("qeyd", "qeydlər"),
}
"""Heading cells of plan tables and table-form reports, by column."""

TABLE_FORM_COLUMNS = ("item", "executors", "deadline", "execution")
"""A heading row names the measure and at least one of these columns."""

_HEADING_PUNCTUATION = " .:*"


def heading_column(cell: str) -> str | None:
    """The column a table heading cell names (the longest label it is or starts with), or None.

    Args:
        cell: the cell's text as printed (any case, any spacing).
    """
    folded = casefold(" ".join(cell.split())).strip(_HEADING_PUNCTUATION)
    best: tuple[int, str] | None = None
    for name, labels in COLUMN_HEADINGS.items():
        for label in labels:
            if (folded == label or folded.startswith(label + " ")) and (best is None or len(label) > best[0]):
                best = (len(label), name)
    return best[1] if best else None


def heading_row_columns(cells: list[str]) -> dict[str, int]:
    """Column index of each column a table heading row names; empty when the row is no heading
    row (it must name the measure and one of :data:`TABLE_FORM_COLUMNS`)."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = heading_column(cell)
        if name is not None and name not in columns:
            columns[name] = index
    if "measure" not in columns or not any(name in columns for name in TABLE_FORM_COLUMNS):
        return {}
    return columns


def names_table_columns(text: str) -> bool:
    """True when ``text`` (a page) holds the labels of a table-form heading row: a measure label
    and a distinctive executor, deadline or execution label (``İcraçılar``, ``İcra müddəti``,
    ``Görülmüş işlər``; not a bare ``icra``), as whole words: a cheap test (two regular
    expressions over the folded text) before looking for the table itself."""
    folded = casefold(text)
    return _DISTINCTIVE_LABEL.search(folded) is not None and _MEASURE_LABEL.search(folded) is not None


def _any_label(labels: list[str]) -> re.Pattern[str]:
    words = "|".join(r"\s+".join(map(re.escape, label.split())) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


_MEASURE_LABEL = _any_label(list(COLUMN_HEADINGS["measure"]))
_DISTINCTIVE_LABEL = _any_label(
    [
        label
        for name in TABLE_FORM_COLUMNS[1:]
        for label in COLUMN_HEADINGS[name]
        if " " in label or label.startswith("icraçı")
    ]
)

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

EXECUTOR_HEAD_STEMS = organizations.EXECUTOR_HEAD_STEMS
"""Case-folded stems of organizations' head nouns in any case form (``Agentliyi``, ``Agentlik``,
``Nazirliyi``, ``Təşkilatı``): a list member that ends in one is complete. The heads flagged
``executor`` in ``data/heads.tsv`` (one table of heads)."""

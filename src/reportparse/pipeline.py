"""Document → all tables. The one place that runs the stages after normalization.

Stages not built yet (organizations, counts, references) return their
table empty, with its contract columns, so every caller (CLI, evaluation, benchmarks) already
handles the full set of tables and improves automatically as stages land.
"""

from __future__ import annotations

import pandas as pd

from .document import Document
from .metadata import extract_metadata
from .segment import segment
from .extract.dates import find_dates
from .tables import TABLE_COLUMNS, dates_table, document_row, documents_frame, empty_table, sections_table

TABLES = tuple(TABLE_COLUMNS)
"""Names of the per-document tables, in the order they are written."""


def extract_tables(document: Document, *, year: int | None = None) -> dict[str, pd.DataFrame]:
    """Run every stage on a normalized document.

    Args:
        document: the normalized document.
        year: the reporting year, overriding the one the title states.

    Returns:
        One DataFrame per table name of :data:`TABLES`.
    """
    tables = {name: empty_table(name) for name in TABLES}
    segmentation = segment(document)
    metadata = extract_metadata(document, segmentation, year=year)
    tables["documents"] = documents_frame([document_row(document, segmentation, metadata)])
    tables["sections"] = sections_table(document, segmentation)
    tables["dates"] = dates_table(document, find_dates(document.text, year=metadata.year), tables["sections"])
    return tables

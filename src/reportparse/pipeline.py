"""Document → all tables. The one place that runs the stages after normalization.

Stages not built yet (segmentation, dates, organizations, counts, references) return their
table empty, with its contract columns, so every caller (CLI, evaluation, benchmarks) already
handles the full set of tables and improves automatically as stages land.
"""

from __future__ import annotations

import pandas as pd

from .document import Document
from .tables import TABLE_COLUMNS, documents_table, empty_table

TABLES = tuple(TABLE_COLUMNS)
"""Names of the per-document tables, in the order they are written."""


def extract_tables(document: Document) -> dict[str, pd.DataFrame]:
    """Run every stage on a normalized document.

    Args:
        document: the normalized document.

    Returns:
        One DataFrame per table name of :data:`TABLES`.
    """
    tables = {name: empty_table(name) for name in TABLES}
    tables["documents"] = documents_table([document])
    return tables

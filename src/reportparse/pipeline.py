"""Document → all tables. The one place that runs the stages after normalization.

Stages not built yet return their
table empty, with its contract columns, so every caller (CLI, evaluation, benchmarks) already
handles the full set of tables and improves automatically as stages land.
"""

from __future__ import annotations

import pandas as pd

from .document import Document
from .extract.counts import find_counts
from .extract.dates import find_dates
from .extract.organizations import find_organizations
from .extract.references import find_references
from .metadata import extract_metadata
from .plan import plan_segmentation
from .segment import segment
from .tables import (
    TABLE_COLUMNS,
    counts_table,
    dates_table,
    document_row,
    documents_frame,
    empty_table,
    organizations_table,
    references_table,
    sections_table,
)

TABLES = tuple(TABLE_COLUMNS)
"""Names of the per-document tables, in the order they are written."""


NER_MODES = ("rules", "rules+model", "model", "rules+stanza", "stanza")
"""How organizations are found: the rule grammar alone (the default, see README "Organizations"
for the measurements behind it), the grammar plus the statistical model for what it misses, or
the model alone (names still canonicalized by the grammar). The ``stanza`` modes use a Stanza
model instead of the spaCy one (``reportparse[stanza]``, README "Stanza backend")."""


def find_organization_mentions(
    text: str, *, reporting_body: str = "", ner: str = "rules", ner_model: str | None = None,
    stanza_model: str | None = None,
) -> list:
    """Organization mentions by the chosen method (see :data:`NER_MODES`)."""
    if ner not in NER_MODES:
        raise ValueError(f"unknown ner mode {ner!r}; choose from {', '.join(NER_MODES)}")
    rules = find_organizations(text, reporting_body=reporting_body) if ner not in ("model", "stanza") else []
    if ner == "rules":
        return rules
    if ner.endswith("stanza"):
        # stanza and torch are imported only when asked for
        from .ner.model import merge_mentions
        from .ner.stanza_backend import as_stanza, load_stanza, stanza_mentions

        spans = stanza_mentions(load_stanza(stanza_model), text)
        return as_stanza(merge_mentions(rules, spans, text, reporting_body=reporting_body), rules)
    from .ner.model import (  # spaCy model: load only when asked
        load_model,
        merge_mentions,
        model_mentions,
    )

    return merge_mentions(rules, model_mentions(load_model(ner_model), text), text, reporting_body=reporting_body)


def extract_tables(
    document: Document, *, year: int | None = None, ner: str = "rules", ner_model: str | None = None,
    stanza_model: str | None = None,
) -> dict[str, pd.DataFrame]:
    """Run every stage on a normalized document.

    Args:
        document: the normalized document.
        year: the reporting year, overriding the one the title states.
        ner: how organizations are found, one of :data:`NER_MODES`.
        ner_model: the NER model folder for the model modes (default: the shipped one).
        stanza_model: the Stanza model folder for the stanza modes (default: models/az_org_stanza).

    Returns:
        One DataFrame per table name of :data:`TABLES`.
    """
    tables = {name: empty_table(name) for name in TABLES}
    segmentation = segment(document)
    if not segmentation.headed:  # an action plan: its numbered measures are the sections
        segmentation = plan_segmentation(document) or segmentation
    metadata = extract_metadata(document, segmentation, year=year)
    tables["documents"] = documents_frame([document_row(document, segmentation, metadata)])
    tables["sections"] = sections_table(document, segmentation)
    dates = find_dates(document.text, year=metadata.year)  # found once: counts and references skip or read them
    tables["dates"] = dates_table(document, dates, tables["sections"])
    tables["organizations"] = organizations_table(
        document,
        find_organization_mentions(document.text, reporting_body=metadata.organization, ner=ner, ner_model=ner_model,
                                   stanza_model=stanza_model),
        tables["sections"],
    )
    tables["counts"] = counts_table(document, find_counts(document.text, dates=dates), tables["sections"])
    tables["references"] = references_table(
        document, find_references(document.text, year=metadata.year, dates=dates), tables["sections"])
    return tables

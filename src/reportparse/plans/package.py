"""``datapackage.json`` of a comparison: a Frictionless Data Package describing every table
``reportparse compare`` writes (commitments, matrix, summary, history, report_only,
unmatched_reports, reports, plan, errors).

Field types follow the columns' pandas types; every column has a description; the keys of
each table are declared (``commitments``: item, executor_id, year).
"""

from __future__ import annotations

import pandas as pd

from reportparse.lang.az.status import STATUSES
from reportparse.tables.schema import FALSE_VALUES, TRUE_VALUES
from reportparse.tables.types import inferred_type

DESCRIPTOR = "datapackage.json"

_COMMON = {
    "plan_id": "The plan's id (its file's doc_id, a SHA-256 prefix).",
    "item": "The plan item's number as printed (1, 4.2.10).",
    "commitment": "The plan item's measure.",
    "executor": "Canonical name of the executor the row is about (one row per executor of the item).",
    "executor_id": "The executor's org_id (as in organizations.csv); empty for a class of bodies "
    "(yerli icra hakimiyyəti orqanları).",
    "year": "The reporting year.",
    "executors": "All executors of the item, '; '-separated.",
    "deadline_start": "Start of the item's deadline (ISO).",
    "deadline_end": "End of the item's deadline (ISO).",
    "reported": "Whether a report of this executor for this year has a section on the item.",
    "status": "Status on the OGP scale: " + ", ".join(STATUSES) + ".",
    "evidence": "The evidence sentences that support the status, ' … '-separated.",
    "report_path": "The report the status comes from ('; '-separated reports of the executor that year "
    "when none mentions the item).",
    "report_id": "The doc_id of that report.",
    "n_dated_events": "Dated events (days, ranges) in the section, inside the plan period.",
    "n_counts": "Counts (numbers with a unit) in the section.",
    "n_organizations": "Organization mentions in the section.",
    "executor_role": "'agreement' for an executor taking part by consent (razılıq əsasında), else empty.",
    "executor_relation": "How the report's body relates to the executor: own, unit (a unit of the executor or "
    "attached to it), parent (the executor is its unit or attached to it).",
    "executor_ids": "The org_ids of all executors of the item.",
    "deadline_kind": "point, period, range, deadline, continuous, recurring or empty.",
    "deadline_text": "The İcra müddəti value as printed.",
    "overdue": "The item's own deadline has passed by the end of the year and the executor has not "
    "reported it complete by then.",
    "report_item": "The item number the report gives the section.",
    "report_commitment": "The commitment as the report states it.",
    "match": "How the section was matched to the item: number, text, none.",
    "confidence": "How sure the match is (0-1); 0.5 or less for a report whose body is unknown.",
    "flags": "body_unknown: the report's title names no body; matched by item number only.",
    "rule": "The named rule that decided the status (see README, 'Compare').",
    "evidence_spans": "start-end of each evidence sentence in the report's text, '; '-separated.",
    "report_start": "Start of the section's narrative in the report's text.",
    "report_end": "End of the section's narrative in the report's text.",
    "organization": "Canonical name of the reporting body.",
    "org_id": "The reporting body's org_id.",
    "reason": "Why a report gives no status: not_an_executor, outside_period (or body_unknown for a "
    "report used by item number only).",
    "detail": "The reason in words.",
    "n_sections": "Sections with an item number in the report.",
    "used": "Whether the report gives statuses.",
    "executors_served": "The plan executors the report speaks for, with the relation.",
    "latest_status": "The latest status the executor's own reports gave the item (no_evidence when none did).",
    "latest_year": "The year of that status.",
    "n_reported": "How many years the executor's reports mention the item.",
    "n_items": "Items (item, executor pairs) of the executor.",
    "n_overdue": "Items of the executor overdue at the last year.",
    "path": "The input as given.",
    "error_type": "The exception's class name.",
    "message": "What went wrong.",
    "measure": "The plan item's measure.",
    "deadline_recurrence": "The frequency the deadline states (yearly, continuous), or empty.",
    "expected_result": "The Gözlənilən nəticə value.",
    "chapter": "The chapter heading the item stands under.",
}

TABLE_DESCRIPTIONS = {
    "commitments": "One row per (item, executor, year): status, rule, evidence and the report it came from.",
    "matrix": "Item × executor, one status column per year.",
    "summary": "Per executor: items, share (%) of each status (the latest own status), overdue items.",
    "commitments_history": "Per item and executor: the status of each year and the latest from the executor's "
    "own reports.",
    "report_only": "Report sections matching no plan item of their body.",
    "unmatched_reports": "Reports that give no status, with the reason.",
    "reports": "Every report: its body, year and whether it was used.",
    "plan": "The plan's items.",
    "errors": "Reports that could not be read.",
}

PRIMARY_KEYS = {
    "commitments": ["plan_id", "item", "executor_id", "executor", "year"],
    "matrix": ["plan_id", "item", "executor_id", "executor"],
    "summary": ["plan_id", "executor_id", "executor"],
    "commitments_history": ["plan_id", "item", "executor_id", "executor"],
}


def _describe(column: str) -> str:
    if column in _COMMON:
        return _COMMON[column]
    if column.isdigit() or column == "undated":
        return f"Status in the reports of {column}."
    if column.startswith("share_"):
        return f"Share (%) of the executor's items whose latest status is {column[len('share_') :]}."
    raise KeyError(f"no description of the column {column!r}")


def resource(name: str, frame: pd.DataFrame, *, excel: bool = False) -> dict[str, object]:
    """The Data Package resource of one table written as ``<name>.csv``."""
    fields: list[dict[str, object]] = []
    for column in frame.columns:
        kind = inferred_type(frame[column])
        entry: dict[str, object] = {"name": column, "type": kind, "description": _describe(str(column))}
        if kind == "boolean":
            entry.update(trueValues=list(TRUE_VALUES), falseValues=list(FALSE_VALUES))
        if column == "status" or column == "latest_status" or str(column).isdigit():
            entry["constraints"] = {"enum": list(STATUSES)}
        fields.append(entry)
    schema: dict[str, object] = {"fields": fields, "missingValues": [""]}
    if name in PRIMARY_KEYS:
        schema["primaryKey"] = PRIMARY_KEYS[name]
    return {
        "name": name,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "description": TABLE_DESCRIPTIONS[name],
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig" if excel else "utf-8",
        "dialect": {"delimiter": ",", "header": True, "doubleQuote": True, "lineTerminator": "\n"},
        "schema": schema,
    }


def package(tables: dict[str, pd.DataFrame], *, excel: bool = False) -> dict[str, object]:
    """``datapackage.json`` content for the tables of a comparison (by file name without ``.csv``)."""
    from reportparse.resources import package_version

    __version__ = package_version()

    return {
        "profile": "tabular-data-package",
        "name": "reportparse-compare",
        "title": "A plan's commitments against its executors' execution reports (reportparse compare)",
        "sources": [{"title": f"reportparse {__version__}"}],
        "resources": [resource(name, frame, excel=excel) for name, frame in tables.items()],
    }

"""``compare.html``: a comparison as one self-contained page, readable offline.

The item × executor matrix, one column per year, each cell coloured by its status. A cell links
to its evidence: the report's section on the item with the evidence sentences highlighted
(``<mark>``, the exact text of their spans), the rule that decided the status and what the rule
means. No script, style sheet or font is loaded from anywhere: everything is in the file, and
the panels open with the ``:target`` selector, so the page works without JavaScript too (a
short script only closes a panel with Escape and records, on ``<body>``, the evidence marks
the page holds (``data-evidence-marks``) and the panel shown (``data-open-panel``)).
"""

from __future__ import annotations

from html import escape

import pandas as pd

from reportparse.lang.az.status import RULES, STATUSES

COLOURS = {
    "complete": "#1a7f37",
    "substantial": "#7cb342",
    "limited": "#f0b429",
    "not_started": "#d64545",
    "no_evidence": "#c8ccd0",
}
"""The colour of each status (green to red; grey for no evidence)."""

CODES = {"complete": "C", "substantial": "S", "limited": "L", "not_started": "N", "no_evidence": "–"}
"""The letter in a cell, so the matrix reads in black and white too."""

MEANING = {name: meaning for name, _status, meaning in RULES}

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#1f2328}
h1{font-size:1.4em}table{border-collapse:collapse}
th,td{border:1px solid #d0d7de;padding:.25em .5em;vertical-align:top}
th{background:#f6f8fa;text-align:left}
td.cell{text-align:center;font-weight:bold;min-width:3em}
td.cell a{display:block;color:#fff;text-decoration:none}
td.no_evidence a{color:#57606a}
td.overdue{outline:3px solid #8250df;outline-offset:-3px}
.legend span{display:inline-block;padding:.1em .6em;margin-right:.4em;border-radius:3px;color:#fff}
.panel{display:none;border:1px solid #d0d7de;border-radius:6px;padding:1em;background:#fff;
position:fixed;top:1em;right:1em;width:46%;max-height:calc(100vh - 2em);overflow:auto;box-shadow:0 8px 24px #8c959f55}
.panel:target{display:block}
.panel h3{margin-top:0}
.section{white-space:pre-wrap;background:#f6f8fa;padding:.75em;border-radius:4px}
mark{background:#fff3a3;padding:0 .1em}
.muted{color:#57606a}
"""

_SCRIPT = """
document.body.dataset.evidenceMarks = String(document.querySelectorAll('mark.evidence').length);
function shown() {
  var panel = location.hash ? document.getElementById(location.hash.slice(1)) : null;
  var open = panel && panel.classList.contains('panel') && getComputedStyle(panel).display !== 'none';
  document.body.dataset.openPanel = open ? panel.id : '';
}
window.addEventListener('hashchange', shown);
window.addEventListener('load', function () { setTimeout(shown, 0); });
document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { location.hash = 'matrix'; } });
"""


def _cell_id(index: int) -> str:
    return f"cell-{index}"


def highlighted(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """``text[start:end]`` as HTML, each span (inside it) wrapped in ``<mark class="evidence">``."""
    out, position = [], start
    for span_start, span_end in sorted(spans):
        span_start, span_end = max(span_start, position), min(span_end, end)
        if span_start >= span_end:
            continue
        out.append(escape(text[position:span_start]))
        out.append(
            f'<mark class="evidence" data-span="{span_start}-{span_end}">{escape(text[span_start:span_end])}</mark>'
        )
        position = span_end
    out.append(escape(text[position:end]))
    return "".join(out)


def parse_spans(value: object) -> list[tuple[int, int]]:
    """The ``start-end; start-end`` of an evidence_spans cell."""
    if not isinstance(value, str) or not value.strip():
        return []
    spans = []
    for part in value.split(";"):
        first, _, last = part.strip().partition("-")
        spans.append((int(first), int(last)))
    return spans


def _panel(index: int, row: dict, texts: dict[str, str]) -> str:
    status, rule = str(row["status"]), str(row["rule"])
    year = "" if pd.isna(row["year"]) else str(row["year"])
    head = (
        f"<h3>Item {escape(str(row['item']))} · {escape(str(row['executor']))} · {escape(year)}: "
        f"{escape(status.replace('_', ' '))}</h3>"
        f"<p>{escape(str(row['commitment']))}</p>"
        f"<p><b>Rule</b> <code>{escape(rule)}</code>: {escape(MEANING.get(rule, ''))}</p>"
    )
    if row.get("overdue"):
        head += (
            f"<p><b>Overdue</b>: the deadline ({escape(str(row['deadline_text']))}) has passed without complete.</p>"
        )
    if row.get("flags"):
        head += f"<p><b>Flag</b>: {escape(str(row['flags']))} (low confidence)</p>"
    report_id = str(row.get("report_id") or "")
    text = texts.get(report_id)
    if row.get("reported") and text is not None and not pd.isna(row["report_start"]):
        body = (
            f"<p class='muted'>{escape(str(row['report_path']))}, item {escape(str(row['report_item']))} "
            f"(matched by {escape(str(row['match']))}, confidence {row['confidence']})</p>"
            f"<div class='section'>"
            f"{highlighted(text, int(row['report_start']), int(row['report_end']), parse_spans(row['evidence_spans']))}"
            "</div>"
        )
    elif row.get("report_path"):
        body = f"<p class='muted'>Not mentioned in {escape(str(row['report_path']))}.</p>"
    else:
        body = "<p class='muted'>No report of this executor for this year.</p>"
    return f"<div class='panel' id='{_cell_id(index)}'>{head}{body}<p><a href='#matrix'>close</a></p></div>"


def render(
    commitments: pd.DataFrame,
    texts: dict[str, str],
    *,
    title: str = "Plan against reports",
    unmatched: pd.DataFrame | None = None,
) -> str:
    """The page of a comparison.

    Args:
        commitments: commitments.csv rows (:func:`reportparse.plans.compare.compare`).
        texts: each report's text by ``report_id`` (the spans point into it).
        title: the page's heading (the plan's title).
        unmatched: unmatched_reports.csv rows, listed under the matrix.

    Returns:
        The HTML document.
    """
    years = sorted({int(y) for y in commitments["year"].dropna()}) if len(commitments) else []
    undated = bool(len(commitments) and commitments["year"].isna().any())
    columns: list[int | None] = [*years, *([None] if undated else [])]
    rows = commitments.to_dict("records")
    cells: dict[tuple[str, str, str, int | None], int] = {}
    order: list[tuple[str, str, str]] = []
    for index, row in enumerate(rows):
        pair = (str(row["item"]), str(row["executor_id"]), str(row["executor"]))
        if pair not in order:
            order.append(pair)
        cells[(pair[0], pair[1], pair[2], None if pd.isna(row["year"]) else int(row["year"]))] = index
    head = "".join(f"<th>{year if year is not None else 'undated'}</th>" for year in columns)
    lines = [f"<tr><th>Item</th><th>Executor</th><th>Measure</th>{head}</tr>"]
    for item, executor_id, executor in order:
        first = rows[next(i for key, i in cells.items() if key[:3] == (item, executor_id, executor))]
        tds = []
        for year in columns:
            found = cells.get((item, executor_id, executor, year))
            if found is None:
                tds.append("<td></td>")
                continue
            row = rows[found]
            status = str(row["status"])
            overdue = " overdue" if row.get("overdue") else ""
            tip = f"{status} ({row['rule']})" + (", overdue" if overdue else "")
            tds.append(
                f"<td class='cell {status}{overdue}' style='background:{COLOURS[status]}' title='{escape(tip)}'>"
                f"<a href='#{_cell_id(found)}'>{CODES[status]}</a></td>"
            )
        lines.append(
            f"<tr><td>{escape(item)}</td><td>{escape(executor)}</td>"
            f"<td class='muted'>{escape(str(first['commitment']))}</td>{''.join(tds)}</tr>"
        )
    legend = "".join(
        f"<span style='background:{COLOURS[s]};{'color:#1f2328' if s == 'no_evidence' else ''}'>"
        f"{CODES[s]} {s.replace('_', ' ')}</span>"
        for s in STATUSES
    )
    panels = "".join(_panel(index, row, texts) for index, row in enumerate(rows))
    skipped = ""
    if unmatched is not None and len(unmatched):
        items = "".join(
            f"<li>{escape(str(r['report_path']))}: {escape(str(r['detail']))}</li>"
            for r in unmatched.to_dict("records")
        )
        skipped = f"<h2>Reports not used</h2><ul>{items}</ul>"
    return (
        "<!DOCTYPE html><html lang='az'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1><p class='legend'>{legend} <span style='background:#8250df'>overdue</span></p>"
        f"<table id='matrix'>{''.join(lines)}</table>{panels}{skipped}"
        f"<script>{_SCRIPT}</script></body></html>"
    )

"""Plan versus reports: did the body do what the plan committed it to? → commitments.csv.

For each report, its sections are matched to the plan's items — by number first, by text
similarity of commitment and measure when the numbers differ or are missing — and each item gets
a status on the Open Government Partnership's scale, decided by the named rules of
:mod:`reportparse.lang.az.status` from evidence sentences of the execution text. Unmatched items
on either side are kept: a plan item without a section is ``no_evidence``; a section without a
plan item is listed with ``match`` ``report_only``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from reportparse.document import Document
from reportparse.ingest.loader import load
from reportparse.lang.az import status as rules
from reportparse.lang.az.casing import casefold
from reportparse.pipeline import extract_tables
from reportparse.plans.model import Plan, PlanItem
from reportparse.plans.read import load_plan, plan_from_report
from reportparse.plans.similarity import similarity
from reportparse.tables.schema import COUNTS, DATES, DOCUMENTS, ORGANIZATIONS, SECTIONS

COMMITMENT_COLUMNS = (
    "plan_id",
    "item",
    "commitment",
    "executors",
    "deadline_start",
    "deadline_end",
    "reported",
    "status",
    "evidence",
    "n_dated_events",
    "n_counts",
    "n_organizations",
)
"""Required columns of commitments.csv, in the contract's order."""

COMMITMENT_EXTRA_COLUMNS = (
    "executor_ids",
    "deadline_kind",
    "deadline_text",
    "report_id",
    "report_path",
    "report_year",
    "report_item",
    "report_commitment",
    "match",
    "confidence",
    "rule",
    "evidence_spans",
    "report_start",
    "report_end",
)
"""Extra columns: which report and section the row is about, how it was matched (``number``,
``text``, ``none`` for a plan item nobody reported, ``report_only`` for a section matching no
plan item) and how sure that is, the rule that decided the status, the evidence sentences' spans
(``start-end`` into the report's text, ``; ``-separated) and the section's narrative span."""

NUMBER_MIN_SIMILARITY = 0.3
"""Below this similarity of commitment and measure, a number match is distrusted and the pair
goes to text matching (the report numbers its items differently)."""
NUMBER_RIVAL_MARGIN = 0.3
"""A number match is also distrusted when another plan item's measure is this much more
similar to the section's commitment (the report numbers its items differently)."""
TEXT_MIN_SIMILARITY = 0.4
"""The least similarity for a match by text alone."""
EVENT_KINDS = ("point", "range")


# --- evidence -----------------------------------------------------------------------------------

_COMPILED = {kind: [re.compile(p) for p in patterns] for kind, patterns in rules.EVIDENCE_PATTERNS.items()}
_BOILERPLATE = [re.compile(p) for p in rules.BOILERPLATE_PATTERNS]
_PREPARATORY = [re.compile(p) for p in rules.PREPARATORY_PATTERNS]
_REMAINDER = [re.compile(p) for p in rules.REMAINDER_PATTERNS]
_BREAK = re.compile(r"[.!?]\s+|\n\s*\n")


@dataclass
class Sentence:
    """One sentence of a section with the kinds of evidence it carries."""

    start: int
    end: int
    text: str
    kinds: set[str] = field(default_factory=set)
    boilerplate: bool = False
    preparatory: bool = False
    core: float = 0.0
    remainder: bool = False
    last_date: str = ""


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``: a break after ``.``/``!``/``?`` when an uppercase
    letter, a quote or a digit follows (``4,7 mln. manat`` does not break), and at blank lines."""
    spans, begin = [], start
    for found in _BREAK.finditer(text, start, end):
        following = text[found.end() : found.end() + 1]
        if found.group().strip() and not (following.isupper() or following.isdigit() or following in '“"«('):
            continue
        stop = found.start() + (1 if found.group().strip() else 0)
        if text[begin:stop].strip():
            spans.append((begin, stop))
        begin = found.end()
    if text[begin:end].strip():
        spans.append((begin, end))
    return [
        (s + len(text[s:e]) - len(text[s:e].lstrip()), e - (len(text[s:e]) - len(text[s:e].rstrip()))) for s, e in spans
    ]


def classify(sentence: str) -> tuple[set[str], bool, bool]:
    """(kinds of evidence, boilerplate?, preparatory?) of one sentence (see :mod:`reportparse.lang.az.status`)."""
    folded = casefold(" ".join(sentence.split()))
    kinds = set()
    for kind, patterns in _COMPILED.items():  # negation, condition, intention, ongoing, completed
        if any(p.search(folded) for p in patterns):
            kinds.add(kind)
        if kind != "completed":  # `nəzərdə tutulmuşdur`, `keçirilməmişdir` are no completed actions
            for pattern in patterns:
                folded = pattern.sub(" ", folded)
    boilerplate = any(p.search(folded) for p in _BOILERPLATE)
    preparatory = any(p.search(folded) for p in _PREPARATORY)
    return kinds, boilerplate, preparatory


def evidence_sentences(
    text: str, start: int, end: int, commitment: str, dates: pd.DataFrame | None = None
) -> list[Sentence]:
    """The sentences of a section's narrative with their evidence and similarity to the commitment.

    Args:
        text: the report's text.
        start, end: the narrative's span.
        commitment: the commitment (or plan measure) the sentences are compared with.
        dates: rows of dates.csv of the report; each sentence records its latest date.
    """
    found = []
    for s, e in split_sentences(text, start, end):
        kinds, boilerplate, preparatory = classify(text[s:e])
        core = similarity(text[s:e], commitment) if commitment else 0.0
        remainder = any(p.search(casefold(text[s:e])) for p in _REMAINDER)
        last = ""
        if dates is not None and not dates.empty:
            inside = _in_span(dates, s, e)
            dated: pd.Series[str] | list[str] = inside["date_end"][inside["date_end"] != ""] if not inside.empty else []
            last = max(dated) if len(dated) else ""
        found.append(
            Sentence(s, e, " ".join(text[s:e].split()), kinds, boilerplate, preparatory, core, remainder, last)
        )
    return found


def _next_cycle(sentence: Sentence, *, year: int | None, deadline_kind: str, deadline_end: str) -> bool:
    """A plan dated after the reporting year, for a measure that recurs (or whose deadline is
    unknown or already past at that date): the next cycle of the measure, not a pending part."""
    if not sentence.last_date or year is None or int(sentence.last_date[:4]) <= year or sentence.remainder:
        return False
    return deadline_kind in ("", "continuous", "recurring") or not deadline_end or sentence.last_date > deadline_end


@dataclass
class Decision:
    """The status of one item, the rule that decided it and the sentences that support it."""

    rule: str
    status: str
    evidence: list[Sentence]


def decide(
    sentences: Sequence[Sentence], *, year: int | None = None, deadline_kind: str = "", deadline_end: str = ""
) -> Decision:
    """Apply the rules of :data:`reportparse.lang.az.status.RULES` in order; the first that holds decides.

    Args:
        sentences: the section's sentences (:func:`evidence_sentences`); none means not reported.
        year: the reporting year.
        deadline_kind, deadline_end: the plan item's deadline (see :class:`~reportparse.plans.model.PlanItem`).
    """
    if not sentences:
        return Decision("not_reported", rules.RULE_STATUS["not_reported"], [])
    completed = [s for s in sentences if "completed" in s.kinds and not s.boilerplate]
    negated = [s for s in sentences if "negation" in s.kinds]
    intended = [s for s in sentences if s.kinds & {"intention", "condition"}]
    conditional = [s for s in sentences if "condition" in s.kinds and s.kinds & {"intention", "ongoing"}]
    ongoing = [s for s in sentences if "ongoing" in s.kinds and not s.boilerplate]
    boilerplate = [s for s in sentences if s.boilerplate]
    pending = [s for s in sentences if s.kinds & {"intention", "condition", "ongoing"} and not s.boilerplate]
    core_pending = [
        s
        for s in pending
        if (s.core >= rules.CORE_SIMILARITY or s.remainder)
        and not _next_cycle(s, year=year, deadline_kind=deadline_kind, deadline_end=deadline_end)
    ]
    core_boilerplate = [s for s in boilerplate if s.core >= rules.CORE_SIMILARITY]
    best = sorted(completed, key=lambda s: -s.core)

    def made(rule: str, evidence: Iterable[Sentence]) -> Decision:
        return Decision(rule, rules.RULE_STATUS[rule], list(evidence)[:3])

    if negated and not completed:
        return made("negation", negated)
    if intended and not completed and not ongoing:
        return made("intention_only", intended)
    if boilerplate and not completed and not ongoing:
        return made("boilerplate_only", boilerplate)
    if ongoing and not completed:
        return made("ongoing_only", ongoing)
    if not completed:
        return made("no_action", sentences[:1])
    if all(s.preparatory for s in completed) and pending:
        return made("preparatory_only", completed[:2] + pending[:1])
    if conditional:
        return made("conditional_pending", best[:1] + conditional[:1])
    if core_pending:
        return made("core_pending", best[:1] + core_pending[:1])
    if core_boilerplate:
        return made("core_boilerplate", best[:1] + core_boilerplate[:1])
    return made("completed", best[:2])


# --- matching -----------------------------------------------------------------------------------


@dataclass
class Match:
    """A plan item and the report section about it; either may be None."""

    item: PlanItem | None
    section: dict | None
    method: str
    confidence: float


def match_sections(items: Sequence[PlanItem], sections: Sequence[dict]) -> list[Match]:
    """Pair plan items with report sections (rows of sections.csv with an item).

    By number first, unless both sides have a text and they disagree (similarity below
    :data:`NUMBER_MIN_SIMILARITY`); then the remaining pairs by text similarity, best first,
    from :data:`TEXT_MIN_SIMILARITY`. Returns one match per plan item in plan order, then the
    unmatched sections (``report_only``).
    """
    paired: dict[int, Match] = {}
    used: set[int] = set()
    for i, entry in enumerate(items):
        for j, section in enumerate(sections):
            if j in used or section["item"] != entry.item:
                continue
            commitment = section.get("commitment") or ""
            if not (entry.measure and commitment):
                paired[i], confidence = Match(entry, section, "number", 0.9), None
            else:
                score = similarity(entry.measure, commitment)
                rival = max(
                    (similarity(other.measure, commitment) for other in items if other is not entry), default=0.0
                )
                if score < NUMBER_MIN_SIMILARITY or rival >= score + NUMBER_RIVAL_MARGIN:
                    continue  # the numbers disagree with the texts: leave the pair to text matching
                confidence = 1.0 if score >= 0.5 else round(0.5 + score, 2)
                paired[i] = Match(entry, section, "number", confidence)
            used.add(j)
            break
    candidates = sorted(
        (
            (similarity(entry.measure, section.get("commitment") or ""), i, j)
            for i, entry in enumerate(items)
            if i not in paired
            for j, section in enumerate(sections)
            if j not in used
        ),
        reverse=True,
    )
    for score, i, j in candidates:
        if score < TEXT_MIN_SIMILARITY:
            break
        if i in paired or j in used:
            continue
        paired[i] = Match(items[i], sections[j], "text", round(score, 2))
        used.add(j)
    matches = [paired.get(i, Match(entry, None, "none", 1.0)) for i, entry in enumerate(items)]
    matches += [Match(None, section, "report_only", 1.0) for j, section in enumerate(sections) if j not in used]
    return matches


# --- the table ----------------------------------------------------------------------------------


def _in_span(frame: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    if frame.empty:
        return frame
    return frame[(frame["start"].astype(int) >= start) & (frame["end"].astype(int) <= end)]


def _dated_events(dates: pd.DataFrame, period: tuple[str, str]) -> int:
    """Dated events (days and ranges) inside the plan period (every one when it is unknown)."""
    if dates.empty:
        return 0
    events = dates[dates["kind"].isin(EVENT_KINDS) & (dates["date_start"] != "")]
    if period[0] and period[1]:
        events = events[(events["date_start"] >= period[0]) & (events["date_end"] <= period[1])]
    return len(events)


def _as_documents(reports: Document | str | Path | Iterable[Document | str | Path]) -> list[Document]:
    if isinstance(reports, (Document, str, Path)):
        reports = [reports]
    return [report if isinstance(report, Document) else load(report) for report in reports]


def compare_report(plan: Plan | None, document: Document, *, year: int | None = None) -> pd.DataFrame:
    """commitments.csv rows of one report against a plan (None: the report's own headings).

    Args:
        plan: the plan, or None to use the report's item headings and commitments.
        document: the loaded report.
        year: the reporting year, overriding the one the title states.

    Returns:
        One row per plan item (in plan order), then one per unmatched report section.
    """
    tables = extract_tables(document, year=year)
    plan = plan if plan is not None else plan_from_report(document)
    info = tables[DOCUMENTS].iloc[0]
    period = (plan.period_start or info["period_start"], plan.period_end or info["period_end"])
    sections = tables[SECTIONS]
    sections = sections[sections["item"] != ""].to_dict("records")
    rows = []
    for match in match_sections(plan.items, sections):
        entry, section = match.item, match.section
        if entry:
            plan_commitment = entry.measure
        else:
            assert section is not None  # a match has a plan item, a report section or both
            plan_commitment = section.get("commitment", "")
        row: dict[str, object] = {
            "plan_id": plan.plan_id if entry else "",
            "item": entry.item if entry else "",
            "commitment": plan_commitment,
            "executors": "; ".join(entry.executors) if entry else "",
            "executor_ids": "; ".join(i for i in entry.executor_ids if i) if entry else "",
            "deadline_start": entry.deadline_start if entry else "",
            "deadline_end": entry.deadline_end if entry else "",
            "deadline_kind": entry.deadline_kind if entry else "",
            "deadline_text": entry.deadline_text if entry else "",
            "report_id": document.doc_id,
            "report_path": document.source or "",
            "report_year": info["year"],
            "match": match.method,
            "confidence": match.confidence,
        }
        if section is None:
            decision = decide([])
            row.update(
                reported=False,
                n_dated_events=0,
                n_counts=0,
                n_organizations=0,
                report_item="",
                report_commitment="",
                report_start=pd.NA,
                report_end=pd.NA,
            )
        else:
            start, end = int(section["start"]), int(section["end"])
            commitment = section.get("commitment") or (entry.measure if entry else "")
            sentences = evidence_sentences(document.text, start, end, commitment, tables[DATES])
            decision = decide(
                sentences,
                year=None if pd.isna(info["year"]) else int(info["year"]),
                deadline_kind=entry.deadline_kind if entry else "",
                deadline_end=entry.deadline_end if entry else "",
            )
            row.update(
                reported=True,
                report_item=section["item"],
                report_commitment=section.get("commitment", ""),
                report_start=start,
                report_end=end,
                n_dated_events=_dated_events(_in_span(tables[DATES], start, end), period),
                n_counts=len(_in_span(tables[COUNTS], start, end)),
                n_organizations=len(_in_span(tables[ORGANIZATIONS], start, end)),
            )
        row.update(
            status=decision.status,
            rule=decision.rule,
            evidence=" … ".join(s.text for s in decision.evidence),
            evidence_spans="; ".join(f"{s.start}-{s.end}" for s in decision.evidence),
        )
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(COMMITMENT_COLUMNS + COMMITMENT_EXTRA_COLUMNS))
    return frame.astype({"report_year": "Int64", "report_start": "Int64", "report_end": "Int64"})


def compare(
    plan: Plan | str | Path | None,
    reports: Document | str | Path | Iterable[Document | str | Path],
    *,
    year: int | None = None,
) -> pd.DataFrame:
    """Compare one plan with one or more execution reports.

    Args:
        plan: a :class:`~reportparse.plans.model.Plan`, a plan file (see :func:`~reportparse.plans.read.load_plan`),
            or None to use each report's own item headings and commitments as its plan.
        reports: report files or loaded documents (one per year, say).
        year: the reporting year of a single report, overriding its title.

    Returns:
        commitments.csv: :data:`COMMITMENT_COLUMNS` then :data:`COMMITMENT_EXTRA_COLUMNS`, one row
        per plan item per report, then the report sections that match no plan item.
    """
    if isinstance(plan, (str, Path)):
        plan = load_plan(plan)
    frames = [compare_report(plan, document, year=year) for document in _as_documents(reports)]
    if not frames:
        return pd.DataFrame(columns=list(COMMITMENT_COLUMNS + COMMITMENT_EXTRA_COLUMNS))
    return pd.concat(frames, ignore_index=True)


def history(commitments: pd.DataFrame) -> pd.DataFrame:
    """Per plan item, its status in each report (columns named by reporting year, or report id
    when the year is unknown), the latest status and how many reports mention it.

    Args:
        commitments: the output of :func:`compare`.

    Returns:
        One row per ``plan_id``/``item`` (report-only rows are left out).
    """
    planned = commitments[commitments["item"] != ""].copy()
    if planned.empty:
        return pd.DataFrame(columns=["plan_id", "item", "commitment", "latest_status", "n_reported"])
    planned["report"] = [
        str(y) if pd.notna(y) else r for y, r in zip(planned["report_year"], planned["report_id"], strict=True)
    ]
    order = list(dict.fromkeys(planned.sort_values("report", kind="stable")["report"]))
    wide = planned.pivot_table(
        index=["plan_id", "item"], columns="report", values="status", aggfunc="first", sort=False
    )
    wide = wide.reindex(columns=order).reset_index()
    wide.columns.name = None
    first = planned.drop_duplicates(["plan_id", "item"]).set_index(["plan_id", "item"])
    keys = list(zip(wide["plan_id"], wide["item"], strict=True))
    wide.insert(2, "commitment", [first.loc[key, "commitment"] for key in keys])
    wide["latest_status"] = [
        wide.loc[i, order].dropna().iloc[-1] if wide.loc[i, order].notna().any() else "" for i in wide.index
    ]
    reported = planned[planned["reported"]].groupby(["plan_id", "item"]).size()
    wide["n_reported"] = [int(reported.get(key, 0)) for key in keys]
    return wide

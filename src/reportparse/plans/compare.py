"""Plan versus reports: did each body do what the plan committed it to, year by year?

Each report's reporting body (its canonical ``org_id``, from the organizations layer) decides
which plan items the report can speak about: the items it executes, alone or with others (also
by consent, ``razılıq əsasında``), the items of a body it is a unit of or attached to, and of its
own units. Its sections are matched to those items only — by number first, by text similarity
of commitment and measure when the numbers differ or are missing — and each match gets a
status on the Open Government Partnership's scale, decided by the named rules of
:mod:`reportparse.lang.az.status` from evidence sentences of the execution text.

The result is one row per (item, executor, year) (:func:`compare`), an item × executor matrix
with one column per year, a summary per executor, the history of each item and executor from
the executor's own reports, the sections matching no item of their body, and the reports that
gave no status with the reason (a body executing no item, a year outside the plan period).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from reportparse.document import Document
from reportparse.ingest.loader import load
from reportparse.lang.az import status as rules
from reportparse.lang.az.casing import casefold
from reportparse.pipeline import extract_tables
from reportparse.plans.model import Plan, PlanItem, executor_identity
from reportparse.plans.read import load_plan, plan_from_report
from reportparse.plans.similarity import similarity
from reportparse.structure.sentences import split_sentences
from reportparse.tables.schema import COUNTS, DATES, DOCUMENTS, ORGANIZATIONS, SECTIONS

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
    unknown): the next cycle of the measure, not a pending part. A measure with a deadline of
    its own has no next cycle: a plan beyond its deadline is its deliverable, delayed."""
    if not sentence.last_date or year is None or int(sentence.last_date[:4]) <= year or sentence.remainder:
        return False
    return deadline_kind in ("", "continuous", "recurring") or not deadline_end


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


def match_sections(items: Sequence[PlanItem], sections: Sequence[dict], *, by_text: bool = True) -> list[Match]:
    """Pair plan items with report sections (rows of sections.csv with an item).

    By number first, unless both sides have a text and they disagree (similarity below
    :data:`NUMBER_MIN_SIMILARITY`); then the remaining pairs by text similarity, best first,
    from :data:`TEXT_MIN_SIMILARITY` (unless ``by_text`` is False: numbers only). Returns one
    match per plan item in plan order, then the unmatched sections (``report_only``).
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
    candidates = (
        sorted(
            (
                (similarity(entry.measure, section.get("commitment") or ""), i, j)
                for i, entry in enumerate(items)
                if i not in paired
                for j, section in enumerate(sections)
                if j not in used
            ),
            reverse=True,
        )
        if by_text
        else []
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


# --- one report -----------------------------------------------------------------------------------


@dataclass
class ReportEvidence:
    """What one report gives a plan: who wrote it, for which year, whether it is used, and its
    sections matched to the plan items of its body, each with a status.

    Attributes:
        report_id, report_path: the report's ``doc_id`` and file.
        organization, org_id, parent_id: the reporting body (canonical name, id, the id of the
            body it is attached to or a unit of); empty when the title names none.
        year: the reporting year, or None.
        used: whether the report gives statuses.
        reason: why it gives none (``not_an_executor``, ``outside_period``), or ``body_unknown``
            for a report used by item number only; "" otherwise.
        detail: the reason in words.
        served: the plan's executors the report speaks for, ``{executor id: relation}`` with
            relation ``own``, ``unit`` (the report's body is a unit of the executor, or attached
            to it) or ``parent`` (the executor is a unit of, or attached to, the report's body).
        rows: one row per plan item matched to a section, with the section's status.
        report_only: the sections matching no plan item.
        n_sections: sections with an item number.
        text: the report's text (the spans of ``rows`` point into it).
    """

    report_id: str
    report_path: str
    organization: str
    org_id: str
    parent_id: str
    year: int | None
    used: bool = True
    reason: str = ""
    detail: str = ""
    served: dict[str, str] = field(default_factory=dict)
    rows: list[dict] = field(default_factory=list)
    report_only: list[dict] = field(default_factory=list)
    n_sections: int = 0
    text: str = ""


def relation(report: tuple[str, str], executor: tuple[str, str]) -> str:
    """How a report's body (id, parent id) relates to an executor (id, parent id): ``own`` (the
    same body), ``unit`` (the report's body is a unit of the executor or attached to it),
    ``parent`` (the executor is a unit of, or attached to, the report's body), or ""."""
    body, body_parent = report
    executor_id, executor_parent = executor
    if not body or not executor_id:
        return ""
    if body == executor_id:
        return "own"
    if body_parent and body_parent == executor_id:
        return "unit"
    if executor_parent and executor_parent == body:
        return "parent"
    return ""


def _executors(entry: PlanItem) -> list[tuple[str, str, str, str]]:
    """(name, id, parent id, role) of an item's executors."""
    count = len(entry.executors)
    ids = entry.executor_ids + [""] * (count - len(entry.executor_ids))
    parents = entry.executor_parent_ids + [""] * (count - len(entry.executor_parent_ids))
    roles = entry.executor_roles + [""] * (count - len(entry.executor_roles))
    return list(zip(entry.executors, ids, parents, roles, strict=True))


def _year_of(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(str(value))


def read_report(plan: Plan, document: Document, *, year: int | None = None) -> ReportEvidence:
    """Match one report to the plan items of its body and decide each matched item's status.

    The reporting body (from the title, canonicalized by the organizations layer) decides which
    items the report can speak about: those with an executor it is, is a unit of, or is the
    parent of. A report of no executor, or of a year outside the plan period, is not used. A
    report whose body cannot be determined is matched by item number only (no text matching)
    and its rows are flagged ``body_unknown``.

    Args:
        plan: the plan.
        document: the loaded report.
        year: the reporting year, overriding the one the title states.
    """
    tables = extract_tables(document, year=year)
    info = tables[DOCUMENTS].iloc[0]
    name, key, parent = executor_identity(str(info["organization"])) if info["organization"] else ("", "", "")
    report_year = _year_of(info["year"])
    evidence = ReportEvidence(
        document.doc_id, document.source or "", name, key, parent, report_year, text=document.text
    )
    sections = tables[SECTIONS]
    records = sections[sections["item"] != ""].to_dict("records")
    evidence.n_sections = len(records)
    period = (plan.period_start or str(info["period_start"]), plan.period_end or str(info["period_end"]))
    known = bool(key) or plan.form == "report"  # a report's own plan is its body's, named or not
    if plan.form == "report":
        evidence.served[key] = "own"
    for planned in plan.items:
        for _name, executor_id, executor_parent, _role in _executors(planned):
            link = relation((key, parent), (executor_id, executor_parent))
            if link and executor_id not in evidence.served:
                evidence.served[executor_id] = link
    if known and not evidence.served:
        evidence.used, evidence.reason = False, "not_an_executor"
        evidence.detail = f"{name} executes no item of the plan"
        return evidence
    if (
        report_year is not None
        and period[0]
        and period[1]
        and not int(period[0][:4]) <= report_year <= int(period[1][:4])
    ):
        evidence.used, evidence.reason = False, "outside_period"
        evidence.detail = f"reporting year {report_year} is outside the plan period {period[0][:4]}–{period[1][:4]}"
        return evidence
    if plan.form == "report":
        items = list(plan.items)
    elif known:
        items = [e for e in plan.items if any(i in evidence.served for _n, i, _p, _r in _executors(e))]
    else:
        evidence.reason = "body_unknown"
        evidence.detail = "the title names no reporting body: sections matched by item number only"
        items = list(plan.items)
    dates = tables[DATES]
    for match in match_sections(items, records, by_text=known):
        entry, section = match.item, match.section
        if section is None:
            continue
        start, end = int(section["start"]), int(section["end"])
        commitment = section.get("commitment") or (entry.measure if entry else "")
        sentences = evidence_sentences(document.text, start, end, commitment, dates)
        decision = decide(
            sentences,
            year=report_year,
            deadline_kind=entry.deadline_kind if entry else "",
            deadline_end=entry.deadline_end if entry else "",
        )
        row: dict[str, object] = {
            "report_id": document.doc_id,
            "report_path": document.source or "",
            "report_item": section["item"],
            "report_commitment": section.get("commitment", ""),
            "report_start": start,
            "report_end": end,
            "status": decision.status,
            "rule": decision.rule,
            "evidence": " … ".join(s.text for s in decision.evidence),
            "evidence_spans": "; ".join(f"{s.start}-{s.end}" for s in decision.evidence),
            "n_dated_events": _dated_events(_in_span(dates, start, end), period),
            "n_counts": len(_in_span(tables[COUNTS], start, end)),
            "n_organizations": len(_in_span(tables[ORGANIZATIONS], start, end)),
            "match": match.method,
            "confidence": match.confidence if known else min(match.confidence, LOW_CONFIDENCE),
            "flags": "" if known else "body_unknown",
        }
        if entry is None:
            evidence.report_only.append(row)
        else:
            row["item"] = entry.item
            evidence.rows.append(row)
    return evidence


LOW_CONFIDENCE = 0.5
"""The confidence of a match made by item number only, for a report whose body is unknown."""


# --- the tables ---------------------------------------------------------------------------------

COMMITMENT_COLUMNS = (
    "plan_id",
    "item",
    "commitment",
    "executor",
    "executor_id",
    "year",
    "executors",
    "deadline_start",
    "deadline_end",
    "reported",
    "status",
    "evidence",
    "report_path",
    "n_dated_events",
    "n_counts",
    "n_organizations",
)
"""Required columns of commitments.csv, in the contract's order: one row per (item, executor, year)."""

COMMITMENT_EXTRA_COLUMNS = (
    "executor_role",
    "executor_relation",
    "executor_ids",
    "deadline_kind",
    "deadline_text",
    "overdue",
    "report_id",
    "report_item",
    "report_commitment",
    "match",
    "confidence",
    "flags",
    "rule",
    "evidence_spans",
    "report_start",
    "report_end",
)
"""Extra columns: the executor's role (``agreement`` for ``razılıq əsasında``) and how the
report's body relates to it (``own``, ``unit``, ``parent``), whether the deadline has passed by
the end of the year without the item being complete (``overdue``), which report and section the
status comes from, how the section was matched (``number``, ``text``, ``none``) and how sure
that is, flags (``body_unknown``: a report whose body the title does not name, matched by item
number only), the rule that decided, the evidence sentences' spans (``start-end`` into the
report's text, ``; ``-separated) and the section's span."""

REPORT_ONLY_COLUMNS = (
    "plan_id",
    "report_id",
    "report_path",
    "organization",
    "org_id",
    "year",
    "report_item",
    "report_commitment",
    "status",
    "rule",
    "evidence",
    "evidence_spans",
    "report_start",
    "report_end",
)
UNMATCHED_REPORT_COLUMNS = (
    "report_id",
    "report_path",
    "organization",
    "org_id",
    "year",
    "reason",
    "detail",
    "n_sections",
)
REPORT_COLUMNS = ("report_id", "report_path", "organization", "org_id", "year", "used", "reason", "executors_served")
STATUS_RANK = {status: rank for rank, status in enumerate(rules.STATUSES)}
UNDATED = "undated"
"""The year column of a report whose year is unknown."""


@dataclass
class Comparison:
    """A plan against reports: every table a reader needs.

    Attributes:
        plan: the plan (the last report's own plan when compared without one).
        commitments: one row per (item, executor, year) — :data:`COMMITMENT_COLUMNS` then
            :data:`COMMITMENT_EXTRA_COLUMNS`.
        matrix: one row per (item, executor), one status column per year.
        summary: one row per executor: items, share of each status (latest own status), overdue.
        history: one row per (item, executor): status per year, the latest status from the
            executor's own reports, how many of them reported it, overdue.
        report_only: sections matching no plan item of their body.
        unmatched_reports: reports that gave no status, with the reason.
        reports: every report, used or not.
        evidence: the reports' :class:`ReportEvidence` (with their texts, for the page).
    """

    plan: Plan
    commitments: pd.DataFrame
    matrix: pd.DataFrame
    summary: pd.DataFrame
    history: pd.DataFrame
    report_only: pd.DataFrame
    unmatched_reports: pd.DataFrame
    reports: pd.DataFrame
    evidence: list[ReportEvidence] = field(default_factory=list)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by file name (without ``.csv``)."""
        return {
            "commitments": self.commitments,
            "matrix": self.matrix,
            "summary": self.summary,
            "commitments_history": self.history,
            "report_only": self.report_only,
            "unmatched_reports": self.unmatched_reports,
            "reports": self.reports,
        }


def _year_key(year: int | None) -> str:
    return str(year) if year is not None else UNDATED


def _best(rows: list[dict]) -> dict:
    """The row that speaks best for an item in a year (of several reports): the best status, then the surest match."""
    return min(rows, key=lambda row: (STATUS_RANK[str(row["status"])], -float(str(row["confidence"]))))


def _slots(plan: Plan, evidence: Sequence[ReportEvidence]) -> list[tuple[PlanItem, tuple[str, str, str, str]]]:
    """(item, executor) pairs: the item's executors, or the reporting body for a report's own plan."""
    pairs = []
    for entry in plan.items:
        executors = _executors(entry)
        if not executors and plan.form == "report" and evidence:
            first = evidence[0]
            executors = [(first.organization, first.org_id, first.parent_id, "")]
        pairs += [(entry, executor) for executor in executors]
    return pairs


def _credited(evidence: ReportEvidence, entry: PlanItem, executor_id: str) -> bool:
    """A report whose body is unknown speaks, by item number, for the item's first executor."""
    return evidence.reason == "body_unknown" and bool(executor_id) and _lead(entry) == executor_id


def combine(plan: Plan, evidence: Sequence[ReportEvidence], *, executor: str | None = None) -> Comparison:
    """The tables of a comparison from the reports' evidence.

    Each (item, executor) gets one row per reporting year (the years of the used reports): the
    best-supported status the executor's own reports give it that year (see
    :func:`read_report`), else ``no_evidence``. A report of another body never gives it a status.
    Without any usable report, each (item, executor) gets one undated ``no_evidence`` row.

    Args:
        plan: the plan.
        evidence: one :class:`ReportEvidence` per report.
        executor: keep only this executor (its id or name).
    """
    used = [e for e in evidence if e.used]
    # No usable report at all: every item is still listed for its executors, undated, no_evidence
    # (a watchdog sees the whole plan unreported, not an empty table).
    years = sorted({e.year for e in used}, key=lambda y: (y is None, y or 0)) or [None]
    wanted = _wanted_executor(executor)
    slots = [
        (entry, ex) for entry, ex in _slots(plan, evidence) if wanted is None or wanted in (ex[1], casefold(ex[0]))
    ]
    rows = []
    for entry, (name, executor_id, _executor_parent, role) in slots:
        complete_by: int | None = None
        for year in years:
            own_reports = [
                e for e in used if e.year == year and (executor_id in e.served or _credited(e, entry, executor_id))
            ]
            candidates = [
                {**row, "executor_relation": e.served.get(executor_id, "")}
                for e in own_reports
                for row in e.rows
                if row["item"] == entry.item
            ]
            row = (
                _best(candidates)
                if candidates
                else {
                    "report_id": "; ".join(e.report_id for e in own_reports),
                    "report_path": "; ".join(e.report_path for e in own_reports),
                    "status": rules.RULE_STATUS["not_reported"],
                    "rule": "not_reported",
                    "match": "none",
                    "confidence": 1.0,
                    "executor_relation": "",
                    "flags": "",
                }
            )
            if row["status"] == "complete" and year is not None and complete_by is None:
                complete_by = year
            rows.append(
                {
                    "plan_id": plan.plan_id,
                    "item": entry.item,
                    "commitment": entry.measure,
                    "executor": name,
                    "executor_id": executor_id,
                    "year": year,
                    "executors": "; ".join(entry.executors) or name,
                    "deadline_start": entry.deadline_start,
                    "deadline_end": entry.deadline_end,
                    "reported": bool(candidates),
                    "evidence": "",
                    "n_dated_events": 0,
                    "n_counts": 0,
                    "n_organizations": 0,
                    "report_item": "",
                    "report_commitment": "",
                    "evidence_spans": "",
                    "report_start": pd.NA,
                    "report_end": pd.NA,
                    **{k: v for k, v in row.items() if k != "item"},
                    "executor_role": role,
                    "executor_ids": "; ".join(i for i in entry.executor_ids if i) or executor_id,
                    "deadline_kind": entry.deadline_kind,
                    "deadline_text": entry.deadline_text,
                    "overdue": _overdue(entry, year, complete_by),
                }
            )
    columns = list(COMMITMENT_COLUMNS + COMMITMENT_EXTRA_COLUMNS)
    commitments = pd.DataFrame(rows, columns=columns).astype(
        {"year": "Int64", "report_start": "Int64", "report_end": "Int64", "reported": bool, "overdue": bool}
    )
    report_only = pd.DataFrame(
        [
            {**row, "plan_id": plan.plan_id, "organization": e.organization, "org_id": e.org_id, "year": e.year}
            for e in used
            for row in e.report_only
        ],
        columns=list(REPORT_ONLY_COLUMNS),
    ).astype({"year": "Int64", "report_start": "Int64", "report_end": "Int64"})
    unmatched = pd.DataFrame(
        [
            {
                "report_id": e.report_id,
                "report_path": e.report_path,
                "organization": e.organization,
                "org_id": e.org_id,
                "year": e.year,
                "reason": e.reason,
                "detail": e.detail,
                "n_sections": e.n_sections,
            }
            for e in evidence
            if not e.used
        ],
        columns=list(UNMATCHED_REPORT_COLUMNS),
    ).astype({"year": "Int64"})
    reports = pd.DataFrame(
        [
            {
                "report_id": e.report_id,
                "report_path": e.report_path,
                "organization": e.organization,
                "org_id": e.org_id,
                "year": e.year,
                "used": e.used,
                "reason": e.reason,
                "executors_served": "; ".join(f"{i} ({link})" for i, link in e.served.items()) if e.used else "",
            }
            for e in evidence
        ],
        columns=list(REPORT_COLUMNS),
    ).astype({"year": "Int64"})
    table = history(commitments)
    return Comparison(
        plan,
        commitments,
        matrix(commitments, table),
        summary(table),
        table,
        report_only,
        unmatched,
        reports,
        list(evidence),
    )


def _lead(entry: PlanItem) -> str:
    """The first executor with an id: the one a report of an unknown body is credited to."""
    return next((i for i in entry.executor_ids if i), "")


def _wanted_executor(executor: str | None) -> str | None:
    if not executor:
        return None
    if re.fullmatch(r"[a-z0-9-]+", executor):
        return executor
    _name, key, _parent = executor_identity(executor)
    return key or casefold(executor)


def executes(plan: Plan, executor: str) -> bool:
    """Whether ``executor`` (an ``org_id`` or a name) is an executor of some item of the plan."""
    wanted = _wanted_executor(executor)
    return any(wanted in (key, casefold(name)) for entry in plan.items for name, key, _p, _r in _executors(entry))


def _overdue(entry: PlanItem, year: int | None, complete_by: int | None) -> bool:
    """The item's own deadline (not a continuous or recurring one) has passed by the end of
    ``year`` and the executor has not reported it complete by then."""
    if year is None or not entry.deadline_end or entry.deadline_kind in ("", "continuous", "recurring"):
        return False
    return entry.deadline_end <= f"{year}-12-31" and (complete_by is None or complete_by > year)


def _as_documents(reports: Document | str | Path | Iterable[Document | str | Path]) -> list[Document]:
    if isinstance(reports, (Document, str, Path)):
        reports = [reports]
    return [report if isinstance(report, Document) else load(report) for report in reports]


def compare_plan(
    plan: Plan | str | Path | None,
    reports: Document | str | Path | Iterable[Document | str | Path],
    *,
    year: int | None = None,
    executor: str | None = None,
) -> Comparison:
    """Compare one plan with the execution reports of its executors.

    Args:
        plan: a :class:`~reportparse.plans.model.Plan`, a plan file (see :func:`~reportparse.plans.read.load_plan`),
            or None to use each report's own item headings and commitments as its plan (the
            reporting body is then the executor of every item).
        reports: report files or loaded documents (several bodies, several years).
        year: the reporting year of every report, overriding their titles.
        executor: keep only this executor (an ``org_id`` or a name).

    Returns:
        The :class:`Comparison`.
    """
    if isinstance(plan, (str, Path)):
        plan = load_plan(plan)
    documents = _as_documents(reports)
    if plan is not None:
        return combine(plan, [read_report(plan, d, year=year) for d in documents], executor=executor)
    parts = []
    for document in documents:
        own = plan_from_report(document)
        parts.append(combine(own, [read_report(own, document, year=year)], executor=executor))
    return merge(parts) if parts else combine(Plan("", []), [], executor=executor)


def merge(parts: Sequence[Comparison]) -> Comparison:
    """One comparison of several (each report against its own plan): the tables concatenated."""
    if len(parts) == 1:
        return parts[0]
    tables = {name: pd.concat([part.tables()[name] for part in parts], ignore_index=True) for name in parts[0].tables()}
    return Comparison(
        parts[-1].plan,
        tables["commitments"],
        tables["matrix"],
        tables["summary"],
        tables["commitments_history"],
        tables["report_only"],
        tables["unmatched_reports"],
        tables["reports"],
        [e for part in parts for e in part.evidence],
    )


def compare(
    plan: Plan | str | Path | None,
    reports: Document | str | Path | Iterable[Document | str | Path],
    *,
    year: int | None = None,
    executor: str | None = None,
) -> pd.DataFrame:
    """commitments.csv of a plan against reports: one row per (item, executor, year).

    See :func:`compare_plan` (which returns every table) for the arguments.
    """
    return compare_plan(plan, reports, year=year, executor=executor).commitments


def history(commitments: pd.DataFrame) -> pd.DataFrame:
    """Per item and executor: the status of each year, the latest status the executor's own
    reports gave it (a later year that does not mention an item keeps the earlier status),
    the year of that status, how many years reported it, and whether it is overdue.

    Args:
        commitments: the output of :func:`compare`.

    Returns:
        Columns plan_id, item, executor_id, executor, commitment, one per year, latest_status,
        latest_year, n_reported, overdue.
    """
    base = ["plan_id", "item", "executor_id", "executor", "commitment"]
    years = [_year_key(_year_of(y)) for y in dict.fromkeys(commitments["year"])] if len(commitments) else []
    rows = []
    for _key, group in commitments.groupby(["plan_id", "item", "executor_id", "executor"], sort=False):
        first = group.iloc[0]
        row = {column: first[column] for column in base}
        for _, entry in group.iterrows():
            row[_year_key(_year_of(entry["year"]))] = entry["status"]
        reported = group[group["reported"]]
        last = reported.iloc[-1] if len(reported) else None
        row["latest_status"] = last["status"] if last is not None else rules.RULE_STATUS["not_reported"]
        row["latest_year"] = last["year"] if last is not None else pd.NA
        row["n_reported"] = len(reported)
        row["overdue"] = bool(group["overdue"].iloc[-1])
        rows.append(row)
    frame = pd.DataFrame(rows, columns=base + years + ["latest_status", "latest_year", "n_reported", "overdue"])
    return frame.astype({"latest_year": "Int64", "n_reported": int, "overdue": bool})


def matrix(commitments: pd.DataFrame, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Item × executor, one status column per year (then the executor's name, the latest status
    and the overdue flag)."""
    table = history(commitments) if table is None else table
    years = [c for c in table.columns if c not in _HISTORY_FIXED]
    return table[["plan_id", "item", "executor_id", *years, "executor", "latest_status", "overdue"]].copy()


_HISTORY_FIXED = {
    "plan_id",
    "item",
    "executor_id",
    "executor",
    "commitment",
    "latest_status",
    "latest_year",
    "n_reported",
    "overdue",
}

SUMMARY_COLUMNS = (
    "plan_id",
    "executor_id",
    "executor",
    "n_items",
    *(f"share_{status}" for status in rules.STATUSES),
    "n_overdue",
)


def summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per executor: its items, the share (%) of each status (the latest status its own reports
    gave), and how many are overdue. Report-only sections never count.

    Args:
        table: the output of :func:`history`.
    """
    rows = []
    for (plan_id, executor_id, name), group in table.groupby(["plan_id", "executor_id", "executor"], sort=False):
        counts = group["latest_status"].value_counts()
        row: dict[str, object] = {
            "plan_id": plan_id,
            "executor_id": executor_id,
            "executor": name,
            "n_items": len(group),
        }
        for status in rules.STATUSES:
            row[f"share_{status}"] = round(100 * int(counts.get(status, 0)) / len(group), 1)
        row["n_overdue"] = int(group["overdue"].sum())
        rows.append(row)
    return pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))

"""The plan model: a plan's items (number, measure, executors, deadline, expected result) and
how a measure's printed fields become them (executors split and canonicalized through the
organizations extractor, deadlines read by the dates grammar).

Reading plan files is :mod:`reportparse.plans.read`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pandas as pd

from reportparse.extract.dates import find_dates, frequency_of
from reportparse.extract.organizations import find_organizations, org_key
from reportparse.lang.az.calendar import CONTINUOUS
from reportparse.lang.az.casing import casefold
from reportparse.lang.az.plan_labels import (
    EXECUTOR_HEAD_STEMS,
    GENERIC_EXECUTOR_HEADS,
    QUALIFIERS,
)
from reportparse.structure.plan_sections import clean_measure as _clean_measure
from reportparse.structure.plan_sections import one_line as _one_line

PLAN_COLUMNS = (
    "plan_id",
    "item",
    "measure",
    "executors",
    "executor_ids",
    "deadline_text",
    "deadline_kind",
    "deadline_start",
    "deadline_end",
    "deadline_recurrence",
    "expected_result",
    "chapter",
)
"""Columns of :meth:`Plan.to_frame`."""


@dataclass
class PlanItem:
    """One measure of a plan.

    Attributes:
        item: the number as printed, without a final dot (``1.1.3``).
        measure: the commitment text, whitespace-normalized, without its final full stop.
        executors: canonical names of the executors (the printed text when not recognised).
        executor_ids: their ids, aligned with ``executors`` ("" for a class of bodies such as
            ``yerli icra hakimiyyəti orqanları``).
        executor_parent_ids: the id of the body each executor is attached to or a unit of
            (``X yanında Y``, ``Nazirliyinin … İdarəsi``), aligned with ``executors``, or "".
        executor_roles: ``agreement`` for an executor taking part by consent (``(razılıq
            əsasında)``), else "", aligned with ``executors``.
        executors_text: the executors as printed.
        deadline_text: the ``İcra müddəti`` value as printed.
        deadline_kind: ``point``, ``period``, ``range``, ``deadline`` (a date), ``continuous``
            (``mütəmadi``), ``recurring`` (``hər il …``) or "" when unknown.
        deadline_start, deadline_end: ISO dates; continuous and recurring measures span the
            plan period.
        deadline_recurrence: the frequency the deadline states (``hər il, martın 1-dək`` →
            ``yearly``; ``mütəmadi`` → ``continuous``), or "" (see
            :func:`reportparse.extract.dates.frequency_of`).
        expected_result: the ``Gözlənilən nəticə`` value, or "".
        chapter: the chapter heading the measure stands under in a text plan, or "".
        start, end: span of the item number in the plan document's text, when found there.
    """

    item: str
    measure: str
    executors: list[str] = field(default_factory=list)
    executor_ids: list[str] = field(default_factory=list)
    executor_parent_ids: list[str] = field(default_factory=list)
    executor_roles: list[str] = field(default_factory=list)
    executors_text: str = ""
    deadline_text: str = ""
    deadline_kind: str = ""
    deadline_start: str = ""
    deadline_end: str = ""
    deadline_recurrence: str = ""
    expected_result: str = ""
    chapter: str = ""
    start: int | None = None
    end: int | None = None


@dataclass
class Plan:
    """An action plan: its items in order, and where they came from.

    Attributes:
        plan_id: the plan document's ``doc_id`` (or the id given to :func:`load_plan`).
        items: the measures, in plan order.
        source: the plan file, or None.
        form: ``text``, ``docx_table``, ``pdf_table``, ``tsv_table`` or ``report`` (a report's
            own headings).
        title: the plan's title.
        period_start, period_end: the plan period (ISO) when the title names one.
    """

    plan_id: str
    items: list[PlanItem]
    source: str | None = None
    form: str = "text"
    title: str = ""
    period_start: str = ""
    period_end: str = ""

    def __iter__(self) -> Iterator[PlanItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def get(self, item: str) -> PlanItem | None:
        """The item numbered ``item``, or None."""
        return next((entry for entry in self.items if entry.item == item), None)

    def to_frame(self) -> pd.DataFrame:
        """One row per item, columns :data:`PLAN_COLUMNS` (lists joined with ``; ``)."""
        rows = [
            {
                "plan_id": self.plan_id,
                "item": entry.item,
                "measure": entry.measure,
                "executors": "; ".join(entry.executors),
                "executor_ids": "; ".join(i for i in entry.executor_ids if i),
                "deadline_text": entry.deadline_text,
                "deadline_kind": entry.deadline_kind,
                "deadline_start": entry.deadline_start,
                "deadline_end": entry.deadline_end,
                "deadline_recurrence": entry.deadline_recurrence,
                "expected_result": entry.expected_result,
                "chapter": entry.chapter,
            }
            for entry in self.items
        ]
        return pd.DataFrame(rows, columns=list(PLAN_COLUMNS))


_QUALIFIER = re.compile(r"\s*\((?:" + "|".join(QUALIFIERS) + r")\)", re.IGNORECASE)


def _ends_executor(segment: str) -> bool:
    """Whether a comma-separated piece ends with an organization's head (so the list goes on)."""
    words = casefold(_QUALIFIER.sub("", segment)).split()
    return bool(words) and (words[-1] in GENERIC_EXECUTOR_HEADS or words[-1].startswith(EXECUTOR_HEAD_STEMS))


def split_executors(value: str) -> list[str]:
    """The executors of an ``İcraçılar`` value, as printed, qualifiers such as ``(razılıq əsasında)`` removed.

    A bulleted list gives one executor per bullet; otherwise ``;`` separates executors and a
    comma does only after an organization's head noun, so ``Nəqliyyat, Rabitə və Yüksək
    Texnologiyalar Nazirliyi`` stays one name.
    """
    return [name for name, _role in split_executor_roles(value)]


def split_executor_roles(value: str) -> list[tuple[str, str]]:
    """(executor as printed, role) of an ``İcraçılar`` value: the role is ``agreement`` when a
    qualifier such as ``(razılıq əsasında)`` follows the name (see :func:`split_executors`)."""
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    if lines and all(line[0] in "-–•·" for line in lines):
        pieces = [line.lstrip("-–•· ").strip() for line in lines]
    else:
        pieces = []
        for chunk in re.split(r"[;\n]", value):
            pending = ""
            for part in chunk.split(","):
                pending = f"{pending}, {part.strip()}" if pending else part.strip()
                if _ends_executor(pending):
                    pieces.append(pending)
                    pending = ""
            if pending.strip():
                pieces.append(pending)
    executors = [
        (_one_line(_QUALIFIER.sub("", piece)).strip(" .;,"), "agreement" if _QUALIFIER.search(piece) else "")
        for piece in pieces
    ]
    return [(name, role) for name, role in executors if name]


def canonical_executor(executor: str) -> tuple[str, str]:
    """(canonical name, id) of one executor; a class of bodies keeps its text and gets no id."""
    name, key, _parent = executor_identity(executor)
    return name, key


def executor_identity(executor: str) -> tuple[str, str, str]:
    """(canonical name, id, parent's id) of one body's name: the organization mention ending last
    (a name's head noun ends it); the parent is the body it is attached to or a unit of. A class
    of bodies (``yerli icra hakimiyyəti orqanları``) keeps its text and gets no id."""
    words = casefold(executor).split()
    if not words or words[-1] in GENERIC_EXECUTOR_HEADS:
        return executor, "", ""
    mentions = [m for m in find_organizations(executor) if not m.anaphoric]
    if mentions:
        last = max(mentions, key=lambda m: (m.end, m.end - m.start))
        return last.name, last.key, org_key(last.parent) if last.parent else ""
    return executor, org_key(executor), ""


def parse_deadline(text: str, *, period: tuple[str, str] = ("", "")) -> tuple[str, str, str]:
    """(kind, start, end) of an ``İcra müddəti`` value.

    Args:
        text: the value as printed (``2020–2022-ci illər``, ``2021-ci ilin sonunadək``,
            ``mütəmadi``, ``hər il, martın 1-dək``).
        period: the plan period, which continuous and recurring measures span.

    Returns:
        The kind (see :attr:`PlanItem.deadline_kind`) and ISO start and end ("" when unknown).
    """
    mentions = find_dates(text)
    dated = [m for m in mentions if m.date_start is not None]
    recurring = frequency_of(text)
    if recurring == CONTINUOUS:
        return "continuous", *period
    if dated and not recurring:
        kind = dated[0].kind if len(dated) == 1 else "range"
        # a mention has both dates or neither (see extract.dates._mention)
        first = min(m.date_start for m in dated if m.date_start is not None)
        last = max(m.date_end for m in dated if m.date_end is not None)
        return kind, first.isoformat(), last.isoformat()
    if recurring:
        return "recurring", *period
    if mentions:
        return mentions[0].kind, *period
    return "", "", ""


def make_item(
    number: str,
    measure: str,
    *,
    executors: str = "",
    deadline: str = "",
    result: str = "",
    chapter: str = "",
    period: tuple[str, str] = ("", ""),
) -> PlanItem:
    names, ids, parents, roles = [], [], [], []
    for executor, role in split_executor_roles(executors):
        name, key, parent = executor_identity(executor)
        names.append(name)
        ids.append(key)
        parents.append(parent)
        roles.append(role)
    kind, start, end = parse_deadline(_one_line(deadline), period=period) if deadline.strip() else ("", "", "")
    return PlanItem(
        item=number.strip().rstrip("."),
        measure=_clean_measure(measure),
        executors=names,
        executor_ids=ids,
        executor_parent_ids=parents,
        executor_roles=roles,
        executors_text=_one_line(executors),
        deadline_text=_one_line(deadline),
        deadline_kind=kind,
        deadline_start=start,
        deadline_end=end,
        deadline_recurrence=frequency_of(deadline) if deadline.strip() else "",
        expected_result=_clean_measure(result),
        chapter=chapter,
    )
